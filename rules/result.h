// The result model: what a check of one plan found, in memory.
//
// Why: the JSON report (plantjek.report/1, see docs/report-schema.json) is
// the contract, and every writer (text, JSON, HTML, CSV, SQLite) renders
// this one model, so the formats can never disagree. Messages are kept in
// both languages; the writer picks one. Order of every vector is
// deterministic (document order, then id).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace plantjek {

struct Text2 {  // a message in both report languages
    std::string da, en;
};

enum class Severity { info, warning, error };
inline const char* severity_name(Severity s) {  // "info", "warning", "error"
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "info";
}

enum class ReqStatus { pass, fail, warn, not_applicable, waived };
inline const char* req_status_name(ReqStatus s) {  // "pass", "fail", "warn", "not-applicable", "waived"
    switch (s) {
        case ReqStatus::pass: return "pass";
        case ReqStatus::fail: return "fail";
        case ReqStatus::warn: return "warn";
        case ReqStatus::not_applicable: return "not-applicable";
        case ReqStatus::waived: return "waived";
    }
    return "pass";
}

// Locations. `page` is 1-based, 0 where it is not known: a DOCX or ODT
// that records no page break (extractor/document.h, Block::page), or a
// finding about the whole plan. `section` is the section's label ("4.2
// Borgere på kanten", "Budget"), "" before the first heading or for the
// whole plan. `paragraph` is set only where the page is not known: the
// 1-based position of the paragraph within its section (a table counts as
// one), so a Word user can still find the place; 0 = not set.
struct Evidence {
    int page = 0;
    std::string section;  // section label ("5 Budget", "Budget")
    std::string excerpt;  // a short passage, UTF-8, at most ~200 characters
    std::string match;    // the words that matched (for highlighting), may be empty
    int paragraph = 0;
};

struct RequirementResult {
    std::string id;        // canonical id (DESIGN.md §2) or a region's own id
    Text2 title;
    std::string legal_basis;
    Severity severity = Severity::error;  // severity when failed
    ReqStatus status = ReqStatus::pass;
    std::vector<Evidence> evidence;
    Text2 message;         // why it passed/failed, for a person
    Text2 suggestion = {};  // what to write or do to fix it (report/suggest.h); empty when passed
};

struct Target {
    std::string text;               // the sentence as it stands
    std::optional<double> value;    // absent when a placeholder is left
    std::string unit;               // "personer", "forløb", "pct.", ...
    std::string deadline;           // "december 2012"
    int deadline_year = 0;
    std::optional<double> change_pct;  // signed: a fall is negative
    std::string direction;          // "fald", "stigning", ""
    bool filled = true;             // no placeholder in value or change
    int page = 0;
};

struct GoalResult {
    std::string id;        // goal-<year>-<n>
    Text2 title;
    std::string theme;     // rules/themes.h id ("long-term-unemployment"); "" when the profile gives none
    bool addressed = false;
    bool pending = false;  // announced later (e.g. 2019 goal 7)
    std::vector<Target> targets;
    int page = 0;
    std::string section;
    std::string waived;    // the reason, when a waiver takes the goal out of the checks
    Text2 suggestion = {};  // the target sentence to write (report/suggest.h); empty when fine
};

struct Finding {
    std::string rule;      // requirement id or check id ("no-placeholders", "deadline")
    Severity severity = Severity::warning;
    Text2 message;
    int page = 0;
    std::string section;
    std::string excerpt;
    int paragraph = 0;
    // The finding restates a failed (or warned) requirement's own result, so
    // that the list of what to act on is complete; the summary counts it
    // with the requirements, not again as a finding.
    bool requirement_result = false;
    Text2 suggestion = {};  // what to write or do instead (report/suggest.h)
};

// A location as a reader is told it: "s. 4" / "p. 4" where the page is
// known; else "afsnit 4.2, tekstafsnit 3" / "section 4.2, paragraph 3"
// (the section's number, else its title). "" when neither is known. With
// with_section false the section is left out (a writer that already shows
// it as a group's title). The one place the writers and the checks' own
// messages format a location.
Text2 location_text(int page, const std::string& section, int paragraph, bool with_section = true);

struct SpellingEntry {
    std::string word;
    int count = 0;
    std::vector<std::string> suggestions;
    std::vector<int> pages;
    bool footnote_marker = false;  // "kommunen1": a glued footnote digit, not a misspelling
};

struct SpellingResult {
    bool checked = false;
    int words_checked = 0;
    int ocr_words_not_checked = 0;  // words of OCR'd pages, kept out of the check
    std::vector<SpellingEntry> unknown;
};

struct Deadline {
    std::string what;  // "hearing", "adoption", ...
    Text2 title;
    std::string date;  // ISO date or "YYYY-MM-DD"
};

}  // namespace plantjek
