// "other-actors" (2008–2011): a section on involving other actors, with a
// target for the share of the unemployed expected to start with one.
#include "rules/checks/context.h"

namespace plantjek::checks {

void check_other_actors(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r);
    long b = -1;
    if (s < 0) b = find_terms(c, r);
    if (s < 0 && b < 0) {
        missing(c, r, res, {"Intet afsnit om andre aktører fundet.", "No section on other actors found."});
        return;
    }
    std::string_view text = s >= 0 ? std::string_view(c.section_text[s]) : std::string_view(c.doc().blocks[b].text);
    res.evidence.push_back(s >= 0 ? c.evidence_for_section(s) : c.evidence_for_block(static_cast<std::size_t>(b)));
    bool share = r.body.empty() || search_any(r.body, text);
    if (!share) {  // as a missing section: the requirement's severity, and its draft wording
        missing(c, r, res,
                {"Afsnittet findes, men der er intet mål for andelen af ledige, der skal starte hos en anden aktør.",
                 "The section exists, but there is no target for the share of unemployed to start with another actor."});
        return;
    }
    if (s < 0) {
        res.status = ReqStatus::warn;
        res.severity = Severity::warning;
        res.message = {"Fundet i teksten, men ikke som et selvstændigt afsnit.", "Found in the text, but not as a section of its own."};
        return;
    }
    res.status = ReqStatus::pass;
    res.message = {"Afsnit med mål for andre aktører fundet.", "Section with a target for other actors found."};
}

}  // namespace plantjek::checks
