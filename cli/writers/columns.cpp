// What the batch writers (the overview, the spreadsheet) share: the
// requirement and goal columns, the short heads, and the spread of the
// targets per year, goal and unit.
#include <algorithm>
#include <tuple>

#include "cli/writers/writer.h"
#include "rules/profile.h"

namespace plantjek {

int goal_number(const std::string& id) {
    auto p = id.rfind('-');
    if (p == std::string::npos) return 0;
    try {
        return std::stoi(id.substr(p + 1));
    } catch (...) {
        return 0;
    }
}

OverviewColumns overview_columns(const std::vector<OverviewEntry>& plans, Lang l) {
    OverviewColumns c;
    std::set<std::string> seen;
    for (const auto& e : plans)
        for (const auto& q : e.report.requirements) {
            seen.insert(q.id);
            if (!c.titles.count(q.id)) c.titles[q.id] = pick(q.title, l);
        }
    for (const auto& id : canonical_requirement_ids())
        if (seen.count(id)) c.ids.push_back(id);
    for (const auto& e : plans)
        for (const auto& q : e.report.requirements)
            if (std::find(c.ids.begin(), c.ids.end(), q.id) == c.ids.end()) c.ids.push_back(q.id);
    for (const auto& e : plans)
        for (const auto& g : e.report.goals)
            if (int n = goal_number(g.id); n > 0) c.goal_titles[n].insert(pick(g.title, l));
    return c;
}

namespace {
struct Head {
    const char *id, *da, *en;
};
// Short heads for the canonical requirements: narrow enough for a column.
constexpr Head kHeads[] = {
    {"minister-goals", "Ministermål", "Minister goals"},
    {"goal-targets", "Måltal", "Targets"},
    {"challenges", "Udfordringer", "Challenges"},
    {"citizen-strategy", "Borgerindsats", "Citizens"},
    {"company-strategy", "Virksomhedsindsats", "Companies"},
    {"other-actors", "Andre aktører", "Other actors"},
    {"budget", "Budget", "Budget"},
    {"annex-goal-overview", "Bilag: mål", "Annex: goals"},
    {"annex-lbr-plan", "Bilag: LBR", "Annex: LBR"},
    {"annex-jobconsultants", "Bilag: jobkons.", "Annex: job cons."},
    {"repatriation", "Repatriering", "Repatriation"},
    {"no-placeholders", "Pladsholdere", "Placeholders"},
    {"targets-consistent", "Mål stemmer", "Targets agree"},
};
}  // namespace

std::string requirement_head(const std::string& id, const std::string& title, Lang l) {
    for (const auto& h : kHeads)
        if (id == h.id) return l == Lang::da ? h.da : h.en;
    return title.empty() ? id : title;
}

double TargetSpread::median() const {
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::vector<TargetSpread> target_spreads(const std::vector<OverviewEntry>& plans) {
    std::map<std::tuple<int, int, std::string>, std::vector<double>> groups;
    for (const auto& e : plans) {
        if (!e.duplicate_of.empty() || e.report.years.empty()) continue;
        for (const auto& g : e.report.goals)
            for (const auto& t : g.targets)
                if (t.value) groups[{e.report.years.front(), goal_number(g.id), t.unit}].push_back(*t.value);
    }
    std::vector<TargetSpread> out;
    for (auto& [key, values] : groups) {
        std::sort(values.begin(), values.end());
        out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::move(values)});
    }
    return out;
}

const TargetSpread* spread_for(const std::vector<TargetSpread>& spreads, const Report& r, const GoalResult& g,
                               const Target& t) {
    if (!t.value || r.years.empty()) return nullptr;
    for (const auto& s : spreads)
        if (s.year == r.years.front() && s.goal == goal_number(g.id) && s.unit == t.unit) return &s;
    return nullptr;
}

}  // namespace plantjek
