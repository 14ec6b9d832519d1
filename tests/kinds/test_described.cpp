// Kind "described" (LOOB sets no form): its own section and a passage with
// the key terms both pass, and the message says which; neither is missing.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

Profile repatriation(const std::string& severity = "error", const std::string& more = "") {
    return profile_of(requirement("repatriation", "described", severity,
                                  "    heading: ['\\brepatrier']\n"
                                  "    terms: ['\\brepatrier', '\\bvejledning', '\\bhjemland']\n"
                                  "    min_terms: 2\n"
                                  "    examples:\n"
                                  "      heading: {match: ['Vejledning om repatriering'], no_match: ['Integration']}\n"
                                  "      terms: {match: ['Vejledning om repatriering gives ved første samtale.'],"
                                  " no_match: ['Vejledning gives ved første samtale.']}\n" +
                                      more));
}

const std::string kSection =
    "\f2. Repatriering\n\nFlygtninge, der ønsker at vende tilbage til deres hjemland, får vejledning ved den første "
    "samtale.\n";
const std::string kPassage =
    "\f2. Integration\n\nNyankomne flygtninge starter i praktik inden for tre måneder.\n\n"
    "Jobcentret giver vejledning om repatriering ved den første samtale, når borgeren ønsker det.\n";
const std::string kNeither = "\f2. Integration\n\nNyankomne flygtninge starter i praktik inden for tre måneder.\n";

}  // namespace

TEST_CASE("described: its own section passes and is named", "[kind-described]") {
    // The section says how (two of the key terms in its text), not only that.
    const RequirementResult r = req(run(plan_from_text(kIntroduction + kSection), repatriation()), "repatriation");
    check_result(r, ReqStatus::pass, "Beskrevet i afsnittet 2 Repatriering.");
    CHECK(r.message.en == "Described in the section 2 Repatriering.");
    check_one_evidence(r, 2, "2 Repatriering");
}

TEST_CASE("described: a passage with the key terms passes too (not a warning, unlike section)", "[kind-described]") {
    const EngineOutput o = run(plan_from_text(kIntroduction + kPassage), repatriation());
    const RequirementResult r = req(o, "repatriation");
    check_result(r, ReqStatus::pass, "Beskrevet i teksten (s. 2).");
    CHECK(r.message.en == "Described in the text (p. 2).");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].section == "2 Integration");
    CHECK(contains(r.evidence[0].excerpt, "vejledning om repatriering"));
    CHECK(o.findings.empty());
}

TEST_CASE("described: where pages are unknown the message names section and paragraph", "[kind-described]") {
    const LoadedPlan plan = with_unknown_pages(plan_from_text(kIntroduction + kPassage));
    const RequirementResult r = req(run(plan, repatriation()), "repatriation");
    check_result(r, ReqStatus::pass, "Beskrevet i teksten (afsnit 2, tekstafsnit 2).");
    CHECK(r.message.en == "Described in the text (section 2, paragraph 2).");
}

TEST_CASE("described: neither section nor passage is missing, by its severity", "[kind-described]") {
    const LoadedPlan plan = plan_from_text(kIntroduction + kNeither);
    const EngineOutput fails = run(plan, repatriation());
    CHECK(req(fails, "repatriation").status == ReqStatus::fail);
    CHECK(req(fails, "repatriation").message.da == "Ikke beskrevet. Skal rettes.");
    const Finding* f = requirement_finding(fails, "repatriation");
    REQUIRE(f);
    CHECK(f->severity == Severity::error);
    CHECK(req(run(plan, repatriation("warning")), "repatriation").status == ReqStatus::warn);
}

TEST_CASE("described: one key term is not a description", "[kind-described]") {
    // "vejledning" alone: min_terms 2 are needed.
    const std::string text = kIntroduction + "\f2. Integration\n\nJobcentret giver vejledning ved den første samtale.\n";
    CHECK(req(run(plan_from_text(text), repatriation()), "repatriation").status == ReqStatus::fail);
}

TEST_CASE("described: a draft may lack it until its deadline", "[kind-described]") {
    const Profile p = repatriation("error", "    draft_may_lack: true\n    due: adoption\n");
    const RequirementResult r = req(run(plan_from_text(kIntroduction + kNeither), p, Stage::draft), "repatriation");
    check_result(r, ReqStatus::warn, "Ikke beskrevet. Udkast: skal være på plads senest 2011-10-15 (Skal rettes.)");
}
