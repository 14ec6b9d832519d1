// "annex": a Tillæg/Bilag whose title matches; an annex only named in the
// table of contents is reported as such. An annex whose title names nothing
// ("Tillæg nr. 2 til beskæftigelsesplanen 2014") is known by its first
// sentence ("Dette tillæg er Det Lokale Beskæftigelsesråds plan …"), read
// with the same heading patterns.
#include "rules/checks/context.h"

namespace plantjek::checks {

namespace {

// The first sentence of a section's text (its first body block, up to the
// first full stop followed by a space).
std::string first_sentence(const Context& c, const Section& sec) {
    if (sec.blocks.empty()) return "";
    const std::string& t = c.doc().blocks[sec.blocks.front()].text;
    std::size_t end = t.find(". ");
    return end == std::string::npos ? t : t.substr(0, end + 1);
}

// An untitled annex whose first sentence matches r's heading patterns, or -1.
int annex_by_first_sentence(const Context& c, const Requirement& r) {
    const auto& secs = c.outline().sections;
    for (std::size_t s = 0; s < secs.size(); ++s) {
        if (!secs[s].annex || named_as_annex(c, secs[s])) continue;  // a title that says what it is
        if (search_any(r.heading, first_sentence(c, secs[s]))) return static_cast<int>(s);
    }
    return -1;
}

}  // namespace

void check_annex(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r, true);
    if (s < 0) s = find_section(c, r, false);
    if (s < 0) s = annex_by_first_sentence(c, r);
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
