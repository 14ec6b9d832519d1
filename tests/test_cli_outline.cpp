// plantjek outline on the PDF fixtures and on bad input.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/run_cli.h"

using namespace plantjek::test;

namespace {
const std::string fx = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/pdf/";
}

TEST_CASE("cli outline: the tree and the identity of a PDF, in Danish and English", "[cli][outline]") {
    auto r = run_cli({"outline", fx + "danish.pdf"});
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Planår: 2012") != std::string::npos);
    CHECK(r.out.find("Type: beskæftigelsesplan") != std::string::npos);
    CHECK(r.out.find("planår 2012: ") != std::string::npos);
    CHECK(r.out.find("\n1 Indledning  (s. 1)\n") != std::string::npos);
    CHECK(r.out.find("\n  1.1 Ministerens mål  (s. 1)\n") != std::string::npos);  // indented by level
    CHECK(r.out.find("\n2 Udfordringer  (s. 2)\n") != std::string::npos);
    CHECK(r.out.find("\n3 Budget  (s. 3)\n") != std::string::npos);
    CHECK(r.out.find("Mål 1: Flere unge") == std::string::npos);  // a bold line without a bookmark

    auto en = run_cli({"--lang", "en", "outline", fx + "danish.pdf"});
    REQUIRE(en.code == 0);
    CHECK(en.out.find("Plan year: 2012") != std::string::npos);
    CHECK(en.out.find("Kind: employment plan") != std::string::npos);
    CHECK(en.out.find("\n2 Udfordringer  (p. 2)\n") != std::string::npos);
}

TEST_CASE("cli outline --json: identity and sections", "[cli][outline]") {
    auto r = run_cli({"outline", "--json", fx + "danish.pdf"});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["format"] == "pdf");
    CHECK(j["identity"]["years"] == nlohmann::json::array({2012}));
    CHECK(j["identity"]["kind"] == "plan");
    CHECK(j["identity"]["municipalities"].empty());  // "Testkommune" is no kommune
    CHECK(!j["identity"]["reasons"].empty());
    auto& o = j["outline"];
    REQUIRE(o.size() == 4);
    CHECK(o[0]["level"] == 1);
    CHECK(o[0]["number"] == "1");
    CHECK(o[0]["title"] == "Indledning");
    CHECK(o[0]["heading"] == "1. Indledning");
    CHECK(o[0]["signal"] == "bookmark");
    CHECK(o[1]["level"] == 2);
    CHECK(o[1]["number"] == "1.1");
    CHECK(o[3]["first_page"] == 3);
    CHECK(o[3]["last_page"] == 3);
    CHECK(o[3]["annex"] == false);
    CHECK(o[3]["blocks"] == 1);

    auto t = run_cli({"outline", "--json", fx + "table.pdf"});
    REQUIRE(t.code == 0);
    auto tj = nlohmann::json::parse(t.out);
    REQUIRE(tj["outline"].size() == 1);
    CHECK(tj["outline"][0]["annex"] == true);
    CHECK(tj["outline"][0]["number"] == "1");
    CHECK(tj["outline"][0]["title"] == "Måloversigt");
    CHECK(tj["identity"]["kind"] == "annex");  // the file is only an annex
}

TEST_CASE("cli outline: table rows and two-column text are not headings", "[cli][outline]") {
    auto t = run_cli({"outline", "--json", fx + "table.pdf"});
    REQUIRE(t.code == 0);
    CHECK(nlohmann::json::parse(t.out)["outline"].size() == 1);
    auto c = run_cli({"outline", "--json", fx + "columns.pdf"});
    REQUIRE(c.code == 0);
    auto cj = nlohmann::json::parse(c.out);
    REQUIRE(cj["outline"].size() == 1);
    CHECK(cj["outline"][0]["title"] == "To spalter");
}

TEST_CASE("cli outline: unreadable input — same sentence and exit code 3 as extract", "[cli][outline][bad-input]") {
    TempDir t;
    for (const auto& f : {fx + "encrypted.pdf", fx + "scanned.pdf", (t.path / "findes-ikke.pdf").string(),
                          t.write("tom.pdf", "")}) {
        INFO(f);
        auto o = run_cli({"outline", f});
        auto e = run_cli({"extract", f});
        CHECK(o.code == 3);
        CHECK(o.err == e.err);
        CHECK(o.out.empty());
    }
    auto right = run_cli({"--password", "hemmelig", "outline", fx + "encrypted.pdf"});
    CHECK(right.code == 0);
    CHECK(right.out.find("1 Indledning") != std::string::npos);
}

TEST_CASE("cli outline: a text file", "[cli][outline]") {
    TempDir t;
    auto f = t.write("plan.txt",
                     "Beskæftigelsesplan 2013\n\nRanders Kommune\n\n1. Indledning\n\nPlanen beskriver indsatsen i "
                     "2013, og den er drøftet i LBR.\n\n2. Budget\n\nBudgettet fremgår af tabellen.\n");
    auto r = run_cli({"outline", f});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Kommune: Randers") != std::string::npos);
    CHECK(r.out.find("Planår: 2013") != std::string::npos);
    CHECK(r.out.find("\n1 Indledning  (s. 1)\n2 Budget  (s. 1)\n") != std::string::npos);
    CHECK(run_cli({"outline"}).code == 2);  // FILE is required
}
