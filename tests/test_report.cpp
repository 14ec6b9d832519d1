// The report library on its own, without the CLI: assemble() and its
// options (waivers of requirements and goals, the spelling policy, the
// stage, a plan without a profile), fails(), and the one JSON
// serialisation both ways.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "extractor/data_dir.h"
#include "extractor/pipeline.h"
#include "report/assemble.h"
#include "report/json.h"
#include "rules/engine.h"
#include "rules/profile.h"

using namespace plantjek;

namespace {

std::string corpus(const std::string& name) {
    return (std::filesystem::path(PLANTJEK_TEST_SOURCE_DIR) / "corpus" / "txt" / name).string();
}

const std::vector<Profile>& profiles() {
    static const std::vector<Profile> all = load_profiles(data_dir() + "/rules/profiles");
    return all;
}

// The stages as report/assemble.h lists them, without spelling.
struct Checked {
    LoadedPlan plan;
    EngineOutput engine;
    Report report;
};

Checked check(const std::string& file, const ReportOptions& o = {}) {
    Checked c;
    c.plan = load_plan(corpus(file), PipelineOptions{});
    CheckedPlan in;
    in.path = file;
    in.doc = &c.plan.doc;
    in.outline = &c.plan.outline;
    in.identity = &c.plan.identity;
    in.choice = choose_profile(profiles(), c.plan.identity, "", 0);
    if (in.choice.profile) {
        EngineInput ei{&c.plan.doc, &c.plan.outline, &c.plan.identity, in.choice.profile, in.choice.year,
                       stage_for(c.plan.identity, o), goals_waived(c.plan.identity, o)};
        c.engine = run_engine(ei);
        in.engine = &c.engine;
    }
    c.report = assemble(in, o);
    return c;
}

const RequirementResult& requirement(const Report& r, const std::string& id) {
    auto it = std::find_if(r.requirements.begin(), r.requirements.end(), [&](const auto& q) { return q.id == id; });
    REQUIRE(it != r.requirements.end());
    return *it;
}

const GoalResult& goal(const Report& r, const std::string& id) {
    auto it = std::find_if(r.goals.begin(), r.goals.end(), [&](const auto& g) { return g.id == id; });
    REQUIRE(it != r.goals.end());
    return *it;
}

bool has_finding(const Report& r, const std::string& rule) {
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

std::string dump(const Report& r, JsonTexts t) { return dump_json(report_to_json(r, t), 2); }

// A hand-made report with every field set, including the optional ones.
Report full_report() {
    Report r;
    r.path = "plan æøå.pdf";
    r.sha256 = "ab12";
    r.format = "pdf";
    r.bytes = 1234;
    r.pages = 9;
    r.words = 4321;
    r.municipalities = {"Frederikshavn", "Læsø"};
    r.years = {2021, 2022};
    r.kind = DocKind::draft;
    r.profile = "2016-2024";
    r.reasons = {{"titelbladet", "the title page"}};
    r.stage = Stage::draft;
    r.outline = {{2, "4.2", "Unge", 5, true, {"budget"}}};
    RequirementResult q;
    q.id = "budget";
    q.title = {"Budget", "Budget"};
    q.legal_basis = "LOOB § 4";
    q.status = ReqStatus::waived;
    q.severity = Severity::warning;
    q.evidence = {{3, "5", "Budget for …", "Budget"}};
    q.message = {"Dispenseret: sendt særskilt", "Waived: sent separately"};
    r.requirements = {q};
    q.id = "challenges";
    q.status = ReqStatus::warn;
    q.evidence.clear();
    q.message = {"Kun i teksten", "Only in the text"};
    r.requirements.push_back(q);
    GoalResult g;
    g.id = "goal-2021-1";
    g.title = {"Flere unge", "More young people"};
    g.addressed = true;
    g.pending = true;
    g.page = 4;
    g.section = "2.1";
    g.waived = "aftalt med regionen";
    Target t;
    t.text = "… begrænses til 1.250 personer i december 2021, svt. et fald på 5 pct.";
    t.value = 1250;
    t.unit = "personer";
    t.deadline = "december 2021";
    t.deadline_year = 2021;
    t.change_pct = -5.25;
    t.direction = "fald";
    t.filled = true;
    t.page = 4;
    g.targets = {t, Target{}};
    r.goals = {g};
    r.findings = {{"no-placeholders", Severity::error, {"xxx står tilbage", "xxx is left"}, 6, "5", "xxx"},
                  {"challenges", Severity::warning, {"Udfordringer: kun i teksten", "Challenges: only in the text"}, 0,
                   "", "", 0, true}};
    r.deadlines = {{"adoption", {"Vedtagelse", "Adoption"}, "2020-12-31"}};
    r.spelling.checked = true;
    r.spelling.words_checked = 4000;
    r.spelling.ocr_words_not_checked = 12;
    r.spelling.unknown = {{"virksomhedrne", 2, {"virksomhederne"}, {3, 7}, false}, {"kommunen1", 1, {}, {2}, true}};
    r.ocr_pages = {1, 2};
    r.ocr_confidence = 87.46;
    finish_report(r);
    return r;
}

}  // namespace

TEST_CASE("assemble: the report of the stages, with the failed requirement among the findings", "[report]") {
    auto c = check("2010-silkeborg-x-placeholders.txt");
    const Report& r = c.report;
    CHECK(r.status == Status::nonconformant);
    CHECK(r.profile == "2008-2010");
    CHECK(r.municipalities == std::vector<std::string>{"Silkeborg"});
    CHECK(requirement(r, "goal-targets").status == ReqStatus::fail);
    CHECK(goal(r, "goal-2010-1").addressed);
    // run_engine gives the same findings a report has (none added by options here).
    REQUIRE(c.engine.findings.size() == r.findings.size());
    for (std::size_t i = 0; i < r.findings.size(); ++i) CHECK(c.engine.findings[i].rule == r.findings[i].rule);
    CHECK(has_finding(r, "goal-targets"));
    CHECK(r.summary.failed >= 1);
    // A 2017 plan that leaves out one of the four guiding goals is warned, not failed.
    auto t = check("2017-thisted-goal-missing.txt");
    CHECK(requirement(t.report, "minister-goals").status == ReqStatus::warn);
    CHECK_FALSE(goal(t.report, "goal-2017-4").addressed);
}

TEST_CASE("revisions: tracked changes and comments are findings with count, place and words, warning in a final plan, info in a draft", "[report][revisions]") {
    LoadedPlan plan = load_plan(corpus("2012-aarhus-complete.txt"), PipelineOptions{});
    const auto& blocks = plan.doc.blocks;
    auto block_with = [&](const std::string& words) -> const Block& {
        auto it = std::find_if(blocks.begin(), blocks.end(), [&](const Block& b) { return b.text.find(words) != std::string::npos; });
        REQUIRE(it != blocks.end());
        return *it;
    };
    const Block& budget = block_with("Budget for beskæftigelsesindsatsen");
    const Block& challenge = block_with("De vigtigste beskæftigelsespolitiske udfordringer");
    plan.doc.meta.tracked_changes = plan.doc.meta.comments = true;
    plan.doc.meta.revisions = {
        {Revision::Kind::insertion, challenge.source_index + 1, "flere ledige", "Anne Hansen"},
        {Revision::Kind::deletion, challenge.source_index + 1, "færre", "Anne Hansen"},
        {Revision::Kind::insertion, budget.source_index + 1, "12 mio. kr.", "Bo"},
        {Revision::Kind::comment, budget.source_index + 1, "Husk at tjekke tallene", "Bo"},
    };
    auto choice = choose_profile(profiles(), plan.identity, "", 0);
    REQUIRE(choice.profile);
    auto run = [&](Stage stage) {
        EngineInput in{&plan.doc, &plan.outline, &plan.identity, choice.profile, choice.year, stage, {}};
        return run_engine(in);
    };
    auto find = [](const EngineOutput& out, const std::string& rule) -> const Finding* {
        for (const auto& f : out.findings)
            if (f.rule == rule) return &f;
        return nullptr;
    };
    EngineOutput final_plan = run(Stage::final);
    const Finding* changes = find(final_plan, "tracked-changes");
    const Finding* comments = find(final_plan, "comments");
    REQUIRE(changes);
    REQUIRE(comments);
    CHECK(changes->severity == Severity::warning);
    CHECK(changes->message.da.rfind("Dokumentet har 3 ikke-accepterede ændringer (registrerede ændringer; 2 indsat, 1 slettet)", 0) == 0);
    CHECK(changes->message.da.find("Anne Hansen") != std::string::npos);
    CHECK(changes->message.en.rfind("The document has 3 unaccepted tracked changes", 0) == 0);
    CHECK(changes->excerpt == "flere ledige");
    CHECK(changes->section.rfind("3 ", 0) == 0);  // the first change's section: the challenges chapter
    CHECK(changes->page == 1);  // the text file's one page
    CHECK(comments->message.da.rfind("Dokumentet har 1 kommentar: s. 1.", 0) == 0);
    CHECK(comments->excerpt == "Husk at tjekke tallene");
    INFO(changes->message.da);
    INFO(comments->message.da);
    CHECK(changes->message.da.find("Første: indsat af Anne Hansen.") != std::string::npos);
    CHECK(comments->message.da.find("Slet den, før planen offentliggøres") != std::string::npos);
    CHECK(comments->section.rfind("6 ", 0) == 0);

    EngineOutput draft = run(Stage::draft);
    REQUIRE(find(draft, "tracked-changes"));
    CHECK(find(draft, "tracked-changes")->severity == Severity::info);
    CHECK(find(draft, "comments")->severity == Severity::info);

    // Without revisions there is nothing to report.
    plan.doc.meta.revisions.clear();
    EngineOutput clean = run(Stage::final);
    CHECK_FALSE(find(clean, "tracked-changes"));
    CHECK_FALSE(find(clean, "comments"));
}

// Issue 20: tracked changes alone no longer make a draft, so a final plan
// that still has them gets the warning (it would publish them), not the
// draft's info. Identity, stage and engine as check runs them.
TEST_CASE("revisions: a final plan with tracked changes is checked as final and warned", "[report][revisions][draft]") {
    LoadedPlan plan = load_plan(corpus("2012-aarhus-complete.txt"), PipelineOptions{});
    plan.doc.meta.tracked_changes = plan.doc.meta.comments = true;
    plan.doc.meta.revisions = {{Revision::Kind::insertion, plan.doc.blocks[5].source_index, "flere ledige", "Anne"},
                               {Revision::Kind::comment, plan.doc.blocks[5].source_index, "Tjek tallet", "Bo"}};
    plan.identity = identify(plan.doc, plan.outline);
    CHECK(plan.identity.kind == DocKind::plan);
    const Stage stage = stage_for(plan.identity, ReportOptions{});
    CHECK(stage == Stage::final);
    auto choice = choose_profile(profiles(), plan.identity, "", 0);
    REQUIRE(choice.profile);
    EngineOutput out = run_engine({&plan.doc, &plan.outline, &plan.identity, choice.profile, choice.year, stage, {}});
    int warned = 0;
    for (const auto& f : out.findings)
        if (f.rule == "tracked-changes" || f.rule == "comments") {
            CHECK(f.severity == Severity::warning);
            ++warned;
        }
    CHECK(warned == 2);
}

TEST_CASE("empty sections: a running header read by OCR as a heading is never an empty-section error", "[report][ocr]") {
    Document d;
    d.format = Format::pdf;
    auto add = [&](std::string text, int page, bool ocr, BlockKind kind = BlockKind::paragraph) {
        Block b;
        b.text = std::move(text);
        b.page = page;
        b.ocr = ocr;
        b.kind = kind;
        b.source_index = d.blocks.size();
        d.blocks.push_back(std::move(b));
        return d.blocks.size() - 1;
    };
    Outline o;
    auto section = [&](std::string number, std::string title, std::size_t heading, std::vector<std::size_t> blocks) {
        Section x;
        x.number = std::move(number);
        x.title = std::move(title);
        x.heading = (x.number.empty() ? "" : x.number + " ") + x.title;
        x.heading_block = heading;
        x.first_page = x.last_page = d.blocks[heading].page;
        x.blocks = std::move(blocks);
        x.signal = "caps";
        o.sections.push_back(std::move(x));
    };
    const std::string running = "BESKÆFTIGELSESPLAN 2012 KOLDING KOMMUNE";
    section("", running, add(running, 1, true), {});
    auto h1 = add("1 Ministerens mål for 2012", 1, true);
    section("1", "Ministerens mål for 2012", h1, {add("Ledige skal hurtigt tilbage i job.", 1, true)});
    section("", running, add(running, 2, true), {});
    auto h2 = add("2 Budget for beskæftigelsesindsatsen", 2, true);
    section("2", "Budget for beskæftigelsesindsatsen", h2, {add("Aktivering i alt: 12.400.000 kr.", 2, true)});
    section("3", "Strategi for den borgerrettede indsats", add("3 Strategi for den borgerrettede indsats", 3, false), {});
    section("4", "Andre aktører", add("4 Andre aktører", 3, true), {});
    Identity id;
    id.years = {2012};
    id.municipalities = {"Kolding"};
    id.kind = DocKind::plan;
    auto choice = choose_profile(profiles(), id, "", 0);
    REQUIRE(choice.profile);
    EngineInput in{&d, &o, &id, choice.profile, choice.year, Stage::final, {}};
    EngineOutput out = run_engine(in);
    int running_info = 0, errors_empty = 0, ocr_warning = 0;
    for (const auto& f : out.findings) {
        if (f.rule != "no-placeholders") continue;
        INFO(f.message.da);
        bool about_running = f.message.da.find(running) != std::string::npos;
        if (about_running) CHECK(f.severity == Severity::info);
        if (about_running && f.severity == Severity::info) ++running_info;
        if (f.severity == Severity::error && f.message.da.find("er tomt") != std::string::npos) {
            ++errors_empty;
            CHECK(f.message.da.find("3 Strategi") != std::string::npos);  // the typed, truly empty section
        }
        if (f.severity == Severity::warning && f.message.da.find("4 Andre aktører") != std::string::npos) ++ocr_warning;
    }
    CHECK(running_info == 2);
    CHECK(errors_empty == 1);
    CHECK(ocr_warning == 1);  // an OCR'd empty section seen once: look at the scan, not an error
}

// Issue 20 pt 6: "6 fejl" beside two ✗ — each failed requirement's own
// finding was counted again as a finding.
TEST_CASE("summary: the counts match the marks, findings are counted apart", "[report][summary]") {
    Report r;
    r.path = "p.txt";
    auto add = [&](const char* id, ReqStatus st) {
        RequirementResult q;
        q.id = id;
        q.status = st;
        q.severity = st == ReqStatus::warn ? Severity::warning : Severity::error;
        r.requirements.push_back(q);
    };
    add("minister-goals", ReqStatus::pass);
    add("budget", ReqStatus::fail);
    add("no-placeholders", ReqStatus::fail);
    add("challenges", ReqStatus::warn);
    add("repatriation", ReqStatus::waived);
    add("annex-jobconsultants", ReqStatus::not_applicable);
    // the engine's restatements of the failed and warned requirements ...
    for (const char* id : {"budget", "no-placeholders"})
        r.findings.push_back({id, Severity::error, {"x", "x"}, 0, "", "", 0, true});
    r.findings.push_back({"challenges", Severity::warning, {"x", "x"}, 0, "", "", 0, true});
    // ... and the findings of their own
    r.findings.push_back({"no-placeholders", Severity::error, {"xxx", "xxx"}, 3, "5", "xxx"});
    r.findings.push_back({"deadline", Severity::warning, {"sent", "late"}, 0, "", ""});
    r.findings.push_back({"deadline", Severity::info, {"info", "info"}, 0, "", ""});
    finish_report(r);
    const Summary& s = r.summary;
    CHECK(s.requirements == 5);
    CHECK(s.failed == 2);  // the ✗
    CHECK(s.warned == 1);  // the !
    CHECK(s.waived == 1);  // the ~
    CHECK(s.passed == 2);  // met or waived
    CHECK(s.requirements == s.passed + s.failed + s.warned);
    CHECK(s.errors == 1);    // the placeholder, not the two ✗ again
    CHECK(s.warnings == 1);  // the late deadline, not the ! again
    CHECK(r.status == Status::nonconformant);
    // the engine marks its restatements
    auto c = check("2010-silkeborg-x-placeholders.txt");
    int restated = 0, failed_or_bare_warn = 0;
    for (const auto& f : c.report.findings) restated += f.requirement_result;
    for (const auto& q : c.report.requirements)
        failed_or_bare_warn += q.status == ReqStatus::fail || (q.status == ReqStatus::warn && q.evidence.empty());
    CHECK(restated == failed_or_bare_warn);
    CHECK(restated >= 1);
    // --fail-on warning: a ! alone fails
    Report warned;
    warned.path = "w.txt";
    RequirementResult q;
    q.id = "challenges";
    q.status = ReqStatus::warn;
    warned.requirements.push_back(q);
    finish_report(warned);
    CHECK(warned.status == Status::conformant);
    CHECK(warned.summary.warnings == 0);
    CHECK(warned.summary.warned == 1);
    CHECK(fails(warned, FailOn::warning));
    CHECK_FALSE(fails(warned, FailOn::error));
}

TEST_CASE("assemble: a goal waiver takes the goal out of the goal checks", "[report][waivers]") {
    ReportOptions o;
    o.waivers = {{"goal-2017-4", "Thisted", 2017, "Kommunen modtager ingen flygtninge i 2017.", "plantjek.yaml", 3}};
    auto c = check("2017-thisted-goal-missing.txt", o);
    const Report& r = c.report;
    CHECK(requirement(r, "minister-goals").status == ReqStatus::pass);
    CHECK(goal(r, "goal-2017-4").waived == "Kommunen modtager ingen flygtninge i 2017.");
    CHECK(goal(r, "goal-2017-1").waived.empty());
    CHECK_FALSE(has_finding(r, "minister-goals"));
    // The waived goal is in the JSON, both ways.
    auto j = report_to_json(r, JsonTexts::da);
    CHECK(j["goals"][3]["id"] == "goal-2017-4");
    CHECK(j["goals"][3]["waived"] == "Kommunen modtager ingen flygtninge i 2017.");
    CHECK_FALSE(j["goals"][0].contains("waived"));
    CHECK(report_from_json(j, JsonTexts::da).goals[3].waived == r.goals[3].waived);
}

TEST_CASE("assemble: a waiver for another kommune or year changes nothing", "[report][waivers]") {
    auto plain = check("2017-thisted-goal-missing.txt");
    for (const Waiver& w : {Waiver{"goal-2017-4", "Aalborg", 0, "x", "", 1}, Waiver{"goal-2017-4", "Thisted", 2018, "x", "", 1},
                            Waiver{"minister-goals", "Hjørring", 0, "x", "", 1}}) {
        ReportOptions o;
        o.waivers = {w};
        INFO(w.requirement << " " << w.kommune << " " << w.year);
        auto c = check("2017-thisted-goal-missing.txt", o);
        CHECK(dump(c.report, JsonTexts::both) == dump(plain.report, JsonTexts::both));
    }
    ReportOptions o;  // the requirement itself waived: shown as waived, its finding gone
    o.waivers = {{"minister-goals", "thisted", 0, "aftalt", "", 1}};
    auto c = check("2017-thisted-goal-missing.txt", o);
    CHECK(requirement(c.report, "minister-goals").status == ReqStatus::waived);
    CHECK(requirement(c.report, "minister-goals").message.da == "Dispenseret: aftalt");
    CHECK_FALSE(has_finding(c.report, "minister-goals"));
}

TEST_CASE("assemble: unknown words change the verdict only by the spelling policy", "[report][spelling]") {
    auto c = check("2012-aarhus-complete.txt");
    REQUIRE(c.report.status == Status::conformant);
    SpellingResult sp;
    sp.checked = true;
    sp.words_checked = 100;
    sp.unknown = {{"virksomhedrne", 1, {"virksomhederne"}, {2}, false}, {"kommunen1", 1, {}, {2}, true}};
    CheckedPlan in;
    in.path = "p";
    in.doc = &c.plan.doc;
    in.outline = &c.plan.outline;
    in.identity = &c.plan.identity;
    in.choice = choose_profile(profiles(), c.plan.identity, "", 0);
    in.engine = &c.engine;
    in.spelling = &sp;
    ReportOptions lenient, strict;
    strict.spelling_errors = true;
    Report a = assemble(in, lenient), b = assemble(in, strict);
    CHECK(a.status == Status::conformant);
    CHECK(a.summary.misspellings == 1);  // the footnote marker is not a misspelling
    CHECK_FALSE(has_finding(a, "spelling"));
    CHECK(b.status == Status::nonconformant);
    CHECK(has_finding(b, "spelling"));
}

TEST_CASE("assemble: no profile — not a plan, no plan year, a year no profile covers", "[report]") {
    auto c = check("2012-aarhus-complete.txt");
    CheckedPlan in;
    in.path = "p";
    in.doc = &c.plan.doc;
    in.outline = &c.plan.outline;
    in.identity = &c.plan.identity;
    using P = ProfileChoice::Problem;
    in.choice.covered_first = 2008;
    in.choice.covered_last = 2024;
    in.choice.problem = P::not_a_plan;
    Report r = assemble(in, {});
    CHECK(r.requirements.empty());
    CHECK(has_finding(r, "not-a-plan"));
    // a verdict of its own: not "conformant with 0/0 requirements"
    CHECK(r.status == Status::not_a_plan);
    CHECK(fails(r, FailOn::error));
    CHECK(fails(r, FailOn::warning));
    CHECK_FALSE(fails(r, FailOn::never));
    apply_waivers(r, {Waiver{"budget", "", 0, "x", "", 0}});  // the verdict is computed again: still not a plan
    CHECK(r.status == Status::not_a_plan);
    Report back = report_from_json(report_to_json(r, JsonTexts::da), JsonTexts::da);
    CHECK(back.status == Status::not_a_plan);
    CHECK(report_to_json(r, JsonTexts::da)["status"] == "not-a-plan");
    in.choice.problem = P::no_year;
    r = assemble(in, {});
    CHECK(r.status == Status::nonconformant);
    CHECK(r.findings.front().message.da.find("--year") != std::string::npos);
    in.choice.problem = P::no_profile;
    in.choice.year = 2031;
    r = assemble(in, {});
    CHECK(r.findings.front().message.da == "Ingen profil dækker planåret 2031 (profiler findes for 2008–2024).");
}

TEST_CASE("choose_profile: the span of plan years comes from the profiles, not from the code", "[report][profiles]") {
    Identity id;
    id.years = {2031};
    auto c = choose_profile(profiles(), id, "", 0);
    CHECK(c.problem == ProfileChoice::Problem::no_profile);
    int first = 9999, last = 0;
    for (const auto& p : profiles()) {
        first = std::min(first, p.first_year);
        last = std::max(last, p.last_year);
    }
    CHECK(c.covered_first == first);
    CHECK(c.covered_last == last);
    id.years = {2012, 2013};
    c = choose_profile(profiles(), id, "", 0);
    REQUIRE(c.profile);
    CHECK(c.profile->id == "2012-2015");
    CHECK(c.year == 2012);
    c = choose_profile(profiles(), id, "", 2019);  // --year wins
    CHECK(c.profile->id == "2016-2024");
    id.kind = DocKind::other;
    CHECK(choose_profile(profiles(), id, "", 0).problem == ProfileChoice::Problem::not_a_plan);
    CHECK(choose_profile(profiles(), id, "2011", 0).profile->id == "2011");  // --profile: checked all the same
    CHECK_THROWS_AS(choose_profile(profiles(), id, "1999", 0), std::invalid_argument);
}

TEST_CASE("stage_for: a draft is checked as one unless --stage says otherwise", "[report]") {
    Identity draft;
    draft.kind = DocKind::draft;
    ReportOptions o;
    CHECK(stage_for(draft, o) == Stage::draft);
    o.stage_given = true;
    CHECK(stage_for(draft, o) == Stage::final);
    Identity plan;
    o = {};
    CHECK(stage_for(plan, o) == Stage::final);
    o.stage = Stage::draft;
    o.stage_given = true;
    CHECK(stage_for(plan, o) == Stage::draft);
}

TEST_CASE("fails: what --fail-on makes exit code 1", "[report]") {
    Report ok;
    ok.status = Status::conformant;
    Report warned = ok;
    warned.summary.warnings = 1;
    Report warned_req = ok;
    warned_req.requirements.push_back({});
    warned_req.requirements.back().status = ReqStatus::warn;
    warned_req.summary.warned = 1;  // as finish_report counts it
    Report bad = ok;
    bad.status = Status::nonconformant;
    Report unreadable;
    unreadable.status = Status::unreadable;
    struct Row {
        const Report* r;
        bool error, warning, never;
    };
    for (const Row& row : {Row{&ok, false, false, false}, Row{&warned, false, true, false}, Row{&warned_req, false, true, false},
                           Row{&bad, true, true, false}, Row{&unreadable, false, false, false}}) {
        CHECK(fails(*row.r, FailOn::error) == row.error);
        CHECK(fails(*row.r, FailOn::warning) == row.warning);
        CHECK(fails(*row.r, FailOn::never) == row.never);
    }
    CHECK(fail_on_from_name("warning") == FailOn::warning);
    CHECK_THROWS_AS(fail_on_from_name("warnings"), std::invalid_argument);
}

TEST_CASE("json: every field survives the round trip, in each text mode", "[report][json]") {
    const Report r = full_report();
    for (JsonTexts t : {JsonTexts::both, JsonTexts::da, JsonTexts::en}) {
        std::string once = dump(r, t);
        Report back = report_from_json(nlohmann::ordered_json::parse(once), t);
        CHECK(dump(back, t) == once);
    }
    // Lossless: both languages, the deadline year and the exact OCR confidence.
    Report back = report_from_json(report_to_json(r, JsonTexts::both), JsonTexts::both);
    CHECK(back.findings[0].message.en == "xxx is left");
    CHECK(back.findings[0].message.da == "xxx står tilbage");
    CHECK(back.goals[0].targets[0].deadline_year == 2021);
    CHECK(back.ocr_confidence == r.ocr_confidence);
    CHECK(back.goals[0].targets[1].value == std::nullopt);
    CHECK(back.kind == DocKind::draft);
    CHECK(back.stage == Stage::draft);
    CHECK(back.status == r.status);
    CHECK(back.spelling.ocr_words_not_checked == 12);
    // The contract: one language, the confidence to one decimal.
    auto da = report_to_json(r, JsonTexts::da);
    CHECK(da["findings"][0]["message"] == "xxx står tilbage");
    CHECK(da["input"]["ocr_confidence"] == 87.5);
    CHECK(da["plan"]["municipality"] == "Frederikshavn");
    CHECK_FALSE(da["goals"][0]["target"].contains("deadline_year"));
    Report from_da = report_from_json(da, JsonTexts::da);
    CHECK(from_da.findings[0].message.en == "xxx står tilbage");  // a one-language JSON: that text for both
}

TEST_CASE("json: a location without a page has no page key, and keeps its section and paragraph", "[report][json][locations]") {
    Report r = full_report();
    r.findings = {{"no-placeholders", Severity::error, {"xxx står tilbage", "xxx is left"}, 0, "4.2 Unge", "xxx", 3}};
    r.requirements[0].evidence = {{0, "5 Budget", "Budget for …", "Budget", 2}};
    r.goals[0].page = 0;
    r.goals[0].targets[0].page = 0;
    r.outline[0].page = 0;
    for (JsonTexts t : {JsonTexts::both, JsonTexts::da}) {
        auto j = report_to_json(r, t);
        CHECK_FALSE(j["findings"][0].contains("page"));
        CHECK(j["findings"][0]["section"] == "4.2 Unge");
        CHECK(j["findings"][0]["paragraph"] == 3);
        CHECK_FALSE(j["requirements"][0]["evidence"][0].contains("page"));
        CHECK(j["requirements"][0]["evidence"][0]["paragraph"] == 2);
        CHECK_FALSE(j["goals"][0].contains("page"));
        CHECK_FALSE(j["goals"][0]["targets"][0].contains("page"));
        CHECK_FALSE(j["outline"][0].contains("page"));
        std::string once = dump_json(j, 2);
        Report back = report_from_json(nlohmann::ordered_json::parse(once), t);
        CHECK(back.findings[0].page == 0);
        CHECK(back.findings[0].paragraph == 3);
        CHECK(back.requirements[0].evidence[0].paragraph == 2);
        CHECK(dump(back, t) == once);
    }
    // With a page, no paragraph key: the page says where.
    auto paged = report_to_json(full_report(), JsonTexts::da);
    CHECK(paged["findings"][0]["page"] == 6);
    CHECK_FALSE(paged["findings"][0].contains("paragraph"));
}

TEST_CASE("location_text: the page where known, else the section's number (or title) and the paragraph", "[report][locations]") {
    CHECK(location_text(4, "4.2 Unge", 0).da == "s. 4");
    CHECK(location_text(4, "4.2 Unge", 0).en == "p. 4");
    CHECK(location_text(0, "4.2 Unge", 3).da == "afsnit 4.2, tekstafsnit 3");
    CHECK(location_text(0, "4.2 Unge", 3).en == "section 4.2, paragraph 3");
    CHECK(location_text(0, "Budget", 0).da == "afsnit Budget");
    CHECK(location_text(0, "4.2 Unge", 3, false).da == "tekstafsnit 3");
    CHECK(location_text(0, "", 2).da == "tekstafsnit 2 før første overskrift");
    CHECK(location_text(0, "", 0).da.empty());
}

TEST_CASE("json: what is not a report is refused", "[report][json]") {
    auto j = report_to_json(full_report(), JsonTexts::both);
    auto bad_status = j;
    bad_status["status"] = "fine";
    CHECK_THROWS_AS(report_from_json(bad_status, JsonTexts::both), std::invalid_argument);
    auto bad_schema = j;
    bad_schema["schema"] = "plantjek.report/0";
    CHECK_THROWS_AS(report_from_json(bad_schema, JsonTexts::both), std::invalid_argument);
    auto missing = j;
    missing.erase("findings");
    CHECK_THROWS(report_from_json(missing, JsonTexts::both));
    CHECK_THROWS(report_from_json(j, JsonTexts::da));  // a message object where the language's string belongs
}

TEST_CASE("names: statuses, stages and kinds both ways", "[report]") {
    for (Status s : {Status::conformant, Status::nonconformant, Status::not_a_plan, Status::unreadable})
        CHECK(status_from_name(status_name(s)) == s);
    CHECK(std::string(status_name(Status::not_a_plan)) == "not-a-plan");
    for (Stage s : {Stage::draft, Stage::final}) CHECK(stage_from_name(stage_name(s)) == s);
    for (DocKind k : {DocKind::plan, DocKind::draft, DocKind::annex, DocKind::other})
        CHECK(doc_kind_from_name(doc_kind_name(k)) == k);
    CHECK_THROWS_AS(status_from_name("ok"), std::invalid_argument);
    CHECK_THROWS_AS(stage_from_name("udkast"), std::invalid_argument);
}
