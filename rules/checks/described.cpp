// "described": the plan must describe the item, in any form (LOOB sets no
// form requirement): its own section, or a passage with its key terms.
#include "rules/checks/context.h"

namespace plantjek::checks {

void check_described(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r);
    if (s >= 0) {
        res.status = ReqStatus::pass;
        res.evidence.push_back(c.evidence_for_section(s));
        res.message = {"Beskrevet i afsnittet " + c.section_name(s) + ".", "Described in the section " + c.section_name(s) + "."};
        return;
    }
    long b = find_terms(c, r);
    if (b >= 0) {
        res.status = ReqStatus::pass;
        res.evidence.push_back(c.evidence_for_block(static_cast<std::size_t>(b)));
        const Evidence& e = res.evidence.back();
        Text2 at = location_text(e.page, e.section, e.paragraph);
        res.message = {"Beskrevet i teksten (" + at.da + ").", "Described in the text (" + at.en + ")."};
        return;
    }
    missing(c, r, res, {"Ikke beskrevet.", "Not described."});
}

}  // namespace plantjek::checks
