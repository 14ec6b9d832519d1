// CSV for batches: one row per plan and requirement, for a spreadsheet or a
// script. RFC 4180: comma separated, CRLF line ends, a field quoted when it
// holds a comma, a quote or a line break (quotes doubled); UTF-8 without a
// BOM; one header row. The column names are fixed (English, like the JSON
// keys) whatever --lang is, so scripts can rely on them; the values of
// plan_status are the JSON's (conformant, nonconformant, not-a-plan,
// unreadable). The requirement title and the verdict (the plan status in
// words, "Ikke en beskæftigelsesplan") are in the report language. A plan without requirements (unreadable,
// not a plan) still gets one row, with the requirement columns empty.
//
// --csv-dialect excel (WriterOptions::excel_csv) is for Danish Excel, which
// opens a file by double-click with ';' as the separator and reads UTF-8
// only after a BOM: ';' separated, a UTF-8 BOM, CRLF, and a row per plan
// with the columns of the spreadsheet's Oversigt sheet (plan_row_heads),
// Danish heads by default; a column per canonical requirement (a region's
// own requirements are not in it: the stream's header is written before the
// first plan is known); the duplicate column stays empty (a stream writer
// does not see the batch; -f xlsx marks duplicates). Unreadable rows carry
// the error kind and message.
#include "cli/writers/writer.h"
#include "rules/profile.h"

namespace plantjek {

namespace {

std::string field(const std::string& s, char sep) {
    if (s.find_first_of(std::string(1, sep) + "\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q.push_back('"');
        q.push_back(c);
    }
    return q + "\"";
}

void row(std::ostream& os, const std::vector<std::string>& cells, char sep = ',') {
    for (std::size_t i = 0; i < cells.size(); ++i) os << (i ? std::string(1, sep) : "") << field(cells[i], sep);
    os << "\r\n";
}

OverviewColumns excel_columns() {
    OverviewColumns c;
    c.ids = canonical_requirement_ids();
    return c;
}

std::string years_csv(const std::vector<int>& years) {
    std::string s;
    for (std::size_t i = 0; i < years.size(); ++i) s += (i ? ";" : "") + std::to_string(years[i]);
    return s;
}

std::string municipalities_csv(const std::vector<std::string>& m) {
    std::string s;
    for (std::size_t i = 0; i < m.size(); ++i) s += (i ? ";" : "") + m[i];
    return s;
}

}  // namespace

void write_csv_header(std::ostream& os, const WriterOptions& o) {
    if (o.excel_csv) {
        os << "\xEF\xBB\xBF";
        return row(os, plan_row_heads(excel_columns(), o.lang), ';');
    }
    row(os, {"file", "municipality", "years", "kind", "profile", "stage", "plan_status", "requirement",
             "requirement_status", "severity", "page", "title", "verdict"});
}

void write_csv_rows(std::ostream& os, const Report& r, const WriterOptions& o) {
    if (o.excel_csv) return row(os, plan_row_cells(r, "", excel_columns(), o.lang), ';');
    std::vector<std::string> plan = {r.path,    municipalities_csv(r.municipalities), years_csv(r.years),
                                     doc_kind_name(r.kind), r.profile,
                                     stage_name(r.stage), status_name(r.status)};
    if (r.requirements.empty()) {
        auto cells = plan;
        cells.insert(cells.end(), {"", "", "", "", "", status_label(r.status, o.lang)});
        row(os, cells);
        return;
    }
    for (const auto& q : r.requirements) {
        auto cells = plan;
        std::string page = !q.evidence.empty() && q.evidence.front().page > 0 ? std::to_string(q.evidence.front().page)
                                                                              : "";
        cells.insert(cells.end(),
                     {q.id, req_status_name(q.status), severity_name(q.severity), page, pick(q.title, o.lang),
                      status_label(r.status, o.lang)});
        row(os, cells);
    }
}

void write_csv(std::ostream& os, const Report& r, const WriterOptions& o) {
    write_csv_header(os, o);
    write_csv_rows(os, r, o);
}

}  // namespace plantjek
