// Loading the corpus and its gold files for the corpus tests.
#pragma once

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractor/utf8.h"

namespace plantjek::test {

struct GoldHeading {
    int level = 1;
    std::string number, title;
};

struct GoldTarget {
    std::string goal, unit, deadline;
    std::optional<double> value, change_pct;
    bool filled = true;
};

struct GoldMisspelling {
    std::string word, intended;
};

struct GoldPlan {
    std::string id, kind, regime;
    std::string real_shape;  // where docs/real-plans.md describes the real plan it copies; empty if none
    std::vector<std::string> municipalities, formats;
    std::vector<int> years;
    std::vector<GoldHeading> outline;
    std::map<std::string, std::string> requirements;
    std::vector<GoldTarget> targets;
    std::vector<std::string> placeholders;
    std::vector<GoldMisspelling> misspellings;
};

inline std::filesystem::path corpus_dir() { return std::filesystem::path(PLANTJEK_TEST_SOURCE_DIR) / "corpus"; }

inline std::vector<GoldPlan> load_gold() {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(corpus_dir() / "gold"))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<GoldPlan> plans;
    for (const auto& f : files) {
        YAML::Node y = YAML::LoadFile(f.string());
        GoldPlan g;
        g.id = y["id"].as<std::string>();
        g.kind = y["kind"].as<std::string>("plan");
        g.regime = y["regime"].as<std::string>("");
        g.real_shape = y["real_shape"].as<std::string>("");
        if (y["municipality"]) g.municipalities = y["municipality"].as<std::vector<std::string>>();
        if (y["years"]) g.years = y["years"].as<std::vector<int>>();
        if (y["formats"]) g.formats = y["formats"].as<std::vector<std::string>>();
        for (const auto& h : y["outline"])
            g.outline.push_back({h["level"].as<int>(), h["number"] ? h["number"].as<std::string>("") : "",
                                 h["title"].as<std::string>()});
        for (const auto& kv : y["requirements"])
            g.requirements[kv.first.as<std::string>()] = kv.second.as<std::string>();
        for (const auto& t : y["targets"]) {
            GoldTarget gt;
            gt.goal = t["goal"].as<std::string>("");
            gt.unit = t["unit"].as<std::string>("");
            gt.deadline = t["deadline"].as<std::string>("");
            if (t["value"] && !t["value"].IsNull()) gt.value = t["value"].as<double>();
            if (t["change_pct"] && !t["change_pct"].IsNull()) gt.change_pct = t["change_pct"].as<double>();
            gt.filled = t["filled"].as<bool>(true);
            g.targets.push_back(gt);
        }
        for (const auto& p : y["placeholders"]) g.placeholders.push_back(p.as<std::string>());
        for (const auto& m : y["misspellings"])
            g.misspellings.push_back({m["word"].as<std::string>(), m["intended"].as<std::string>("")});
        plans.push_back(std::move(g));
    }
    return plans;
}

// corpus/known-misses.txt: the tool's known disagreements with the gold of
// the real-shape plans, one printed miss a line (# starts a comment).
inline std::set<std::string> load_known_misses() {
    std::set<std::string> known;
    std::ifstream in(corpus_dir() / "known-misses.txt");
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') known.insert(line);
    return known;
}

// Every miss of a real-shape plan must be listed, and every listed miss must
// still occur: a new disagreement and a fixed one both fail the test.
// `identity` picks the lines of the identity test (kommune, years, kind).
inline bool is_identity_miss(const std::string& m) {
    for (const char* p : {"kommune ", "years ", "kind "})
        if (m.rfind(p, 0) == 0) return true;
    return false;
}

inline void check_known_misses(const std::vector<std::string>& misses, bool identity) {
    std::set<std::string> known;
    for (const auto& k : load_known_misses())
        if (is_identity_miss(k) == identity) known.insert(k);
    std::set<std::string> seen(misses.begin(), misses.end());
    for (const auto& m : seen) {
        INFO("not in corpus/known-misses.txt: " << m);
        CHECK(known.count(m) == 1);
    }
    for (const auto& k : known) {
        INFO("listed in corpus/known-misses.txt but no longer a miss (delete the line): " << k);
        CHECK(seen.count(k) == 1);
    }
}

inline std::string file_for(const GoldPlan& g, const std::string& format) {
    return (corpus_dir() / format / (g.id + "." + format)).string();
}

// Titles compare without case, extra spaces or trailing punctuation.
inline std::string title_key(const std::string& t) {
    std::string s = utf8::lower(utf8::squeeze_spaces(t));
    while (!s.empty() && std::string_view(".:;-– ").find(s.back()) != std::string_view::npos) s.pop_back();
    return s;
}

}  // namespace plantjek::test
