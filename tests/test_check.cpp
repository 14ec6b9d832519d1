// The engine and `plantjek check`: target sentences, check kinds on small
// hand-made plans, drafts, --rules, and the report contract.
#include <catch2/catch.hpp>

#include "cli/config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli/check.h"
#include "rules/engine.h"
#include "run_cli.h"

using namespace plantjek;
using plantjek::test::run_cli;
using plantjek::test::TempDir;

namespace {
std::string corpus(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/corpus/" + rel; }

const RequirementResult* req(const Report& r, const std::string& id) {
    for (const auto& q : r.requirements)
        if (q.id == id) return &q;
    return nullptr;
}

Report check_text(const std::string& text, CheckOptions opts = {}) {
    TempDir dir;
    std::string path = dir.write("plan.txt", text);
    opts.spelling = false;
    CheckSession s(opts);
    return s.check(path);
}

// The requirement `id` of a report; the test stops when it is not there.
const RequirementResult& must(const Report& r, const std::string& id) {
    const RequirementResult* q = req(r, id);
    INFO("requirement " << id);
    REQUIRE(q);
    return *q;
}

// A corpus plain-text plan, read whole.
std::string corpus_text(const std::string& name) {
    std::ifstream f(corpus("txt/" + name), std::ios::binary);
    std::string s{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
    REQUIRE(!s.empty());
    return s;
}

// `text` without the part from `from` up to (not including) `to`.
std::string cut(std::string text, const std::string& from, const std::string& to) {
    auto a = text.find(from);
    auto b = text.find(to, a == std::string::npos ? 0 : a);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    return text.erase(a, b - a);
}

// A small but complete 2012 plan in plain text.
std::string plan2012(const std::string& budget_amount, const std::string& goal1_value) {
    return "Beskæftigelsesplan 2012\n\nJobcenter Kolding\n\n"
           "1. Ministerens mål for 2012\n\n"
           "Ledige skal hurtigt tilbage i job – langtidsledigheden skal bekæmpes. Antallet af personer i "
           "arbejdskraftreserven skal begrænses til " + goal1_value + " personer i december 2012, svt. et fald på 4 pct. "
           "fra december 2010 til december 2012.\n\n"
           "Bedre hjælp til ledige på kanten af arbejdsmarkedet – færre mennesker på permanent offentlig forsørgelse. "
           "Tilgangen til permanente forsørgelsesydelser skal begrænses til 420 personer i december 2012, svt. et fald "
           "på 2 pct. fra december 2010 til december 2012.\n\n"
           "Unge skal i uddannelse eller job. Antallet af unge under 30 år på offentlig forsørgelse skal begrænses til "
           "1.900 personer i december 2012, svt. et fald på 3 pct. fra december 2010 til december 2012.\n\n"
           "Flere indvandrere og efterkommere skal i job. Antallet af ikke-vestlige indvandrere og efterkommere på "
           "offentlig forsørgelse skal begrænses til 1.150 personer i december 2012, svt. et fald på 1 pct. fra "
           "december 2010 til december 2012.\n\n"
           "2. De vigtigste beskæftigelsespolitiske udfordringer\n\n"
           "Ledigheden blandt unge ufaglærte er steget, og virksomhederne mangler faglært arbejdskraft.\n\n"
           "3. Strategi og mål for den borgerrettede indsats\n\n"
           "Jobcentret giver ledige en tidlig og aktiv indsats med fokus på virksomhedsrettede tilbud.\n\n"
           "4. Strategi og mål for den virksomhedsrettede indsats\n\n"
           "Jobcentret besøger virksomhederne og tilbyder hjælp til rekruttering.\n\n"
           "5. Budget for beskæftigelsesindsatsen\n\n"
           "Aktivering i alt: " + budget_amount + " kr.\n\n"
           "Tillæg 1. Målopfølgningsskema\n\n"
           "Tabellen gentager de fire måltal fra kapitel 1.\n\n"
           "Tillæg 2. LBR's plan for særlige virksomhedsrettede initiativer\n\n"
           "Rådet støtter et projekt om praktikpladser.\n";
}
}  // namespace

TEST_CASE("target sentences: value, unit, deadline, change and placeholders", "[check][targets]") {
    auto t = parse_targets("Antallet skal begrænses til 1.250 personer i december 2012, svt. et fald på 5 pct. fra "
                           "december 2010 til december 2012.");
    REQUIRE(t.size() == 1);
    REQUIRE(t[0].value);
    CHECK(*t[0].value == 1250);
    CHECK(t[0].unit == "personer");
    CHECK(t[0].deadline == "december 2012");
    CHECK(t[0].deadline_year == 2012);
    REQUIRE(t[0].change_pct);
    CHECK(*t[0].change_pct == -5.0);
    CHECK(t[0].filled);

    auto x = parse_targets("Antallet af sygedagpengeforløb over 26 uger nedbringes med X procent til X forløb i december 2010.");
    REQUIRE(x.size() == 1);
    CHECK_FALSE(x[0].filled);
    CHECK_FALSE(x[0].value);
    CHECK(x[0].unit == "forløb");

    auto up = parse_targets("Andelen skal øges til 14,5 pct. i december 2013, svt. en stigning på 2 pct.");
    REQUIRE(up.size() == 1);
    CHECK(*up[0].value == Approx(14.5));
    CHECK(up[0].unit == "pct.");
    CHECK(*up[0].change_pct == 2.0);

    // A status sentence and a sentence without a quantity are not targets.
    CHECK(parse_targets("I december 2011 var der 1.300 personer i arbejdskraftreserven.").empty());
    CHECK(parse_targets("Jobcentret skal styrke samarbejdet med virksomhederne i 2012.").empty());
    // "Mål 3 Unge …" is a label, not 3 young people.
    CHECK(parse_targets("Mål 3 Unge skal begrænses i december 2012.").empty());
}

TEST_CASE("check: a complete plan passes, an unfilled budget and target fail with their places", "[check]") {
    Report ok = check_text(plan2012("12.400.000", "1.480"));
    REQUIRE(ok.status == Status::conformant);
    CHECK(ok.years == std::vector<int>{2012});
    CHECK(ok.profile == "2012-2015");
    REQUIRE(req(ok, "budget"));
    CHECK(req(ok, "budget")->status == ReqStatus::pass);
    CHECK(req(ok, "minister-goals")->status == ReqStatus::pass);
    CHECK(req(ok, "goal-targets")->status == ReqStatus::pass);
    CHECK(req(ok, "annex-jobconsultants")->status == ReqStatus::not_applicable);
    CHECK(ok.goals.size() == 4);
    CHECK(ok.deadlines.size() >= 4);

    Report bad = check_text(plan2012("xxx", "X"));
    CHECK(bad.status == Status::nonconformant);
    CHECK(req(bad, "budget")->status == ReqStatus::fail);
    CHECK(req(bad, "goal-targets")->status == ReqStatus::fail);
    CHECK(req(bad, "no-placeholders")->status == ReqStatus::fail);
    bool located = false;
    for (const auto& f : bad.findings)
        if (f.rule == "no-placeholders" && f.page == 1 && f.excerpt.find("X personer") != std::string::npos) located = true;
    CHECK(located);
}

TEST_CASE("check: a goal without a target is filed in the section where its goal is treated", "[check][targets][locations]") {
    std::string text = plan2012("12.400.000", "1.480");
    const std::string target3 = " Antallet af unge under 30 år på offentlig forsørgelse skal begrænses til "
                                "1.900 personer i december 2012, svt. et fald på 3 pct. fra december 2010 til december 2012.";
    auto at = text.find(target3);
    REQUIRE(at != std::string::npos);
    text.erase(at, target3.size());
    Report r = check_text(text);
    REQUIRE(req(r, "goal-targets"));
    CHECK(req(r, "goal-targets")->status == ReqStatus::fail);
    const Finding* f = nullptr;
    for (const auto& x : r.findings)
        if (x.rule == "goal-targets") f = &x;
    REQUIRE(f);
    CHECK(f->message.da.find("goal-2012-3") != std::string::npos);
    CHECK(f->section == "1 Ministerens mål for 2012");  // the goals' chapter, not the plan as a whole
}

TEST_CASE("check: a goal table read row by row (OCR) pairs each label with the values on the next line", "[check][targets]") {
    auto with_annex = [](const std::string& annex) {
        std::string t = plan2012("12.400.000", "1.480");
        std::string from = "Tabellen gentager de fire måltal fra kapitel 1.\n\n";
        auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), annex);
    };
    auto rows = [](const std::string& goal3) {
        return "Mål 1 Arbejdskraftreserven\n\n1.480 personer fald på 4 pct.\n\n"
               "Mål 2 Permanente forsørgelsesydelser\n\nree\n\n420 personer fald på 2 pct.\n\n"
               "forsørgelsesydelser Mål3Ungeunder30år\n\n" + goal3 + " personer fald på 3 pct.\n\n"
               "Mål 4 Indvandrere og efterkommere\n\n1.150 personer fald på 1 pct.\n\n";
    };
    Report same = check_text(with_annex(rows("1.900")));
    REQUIRE(req(same, "targets-consistent"));
    CHECK(req(same, "targets-consistent")->status == ReqStatus::pass);
    CHECK(req(same, "targets-consistent")->message.da.find("4 mål") != std::string::npos);

    Report differ = check_text(with_annex(rows("2.000")));
    CHECK(req(differ, "targets-consistent")->status == ReqStatus::fail);
    bool named = false;
    for (const auto& f : differ.findings)
        if (f.rule == "targets-consistent" && f.message.da.find("Mål 3:") == 0) named = f.message.da.find("2000") != std::string::npos;
    CHECK(named);

    // Labels first, then the values (a table read column by column): nothing
    // carries from the last label; the values pair by position.
    Report columns = check_text(with_annex("Mål 1 Arbejdskraftreserven\n\nMål 2 Permanente forsørgelsesydelser\n\n"
                                           "Mål 3 Unge under 30 år\n\nMål 4 Indvandrere og efterkommere\n\n"
                                           "1.480 personer\n\n420 personer\n\n1.900 personer\n\n1.150 personer\n\n"));
    CHECK(req(columns, "targets-consistent")->status == ReqStatus::pass);
}

TEST_CASE("check: in a draft a missing budget is a warning with its deadline", "[check][stage]") {
    std::string text = plan2012("12.400.000", "1.480");
    auto cut = text.find("5. Budget");
    auto end = text.find("Tillæg 1.");
    text.erase(cut, end - cut);
    Report final_ = check_text(text);
    CHECK(req(final_, "budget")->status == ReqStatus::fail);
    CHECK(final_.status == Status::nonconformant);

    CheckOptions draft;
    draft.report.stage = Stage::draft;
    draft.report.stage_given = true;
    Report d = check_text(text, draft);
    REQUIRE(req(d, "budget"));
    CHECK(req(d, "budget")->status == ReqStatus::warn);
    CHECK(req(d, "budget")->message.da.find("senest 2012-01-31") != std::string::npos);
    CHECK(d.status == Status::conformant);
    CHECK(d.stage == Stage::draft);
}

TEST_CASE("check: the 15 jobkonsulent kommuner need their annex in 2010, others do not", "[check][annex]") {
    CheckOptions o;
    o.spelling = false;
    CheckSession s(o);
    Report esbjerg = s.check(corpus("docx/2010-esbjerg-jobkonsulent-annex-missing.docx"));
    CHECK(req(esbjerg, "annex-jobconsultants")->status == ReqStatus::fail);
    Report silkeborg = s.check(corpus("docx/2010-silkeborg-x-placeholders.docx"));
    CHECK(req(silkeborg, "annex-jobconsultants")->status == ReqStatus::not_applicable);
}

TEST_CASE("check: a region's own --rules requirement is applied", "[check][rules]") {
    TempDir dir;
    std::string rules = dir.write("region.yaml", R"(requirements:
  - id: region-apprentices
    kind: section
    title: {da: 'Lærepladser', en: 'Apprenticeships'}
    message: {da: 'Regionen beder om et afsnit om lærepladser.', en: 'The region asks for a section on apprenticeships.'}
    legal_basis: 'Regionens egen anbefaling'
    severity: warning
    heading: ['\blærepladser\b']
    examples:
      heading:
        match: ['Lærepladser']
        no_match: ['Budget']
)");
    CheckOptions o;
    o.rules_files = {rules};
    Report r = check_text(plan2012("12.400.000", "1.480"), o);
    REQUIRE(req(r, "region-apprentices"));
    CHECK(req(r, "region-apprentices")->status == ReqStatus::warn);
    CHECK(r.status == Status::conformant);  // a warning does not change the verdict
}

TEST_CASE("plantjek check: exit codes, JSON contract, Danish and English", "[check][cli]") {
    auto good = run_cli({"check", "--no-spelling", corpus("docx/2012-aarhus-complete.docx")});
    CHECK(good.code == 0);
    CHECK(good.out.find("I ORDEN") != std::string::npos);
    CHECK(good.out.find(" \n") == std::string::npos);  // columns are padded, line ends are not

    auto bad = run_cli({"check", "--no-spelling", "-f", "json", corpus("pdf/2012-kolding-budget-xxx.pdf")});
    CHECK(bad.code == 1);
    auto j = nlohmann::json::parse(bad.out);
    CHECK(j["schema"] == "plantjek.report/1");
    CHECK(j["status"] == "nonconformant");
    CHECK(j["plan"]["municipality"] == "Kolding");
    CHECK(j["input"]["format"] == "pdf");
    {
        std::ifstream f(corpus("pdf/2012-kolding-budget-xxx.pdf"), std::ios::binary);
        std::string b((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        CHECK(j["input"]["sha256"] == sha256_hex(b));
        CHECK(j["input"]["bytes"] == b.size());
    }
    // The file is read once; its hash and size are known also when the reader fails.
    {
        TempDir dir;
        std::string cut = dir.write("afkortet.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
        auto broken = run_cli({"check", "--no-spelling", "-f", "json", cut});
        auto k = nlohmann::json::parse(broken.out);
        CHECK(k["status"] == "unreadable");
        CHECK(k["input"]["sha256"] == sha256_hex("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"));
        CHECK(k["input"]["bytes"] == 45);
    }
    CHECK(j["summary"]["failed"].get<int>() >= 1);
    bool budget_failed = false;
    for (const auto& q : j["requirements"])
        if (q["id"] == "budget" && q["status"] == "fail") budget_failed = true;
    CHECK(budget_failed);
    CHECK_FALSE(j.contains("error"));

    auto en = run_cli({"--lang", "en", "check", "--no-spelling", corpus("pdf/2012-kolding-budget-xxx.pdf")});
    CHECK(en.code == 1);
    CHECK(en.out.find("NONCONFORMANT") != std::string::npos);

    TempDir dir;
    std::string junk = dir.write("broken.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n");
    auto unreadable = run_cli({"check", "-f", "json", junk});
    CHECK(unreadable.code == 3);
    auto u = nlohmann::json::parse(unreadable.out);
    CHECK(u["status"] == "unreadable");
    CHECK(u["error"]["kind"] == "corrupt");
    CHECK_FALSE(u["error"]["message"].get<std::string>().empty());

    auto other = run_cli({"check", "--no-spelling", corpus("docx/2015-furesoe-opfoelgning.docx")});
    // Not a plan: a verdict of its own, never exit 0 under the default --fail-on.
    CHECK(other.code == 1);
    CHECK(other.out.find("IKKE EN BESKÆFTIGELSESPLAN") != std::string::npos);
    CHECK(other.out.find("I ORDEN") == std::string::npos);
    auto other_json = run_cli({"check", "--no-spelling", "-f", "json", corpus("docx/2015-furesoe-opfoelgning.docx")});
    CHECK(nlohmann::json::parse(other_json.out)["status"] == "not-a-plan");
    auto other_never = run_cli({"check", "--no-spelling", "--fail-on", "never", corpus("docx/2015-furesoe-opfoelgning.docx")});
    CHECK(other_never.code == 0);
    auto other_en = run_cli({"--lang", "en", "check", "--no-spelling", corpus("docx/2015-furesoe-opfoelgning.docx")});
    CHECK(other_en.out.find("NOT AN EMPLOYMENT PLAN") != std::string::npos);

    auto badprofile = run_cli({"check", "--profile", "nope", corpus("docx/2012-aarhus-complete.docx")});
    CHECK(badprofile.code == 2);
}

TEST_CASE("locations: a DOCX without page breaks gives section and paragraph, never a page", "[check][locations]") {
    // pandoc's DOCX records no page break: every location used to be "s. 1".
    auto docx = run_cli({"check", "--no-spelling", "-f", "json", corpus("docx/2012-kolding-budget-xxx.docx")});
    auto j = nlohmann::json::parse(docx.out);
    CHECK(j["input"]["pages"] == 0);
    bool placeholder = false;
    for (const auto& f : j["findings"]) {
        CHECK_FALSE(f.contains("page"));
        CHECK(f.contains("section"));
        if (f["rule"] == "no-placeholders" && f["excerpt"] == "xxx") {
            placeholder = true;
            CHECK(f["section"] == "5 Budget for beskæftigelsesindsatsen");
            CHECK(f["paragraph"] == 1);  // the budget table is the section's first paragraph
        }
    }
    CHECK(placeholder);
    for (const auto& q : j["requirements"])
        for (const auto& e : q["evidence"]) CHECK_FALSE(e.contains("page"));
    for (const auto& s : j["outline"]) CHECK_FALSE(s.contains("page"));

    auto text = run_cli({"check", "--no-spelling", corpus("docx/2012-kolding-budget-xxx.docx")});
    CHECK(text.out.find("afsnit 5, tekstafsnit 1") != std::string::npos);
    CHECK(text.out.find("s. 1") == std::string::npos);
    auto en = run_cli({"--lang", "en", "check", "--no-spelling", corpus("docx/2012-kolding-budget-xxx.docx")});
    CHECK(en.out.find("section 5, paragraph 1") != std::string::npos);
    auto html = run_cli({"check", "--no-spelling", "-f", "html", corpus("docx/2012-kolding-budget-xxx.docx")});
    CHECK(html.out.find("afsnit 5, tekstafsnit 1") != std::string::npos);

    // The same plan as LibreOffice's ODT records its page breaks: real pages, no paragraph.
    auto odt = run_cli({"check", "--no-spelling", "-f", "json", corpus("odt/2012-kolding-budget-xxx.odt")});
    auto k = nlohmann::json::parse(odt.out);
    CHECK(k["input"]["pages"] == 2);
    bool paged = false;
    for (const auto& f : k["findings"])
        if (f["rule"] == "no-placeholders" && f["excerpt"] == "xxx") {
            paged = true;
            CHECK(f["page"].get<int>() >= 1);
            CHECK_FALSE(f.contains("paragraph"));
        }
    CHECK(paged);
    auto odt_text = run_cli({"check", "--no-spelling", corpus("odt/2012-kolding-budget-xxx.odt")});
    CHECK(odt_text.out.find("(s. ") != std::string::npos);
    CHECK(odt_text.out.find("tekstafsnit") == std::string::npos);
}

TEST_CASE("plantjek check: several plans and formats into a folder, with the overview", "[check][cli][batch]") {
    TempDir dir;
    std::string out = (dir.path / "reports").string();
    auto r = run_cli({"check", "--no-spelling", "-f", "html,json,csv,jsonl", "-o", out + "/",
                      corpus("docx/2012-aarhus-complete.docx"), corpus("pdf/2012-kolding-budget-xxx.pdf"),
                      corpus("pdf/2012-aarhus-complete.pdf")});
    CHECK(r.code == 1);  // Kolding is nonconformant
    namespace fs = std::filesystem;
    CHECK(fs::exists(out + "/2012-aarhus-complete.docx.html"));  // the source extension kept: two copies say which is which
    CHECK(fs::exists(out + "/2012-aarhus-complete.pdf.json"));
    CHECK(fs::exists(out + "/2012-kolding-budget-xxx.pdf.json"));
    CHECK(fs::exists(out + "/index.html"));
    std::string csv = plantjek::test::slurp(out + "/plantjek.csv");
    CHECK(csv.find("Kolding") != std::string::npos);
    std::size_t header_lines = 0;
    for (std::size_t p = csv.find("requirement"); p != std::string::npos; p = csv.find("requirement", p + 1)) ++header_lines;
    CHECK(header_lines >= 1);
    std::string jsonl = plantjek::test::slurp(out + "/plantjek.jsonl");
    CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 3);
    // The batch ends with its counts on stderr.
    CHECK(r.err.find("plantjek check: 3 filer: konforme: 1, ikke-konforme: 1, ikke beskæftigelsesplaner: 0, ulæselige: 0, dubletter: 1") !=
          std::string::npos);

    auto never = run_cli({"check", "--no-spelling", "--fail-on", "never", corpus("pdf/2012-kolding-budget-xxx.pdf")});
    CHECK(never.code == 0);
    auto warn = run_cli({"check", "--no-spelling", "--fail-on", "warning", corpus("docx/2011-horsens-complete.docx")});
    CHECK(warn.code == 1);  // conformant, but with a warning (adoption after the deadline)
    auto array = run_cli({"check", "--no-spelling", "-f", "json", corpus("docx/2012-aarhus-complete.docx"),
                          corpus("docx/2012-vejle-targets-inconsistent.docx")});
    auto j = nlohmann::json::parse(array.out);
    CHECK(j.is_array());
    CHECK(j.size() == 2);
    auto html_stdout = run_cli({"check", "-f", "html", corpus("docx/2012-aarhus-complete.docx"),
                                corpus("docx/2012-vejle-targets-inconsistent.docx")});
    CHECK(html_stdout.code == 2);
}

TEST_CASE("the configuration file: options and a waived requirement", "[check][config]") {
    TempDir dir;
    std::string cfg = dir.write("plantjek.yaml", R"(format: json
spelling: false
waivers:
  - requirement: budget
    kommune: Kolding
    year: 2012
    reason: Budgettet blev sendt separat.
)");
    auto r = run_cli({"check", "--config", cfg, corpus("pdf/2012-kolding-budget-xxx.pdf")});
    auto j = nlohmann::json::parse(r.out);
    bool waived = false;
    for (const auto& q : j["requirements"])
        if (q["id"] == "budget") waived = q["status"] == "waived" && q["message"].get<std::string>().find("sendt separat") != std::string::npos;
    CHECK(waived);
    for (const auto& f : j["findings"]) CHECK(f["rule"] != "budget");

    // Waivers for another kommune do not apply.
    std::string other = dir.write("other.yaml", "format: json\nspelling: false\nwaivers:\n  - {requirement: budget, kommune: Vejle, reason: x}\n");
    auto r2 = run_cli({"check", "--config", other, corpus("pdf/2012-kolding-budget-xxx.pdf")});
    auto j2 = nlohmann::json::parse(r2.out);
    for (const auto& q : j2["requirements"])
        if (q["id"] == "budget") CHECK(q["status"] == "fail");

    std::string bad = dir.write("bad.yaml", "format: json\nwaivers:\n  - requirement: budget\n    reasn: typo\n");
    auto r3 = run_cli({"check", "--config", bad, corpus("pdf/2012-kolding-budget-xxx.pdf")});
    CHECK(r3.code == 2);
    CHECK(r3.err.find("bad.yaml:4") != std::string::npos);
    CHECK(r3.err.find("reasn") != std::string::npos);
}

TEST_CASE("the configuration loader turns every bad shape into file:line", "[check][config]") {
    // Shapes yaml-cpp itself rejects with exceptions of its own: each must
    // come back as a ConfigError naming the file and a line.
    for (const char* bad : {"lang: [da]\n", "? [a, b]\n: c\n", "waivers: {requirement: x}\n", "spelling: maybe\n",
                            "waivers:\n  - requirement: budget\n    year: tyve\n    reason: r\n", "lang: da\n  bad: indent\n",
                            "waivers:\n  - [a]\n", "{unclosed: \n", "format: json\nlang: da\nformat: html\n",
                            "waivers:\n  - {requirement: budget, reason: a, reason: b}\n"}) {
        INFO(bad);
        try {
            (void)load_config_from_string(bad, "/etc/plantjek/p.yaml");
            FAIL("accepted");
        } catch (const ConfigError& e) {
            CHECK(std::string(e.what()).rfind("/etc/plantjek/p.yaml:", 0) == 0);
        }
    }
    auto c = load_config_from_string("rules: r.yaml\nwords: [/abs/w.txt]\nwaivers:\n  - {requirement: budget, year: 2012, reason: ok}\n",
                                     "/etc/plantjek/p.yaml");
    CHECK(c.rules_files == std::vector<std::string>{"/etc/plantjek/r.yaml"});
    CHECK(c.word_lists == std::vector<std::string>{"/abs/w.txt"});
    REQUIRE(c.waivers.size() == 1);
    CHECK(c.waivers[0].year == 2012);
    CHECK(c.waivers[0].line == 4);
}

TEST_CASE("spelling never changes the verdict unless the configuration says so", "[check][config][spelling]") {
    TempDir dir;
    std::string txt = dir.write("plan.txt", plan2012("12.400.000", "1.480") + "\nJobcentret vil styrke beskæftigelsesindstatsen.\n");
    auto plain = run_cli({"check", "--no-suggestions", "-f", "json", txt});
    auto j = nlohmann::json::parse(plain.out);
    CHECK(j["summary"]["misspellings"].get<int>() >= 1);
    CHECK(j["status"] == "conformant");
    CHECK(plain.code == 0);
    std::string cfg = dir.write("strict.yaml", "spelling-severity: error\nsuggestions: false\nformat: json\n");
    auto strict = run_cli({"check", "--config", cfg, txt});
    auto k = nlohmann::json::parse(strict.out);
    CHECK(k["status"] == "nonconformant");
    CHECK(strict.code == 1);
}

TEST_CASE("plantjek profiles and explain", "[cli][profiles]") {
    auto list = run_cli({"profiles"});
    CHECK(list.code == 0);
    for (const char* id : {"2008-2010", "2011", "2012-2015", "2016-2024"}) CHECK(list.out.find(id) != std::string::npos);
    auto show = run_cli({"profiles", "show", "2012-2015"});
    CHECK(show.code == 0);
    CHECK(show.out.find("bek. nr. 735") != std::string::npos);
    CHECK(show.out.find("goal-2012-4") != std::string::npos);
    CHECK(show.out.find("alvor: fejl") != std::string::npos);  // Danish, not "alvor: error"
    CHECK(show.out.find("alvor: error") == std::string::npos);
    auto good = run_cli({"profiles", "check", std::string(PLANTJEK_TEST_SOURCE_DIR) + "/rules/profiles/2011.yaml"});
    CHECK(good.code == 0);
    TempDir dir;
    std::string bad = dir.write("bad.yaml", "id: bad\nfirst_year: 2030\n  last_year: [\n");
    auto broken = run_cli({"profiles", "check", bad});
    CHECK(broken.code == 2);
    CHECK(broken.err.find("fejl i regelprofilen ") != std::string::npos);
    CHECK(broken.err.find("bad.yaml, linje 3: YAML-syntaksfejl") != std::string::npos);
    auto broken_en = run_cli({"--lang", "en", "profiles", "check", bad});
    CHECK(broken_en.err.find("bad.yaml:3: YAML syntax error") != std::string::npos);
    auto ex = run_cli({"explain", "budget"});
    CHECK(ex.code == 0);
    CHECK(ex.out.find("lovgrundlag") != std::string::npos);
    auto en = run_cli({"--lang", "en", "explain", "goal-2012-3"});
    CHECK(en.code == 0);
    CHECK(en.out.find("Young people must be in education or work") != std::string::npos);
    CHECK(run_cli({"explain", "goal-2012-3"}).out.find("Unge skal i uddannelse eller job") != std::string::npos);
    CHECK(run_cli({"explain", "no-such-thing"}).code == 2);
}

TEST_CASE("plantjek check: -o is a folder by its path, not by the number of plans", "[check][cli][batch]") {
    TempDir dir;
    namespace fs = std::filesystem;
    const std::string a = corpus("docx/2012-aarhus-complete.docx"), b = corpus("docx/2012-vejle-targets-inconsistent.docx");
    // Two plans, a file path: one JSON array in that file.
    const std::string file = (dir.path / "begge.json").string();
    auto two = run_cli({"check", "--no-spelling", "-f", "json", "-o", file, a, b});
    CHECK(two.code != 2);
    REQUIRE(fs::is_regular_file(file));
    auto j = nlohmann::json::parse(plantjek::test::slurp(file));
    CHECK(j.is_array());
    CHECK(j.size() == 2);
    // One plan, an existing folder: the report goes into it.
    fs::create_directories(dir.path / "mappe");
    auto one = run_cli({"check", "--no-spelling", "-f", "json", "-o", (dir.path / "mappe").string(), a});
    CHECK(one.code != 2);
    CHECK(fs::exists(dir.path / "mappe" / (fs::path(a).filename().string() + ".json")));
    // Several formats and a path that is not a folder: a usage error that says how.
    auto formats = run_cli({"check", "--no-spelling", "-f", "json,html", "-o", (dir.path / "ny").string(), a});
    CHECK(formats.code == 2);
    CHECK(formats.err.find("mappe") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "ny"));
}

TEST_CASE("plantjek check: a folder points to scan, a missing file names its near matches", "[check][cli]") {
    const std::string folder = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/corpus/txt";
    auto f = run_cli({"check", folder});
    CHECK(f.code == 2);
    CHECK(f.err.find("plantjek scan " + folder) != std::string::npos);
    auto typo = run_cli({"check", folder + "/2012-aarhus-complet.txt"});
    CHECK(typo.code == 2);
    CHECK(typo.err.find("findes ikke") != std::string::npos);
    CHECK(typo.err.find("mente du " + folder + "/2012-aarhus-complete.txt?") != std::string::npos);
    CHECK(typo.out.empty());
    auto en = run_cli({"--lang", "en", "check", folder + "/2012-aarhus-complet.txt"});
    CHECK(en.err.find("did you mean") != std::string::npos);
    auto fmt = run_cli({"check", "-f", "jsn", folder + "/2012-aarhus-complete.txt"});
    CHECK(fmt.code == 2);
    CHECK(fmt.err.find("mente du json?") != std::string::npos);
    auto prof = run_cli({"check", "--profile", "2012-2105", folder + "/2012-aarhus-complete.txt"});
    CHECK(prof.code == 2);
    CHECK(prof.err.find("mente du 2012-2015?") != std::string::npos);
}

TEST_CASE("check: a committee's decision is not a plan, a plan with chapters of its own is checked", "[check][not-a-plan]") {
    Report decision = check_text(
        "Beskæftigelsesudvalget\n\nPunkt 5. Beskæftigelsesplan 2014\n\n"
        "Beslutning: Udvalget godkender udkastet til Beskæftigelsesplan 2014. Beskæftigelsesplanen sendes i høring "
        "i Det Lokale Beskæftigelsesråd og hos Regionen.\n");
    CHECK(decision.status == Status::not_a_plan);
    CHECK(decision.requirements.empty());
    CHECK(fails(decision, FailOn::error));

    Report plan = check_text(
        "Beskæftigelsesplan 2012\n\nJobcenter Kolding\n\n"
        "Beskæftigelsesudvalget indstiller planen til godkendelse i Byrådet.\n\n"
        "1. Det vil vi nå\n\nMinisterens mål for 2012 er vores udgangspunkt. Antallet af personer i "
        "arbejdskraftreserven skal begrænses til 1.610 personer i december 2012.\n\n"
        "2. Sådan hjælper vi de ledige\n\nDen borgerrettede indsats bygger på tidlige samtaler.\n\n"
        "3. Sammen med virksomhederne\n\nDen virksomhedsrettede indsats samles i ét team.\n");
    CHECK(plan.status != Status::not_a_plan);
    CHECK_FALSE(plan.requirements.empty());
}

TEST_CASE("check: a change-only target is filled, and the text report shows its change", "[check][targets]") {
    TempDir dir;
    std::string path = dir.write(
        "plan.txt",
        "Beskæftigelsesplan 2012\n\nJobcenter Kolding\n\n1. Ministerens mål for 2012\n\n"
        "Ledige skal hurtigt tilbage i job – langtidsledigheden skal bekæmpes. Antallet af personer i "
        "arbejdskraftreserven skal nedbringes med 2 pct. fra december 2011 til december 2012.\n");
    auto json = run_cli({"check", "--no-spelling", "-f", "json", path});
    auto j = nlohmann::json::parse(json.out);
    bool seen = false;
    for (const auto& g : j["goals"])
        if (g["id"] == "goal-2012-1") {
            REQUIRE(g["targets"].size() == 1);
            CHECK(g["targets"][0]["filled"] == true);
            CHECK(g["targets"][0]["change_pct"] == -2.0);
            seen = true;
        }
    CHECK(seen);
    auto text = run_cli({"check", "--no-spelling", path});
    CHECK(text.out.find("→ \u2212" "2 pct., december 2012") != std::string::npos);
    CHECK(text.out.find("ikke udfyldt") == std::string::npos);
}

TEST_CASE("check: the 2010 summary-of-goals annex is recommended: its absence is a warning that says so", "[check][annex][law]") {
    const std::string odense = corpus_text("2010-odense-complete.txt");
    CHECK(must(check_text(odense), "annex-goal-overview").status == ReqStatus::pass);
    Report without = check_text(cut(odense, "Tillæg nr. 1 Oversigt over mål", "Tillæg nr. 2a"));
    const RequirementResult& a = must(without, "annex-goal-overview");
    CHECK(a.status == ReqStatus::warn);
    CHECK(a.message.da.find("anbefale") != std::string::npos);
    CHECK(a.legal_basis.find("anbefalet") != std::string::npos);
}

TEST_CASE("check: 2016-2024 goals are guiding: one goal left out is a warning, two an error", "[check][goals][law]") {
    const std::string hjoerring = corpus_text("2020-hjoerring-complete.txt");
    CHECK(must(check_text(hjoerring), "minister-goals").status == ReqStatus::pass);

    // Goal 3 (handicap) left out: the plan still builds on the other two.
    const std::string no3 = cut(hjoerring, "2.3 Flere personer med handicap", "3. Vejledning");
    Report one = check_text(no3);
    const RequirementResult& g1 = must(one, "minister-goals");
    CHECK(g1.status == ReqStatus::warn);
    CHECK(g1.severity == Severity::warning);
    CHECK(g1.message.da.find("goal-2020-3") != std::string::npos);
    CHECK(one.status == Status::conformant);

    // Goals 1 and 3 left out: more than the one the profile tolerates.
    Report two = check_text(cut(no3, "2.1 Virksomhederne skal sikres", "2.2 Flere flygtninge"));
    CHECK(must(two, "minister-goals").status == ReqStatus::fail);
    CHECK(two.status == Status::nonconformant);
}

TEST_CASE("check: --stage draft: the budget's unfilled cells are a warning in no-placeholders too", "[check][stage]") {
    CheckOptions draft;
    draft.report.stage = Stage::draft;
    draft.report.stage_given = true;
    const std::string blank_budget = plan2012("xxx", "1.480");

    Report final_ = check_text(blank_budget);
    CHECK(must(final_, "budget").status == ReqStatus::fail);
    CHECK(must(final_, "no-placeholders").status == ReqStatus::fail);

    Report d = check_text(blank_budget, draft);
    CHECK(must(d, "budget").status == ReqStatus::warn);
    const RequirementResult& p = must(d, "no-placeholders");
    CHECK(p.status == ReqStatus::warn);
    CHECK(p.severity == Severity::warning);
    for (const auto& f : d.findings)
        if (f.rule == "no-placeholders") CHECK(f.severity == Severity::warning);
    CHECK(d.status == Status::conformant);

    // A placeholder outside what a draft may lack stays an error.
    Report x = check_text(plan2012("xxx", "X"), draft);
    CHECK(must(x, "no-placeholders").status == ReqStatus::fail);
}

TEST_CASE("the plan's own adoption or revision date is read from its text", "[check][law][dates]") {
    const std::string from = "2018-01-01", to = "2019-12-31";
    CHECK(plan_adopted_or_revised("Vedtaget af byrådet den 26. marts 2019", from, to) == "2019-03-26");
    CHECK(plan_adopted_or_revised("Planen er revideret april 2019.", from, to) == "2019-04-01");
    CHECK(plan_adopted_or_revised("Godkendt i kommunalbestyrelsen 10.12.2018.", from, to) == "2018-12-10");
    CHECK(plan_adopted_or_revised("Vedtaget af Byrådet december 2018. Revideret af byrådet den 2. maj 2019.", from, to) ==
          "2019-05-02");
    // An earlier plan's date, and a date that is no adoption, are not the plan's.
    CHECK(plan_adopted_or_revised("Planen for 2017 blev vedtaget den 13. december 2016.", from, to).empty());
    CHECK(plan_adopted_or_revised("Dialogmødet holdes den 5. april 2019.", from, to).empty());
    CHECK(plan_adopted_or_revised("Vedtaget af byrådet.", from, to).empty());
}

TEST_CASE("check: repatriation 2019 binds plans adopted or revised from 1 March 2019, from 2020 every plan", "[check][law][repatriation]") {
    const std::string ringsted = corpus_text("2019-ringsted-pending-goal.txt");
    CHECK(must(check_text(ringsted), "repatriation").status == ReqStatus::pass);
    const std::string without = cut(ringsted, "Nyankomne flygtninge vejledes", "\n\n2.4");

    // No date stated: adopted by the 2019 deadline (31.12.2018), before the duty.
    const RequirementResult before = must(check_text(without), "repatriation");
    CHECK(before.status == ReqStatus::warn);
    CHECK(before.severity == Severity::warning);
    CHECK(before.message.da.find("2019-03-01") != std::string::npos);

    // Revised after 1 March 2019: the duty binds it.
    std::string revised = without;
    revised.insert(revised.find("\n\n1. Indledning"), "\nRevideret af byrådet den 26. marts 2019");
    const RequirementResult after = must(check_text(revised), "repatriation");
    CHECK(after.status == ReqStatus::fail);
    CHECK(after.message.da.find("2019-03-26") != std::string::npos);

    // 2020: an error, whatever the plan says of its date.
    const std::string hjoerring = corpus_text("2020-hjoerring-complete.txt");
    CHECK(must(check_text(cut(hjoerring, "3. Vejledning om repatriering", "4. Lokale mål")), "repatriation").status ==
          ReqStatus::fail);
}

TEST_CASE("check: a sentence that only announces or points to the repatriation section is no description", "[check][law][repatriation]") {
    const std::string hjoerring = corpus_text("2020-hjoerring-complete.txt");
    const std::string no_section = cut(hjoerring, "3. Vejledning om repatriering", "4. Lokale mål");
    auto with = [&](const std::string& sentence) {
        std::string t = no_section;
        return t.insert(t.find("4. Lokale mål"), sentence + "\n\n");
    };
    CHECK(must(check_text(with("Planen indeholder et afsnit om vejledning om repatriering.")), "repatriation").status ==
          ReqStatus::fail);
    CHECK(must(check_text(with("Se afsnit 5 om jobcentrets vejledning af flygtninge om repatriering.")), "repatriation")
              .status == ReqStatus::fail);
    // A heading with only a pointer under it names the subject but describes nothing.
    const RequirementResult pointer =
        must(check_text(with("3. Repatriering\n\nVejledningen om repatriering beskrives i bilag 2.")), "repatriation");
    CHECK(pointer.status == ReqStatus::fail);
    CHECK(pointer.message.da.find("nævner emnet") != std::string::npos);
    // How the guidance is given: a description, in the text or under a heading.
    CHECK(must(check_text(with("Flygtninge vejledes om repatriering ved den første samtale i jobcentret.")), "repatriation")
              .status == ReqStatus::pass);
}
