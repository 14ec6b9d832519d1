// Kind "placeholders": template leftovers (the profile's placeholders and
// the requirement's body) in body text and headings, one finding each, and
// sections left empty; an empty section read by OCR is a warning to look,
// not an error.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

const std::string kPlaceholders =
    "placeholders:\n"
    "  patterns: ['\\[indsæt[^\\]]*\\]', '(?:^|[^\\pL])xxx(?:[^\\pL]|$)']\n"
    "  examples: {match: ['[indsæt tekst]', 'i alt xxx kr.'], no_match: ['Luxxx', 'indsatsen']}\n";

Profile placeholders(const std::string& severity = "error", const std::string& more = "") {
    return profile_of(requirement("no-placeholders", "placeholders", severity, more), kGoalsYaml, kPlaceholders);
}


}  // namespace

TEST_CASE("placeholders: a plan without leftovers passes", "[kind-placeholders]") {
    const EngineOutput o = run(plan_from_text(kIntroduction + kOtherChapter), placeholders());
    const RequirementResult r = req(o, "no-placeholders");
    check_result(r, ReqStatus::pass, "Ingen pladsholdere eller tomme afsnit fundet.");
    CHECK(r.evidence.empty());
    CHECK(o.findings.empty());
}

TEST_CASE("placeholders: each leftover is a finding where it stands, with the words matched", "[kind-placeholders]") {
    const std::string text = kIntroduction + "\f2. Indsatsen\n\nJobcentret vil [indsæt kommunens strategi] i 2012.\n\n"
                                      "Budgettet er i alt xxx kr.\n";
    const EngineOutput o = run(plan_from_text(text), placeholders());
    const RequirementResult r = req(o, "no-placeholders");
    check_result(r, ReqStatus::fail, "2 steder med skabelontekst, pladsholdere eller tomme afsnit. Skal rettes.");
    const auto f = own_findings(o, "no-placeholders");
    REQUIRE(f.size() == 2);
    CHECK(f[0].message.da == "Skabelontekst eller pladsholder står tilbage: '[indsæt kommunens strategi]'.");
    CHECK(f[0].severity == Severity::error);
    CHECK(f[0].page == 2);
    CHECK(f[0].section == "2 Indsatsen");
    CHECK(contains(f[1].message.da, "xxx"));
    REQUIRE(r.evidence.size() == 2);
    CHECK(r.evidence[0].match == "[indsæt kommunens strategi]");
}

TEST_CASE("placeholders: the requirement's body adds patterns, and a heading is searched too", "[kind-placeholders]") {
    const std::string more = "    body: ['\\bvejledning til skabelonen']\n"
                             "    examples: {body: {match: ['Vejledning til skabelonen: skriv her'], no_match: ['Vejledning']}}\n";
    const std::string text = kIntroduction + "\f2. Indsatsen\n\nVejledning til skabelonen: beskriv indsatsen.\n\n"
                                      "3. Mål for xxx\n\nMålene følger her.\n";
    const EngineOutput o = run(plan_from_text(text), placeholders("error", more));
    const auto f = own_findings(o, "no-placeholders");
    REQUIRE(f.size() == 2);
    CHECK(contains(f[0].message.da, "Vejledning til skabelonen"));
    CHECK(contains(f[1].message.da, "xxx"));
    CHECK(f[1].section == "3 Mål for xxx");
    // Without the body pattern the guidance text is not a leftover.
    CHECK(own_findings(run(plan_from_text(text), placeholders()), "no-placeholders").size() == 1);
}

TEST_CASE("placeholders: an empty section is a finding, a section with subsections is not empty", "[kind-placeholders]") {
    const std::string text = kIntroduction + "\f2. Indsatsen\n\n2.1 Unge\n\nDe unge får et uddannelsespålæg.\n\n"
                                      "3. Samarbejde med virksomheder\n\n4. Budget\n\nBudgettet er 12 mio. kr.\n";
    const EngineOutput o = run(plan_from_text(text), placeholders());
    const RequirementResult r = req(o, "no-placeholders");
    CHECK(r.status == ReqStatus::fail);
    const auto f = own_findings(o, "no-placeholders");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.da == "Afsnittet '3 Samarbejde med virksomheder' er tomt.");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].section == "3 Samarbejde med virksomheder");
}

TEST_CASE("placeholders: an empty section read by OCR is a warning to look at the page", "[kind-placeholders]") {
    LoadedPlan plan = plan_from_text(kIntroduction + "\f2. Indsatsen\n\n3. Samarbejde med virksomheder\n\n4. Budget\n\nBudgettet er 12 mio. kr.\n");
    const auto& secs = plan.outline.sections;
    auto it = std::find_if(secs.begin(), secs.end(), [](const Section& s) { return s.number == "3"; });
    REQUIRE(it != secs.end());
    plan.doc.blocks[it->heading_block].ocr = true;
    const EngineOutput o = run(plan, placeholders());
    const auto f = own_findings(o, "no-placeholders");
    // "2 Indsatsen" is empty too, typed: that one counts.
    REQUIRE(f.size() == 2);
    CHECK(f[0].message.da == "Afsnittet '2 Indsatsen' er tomt.");
    CHECK(f[1].severity == Severity::warning);
    CHECK(f[1].message.da == "Afsnittet '3 Samarbejde med virksomheder' ser tomt ud på en OCR-læst side; se efter på den scannede side.");
    CHECK(req(o, "no-placeholders").message.da == "1 sted med skabelontekst, pladsholdere eller tomme afsnit. Skal rettes.");
}

TEST_CASE("placeholders: a warning requirement warns, and its findings are warnings", "[kind-placeholders]") {
    const std::string text = kIntroduction + "\f2. Indsatsen\n\nJobcentret vil [indsæt kommunens strategi] i 2012.\n";
    const Profile p = placeholders("warning");
    const EngineOutput o = run(plan_from_text(text), p);
    CHECK(req(o, "no-placeholders").status == ReqStatus::warn);
    REQUIRE(own_findings(o, "no-placeholders").size() == 1);
    CHECK(own_findings(o, "no-placeholders")[0].severity == Severity::warning);
}
