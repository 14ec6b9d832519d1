// The report of one plan: the in-memory form of plantjek.report/1.
//
// Why: JSON is the contract (docs/report-schema.json); text, HTML, CSV and
// the database are renderings of this one struct, so they cannot disagree.
// It is filled by the check command from the pipeline's stages and never
// holds anything format-specific. Order is deterministic everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extractor/error.h"
#include "extractor/identify.h"
#include "rules/result.h"

namespace plantjek {

inline constexpr const char* kReportSchema = "plantjek.report/1";

struct OutlineEntry {
    int level = 1;
    std::string number, title;
    int page = 0;
    bool annex = false;
    std::vector<std::string> requirements;  // ids whose evidence lies in this section
};

struct ReportError {
    std::string kind;  // error_kind_name()
    Text2 message;
};

struct Summary {
    int requirements = 0, passed = 0, failed = 0, errors = 0, warnings = 0, misspellings = 0;
};

struct Report {
    // input
    std::string path, sha256, format;
    std::uint64_t bytes = 0;
    int pages = 0, words = 0;
    // plan
    std::vector<std::string> municipalities;
    std::vector<int> years;
    std::string kind = "unknown";
    std::string profile;
    std::vector<Reason> reasons;
    std::string stage;  // "draft" or "final"
    // verdict
    std::string status = "unreadable";  // conformant | nonconformant | unreadable
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

// Fills summary and status from requirements, findings and spelling.
void finish_report(Report& r);

// SHA-256 of a file's bytes as lower-case hex (OpenSSL).
std::string sha256_hex(const std::string& bytes);

}  // namespace plantjek
