#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/run_cli.h"

using namespace plantjek::test;

TEST_CASE("cli: --version and --help exit 0, a bad option exits 2", "[cli]") {
    auto v = run_cli({"--version"});
    CHECK(v.code == 0);
    CHECK(v.out.find("plantjek ") != std::string::npos);
    CHECK(run_cli({"--help"}).code == 0);
    auto bad = run_cli({"extract", "--no-such-option", "x"});
    CHECK(bad.code == 2);
    CHECK(run_cli({}).code == 2);
}

TEST_CASE("cli: the command line's own errors are Danish, English with --lang en, with a 'mente du'", "[cli][lang]") {
    struct Case {
        std::vector<std::string> args;
        std::string da, en;
    };
    const std::vector<Case> cases = {
        {{"check", "--formt", "json", "x"}, "ukendt tilvalg --formt (mente du --format?)",
         "unknown option --formt (did you mean --format?)"},
        {{"chek", "x"}, "ukendt kommando chek (mente du check?)", "unknown command chek (did you mean check?)"},
        {{"scan", "--jbos", "2", "x"}, "ukendt tilvalg --jbos (mente du --jobs?)", "unknown option --jbos (did you mean --jobs?)"},
        {{"check", "--stage", "udkast", "x"}, "--stage: skal være en af {draft,final}", "--stage: must be one of {draft,final}"},
        {{"check", "--year", "abc", "x"}, "--year: skal være et tal fra 2000 til 2100", "--year: must be a number from 2000 to 2100"},
        {{"check"}, "files skal angives", "files must be given"},
        {{"check", "x", "--stage"}, "--stage mangler sin værdi", "--stage needs a value"},
        {{}, "angiv en kommando: ", "give a command: "},
    };
    for (const auto& c : cases) {
        INFO(c.da);
        auto da = run_cli(c.args);
        CHECK(da.code == 2);
        CHECK(da.out.empty());
        CHECK(da.err.find("plantjek: " + c.da) != std::string::npos);
        CHECK(da.err.find("Se plantjek") != std::string::npos);
        CHECK(da.err.find("Run with --help") == std::string::npos);
        std::vector<std::string> en_args = {"--lang", "en"};
        en_args.insert(en_args.end(), c.args.begin(), c.args.end());
        auto en = run_cli(en_args);
        CHECK(en.code == 2);
        CHECK(en.err.find("plantjek: " + c.en) != std::string::npos);
    }
    // Help is Danish too, CLI11's own headings included.
    auto help = run_cli({"check", "--help"});
    CHECK(help.code == 0);
    for (const char* w : {"Brug:", "Tilvalg:", "Argumenter:", "Vis denne hjælp", "Rapportformater"})
        CHECK(help.out.find(w) != std::string::npos);
    CHECK(help.out.find("Options:") == std::string::npos);
    auto help_en = run_cli({"--lang", "en", "check", "--help"});
    CHECK(help_en.out.find("Usage:") != std::string::npos);
    CHECK(help_en.out.find("Report formats") != std::string::npos);
}

#if defined(PLANTJEK_WITH_JEMALLOC)
// The build links jemalloc (CMakeLists.txt); this proves the binary really
// allocates with it: only jemalloc answers MALLOC_CONF.
TEST_CASE("cli: the binary allocates with jemalloc", "[cli]") {
    ::setenv("MALLOC_CONF", "stats_print:true", 1);
    auto v = run_cli({"--version"});
    ::unsetenv("MALLOC_CONF");
    CHECK(v.code == 0);
    CHECK(v.err.find("Begin jemalloc statistics") != std::string::npos);
}
#endif

TEST_CASE("cli: extract prints a text file with page markers", "[cli]") {
    TempDir t;
    auto f = t.write("plan.txt", "Beskæftigelsesplan 2019\n\nFørste side.\fAnden side med beskæf-\ntigelse.\n");
    auto r = run_cli({"extract", f});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("=== side 1 ===") != std::string::npos);
    CHECK(r.out.find("=== side 2 ===") != std::string::npos);
    CHECK(r.out.find("beskæftigelse.") != std::string::npos);
    auto en = run_cli({"--lang", "en", "extract", f});
    CHECK(en.out.find("=== page 2 ===") != std::string::npos);
    auto j = run_cli({"extract", "--json", f});
    CHECK(j.code == 0);
    CHECK(j.out.find("\"format\": \"txt\"") != std::string::npos);
}

TEST_CASE("cli: check -o - writes the report to standard output, not to a file named -", "[cli]") {
    TempDir t;
    std::string plan = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/corpus/txt/2009-koebenhavn-kapitler.txt";
    auto r = run_cli({"check", "--no-spelling", "--format", "json", "-o", "-", plan}, t.path.string());
    INFO(r.err);
    CHECK(r.code != 2);
    CHECK(r.out.find("\"schema\": \"plantjek.report/1\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(t.path / "-"));
    auto two = run_cli({"check", "--no-spelling", "--format", "json,text", "-o", "-", plan}, t.path.string());
    CHECK(two.code == 2);  // several formats still need a folder
    CHECK_FALSE(std::filesystem::exists(t.path / "-"));
}

TEST_CASE("cli: each bad input gets one plain sentence and exit code 3", "[cli][bad-input]") {
    TempDir t;
    struct Case {
        std::string name, path, da, en;
    };
    std::vector<Case> cases = {
        {"missing file", (t.path / "findes-ikke.pdf").string(), "findes ikke", "No such file"},
        {"directory", t.path.string(), "mappe", "directory"},
        {"empty file", t.write("tom.pdf", ""), "tom", "empty"},
        {"PNG image", t.write("billede.pdf", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "PNG", "PNG"},
        {"Word 97-2003", t.write("gammel.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12)),
         "Word 97-2003", "Word 97-2003"},
        {"RTF without text", t.write("plan.rtf", "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}"), "ingen tekst", "no text"},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            auto da = run_cli({"extract", c.path});
            CHECK(da.code == 3);
            CHECK(da.err.find(c.da) != std::string::npos);
            CHECK(std::count(da.err.begin(), da.err.end(), '\n') == 1);
            auto en = run_cli({"--lang", "en", "extract", c.path});
            CHECK(en.code == 3);
            CHECK(en.err.find(c.en) != std::string::npos);
        }
    }
}

TEST_CASE("cli: a file over the size limit is refused before it is read", "[cli][bad-input]") {
    TempDir t;
    auto f = t.write("stor.txt", std::string(2u << 20, 'a'));
    auto r = run_cli({"--max-file-mb", "1", "extract", f});
    CHECK(r.code == 3);
    CHECK(r.err.find("for stor") != std::string::npos);
}

TEST_CASE("cli: damaged, encrypted and scanned PDFs get their own sentence and exit 3", "[cli][bad-input]") {
    const std::string fx = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/pdf/";
    TempDir t;
    std::string good = slurp(fx + "danish.pdf");
    REQUIRE(good.size() > 5000);
    auto truncated = t.write("afkortet.pdf", good.substr(0, 3000));
    auto garbage = t.write("skrald.pdf", "%PDF-1.7\n" + std::string(4000, '\x42'));

    auto enc = run_cli({"extract", fx + "encrypted.pdf"});
    CHECK(enc.code == 3);
    CHECK(enc.err.find("krypteret") != std::string::npos);
    CHECK(enc.err.find("--password") != std::string::npos);
    auto wrong = run_cli({"--password", "forkert", "extract", fx + "encrypted.pdf"});
    CHECK(wrong.code == 3);
    auto right = run_cli({"--password", "hemmelig", "extract", fx + "encrypted.pdf"});
    CHECK(right.code == 0);
    CHECK(right.out.find("Indledning") != std::string::npos);

    auto scanned = run_cli({"--lang", "en", "extract", fx + "scanned.pdf"});
    CHECK(scanned.code == 3);
    CHECK(scanned.err.find("no text layer") != std::string::npos);

    for (const auto& f : {truncated, garbage}) {
        auto r = run_cli({"extract", f});
        CHECK(r.code == 3);
        CHECK(r.err.find("beskadiget") != std::string::npos);
    }
}

// check and scan start loading Hunspell on another thread (cli/check.h): an
// error there must still stop the run, once, in plain words, in Danish.
TEST_CASE("cli: without the Danish dictionary, check and scan stop with exit 2 and say what to install", "[cli]") {
    TempDir t;
    auto f = t.write("plan.txt", "Beskæftigelsesplan 2019 for Roskilde Kommune\n\nIndledning.\n");
    auto db = (t.path / "scan.db").string();
    ::setenv("PLANTJEK_HUNSPELL_DIR", (t.path / "ingen-ordbog").c_str(), 1);
    auto c = run_cli({"check", f});
    auto s = run_cli({"scan", "--db", db, f});
    auto en = run_cli({"--lang", "en", "check", f});
    ::unsetenv("PLANTJEK_HUNSPELL_DIR");
    CHECK(c.code == 2);
    CHECK(c.err == "plantjek: den danske ordbog (Hunspell da_DK) findes ikke i " + (t.path / "ingen-ordbog").string() +
                       "; installér Debian-pakken hunspell-da (det gør scripts/setup)\n");
    CHECK(s.code == 2);
    CHECK(s.err.find("installér Debian-pakken hunspell-da") != std::string::npos);
    CHECK(s.err.find("intern fejl") == std::string::npos);
    CHECK(en.code == 2);
    CHECK(en.err.find("install the Debian package hunspell-da") != std::string::npos);
    // And with the dictionary the same file is checked (exit 0 or 1).
    auto ok = run_cli({"check", f});
    CHECK((ok.code == 0 || ok.code == 1));
}
