// Kind "consistency": the targets of the main text and of the goal
// overview in an annex agree, goal by goal; a difference is an error
// finding that names both figures and where the annex's stands; nothing
// to compare is not applicable.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

Profile consistency() { return profile_of(requirement("targets-consistent", "consistency", "error")); }

const std::string kFront = kIntroduction +
    "\f2. Ministerens mål\n\n"
    "2.1 Flere unge i uddannelse\n\nAntallet af unge på offentlig forsørgelse skal begrænses til 450 personer i december 2012.\n\n";
std::string annex(const std::string& goal_line) { return "\fTillæg 1: Måloversigt\n\n" + goal_line + "\n"; }

}  // namespace

TEST_CASE("consistency: the same figure in text and annex passes", "[kind-consistency]") {
    const EngineOutput o = run(plan_from_text(kFront + annex("Flere unge i uddannelse: 450 personer i december 2012")),
                               consistency());
    const RequirementResult r = req(o, "targets-consistent");
    check_result(r, ReqStatus::pass, "1 mål stemmer overens med måloversigten.");
    CHECK(own_findings(o, "targets-consistent").empty());
    REQUIRE(!o.annex_targets.empty());
    REQUIRE(o.annex_targets[0].value);
    CHECK(*o.annex_targets[0].value == Approx(450));
}

TEST_CASE("consistency: a different figure fails, naming both and the annex's place", "[kind-consistency]") {
    const EngineOutput o = run(plan_from_text(kFront + annex("Flere unge i uddannelse: 500 personer i december 2012")),
                               consistency());
    const RequirementResult r = req(o, "targets-consistent");
    check_result(r, ReqStatus::fail, "1 af 1 mål afviger fra måloversigten. Skal rettes.");
    const auto f = own_findings(o, "targets-consistent");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.da == "Mål 1: hovedteksten siger 450 personer, måloversigten 500 personer (s. 3).");
    CHECK(f[0].section == "2.1 Flere unge i uddannelse");  // filed at the main text's target
    REQUIRE(r.evidence.size() == 2);
    CHECK(r.evidence[0].page == 2);
    CHECK(r.evidence[1].page == 3);
}

TEST_CASE("consistency: without a goal overview there is nothing to compare", "[kind-consistency]") {
    const RequirementResult r = req(run(plan_from_text(kFront), consistency()), "targets-consistent");
    check_result(r, ReqStatus::not_applicable, "Ingen måltal både i hovedteksten og i måloversigten at sammenligne.");
}

TEST_CASE("consistency: an overview whose goals do not pair with the text's is not applicable", "[kind-consistency]") {
    const EngineOutput o = run(plan_from_text(kFront + annex("Færre på permanent forsørgelse: 120 personer i december 2012")),
                               consistency());
    const RequirementResult r = req(o, "targets-consistent");
    check_result(r, ReqStatus::not_applicable, "Måloversigtens mål kunne ikke parres med hovedtekstens.");
}

TEST_CASE("consistency: where pages are unknown the finding names the annex's section", "[kind-consistency]") {
    const LoadedPlan plan =
        with_unknown_pages(plan_from_text(kFront + annex("Flere unge i uddannelse: 500 personer i december 2012")));
    const auto f = own_findings(run(plan, consistency()), "targets-consistent");
    REQUIRE(f.size() == 1);
    CHECK(contains(f[0].message.da, "måloversigten 500 personer (afsnit Tillæg 1"));
    CHECK(contains(f[0].message.da, "tekstafsnit 1)."));
}
