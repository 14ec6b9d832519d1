// "section": the item has its own section (heading pattern), or at least its
// key terms appear together in a passage (a warning).
#include "rules/checks/context.h"

namespace plantjek::checks {

void check_section(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r);
    if (s >= 0) {
        res.status = ReqStatus::pass;
        res.evidence.push_back(c.evidence_for_section(s));
        res.message = {"Fundet som afsnit: " + c.section_name(s) + ".", "Found as a section: " + c.section_name(s) + "."};
        return;
    }
    long b = find_terms(c, r);
    if (b >= 0) {
        res.status = ReqStatus::warn;
        res.severity = Severity::warning;
        res.evidence.push_back(c.evidence_for_block(static_cast<std::size_t>(b)));
        res.message = {"Fundet i teksten, men ikke som et selvstændigt afsnit.",
                       "Found in the text, but not as a section of its own."};
        c.add_finding(r.id, Severity::warning,
                      {r.title.da + ": fundet i teksten, men ikke som et selvstændigt afsnit.",
                       r.title.en + ": found in the text, but not as a section of its own."},
                      static_cast<std::size_t>(b));
        return;
    }
    missing(c, r, res, {"Intet afsnit fundet.", "No section found."});
}

}  // namespace plantjek::checks
