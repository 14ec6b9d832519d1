// The conformance engine: applies a profile's requirements to one segmented
// plan and returns requirement results, goal results and located findings.
//
// Why: the profile (rules/profiles/*.yaml) says WHAT a plan year requires;
// the engine knows HOW each kind of requirement is looked for ("section",
// "annex", "goals", "targets", "budget", "other-actors", "placeholders",
// "consistency"). Each kind lives in its own file under rules/checks/ and is
// registered by one line in engine.cpp, so a new kind never touches the
// others. The engine never reads a file and never prints.
//
// Cost: every pattern of the profile runs once over each section heading and
// once over the body text (a few hundred RE2 searches over ~100 KB of text
// for a long plan): a few milliseconds. Nothing is cached between plans.
#pragma once

#include <string>
#include <vector>

#include "extractor/document.h"
#include "extractor/identify.h"
#include "extractor/segment.h"
#include "rules/profile.h"
#include "rules/result.h"

namespace plantjek {

enum class Stage { final, draft };

struct EngineInput {
    const Document* doc = nullptr;       // normalised
    const Outline* outline = nullptr;
    const Identity* identity = nullptr;
    const Profile* profile = nullptr;
    int year = 0;                        // the plan year the profile is applied for
    Stage stage = Stage::final;
    // Goal ids a waiver takes out of "goals" and "targets" (the report
    // shows them as waived; report/assemble.h).
    std::vector<std::string> waived_goals;
};

struct EngineOutput {
    std::vector<RequirementResult> requirements;  // profile order
    std::vector<GoalResult> goals;                // goal number order
    // The checks' own findings in document order (page), then one per failed
    // requirement (and per warned one without evidence), so that the list
    // of what to act on is complete; those carry Finding::requirement_result.
    std::vector<Finding> findings;
    std::vector<Deadline> deadlines;              // the plan year's deadlines
    // For the report's outline: which requirement ids have evidence in which
    // section (index into Outline::sections).
    std::vector<std::vector<std::string>> section_requirements;
    std::vector<Target> annex_targets;            // targets read in the goal-overview annex
};

EngineOutput run_engine(const EngineInput& in);

// The latest date within [from, to] (ISO YYYY-MM-DD, inclusive) on which
// `text` says the plan was adopted or revised: a sentence with "vedtaget",
// "godkendt", "revideret" … and a date ("den 26. marts 2019", "april 2019" —
// a month alone counts as its first day —, "26.3.2019"). "" when there is
// none. The bounds keep out the dates of earlier plans the text mentions.
std::string plan_adopted_or_revised(std::string_view text, const std::string& from, const std::string& to);

// Target sentences ("… begrænses til 1.250 personer i december 2012, svt. et
// fald på 5 pct. …") read out of free text. Exposed for tests and for the
// corpus figures. Returns every target found in `text`; page is left 0.
std::vector<Target> parse_targets(std::string_view text);

}  // namespace plantjek
