// The spreadsheet of a batch, plantjek.xlsx, written with libxlsxwriter
// (Debian's libxlsxwriter-dev). Four sheets, Danish heads by default:
//   Oversigt  a row per plan: file (linked to its HTML report when one is
//             written), kommune(r), plan year(s), kind, stage, status, the
//             duplicate it repeats, failed and warned counts, a column per
//             requirement (✓ ✗ ! – fritaget) and the reasons in words;
//   Mål       a row per plan, goal and target: value, unit, deadline,
//             change, whether the annex agrees (the targets-consistent
//             requirement), and the spread (min, median, max) of the same
//             year's, goal's and unit's targets across the batch;
//   Fund      every finding, with page or section and excerpt;
//   Frister   the plan year's deadlines for each plan.
// Every sheet has its header row frozen, an autofilter and set widths.
// Duplicates stay in the sheets (marked), and are left out of the spread.
//
// Cost: libxlsxwriter keeps the cells in memory until the workbook is
// closed (a few MB for a season's batch). Limits: a cell holds at most
// 32 767 characters (longer text is cut by the library); the workbook's
// creation time (docProps) is the time of writing, or SOURCE_DATE_EPOCH
// when set, so without it files differ byte by byte between runs while the
// cells do not. write_xlsx_report (one plan to a stream: standard output,
// scan --out) goes through a temporary file, as libxlsxwriter writes files.
#include <xlsxwriter.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "cli/writers/writer.h"
#include "report/duplicates.h"

namespace plantjek {

namespace {

std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

std::string base_name(const std::string& path) {
    auto p = path.find_last_of('/');
    return p == std::string::npos ? path : path.substr(p + 1);
}

struct Formats {
    lxw_format *head, *wrap, *link, *number;
};

// One sheet being filled: a row cursor and the column count, for the
// autofilter at the end.
class Sheet {
public:
    Sheet(lxw_workbook* wb, const Formats& f, const char* name, const std::vector<std::pair<std::string, double>>& heads)
        : ws_(workbook_add_worksheet(wb, name)), f_(f), cols_(static_cast<lxw_col_t>(heads.size())) {
        for (lxw_col_t c = 0; c < cols_; ++c) {
            worksheet_write_string(ws_, 0, c, heads[c].first.c_str(), f_.head);
            worksheet_set_column(ws_, c, c, heads[c].second, nullptr);
        }
        worksheet_freeze_panes(ws_, 1, 0);
    }
    ~Sheet() { worksheet_autofilter(ws_, 0, 0, row_, cols_ ? cols_ - 1 : 0); }

    void text(lxw_col_t c, const std::string& s, bool wrap = false) {
        if (!s.empty()) worksheet_write_string(ws_, row_ + 1, c, s.c_str(), wrap ? f_.wrap : nullptr);
    }
    void number(lxw_col_t c, double v) { worksheet_write_number(ws_, row_ + 1, c, v, f_.number); }
    void maybe(lxw_col_t c, const std::optional<double>& v) {
        if (v) number(c, *v);
    }
    // A link to a file beside the workbook, shown as `label`.
    void link(lxw_col_t c, const std::string& href, const std::string& label) {
        const std::string url = "external:" + href;
        if (href.empty() ||
            worksheet_write_url_opt(ws_, row_ + 1, c, url.c_str(), f_.link, label.c_str(), nullptr) != LXW_NO_ERROR)
            text(c, label);
    }
    void next() { ++row_; }

private:
    lxw_worksheet* ws_;
    const Formats& f_;
    lxw_col_t cols_;
    lxw_row_t row_ = 0;  // data rows written
};

void overview_sheet(lxw_workbook* wb, const Formats& f, const std::vector<OverviewEntry>& plans, Lang l) {
    const OverviewColumns c = overview_columns(plans, l);
    const auto names = plan_row_heads(c, l);
    std::vector<std::pair<std::string, double>> heads;
    const double widths[] = {34, 18, 10, 16, 9, 16, 24, 8, 8};
    for (std::size_t i = 0; i < names.size(); ++i)
        heads.push_back({names[i], i < 9 ? widths[i] : i + 1 == names.size() ? 80 : i + 2 == names.size() ? 12 : 9});
    Sheet s(wb, f, "Oversigt", heads);
    for (const auto& e : plans) {
        const auto cells = plan_row_cells(e.report, e.duplicate_of, c, l);
        s.link(0, e.href, cells[0]);
        for (lxw_col_t col = 1; col < cells.size(); ++col) {
            if (col == 7 || col == 8) s.number(col, std::stod(cells[col]));
            else s.text(col, cells[col], col + 1u == cells.size());
        }
        s.next();
    }
}

// "ja" when the targets-consistent requirement is met, "nej" when not, "" when not checked.
std::string annex_agrees(const Report& r, Lang l) {
    for (const auto& q : r.requirements)
        if (q.id == "targets-consistent") {
            if (q.status == ReqStatus::pass || q.status == ReqStatus::waived) return tr(l, "ja", "yes");
            if (q.status == ReqStatus::fail || q.status == ReqStatus::warn) return tr(l, "nej", "no");
        }
    return "";
}

void goal_row(Sheet& s, const OverviewEntry& e, const GoalResult& g, const Target* t,
              const std::vector<TargetSpread>& spreads, Lang l) {
    const Report& r = e.report;
    s.text(0, base_name(r.path));
    s.text(1, municipalities_label(r.municipalities));
    s.text(2, years_label(r.years));
    s.text(3, g.id);
    s.text(4, pick(g.title, l), true);
    if (!t) {
        s.text(5, g.pending ? tr(l, "afventer", "pending") : g.addressed ? "" : tr(l, "mangler", "missing"));
    } else {
        s.text(5, target_label(*t, l));
        s.maybe(6, t->value);
        s.text(7, t->unit);
        s.text(8, t->deadline);
        s.maybe(9, t->change_pct);
        if (const TargetSpread* sp = spread_for(spreads, r, g, *t)) {
            s.number(11, sp->min());
            s.number(12, sp->median());
            s.number(13, sp->max());
            s.number(14, static_cast<double>(sp->values.size()));
        }
    }
    s.text(10, annex_agrees(r, l));
    s.text(15, duplicate_label(e.duplicate_of, l));
    s.next();
}

void goals_sheet(lxw_workbook* wb, const Formats& f, const std::vector<OverviewEntry>& plans, Lang l) {
    Sheet s(wb, f, "Mål",
            {{tr(l, "Fil", "File"), 34},
             {tr(l, "Kommune(r)", "Municipality"), 18},
             {tr(l, "Planår", "Plan year"), 10},
             {tr(l, "Mål", "Goal"), 13},
             {tr(l, "Titel", "Title"), 40},
             {tr(l, "Måltal", "Target"), 18},
             {tr(l, "Værdi", "Value"), 10},
             {tr(l, "Enhed", "Unit"), 12},
             {tr(l, "Frist", "Deadline"), 16},
             {tr(l, "Ændring (pct.)", "Change (%)"), 10},
             {tr(l, "Bilag stemmer", "Annex agrees"), 10},
             {tr(l, "Min", "Min"), 9},
             {tr(l, "Median", "Median"), 9},
             {tr(l, "Maks", "Max"), 9},
             {tr(l, "Planer", "Plans"), 8},
             {tr(l, "Dublet", "Duplicate"), 24}});
    const auto spreads = target_spreads(plans);
    for (const auto& e : plans)
        for (const auto& g : e.report.goals) {
            if (g.targets.empty()) goal_row(s, e, g, nullptr, spreads, l);
            for (const auto& t : g.targets) goal_row(s, e, g, &t, spreads, l);
        }
}

void findings_sheet(lxw_workbook* wb, const Formats& f, const std::vector<OverviewEntry>& plans, Lang l) {
    Sheet s(wb, f, "Fund",
            {{tr(l, "Fil", "File"), 34},
             {tr(l, "Regel", "Rule"), 20},
             {tr(l, "Alvor", "Severity"), 10},
             {tr(l, "Side", "Page"), 6},
             {tr(l, "Sted", "Location"), 28},
             {tr(l, "Meddelelse", "Message"), 60},
             {tr(l, "Uddrag", "Excerpt"), 60}});
    for (const auto& e : plans)
        for (const auto& x : e.report.findings) {
            s.text(0, base_name(e.report.path));
            s.text(1, x.rule);
            s.text(2, severity_label(x.severity, l));
            if (x.page > 0) s.number(3, x.page);
            s.text(4, pick(location_text(x.page, x.section, x.paragraph), l));
            s.text(5, pick(x.message, l), true);
            s.text(6, x.excerpt, true);
            s.next();
        }
}

void deadlines_sheet(lxw_workbook* wb, const Formats& f, const std::vector<OverviewEntry>& plans, Lang l) {
    Sheet s(wb, f, "Frister",
            {{tr(l, "Fil", "File"), 34},
             {tr(l, "Kommune(r)", "Municipality"), 18},
             {tr(l, "Planår", "Plan year"), 10},
             {tr(l, "Frist", "Deadline"), 40},
             {tr(l, "Dato", "Date"), 12},
             {tr(l, "Id", "Id"), 12}});
    for (const auto& e : plans)
        for (const auto& d : e.report.deadlines) {
            s.text(0, base_name(e.report.path));
            s.text(1, municipalities_label(e.report.municipalities));
            s.text(2, years_label(e.report.years));
            s.text(3, pick(d.title, l));
            s.text(4, d.date);
            s.text(5, d.what);
            s.next();
        }
}

}  // namespace

void write_xlsx(const std::string& path, const std::vector<OverviewEntry>& plans, const WriterOptions& o) {
    lxw_doc_properties props{};
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) props.created = static_cast<time_t>(std::atoll(epoch));
    lxw_workbook* wb = workbook_new(path.c_str());
    if (wb && props.created) workbook_set_properties(wb, &props);
    if (!wb) throw std::runtime_error((o.lang == Lang::da ? "kan ikke skrive " : "cannot write ") + path);
    Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
    format_set_bold(f.head);
    format_set_bg_color(f.head, 0xF2F4F7);
    format_set_text_wrap(f.head);
    format_set_align(f.head, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_underline(f.link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f.link, LXW_COLOR_BLUE);
    format_set_num_format(f.number, "#,##0.##");
    overview_sheet(wb, f, plans, o.lang);
    goals_sheet(wb, f, plans, o.lang);
    findings_sheet(wb, f, plans, o.lang);
    deadlines_sheet(wb, f, plans, o.lang);
    if (workbook_close(wb) != LXW_NO_ERROR)
        throw std::runtime_error((o.lang == Lang::da ? "kan ikke skrive " : "cannot write ") + path);
}

void write_xlsx_report(std::ostream& os, const Report& r, const WriterOptions& o) {
    std::string tmp = (std::filesystem::temp_directory_path() / "plantjek-xlsx-XXXXXX").string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) throw std::runtime_error(o.lang == Lang::da ? "kan ikke oprette en midlertidig fil" : "cannot create a temporary file");
    ::close(fd);
    try {
        write_xlsx(tmp, {{r, "", ""}}, o);
    } catch (...) {
        std::filesystem::remove(tmp);
        throw;
    }
    os << std::ifstream(tmp, std::ios::binary).rdbuf();
    std::filesystem::remove(tmp);
}

}  // namespace plantjek
