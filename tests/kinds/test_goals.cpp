// Kind "goals": every minister goal of the plan year is addressed, by a
// heading or in the text; a missing goal is filed in the goals chapter
// (the requirement's heading, else its terms), or at plan level; a waived
// goal and a goal announced later (pending) are not counted as missing.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

Profile goals_profile(const std::string& goals = kGoalsYaml, const std::string& more = "") {
    return profile_of(requirement("minister-goals", "goals", "error",
                                  "    heading: ['\\bministerens mål']\n"
                                  "    terms: ['\\bminister', '\\bmåltal']\n"
                                  "    min_terms: 2\n"
                                  "    examples:\n"
                                  "      heading: {match: ['Ministerens mål for 2012'], no_match: ['Kommunens egne mål']}\n"
                                  "      terms: {match: ['Ministeren har udmeldt mål, og vi har sat måltal.'], no_match: ['Ministeren kom på besøg.']}\n" +
                                      more),
                      goals);
}

const std::string kChapter = "\f2. Ministerens mål\n\nMinisteren har udmeldt to mål for 2012.\n\n";
const std::string kGoal1 = "2.1 Flere unge i uddannelse\n\nJobcentret giver alle unge ledige et uddannelsespålæg.\n\n";
const std::string kGoal2 = "2.2 Færre på permanent forsørgelse\n\nRessourceforløb tilbydes tidligt.\n\n";

const GoalResult& goal(const EngineOutput& o, const std::string& id) {
    auto it = std::find_if(o.goals.begin(), o.goals.end(), [&](const GoalResult& g) { return g.id == id; });
    REQUIRE(it != o.goals.end());
    return *it;
}

}  // namespace

TEST_CASE("goals: every goal addressed by a heading passes, each goal its evidence", "[kind-goals]") {
    const EngineOutput o = run(plan_from_text(kIntroduction + kChapter + kGoal1 + kGoal2), goals_profile());
    const RequirementResult r = req(o, "minister-goals");
    check_result(r, ReqStatus::pass, "Alle 2 ministermål er behandlet.");
    REQUIRE(r.evidence.size() == 2);
    CHECK(r.evidence[0].section == "2.1 Flere unge i uddannelse");
    CHECK(r.evidence[0].excerpt == "Flere unge i uddannelse");  // the goal's title
    CHECK(r.evidence[0].page == 2);
    CHECK(r.evidence[1].section == "2.2 Færre på permanent forsørgelse");
    REQUIRE(o.goals.size() == 2);
    CHECK(goal(o, "goal-2012-1").addressed);
    CHECK(goal(o, "goal-2012-2").addressed);
}

TEST_CASE("goals: a goal named in a paragraph is addressed where the paragraph stands", "[kind-goals]") {
    const std::string text = kIntroduction + kChapter + kGoal1 +
                             "2.2 Andre indsatser\n\nVi vil have færre på permanent forsørgelse gennem tidlig indsats.\n";
    const EngineOutput o = run(plan_from_text(text), goals_profile());
    CHECK(req(o, "minister-goals").status == ReqStatus::pass);
    CHECK(goal(o, "goal-2012-2").section == "2.2 Andre indsatser");
}

TEST_CASE("goals: a missing goal fails, named, and is filed in the goals chapter", "[kind-goals]") {
    const EngineOutput o = run(plan_from_text(kIntroduction + kChapter + kGoal1), goals_profile());
    const RequirementResult r = req(o, "minister-goals");
    check_result(r, ReqStatus::fail, "1 af 2 ministermål er ikke behandlet: goal-2012-2 (Færre på permanent forsørgelse). Skal rettes.");
    CHECK(r.message.en == "1 of 2 minister goals are not addressed: goal-2012-2 (Fewer on permanent benefits). Must be fixed.");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].section == "2 Ministerens mål");  // not goal 1's section 2.1
    const Finding* f = requirement_finding(o, "minister-goals");
    REQUIRE(f);
    CHECK(f->section == "2 Ministerens mål");
    CHECK_FALSE(goal(o, "goal-2012-2").addressed);
}

TEST_CASE("goals: without a goals chapter a missing goal is about the plan as a whole", "[kind-goals]") {
    const std::string text = kIntroduction + "\f2. Indsatsen\n\nJobcentret arbejder for flere unge i uddannelse.\n";
    const EngineOutput o = run(plan_from_text(text), goals_profile());
    const RequirementResult r = req(o, "minister-goals");
    CHECK(r.status == ReqStatus::fail);
    CHECK(r.evidence.empty());
    const Finding* f = requirement_finding(o, "minister-goals");
    REQUIRE(f);
    CHECK(f->section.empty());
    CHECK(f->page == 0);
}

TEST_CASE("goals: a waived goal is out of the count", "[kind-goals]") {
    const LoadedPlan plan = plan_from_text(kIntroduction + kChapter + kGoal1);
    const RequirementResult r = req(run(plan, goals_profile(), Stage::final, {"goal-2012-2"}), "minister-goals");
    check_result(r, ReqStatus::pass, "Alle 1 ministermål er behandlet.");
}

TEST_CASE("goals: a goal announced later is not missing, but a warning while unaddressed", "[kind-goals]") {
    const std::string goals = std::string(kGoalsYaml) +
                              "    - number: 3\n"
                              "      title: {da: 'Bedre brug af praktik', en: 'Better use of work placements'}\n"
                              "      pending: true\n"
                              "      patterns: ['\\bvirksomhedspraktik']\n"
                              "      examples: {match: ['Mere virksomhedspraktik'], no_match: ['Praktisk hjælp']}\n";
    const Profile p = goals_profile(goals);
    const RequirementResult waiting = req(run(plan_from_text(kIntroduction + kChapter + kGoal1 + kGoal2), p), "minister-goals");
    CHECK(waiting.status == ReqStatus::warn);
    CHECK(contains(waiting.message.da, "Alle 2 udmeldte ministermål er behandlet, men et senere udmeldt mål mangler"));
    CHECK(contains(waiting.message.da, "goal-2012-3 (Bedre brug af praktik)"));
    const std::string third = "2.3 Bedre brug af virksomhedspraktik\n\nPraktik bruges til alle unge.\n";
    CHECK(req(run(plan_from_text(kIntroduction + kChapter + kGoal1 + kGoal2 + third), p), "minister-goals").status ==
          ReqStatus::pass);
}

TEST_CASE("goals: a draft may lack a goal until its deadline", "[kind-goals]") {
    const Profile p = goals_profile(kGoalsYaml, "    draft_may_lack: true\n    due: hearing\n");
    const RequirementResult r = req(run(plan_from_text(kIntroduction + kChapter + kGoal1), p, Stage::draft), "minister-goals");
    CHECK(r.status == ReqStatus::warn);
    CHECK(contains(r.message.da, "Udkast: skal være på plads senest 2011-07-01"));
}
