// plantjek compare OLD NEW: what changed between two plans, typically one
// kommune's plans of consecutive years.
//
// Why: a region reading this year's plan wants to see what moved since last
// year (a chapter gone, a target lowered, a requirement that now fails)
// without reading both. The comparison is computed from the two finished
// Reports (report/report.h) and never re-derives a verdict.
//
// Cost: two checks (or two reports read from the store); the comparison
// itself is linear in the sections, goals and requirements.
// Limits: sections are matched by their title (case and spacing aside),
// then by their number: a section with the same number and another title is
// "renamed", so a renumbered chapter whose title changed too counts as
// removed and added. Targets are compared by goal theme (rules/themes.h),
// using each theme's first filled target value of each plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractor/reader.h"
#include "report/report.h"

namespace plantjek {

struct SectionChange {
    std::string number, title;          // the new section (added, renamed) or the old one (removed)
    std::string old_number, old_title;  // renamed: the old section
};

struct ThemeChange {
    std::string theme;
    std::string old_goal, new_goal;       // "" when the theme has no goal in that plan
    std::optional<double> old_value, new_value;
    std::string old_unit, new_unit;
    std::optional<double> change;         // new - old, when both are known and the units agree
};

struct RequirementChange {
    std::string id;
    std::string old_status, new_status;  // req_status_name(); "" when the plan's profile has none
};

struct Comparison {
    std::string old_path, new_path;
    std::vector<std::string> old_kommuner, new_kommuner;
    std::vector<int> old_years, new_years;
    std::vector<SectionChange> added, removed, renamed;
    std::vector<ThemeChange> themes;             // every theme of either plan, in rules/themes.h order
    std::vector<RequirementChange> newly_failing;  // pass / not-applicable / absent → fail or warn
    std::vector<RequirementChange> newly_met;      // fail or warn → pass or waived
};

Comparison compare_reports(const Report& old_report, const Report& new_report);

// Writers: "text", "json", "html" (a page without script or network).
void write_comparison(std::ostream& os, const Comparison& c, const std::string& format, Lang l);

}  // namespace plantjek
