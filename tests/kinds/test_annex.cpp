// Kind "annex": a Tillæg/Bilag whose title matches passes (an annex before a
// chapter of the same name); an annex named only in the table of contents
// is missing and says so; only_kommuner makes it not applicable elsewhere.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

Profile overview(const std::string& more = "") {
    return profile_of(requirement("annex-goal-overview", "annex", "error",
                                  "    heading: ['\\bmåloversigt']\n"
                                  "    examples: {heading: {match: ['Tillæg 1: Måloversigt'], no_match: ['Mål og strategi']}}\n" +
                                      more));
}

const std::string kToc = "Indhold\n\n1. Indledning 2\n2. Indsatsen 2\nTillæg 1: Måloversigt 3\n\n";
const std::string kBody =
    "\f1. Indledning\n\nPlanen beskriver jobcentrets arbejde i det kommende år.\n\n"
    "2. Indsatsen\n\nJobcentret holder samtaler med alle nye ledige.\n\n";
const std::string kAnnex = "\fTillæg 1: Måloversigt\n\nOversigten samler planens mål og måltal i én tabel.\n";

}  // namespace

TEST_CASE("annex: an annex whose title matches passes, with its page and label", "[kind-annex]") {
    const EngineOutput o = run(plan_from_text(kTitlePage + kToc + kBody + kAnnex), overview());
    const RequirementResult r = req(o, "annex-goal-overview");
    CHECK(r.status == ReqStatus::pass);
    REQUIRE(r.evidence.size() == 1);
    const std::string label = r.evidence[0].section;
    CHECK(contains(label, "Måloversigt"));
    CHECK(r.message.da == "Fundet: " + label + ".");
    CHECK(r.evidence[0].page == 3);
    CHECK(contains(r.evidence[0].excerpt, "samler planens mål"));
}

TEST_CASE("annex: listed in the table of contents only, it fails and names the entry", "[kind-annex]") {
    const EngineOutput o = run(plan_from_text(kTitlePage + kToc + kBody), overview());
    const RequirementResult r = req(o, "annex-goal-overview");
    CHECK(r.status == ReqStatus::fail);
    CHECK(contains(r.message.da, "Nævnt i indholdsfortegnelsen ('"));
    CHECK(contains(r.message.da, "Måloversigt'), men findes ikke i dokumentet. Skal rettes."));
    CHECK(contains(r.message.en, "Listed in the table of contents"));
    REQUIRE(requirement_finding(o, "annex-goal-overview"));
}

TEST_CASE("annex: neither annex nor entry is 'the annex is missing'", "[kind-annex]") {
    const RequirementResult r = req(run(plan_from_text(kTitlePage + kBody), overview()), "annex-goal-overview");
    check_result(r, ReqStatus::fail, "Bilaget/tillægget mangler. Skal rettes.");
    CHECK(r.evidence.empty());
}

TEST_CASE("annex: an annex is preferred to a chapter of the same name, and a chapter alone passes", "[kind-annex]") {
    const std::string chapter = "3. Måloversigt\n\nKapitlet gennemgår målene ét for ét.\n\n";
    const RequirementResult both =
        req(run(plan_from_text(kTitlePage + kBody + chapter + kAnnex), overview()), "annex-goal-overview");
    CHECK(both.status == ReqStatus::pass);
    REQUIRE(both.evidence.size() == 1);
    CHECK(both.evidence[0].page == 3);  // the annex, not the chapter on page 2
    const RequirementResult alone = req(run(plan_from_text(kTitlePage + kBody + chapter), overview()), "annex-goal-overview");
    CHECK(alone.status == ReqStatus::pass);
    REQUIRE(alone.evidence.size() == 1);
    CHECK(alone.evidence[0].section == "3 Måloversigt");
}

TEST_CASE("annex: only_kommuner applies it to those kommuner alone", "[kind-annex]") {
    const Profile viborg = overview("    only_kommuner: ['Viborg']\n");
    const Profile others = overview("    only_kommuner: ['Odense', 'Aalborg']\n");
    const LoadedPlan plan = plan_from_text(kTitlePage + kBody);
    REQUIRE(!plan.identity.municipalities.empty());
    REQUIRE(plan.identity.municipalities.front() == "Viborg");
    CHECK(req(run(plan, viborg), "annex-goal-overview").status == ReqStatus::fail);
    const RequirementResult r = req(run(plan, others), "annex-goal-overview");
    check_result(r, ReqStatus::not_applicable, "Gælder kun for bestemte kommuner, ikke for denne.");
}

TEST_CASE("annex: a draft may lack it until its deadline", "[kind-annex]") {
    const Profile p = overview("    draft_may_lack: true\n    due: publication\n");
    const RequirementResult r = req(run(plan_from_text(kTitlePage + kBody), p, Stage::draft), "annex-goal-overview");
    check_result(r, ReqStatus::warn, "Bilaget/tillægget mangler. Udkast: skal være på plads senest 2012-01-31 (Skal rettes.)");
}
