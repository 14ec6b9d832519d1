// Suggestions (report/suggest.h): every defect of every corpus plan gets
// one; target sentences take the plan's own numbers or marked fields; the
// field survives JSON both ways.
#include <catch2/catch.hpp>

#include "cli/check.h"
#include "corpus_support.h"
#include "report/json.h"
#include "report/suggest.h"

using namespace plantjek;
using namespace plantjek::test;

namespace {

GoalResult goal(const std::string& id, std::vector<Target> targets) {
    GoalResult g;
    g.id = id;
    g.addressed = true;
    g.targets = std::move(targets);
    return g;
}

Target target(const std::string& text, std::optional<double> value, std::optional<double> change, bool filled) {
    Target t;
    t.text = text;
    t.value = value;
    t.unit = "personer";
    t.change_pct = change;
    t.filled = filled;
    return t;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("suggest: a 2012 target takes the annex's numbers in the ministry's shape", "[suggest]") {
    GoalResult g = goal("goal-2012-3", {target("Antallet af unge på offentlig forsørgelse skal begrænses til X personer i "
                                               "december 2012, svt. et fald på X pct.",
                                               std::nullopt, std::nullopt, false),
                                        target("2.050 personer", 2050, -2, true)});
    Text2 s = target_sentence(g, 2012);
    CHECK(s.da == "Antallet af unge på offentlig forsørgelse skal begrænses til 2.050 personer (fuldtidspersoner i "
                  "ledighed og aktivering) i december 2012, svt. et fald på 2 pct. fra december 2010 til december 2012.");
}

TEST_CASE("suggest: without numbers anywhere the sentence has marked fields", "[suggest]") {
    GoalResult g = goal("goal-2012-1", {});
    Text2 s = target_sentence(g, 2012);
    CHECK(has(s.da, "[antal personer]"));
    CHECK(has(s.da, "[et fald/en stigning]"));
    CHECK(has(s.da, "[X] pct."));
    Text2 syg = target_sentence(goal("goal-2010-2", {}), 2010);
    CHECK(has(syg.da, "nedbringes med [X] procent til [antal forløb] forløb i december 2010."));
    Text2 free = target_sentence(goal("goal-2018-1", {}), 2018);
    CHECK(has(free.da, "[måltal]"));
    CHECK(has(free.da, "december 2018"));
}

TEST_CASE("suggest: a share in per cent is not taken as the goal's count", "[suggest]") {
    GoalResult g = goal("goal-2010-2", {target("X forløb", std::nullopt, std::nullopt, false)});
    Target share = target("15 pct. hos en anden aktør", 15, std::nullopt, true);
    share.unit = "pct.";
    g.targets.push_back(share);
    CHECK(has(target_sentence(g, 2010).da, "til [antal forløb] forløb"));
}

TEST_CASE("suggest: only failed and warned requirements get one, and JSON keeps it both ways", "[suggest]") {
    Report r;
    r.years = {2013};
    r.path = "plan.docx";
    RequirementResult pass, fail;
    pass.id = "challenges";
    fail.id = "challenges";
    fail.status = ReqStatus::fail;
    fail.title = {"De vigtigste udfordringer", "The most important challenges"};
    fail.legal_basis = "bek. nr. 735 af 3.7.2009 § 12, nr. 2";
    r.requirements = {pass, fail};
    finish_report(r);
    add_suggestions(r);
    CHECK(r.requirements[0].suggestion.da.empty());
    const std::string& s = r.requirements[1].suggestion.da;
    CHECK(has(s, "Tilføj et afsnit med overskriften »De vigtigste udfordringer«"));
    CHECK(has(s, "Hjemmel: bek. nr. 735 af 3.7.2009 § 12, nr. 2."));
    Report back = report_from_json(report_to_json(r, JsonTexts::both), JsonTexts::both);
    CHECK(back.requirements[1].suggestion.da == s);
    CHECK(back.requirements[1].suggestion.en == r.requirements[1].suggestion.en);
    CHECK(back.requirements[0].suggestion.da.empty());
    CHECK_FALSE(report_to_json(r, JsonTexts::da)["requirements"][0].contains("suggestion"));
    CHECK(report_to_json(r, JsonTexts::da)["requirements"][1]["suggestion"] == s);
}

TEST_CASE("suggest: every corpus plan with a defect gets a suggestion for each error", "[suggest][corpus]") {
    auto gold = load_gold();
    REQUIRE(gold.size() >= 43);
    CheckOptions opts;
    opts.spelling = false;
    CheckSession session(opts);
    int defects = 0, plans_with_defects = 0;
    for (const auto& g : gold) {
        Report r = session.check(file_for(g, g.formats.front()));
        if (r.status == Status::unreadable) continue;
        bool any = false;
        for (const auto& q : r.requirements)
            if (q.status == ReqStatus::fail || q.status == ReqStatus::warn) {
                INFO(g.id << " " << q.id);
                CHECK_FALSE(q.suggestion.da.empty());
                CHECK_FALSE(q.suggestion.en.empty());
                ++defects;
                any = true;
            }
        for (const auto& f : r.findings)
            if (f.severity != Severity::info) {
                INFO(g.id << " finding " << f.rule << ": " << f.message.da);
                CHECK_FALSE(f.suggestion.da.empty());
                ++defects;
                any = true;
            }
        for (const auto& goal : r.goals)
            if (!goal.addressed && goal.waived.empty()) {
                INFO(g.id << " " << goal.id);
                CHECK_FALSE(goal.suggestion.da.empty());
            }
        plans_with_defects += any;
    }
    CHECK(plans_with_defects >= 15);
    CHECK(defects >= 40);
}
