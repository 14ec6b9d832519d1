// The researchers' database (docs/database.md): the views and every
// ready-made query of the docs, run against a database scanned from the
// corpus (each plan as DOCX and as PDF), with the answers computed here from
// the corpus gold files — never from the queries' own output.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "cli/store.h"
#include "corpus_support.h"
#include "extractor/data_dir.h"
#include "research_support.h"
#include "rules/profile.h"
#include "run_cli.h"

#include <nlohmann/json.hpp>

using namespace plantjek;
using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

// One kommune's plan of one year, as the gold files say, for the DOCX file
// (the group's first: corpus/docx sorts before corpus/pdf).
struct Unit {
    std::string kommune, regime;
    int year = 0;
    const GoldPlan* gold = nullptr;
    std::map<std::string, std::string> requirements;  // gold, with the known misses of the DOCX file applied
};

std::vector<Unit> gold_units(const std::vector<GoldPlan>& plans) {
    // "<id>.docx <requirement>: gold <a>, got <b>" — the tool's known result.
    std::map<std::string, std::map<std::string, std::string>> got;
    std::regex miss(R"(^(\S+)\.docx ([a-z-]+): gold \S+, got (\S+)$)");
    for (const auto& line : load_known_misses()) {
        std::smatch m;
        if (std::regex_match(line, m, miss)) got[m[1]][m[2]] = m[3];
    }
    std::vector<Unit> out;
    for (const auto& g : plans)
        if (g.kind == "plan" || g.kind == "draft")  // not "other": no plan, so in no per-kommune view
        for (const auto& k : g.municipalities)
            for (int y : g.years) {
                Unit u{k, g.regime, y, &g, g.requirements};
                for (const auto& [id, status] : got[g.id]) u.requirements[id] = status;
                out.push_back(u);
            }
    return out;
}

std::map<std::string, std::string> goal_themes() {
    std::map<std::string, std::string> m;
    for (const auto& p : load_profiles(data_dir() + "/rules/profiles"))
        for (const auto& [year, goals] : p.goals)
            for (const auto& g : goals) m[g.id] = g.theme;
    return m;
}

std::string pct(long long part, long long whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(1000.0 * part / whole) / 10.0);
    return buf;
}

// The requirement rows of a query as (year, requirement) → columns 2.. .
std::map<std::pair<std::string, std::string>, Row> by_year_req(const std::vector<Row>& rows) {
    std::map<std::pair<std::string, std::string>, Row> m;
    for (const auto& r : rows) m[{r[0], r[1]}] = Row(r.begin() + 2, r.end());
    return m;
}

void check_plans_and_duplicates(sqlite3* db, const std::vector<GoldPlan>& plans, const std::vector<Unit>& units) {
    // Plans of 2012, each once, under each kommune.
    std::vector<std::string> want;
    for (const auto& u : units)
        if (u.year == 2012) want.push_back(u.kommune);
    std::sort(want.begin(), want.end());
    auto rows = query_rows(db, doc_query("plans-of-year"));
    std::vector<std::string> got;
    for (const auto& r : rows) {
        got.push_back(r[0]);
        CHECK(r[5].find("/docx/") != std::string::npos);
    }
    CHECK(!want.empty());
    CHECK(got == want);
    // Every plan is in one group of two files (DOCX, PDF), told by kommune and year.
    auto dups = query_rows(db, doc_query("duplicates"));
    CHECK(dups.size() == static_cast<std::size_t>(std::count_if(plans.begin(), plans.end(), [](const GoldPlan& g) {
              return g.kind != "other";
          })));
    for (const auto& r : dups) CHECK(r[2] == "2");
    CHECK(query_rows(db, "SELECT DISTINCT duplicate_reason FROM plans WHERE duplicate_of IS NOT NULL") ==
          std::vector<Row>{{"kommune-year"}});
    // Plans per year and regime.
    std::map<std::pair<std::string, std::string>, int> regime;
    for (const auto& u : units) ++regime[{std::to_string(u.year), u.regime}];
    std::map<std::pair<std::string, std::string>, int> got_regime;
    for (const auto& r : query_rows(db, doc_query("plans-by-year-regime"))) got_regime[{r[0], r[1]}] = std::stoi(r[2]);
    CHECK(got_regime == regime);
}

void check_requirements(sqlite3* db, const std::vector<Unit>& units) {
    std::map<std::pair<std::string, std::string>, std::pair<long long, long long>> rate;  // plans, passed
    std::map<std::pair<int, std::string>, int> fails;
    for (const auto& u : units)
        for (const auto& [id, st] : u.requirements) {
            if (st == "fail") ++fails[{u.year, id}];
            if (st == "not-applicable") continue;
            auto& x = rate[{std::to_string(u.year), id}];
            ++x.first;
            x.second += st == "pass" || st == "waived";
        }
    auto got = by_year_req(query_rows(db, doc_query("pass-rate-by-year")));
    for (const auto& [key, x] : rate) {
        INFO(key.first << " " << key.second);
        REQUIRE(got.count(key) == 1);
        CHECK(got[key] == Row{std::to_string(x.first), std::to_string(x.second), pct(x.second, x.first)});
    }
    // The budget's pass rate by year and kommune.
    std::map<std::pair<std::string, std::string>, Row> budget;
    for (const auto& u : units) {
        auto it = u.requirements.find("budget");
        if (it == u.requirements.end() || it->second == "not-applicable") continue;
        bool pass = it->second == "pass";
        budget[{std::to_string(u.year), u.kommune}] = {"1", pass ? "1" : "0", pass ? "100.0" : "0.0"};
    }
    CHECK(by_year_req(query_rows(db, doc_query("pass-rate-by-year-kommune"))) == budget);
    // The requirement failing most often, per year.
    std::map<int, int> most;
    for (const auto& [key, n] : fails) most[key.first] = std::max(most[key.first], n);
    std::vector<Row> want;
    for (const auto& [key, n] : fails)
        if (n == most[key.first]) want.push_back({std::to_string(key.first), key.second, std::to_string(n)});
    CHECK(!want.empty());
    CHECK(query_rows(db, doc_query("most-failed-by-year")) == want);
}

void check_targets_and_leftovers(sqlite3* db, const std::vector<Unit>& units) {
    // "<id>.docx target <goal> <value> …: not read" — a target the tool misses.
    std::set<std::pair<std::string, std::string>> not_read;
    std::regex miss(R"(^(\S+)\.docx target (goal-\S+) .*: not read$)");
    for (const auto& line : load_known_misses()) {
        std::smatch m;
        if (std::regex_match(line, m, miss)) not_read.insert({m[1], m[2]});
    }
    const auto themes = goal_themes();
    std::multiset<std::tuple<std::string, int, std::string, double>> want;
    for (const auto& u : units)
        for (const auto& t : u.gold->targets)
            if (t.filled && t.value && themes.at(t.goal) == "long-term-unemployment" &&
                !not_read.count({u.gold->id, t.goal}))
                want.insert({u.kommune, u.year, t.goal, *t.value});
    std::multiset<std::tuple<std::string, int, std::string, double>> got;
    for (const auto& r : query_rows(db, doc_query("theme-targets"))) got.insert({r[0], std::stoi(r[1]), r[2], std::stod(r[3])});
    CHECK(want.size() >= 5);
    CHECK(got == want);

    // Direction changes from one of a kommune's plan years to the next, from
    // the sign of the gold change.
    std::map<std::tuple<std::string, std::string>, std::map<int, std::set<std::string>>> dirs;
    for (const auto& u : units)
        for (const auto& t : u.gold->targets)
            if (t.change_pct && *t.change_pct != 0)
                dirs[{u.kommune, themes.at(t.goal)}][u.year].insert(*t.change_pct < 0 ? "fald" : "stigning");
    std::vector<Row> changes;
    for (const auto& [key, years] : dirs)
        for (auto it = years.begin(); std::next(it) != years.end(); ++it)
            if (it->second != std::next(it)->second) changes.push_back({std::get<0>(key), std::to_string(std::next(it)->first)});
    std::vector<Row> got_changes;
    for (const auto& r : query_rows(db, doc_query("direction-changes"))) got_changes.push_back({r[0], r[4]});
    CHECK(got_changes == changes);

    // Share of plans with template leftovers, by year.
    std::map<int, std::pair<long long, long long>> left;
    for (const auto& u : units) {
        auto& x = left[u.year];
        ++x.first;
        x.second += !u.gold->placeholders.empty();
    }
    std::vector<Row> want_left;
    for (const auto& [y, x] : left)
        want_left.push_back({std::to_string(y), std::to_string(x.first), std::to_string(x.second), pct(x.second, x.first)});
    CHECK(query_rows(db, doc_query("leftovers-by-year")) == want_left);
}

}  // namespace

TEST_CASE("research database: the docs' queries on the corpus give the gold files' answers", "[research][slow]") {
    TempDir dir;
    const std::string db = (dir.path / "corpus.db").string();
    auto scan = run_cli({"-q", "scan", (corpus_dir() / "docx").string(), (corpus_dir() / "pdf").string(), "--db", db,
                         "--no-spelling", "--jobs", "2"});
    INFO(scan.out << scan.err);
    REQUIRE((scan.code == 0 || scan.code == 1));
    const auto plans = load_gold();
    const auto units = gold_units(plans);
    {
        Store s(db);
        check_plans_and_duplicates(s.handle(), plans, units);
        check_requirements(s.handle(), units);
        check_targets_and_leftovers(s.handle(), units);
    }
    // The same files by another path are the same documents.
    const long long before = std::stoll(query_rows(Store(db).handle(), "SELECT count(*) FROM documents")[0][0]);
    auto again = run_cli({"-q", "scan", (corpus_dir() / "docx" / ".." / "pdf").string(), "--db", db, "--no-spelling"});
    INFO(again.out << again.err);
    CHECK(again.out.find(" 0 kontrolleret") != std::string::npos);
    CHECK(std::stoll(query_rows(Store(db).handle(), "SELECT count(*) FROM documents")[0][0]) == before);
}

TEST_CASE("research database: the same content by two names counts once, a rescan by a link replaces", "[research]") {
    TempDir dir;
    fs::create_directories(dir.path / "a");
    const std::string plan = (corpus_dir() / "txt" / "2012-aarhus-complete.txt").string();
    fs::copy_file(plan, dir.path / "a" / "aarhus.txt");
    fs::copy_file(plan, dir.path / "a" / "kopi.txt");
    const std::string db = (dir.path / "p.db").string();
    auto r = run_cli({"-q", "scan", (dir.path / "a").string(), "--db", db, "--no-spelling"});
    INFO(r.out << r.err);
    Store s(db);
    CHECK(query_rows(s.handle(), "SELECT path LIKE '%kopi.txt', duplicate_reason FROM plans ORDER BY path") ==
          std::vector<Row>{{"0", "NULL"}, {"1", "content"}});
    CHECK(query_rows(s.handle(), "SELECT count(*) FROM unique_plan_kommune_years") == std::vector<Row>{{"1"}});
    // The folder by a symbolic link: the same two documents, checked again under the new paths.
    fs::create_directory_symlink(dir.path / "a", dir.path / "link");
    auto r2 = run_cli({"-q", "scan", (dir.path / "link").string(), "--db", db, "--no-spelling", "--force"});
    INFO(r2.out << r2.err);
    CHECK(query_rows(s.handle(), "SELECT count(*), count(DISTINCT canonical_path) FROM documents") ==
          std::vector<Row>{{"2", "2"}});
    CHECK(query_rows(s.handle(), "SELECT count(*) FROM documents WHERE path LIKE '%/link/%'") == std::vector<Row>{{"2"}});
}

TEST_CASE("export: a table or view as CSV and JSON Lines, an unknown one refused", "[research][export]") {
    TempDir dir;
    const std::string db = (dir.path / "p.db").string();
    auto scan = run_cli({"-q", "scan", (corpus_dir() / "txt" / "2011-ishoej-vallensbaek-joint.txt").string(),
                         (corpus_dir() / "txt" / "2012-aarhus-complete.txt").string(), "--db", db, "--no-spelling"});
    INFO(scan.err);
    std::vector<Row> want, cols;
    {
        Store s(db);
        want = query_rows(s.handle(), "SELECT * FROM unique_plan_kommune_years");
        for (const auto& r : query_rows(s.handle(), "SELECT name FROM pragma_table_info('unique_plan_kommune_years')"))
            cols.push_back(r);
    }
    REQUIRE(want.size() == 3);  // Ishøj, Vallensbæk, Aarhus
    // CSV: the view's columns as the header, a line per row.
    const std::string csv = (dir.path / "u.csv").string();
    REQUIRE(run_cli({"export", "--db", db, "--table", "unique_plan_kommune_years", "-o", csv}).code == 0);
    std::string header;
    for (const auto& c : cols) header += (header.empty() ? "" : ",") + c[0];
    std::string got = slurp(csv);
    CHECK(got.rfind(header + "\r\n", 0) == 0);
    CHECK(got.find("\"Ishøj; Vallensbæk\"") == std::string::npos);  // no comma, no quotes needed
    CHECK(std::count(got.begin(), got.end(), '\n') == 1 + static_cast<long>(want.size()));
    CHECK(got.find("Vallensbæk") != std::string::npos);
    // JSON Lines: one object per row, numbers as numbers, NULL as null.
    auto j = run_cli({"export", "--db", db, "--table", "theme_targets", "--format", "jsonl"});
    REQUIRE(j.code == 0);
    std::istringstream in(j.out);
    int lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
        auto o = nlohmann::json::parse(line);
        CHECK(o["year"].is_number_integer());
        CHECK((o["value"].is_number() || o["value"].is_null()));
    }
    CHECK(lines == std::stoi(query_rows(Store(db).handle(), "SELECT count(*) FROM theme_targets")[0][0]));
    CHECK(lines > 0);
    auto bad = run_cli({"export", "--db", db, "--table", "nope"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("ukendt tabel eller visning 'nope'") != std::string::npos);
    CHECK(run_cli({"export", "--db", (dir.path / "missing.db").string()}).code == 2);
    CHECK_FALSE(fs::exists(dir.path / "missing.db"));
}
