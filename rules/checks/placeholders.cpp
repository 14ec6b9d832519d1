// "placeholders": template leftovers anywhere in the body text (the
// profile's placeholder patterns) and sections left empty. In a draft, a
// leftover inside what a draft may still lack (draft_may_lack: the budget,
// LBR's plan) is a warning, like that item's own absence. An empty
// section whose heading was read by OCR is not counted against the plan:
// when its words stand on several OCR'd pages it is a running header read
// as a heading (an info finding says so), else a warning asks to look at
// the scanned page.
#include <set>

#include "rules/checks/context.h"

namespace plantjek::checks {

namespace {

// The pages whose OCR'd text has a block with the heading's words.
std::size_t ocr_pages_with(const Context& c, std::size_t heading_block) {
    const auto& blocks = c.doc().blocks;
    const std::string key = heading_key(blocks[heading_block].text);
    std::set<int> pages;
    for (const auto& b : blocks)
        if (b.ocr && heading_key(b.text) == key) pages.insert(b.page);
    return pages.size();
}

// In a draft: the sections of what a draft may still lack (the profile's
// draft_may_lack requirements found by their heading, e.g. the budget), so
// that a placeholder there is the same warning as the item's absence.
std::vector<bool> may_lack_sections(const Context& c) {
    std::vector<bool> out(c.outline().sections.size(), false);
    if (!c.draft()) return out;
    for (const Requirement* q : c.profile().requirements_for(c.year())) {
        if (!q->draft_may_lack || q->heading.empty()) continue;
        if (int s = find_section(c, *q); s >= 0) out[s] = true;
    }
    for (std::size_t s = 0; s < out.size(); ++s)  // parents come before children
        if (int p = c.outline().sections[s].parent; p >= 0 && out[p]) out[s] = true;
    return out;
}

}  // namespace

void check_placeholders(Context& c, const Requirement& r, RequirementResult& res) {
    const auto& blocks = c.doc().blocks;
    std::vector<Pattern> patterns = c.profile().placeholders;
    patterns.insert(patterns.end(), r.body.begin(), r.body.end());
    const std::vector<bool> may_lack = may_lack_sections(c);
    int hits = 0, draft_hits = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        bool heading = c.section_of[i] >= 0 && c.outline().sections[c.section_of[i]].heading_block == i;
        if (!c.body[i] && !heading) continue;
        const bool lackable = c.section_of[i] >= 0 && may_lack[c.section_of[i]];
        for (const auto& p : patterns) {
            for (const auto& m : find_all(p, blocks[i].text)) {
                ++(lackable ? draft_hits : hits);
                std::string w(m.text);
                if (lackable)
                    c.add_finding(r.id, Severity::warning,
                                  {"Udkast: pladsholder i en del, der først skal være på plads senere: '" + w + "'.",
                                   "Draft: placeholder in a part that need only be in place later: '" + w + "'."},
                                  i, m.begin);
                else
                    c.add_finding(r.id, r.severity,
                                  {"Skabelontekst eller pladsholder står tilbage: '" + w + "'.",
                                   "Template text or placeholder left in: '" + w + "'."},
                                  i, m.begin);
                if (res.evidence.size() < 5) res.evidence.push_back(c.evidence_for_block(i, m.begin, w));
            }
        }
    }
    // Sections with neither text nor subsections.
    const auto& secs = c.outline().sections;
    for (std::size_t s = 0; s < secs.size(); ++s) {
        bool has_child = s + 1 < secs.size() && secs[s + 1].parent == static_cast<int>(s);
        bool has_text = false;
        for (auto b : secs[s].blocks)
            if (b < c.body.size() && c.body[b]) has_text = true;
        if (has_child || has_text) continue;
        const std::size_t h = secs[s].heading_block;
        if (h < blocks.size() && blocks[h].ocr) {
            const std::string name = c.section_name(static_cast<int>(s));
            std::size_t pages = ocr_pages_with(c, h);
            if (pages >= 2)
                c.add_finding(r.id, Severity::info,
                              {"Overskriften '" + name + "' står på " + std::to_string(pages) +
                                   " OCR-læste sider: læst som sidehoved, ikke som et tomt afsnit.",
                               "The heading '" + name + "' stands on " + std::to_string(pages) +
                                   " OCR'd pages: read as a running header, not as an empty section."},
                              h);
            else
                c.add_finding(r.id, Severity::warning,
                              {"Afsnittet '" + name + "' ser tomt ud på en OCR-læst side; se efter på den scannede side.",
                               "The section '" + name + "' looks empty on an OCR'd page; check the scanned page."},
                              h);
            continue;
        }
        ++(may_lack[s] ? draft_hits : hits);
        c.add_finding(r.id, may_lack[s] ? Severity::warning : r.severity,
                      {"Afsnittet '" + c.section_name(static_cast<int>(s)) + "' er tomt.",
                       "The section '" + c.section_name(static_cast<int>(s)) + "' is empty."},
                      secs[s].heading_block);
        if (res.evidence.size() < 5) res.evidence.push_back(c.evidence_for_section(static_cast<int>(s)));
    }
    if (hits == 0 && draft_hits > 0) {
        res.status = ReqStatus::warn;
        res.severity = Severity::warning;
        res.message = {std::to_string(draft_hits) + (draft_hits == 1 ? " pladsholder" : " pladsholdere") +
                           " i dele, som et udkast endnu må mangle (fx budgettet).",
                       std::to_string(draft_hits) + (draft_hits == 1 ? " placeholder" : " placeholders") +
                           " in parts a draft may still lack (e.g. the budget)."};
        return;
    }
    if (hits == 0) {
        res.status = ReqStatus::pass;
        res.message = {"Ingen pladsholdere eller tomme afsnit fundet.", "No placeholders or empty sections found."};
        return;
    }
    res.status = r.severity == Severity::error ? ReqStatus::fail : ReqStatus::warn;
    res.message = {std::to_string(hits) + (hits == 1 ? " sted" : " steder") +
                       " med skabelontekst, pladsholdere eller tomme afsnit. " + r.message.da,
                   std::to_string(hits) + (hits == 1 ? " place" : " places") +
                       " with template text, placeholders or empty sections. " +
                       r.message.en};
}

}  // namespace plantjek::checks
