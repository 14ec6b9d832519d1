// Report writers: one file per format, registered by one line in writers.cpp.
//
// Why: every format renders the same Report, so adding a format never
// touches the checks. A writer writes one report to a stream; batch outputs
// (the HTML overview, CSV) get all reports at the end. Cost: linear in the
// report; nothing is cached.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "report/report.h"

namespace plantjek {

struct OverviewEntry;

struct WriterOptions {
    Lang lang = Lang::da;
    bool color = false;
    bool excel_csv = false;  // --csv-dialect excel: ';', a UTF-8 BOM, a row per plan (cli/writers/csv.cpp)
    std::string sender_name, sender_contact;  // the letter's sender (config region-name, region-contact)
};

struct Writer {
    const char* name;       // "text", "json", ...
    const char* extension;  // file extension with --out
    Text2 summary;          // what it is for, in a word or two (the -f help lists them)
    // One report as a whole file (for csv: with its header row).
    void (*write)(std::ostream&, const Report&, const WriterOptions&);
    // Batch formats whose plans share one stream (csv, jsonl): batch_header
    // is written once (nullptr: nothing), then batch_item per report.
    // nullptr batch_item: the format writes one file per report.
    void (*batch_header)(std::ostream&, const WriterOptions&);
    void (*batch_item)(std::ostream&, const Report&, const WriterOptions&);
    // A format written once for the whole batch, to a file of its own
    // (xlsx: plantjek.xlsx) by check; write is then one plan's file (scan,
    // standard output). nullptr for the others.
    void (*batch_file)(const std::string& path, const std::vector<OverviewEntry>&, const WriterOptions&) = nullptr;
};

const Writer* find_writer(const std::string& name);
// "html, json" → {"html", "json"}: the -f / `format:` list (spaces and empty items dropped).
std::vector<std::string> split_format_list(const std::string& list);
std::vector<std::string> writer_names();
// "text (tekst til terminalen), json (…), …": the -f help, from the registry.
std::string writer_list(Lang lang);

// The formats themselves (one file each).
void write_json(std::ostream& os, const Report& r, const WriterOptions& o);   // indented, one object
void write_jsonl(std::ostream& os, const Report& r, const WriterOptions& o);  // compact, one line
void write_text(std::ostream& os, const Report& r, const WriterOptions& o);
void write_html(std::ostream& os, const Report& r, const WriterOptions& o);   // self-contained page
// The region's letter to the kommune about one plan (cli/writers/letter.cpp).
void write_letter(std::ostream& os, const Report& r, const WriterOptions& o);
// The same letter as a Word document (cli/writers/letter_docx.cpp).
void write_letter_docx(std::ostream& os, const Report& r, const WriterOptions& o);
// CSV, RFC 4180, UTF-8, CRLF line ends: one row per plan and requirement (a
// plan without requirements still gets one row). write_csv = header + rows;
// a batch writes write_csv_header once, then write_csv_rows per report.
void write_csv(std::ostream& os, const Report& r, const WriterOptions& o);
void write_csv_header(std::ostream& os, const WriterOptions& o);
void write_csv_rows(std::ostream& os, const Report& r, const WriterOptions& o);



// The batch overview (index.html of `check --format html` over several
// files): a row per plan linking to its own report (href, relative), a
// column per requirement, the minister-goal targets side by side, totals.
struct OverviewEntry {
    Report report;
    std::string href;  // e.g. "2012-aarhus-complete.html"
    std::string duplicate_of = {};  // the earlier plan's path (report/duplicates.h), "" for none
};
void write_overview_html(std::ostream& os, const std::vector<OverviewEntry>& plans, const WriterOptions& o);

// The spreadsheet of a batch (cli/writers/xlsx.cpp, libxlsxwriter): sheets
// Oversigt, Mål, Fund, Frister. Throws std::runtime_error when the file
// cannot be written.
void write_xlsx(const std::string& path, const std::vector<OverviewEntry>& plans, const WriterOptions& o);
// One plan's workbook to a stream (the registry's write: standard output, scan --out).
void write_xlsx_report(std::ostream& os, const Report& r, const WriterOptions& o);

// The requirement columns of a batch (the union over the plans: canonical
// ids in DESIGN.md order, then a region's own in order of appearance) and
// the goal numbers (each with the titles the plans give it). The overview
// and the spreadsheet share them.
struct OverviewColumns {
    std::vector<std::string> ids;
    std::map<std::string, std::string> titles;          // requirement id → title
    std::map<int, std::set<std::string>> goal_titles;   // goal number → its titles
};
OverviewColumns overview_columns(const std::vector<OverviewEntry>& plans, Lang l);
int goal_number(const std::string& id);  // goal-2012-3 → 3; 0 when none
// A short Danish (or English) column head for a requirement id
// ("Budget", "Bilag: LBR"); the title, else the id, for one it does not know.
std::string requirement_head(const std::string& id, const std::string& title, Lang l);
// The per-plan columns of the spreadsheet's Oversigt sheet and of the
// Excel-dialect CSV, alike: file, kommune(r), plan year(s), kind, stage,
// status, duplicate, failed and warned counts (columns 7 and 8), a mark per
// requirement of `c`, the error kind (unreadable), the reasons in words.
std::vector<std::string> plan_row_heads(const OverviewColumns& c, Lang l);
std::vector<std::string> plan_row_cells(const Report& r, const std::string& duplicate_of, const OverviewColumns& c,
                                        Lang l);
// A requirement's mark in a sheet's column: ✓ ✗ ! – and "fritaget" for a waiver.
std::string requirement_mark(ReqStatus s, Lang l);
// Why a plan is not in order, in words: each failed or warned requirement
// with its message, one a line; the error message of an unreadable file;
// why a document is no plan. "" for a plan in order.
std::string plan_reasons(const Report& r, Lang l);

// Comparing jobcentres: the targets with a figure of the plans that are no
// duplicates, grouped by plan year (the first), goal number and unit, and
// their spread. Cost: one pass; a sort per group.
struct TargetSpread {
    int year = 0, goal = 0;
    std::string unit;
    std::vector<double> values;  // sorted
    double min() const { return values.front(); }
    double max() const { return values.back(); }
    double median() const;
};
std::vector<TargetSpread> target_spreads(const std::vector<OverviewEntry>& plans);
// The group a target belongs to, or nullptr (no figure, no plan year).
const TargetSpread* spread_for(const std::vector<TargetSpread>& spreads, const Report& r, const GoalResult& g,
                               const Target& t);

// Helpers shared by the writers.
inline const std::string& pick(const Text2& t, Lang l) { return l == Lang::da ? t.da : t.en; }
// 1.250 / 1,250 (thousands), 2,5 / 2.5 (one decimal) by language.
std::string format_number(double v, Lang l);
// "2012", "2021–2024"; "" when unknown.
std::string years_label(const std::vector<int>& years);
// "Frederikshavn, Læsø"; "" when unknown.
std::string municipalities_label(const std::vector<std::string>& m);
// The verdict for a person: "I orden", "Ikke i orden", "Ikke en
// beskæftigelsesplan", "Kan ikke læses" (English "Conformant", ...);
// status_banner is the same in capitals, for the verdict line.
std::string status_label(Status s, Lang l);
std::string status_banner(Status s, Lang l);
// A count with its noun in the right number: "1 advarsel", "2 advarsler",
// "1 error", "2 errors".
std::string count_noun(int n, Lang l, const char* da_one, const char* da_many, const char* en_one,
                       const char* en_many);
// The summary in words, the same in every writer, so that the counts match
// the marks: "10 krav: 8 opfyldt, 2 ikke opfyldt, 0 med advarsel" (the ✗
// and the ! of the checklist; ", 1 fritaget" when a waiver applies), and
// apart from them "fund: 4 fejl, 1 advarsel" (Summary: the findings other
// than a requirement's own).
std::string requirement_counts(const Summary& s, Lang l);
std::string finding_counts(const Summary& s, Lang l);
// A change in per cent with its sign: "−2 pct.", "+3 pct." (U+2212, the
// minus sign), "0 pct.".
std::string change_label(double pct, Lang l);
// What a target fixes, in every writer alike: its value ("1.610 personer");
// for a target given only as a change ("nedbringes med 2 pct.", filled in
// the JSON) the change, "−2 pct."; "ikke udfyldt" where a placeholder is
// left; "intet tal" where no figure was read. target_missing: the latter two
// (shown in red).
std::string target_label(const Target& t, Lang l);
bool target_missing(const Target& t);
// "fejl", "advarsel", "info" (English "error", "warning", "info").
std::string severity_label(Severity s, Lang l);
// The document kind and the stage in words ("udkast", "bilag", "endelig").
std::string doc_kind_label(DocKind k, Lang l);
std::string stage_label(Stage s, Lang l);
// ✓ ✗ ! – ~ and the word for it ("opfyldt"/"met", ...).
const char* req_status_mark(ReqStatus s);
std::string req_status_label(ReqStatus s, Lang l);
// Text for HTML, text content and attribute values alike: & < > " ' escaped,
// invalid UTF-8 replaced by U+FFFD, control characters other than tab and
// newline dropped. Nothing a document says can become markup.
std::string html_escape(std::string_view s);

}  // namespace plantjek
