// The batch overview (index.html): the page a region screens a season's
// plans with. One row per plan, linking to its own report; a column per
// requirement (the union over the plans: canonical ids in DESIGN.md order,
// then a region's own ids in order of appearance); the minister-goal
// targets side by side, one column per goal number; a totals row.
//
// Self-contained like the plan report (inline CSS; one inline script,
// allowed by its SHA-256 in the page's Content-Security-Policy, that adds
// sorting by a click on a column head and a filter box: the table is whole
// and readable without it). Column heads are Danish (requirement_head), the
// requirement id in the tooltip and in data-id. A duplicate
// (OverviewEntry::duplicate_of) is marked "samme plan som …" and counted
// once in the header's counts and the totals. Printed: A4 landscape, the
// requirement heads abbreviated K1, K2, … with a legend, the header row
// repeated on every page. Rows in the order given, so the caller decides
// the order and the output is deterministic.
#include <algorithm>
#include <map>
#include <set>

#include "cli/writers/writer.h"
#include "report/duplicates.h"
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
tr.duplicate td{color:var(--dim)}tr.duplicate td.status{opacity:.6}
th.sortable{cursor:pointer}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.abbr{display:none}ol.req-legend{font-size:12px;color:var(--dim);columns:3;margin:8px 0}
input.filter{margin:0 0 8px;padding:4px 6px;width:20em}
@media print{header,td.status,td.fail,td.warn,td.missing{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}@page{size:A4 landscape;margin:8mm}
body{font-size:7pt}header{padding:4px 0;color:#000;background:none}header h1{font-size:12pt}
.wrap{padding:0;overflow:visible}table{width:100%;table-layout:auto}thead{display:table-header-group}tr{break-inside:avoid}
th,td{padding:1px 2px;font-size:6.5pt}th.req{writing-mode:horizontal-tb;transform:none}
.full{display:none}.abbr{display:inline}input.filter{display:none}ol.req-legend{font-size:7pt;columns:4}}
)CSS";

// Sorting and filtering, when script runs: a click on a head sorts the rows
// by that column (numbers as numbers), the box hides the rows whose text
// does not hold what is typed. Without it the page is the same table.
const char* kScript = R"JS(
(function(){var t=document.querySelector('table.overview');if(!t)return;var b=t.tBodies[0];
var f=document.createElement('input');f.type='search';f.className='filter';
f.placeholder=document.documentElement.lang=='da'?'Filtrér planer …':'Filter plans …';
f.addEventListener('input',function(){var q=f.value.toLowerCase();for(var r of b.rows)r.hidden=q&&r.textContent.toLowerCase().indexOf(q)<0;});
t.parentNode.insertBefore(f,t);
function key(c){var s=c?c.textContent.trim():'';var n=parseFloat(s.replace(/\./g,'').replace(',','.'));return isNaN(n)?s:n;}
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){h.classList.add('sortable');h.tabIndex=0;
function go(){var up=h.getAttribute('aria-sort')!='ascending';
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(x){x.removeAttribute('aria-sort');});
h.setAttribute('aria-sort',up?'ascending':'descending');
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var a=key(x.cells[i]),c=key(y.cells[i]);
var r=(typeof a==typeof c)?(a<c?-1:a>c?1:0):(typeof a=='number'?-1:1);return up?r:-r;});
rows.forEach(function(r){b.appendChild(r);});}
h.addEventListener('click',go);h.addEventListener('keydown',function(e){if(e.key=='Enter')go();});});})();
)JS";

// 'sha256-…' of the script for the Content-Security-Policy.
std::string script_hash() {
    const std::string hex = sha256_hex(kScript);
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
        out += b64[(v >> 18) & 63];
        out += b64[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? b64[(v >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? b64[v & 63] : '=';
    }
    return "sha256-" + out;
}

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
    int duplicates = 0;
    for (const auto& e : plans) {
        if (e.duplicate_of.empty()) ++count[e.report.status];
        else ++duplicates;
    }
    const std::string title = tr(l, "Beskæftigelsesplaner — oversigt", "Employment plans — overview");
    os << "<!DOCTYPE html>\n<html lang=\"" << (l == Lang::da ? "da" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '"
       << script_hash() << "'\">\n"
       << "<meta name=\"generator\" content=\"plantjek " << PLANTJEK_VERSION << "\">\n<title>" << title
       << " · plantjek</title>\n<style>" << kCss << "</style>\n</head>\n<body>\n<header id=\"verdict\">\n<h1>" << title
       << "</h1>\n<p class=\"counts\">"
       << count_noun(static_cast<int>(plans.size()), l, "fil", "filer", "file", "files") << " · "
       << count[Status::conformant] << tr(l, " i orden", " conformant") << " · " << count[Status::nonconformant]
       << tr(l, " ikke i orden", " nonconformant") << " · " << count[Status::not_a_plan]
       << tr(l, " ikke en beskæftigelsesplan", " not an employment plan") << " · " << count[Status::unreadable]
       << tr(l, " kan ikke læses", " unreadable");
    if (duplicates) os << " · " << count_noun(duplicates, l, "dublet", "dubletter", "duplicate", "duplicates");
    os << "</p>\n</header>\n<div class=\"wrap\">\n";
    os << "<p class=\"legend\">✓ " << tr(l, "opfyldt", "met") << " · ✗ " << tr(l, "ikke opfyldt", "not met")
       << " · ! " << tr(l, "advarsel", "warning") << " · – " << tr(l, "ikke relevant", "not applicable") << " · ~ "
       << tr(l, "fritaget", "waived") << " · — " << tr(l, "ikke kontrolleret", "not checked") << ". "
       << tr(l, "Klik på en fil for planens egen rapport.", "Click a file for the plan's own report.") << "</p>\n";
}

// The header row: the plan's columns, the counts (✗, !, error and warning
// findings), then a column per requirement and per goal.
void table_head(std::ostream& os, const Columns& c, Lang l) {
    os << "<table class=\"overview\">\n<thead><tr><th class=\"text\">" << tr(l, "Fil", "File")
       << "</th><th class=\"text\">" << tr(l, "Kommune", "Municipality") << "</th><th>" << tr(l, "Planår", "Year") << "</th><th>"
       << tr(l, "Art", "Kind") << "</th><th>" << tr(l, "Stadie", "Stage") << "</th><th>" << tr(l, "Status", "Status")
       << "</th><th class=\"text\">" << tr(l, "Dublet", "Duplicate") << "</th><th title=\"✗\">" << tr(l, "Ikke opfyldt", "Not met")
       << "</th><th title=\"!\">" << tr(l, "Med advarsel", "With warnings") << "</th><th>"
       << tr(l, "Fund: fejl", "Findings: errors") << "</th><th>" << tr(l, "Fund: advarsler", "Findings: warnings")
       << "</th>";
    int k = 0;
    for (const auto& id : c.ids)
        os << "<th class=\"req\" data-id=\"" << html_escape(id) << "\" title=\"" << html_escape(c.titles.at(id) + " (" + id + ")")
           << "\"><span class=\"full\">" << html_escape(requirement_head(id, c.titles.at(id), l))
           << "</span><span class=\"abbr\">K" << ++k << "</span></th>";
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
    os << "<tr class=\"plan " << html_escape(status_name(r.status)) << (e.duplicate_of.empty() ? "" : " duplicate")
       << "\"><td class=\"file\">";
    if (!e.href.empty()) os << "<a href=\"" << safe_href(e.href) << "\">" << html_escape(base_name(r.path)) << "</a>";
    else os << html_escape(base_name(r.path));
    os << "</td><td class=\"text\">" << html_escape(municipalities_label(r.municipalities)) << "</td><td>"
       << html_escape(years_label(r.years)) << "</td><td>"
       << (r.status == Status::unreadable ? "" : doc_kind_label(r.kind, l)) << "</td><td>" << stage_label(r.stage, l)
       << "</td><td class=\"status\">" << status_label(r.status, l) << "</td><td class=\"text dup\">"
       << html_escape(duplicate_label(e.duplicate_of, l)) << "</td>";
    for (const int n : {r.summary.failed, r.summary.warned, r.summary.errors, r.summary.warnings})
        os << "<td class=\"num\">" << n << "</td>";
    for (const auto& id : c.ids) {
        auto q = std::find_if(r.requirements.begin(), r.requirements.end(), [&](const auto& x) { return x.id == id; });
        if (q == r.requirements.end()) {
            os << "<td class=\"absent\">—</td>";
            continue;
        }
        if (e.duplicate_of.empty() && q->status != ReqStatus::not_applicable) ++tally.applicable[id];
        if (e.duplicate_of.empty() && (q->status == ReqStatus::pass || q->status == ReqStatus::waived)) ++tally.passes[id];
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

// Comparing jobcentres: in the totals row, under each goal, the spread of
// the targets of that goal number (per plan year and unit) across the
// plans that are no duplicates: "2010: 1.450–3.900 personer, median 2.675 (3)".
void spread_cells(std::ostream& os, const std::vector<OverviewEntry>& plans, const Columns& c, Lang l) {
    const auto spreads = target_spreads(plans);
    for (const auto& entry : c.goal_titles) {
        std::string cell;
        for (const auto& sp : spreads) {
            if (sp.goal != entry.first) continue;
            cell += (cell.empty() ? "" : "<br>") + std::to_string(sp.year) + ": " + format_number(sp.min(), l) + "–" +
                    format_number(sp.max(), l) + (sp.unit.empty() ? "" : " " + html_escape(sp.unit)) + ", median " +
                    format_number(sp.median(), l) + " (" + std::to_string(sp.values.size()) + ")";
        }
        os << "<td class=\"spread\" title=\"" << tr(l, "min–maks, median (antal planer)", "min–max, median (plans)")
           << "\">" << cell << "</td>";
    }
}

// The requirement columns' abbreviations (shown in print) with their heads and ids.
void requirement_legend(std::ostream& os, const Columns& c, Lang l) {
    os << "<ol class=\"req-legend\">";
    int k = 0;
    for (const auto& id : c.ids)
        os << "<li>K" << ++k << " " << html_escape(requirement_head(id, c.titles.at(id), l)) << " — "
           << html_escape(c.titles.at(id)) << " (" << html_escape(id) << ")</li>";
    os << "</ol>\n";
}

// The totals row: the plans in order, the sums of the count columns, and
// how many plans meet each requirement; then the page's end.
void table_foot(std::ostream& os, const std::vector<OverviewEntry>& plans, const Columns& c, const Tally& tally,
                Lang l) {
    Summary totals;
    int conformant = 0, counted = 0, duplicates = 0;
    for (const auto& e : plans) {
        if (!e.duplicate_of.empty()) {
            ++duplicates;
            continue;
        }
        ++counted;
        conformant += e.report.status == Status::conformant;
        totals.failed += e.report.summary.failed;
        totals.warned += e.report.summary.warned;
        totals.errors += e.report.summary.errors;
        totals.warnings += e.report.summary.warnings;
    }
    os << "</tbody>\n<tfoot><tr><td class=\"text\" colspan=\"5\">" << tr(l, "Opfyldt i alt", "Met in total")
       << "</td><td>" << conformant << "/" << counted << "</td><td class=\"text\">"
       << (duplicates ? count_noun(duplicates, l, "dublet", "dubletter", "duplicate", "duplicates") : "") << "</td>";
    for (const int total : {totals.failed, totals.warned, totals.errors, totals.warnings})
        os << "<td class=\"num\">" << total << "</td>";
    for (const auto& id : c.ids) {
        auto count = [&](const std::map<std::string, int>& m) { return m.count(id) ? m.at(id) : 0; };
        os << "<td>" << count(tally.passes) << "/" << count(tally.applicable) << "</td>";
    }
    spread_cells(os, plans, c, l);
    os << "</tr></tfoot>\n</table>\n";
    requirement_legend(os, c, l);
    os << "<p class=\"legend\">plantjek " << PLANTJEK_VERSION << " (" << kReportSchema
       << ")</p>\n</div>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
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
