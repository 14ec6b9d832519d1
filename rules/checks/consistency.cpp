// "consistency": the targets in the main text equal those in the
// goal-overview annex (same goal, same value).
#include <cmath>
#include <map>

#include "rules/checks/context.h"

namespace plantjek::checks {

void check_consistency(Context& c, const Requirement& r, RequirementResult& res) {
    std::map<int, std::vector<const LocatedTarget*>> main, annex;
    for (const auto& t : c.targets)
        if (t.goal > 0 && t.target.value) (t.annex ? annex : main)[t.goal].push_back(&t);
    if (annex.empty() || main.empty()) {
        res.status = ReqStatus::not_applicable;
        res.message = {"Ingen måltal både i hovedteksten og i måloversigten at sammenligne.",
                       "No targets both in the main text and in the goal overview to compare."};
        return;
    }
    int compared = 0, differ = 0;
    for (const auto& [goal, in_annex] : annex) {
        auto it = main.find(goal);
        if (it == main.end()) continue;
        const LocatedTarget* m = it->second.front();
        const LocatedTarget* a = in_annex.front();
        ++compared;
        // The same unit must be compared: pick the annex value with the main target's unit when there are several.
        for (const auto* x : in_annex)
            if (x->target.unit == m->target.unit) {
                a = x;
                break;
            }
        if (std::fabs(*m->target.value - *a->target.value) > 1e-9) {
            ++differ;
            auto num = [](double v) {
                std::string s = std::to_string(v);
                while (!s.empty() && s.back() == '0') s.pop_back();
                if (!s.empty() && s.back() == '.') s.pop_back();
                return s;
            };
            std::string g = std::to_string(goal);
            Text2 at = location_text(a->target.page, c.section_name(a->section), c.paragraph_of(a->block));
            c.add_finding(r.id, r.severity,
                          {"Mål " + g + ": hovedteksten siger " + num(*m->target.value) + " " + m->target.unit +
                               ", måloversigten " + num(*a->target.value) + " " + a->target.unit + " (" + at.da + ").",
                           "Goal " + g + ": the main text says " + num(*m->target.value) + " " + m->target.unit +
                               ", the goal overview " + num(*a->target.value) + " " + a->target.unit + " (" + at.en +
                               ")."},
                          m->block);
            res.evidence.push_back(c.evidence_for_block(m->block));
            res.evidence.push_back(c.evidence_for_block(a->block));
        }
    }
    if (compared == 0) {
        res.status = ReqStatus::not_applicable;
        res.message = {"Måloversigtens mål kunne ikke parres med hovedtekstens.",
                       "The goal overview's targets could not be paired with the main text's."};
        return;
    }
    if (differ == 0) {
        res.status = ReqStatus::pass;
        res.message = {std::to_string(compared) + " mål stemmer overens med måloversigten.",
                       std::to_string(compared) + " targets agree with the goal overview."};
        return;
    }
    res.status = ReqStatus::fail;
    res.message = {std::to_string(differ) + " af " + std::to_string(compared) + " mål afviger fra måloversigten. " + r.message.da,
                   std::to_string(differ) + " of " + std::to_string(compared) + " targets differ from the goal overview. " +
                       r.message.en};
}

}  // namespace plantjek::checks
