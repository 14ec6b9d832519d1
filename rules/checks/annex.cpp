// "annex": a Tillæg/Bilag whose title matches; an annex only named in the
// table of contents is reported as such.
#include "rules/checks/context.h"

namespace plantjek::checks {

void check_annex(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r, true);
    if (s < 0) s = find_section(c, r, false);
    if (s >= 0) {
        res.status = ReqStatus::pass;
        res.evidence.push_back(c.evidence_for_section(s));
        res.message = {"Fundet: " + c.section_name(s) + ".", "Found: " + c.section_name(s) + "."};
        return;
    }
    for (const auto& t : c.outline().toc) {
        if (search_any(r.heading, t.title)) {
            missing(c, r, res,
                    {"Nævnt i indholdsfortegnelsen ('" + t.title + "'), men findes ikke i dokumentet.",
                     "Listed in the table of contents ('" + t.title + "') but not in the document."});
            return;
        }
    }
    missing(c, r, res, {"Bilaget/tillægget mangler.", "The annex is missing."});
}

}  // namespace plantjek::checks
