// "budget": a budget section or annex with amounts; template cells left
// unfilled ("xxx") are errors.
#include <re2/re2.h>

#include "rules/checks/context.h"

namespace plantjek::checks {

namespace {
bool has_amount(std::string_view text) {
    static const RE2 amount("(?:^|[^\\pN])(\\d{1,3}(?:[.]\\d{3})+|\\d{3,})(?:,\\d+)?(?:[^\\pN]|$)");
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), amount);
}
bool has_blank(std::string_view text) {
    static const RE2 blank("(?i)(?:^|[^\\pL])(x{2,}|\\?{2,}|_{3,})(?:[^\\pL]|$)");
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), blank);
}
}  // namespace

void check_budget(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r);
    if (s < 0) {
        long b = find_terms(c, r);
        if (b >= 0 && has_amount(c.doc().blocks[b].text)) {
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
    const std::string& text = c.section_text[s];
    int blanks = 0;
    const auto& blocks = c.doc().blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        int bs = c.section_of[i];
        bool inside = false;
        for (int x = bs; x >= 0; x = c.outline().sections[x].parent)
            if (x == s) inside = true;
        if (inside && c.body[i] && has_blank(blocks[i].text)) ++blanks;
    }
    if (blanks) {
        missing(c, r, res,
                {"Budgettet er ikke udfyldt: " + std::to_string(blanks) + " felt(er) med pladsholder.",
                 "The budget is not filled in: " + std::to_string(blanks) + " cell(s) with a placeholder."});
        return;
    }
    if (!has_amount(text)) {
        missing(c, r, res, {"Budgetafsnittet indeholder ingen beløb.", "The budget section holds no amounts."});
        return;
    }
    res.status = ReqStatus::pass;
    res.message = {"Budget med beløb fundet: " + c.section_name(s) + ".", "Budget with amounts found: " + c.section_name(s) + "."};
}

}  // namespace plantjek::checks
