// The report of one plan: the in-memory form of plantjek.report/1.
//
// Why: JSON is the contract (docs/report-schema.json); text, HTML, CSV, the
// scan's workers and the database are renderings of this one struct, so
// they cannot disagree. It is made by assemble() (report/assemble.h) and
// written and read by report/json.h; it never holds anything
// format-specific. Order is deterministic everywhere.
//
// Cost: a plain value; a long plan's report is a few hundred KB.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/error.h"
#include "extractor/identify.h"
#include "rules/engine.h"
#include "rules/result.h"

namespace plantjek {

inline constexpr const char* kReportSchema = "plantjek.report/1";

// The verdict. `unreadable` carries Report::error. `not_a_plan`: the
// document was read but is no employment plan (an agenda, a committee
// decision, a position paper), so no requirement was checked; it is never
// conformant, and is counted apart from both verdicts in every overview.
enum class Status { conformant, nonconformant, not_a_plan, unreadable };
// "conformant", "nonconformant", "not-a-plan", "unreadable"
const char* status_name(Status s);
// The inverse; throws std::invalid_argument for an unknown name.
Status status_from_name(std::string_view name);

const char* stage_name(Stage s);  // "draft", "final"
Stage stage_from_name(std::string_view name);  // throws std::invalid_argument
// DocKind by doc_kind_name() ("plan", "draft", "annex", "unknown").
DocKind doc_kind_from_name(std::string_view name);  // throws std::invalid_argument
Severity severity_from_name(std::string_view name);  // throws std::invalid_argument
ReqStatus req_status_from_name(std::string_view name);  // throws std::invalid_argument

struct OutlineEntry {
    int level = 1;
    std::string number, title;
    int page = 0;
    bool annex = false;
    std::vector<std::string> requirements;  // ids whose evidence lies in this section
};

struct ReportError {
    std::string kind;  // error_kind_name(), or a worker's: crash, timeout, out-of-memory
    Text2 message;
};

// The counts every writer shows, made so that they match the marks.
// Requirements (the applicable ones) = passed + failed + warned, where
// passed includes the waived; failed are the ✗, warned the !. Findings are
// counted apart: errors and warnings are the error- and warning-level
// findings other than a requirement's own (Finding::requirement_result).
struct Summary {
    int requirements = 0, passed = 0, failed = 0, warned = 0, waived = 0;
    int errors = 0, warnings = 0;  // findings
    int misspellings = 0;
};

struct Report {
    // input
    std::string path, sha256, format;  // format: format_name(); "" before sniffing
    std::uint64_t bytes = 0;
    int pages = 0, words = 0;
    // plan
    std::vector<std::string> municipalities;
    std::vector<int> years;
    DocKind kind = DocKind::other;
    std::string profile;
    std::vector<Reason> reasons;
    Stage stage = Stage::final;  // as checked
    // verdict
    Status status = Status::unreadable;
    std::optional<ReportError> error;
    Summary summary;
    std::vector<OutlineEntry> outline;
    std::vector<RequirementResult> requirements;
    std::vector<GoalResult> goals;
    std::vector<Finding> findings;
    std::vector<Deadline> deadlines;
    SpellingResult spelling;
    std::vector<int> ocr_pages;      // pages read by OCR (scanned)
    double ocr_confidence = 0;       // their mean word confidence, 0–100
};

// The rule id of the finding assemble() adds for a document that is no
// plan; finish_report() reads the verdict not_a_plan from it.
inline constexpr const char* kNotAPlanRule = "not-a-plan";

// Fills summary and status from requirements, findings and spelling: the
// one place a verdict is decided. assemble() calls it; so does whoever
// builds a report by hand (a worker's failure, the tests).
void finish_report(Report& r);

// SHA-256 of a file's bytes as lower-case hex (OpenSSL).
std::string sha256_hex(const std::string& bytes);

}  // namespace plantjek
