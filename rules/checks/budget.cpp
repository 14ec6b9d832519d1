// "budget": a budget section or annex with amounts (the requirement's `body`
// patterns); template cells left unfilled (its `unfilled` patterns) are errors.
#include "rules/checks/context.h"

namespace plantjek::checks {

namespace {

// Blocks of section s (or of its subsections) whose body text holds an
// unfilled template cell.
int unfilled_cells(const Context& c, const Requirement& r, int s) {
    int blanks = 0;
    const auto& blocks = c.doc().blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!c.body[i]) continue;
        bool inside = false;
        for (int x = c.section_of[i]; x >= 0 && !inside; x = c.outline().sections[x].parent) inside = x == s;
        if (inside && search_any(r.unfilled, blocks[i].text)) ++blanks;
    }
    return blanks;
}

}  // namespace

void check_budget(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r);
    if (s < 0) {
        long b = find_terms(c, r);
        if (b >= 0 && search_any(r.body, c.doc().blocks[b].text)) {
            res.status = ReqStatus::warn;
            res.severity = Severity::warning;
            res.evidence.push_back(c.evidence_for_block(static_cast<std::size_t>(b)));
            res.message = {"Budgettal fundet i teksten, men intet budgetafsnit.",
                           "Budget figures found in the text, but no budget section."};
            return;
        }
        missing(c, r, res, {"Intet budgetafsnit fundet.", "No budget section found."});
        return;
    }
    res.evidence.push_back(c.evidence_for_section(s));
    if (int blanks = unfilled_cells(c, r, s)) {
        missing(c, r, res,
                {"Budgettet er ikke udfyldt: " + std::to_string(blanks) + (blanks == 1 ? " felt" : " felter") +
                     " med pladsholder.",
                 "The budget is not filled in: " + std::to_string(blanks) + (blanks == 1 ? " cell" : " cells") +
                     " with a placeholder."});
        return;
    }
    if (!search_any(r.body, c.section_text[s])) {
        missing(c, r, res, {"Budgetafsnittet indeholder ingen beløb.", "The budget section holds no amounts."});
        return;
    }
    res.status = ReqStatus::pass;
    res.message = {"Budget med beløb fundet: " + c.section_name(s) + ".", "Budget with amounts found: " + c.section_name(s) + "."};
}

}  // namespace plantjek::checks
