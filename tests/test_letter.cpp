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
