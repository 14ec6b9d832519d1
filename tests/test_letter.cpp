// -f letter (cli/writers/letter.cpp): the region's letter to the kommune.
// Printed by headless Chromium, every corpus plan's letter is at most two
// A4 pages; one letter is compared with a golden file. When a change is
// intended: PLANTJEK_ACCEPT=1 build/tests/test_letter and review
// git diff tests/golden/region.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_cli.h"

using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

std::string source(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/" + rel; }

const char* kConfig =
    "region-name: Region Test, Arbejdsmarkedskontoret\n"
    "region-contact: |\n  Konsulent Anne Jensen\n  aj@example.dk\n";

// The letters of `files`, written with the region's configuration and a fixed date.
void letters(const TempDir& dir, const std::vector<std::string>& files, const std::string& out) {
    ::setenv("SOURCE_DATE_EPOCH", "1764892800", 1);  // 5 December 2025
    std::vector<std::string> args = {"check", "--no-spelling", "--fail-on", "never", "--config",
                                     dir.write("region.yaml", kConfig), "-f", "letter", "-o", out};
    args.insert(args.end(), files.begin(), files.end());
    auto r = run_cli(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
}

int pdf_pages(const std::string& pdf) {
    auto info = run_command({"/usr/bin/pdfinfo", pdf});
    auto at = info.out.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.out.substr(at + 6));
}

}  // namespace

TEST_CASE("letter: what to fix with its legal basis and suggestion, the region as sender, golden", "[letter][region]") {
    TempDir dir;
    const std::string out = (dir.path / "ud").string() + "/";
    letters(dir, {source("corpus/odt/2012-kolding-budget-xxx.odt"), source("corpus/txt/2010-odense-complete.txt")}, out);
    const std::string bad = slurp(out + "2012-kolding-budget-xxx.odt.brev.html");
    CHECK(bad.find("Region Test, Arbejdsmarkedskontoret") != std::string::npos);
    CHECK(bad.find("Konsulent Anne Jensen") != std::string::npos);
    CHECK(bad.find("Kolding Kommune") != std::string::npos);
    CHECK(bad.find("5. december 2025") != std::string::npos);
    CHECK(bad.find("<h2>Det skal rettes</h2>") != std::string::npos);
    CHECK(bad.find("Budget for beskæftigelsesindsatsen") != std::string::npos);
    CHECK(bad.find("Forslag: Udfyld budgettet") != std::string::npos);
    CHECK(bad.find("bek. nr. 735 af 3.7.2009 § 12") != std::string::npos);
    CHECK(bad.find("15. oktober 2011") != std::string::npos);  // the adoption deadline, in words
    const std::string good = slurp(out + "2010-odense-complete.txt.brev.html");
    CHECK(good.find("Planen opfylder kravene.") != std::string::npos);
    CHECK(good.find("Det skal rettes") == std::string::npos);
    const std::string golden = source("tests/golden/region/2012-kolding-budget-xxx.brev.html");
    if (std::getenv("PLANTJEK_ACCEPT")) std::ofstream(golden, std::ios::binary) << bad;
    CHECK(bad == slurp(golden));
}

TEST_CASE("letter: without region-name the sender is a blank to fill in, and no file is a plan it is not", "[letter][region]") {
    TempDir dir;
    const std::string out = (dir.path / "ud").string() + "/";
    const std::string memo = dir.write("notat.txt", "Referat af mødet i udvalget.\n\nDagsorden: budget og personale.\n");
    ::setenv("SOURCE_DATE_EPOCH", "1764892800", 1);
    auto r = run_cli({"check", "--no-spelling", "--fail-on", "never", "-f", "letter", "-o", out, memo});
    REQUIRE(r.code == 0);
    const std::string l = slurp(out + "notat.txt.brev.html");
    CHECK(l.find("[Regionens navn]") != std::string::npos);
    CHECK(l.find("ikke en beskæftigelsesplan") != std::string::npos);
    CHECK(l.find("Det skal rettes") == std::string::npos);
}

TEST_CASE("letter printed in headless Chromium: at most two A4 pages for every corpus plan", "[letter][print][region]") {
    REQUIRE(fs::exists("/usr/bin/chromium"));  // scripts/setup --test installs it
    TempDir dir;
    const std::string out = (dir.path / "ud").string() + "/";
    std::vector<std::string> files;
    for (const char* folder : {"corpus/pdf", "corpus/txt"})
        for (const auto& e : fs::directory_iterator(source(folder))) files.push_back(e.path().string());
    letters(dir, files, out);
    int n = 0, most = 0;
    for (const auto& e : fs::directory_iterator(out)) {
        const std::string pdf = (dir.path / "brev.pdf").string();
        fs::remove(pdf);
        run_command({"/usr/bin/timeout", "-k", "10", "120", "/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                     "--no-pdf-header-footer", "--user-data-dir=" + (dir.path / "profil").string(),
                     "--print-to-pdf=" + pdf, "file://" + e.path().string()});
        INFO(e.path().filename().string());
        const int pages = pdf_pages(pdf);
        CHECK(pages >= 1);
        CHECK(pages <= 2);
        most = std::max(most, pages);
        ++n;
    }
    CHECK(n == static_cast<int>(files.size()));
    WARN("FIGURE letters printed: " << n << ", most pages: " << most);
}

TEST_CASE("letter-docx: python-docx reads the same letter, A4, paragraph by paragraph", "[letter][region]") {
    TempDir dir;
    const std::string out = (dir.path / "ud").string() + "/";
    ::setenv("SOURCE_DATE_EPOCH", "1764892800", 1);
    auto r = run_cli({"check", "--no-spelling", "--fail-on", "never", "--config", dir.write("region.yaml", kConfig), "-f",
                      "letter,letter-docx", "-o", out, source("corpus/odt/2012-kolding-budget-xxx.odt")});
    REQUIRE(r.code == 0);
    const std::string docx = out + "2012-kolding-budget-xxx.odt.brev.docx";
    REQUIRE(fs::exists(docx));
    const std::string script =
        "import docx, sys\n"
        "d = docx.Document(sys.argv[1])\n"
        "s = d.sections[0]\n"
        "print('PAGE', round(s.page_width.mm), round(s.page_height.mm))\n"
        "for p in d.paragraphs: print(p.text)\n";
    auto py = run_command({"/usr/bin/python3", "-c", script, docx});
    INFO(py.err);
    REQUIRE(py.code == 0);
    CHECK(py.out.find("PAGE 210 297") != std::string::npos);
    // Every line of text the HTML letter holds is in the Word letter too.
    const std::string html = slurp(out + "2012-kolding-budget-xxx.odt.brev.html");
    for (const char* s : {"Region Test, Arbejdsmarkedskontoret", "Konsulent Anne Jensen", "aj@example.dk", "Kolding Kommune",
                          "5. december 2025", "Beskæftigelsesplan 2012 — regionens bemærkninger", "Det skal rettes",
                          "1. Budget for beskæftigelsesindsatsen. Budgettet er ikke udfyldt", "Forslag: Udfyld budgettet",
                          "Hjemmel: bek. nr. 735 af 3.7.2009 § 12 (en færdig plan)", "• 15. oktober 2011: Vedtagelse i kommunalbestyrelsen",
                          "Med venlig hilsen"}) {
        INFO(s);
        CHECK(py.out.find(s) != std::string::npos);
    }
    CHECK(html.find("Konsulent Anne Jensen") != std::string::npos);
    // The same report and date give the same bytes.
    const std::string again = (dir.path / "igen").string() + "/";
    REQUIRE(run_cli({"check", "--no-spelling", "--fail-on", "never", "--config", (dir.path / "region.yaml").string(), "-f",
                     "letter-docx", "-o", again, source("corpus/odt/2012-kolding-budget-xxx.odt")})
                .code == 0);
    CHECK(slurp(docx) == slurp(again + "2012-kolding-budget-xxx.odt.brev.docx"));
}
