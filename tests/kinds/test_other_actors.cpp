// Kind "other-actors" (2008–2011): a section on other actors passes when it
// holds the share (the requirement's body patterns); a section without the
// share fails; the key terms without a section are a warning.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

const std::string kHeadingTerms =
    "    heading: ['\\b(?:andre|anden) aktør']\n"
    "    terms: ['\\b(?:andre|anden) aktør', '\\budbud', '\\bpct\\.']\n"
    "    min_terms: 2\n";
const std::string kShare = "    body: ['\\b[0-9]+ pct\\.[^.]{0,100}(?:anden|andre) aktør']\n";
const std::string kExamples =
    "    examples:\n"
    "      heading: {match: ['Brug af andre aktører'], no_match: ['Andre indsatser']}\n"
    "      terms: {match: ['Efter udbud bruger vi andre aktører.'], no_match: ['Andre aktører er fagforeninger.']}\n";
const std::string kShareExamples =
    "      body: {match: ['30 pct. af de ledige starter hos en anden aktør'], no_match: ['Vi samarbejder med andre aktører.']}\n";

Profile other_actors(const std::string& severity = "error", const std::string& more = "", bool share = true) {
    return profile_of(requirement("other-actors", "other-actors", severity,
                                  kHeadingTerms + (share ? kShare : "") + kExamples + (share ? kShareExamples : "") +
                                      more));
}

const std::string kWithShare =
    "\f2. Brug af andre aktører\n\nJobcentret har indgået aftaler efter udbud.\n\n"
    "Målet er, at 30 pct. af de forsikrede ledige starter et forløb hos en anden aktør i 2012.\n";
const std::string kNoShare = "\f2. Brug af andre aktører\n\nJobcentret har indgået aftaler efter udbud.\n";
const std::string kTermsWithShare =
    kOtherChapter + "\n"
    "Efter udbud skal 30 pct. af de ledige starte et forløb hos en anden aktør.\n";

}  // namespace

TEST_CASE("other-actors: a section with the share passes, the share in any of its paragraphs", "[kind-other-actors]") {
    const RequirementResult r = req(run(plan_from_text(kIntroduction + kWithShare), other_actors()), "other-actors");
    check_result(r, ReqStatus::pass, "Afsnit med mål for andre aktører fundet.");
    check_one_evidence(r, 2, "2 Brug af andre aktører");
    CHECK(contains(r.evidence[0].excerpt, "efter udbud"));  // the first paragraph, not the one with the share
}

TEST_CASE("other-actors: a section without the share fails and says what it lacks", "[kind-other-actors]") {
    const EngineOutput o = run(plan_from_text(kIntroduction + kNoShare), other_actors());
    const RequirementResult r = req(o, "other-actors");
    check_result(r, ReqStatus::fail, "Afsnittet findes, men der er intet mål for andelen af ledige, der skal starte hos en anden aktør. Skal rettes.");
    REQUIRE(r.evidence.size() == 1);  // the section that lacks it
    CHECK(r.evidence[0].section == "2 Brug af andre aktører");
    const Finding* f = requirement_finding(o, "other-actors");
    REQUIRE(f);
    CHECK(f->page == 2);
    CHECK(f->section == "2 Brug af andre aktører");
}

TEST_CASE("other-actors: without body patterns the section alone passes", "[kind-other-actors]") {
    const Profile p = other_actors("error", "", false);
    CHECK(req(run(plan_from_text(kIntroduction + kNoShare), p), "other-actors").status == ReqStatus::pass);
}

TEST_CASE("other-actors: the terms and the share in a paragraph, without a section, are a warning", "[kind-other-actors]") {
    const EngineOutput o = run(plan_from_text(kIntroduction + kTermsWithShare), other_actors());
    const RequirementResult r = req(o, "other-actors");
    CHECK(r.status == ReqStatus::warn);
    CHECK(r.severity == Severity::warning);
    CHECK(r.message.da == "Fundet i teksten, men ikke som et selvstændigt afsnit.");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].section == "2 Indsatsen");
    CHECK(contains(r.evidence[0].excerpt, "hos en anden aktør"));
    // Unlike "section", this kind adds no finding of its own for it.
    CHECK(own_findings(o, "other-actors").empty());
}

TEST_CASE("other-actors: no section and no terms is missing, by its severity", "[kind-other-actors]") {
    const LoadedPlan plan = plan_from_text(kIntroduction + kOtherChapter);
    const RequirementResult r = req(run(plan, other_actors()), "other-actors");
    check_result(r, ReqStatus::fail, "Intet afsnit om andre aktører fundet. Skal rettes.");
    CHECK(r.evidence.empty());
    CHECK(req(run(plan, other_actors("warning")), "other-actors").status == ReqStatus::warn);
}

TEST_CASE("other-actors: a draft may lack the section or its share", "[kind-other-actors]") {
    const Profile p = other_actors("error", "    draft_may_lack: true\n    due: adoption\n");
    const RequirementResult none = req(run(plan_from_text(kIntroduction + kOtherChapter), p, Stage::draft), "other-actors");
    check_result(none, ReqStatus::warn, "Intet afsnit om andre aktører fundet. Udkast: skal være på plads senest 2011-10-15 (Skal rettes.)");
    CHECK(req(run(plan_from_text(kIntroduction + kNoShare), p, Stage::draft), "other-actors").status == ReqStatus::warn);
    CHECK(req(run(plan_from_text(kIntroduction + kNoShare), p, Stage::final), "other-actors").status == ReqStatus::fail);
}

// rules/README.md: 2011 checks other-actors "as a **warning** (transitional
// year)", and a requirement's severity is "the severity when it fails": a
// section without the share then warns, as a missing section would.
TEST_CASE("other-actors: a warning requirement only warns when the share is missing", "[kind-other-actors]") {
    const RequirementResult r = req(run(plan_from_text(kIntroduction + kNoShare), other_actors("warning")), "other-actors");
    CHECK(r.status == ReqStatus::warn);
}

// Issue 20: the share sent to other actors reads like a target sentence,
// and where it stands under a goal's heading it was taken as that goal's.
TEST_CASE("other-actors: the share is never a minister goal's target, even under the goal's heading", "[kind-other-actors]") {
    const std::string share = "Mindst 30 pct. af de ledige skal i december 2012 starte et forløb hos en anden aktør.";
    REQUIRE(parse_targets(share).size() == 1);  // it has the shape of a target sentence
    const std::string goals_req = requirement("minister-goals", "goals", "error",
                                              "    heading: ['\\bministerens mål']\n"
                                              "    examples:\n"
                                              "      heading: {match: ['Ministerens mål'], no_match: ['Egne mål']}\n");
    const Profile p = profile_of(requirement("other-actors", "other-actors", "error",
                                             kHeadingTerms + kShare + kExamples + kShareExamples) +
                                 goals_req);
    const std::string text = kIntroduction + "\f2. Ministerens mål\n\n"
                             "2.1 Flere unge i uddannelse\n\nAntallet af unge på ydelse skal begrænses til 410 personer i december 2012.\n\n"
                             "2.2 Færre på permanent forsørgelse\n\nRessourceforløb tilbydes tidligt. " + share + "\n";
    const EngineOutput o = run(plan_from_text(text), p);
    REQUIRE(o.goals.size() == 2);
    REQUIRE(o.goals[0].targets.size() == 1);
    CHECK(o.goals[0].targets[0].value == 410);
    CHECK(o.goals[1].targets.empty());  // goal 2 has no target of its own
}
