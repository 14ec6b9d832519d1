// The revisions finding (not a requirement kind): tracked changes and
// comments left in the document (Metadata::revisions, as the DOCX and ODT
// readers fill it), one finding per kind with the count, the places and the
// first one's words and author; a warning in a final plan, info in a draft.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

Profile any_profile() { return profile_of(requirement("targets-consistent", "consistency", "error")); }

const std::string kText = kIntroduction + kOtherChapter + "\n"
                          "De unge får et uddannelsespålæg.\n";

// The source_index of the block whose text holds `part`.
std::size_t source_of(const LoadedPlan& plan, const std::string& part) {
    for (const auto& b : plan.doc.blocks)
        if (contains(b.text, part)) return b.source_index;
    FAIL("no block with " << part);
    return 0;
}

Revision revision(Revision::Kind kind, std::size_t source_index, std::string excerpt, std::string author) {
    Revision r;
    r.kind = kind;
    r.source_index = source_index;
    r.excerpt = std::move(excerpt);
    r.author = std::move(author);
    return r;
}

}  // namespace

TEST_CASE("revisions: a document without any has no such finding", "[kind-revisions]") {
    const EngineOutput o = run(plan_from_text(kText), any_profile());
    CHECK(own_findings(o, "tracked-changes").empty());
    CHECK(own_findings(o, "comments").empty());
}

TEST_CASE("revisions: tracked changes are one warning with count, places, words and author", "[kind-revisions]") {
    LoadedPlan plan = plan_from_text(kText);
    const std::size_t talks = source_of(plan, "samtaler"), young = source_of(plan, "uddannelsespålæg");
    plan.doc.meta.revisions = {revision(Revision::Kind::insertion, talks, "alle nye", "Mette"),
                               revision(Revision::Kind::insertion, young, "et", "Mette"),
                               revision(Revision::Kind::deletion, young, "to", "Ole")};
    const EngineOutput o = run(plan, any_profile());
    const auto f = own_findings(o, "tracked-changes");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::warning);
    CHECK(f[0].message.da ==
          "Dokumentet har 3 ikke-accepterede ændringer (registrerede ændringer; 2 indsat, 1 slettet): s. 2. "
          "Acceptér eller afvis dem, før planen offentliggøres – ellers følger de med. Første: indsat af Mette.");
    CHECK(f[0].excerpt == "alle nye");
    CHECK(f[0].page == 2);
    CHECK(f[0].section == "2 Indsatsen");
    CHECK(own_findings(o, "comments").empty());
}

TEST_CASE("revisions: a comment in a draft is info, in the singular", "[kind-revisions]") {
    LoadedPlan plan = plan_from_text(kText);
    plan.doc.meta.revisions = {revision(Revision::Kind::comment, source_of(plan, "beskriver"), "Tjek tallene", "Ole")};
    const EngineOutput draft = run(plan, any_profile(), Stage::draft);
    const auto f = own_findings(draft, "comments");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::info);
    CHECK(contains(f[0].message.da, "Dokumentet har 1 kommentar: s. 1. Slet den, før planen offentliggøres – ellers følger den med."));
    CHECK(contains(f[0].message.da, "fra Ole."));
    CHECK(contains(f[0].message.en, "The document has 1 comment: p. 1. Delete it before the plan is published – otherwise it goes with it."));
    CHECK(f[0].excerpt == "Tjek tallene");
    CHECK(own_findings(run(plan, any_profile(), Stage::final), "comments")[0].severity == Severity::warning);
}

TEST_CASE("revisions: a deleted paragraph is placed at the next block", "[kind-revisions]") {
    LoadedPlan plan = plan_from_text(kText);
    const std::size_t young = source_of(plan, "uddannelsespålæg");
    REQUIRE(young > 0);
    // A deleted paragraph keeps a source_index no block has (between two).
    const std::size_t gap = young - 1;
    for (const auto& b : plan.doc.blocks) REQUIRE(b.source_index != gap);
    plan.doc.meta.revisions = {revision(Revision::Kind::deletion, gap, "Et slettet afsnit", "")};
    const auto f = own_findings(run(plan, any_profile()), "tracked-changes");
    REQUIRE(f.size() == 1);
    CHECK(f[0].section == "2 Indsatsen");
    CHECK(contains(f[0].message.da, "1 ikke-accepteret ændring (registreret ændring; 0 indsat, 1 slettet): s. 2."));
    CHECK_FALSE(contains(f[0].message.da, "slettet af"));  // no author, no name
}

TEST_CASE("revisions: where pages are unknown the places are sections", "[kind-revisions]") {
    LoadedPlan plan = with_unknown_pages(plan_from_text(kText));
    plan.doc.meta.revisions = {revision(Revision::Kind::comment, source_of(plan, "beskriver"), "a", ""),
                               revision(Revision::Kind::comment, source_of(plan, "samtaler"), "b", ""),
                               revision(Revision::Kind::comment, source_of(plan, "uddannelsespålæg"), "c", "")};
    const auto f = own_findings(run(plan, any_profile()), "comments");
    REQUIRE(f.size() == 1);
    CHECK(contains(f[0].message.da, "Dokumentet har 3 kommentarer: afsnit 1, afsnit 2. Slet dem"));
}
