// The configuration file has the same effect on `check` and on `scan`: one
// table row per key, each run through the real binary both ways, the two
// reports compared with each other (byte for byte) and with the report
// without the key (so the key must have changed something), and the exit
// codes compared. Then the waivers' validation: unknown ids and kommuner
// are errors with file:line and a "mente du …?".
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "run_cli.h"

using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

std::string source(const std::string& rel) { return (fs::path(PLANTJEK_TEST_SOURCE_DIR) / rel).string(); }

// The conformant 2012 plan with one unknown word added, so that every
// spelling key has something to change.
std::string plan_with_typo(const TempDir& dir) {
    std::string text = slurp(source("corpus/txt/2012-aarhus-complete.txt"));
    text += "\nVirksomhedrne i Aarhus er med i indsatsen.\n";
    return dir.write("aarhus.txt", text);
}

std::string only_file(const fs::path& dir, const std::string& ext) {
    std::string found;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ext) {
            if (!found.empty()) return "<several>";
            found = e.path().string();
        }
    return found;
}

struct Run {
    int code = -1;
    std::string report;                 // the report in the asked format ("" when none)
    std::vector<std::string> extensions;  // of the files written
    std::string err;
};

std::vector<std::string> extensions(const fs::path& dir) {
    std::vector<std::string> v;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename() != "plantjek.db") v.push_back(e.path().extension().string());
    std::sort(v.begin(), v.end());
    return v;
}

Run run_check(const std::string& plan, const std::string& config, const std::string& ext) {
    TempDir out;
    auto r = run_cli({"check", plan, "--config", config, "-o", out.path.string() + "/"});
    return {r.code, slurp(only_file(out.path, ext)), extensions(out.path), r.err};
}

Run run_scan(const std::string& plan, const std::string& config, const std::string& ext) {
    TempDir out;
    auto r = run_cli({"scan", plan, "--config", config, "--out", out.path.string(), "--jobs", "1"});
    return {r.code, slurp(only_file(out.path, ext)), extensions(out.path), r.err};
}

}  // namespace

TEST_CASE("configuration: every key has the same effect on check and on scan", "[config][scan][check]") {
    TempDir dir;
    const std::string plan = plan_with_typo(dir);
    const std::string rules = dir.write("region.yaml", R"(requirements:
  - id: region-apprentices
    kind: section
    title: {da: 'Lærepladser', en: 'Apprenticeships'}
    message: {da: 'Regionen beder om et afsnit om lærepladser.', en: 'The region asks for a section on apprenticeships.'}
    legal_basis: 'Regionens egen anbefaling'
    severity: error
    heading: ['\blærepladser\b']
    examples:
      heading:
        match: ['Lærepladser']
        no_match: ['Budget']
)");
    dir.write("ord.txt", "virksomhedrne\n");
    // The base: JSON reports, no suggestions (fast); each row adds one key
    // (or sets one of these two otherwise).
    auto with_base = [](const std::string& yaml) {
        std::string all = yaml;
        if (yaml.find("format:") == std::string::npos) all += "format: json\n";
        if (yaml.find("suggestions:") == std::string::npos) all += "suggestions: false\n";
        return all;
    };
    struct Row {
        std::string key, yaml, ext;
    };
    const std::vector<Row> rows = {
        {"(none)", "", ".json"},
        {"lang", "lang: en\n", ".json"},
        {"format", "format: html\n", ".html"},
        {"profile", "profile: '2011'\n", ".json"},
        {"fail-on", "rules: region.yaml\nfail-on: never\n", ".json"},
        {"color", "format: text\ncolor: always\n", ".txt"},
        {"stage", "stage: draft\n", ".json"},
        {"spelling", "spelling: false\n", ".json"},
        {"spelling-severity", "spelling-severity: error\n", ".json"},
        {"suggestions", "suggestions: true\n", ".json"},
        {"rules", "rules: region.yaml\n", ".json"},
        {"words", "words: [ord.txt]\n", ".json"},
        {"region-name", "format: letter\nregion-name: Region Test, Arbejdsmarkedskontoret\n", ".html"},
        {"region-contact", "format: letter\nregion-contact: Konsulent Anne Jensen, aj@example.dk\n", ".html"},
        {"waivers", "rules: region.yaml\nwaivers:\n  - {requirement: region-apprentices, kommune: Aarhus, reason: aftalt}\n", ".json"},
    };
    std::string baseline_check;
    int baseline_code = -1;
    for (const auto& row : rows) {
        INFO("key: " << row.key);
        std::string config = dir.write("plantjek-" + row.key + ".yaml", with_base(row.yaml));
        Run c = run_check(plan, config, row.ext), s = run_scan(plan, config, row.ext);
        INFO("check stderr: " << c.err << "\nscan stderr: " << s.err);
        REQUIRE(!c.report.empty());
        CHECK(c.report == s.report);
        CHECK(c.code == s.code);
        CHECK(c.extensions == s.extensions);
        if (row.key == "(none)") {
            baseline_check = c.report;
            baseline_code = c.code;
            CHECK(c.code == 0);
        } else if (row.key == "fail-on") {
            CHECK(c.code == 0);  // nonconformant by the region's rule, but never fails
            CHECK(c.report != baseline_check);
        } else if (row.key == "color") {
            CHECK(c.report.find("\x1b[") != std::string::npos);
        } else if (row.key == "format") {
            CHECK(c.extensions == std::vector<std::string>{".html"});
        } else if (row.key == "region-name") {
            CHECK(c.report.find("Region Test, Arbejdsmarkedskontoret") != std::string::npos);
        } else if (row.key == "region-contact") {
            CHECK(c.report.find("Konsulent Anne Jensen, aj@example.dk") != std::string::npos);
        } else {
            CHECK(c.report != baseline_check);
        }
        if (row.key == "spelling-severity" || row.key == "rules") CHECK(c.code == 1);
    }
    CHECK(baseline_code == 0);
}

TEST_CASE("configuration: a waiver naming an unknown requirement or kommune is an error with file:line", "[config]") {
    TempDir dir;
    const std::string plan = source("corpus/txt/2012-aarhus-complete.txt");
    struct Row {
        std::string waiver, message, hint;
    };
    for (const Row& row : {Row{"{requirement: budgt, kommune: Kolding, reason: x}", "ukendt krav eller mål 'budgt'", "mente du 'budget'?"},
                           Row{"{requirement: goal-2012-9, reason: x}", "'goal-2012-9'", ""},
                           Row{"{requirement: budget, kommune: Koldin, reason: x}", "'Koldin', som ikke er en af de 98 kommuner",
                               "mente du 'Kolding'?"}}) {
        INFO(row.waiver);
        std::string config = dir.write("plantjek.yaml", "suggestions: false\nwaivers:\n  - " + row.waiver + "\n");
        for (const std::string cmd : {"check", "scan"}) {
            INFO(cmd);
            std::vector<std::string> args = {cmd, plan, "--config", config};
            TempDir out;
            if (cmd == "scan") args.insert(args.end(), {"--out", out.path.string()});
            auto r = run_cli(args);
            CHECK(r.code == 2);
            CHECK(r.err.find(config + ":3: ") != std::string::npos);
            CHECK(r.err.find(row.message) != std::string::npos);
            if (!row.hint.empty()) CHECK(r.err.find(row.hint) != std::string::npos);
            CHECK(r.out.empty());
            if (cmd == "scan") CHECK(fs::is_empty(out.path));
        }
    }
    // Old and other forms of a kommune's name are accepted; English with --lang en.
    std::string ok = dir.write("ok.yaml", "suggestions: false\nwaivers:\n  - {requirement: budget, kommune: Århus, reason: x}\n");
    CHECK(run_cli({"check", plan, "--config", ok, "-f", "json"}).code == 0);
    std::string bad = dir.write("bad.yaml", "waivers:\n  - {requirement: budgt, reason: x}\n");
    auto en = run_cli({"--lang", "en", "check", plan, "--config", bad});
    CHECK(en.code == 2);
    CHECK(en.err.find("did you mean 'budget'?") != std::string::npos);
}

TEST_CASE("configuration: a bad file is a Danish error with file:line, English with --lang en", "[config][lang]") {
    TempDir dir;
    const std::string plan = source("corpus/txt/2012-aarhus-complete.txt");
    struct Row {
        std::string yaml, da, en;
    };
    for (const Row& row : {Row{"fail_on: warning\n", "ukendt nøgle 'fail_on' (mente du 'fail-on'?)", "unknown key 'fail_on' (did you mean 'fail-on'?)"},
                           Row{"stage: udkast\n", "stage skal være en af draft, final, ikke 'udkast'", "stage must be one of draft, final, not 'udkast'"},
                           Row{"spelling: måske\n", "spelling skal være true eller false", "spelling must be true or false"},
                           Row{"lang: da\nlang: en\n", "nøglen 'lang' står der to gange", "the key 'lang' appears twice"},
                           Row{"format: [json\n", "ikke gyldig YAML", "not valid YAML"}}) {
        INFO(row.yaml);
        const std::string config = dir.write("plantjek.yaml", row.yaml);
        auto da = run_cli({"check", plan, "--config", config});
        CHECK(da.code == 2);
        CHECK(da.err.find(config + ":") != std::string::npos);
        CHECK(da.err.find(row.da) != std::string::npos);
        auto en = run_cli({"--lang", "en", "check", plan, "--config", config});
        CHECK(en.code == 2);
        CHECK(en.err.find(row.en) != std::string::npos);
    }
}
