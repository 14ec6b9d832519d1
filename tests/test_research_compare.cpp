// plantjek compare: on a pair of one kommune's plans whose differences the
// gold file tests/golden/compare/*.yaml lists (a plan of the corpus and a
// revised version made by the file's edits), in JSON, text and HTML, from
// the files and from the store.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "cli/check.h"
#include "cli/store.h"
#include "run_cli.h"

using namespace plantjek;
using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

std::string source(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/" + rel; }

struct Pair {
    YAML::Node gold;
    std::string old_file, new_file;
};

Pair make_pair_files(const TempDir& dir, const std::string& name) {
    Pair p;
    p.gold = YAML::LoadFile(source("tests/golden/compare/" + name + ".yaml"));
    p.old_file = source(p.gold["old"].as<std::string>());
    std::string text = slurp(p.old_file);
    for (const auto& e : p.gold["edits"]) {
        auto from = e["from"].as<std::string>();
        auto at = text.find(from);
        INFO(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), e["to"].as<std::string>());
    }
    p.new_file = dir.write(name + ".txt", text);
    return p;
}

std::set<std::string> titles(const nlohmann::json& a) {
    std::set<std::string> s;
    for (const auto& x : a) s.insert(x["number"].get<std::string>() + " " + x["title"].get<std::string>());
    return s;
}

std::set<std::string> ids(const nlohmann::json& a) {
    std::set<std::string> s;
    for (const auto& x : a) s.insert(x["id"].get<std::string>());
    return s;
}

std::set<std::string> strings(const YAML::Node& n) {
    std::set<std::string> s;
    for (const auto& x : n) s.insert(x.as<std::string>());
    return s;
}

void check_against_gold(const nlohmann::json& j, const YAML::Node& want) {
    CHECK(titles(j["sections"]["added"]) == strings(want["added"]));
    CHECK(titles(j["sections"]["removed"]) == strings(want["removed"]));
    REQUIRE(j["sections"]["renamed"].size() == want["renamed"].size());
    for (std::size_t i = 0; i < want["renamed"].size(); ++i) {
        const auto& r = j["sections"]["renamed"][i];
        CHECK(r["old"]["number"].get<std::string>() + " " + r["old"]["title"].get<std::string>() ==
              want["renamed"][i]["old"].as<std::string>());
        CHECK(r["number"].get<std::string>() + " " + r["title"].get<std::string>() == want["renamed"][i]["new"].as<std::string>());
    }
    std::set<std::string> seen;
    for (const auto& t : j["themes"]) {
        const std::string id = t["theme"];
        seen.insert(id);
        INFO(id);
        REQUIRE(want["themes"][id]);
        CHECK(t["old"]["value"].get<double>() == want["themes"][id]["old"].as<double>());
        CHECK(t["new"]["value"].get<double>() == want["themes"][id]["new"].as<double>());
        CHECK(t["change"].get<double>() == want["themes"][id]["change"].as<double>());
    }
    CHECK(seen.size() == want["themes"].size());
    CHECK(ids(j["requirements"]["newly_failing"]) == strings(want["newly_failing"]));
    CHECK(ids(j["requirements"]["newly_met"]) == strings(want["newly_met"]));
}

}  // namespace

TEST_CASE("compare: a plan and its revised version, as the gold file lists, in JSON, text and HTML", "[compare]") {
    TempDir dir;
    Pair p = make_pair_files(dir, "aarhus-2012-revised");
    auto r = run_cli({"compare", p.old_file, p.new_file, "--format", "json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    check_against_gold(nlohmann::json::parse(r.out), p.gold["expect"]);
    // The other way round, what newly failed is newly met.
    auto back = nlohmann::json::parse(run_cli({"compare", p.new_file, p.old_file, "--format", "json"}).out);
    CHECK(ids(back["requirements"]["newly_met"]) == strings(p.gold["expect"]["newly_failing"]));
    CHECK(titles(back["sections"]["added"]) == strings(p.gold["expect"]["removed"]));

    auto text = run_cli({"compare", p.old_file, p.new_file});
    CHECK(text.code == 0);
    CHECK(text.out.find("Afsnit omdøbt (1)") != std::string::npos);
    CHECK(text.out.find("long-term-unemployment: 6150 personer → 5900 personer  (-250)") != std::string::npos);
    auto en = run_cli({"--lang", "en", "compare", p.old_file, p.new_file});
    CHECK(en.out.find("Requirements newly failing (3)") != std::string::npos);
    const std::string html_file = (dir.path / "c.html").string();
    auto html = run_cli({"compare", p.old_file, p.new_file, "--format", "html", "-o", html_file});
    CHECK(html.code == 0);
    const std::string page = slurp(html_file);
    CHECK(page.find("<html lang=\"da\">") != std::string::npos);
    CHECK(page.find("Langtidsledighed") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("http") == std::string::npos);
}

TEST_CASE("compare --db: a kommune's plans of two years from the store", "[compare]") {
    TempDir dir;
    Pair p = make_pair_files(dir, "aarhus-2012-revised");
    CheckOptions co;
    co.spelling = false;
    co.suggestions = false;
    CheckSession session(co);
    Report a = session.check(p.old_file), b = session.check(p.new_file);
    b.years = {2013};  // the revised plan stored as the next year's
    const std::string db = (dir.path / "p.db").string();
    {
        Store s(db);
        CheckStamp stamp{"t", "t", "t"};
        s.put(a, stamp, "2024-01-01T00:00:00Z");
        s.put(b, stamp, "2024-01-01T00:00:00Z");
    }
    auto r = run_cli({"compare", "--db", db, "--kommune", "Aarhus", "--years", "2012", "2013", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    check_against_gold(nlohmann::json::parse(r.out), p.gold["expect"]);
    auto none = run_cli({"compare", "--db", db, "--kommune", "Aarhus", "--years", "2012", "2014"});
    CHECK(none.code == 2);
    CHECK(none.err.find("ingen plan for Aarhus 2014") != std::string::npos);
    CHECK(run_cli({"compare", p.old_file}).code == 2);
}
