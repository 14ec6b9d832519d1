// The deadlines check (not a requirement kind): the plan year's deadlines
// from the profile go into the report, and an adoption or publication date
// the plan states after its deadline is a warning at that sentence.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

// Deadlines are read whatever the requirements; one requirement keeps the
// profile valid.
Profile any_profile() { return profile_of(requirement("targets-consistent", "consistency", "error")); }

const std::string kFront = kTitlePage + "1. Indledning\n\n";

}  // namespace

TEST_CASE("deadlines: the plan year's deadlines are in the output, in profile order", "[kind-deadlines]") {
    const EngineOutput o = run(plan_from_text(kFront + "Planen beskriver jobcentrets arbejde.\n\n" + kOtherChapter), any_profile());
    REQUIRE(o.deadlines.size() == 3);
    CHECK(o.deadlines[0].what == "hearing");
    CHECK(o.deadlines[0].date == "2011-07-01");
    CHECK(o.deadlines[0].title.da == "Udkast til LBR");
    CHECK(o.deadlines[1].what == "adoption");
    CHECK(o.deadlines[2].what == "publication");
    CHECK(o.deadlines[2].date == "2012-01-31");
    CHECK(own_findings(o, "deadline").empty());
}

TEST_CASE("deadlines: an adoption after its deadline is a warning at the sentence", "[kind-deadlines]") {
    const EngineOutput o =
        run(plan_from_text(kFront + "Planen blev vedtaget af byrådet den 12. december 2011.\n\n" + kOtherChapter), any_profile());
    const auto f = own_findings(o, "deadline");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::warning);
    CHECK(f[0].message.da == "Planen angiver vedtagelse den 2011-12-12, efter fristen 2011-10-15.");
    CHECK(f[0].message.en == "The plan states adoption on 2011-12-12, after the deadline 2011-10-15.");
    CHECK(f[0].section == "1 Indledning");
    CHECK(f[0].page == 1);
    CHECK(contains(f[0].excerpt, "vedtaget af byrådet"));
}

TEST_CASE("deadlines: an adoption on time, or a date without an adoption verb, is no finding", "[kind-deadlines]") {
    CHECK(own_findings(run(plan_from_text(kFront + "Planen blev vedtaget den 1. oktober 2011.\n\n" + kOtherChapter), any_profile()),
                       "deadline")
              .empty());
    CHECK(own_findings(run(plan_from_text(kFront + "Rådet holdt møde den 12. december 2011.\n\n" + kOtherChapter), any_profile()),
                       "deadline")
              .empty());
}

TEST_CASE("deadlines: a late publication is measured against the publication deadline", "[kind-deadlines]") {
    const EngineOutput late =
        run(plan_from_text(kFront + "Planen offentliggøres på hjemmesiden den 15. marts 2012.\n\n" + kOtherChapter), any_profile());
    const auto f = own_findings(late, "deadline");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.da == "Planen angiver offentliggørelse den 2012-03-15, efter fristen 2012-01-31.");
    // The same date as an adoption is late against the adoption deadline instead.
    const EngineOutput adopted =
        run(plan_from_text(kFront + "Planen blev godkendt den 15. januar 2012.\n\n" + kOtherChapter), any_profile());
    REQUIRE(own_findings(adopted, "deadline").size() == 1);
    CHECK(contains(own_findings(adopted, "deadline")[0].message.da, "vedtagelse den 2012-01-15, efter fristen 2011-10-15"));
}

TEST_CASE("deadlines: a footer's date is read, a running header's is not", "[kind-deadlines]") {
    const std::string text = kFront + "Planen blev vedtaget af byrådet den 12. december 2011.\n\n" + kOtherChapter;
    LoadedPlan footer = plan_from_text(text), header = plan_from_text(text);
    for (auto* p : {&footer, &header}) {
        auto& blocks = p->doc.blocks;
        auto it = std::find_if(blocks.begin(), blocks.end(), [](const Block& b) { return contains(b.text, "vedtaget"); });
        REQUIRE(it != blocks.end());
        it->kind = p == &footer ? BlockKind::footer : BlockKind::header;
    }
    CHECK(own_findings(run(footer, any_profile()), "deadline").size() == 1);
    CHECK(own_findings(run(header, any_profile()), "deadline").empty());
}
