// The rule profiles (rules/profiles/*.yaml): they load, every example in them
// holds, every plan year 2008–2024 has exactly one profile with the right
// goals and deadlines, bad files are rejected with file:line, and the
// Danish-aware \b behaves.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "rules/matcher.h"
#include "rules/profile.h"
#include "rules/target_parse.h"

using namespace plantjek;
namespace fs = std::filesystem;

namespace {

const std::string kProfileDir = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/rules/profiles";

const std::vector<Profile>& profiles() {
    static const std::vector<Profile> ps = load_profiles(kProfileDir);
    return ps;
}

Pattern pat(const std::string& src) {
    std::string err;
    auto re = compile_pattern(src, &err);
    INFO(src << ": " << err);
    REQUIRE(re);
    return Pattern{src, re, 0};
}

bool matches(const std::string& src, const std::string& text) { return search(pat(src), text); }

// A temp dir with one file; removed at scope end.
struct TempFile {
    fs::path dir, path;
    TempFile(const std::string& name, const std::string& text) {
        dir = fs::temp_directory_path() /
              ("plantjek-profiles-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::create_directories(dir);
        path = dir / name;
        std::ofstream(path) << text;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

// A minimal valid profile for one year; tests break one thing in it.
std::string minimal_profile(const std::string& requirement_extra = "", const std::string& severity = "error",
                            const std::string& legal = "    legal_basis: 'bek. test § 1'\n",
                            const std::string& pattern = "'\\bbudget'") {
    return "id: p\n"                                                       // 1
           "title: {da: 'Test', en: 'Test'}\n"                             // 2
           "years: [2030, 2030]\n"                                         // 3
           "legal_basis: 'bek. test'\n"                                    // 4
           "requirements:\n"                                               // 5
           "  - id: budget\n"                                              // 6
           "    kind: section\n"                                           // 7
           "    title: {da: 'Budget', en: 'Budget'}\n"                     // 8
           "    message: {da: 'Mangler', en: 'Missing'}\n" +               // 9
           legal +                                                         // 10
           "    severity: " + severity + "\n" +                            // 11
           "    heading: [" + pattern + "]\n" +                            // 12
           requirement_extra +                                             // 13…
           "    examples: {heading: {match: ['Budget 2030'], no_match: ['Mål']}}\n"
           "goals:\n"
           "  2030:\n"
           "    - number: 1\n"
           "      title: {da: 'Mål', en: 'Goal'}\n"
           "      patterns: ['\\bmål']\n"
           "      examples: {match: ['Mål 1'], no_match: ['Budget']}\n"
           "deadlines:\n"
           "  2030:\n"
           "    - {what: adoption, date: '2029-12-31', label: {da: 'Vedtagelse', en: 'Adoption'}}\n";
}

// minimal_profile() with the first `from` replaced by `to`.
std::string minimal_with(const std::string& from, const std::string& to) {
    std::string t = minimal_profile();
    t.replace(t.find(from), from.size(), to);
    return t;
}

void expect_error(const std::string& text, int line, const std::string& fragment) {
    TempFile f("p.yaml", text);
    try {
        load_profile(f.path.string());
        FAIL("no ProfileError for: " << fragment);
    } catch (const ProfileError& e) {
        INFO(e.what());
        CHECK(e.file == f.path.string());
        CHECK(e.line == line);
        CHECK(std::string(e.what()).find(f.path.string() + ":" + std::to_string(line) + ": ") == 0);
        CHECK(e.detail.find(fragment) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("every profile loads", "[profiles]") {
    REQUIRE_NOTHROW(profiles());
    CHECK(profiles().size() == 4);
}

TEST_CASE("every example of every profile holds", "[profiles][examples]") {
    int total = 0;
    for (const auto& p : profiles()) {
        int n = 0;
        auto fails = check_examples(p, &n);
        total += n;
        INFO(p.id << ": " << n << " examples");
        for (const auto& f : fails) FAIL_CHECK(f);
        CHECK(n > 50);
    }
    WARN("examples run: " << total);
}

TEST_CASE("every plan year 2008-2024 has exactly one profile", "[profiles]") {
    for (int y = 2008; y <= 2024; ++y) {
        int n = 0;
        for (const auto& p : profiles())
            if (y >= p.first_year && y <= p.last_year) ++n;
        INFO("plan year " << y);
        CHECK(n == 1);
        CHECK(profile_for_year(profiles(), y) != nullptr);
    }
    CHECK(profile_for_year(profiles(), 2007) == nullptr);
    CHECK(profile_for_year(profiles(), 2025) == nullptr);
}

TEST_CASE("goal counts per plan year follow DOMAIN.md", "[profiles][goals]") {
    const std::map<int, int> expected = {{2008, 3}, {2009, 3}, {2010, 3}, {2011, 4}, {2012, 4}, {2013, 4},
                                         {2014, 4}, {2015, 4}, {2016, 4}, {2017, 4}, {2018, 5}, {2019, 7},
                                         {2020, 3}, {2021, 5}, {2022, 5}, {2023, 5}, {2024, 5}};
    for (const auto& [year, n] : expected) {
        const Profile* p = profile_for_year(profiles(), year);
        REQUIRE(p);
        const auto& goals = p->goals_for(year);
        INFO("plan year " << year);
        CHECK(static_cast<int>(goals.size()) == n);
        for (size_t i = 0; i < goals.size(); ++i) {
            CHECK(goals[i].number == static_cast<int>(i) + 1);
            CHECK(goals[i].id == "goal-" + std::to_string(year) + "-" + std::to_string(i + 1));
            CHECK(!goals[i].title.da.empty());
            CHECK(!goals[i].title.en.empty());
            CHECK(goals[i].pending == (year == 2019 && i == 6));
        }
    }
    // The ministry prescribed target-sentence shapes for 2010 and 2012.
    for (int year : {2010, 2012})
        for (const auto& g : profile_for_year(profiles(), year)->goals_for(year)) {
            INFO(g.id);
            CHECK(!g.target_shapes.empty());
        }
}

TEST_CASE("requirement ids are canonical and kinds known", "[profiles]") {
    const auto& canon = canonical_requirement_ids();
    CHECK(canon.size() == 13);
    for (const auto& p : profiles())
        for (const auto& r : p.requirements) {
            INFO(p.id << ": " << r.id);
            CHECK(std::find(canon.begin(), canon.end(), r.id) != canon.end());
            CHECK(!r.legal_basis.empty());
            CHECK(!r.title.da.empty());
            CHECK(!r.title.en.empty());
            CHECK(!r.message.da.empty());
            CHECK(!r.message.en.empty());
        }
}

TEST_CASE("each regime requires what DOMAIN.md says", "[profiles]") {
    auto ids = [](int year) {
        std::set<std::string> s;
        for (const auto* r : profile_for_year(profiles(), year)->requirements_for(year)) s.insert(r->id);
        return s;
    };
    const std::set<std::string> six = {"minister-goals", "challenges", "citizen-strategy",
                                       "company-strategy", "other-actors", "budget"};
    for (int y : {2008, 2009, 2010}) {
        auto s = ids(y);
        for (const auto& id : six) CHECK(s.count(id));
        CHECK(s.count("annex-lbr-plan"));
        CHECK(s.count("annex-jobconsultants"));
        const Requirement* jk = profile_for_year(profiles(), y)->requirement("annex-jobconsultants", y);
        REQUIRE(jk);
        CHECK(jk->only_kommuner.size() >= 15);
        CHECK(std::find(jk->only_kommuner.begin(), jk->only_kommuner.end(), "Helsingør") != jk->only_kommuner.end());
        CHECK(jk->severity == Severity::error);
        CHECK(!ids(y).count("repatriation"));
        // The summary of goals was recommended (the 2010 template: the
        // ministry "anbefaler" Tillæg 1), never required.
        const Requirement* sum = profile_for_year(profiles(), y)->requirement("annex-goal-overview", y);
        REQUIRE(sum);
        CHECK(sum->severity == Severity::warning);
        CHECK(sum->message.da.find("anbefale") != std::string::npos);
    }
    {
        const Profile* p = profile_for_year(profiles(), 2011);
        REQUIRE(p);
        const Requirement* oa = p->requirement("other-actors", 2011);
        REQUIRE(oa);
        CHECK(oa->severity == Severity::warning);
        REQUIRE(p->requirement("budget", 2011));
        CHECK(p->requirement("budget", 2011)->severity == Severity::error);
    }
    for (int y = 2012; y <= 2015; ++y) {
        auto s = ids(y);
        CHECK(!s.count("other-actors"));
        for (const auto& id : {"minister-goals", "challenges", "citizen-strategy", "company-strategy", "budget",
                               "annex-goal-overview", "annex-lbr-plan", "no-placeholders", "targets-consistent"})
            CHECK(s.count(id));
        const Requirement* jk = profile_for_year(profiles(), y)->requirement("annex-jobconsultants", y);
        REQUIRE(jk);
        CHECK_FALSE(jk->required);
    }
    for (int y = 2016; y <= 2024; ++y) {
        auto s = ids(y);
        INFO("plan year " << y);
        CHECK(s.count("minister-goals"));
        CHECK(!s.count("budget"));
        CHECK(!s.count("challenges"));
        CHECK(s.count("repatriation") == (y >= 2019 ? 1u : 0u));
    }
    // The bekendtgørelse of 16.12.2013 governs from plan year 2015: 2014
    // plans were adopted by 15 October 2013, before it existed.
    for (const auto* r : profile_for_year(profiles(), 2014)->requirements_for(2014)) {
        INFO(r->id << ": " << r->legal_basis);
        CHECK(r->legal_basis.find("fra 2014") == std::string::npos);
        if (r->legal_basis.find("16.12.2013") != std::string::npos) CHECK(r->legal_basis.find("fra 2015") != std::string::npos);
    }
    // Budget and LBR's plan may be inserted just before publication.
    for (int y : {2010, 2012}) {
        const Requirement* b = profile_for_year(profiles(), y)->requirement("budget", y);
        REQUIRE(b);
        CHECK(b->draft_may_lack);
        CHECK(b->due == "publication");
    }
}

TEST_CASE("each heading of a real 2012 plan finds exactly its requirement", "[profiles][headings]") {
    // The outline of corpus/src/2012-aarhus-complete.md: heading -> the one
    // requirement whose heading patterns should claim it ("" = none).
    const std::vector<std::pair<std::string, std::string>> outline = {
        {"Indledning", ""},
        {"Lovgrundlag", ""},
        {"Beskæftigelsesministerens mål for 2012", "minister-goals"},
        {"Ledige skal hurtigt tilbage i job – Langtidsledigheden skal bekæmpes", ""},
        {"De vigtigste beskæftigelsespolitiske udfordringer", "challenges"},
        {"Strategi og mål for den borgerrettede indsats", "citizen-strategy"},
        {"Unge", ""},
        {"Borgere på kanten af arbejdsmarkedet", ""},
        {"Strategi og mål for den virksomhedsrettede indsats", "company-strategy"},
        {"Budget for beskæftigelsesindsatsen", "budget"},
        {"TILLÆG 1: MÅLOPFØLGNINGSSKEMA", "annex-goal-overview"},
        {"TILLÆG 2: LBR'S PLAN FOR SÆRLIGE VIRKSOMHEDSRETTEDE INITIATIVER", "annex-lbr-plan"},
    };
    const Profile* p = profile_for_year(profiles(), 2012);
    REQUIRE(p);
    for (const auto& [heading, want] : outline) {
        std::vector<std::string> got;
        for (const auto* r : p->requirements_for(2012))
            if (search_any(r->heading, heading)) got.push_back(r->id);
        INFO(heading);
        if (want.empty())
            CHECK(got.empty());
        else
            CHECK(got == std::vector<std::string>{want});
    }
    // A combined strategy heading satisfies both strategy requirements.
    std::string both = "Strategi og mål for den borger- og virksomhedsrettede indsats";
    CHECK(search_any(p->requirement("citizen-strategy", 2012)->heading, both));
    CHECK(search_any(p->requirement("company-strategy", 2012)->heading, both));
}

TEST_CASE("deadlines per plan year", "[profiles][deadlines]") {
    for (int y = 2008; y <= 2024; ++y) {
        const Profile* p = profile_for_year(profiles(), y);
        REQUIRE(p);
        const auto& ds = p->deadlines_for(y);
        INFO("plan year " << y);
        auto adoption = std::find_if(ds.begin(), ds.end(), [](const DeadlineRule& d) { return d.what == "adoption"; });
        REQUIRE(adoption != ds.end());
        // Adopted in the year before the plan year.
        CHECK(adoption->date.substr(0, 4) == std::to_string(y - 1));
        CHECK(adoption->date.substr(5) == (y >= 2016 ? "12-31" : "10-15"));
    }
    const auto& d2010 = profile_for_year(profiles(), 2010)->deadlines_for(2010);
    std::map<std::string, std::string> m;
    for (const auto& d : d2010) m[d.what] = d.date;
    CHECK(m["hearing"] == "2009-07-01");
    CHECK(m["remarks"] == "2009-08-31");
    CHECK(m["sending"] == "2009-10-31");
    CHECK(m["publication"] == "2010-01-10");
    CHECK(!m.count("approval"));  // from 1 Aug 2009 the kommune alone
    // 2008 and 2009: joint state–municipal jobcentres. LBR is heard before
    // adoption, and the state side approves the plan too.
    for (int y : {2008, 2009}) {
        INFO("plan year " << y);
        std::map<std::string, const DeadlineRule*> d;
        for (const auto& x : profile_for_year(profiles(), y)->deadlines_for(y)) d[x.what] = &x;
        REQUIRE(d.count("hearing"));
        REQUIRE(d.count("adoption"));
        REQUIRE(d.count("approval"));
        CHECK(d["hearing"]->date <= d["adoption"]->date);
        CHECK(d["hearing"]->label.da.find("LBR") != std::string::npos);
        CHECK(d["approval"]->date == d["adoption"]->date);
        CHECK(d["approval"]->label.da.find("statslige") != std::string::npos);
    }
}

TEST_CASE("target shapes extract value, unit, deadline and change", "[profiles][targets]") {
    const Profile* p = profile_for_year(profiles(), 2012);
    const auto& shape = p->goals_for(2012).at(0).target_shapes.at(0);
    std::map<std::string, std::string> g;
    MatchSpan m;
    REQUIRE(search_groups(shape.pattern,
                          "Antallet skal begrænses til 6.150 personer (personer i ledighed og aktivering) i "
                          "december 2012, svt. et fald på 4 pct. fra december 2010 til december 2012.",
                          &m, &g));
    CHECK(g["value"] == "6.150");
    CHECK(g["unit"] == "personer");
    CHECK(g["month"] == "december");
    CHECK(g["year"] == "2012");
    CHECK(g["direction"] == "fald");
    CHECK(g["change"] == "4");
    REQUIRE(search_groups(shape.pattern,
                          "skal begrænses til X personer i december 2012, svt. en stigning/et fald på X pct.", &m, &g));
    CHECK(g["value"] == "X");
    CHECK(g["direction"] == "stigning/et fald");
    CHECK(g["change"] == "X");

    const Profile* p10 = profile_for_year(profiles(), 2010);
    const auto& sick = p10->goals_for(2010).at(1);
    bool found = false;
    for (const auto& s : sick.target_shapes)
        if (search_groups(s.pattern, "Antallet af sygedagpengeforløb over 26 uger nedbringes med 5 procent til 640 forløb i december 2010.", &m, &g)) {
            found = true;
            CHECK(g["value"] == "640");
            CHECK(g["unit"] == "forløb");
            CHECK(g["change"] == "5");
            CHECK(g["year"] == "2010");
        }
    CHECK(found);
}

TEST_CASE("Danish-aware \\b", "[matcher]") {
    // RE2's own \b is ASCII-only: it finds 'ål' inside 'mål' and misses 'æble'.
    CHECK(RE2::PartialMatch("mål", "\\bål\\b"));
    CHECK_FALSE(RE2::PartialMatch("æble", "(?i)\\bæble\\b"));
    // Ours is not.
    CHECK_FALSE(matches("\\bål\\b", "mål"));
    CHECK(matches("\\bål\\b", "en ål i åen"));
    CHECK(matches("\\bæble\\b", "æble"));
    CHECK(matches("\\bæble\\b", "et æble."));
    CHECK_FALSE(matches("\\bæble\\b", "æblet"));
    CHECK_FALSE(matches("\\bæble\\b", "bæble"));
    CHECK(matches("\\bmål\\b", "Ministerens mål."));
    CHECK_FALSE(matches("\\bmål\\b", "målene"));
    CHECK_FALSE(matches("\\bmål\\b", "delmålø"));
    CHECK(matches("\\bø\\b", "ø"));
    CHECK_FALSE(matches("\\bø\\b", "øø"));
    CHECK(matches("\\bårhus\\b", "(Århus)"));
    CHECK_FALSE(matches("\\bhus\\b", "Århus"));
    CHECK_FALSE(matches("\\bhus\\b", "Aarhus"));
    CHECK(matches("\\bkøge\\b", "Køge, Greve"));
    CHECK_FALSE(matches("\\bkøge\\b", "Køgebugt"));
    // Case folds Æ Ø Å.
    CHECK(matches("\\bæøå\\b", "ÆØÅ"));
    CHECK(matches("\\bÆØÅ\\b", "æøå"));
    CHECK(matches("\\bé\\b", "É"));
    // Inside alternatives and groups at the edges.
    CHECK(matches("\\b(?:andre aktører|anden aktør)\\b", "Inddragelse af andre aktører."));
    CHECK_FALSE(matches("\\b(?:andre aktører|anden aktør)\\b", "andre aktørers"));
    CHECK(matches("(?:\\bø\\b|\\bå\\b)", "en å"));
    CHECK_FALSE(matches("(?:\\bø\\b|\\bå\\b)", "bådø"));
}

TEST_CASE("the match span leaves out boundary characters", "[matcher]") {
    Pattern p = pat("\\bmål\\b");
    MatchSpan m;
    std::string text = "Ministerens mål, og flere mål";
    REQUIRE(search(p, text, &m));
    CHECK(m.text == "mål");
    CHECK(m.begin == text.find("mål"));
    // Adjacent matches share one separator: both are found.
    auto all = find_all(p, "mål mål mål");
    REQUIRE(all.size() == 3);
    CHECK(all[0].begin == 0);
    CHECK(all[1].begin == 5);
    CHECK(all[2].begin == 10);
    for (const auto& a : all) CHECK(a.text == "mål");
    // ^ means the start of the text, not the start of the search.
    CHECK(find_all(pat("\\bål"), "ål").size() == 1);
    CHECK(find_all(pat("\\bål"), "mål").empty());
    CHECK(find_all(pat("\\bål"), "ål ål").size() == 2);
}

TEST_CASE("misplaced \\b and ASCII-only classes are rejected", "[matcher]") {
    std::string err;
    CHECK_FALSE(compile_pattern("mål\\b\\s+for", &err));
    CHECK(err.find("middle") != std::string::npos);
    CHECK_FALSE(compile_pattern("foo (?:\\bbar)", &err));
    CHECK_FALSE(compile_pattern("(?:\\bfoo\\b|bar)baz", &err));
    CHECK_FALSE(compile_pattern("\\w+", &err));
    CHECK(err.find("ASCII") != std::string::npos);
    CHECK_FALSE(compile_pattern("\\Bx", &err));
    CHECK_FALSE(compile_pattern("[[:alpha:]]+", &err));
    CHECK_FALSE(compile_pattern("[\\b]", &err));
    CHECK_FALSE(compile_pattern("(unclosed", &err));
    CHECK(compile_pattern("\\\\b", &err));  // an escaped backslash followed by b is not a boundary
    CHECK(compile_pattern("(?i)\\bfoo\\b", &err));
    CHECK(compile_pattern("^\\bfoo\\b$", &err));
}

TEST_CASE("a pattern source is compiled once and shared, a bad one fails every time", "[matcher]") {
    std::string err;
    auto a = compile_pattern("\\bmålgruppe(?:n|rne)?\\b", &err);
    auto b = compile_pattern("\\bmålgruppe(?:n|rne)?\\b", &err);
    REQUIRE(a);
    CHECK(a.get() == b.get());
    auto c = compile_pattern("\\bmålgrupper\\b", &err);
    REQUIRE(c);
    CHECK(c.get() != a.get());
    MatchSpan m;
    CHECK(search(*b, "for målgruppen i år", &m));
    CHECK(m.text == "målgruppen");
    for (int i = 0; i < 2; ++i) {
        err.clear();
        CHECK_FALSE(compile_pattern("(unclosed målgruppe", &err));
        CHECK_FALSE(err.empty());
    }
}

TEST_CASE("bad profile files give ProfileError with file and line", "[profiles][errors]") {
    SECTION("valid minimal profile loads") {
        TempFile f("p.yaml", minimal_profile());
        Profile p = load_profile(f.path.string());
        CHECK(p.requirements.size() == 1);
        CHECK(check_examples(p).empty());
    }
    SECTION("unknown key") {
        expect_error(minimal_profile("    heding: ['x']\n"), 13, "requirement 'budget': unknown key 'heding'");
    }
    SECTION("bad regex: RE2's error text") {
        expect_error(minimal_profile("", "error", "    legal_basis: 'bek. test § 1'\n", "'budget(('"), 12,
                     "missing )");
        expect_error(minimal_profile("", "error", "    legal_basis: 'bek. test § 1'\n", "'budget[a-'"), 12,
                     "bad pattern");
    }
    SECTION("missing legal basis") {
        expect_error(minimal_profile("", "error", ""), 6, "missing key 'legal_basis'");
    }
    SECTION("missing_goals_warning belongs to the goals kind") {
        expect_error(minimal_profile("    missing_goals_warning: 1\n"), 13, "only goes with kind 'goals'");
    }
    SECTION("effective goes with severity_before, as an ISO date") {
        expect_error(minimal_profile("    effective: '2030-03-01'\n"), 13, "needs 'severity_before'");
        expect_error(minimal_profile("    severity_before: warning\n"), 13, "needs 'effective'");
        expect_error(minimal_profile("    effective: '1.3.2030'\n    severity_before: warning\n"), 13, "YYYY-MM-DD");
        TempFile f("p.yaml", minimal_profile("    effective: '2030-03-01'\n    severity_before: info\n"));
        const Requirement r = load_profile(f.path.string()).requirements.at(0);
        CHECK(r.effective == "2030-03-01");
        CHECK(r.severity_before == Severity::info);
    }
    SECTION("approval is a deadline; a made-up one is not") {
        TempFile f("p.yaml", minimal_with("{what: adoption,", "{what: approval,"));
        CHECK(load_profile(f.path.string()).deadlines_for(2030).at(0).what == "approval");
        expect_error(minimal_with("{what: adoption,", "{what: signing,"), 22, "unknown deadline 'signing'");
    }
    SECTION("bad severity") {
        expect_error(minimal_profile("", "fatal"), 11, "severity must be error, warning or info, not 'fatal'");
    }
    SECTION("YAML syntax error") {
        expect_error(minimal_profile("    body: ['x'\n"), 14, "YAML syntax error");
    }
    SECTION("double-quoted \\b is a backspace") {
        expect_error(minimal_profile("", "error", "    legal_basis: 'bek. test § 1'\n", "\"\\bbudget\""), 12,
                     "single quotes");
    }
    SECTION("not a canonical id") {
        expect_error(minimal_with("- id: budget", "- id: budgett"), 6, "not a canonical requirement id");
    }
    SECTION("patterns without examples") {
        expect_error(minimal_profile("    terms: ['\\bkr']\n"), 6, "need examples");
    }
    // Rules are data: a pattern family the kind never reads is dead data.
    SECTION("a family the kind does not read") {
        expect_error(minimal_profile("    body: ['\\bkr']\n"), 13, "kind 'section' does not read 'body' patterns");
        expect_error(minimal_profile("    unfilled: ['xx']\n"), 13, "does not read 'unfilled'");
    }
    SECTION("a family the kind needs") {
        expect_error(minimal_with("kind: section", "kind: budget"), 6, "kind 'budget' needs 'body' patterns");
    }
    SECTION("examples for a family that is not there") {
        expect_error(minimal_with("examples: {heading:", "examples: {terms: {match: ['a'], no_match: ['b']}, heading:"), 13,
                     "examples for 'terms' but no such patterns");
    }
    SECTION("min_terms without terms") {
        expect_error(minimal_profile("    min_terms: 2\n"), 13, "'min_terms' without 'terms'");
    }
    SECTION("placeholders that no requirement reads") {
        expect_error(minimal_profile() + "placeholders: {patterns: ['xxx'], examples: {match: ['xxx'], no_match: ['y']}}\n",
                     23, "no requirement of kind 'placeholders' reads them");
    }
    SECTION("target shapes that no requirement reads") {
        expect_error(minimal_with("      examples: {match: ['Mål 1']",
                                  "      target_shapes: [{pattern: '(?P<value>[0-9]+) personer', examples: {match: ['5 personer'], "
                                  "no_match: ['fem']}}]\n      examples: {match: ['Mål 1']"),
                     16, "no requirement of kind 'targets' reads them");
    }
}

TEST_CASE("a --rules file adds a region's own requirements", "[profiles][rules]") {
    Profile p = load_profile(kProfileDir + "/2012-2015.yaml");
    size_t before = p.requirements.size();
    TempFile f("region.yaml",
               "requirements:\n"
               "  - id: regional-dialogue\n"
               "    kind: section\n"
               "    title: {da: 'Dialog med regionen', en: 'Dialogue with the region'}\n"
               "    message: {da: 'Mangler', en: 'Missing'}\n"
               "    legal_basis: 'Regionens målsætningsnotat'\n"
               "    severity: warning\n"
               "    heading: ['\\bdialog(?:møde)? med regionen']\n"
               "    examples: {heading: {match: ['Dialogmøde med regionen'], no_match: ['Budget']}}\n");
    add_rules_file(p, f.path.string());
    CHECK(p.requirements.size() == before + 1);
    CHECK(p.requirements.back().file == f.path.string());
    CHECK(p.source_files.back() == f.path.string());
    CHECK(check_examples(p).empty());

    TempFile dup("dup.yaml",
                 "requirements:\n"
                 "  - id: budget\n"
                 "    kind: section\n"
                 "    title: {da: 'B', en: 'B'}\n"
                 "    message: {da: 'B', en: 'B'}\n"
                 "    legal_basis: 'x'\n"
                 "    severity: error\n"
                 "    heading: ['\\bbudget']\n"
                 "    examples: {heading: {match: ['Budget'], no_match: ['Mål']}}\n");
    try {
        add_rules_file(p, dup.path.string());
        FAIL("duplicate id accepted");
    } catch (const ProfileError& e) {
        CHECK(e.line == 2);
        CHECK(e.detail.find("already defined") != std::string::npos);
    }
}

TEST_CASE("a profile extends another: requirements inherited by id, fields replaced", "[profiles][extends]") {
    TempFile base("p.yaml", minimal_profile());
    auto child_text = [](const std::string& extends, const std::string& entry) {
        return "id: child\n"
               "title: {da: 'Barn', en: 'Child'}\n"
               "years: [2031, 2031]\n"
               "legal_basis: 'bek. barn'\n"
               "extends: " + extends + "\n"
               "requirements:\n" + entry +
               "goals:\n"
               "  2031:\n"
               "    - {number: 1, title: {da: 'Mål', en: 'Goal'}, patterns: ['\\bmål'], examples: {match: ['Mål'], no_match: ['x']}}\n"
               "deadlines:\n"
               "  2031:\n"
               "    - {what: adoption, date: '2030-12-31', label: {da: 'Vedtagelse', en: 'Adoption'}}\n";
    };
    const fs::path child = base.dir / "child.yaml";
    SECTION("an entry without kind takes the base's requirement, with the fields it gives") {
        std::ofstream(child) << child_text("p", "  - {id: budget, legal_basis: 'bek. barn § 2', severity: warning}\n");
        Profile p = load_profile(child.string());
        CHECK(p.extends == "p");
        REQUIRE(p.requirements.size() == 1);
        const Requirement& r = p.requirements.front();
        CHECK(r.legal_basis == "bek. barn § 2");
        CHECK(r.severity == Severity::warning);
        CHECK(r.kind == "section");
        REQUIRE(r.heading.size() == 1);
        CHECK(r.heading.front().source == "\\bbudget");
        CHECK(r.file == base.path.string());  // its patterns and examples stand in the base
        CHECK(check_examples(p).empty());
        // The base is part of what the profile is made of (scan's profile_version follows it).
        REQUIRE(p.source_files.size() == 2);
        CHECK(p.source_files[0] == child.string());
        CHECK(p.source_files[1] == base.path.string());
    }
    SECTION("the same text from memory finds its base beside its name") {
        Profile p = load_profile_from_string(child_text("p", "  - {id: budget}\n"), child.string());
        CHECK(p.requirements.front().legal_basis == "bek. test § 1");
    }
    SECTION("errors name the child's file and line") {
        std::ofstream(child) << child_text("p", "  - {id: challenges}\n");
        CHECK_THROWS_WITH(load_profile(child.string()), Catch::Contains("child.yaml:7") && Catch::Contains("no requirement 'challenges' in the base profile 'p'"));
        std::ofstream(child) << child_text("nowhere", "  - {id: budget}\n");
        CHECK_THROWS_WITH(load_profile(child.string()), Catch::Contains("child.yaml:5") && Catch::Contains("no profile"));
        std::ofstream(child) << child_text("child", "  - {id: budget}\n");
        CHECK_THROWS_WITH(load_profile(child.string()), Catch::Contains("cannot extend itself"));
        std::ofstream(child) << child_text("../p", "  - {id: budget}\n");
        CHECK_THROWS_WITH(load_profile(child.string()), Catch::Contains("names a profile id"));
        std::ofstream(child) << child_text("p", "  - {id: budget, heading: ['x']}\n");
        CHECK_THROWS_WITH(load_profile(child.string()), Catch::Contains("unknown key 'heading'"));
    }
}

TEST_CASE("a target sentence's value is the number it fixes, not a definition's percentage", "[profiles][targets]") {
    auto t = parse_target_sentence(
        "Antallet af personer, der har været på offentlig forsørgelse mindst 80 pct. af tiden, skal begrænses til "
        "1.200 personer i december 2013.",
        false);
    REQUIRE(t);
    REQUIRE(t->value);
    CHECK(*t->value == Approx(1200));
    CHECK(t->unit == "personer");
    CHECK(t->deadline == "december 2013");
    // Without "til", the first quantity that is not a change stays the value.
    auto u = parse_target_sentence("Målet er, at 45 pct. af de unge er i uddannelse i december 2013, et fald på 2 pct.",
                                   false);
    REQUIRE(u);
    REQUIRE(u->value);
    CHECK(*u->value == Approx(45));
    REQUIRE(u->change_pct);
    CHECK(*u->change_pct == Approx(-2));
    // From a baseline to a target: the target.
    auto v = parse_target_sentence("Ledigheden skal falde fra 1.400 personer til 1.250 personer i december 2014.", false);
    REQUIRE(v);
    REQUIRE(v->value);
    CHECK(*v->value == Approx(1250));
}
