// Kind "section": a section whose heading matches passes; the key terms
// together in one paragraph are a warning (found, not as its own section);
// neither is the requirement's severity, or the draft warning.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

const std::string kPatterns =
    "    heading: ['\\budfordring']\n"
    "    terms: ['\\bledighed', '\\bflaskehals', '\\barbejdsstyrke']\n"
    "    min_terms: 2\n"
    "    examples:\n"
    "      heading: {match: ['Udfordringer'], no_match: ['Indledning']}\n"
    "      terms: {match: ['Ledigheden stiger, og der er flaskehalse.'], no_match: ['Ledigheden stiger.']}\n";

Profile challenges(const std::string& severity = "error", const std::string& more = "") {
    return profile_of(requirement("challenges", "section", severity, kPatterns + more));
}

const std::string kWithSection = kIntroduction +
    "\f2. Udfordringer\n\nDe unge ledige er den største gruppe, og byggeriet mangler folk.\n\n"
    "3. Indsatsen\n\nJobcentret holder samtaler med alle nye ledige.\n";

const std::string kTermsOnly = kIntroduction + kOtherChapter + "\n"
    "Ledigheden blandt de unge er steget, og der er flaskehalse i byggeriet.\n";

const std::string kOneTerm = kIntroduction + "2. Indsatsen\n\nLedigheden blandt de unge er steget.\n";

}  // namespace

TEST_CASE("section: a matching heading passes, with the section as evidence", "[kind-section]") {
    const LoadedPlan plan = plan_from_text(kWithSection);
    const EngineOutput o = run(plan, challenges());
    const RequirementResult r = req(o, "challenges");
    check_result(r, ReqStatus::pass, "Fundet som afsnit: 2 Udfordringer.");
    CHECK(r.message.en == "Found as a section: 2 Udfordringer.");
    check_one_evidence(r, 2, "2 Udfordringer");
    CHECK(contains(r.evidence[0].excerpt, "De unge ledige"));  // the section's first paragraph
    CHECK(own_findings(o, "challenges").empty());
    CHECK(requirement_finding(o, "challenges") == nullptr);
}

TEST_CASE("section: the key terms in one paragraph are a warning with a finding there", "[kind-section]") {
    const LoadedPlan plan = plan_from_text(kTermsOnly);
    const EngineOutput o = run(plan, challenges());
    const RequirementResult r = req(o, "challenges");
    CHECK(r.status == ReqStatus::warn);
    CHECK(r.severity == Severity::warning);
    CHECK(r.message.da == "Fundet i teksten, men ikke som et selvstændigt afsnit.");
    check_one_evidence(r, 2, "2 Indsatsen");
    CHECK(contains(r.evidence[0].excerpt, "flaskehalse"));
    const auto f = own_findings(o, "challenges");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::warning);
    CHECK(f[0].message.da == "Krav challenges: fundet i teksten, men ikke som et selvstændigt afsnit.");
    CHECK(f[0].section == "2 Indsatsen");
    // A warning with evidence is not restated as a finding of its own.
    CHECK(requirement_finding(o, "challenges") == nullptr);
}

TEST_CASE("section: fewer distinct terms than min_terms is missing, with the requirement's severity", "[kind-section]") {
    const LoadedPlan plan = plan_from_text(kOneTerm);
    SECTION("an error requirement fails and is restated as an error finding") {
        const EngineOutput o = run(plan, challenges());
        const RequirementResult r = req(o, "challenges");
        check_result(r, ReqStatus::fail, "Intet afsnit fundet. Skal rettes.");
        CHECK(r.message.en == "No section found. Must be fixed.");
        CHECK(r.evidence.empty());
        const Finding* f = requirement_finding(o, "challenges");
        REQUIRE(f);
        CHECK(f->severity == Severity::error);
        CHECK(f->message.da == "Krav challenges: Intet afsnit fundet. Skal rettes.");
        CHECK(f->page == 0);  // about the plan as a whole
    }
    SECTION("a warning requirement warns, and without evidence it is restated too") {
        const EngineOutput o = run(plan, challenges("warning"));
        CHECK(req(o, "challenges").status == ReqStatus::warn);
        const Finding* f = requirement_finding(o, "challenges");
        REQUIRE(f);
        CHECK(f->severity == Severity::warning);
    }
    SECTION("min_terms 1: the one term is enough for the warning") {
        const std::string one = replaced(replaced(kPatterns, "min_terms: 2", "min_terms: 1"),
                                         "no_match: ['Ledigheden stiger.']", "no_match: ['Jobcentret holder åbent.']");
        const EngineOutput o = run(plan, profile_of(requirement("challenges", "section", "error", one)));
        CHECK(req(o, "challenges").status == ReqStatus::warn);
    }
}

TEST_CASE("section: required false is not applicable when missing, a pass when found", "[kind-section]") {
    const Profile p = challenges("error", "    required: false\n");
    CHECK(req(run(plan_from_text(kOneTerm), p), "challenges").status == ReqStatus::not_applicable);
    CHECK(req(run(plan_from_text(kWithSection), p), "challenges").status == ReqStatus::pass);
}

TEST_CASE("section: a draft may lack it, and is told by which deadline", "[kind-section]") {
    const Profile p = challenges("error", "    draft_may_lack: true\n    due: hearing\n");
    const LoadedPlan plan = plan_from_text(kOneTerm);
    CHECK(req(run(plan, p, Stage::final), "challenges").status == ReqStatus::fail);
    const RequirementResult r = req(run(plan, p, Stage::draft), "challenges");
    CHECK(r.status == ReqStatus::warn);
    CHECK(r.severity == Severity::warning);
    CHECK(r.message.da == "Intet afsnit fundet. Udkast: skal være på plads senest 2011-07-01 (Skal rettes.)");
    CHECK(r.message.en == "No section found. Draft: must be in place by 2011-07-01 (Must be fixed.)");
    // Without draft_may_lack a draft is judged as a final plan.
    CHECK(req(run(plan, challenges(), Stage::draft), "challenges").status == ReqStatus::fail);
}

TEST_CASE("section: where pages are unknown the evidence names the paragraph", "[kind-section]") {
    const LoadedPlan plan = with_unknown_pages(plan_from_text(kTermsOnly));
    const RequirementResult r = req(run(plan, challenges()), "challenges");
    check_one_evidence(r, 0, "2 Indsatsen");
    CHECK(r.evidence[0].paragraph == 2);  // the second paragraph of "2 Indsatsen"
}
