// What the batch writers (the overview, the spreadsheet) share: the
// requirement and goal columns, the short heads, and the spread of the
// targets per year, goal and unit.
#include <algorithm>
#include <tuple>

#include "cli/writers/writer.h"
#include "report/duplicates.h"
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

std::string requirement_mark(ReqStatus s, Lang l) {
    if (s == ReqStatus::waived) return l == Lang::da ? "fritaget" : "waived";
    return req_status_mark(s);
}

std::string plan_reasons(const Report& r, Lang l) {
    if (r.error) return pick(r.error->message, l);
    std::string s;
    for (const auto& q : r.requirements)
        if (q.status == ReqStatus::fail || q.status == ReqStatus::warn)
            s += (s.empty() ? "" : "\n") + std::string(req_status_mark(q.status)) + " " + pick(q.title, l) + ": " +
                 pick(q.message, l);
    if (s.empty())
        for (const auto& f : r.findings)
            if (f.rule == kNotAPlanRule) s = pick(f.message, l);
    return s;
}

std::vector<std::string> plan_row_heads(const OverviewColumns& c, Lang l) {
    const bool da = l == Lang::da;
    std::vector<std::string> h = {da ? "Fil" : "File",       da ? "Kommune(r)" : "Municipality", da ? "Planår" : "Plan year",
                                  da ? "Art" : "Kind",       da ? "Stadie" : "Stage",            "Status",
                                  da ? "Dublet" : "Duplicate", da ? "Ikke opfyldt" : "Not met",   da ? "Advarsler" : "Warnings"};
    for (const auto& id : c.ids) h.push_back(requirement_head(id, c.titles.count(id) ? c.titles.at(id) : "", l));
    h.push_back(da ? "Fejltype" : "Error kind");
    h.push_back(da ? "Begrundelser" : "Reasons");
    return h;
}

std::vector<std::string> plan_row_cells(const Report& r, const std::string& duplicate_of, const OverviewColumns& c,
                                        Lang l) {
    auto slash = r.path.find_last_of('/');
    std::vector<std::string> v = {slash == std::string::npos ? r.path : r.path.substr(slash + 1),
                                  municipalities_label(r.municipalities),
                                  years_label(r.years),
                                  r.status == Status::unreadable ? "" : doc_kind_label(r.kind, l),
                                  stage_label(r.stage, l),
                                  status_label(r.status, l),
                                  duplicate_label(duplicate_of, l),
                                  std::to_string(r.summary.failed),
                                  std::to_string(r.summary.warned)};
    for (const auto& id : c.ids) {
        std::string cell;
        for (const auto& q : r.requirements)
            if (q.id == id) cell = requirement_mark(q.status, l);
        v.push_back(cell);
    }
    v.push_back(r.error ? r.error->kind : "");
    v.push_back(plan_reasons(r, l));
    return v;
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
