// Goal themes (rules/themes.h): every minister goal of 2008–2024 has one, the
// loader carries it, `plantjek explain THEME` lists exactly the goals the
// profile files give the theme, and the report keeps it both ways.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "extractor/data_dir.h"
#include "report/json.h"
#include "rules/profile.h"
#include "rules/themes.h"
#include "run_cli.h"

using namespace plantjek;
namespace fs = std::filesystem;

namespace {

// theme → {(year, Danish title)} read straight from the YAML files, without
// the loader (yaml-cpp resolves the files' anchors and aliases).
std::map<std::string, std::set<std::pair<int, std::string>>> themes_in_files(int* goals_seen) {
    std::map<std::string, std::set<std::pair<int, std::string>>> out;
    for (const auto& e : fs::directory_iterator(data_dir() + "/rules/profiles")) {
        if (e.path().extension() != ".yaml") continue;
        YAML::Node root = YAML::LoadFile(e.path().string());
        for (auto y : root["goals"])
            for (auto g : y.second) {
                ++*goals_seen;
                REQUIRE(g["theme"]);
                out[g["theme"].as<std::string>()].insert({y.first.as<int>(), g["title"]["da"].as<std::string>()});
            }
    }
    return out;
}

}  // namespace

TEST_CASE("every minister goal of 2008-2024 has a known theme") {
    auto profiles = load_profiles(data_dir() + "/rules/profiles");
    std::set<int> years;
    int goals = 0;
    for (const auto& p : profiles)
        for (const auto& [year, list] : p.goals) {
            years.insert(year);
            for (const auto& g : list) {
                INFO(g.id);
                CHECK(find_theme(g.theme) != nullptr);
                ++goals;
            }
        }
    for (int y = 2008; y <= 2024; ++y) CHECK(years.count(y) == 1);
    int in_files = 0;
    themes_in_files(&in_files);
    CHECK(goals == in_files);
    CHECK(goals >= 17 * 3);
}

TEST_CASE("each theme's titles over the years are those of the profile files") {
    int n = 0;
    auto expected = themes_in_files(&n);
    auto profiles = load_profiles(data_dir() + "/rules/profiles");
    std::map<std::string, std::set<std::pair<int, std::string>>> loaded;
    for (const auto& p : profiles)
        for (const auto& [year, list] : p.goals)
            for (const auto& g : list) loaded[g.theme].insert({year, g.title.da});
    CHECK(loaded == expected);
    // Every theme in the table is used, and the long-term unemployment goals
    // the issue names belong to one theme.
    for (const auto& t : themes()) CHECK(expected.count(t.id) == 1);
    const auto& ltu = loaded["long-term-unemployment"];
    for (int y : {2012, 2013, 2016}) {
        INFO(y);
        CHECK(std::any_of(ltu.begin(), ltu.end(), [&](const auto& x) { return x.first == y; }));
    }
}

TEST_CASE("plantjek explain THEME lists the theme's goals by year, in Danish and English") {
    int n = 0;
    auto expected = themes_in_files(&n);
    for (const auto& t : themes()) {
        auto r = test::run_cli({"explain", t.id});
        INFO(t.id << "\n" << r.out << r.err);
        REQUIRE(r.code == 0);
        CHECK(r.out.find(t.name.da) != std::string::npos);
        std::set<std::pair<int, std::string>> listed;
        std::istringstream in(r.out);
        std::string line;
        while (std::getline(in, line)) {
            // "    2012  goal-2012-1  <title>"
            if (line.size() < 12 || line.compare(0, 4, "    ") != 0 || !isdigit(static_cast<unsigned char>(line[4]))) continue;
            auto a = line.find("  ", 4), b = line.find("  ", a + 2);
            listed.insert({std::stoi(line.substr(4, 4)), line.substr(b + 2)});
        }
        CHECK(listed == expected[t.id]);
    }
    auto en = test::run_cli({"--lang", "en", "explain", "sick-leave"});
    CHECK(en.code == 0);
    CHECK(en.out.find("Sickness absence") != std::string::npos);
    auto bad = test::run_cli({"explain", "no-such-theme"});
    CHECK(bad.code != 0);
    CHECK(bad.err.find("tema") != std::string::npos);
}

TEST_CASE("the loader refuses an unknown theme") {
    fs::path dir = fs::temp_directory_path() / ("plantjek-theme-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(data_dir() + "/rules/profiles"))
        if (e.path().extension() == ".yaml") fs::copy_file(e.path(), dir / e.path().filename());
    std::string text = test::slurp(data_dir() + "/rules/profiles/2011.yaml");
    auto at = text.find("theme: long-term-unemployment");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("theme: long-term-unemployment").size(), "theme: long-term-unemployed");
    {
        std::ofstream(dir / "2011.yaml") << text;
    }
    try {
        load_profiles(dir.string());
        FAIL("loaded");
    } catch (const ProfileError& e) {
        CHECK(std::string(e.what()).find("unknown theme 'long-term-unemployed'") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("a goal's theme survives the report's JSON both ways") {
    Report r;
    GoalResult g;
    g.id = "goal-2012-1";
    g.theme = "long-term-unemployment";
    r.goals.push_back(g);
    auto j = report_to_json(r, JsonTexts::both);
    CHECK(j["goals"][0]["theme"] == "long-term-unemployment");
    Report back = report_from_json(j, JsonTexts::both);
    CHECK(back.goals.at(0).theme == "long-term-unemployment");
    r.goals[0].theme.clear();
    CHECK_FALSE(report_to_json(r, JsonTexts::both)["goals"][0].contains("theme"));
}
