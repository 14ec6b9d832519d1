// Kind "budget": a budget section with amounts (body) passes; template
// cells left empty (unfilled) in it or its subsections fail, counted; a
// section without amounts fails; amounts in the text without a section are
// a warning; a draft may lack the budget until publication.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

Profile budget(const std::string& more = "") {
    return profile_of(requirement("budget", "budget", "error",
                                  "    heading: ['\\bbudget']\n"
                                  "    terms: ['\\bbudget', '\\bmio\\. kr\\.']\n"
                                  "    min_terms: 2\n"
                                  "    body: ['\\b[0-9]+(?:,[0-9]+)? mio\\. kr\\.']\n"
                                  "    unfilled: ['(?:^|[^\\pL])x{2,}(?:[^\\pL]|$)']\n"
                                  "    examples:\n"
                                  "      heading: {match: ['Budget 2012'], no_match: ['Indsatsen']}\n"
                                  "      terms: {match: ['Budgettet er 12 mio. kr.'], no_match: ['Budgettet vedtages i oktober.']}\n"
                                  "      body: {match: ['Aktivering: 12,5 mio. kr.'], no_match: ['Aktivering: xx mio. kr.']}\n"
                                  "      unfilled: {match: ['Aktivering: xx mio. kr.'], no_match: ['Luxx-hotellet']}\n" +
                                      more));
}

const std::string kFilled =
    "\f2. Budget\n\nBudgettet for indsatsen i 2012 fremgår af tabellen.\n\n"
    "Aktivering af ledige: 12,5 mio. kr. Løntilskud: 4 mio. kr.\n";
const std::string kBlanks =
    "\f2. Budget\n\nBudgettet for indsatsen i 2012 fremgår af tabellen.\n\n"
    "Aktivering af ledige: xx mio. kr.\n\nLøntilskud: xxx mio. kr.\n";
const std::string kNoAmounts = "\f2. Budget\n\nBudgettet vedtages af byrådet i oktober.\n";
const std::string kInText =
    kOtherChapter + "\n"
    "Budgettet for aktivering er 12,5 mio. kr. i 2012.\n";

}  // namespace

TEST_CASE("budget: a budget section with amounts passes", "[kind-budget]") {
    const RequirementResult r = req(run(plan_from_text(kIntroduction + kFilled), budget()), "budget");
    check_result(r, ReqStatus::pass, "Budget med beløb fundet: 2 Budget.");
    check_one_evidence(r, 2, "2 Budget");
}

TEST_CASE("budget: unfilled cells fail, counted by paragraph", "[kind-budget]") {
    const EngineOutput o = run(plan_from_text(kIntroduction + kBlanks), budget());
    const RequirementResult r = req(o, "budget");
    check_result(r, ReqStatus::fail, "Budgettet er ikke udfyldt: 2 felter med pladsholder. Skal rettes.");
    CHECK(r.message.en == "The budget is not filled in: 2 cells with a placeholder. Must be fixed.");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].section == "2 Budget");
    REQUIRE(requirement_finding(o, "budget"));
    CHECK(requirement_finding(o, "budget")->page == 2);
}

TEST_CASE("budget: an unfilled cell counts in a subsection, not outside the budget", "[kind-budget]") {
    const std::string sub = "\f2. Budget\n\nBudgettet fremgår af afsnittene herunder.\n\n"
                            "2.1 Aktivering\n\nAktivering af ledige: xx mio. kr.\n";
    const RequirementResult in_sub = req(run(plan_from_text(kIntroduction + sub), budget()), "budget");
    CHECK(in_sub.status == ReqStatus::fail);
    CHECK(contains(in_sub.message.da, "1 felt med pladsholder"));
    const std::string outside = kIntroduction + "2. Indsatsen\n\nAntal samtaler: xx om ugen.\n\n" +
                                "\f3. Budget\n\nAktivering af ledige: 12,5 mio. kr.\n";
    CHECK(req(run(plan_from_text(outside), budget()), "budget").status == ReqStatus::pass);
}

TEST_CASE("budget: a budget section without amounts fails", "[kind-budget]") {
    const RequirementResult r = req(run(plan_from_text(kIntroduction + kNoAmounts), budget()), "budget");
    check_result(r, ReqStatus::fail, "Budgetafsnittet indeholder ingen beløb. Skal rettes.");
}

TEST_CASE("budget: amounts in the text without a section are a warning, no budget at all fails", "[kind-budget]") {
    const RequirementResult warn = req(run(plan_from_text(kIntroduction + kInText), budget()), "budget");
    CHECK(warn.status == ReqStatus::warn);
    CHECK(warn.severity == Severity::warning);
    CHECK(warn.message.da == "Budgettal fundet i teksten, men intet budgetafsnit.");
    REQUIRE(warn.evidence.size() == 1);
    CHECK(warn.evidence[0].section == "2 Indsatsen");
    const RequirementResult none = req(run(plan_from_text(kIntroduction + kOtherChapter), budget()), "budget");
    check_result(none, ReqStatus::fail, "Intet budgetafsnit fundet. Skal rettes.");
}

TEST_CASE("budget: a draft may leave the budget unfilled until publication", "[kind-budget]") {
    const Profile p = budget("    draft_may_lack: true\n    due: publication\n");
    const LoadedPlan plan = plan_from_text(kIntroduction + kBlanks);
    const RequirementResult r = req(run(plan, p, Stage::draft), "budget");
    CHECK(r.status == ReqStatus::warn);
    CHECK(r.severity == Severity::warning);
    CHECK(r.message.da ==
          "Budgettet er ikke udfyldt: 2 felter med pladsholder. Udkast: skal være på plads senest 2012-01-31 (Skal rettes.)");
    CHECK(req(run(plan, p, Stage::final), "budget").status == ReqStatus::fail);
}
