// "described": the plan must describe the item, in any form (LOOB sets no
// form requirement): a passage that says how — at least min_terms distinct
// key terms — in a section of its own (heading) or anywhere in the text. A
// heading alone, or a sentence that only announces or points to the item
// ("planen indeholder et afsnit om …", "se afsnit 5"; the requirement's
// body patterns), is not a description: those sentences are left out
// before the terms are counted. Cost: the sentences of every body block.
#include "rules/checks/context.h"
#include "rules/target_parse.h"

namespace plantjek::checks {

namespace {

// The text without the sentences that only refer to the item.
std::string without_references(const Requirement& r, std::string_view text) {
    std::string out;
    for (auto [x, y] : split_sentences(text)) {
        std::string_view sent = text.substr(x, y - x);
        if (!search_any(r.body, sent)) out.append(sent).push_back(' ');
    }
    return out;
}

bool describes(const Requirement& r, std::string_view text) {
    return count_distinct(r.terms, without_references(r, text)) >= std::max(1, r.min_terms);
}

// The section's own paragraphs (and its subsections'), heading left out.
bool section_describes(const Context& c, const Requirement& r, int s) {
    std::string text;
    for (std::size_t i = 0; i < c.doc().blocks.size(); ++i) {
        bool inside = false;
        for (int x = c.section_of[i]; x >= 0 && !inside; x = c.outline().sections[x].parent) inside = x == s;
        if (inside && c.body[i]) text += c.doc().blocks[i].text + "\n";
    }
    return describes(r, text);
}

}  // namespace

void check_described(Context& c, const Requirement& r, RequirementResult& res) {
    int s = find_section(c, r);
    if (s >= 0 && section_describes(c, r, s)) {
        res.status = ReqStatus::pass;
        res.evidence.push_back(c.evidence_for_section(s));
        res.message = {"Beskrevet i afsnittet " + c.section_name(s) + ".", "Described in the section " + c.section_name(s) + "."};
        return;
    }
    for (std::size_t b = 0; b < c.doc().blocks.size(); ++b) {
        if (!c.body[b] || !describes(r, c.doc().blocks[b].text)) continue;
        res.status = ReqStatus::pass;
        res.evidence.push_back(c.evidence_for_block(b));
        const Evidence& e = res.evidence.back();
        Text2 at = location_text(e.page, e.section, e.paragraph);
        res.message = {"Beskrevet i teksten (" + at.da + ").", "Described in the text (" + at.en + ")."};
        return;
    }
    if (s >= 0) {
        res.evidence.push_back(c.evidence_for_section(s));
        missing(c, r, res,
                {"Afsnittet " + c.section_name(s) + " nævner emnet, men beskriver ikke, hvordan det gøres.",
                 "The section " + c.section_name(s) + " names the subject but does not describe how it is done."});
        return;
    }
    missing(c, r, res, {"Ikke beskrevet.", "Not described."});
}

}  // namespace plantjek::checks
