// What every check-kind test needs: a small plan of our own run through the
// real first stages, a profile of one plan year holding only the
// requirements under test, and look-ups into the engine's output.
//
// Why: a kind's behaviour (pass, warn, fail, the draft warning, where the
// evidence points) is best shown apart from the shipped profiles' patterns,
// which change with the law and with what real plans write. A profile here
// is a few lines of YAML written by the test, loaded by the strict loader
// and with its examples checked, so the data under test is as valid as a
// shipped file. The shipped profiles have their own tests (test_profiles,
// test_profile_data).
//
// What: plan_from_text writes the text to a temporary .txt and calls
// load_plan (read → normalise → segment → identify), so a form feed is a
// page break and a numbered line a heading, as for a real plan. The plan
// year is 2012 and its deadlines are those of rules/profiles/2012-2015.yaml
// (facts from DOMAIN.md); two goals of our own stand in for the minister's.
//
// Cost: one temp file and the first stages per plan (milliseconds; the
// Hunspell dictionary is not loaded). Limits: plain text only; a test that
// needs tracked changes, OCR'd blocks or unknown pages edits the loaded
// Document before running the engine (with_unknown_pages, or by hand).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "extractor/pipeline.h"
#include "rules/engine.h"
#include "rules/profile.h"

namespace plantjek::kinds {

constexpr int kYear = 2012;

// The plan's own text through load_plan. Paragraphs are separated by blank
// lines, pages by '\f'.
inline LoadedPlan plan_from_text(const std::string& text) {
    static int n = 0;
    const auto path = std::filesystem::temp_directory_path() /
                      ("plantjek-kinds-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".txt");
    std::ofstream(path, std::ios::binary) << text;
    PipelineOptions opts;
    opts.use_dictionary = false;
    LoadedPlan plan = load_plan(path.string(), opts);
    std::filesystem::remove(path);
    return plan;
}

// Plan texts most tests start from. The title page names the plan year and
// the kommune (Viborg); chapter 1 stands on page 1; kOtherChapter is a
// chapter 2 on page 2 that no kind's patterns look for.
inline const std::string kTitlePage = "Beskæftigelsesplan 2012\n\nJobcenter Viborg\n\n";
inline const std::string kIntroduction = kTitlePage + "1. Indledning\n\nPlanen beskriver jobcentrets arbejde.\n\n";
inline const std::string kOtherChapter = "\f2. Indsatsen\n\nJobcentret holder samtaler med alle nye ledige.\n";

// Every block's page unknown, as for a DOCX that records no page break:
// locations then name the section and the paragraph.
inline LoadedPlan with_unknown_pages(LoadedPlan plan) {
    forget_pages(plan.doc);
    for (auto& s : plan.outline.sections) s.first_page = 0;
    return plan;
}

// One requirement entry: the fields every requirement has, then `rest`
// (kind-specific keys: patterns, examples, draft_may_lack …), each line
// indented by four spaces.
inline std::string requirement(const std::string& id, const std::string& kind, const std::string& severity,
                               const std::string& rest = "") {
    return "  - id: " + id + "\n"
           "    kind: " + kind + "\n"
           "    title: {da: 'Krav " + id + "', en: 'Requirement " + id + "'}\n"
           "    message: {da: 'Skal rettes.', en: 'Must be fixed.'}\n"
           "    legal_basis: 'bek. prøve § 1'\n"
           "    severity: " + severity + "\n" + rest;
}

// The stand-in minister goals of the plan year (numbers 1 and 2).
inline const char* kGoalsYaml =
    "    - number: 1\n"
    "      title: {da: 'Flere unge i uddannelse', en: 'More young people in education'}\n"
    "      patterns: ['\\bunge i uddannelse']\n"
    "      examples: {match: ['Flere unge i uddannelse'], no_match: ['Unge i job']}\n"
    "    - number: 2\n"
    "      title: {da: 'Færre på permanent forsørgelse', en: 'Fewer on permanent benefits'}\n"
    "      patterns: ['\\bpermanent forsørgelse']\n"
    "      examples: {match: ['Færre på permanent forsørgelse'], no_match: ['Midlertidig forsørgelse']}\n";

// A profile "kinds" for plan year 2012 with `requirements` (requirement()
// entries), `goals` (goal entries of 2012) and the 2012 deadlines; `extra`
// is appended at the top level (placeholders). Its examples must hold.
inline Profile profile_of(const std::string& requirements, const std::string& goals = kGoalsYaml,
                          const std::string& extra = "") {
    const std::string yaml =
        "id: kinds\n"
        "title: {da: 'Prøveprofil', en: 'Test profile'}\n"
        "years: [2012, 2012]\n"
        "legal_basis: 'bek. prøve'\n"
        "requirements:\n" + requirements +
        "goals:\n"
        "  2012:\n" + goals +
        "deadlines:\n"
        "  2012:\n"
        "    - {what: hearing, date: '2011-07-01', label: {da: 'Udkast til LBR', en: 'Draft to LBR'}}\n"
        "    - {what: adoption, date: '2011-10-15', label: {da: 'Vedtagelse', en: 'Adoption'}}\n"
        "    - {what: publication, date: '2012-01-31', label: {da: 'Offentliggørelse', en: 'Publication'}}\n" +
        extra;
    Profile p = load_profile_from_string(yaml, "kinds.yaml");
    const auto problems = check_examples(p);
    INFO((problems.empty() ? std::string() : problems.front()));
    REQUIRE(problems.empty());
    return p;
}

inline EngineOutput run(const LoadedPlan& plan, const Profile& profile, Stage stage = Stage::final,
                        std::vector<std::string> waived_goals = {}) {
    EngineInput in{&plan.doc, &plan.outline, &plan.identity, &profile, kYear, stage, std::move(waived_goals)};
    return run_engine(in);
}

// The result of requirement `id`: a reference into `o`, so a test keeps a
// copy (`const RequirementResult r = req(run(…), id)`) when `o` is a
// temporary.
inline const RequirementResult& req(const EngineOutput& o, const std::string& id) {
    auto it = std::find_if(o.requirements.begin(), o.requirements.end(), [&](const auto& q) { return q.id == id; });
    INFO("requirement " << id);
    REQUIRE(it != o.requirements.end());
    return *it;
}

// The checks' own findings of `rule` (not the restatements of a failed
// requirement), in report order.
inline std::vector<Finding> own_findings(const EngineOutput& o, const std::string& rule) {
    std::vector<Finding> v;
    for (const auto& f : o.findings)
        if (f.rule == rule && !f.requirement_result) v.push_back(f);
    return v;
}

// The restatement of requirement `id` among the findings, or nullptr.
inline const Finding* requirement_finding(const EngineOutput& o, const std::string& id) {
    for (const auto& f : o.findings)
        if (f.rule == id && f.requirement_result) return &f;
    return nullptr;
}

// The result's status and its Danish message, exactly.
inline void check_result(const RequirementResult& r, ReqStatus status, const std::string& message_da) {
    INFO("requirement " << r.id << ": " << r.message.da);
    CHECK(req_status_name(r.status) == std::string(req_status_name(status)));
    CHECK(r.message.da == message_da);
}

// The result's one piece of evidence is on `page` (0: unknown) in `section`.
inline void check_one_evidence(const RequirementResult& r, int page, const std::string& section) {
    INFO("evidence of " << r.id);
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].page == page);
    CHECK(r.evidence[0].section == section);
}

// `text` with its first `from` replaced by `to`; `from` must be there.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    INFO("replace '" << from << "'");
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace plantjek::kinds
