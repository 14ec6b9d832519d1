// check → report: the one place a finished Report and its verdict are made.
//
// Why: `check`, the scan's workers and anything later (the web server) must
// give the same verdict for the same plan and options. They all run the
// stages the same way and hand the results here; assemble() adds what the
// options decide (the stage, the waivers, the spelling policy, the finding
// for a plan without a profile) and computes the verdict with
// finish_report(). Nothing else decides a verdict.
//
// The order of the stages around it (cli/check.cpp is the reference):
//   load_plan → choose_profile (rules/profile.h) → stage_for → goals_waived
//   → run_engine → check_spelling (when spelling_wanted) → assemble.
//
// Cost: linear in the engine's result; no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/document.h"
#include "extractor/identify.h"
#include "extractor/segment.h"
#include "report/report.h"
#include "rules/engine.h"
#include "rules/profile.h"
#include "rules/spelling.h"

namespace plantjek {

// An accepted deviation: `requirement` (a requirement id such as "budget",
// or a goal id such as "goal-2017-3") is not held against the plans of
// `kommune` (empty: every kommune) for plan year `year` (0: every year).
// The report shows the requirement or goal as waived, with the reason.
struct Waiver {
    std::string requirement;
    std::string kommune;
    int year = 0;
    std::string reason;
    std::string file;  // the configuration file it came from, for messages
    int line = 0;      // its line there
};

// Whether the waiver concerns a plan of these kommuner and years
// (kommune names compared without case).
bool waiver_applies(const Waiver& w, const std::vector<std::string>& municipalities, const std::vector<int>& years);

// What makes `check` and `scan` exit with 1.
enum class FailOn { error, warning, never };
FailOn fail_on_from_name(std::string_view name);  // "error", "warning", "never"; throws std::invalid_argument
// Whether the report is at or above `fail_on`: a nonconformant plan or a
// document that is no plan (never exit 0 by default: a batch that holds an
// agenda instead of a plan is not in order), or with FailOn::warning also a
// warning or a warned requirement. An unreadable input never "fails" (it
// has its own exit code).
bool fails(const Report& r, FailOn fail_on);

struct ReportOptions {
    Stage stage = Stage::final;
    bool stage_given = false;     // --stage: do not infer it from the document
    std::vector<Waiver> waivers;  // from the configuration
    bool spelling_errors = false; // "spelling-severity: error": unknown words make a plan nonconformant
};

// The stage a plan is checked as: the one given, else draft when the
// document says it is one.
Stage stage_for(const Identity& id, const ReportOptions& o);
// The goal ids the waivers take out of this plan's goal checks
// (EngineInput::waived_goals).
std::vector<std::string> goals_waived(const Identity& id, const ReportOptions& o);
// Whether spelling is checked at all: not for a document that is not a plan.
bool spelling_wanted(const ProfileChoice& choice);

// Everything the stages found for one readable input.
struct CheckedPlan {
    std::string path, sha256;
    std::uint64_t bytes = 0;
    const Document* doc = nullptr;
    const Outline* outline = nullptr;
    const Identity* identity = nullptr;
    ProfileChoice choice;                  // the profile applied, or why none
    const EngineOutput* engine = nullptr;  // null when no profile was applied
    const SpellingResult* spelling = nullptr;  // null when not checked
};

Report assemble(const CheckedPlan& in, const ReportOptions& o);
// The report of an input that could not be read (status unreadable).
Report assemble_unreadable(const std::string& path, const std::string& sha256, std::uint64_t bytes,
                           ReportError error, Stage stage);

// Marks the waived requirements and goals of a report (status waived,
// message with the reason), drops the findings they caused, and computes
// the verdict again. assemble() applies the options' waivers; exposed for
// the tests and the fuzz target.
void apply_waivers(Report& r, const std::vector<Waiver>& waivers);

}  // namespace plantjek
