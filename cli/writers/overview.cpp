// The batch overview (index.html): the page a region screens a season's
// plans with. One row per plan, linking to its own report; a column per
// requirement (the union over the plans: canonical ids in DESIGN.md order,
// then a region's own ids in order of appearance); the minister-goal
// targets side by side, one column per goal number; a totals row.
//
// Self-contained like the plan report (inline CSS, no scripts); rows in the
// order given, so the caller decides the order and the output is
// deterministic.
#include <algorithm>
#include <map>
#include <set>

#include "cli/writers/writer.h"
#include "rules/profile.h"

namespace plantjek {

namespace {

std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

const char* kCss = R"CSS(
:root{--ok:#1a7f37;--bad:#b42318;--warn:#9a5b00;--dim:#667085;--line:#d0d5dd;--bg:#f8f9fb}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2939;margin:0}
header{background:#1d2939;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0}
.wrap{padding:12px 24px 40px;overflow-x:auto}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:center;vertical-align:middle}
th{background:var(--bg);font-size:12px;font-weight:600}
th.goal{white-space:nowrap}
th.req{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}
td.file,td.text,th.text{text-align:left}
td.num{text-align:right;white-space:nowrap}
tr.conformant td.status{color:#fff;background:var(--ok)}
tr.nonconformant td.status{color:#fff;background:var(--bad)}
tr.unreadable td.status{color:#fff;background:#475467}
tr.not-a-plan td.status{color:#fff;background:var(--dim)}
td.pass{color:var(--ok);font-weight:700}td.fail{color:#fff;background:var(--bad);font-weight:700}
td.warn{color:#fff;background:var(--warn);font-weight:700}td.not-applicable,td.waived,td.absent{color:var(--dim)}
td.unfilled{color:var(--bad);font-weight:700}td.missing{color:#fff;background:var(--bad);font-weight:600}
tfoot td{font-weight:600;background:var(--bg)}
a{color:#175cd3}
.legend{font-size:12px;color:var(--dim)}
@media print{header,td.status,td.fail,td.warn,td.missing{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}@page{size:landscape;margin:10mm}}
)CSS";

// A relative link as given, made safe: characters that would change its
// meaning percent-encoded, and a leading "x:" (which would read as a URL
// scheme, e.g. javascript:) prefixed with "./".
std::string safe_href(const std::string& href) {
    std::string out;
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : href) {
        if (c <= 0x20 || c == 0x7f || std::string_view("\"#%<>?\\^`{|}'").find(static_cast<char>(c)) != std::string_view::npos) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    auto colon = out.find(':'), slash = out.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) out = "./" + out;
    return html_escape(out);
}

std::string base_name(const std::string& path) {
    auto p = path.find_last_of('/');
    return p == std::string::npos ? path : path.substr(p + 1);
}

using Columns = OverviewColumns;

// The page head and the header with the plans counted by status (each
// status apart: a document that is no plan is neither in order nor not).
void page_head(std::ostream& os, const std::vector<OverviewEntry>& plans, Lang l) {
    std::map<Status, int> count;
    for (const auto& e : plans) ++count[e.report.status];
    const std::string title = tr(l, "Beskæftigelsesplaner — oversigt", "Employment plans — overview");
    os << "<!DOCTYPE html>\n<html lang=\"" << (l == Lang::da ? "da" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<meta name=\"generator\" content=\"plantjek " << PLANTJEK_VERSION << "\">\n<title>" << title
       << " · plantjek</title>\n<style>" << kCss << "</style>\n</head>\n<body>\n<header id=\"verdict\">\n<h1>" << title
       << "</h1>\n<p class=\"counts\">"
       << count_noun(static_cast<int>(plans.size()), l, "fil", "filer", "file", "files") << " · "
       << count[Status::conformant] << tr(l, " i orden", " conformant") << " · " << count[Status::nonconformant]
       << tr(l, " ikke i orden", " nonconformant") << " · " << count[Status::not_a_plan]
       << tr(l, " ikke en beskæftigelsesplan", " not an employment plan") << " · " << count[Status::unreadable]
       << tr(l, " kan ikke læses", " unreadable") << "</p>\n</header>\n<div class=\"wrap\">\n";
    os << "<p class=\"legend\">✓ " << tr(l, "opfyldt", "met") << " · ✗ " << tr(l, "ikke opfyldt", "not met")
       << " · ! " << tr(l, "advarsel", "warning") << " · – " << tr(l, "ikke relevant", "not applicable") << " · ~ "
       << tr(l, "fritaget", "waived") << " · — " << tr(l, "ikke kontrolleret", "not checked") << ". "
       << tr(l, "Klik på en fil for planens egen rapport.", "Click a file for the plan's own report.") << "</p>\n";
}

// The header row: the plan's columns, the counts (✗, !, error and warning
// findings), then a column per requirement and per goal.
void table_head(std::ostream& os, const Columns& c, Lang l) {
    os << "<table class=\"overview\">\n<thead><tr><th class=\"text\">" << tr(l, "Fil", "File")
       << "</th><th class=\"text\">" << tr(l, "Kommune", "Municipality") << "</th><th>" << tr(l, "Planår", "Year")
       << "</th><th>" << tr(l, "Status", "Status") << "</th><th title=\"✗\">" << tr(l, "Ikke opfyldt", "Not met")
       << "</th><th title=\"!\">" << tr(l, "Med advarsel", "With warnings") << "</th><th>"
       << tr(l, "Fund: fejl", "Findings: errors") << "</th><th>" << tr(l, "Fund: advarsler", "Findings: warnings")
       << "</th>";
    for (const auto& id : c.ids)
        os << "<th class=\"req\" title=\"" << html_escape(c.titles.at(id)) << "\">" << html_escape(id) << "</th>";
    for (const auto& [n, t] : c.goal_titles) {
        os << "<th class=\"goal\"";
        if (t.size() == 1) os << " title=\"" << html_escape(*t.begin()) << "\"";
        os << ">" << tr(l, "Mål ", "Goal ") << n << "</th>";
    }
    os << "</tr></thead>\n<tbody>\n";
}

// A goal's cell: its targets (target_label), "afventer", or ✓ / "mangler"
// for a goal without a target (✗ is kept for the requirements, so that the
// marks and the counts agree).
void goal_cell(std::ostream& os, const GoalResult* g, Lang l) {
    if (!g) {
        os << "<td class=\"absent\">—</td>";
    } else if (g->pending && g->targets.empty()) {
        os << "<td class=\"not-applicable\">" << tr(l, "afventer", "pending") << "</td>";
    } else if (g->targets.empty()) {
        if (g->addressed) os << "<td class=\"pass\">✓</td>";
        else os << "<td class=\"missing\">" << tr(l, "mangler", "missing") << "</td>";
    } else {
        bool unfilled = false;
        std::string cell;
        for (std::size_t i = 0; i < g->targets.size(); ++i) {
            if (i) cell += "<br>";
            unfilled = unfilled || target_missing(g->targets[i]);
            cell += html_escape(target_label(g->targets[i], l));
        }
        os << "<td class=\"num" << (unfilled ? " unfilled" : "") << "\" title=\""
           << html_escape(g->targets.front().text) << "\">" << cell << "</td>";
    }
}

// How many plans meet each requirement, of those it applies to.
struct Tally {
    std::map<std::string, int> passes, applicable;
};

// One plan's row: file (linked), kommune, year, status, its counts, a mark
// per requirement and a cell per goal.
void plan_row(std::ostream& os, const OverviewEntry& e, const Columns& c, Lang l, Tally& tally) {
    const Report& r = e.report;
    os << "<tr class=\"plan " << html_escape(status_name(r.status)) << "\"><td class=\"file\">";
    if (!e.href.empty()) os << "<a href=\"" << safe_href(e.href) << "\">" << html_escape(base_name(r.path)) << "</a>";
    else os << html_escape(base_name(r.path));
    os << "</td><td class=\"text\">" << html_escape(municipalities_label(r.municipalities)) << "</td><td>"
       << html_escape(years_label(r.years)) << "</td><td class=\"status\">" << status_label(r.status, l) << "</td>";
    for (const int n : {r.summary.failed, r.summary.warned, r.summary.errors, r.summary.warnings})
        os << "<td class=\"num\">" << n << "</td>";
    for (const auto& id : c.ids) {
        auto q = std::find_if(r.requirements.begin(), r.requirements.end(), [&](const auto& x) { return x.id == id; });
        if (q == r.requirements.end()) {
            os << "<td class=\"absent\">—</td>";
            continue;
        }
        if (q->status != ReqStatus::not_applicable) ++tally.applicable[id];
        if (q->status == ReqStatus::pass || q->status == ReqStatus::waived) ++tally.passes[id];
        const std::string label = html_escape(req_status_label(q->status, l) + ": " + pick(q->title, l));
        os << "<td class=\"" << req_status_name(q->status) << "\" title=\"" << label << "\">"
           << req_status_mark(q->status) << "</td>";
    }
    for (const auto& entry : c.goal_titles) {
        const int n = entry.first;
        auto g = std::find_if(r.goals.begin(), r.goals.end(), [&](const auto& x) { return goal_number(x.id) == n; });
        goal_cell(os, g == r.goals.end() ? nullptr : &*g, l);
    }
    os << "</tr>\n";
}

// The totals row: the plans in order, the sums of the count columns, and
// how many plans meet each requirement; then the page's end.
void table_foot(std::ostream& os, const std::vector<OverviewEntry>& plans, const Columns& c, const Tally& tally,
                Lang l) {
    Summary totals;
    int conformant = 0;
    for (const auto& e : plans) {
        conformant += e.report.status == Status::conformant;
        totals.failed += e.report.summary.failed;
        totals.warned += e.report.summary.warned;
        totals.errors += e.report.summary.errors;
        totals.warnings += e.report.summary.warnings;
    }
    os << "</tbody>\n<tfoot><tr><td class=\"text\" colspan=\"3\">" << tr(l, "Opfyldt i alt", "Met in total")
       << "</td><td>" << conformant << "/" << plans.size() << "</td>";
    for (const int total : {totals.failed, totals.warned, totals.errors, totals.warnings})
        os << "<td class=\"num\">" << total << "</td>";
    for (const auto& id : c.ids) {
        auto count = [&](const std::map<std::string, int>& m) { return m.count(id) ? m.at(id) : 0; };
        os << "<td>" << count(tally.passes) << "/" << count(tally.applicable) << "</td>";
    }
    for (std::size_t i = 0; i < c.goal_titles.size(); ++i) os << "<td></td>";
    os << "</tr></tfoot>\n</table>\n<p class=\"legend\">plantjek " << PLANTJEK_VERSION << " (" << kReportSchema
       << ")</p>\n</div>\n</body>\n</html>\n";
}

}  // namespace

void write_overview_html(std::ostream& os, const std::vector<OverviewEntry>& plans, const WriterOptions& o) {
    const Columns columns = overview_columns(plans, o.lang);
    page_head(os, plans, o.lang);
    table_head(os, columns, o.lang);
    Tally tally;
    for (const auto& e : plans) plan_row(os, e, columns, o.lang, tally);
    table_foot(os, plans, columns, tally, o.lang);
}

}  // namespace plantjek
