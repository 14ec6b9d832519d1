// "goals": every minister goal of the plan year is addressed (its title or a
// paraphrase, as a heading or in the text). "targets": each goal has a
// target sentence with its numbers filled in, a deadline in the plan period,
// plausible values, and the ministry's prescribed shape where there is one.
#include <re2/re2.h>

#include "extractor/utf8.h"
#include "rules/checks/context.h"

namespace plantjek::checks {

void ensure_goals(Context& c) {
    if (!c.out.goals.empty()) return;
    const auto& secs = c.outline().sections;
    const auto& blocks = c.doc().blocks;
    for (const auto& g : c.profile().goals_for(c.year())) {
        GoalResult gr;
        gr.id = g.id;
        gr.title = g.title;
        gr.pending = g.pending;
        for (std::size_t s = 0; s < secs.size() && !gr.addressed; ++s)
            if (c.section_goal[s] == g.number || search_any(g.patterns, secs[s].heading)) {
                gr.addressed = true;
                gr.page = secs[s].first_page;
                gr.section = c.section_name(static_cast<int>(s));
            }
        for (std::size_t i = 0; i < blocks.size() && !gr.addressed; ++i)
            if (c.body[i] && search_any(g.patterns, blocks[i].text)) {
                gr.addressed = true;
                gr.page = blocks[i].page;
                gr.section = c.section_name(c.section_of[i]);
            }
        for (const auto& t : c.targets)
            if (t.goal == g.number && !t.annex) gr.targets.push_back(t.target);
        if (!gr.addressed && !gr.targets.empty()) {
            gr.addressed = true;
            gr.page = gr.targets.front().page;
        }
        c.out.goals.push_back(std::move(gr));
    }
}

namespace {

// Where the plan treats the minister's goals (the requirement's heading,
// else a passage with its terms): a missing goal belongs there, not under
// another goal's section. Empty when the plan has no such place: then the
// finding is about the plan as a whole.
std::vector<Evidence> chapter_of_goals(const Context& c, const Requirement& r) {
    int s = find_section(c, r);
    if (s >= 0) return {c.evidence_for_section(s)};
    long b = find_terms(c, r);
    if (b >= 0) return {c.evidence_for_block(static_cast<std::size_t>(b))};
    return {};
}

}  // namespace

void check_goals(Context& c, const Requirement& r, RequirementResult& res) {
    ensure_goals(c);
    std::string missing_da, missing_en;
    int addressed = 0, required = 0;
    for (const auto& g : c.out.goals) {
        if (g.pending || c.goal_waived(g.id)) continue;
        ++required;
        if (g.addressed) {
            ++addressed;
            Evidence e;
            e.page = g.page;
            e.section = g.section;
            e.excerpt = g.title.da;
            res.evidence.push_back(e);
        } else {
            missing_da += (missing_da.empty() ? "" : "; ") + g.id + " (" + g.title.da + ")";
            missing_en += (missing_en.empty() ? "" : "; ") + g.id + " (" + g.title.en + ")";
        }
    }
    if (required == 0) {
        res.status = ReqStatus::not_applicable;
        res.message = {"Profilen har ingen ministermål for planåret.", "The profile has no minister goals for the plan year."};
        return;
    }
    std::string pending_da, pending_en;
    const auto& rules = c.profile().goals_for(c.year());
    for (std::size_t k = 0; k < c.out.goals.size() && k < rules.size(); ++k) {
        const auto& g = c.out.goals[k];
        if (!g.pending) continue;
        // A goal announced later is fine once the plan addresses it, unless
        // its passage is still a placeholder ("afventer …").
        bool unfinished = !g.addressed;
        for (std::size_t s = 0; s < c.section_goal.size(); ++s)
            if (c.section_goal[s] == rules[k].number && search_any(c.profile().placeholders, c.section_text[s]))
                unfinished = true;
        if (unfinished) {
            pending_da += (pending_da.empty() ? "" : "; ") + g.id + " (" + g.title.da + ")";
            pending_en += (pending_en.empty() ? "" : "; ") + g.id + " (" + g.title.en + ")";
        }
    }
    if (addressed == required && !pending_da.empty()) {
        res.status = ReqStatus::warn;
        res.severity = Severity::warning;
        res.message = {"Alle " + std::to_string(required) + " udmeldte ministermål er behandlet, men et senere udmeldt mål mangler mål og indsats: " +
                           pending_da + ".",
                       "All " + std::to_string(required) + " announced minister goals are addressed, but a goal announced later still lacks its target and effort: " +
                           pending_en + "."};
        return;
    }
    if (addressed == required) {
        res.status = ReqStatus::pass;
        res.message = {"Alle " + std::to_string(required) + " ministermål er behandlet.",
                       "All " + std::to_string(required) + " minister goals are addressed."};
        return;
    }
    res.evidence = chapter_of_goals(c, r);
    // Guiding goals (LOOB): the plan builds on them, so a few left out is a
    // warning as long as it addresses the others; none addressed keeps the
    // requirement's severity.
    Requirement lenient = r;
    if (addressed > 0 && required - addressed <= r.missing_goals_warning) {
        lenient.severity = Severity::warning;
        res.severity = Severity::warning;
    }
    missing(c, lenient, res,
            {std::to_string(required - addressed) + " af " + std::to_string(required) + " ministermål er ikke behandlet: " +
                 missing_da + ".",
             std::to_string(required - addressed) + " of " + std::to_string(required) + " minister goals are not addressed: " +
                 missing_en + "."});
}

namespace {

// The ids of the goals in force (not announced later, not waived) that have
// no target at all; `goals` counts those in force.
std::string untargeted_goals(const Context& c, int& goals, int& without) {
    std::string ids;
    for (const auto& g : c.out.goals) {
        if (g.pending || c.goal_waived(g.id)) continue;
        ++goals;
        if (g.targets.empty()) {
            ++without;
            ids += (ids.empty() ? "" : ", ") + g.id;
        }
    }
    return ids;
}

// One target of the main text: filled in, a date inside the plan's years, a
// plausible value and change, the ministry's shape. Findings go to the
// report; returns the number of errors (unfilled, wrong date).
int check_one_target(Context& c, const Requirement& r, RequirementResult& res, const LocatedTarget& lt, int first,
                     int last) {
    const auto& goal_rules = c.profile().goals_for(c.year());
    const Target& t = lt.target;
    int problems = 0;
    if (!t.filled) {
        ++problems;
        c.add_finding(r.id, Severity::error,
                      {"Måltallet er ikke udfyldt (pladsholder står tilbage).",
                       "The target figure is not filled in (a placeholder is left)."},
                      lt.block);
        if (res.evidence.size() < 6) res.evidence.push_back(c.evidence_for_block(lt.block, 0, t.text));
    }
    if (t.deadline_year && (t.deadline_year < first || t.deadline_year > last)) {
        ++problems;
        c.add_finding(r.id, Severity::error,
                      {"Måldatoen '" + t.deadline + "' passer ikke til planåret " + std::to_string(c.year()) + ".",
                       "The target date '" + t.deadline + "' does not fit the plan year " + std::to_string(c.year()) + "."},
                      lt.block);
    }
    bool pct = t.unit == "pct.";
    if (t.value && (*t.value < 0 || (pct && *t.value > 100)))
        c.add_finding(r.id, Severity::warning,
                      {"Usandsynlig værdi i målet: " + std::to_string(*t.value) + " " + t.unit + ".",
                       "Implausible target value: " + std::to_string(*t.value) + " " + t.unit + "."},
                      lt.block);
    if (t.change_pct && (*t.change_pct > 100 || *t.change_pct < -100))
        c.add_finding(r.id, Severity::warning,
                      {"Usandsynlig ændring i målet (over 100 pct.).", "Implausible change in the target (over 100 pct.)."},
                      lt.block);
    // The ministry's prescribed shape, where the goal has one.
    if (lt.goal >= 1 && lt.goal <= static_cast<int>(goal_rules.size()) && !lt.shaped &&
        !goal_rules[lt.goal - 1].target_shapes.empty())
        c.add_finding(r.id, Severity::warning,
                      {"Målsætningen følger ikke ministeriets formulering for mål " + std::to_string(lt.goal) + ".",
                       "The target does not follow the ministry's wording for goal " + std::to_string(lt.goal) + "."},
                      lt.block);
    return problems;
}

// A missing target belongs to the section where its goal is treated, when
// all the goals without one share it; else to the whole plan (never to
// another goal's section).
void locate_missing_targets(const Context& c, RequirementResult& res) {
    std::vector<const GoalResult*> lacking;
    for (const auto& g : c.out.goals)
        if (!g.pending && !c.goal_waived(g.id) && g.targets.empty()) lacking.push_back(&g);
    bool shared = !lacking.empty();
    for (const auto* g : lacking) shared = shared && g->addressed && !g->section.empty() && g->section == lacking[0]->section;
    if (shared && res.evidence.empty()) {
        Evidence e;
        e.page = lacking[0]->page;
        e.section = lacking[0]->section;
        e.excerpt = lacking[0]->title.da;
        res.evidence.push_back(e);
    }
}

}  // namespace

void check_targets(Context& c, const Requirement& r, RequirementResult& res) {
    ensure_goals(c);
    const auto& years = c.in.identity->years;
    int first = c.year(), last = c.year();
    if (!years.empty()) {
        first = std::min(first, years.front());
        last = std::max(last, years.back());
    }
    int problems = 0, without = 0, goals = 0;
    const std::string without_ids = untargeted_goals(c, goals, without);
    const auto& goal_rules = c.profile().goals_for(c.year());
    for (const auto& lt : c.targets) {
        if (lt.annex) continue;
        if (lt.goal >= 1 && lt.goal <= static_cast<int>(goal_rules.size()) && c.goal_waived(goal_rules[lt.goal - 1].id))
            continue;
        problems += check_one_target(c, r, res, lt, first, last);
    }
    if (goals == 0) {
        res.status = ReqStatus::not_applicable;
        res.message = {"Ingen ministermål for planåret.", "No minister goals for the plan year."};
        return;
    }
    if (without == 0 && problems == 0) {
        res.status = ReqStatus::pass;
        res.message = {"Alle ministermål har udfyldte måltal.", "Every minister goal has a filled-in target."};
        for (const auto& g : c.out.goals)
            if (!g.targets.empty() && res.evidence.size() < 6) {
                Evidence e;
                e.page = g.targets.front().page;
                e.section = g.section;
                e.excerpt = utf8::excerpt(g.targets.front().text, 200);
                res.evidence.push_back(e);
            }
        return;
    }
    Text2 why;
    if (problems) {
        why.da = std::to_string(problems) + " måltal er ikke udfyldt eller har forkert måldato.";
        why.en = std::to_string(problems) + " target(s) not filled in or with a wrong date.";
    }
    if (without) {
        why.da += (why.da.empty() ? "" : " ") + std::string("Intet måltal fundet for: ") + without_ids + ".";
        why.en += (why.en.empty() ? "" : " ") + std::string("No target found for: ") + without_ids + ".";
        locate_missing_targets(c, res);
    }
    missing(c, r, res, why);
}

}  // namespace plantjek::checks
