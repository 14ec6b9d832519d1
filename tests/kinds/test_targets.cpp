// Kind "targets": each goal has a target sentence with its figures filled
// in and a date in the plan period; a placeholder or a wrong year is an
// error finding at the sentence; a goal without one is named and, where it
// is treated, filed there; a goal with a prescribed shape warns when the
// sentence does not follow it.
#include "kind_support.h"

using namespace plantjek;
using namespace plantjek::kinds;

namespace {

// Goal 1 with the shape "… skal begrænses til N personer i <måned> <år>".
const std::string kShapedGoals =
    "    - number: 1\n"
    "      title: {da: 'Flere unge i uddannelse', en: 'More young people in education'}\n"
    "      patterns: ['\\bunge i uddannelse']\n"
    "      examples: {match: ['Flere unge i uddannelse'], no_match: ['Unge i job']}\n"
    "      target_shapes:\n"
    "        - pattern: 'skal begrænses til (?P<value>[0-9.]+|X) (?P<unit>personer) i (?P<month>december) (?P<year>20[0-9]{2})'\n"
    "          examples: {match: ['skal begrænses til 450 personer i december 2012'], no_match: ['skal være 450 personer']}\n"
    "    - number: 2\n"
    "      title: {da: 'Færre på permanent forsørgelse', en: 'Fewer on permanent benefits'}\n"
    "      patterns: ['\\bpermanent forsørgelse']\n"
    "      examples: {match: ['Færre på permanent forsørgelse'], no_match: ['Midlertidig forsørgelse']}\n";

Profile targets(const std::string& goals = kGoalsYaml, const std::string& more = "") {
    return profile_of(requirement("goal-targets", "targets", "error", more), goals);
}

const std::string kFront = kIntroduction + "\f2. Ministerens mål\n\n";
std::string goal1(const std::string& target) {
    return "2.1 Flere unge i uddannelse\n\nAntallet af unge på offentlig forsørgelse " + target + "\n\n";
}
std::string goal2(const std::string& target) {
    return "2.2 Færre på permanent forsørgelse\n\nTilgangen til førtidspension " + target + "\n\n";
}
const std::string kGood1 = "skal begrænses til 450 personer i december 2012.";
const std::string kGood2 = "skal begrænses til 120 personer i december 2012.";

}  // namespace

TEST_CASE("targets: a filled target for every goal passes, the sentence as evidence", "[kind-targets]") {
    const EngineOutput o = run(plan_from_text(kFront + goal1(kGood1) + goal2(kGood2)), targets());
    const RequirementResult r = req(o, "goal-targets");
    check_result(r, ReqStatus::pass, "Alle ministermål har udfyldte måltal.");
    REQUIRE(r.evidence.size() == 2);
    CHECK(r.evidence[0].section == "2.1 Flere unge i uddannelse");
    CHECK(r.evidence[0].page == 2);
    CHECK(contains(r.evidence[0].excerpt, "450 personer"));
    REQUIRE(o.goals.size() == 2);
    REQUIRE(o.goals[0].targets.size() == 1);
    REQUIRE(o.goals[0].targets[0].value);
    CHECK(*o.goals[0].targets[0].value == Approx(450));
    CHECK(o.goals[0].targets[0].deadline_year == 2012);
    CHECK(own_findings(o, "goal-targets").empty());
}

TEST_CASE("targets: a placeholder left in the figure is an error at its sentence", "[kind-targets]") {
    const EngineOutput o =
        run(plan_from_text(kFront + goal1("skal begrænses til X personer i december 2012.") + goal2(kGood2)), targets());
    const RequirementResult r = req(o, "goal-targets");
    check_result(r, ReqStatus::fail, "1 måltal er ikke udfyldt eller har forkert måldato. Skal rettes.");
    const auto f = own_findings(o, "goal-targets");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::error);
    CHECK(f[0].message.da == "Måltallet er ikke udfyldt (pladsholder står tilbage).");
    CHECK(f[0].section == "2.1 Flere unge i uddannelse");
    CHECK(f[0].page == 2);
    REQUIRE(!r.evidence.empty());
    CHECK(contains(r.evidence[0].match, "X personer"));
}

TEST_CASE("targets: a date outside the plan year is an error", "[kind-targets]") {
    const EngineOutput o =
        run(plan_from_text(kFront + goal1("skal begrænses til 450 personer i december 2015.") + goal2(kGood2)), targets());
    CHECK(req(o, "goal-targets").status == ReqStatus::fail);
    const auto f = own_findings(o, "goal-targets");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.da == "Måldatoen 'december 2015' passer ikke til planåret 2012.");
}

TEST_CASE("targets: a goal without a target is named and filed in its section", "[kind-targets]") {
    const std::string text = kFront + goal1(kGood1) + "2.2 Færre på permanent forsørgelse\n\nRessourceforløb tilbydes tidligt.\n";
    const EngineOutput o = run(plan_from_text(text), targets());
    const RequirementResult r = req(o, "goal-targets");
    check_result(r, ReqStatus::fail, "Intet måltal fundet for: goal-2012-2. Skal rettes.");
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].section == "2.2 Færre på permanent forsørgelse");
    // A waiver takes the goal out: then nothing is missing.
    CHECK(req(run(plan_from_text(text), targets(), Stage::final, {"goal-2012-2"}), "goal-targets").status ==
          ReqStatus::pass);
}

TEST_CASE("targets: a prescribed shape is read, and a sentence outside it warns", "[kind-targets]") {
    const Profile p = targets(kShapedGoals);
    const EngineOutput shaped = run(plan_from_text(kFront + goal1(kGood1) + goal2(kGood2)), p);
    CHECK(req(shaped, "goal-targets").status == ReqStatus::pass);
    CHECK(own_findings(shaped, "goal-targets").empty());
    const EngineOutput free = run(plan_from_text(kFront + goal1("skal højst være 450 personer i december 2012.") + goal2(kGood2)), p);
    const auto f = own_findings(free, "goal-targets");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::warning);
    CHECK(f[0].message.da == "Målsætningen følger ikke ministeriets formulering for mål 1.");
    CHECK(req(free, "goal-targets").status == ReqStatus::pass);  // a wording warning, not a missing target
}

TEST_CASE("targets: a draft may lack a target until its deadline", "[kind-targets]") {
    const Profile p = targets(kGoalsYaml, "    draft_may_lack: true\n    due: adoption\n");
    const std::string text = kFront + goal1(kGood1) + "2.2 Færre på permanent forsørgelse\n\nRessourceforløb tilbydes tidligt.\n";
    const RequirementResult r = req(run(plan_from_text(text), p, Stage::draft), "goal-targets");
    check_result(r, ReqStatus::warn, "Intet måltal fundet for: goal-2012-2. Udkast: skal være på plads senest 2011-10-15 (Skal rettes.)");
}
