// Tracked changes and comments left in a DOCX or ODT (Metadata::revisions):
// they would be published with the plan, and before a hearing they are what
// a self-check must catch. One finding per kind (rule "tracked-changes",
// rule "comments") with the count, the places (pages, else sections) and
// the first one's words: a warning in a final plan, info in a draft.
//
// A plain engine finding like "deadline", not a check kind: no
// bekendtgørelse asks for it (there is no legal basis to cite), it applies
// to every plan year alike, and as a requirement it would enter every
// report's checklist and its counts. Cost: linear in blocks and revisions.
#include <algorithm>

#include "rules/checks/context.h"

namespace plantjek::checks {

namespace {

constexpr std::size_t kMaxPlaces = 8;

// The block a revision sits in: the one with its source_index, else the
// next one (a deleted paragraph has no block of its own); npos when none.
std::size_t block_of(const std::vector<std::pair<std::size_t, std::size_t>>& by_source, std::size_t source_index) {
    auto it = std::lower_bound(by_source.begin(), by_source.end(), std::make_pair(source_index, std::size_t{0}));
    return it == by_source.end() ? std::string::npos : it->second;
}

struct Group {
    std::vector<const Revision*> items;
    std::vector<std::size_t> blocks;  // per item
};

void report_group(Context& c, const std::string& rule, const Group& g) {
    if (g.items.empty()) return;
    const auto& blocks = c.doc().blocks;
    std::vector<std::string> da, en;  // distinct places in document order
    for (std::size_t b : g.blocks) {
        if (b >= blocks.size()) continue;
        Text2 at = location_text(blocks[b].page, c.section_name(c.section_of[b]), 0);
        if (at.da.empty()) at = {"før første overskrift", "before the first heading"};
        if (std::find(da.begin(), da.end(), at.da) == da.end()) {
            da.push_back(at.da);
            en.push_back(at.en);
        }
    }
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (std::size_t i = 0; i < v.size() && i < kMaxPlaces; ++i) s += (i ? ", " : "") + v[i];
        if (v.size() > kMaxPlaces) s += ", …";
        return s;
    };
    const std::size_t n = g.items.size();
    const bool one = n == 1;
    const Revision& first = *g.items.front();
    const std::string count = std::to_string(n);
    Text2 m;
    if (rule == "tracked-changes") {
        std::size_t ins = 0, del = 0;
        for (const auto* r : g.items) (r->kind == Revision::Kind::deletion ? del : ins)++;
        m.da = "Dokumentet har " + count +
               (one ? " ikke-accepteret ændring (registreret ændring" : " ikke-accepterede ændringer (registrerede ændringer") +
               "; " + std::to_string(ins) + " indsat, " + std::to_string(del) + " slettet)";
        m.en = "The document has " + count + (one ? " unaccepted tracked change (" : " unaccepted tracked changes (") +
               std::to_string(ins) + " inserted, " + std::to_string(del) + " deleted)";
    } else {
        m.da = "Dokumentet har " + count + (one ? " kommentar" : " kommentarer");
        m.en = "The document has " + count + (one ? " comment" : " comments");
    }
    if (!da.empty()) {
        m.da += ": " + join(da);
        m.en += ": " + join(en);
    }
    const bool changes = rule == "tracked-changes";
    m.da += std::string(". ") + (changes ? "Acceptér eller afvis " : "Slet ") + (one ? "den" : "dem") +
            ", før planen offentliggøres – ellers følger " + (one ? "den" : "de") + " med.";
    m.en += std::string(". ") + (changes ? "Accept or reject " : "Delete ") + (one ? "it" : "them") +
            " before the plan is published – otherwise " + (one ? "it goes" : "they go") + " with it.";
    if (!first.author.empty()) {
        const bool del = first.kind == Revision::Kind::deletion;
        m.da += std::string(one ? " " : " Første: ") +
                (changes ? (del ? "slettet af " : "indsat af ") : "fra ") + first.author + ".";
        m.en += std::string(one ? " " : " First: ") +
                (changes ? (del ? "deleted by " : "inserted by ") : "by ") + first.author + ".";
    }
    Severity sev = c.draft() ? Severity::info : Severity::warning;
    std::size_t b = g.blocks.front();
    c.add_finding(rule, sev, std::move(m), b < blocks.size() ? b : blocks.size());
    if (!first.excerpt.empty()) c.out.findings.back().excerpt = first.excerpt;
}

}  // namespace

void check_revisions(Context& c) {
    const auto& revisions = c.doc().meta.revisions;
    if (revisions.empty()) return;
    const auto& blocks = c.doc().blocks;
    std::vector<std::pair<std::size_t, std::size_t>> by_source;  // (source_index, block), sorted
    by_source.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) by_source.push_back({blocks[i].source_index, i});
    std::sort(by_source.begin(), by_source.end());
    Group changes, comments;
    for (const auto& r : revisions) {
        Group& g = r.kind == Revision::Kind::comment ? comments : changes;
        g.items.push_back(&r);
        g.blocks.push_back(block_of(by_source, r.source_index));
    }
    report_group(c, "tracked-changes", changes);
    report_group(c, "comments", comments);
}

}  // namespace plantjek::checks
