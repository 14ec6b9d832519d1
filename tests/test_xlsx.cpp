// The region's batch outputs (issue 23): the spreadsheet (-f xlsx) read back
// with openpyxl, checked for sheets, frozen headers, filters, widths and
// links, its cells compared with a golden dump; the Excel-dialect CSV parsed
// with ';' and its BOM checked; duplicates (the same plan as .txt, .pdf and
// .docx, and a byte-identical copy) marked and counted once in the batch
// summary.
//
// Golden: tests/golden/region/plantjek.xlsx.txt. When a change is intended:
//     PLANTJEK_ACCEPT=1 build/tests/test_xlsx
// and review git diff tests/golden/region.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "run_cli.h"

using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

std::string source(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/" + rel; }

// A batch of eight: Odense 2010 in three formats, Kolding and a byte copy of
// it, Aarhus, a document that is no plan, and a file that cannot be read.
struct Batch {
    TempDir dir;
    std::string out = (dir.path / "ud").string() + "/";
    CliResult run;
    explicit Batch(const std::vector<std::string>& extra) {
        fs::copy_file(source("corpus/pdf/2012-kolding-budget-xxx.pdf"), dir.path / "kolding-kopi.pdf");
        std::vector<std::string> args = {"check", "--no-spelling", "-o", out};
        args.insert(args.end(), extra.begin(), extra.end());
        for (const char* f : {"corpus/txt/2010-odense-complete.txt", "corpus/pdf/2010-odense-complete.pdf",
                              "corpus/docx/2010-odense-complete.docx", "corpus/pdf/2012-kolding-budget-xxx.pdf",
                              "corpus/docx/2012-aarhus-complete.docx"})
            args.push_back(source(f));
        args.push_back((dir.path / "kolding-kopi.pdf").string());
        args.push_back(dir.write("dagsorden.txt", "Dagsorden for mødet i Økonomiudvalget den 3. maj.\n\n"
                                                  "Punkt 1. Godkendelse af referat.\nPunkt 2. Eventuelt.\n"));
        args.push_back(dir.write("defekt.pdf", "%PDF-1.4\nikke en rigtig pdf\n"));
        run = run_cli(args);
    }
};

// RFC 4180 fields with a separator of choice; line ends CRLF outside quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& s, char sep) {
    std::vector<std::vector<std::string>> rows(1);
    std::string f;
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') f.push_back('"'), ++i;
            else if (c == '"') quoted = false;
            else f.push_back(c);
        } else if (c == '"') {
            quoted = true;
        } else if (c == sep) {
            rows.back().push_back(f), f.clear();
        } else if (c == '\r') {
            REQUIRE(i + 1 < s.size());
            REQUIRE(s[i + 1] == '\n');
            rows.back().push_back(f), f.clear();
            rows.emplace_back();
            ++i;
        } else {
            REQUIRE(c != '\n');
            f.push_back(c);
        }
    }
    REQUIRE(f.empty());
    REQUIRE(rows.back().empty());
    rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("xlsx: read back with openpyxl, cells against the golden dump", "[xlsx][region]") {
    Batch b({"-f", "xlsx,html"});
    INFO(b.run.err);
    CHECK(b.run.code == 3);  // defekt.pdf cannot be read
    const fs::path book = fs::path(b.out) / "plantjek.xlsx";
    REQUIRE(fs::exists(book));
    const std::string dump = (b.dir.path / "dump.txt").string();
    auto py = run_command({"/usr/bin/python3", source("tests/test_region_xlsx.py"), book.string(), dump});
    INFO(py.out << py.err);
    REQUIRE(py.code == 0);
    const std::string got = slurp(dump), golden_path = source("tests/golden/region/plantjek.xlsx.txt");
    if (std::getenv("PLANTJEK_ACCEPT")) std::ofstream(golden_path, std::ios::binary) << got;
    CHECK(got == slurp(golden_path));
    // What the golden holds, said on its own so that a bad accept shows.
    CHECK(got.find("2010-odense-complete.pdf | Odense | 2010 | beskæftigelsesplan | endelig | I orden | samme plan som "
                   "2010-odense-complete.txt") != std::string::npos);
    CHECK(got.find("kolding-kopi.pdf | Kolding | 2012 | beskæftigelsesplan | endelig | Ikke i orden | samme plan som "
                   "2012-kolding-budget-xxx.pdf") != std::string::npos);
    CHECK(got.find("== links: 8") != std::string::npos);
    // The summary line: eight files, the three copies counted once.
    CHECK(b.run.err.find("plantjek check: 8 filer: konforme: 2, ikke-konforme: 1, ikke beskæftigelsesplaner: 1, "
                         "ulæselige: 1 (") != std::string::npos);
    CHECK(b.run.err.find("dubletter: 3") != std::string::npos);
}

TEST_CASE("xlsx: one file with -o, English heads with --lang en, no stdout", "[xlsx][region]") {
    TempDir dir;
    const std::string book = (dir.path / "region.xlsx").string();
    auto r = run_cli({"check", "--no-spelling", "--lang", "en", "-f", "xlsx", "-o", book,
                      source("corpus/docx/2012-aarhus-complete.docx")});
    CHECK(r.code == 0);
    REQUIRE(fs::exists(book));
    CHECK(fs::file_size(book) > 1000);
    auto to_stdout = run_cli({"check", "--no-spelling", "-f", "xlsx", source("corpus/docx/2012-aarhus-complete.docx")});
    CHECK(to_stdout.code == 2);
    CHECK(to_stdout.err.find("skrives til en fil") != std::string::npos);
}

TEST_CASE("csv --csv-dialect excel: BOM, semicolons, CRLF, a row per plan with error kind", "[csv][region]") {
    Batch b({"-f", "csv", "--csv-dialect", "excel"});
    const std::string csv = slurp(fs::path(b.out) / "plantjek.csv");
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("\xEF\xBB\xBF", 3) == std::string::npos);  // one BOM, not one per plan
    auto rows = parse_csv(csv.substr(3), ';');
    REQUIRE(rows.size() == 9);  // header + 8 plans
    const auto& head = rows[0];
    CHECK(head[0] == "Fil");
    CHECK(head[2] == "Planår");
    CHECK(head[7] == "Ikke opfyldt");
    CHECK(head[head.size() - 2] == "Fejltype");
    CHECK(head.back() == "Begrundelser");
    for (const auto& r : rows) CHECK(r.size() == head.size());
    CHECK(rows[4][0] == "2012-kolding-budget-xxx.pdf");
    CHECK(rows[4][5] == "Ikke i orden");
    CHECK(rows[4].back().find("Budget") != std::string::npos);  // the reasons in words
    const auto& broken = rows[8];
    CHECK(broken[0] == "defekt.pdf");
    CHECK(broken[5] == "Kan ikke læses");
    CHECK_FALSE(broken[broken.size() - 2].empty());  // the error kind
    CHECK_FALSE(broken.back().empty());              // and its message
    // The default dialect is unchanged: comma, no BOM, a row per requirement.
    Batch d({"-f", "csv"});
    const std::string plain = slurp(fs::path(d.out) / "plantjek.csv");
    CHECK(plain.rfind("file,municipality,", 0) == 0);
}

TEST_CASE("overview printed in headless Chromium: A4 landscape, every column on the page", "[overview][print][region]") {
    // scripts/setup --test installs both; a machine without them fails here rather than passing unrun.
    REQUIRE(fs::exists("/usr/bin/chromium"));
    REQUIRE(fs::exists("/usr/bin/pdftotext"));
    TempDir dir;
    const std::string out = (dir.path / "ud").string() + "/";
    std::vector<std::string> args = {"check", "--no-spelling", "--fail-on", "never", "-f", "html", "-o", out};
    for (const char* f : {"corpus/txt/2010-odense-complete.txt", "corpus/pdf/2010-odense-complete.pdf",
                          "corpus/pdf/2012-kolding-budget-xxx.pdf", "corpus/docx/2012-aarhus-complete.docx",
                          "corpus/pdf/2021-2024-gentofte-multiyear.pdf", "corpus/pdf/2011-horsens-complete.pdf"})
        args.push_back(source(f));
    REQUIRE(run_cli(args).code == 0);
    const std::string page = slurp(fs::path(out) / "index.html"), pdf = (dir.path / "oversigt.pdf").string();
    auto c = run_command({"/usr/bin/timeout", "-k", "10", "120", "/usr/bin/chromium", "--headless", "--no-sandbox",
                          "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=" + (dir.path / "profil").string(),
                          "--print-to-pdf=" + pdf, "file://" + out + "index.html"});
    INFO(c.err);
    REQUIRE(fs::exists(pdf));
    auto info = run_command({"/usr/bin/pdfinfo", pdf});
    CHECK(info.out.find("841.92 x 594.96") != std::string::npos);  // A4, landscape
    auto text = run_command({"/usr/bin/pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"}).out;
    INFO(text);
    // Every head of the table, as printed (requirements abbreviated K1 …), and the legend.
    std::vector<std::string> heads = {"Fil", "Kommune", "Planår", "Art", "Stadie", "Status", "Dublet"};
    int reqs = 0;
    for (std::size_t p = page.find("<span class=\"abbr\">K"); p != std::string::npos; p = page.find("<span class=\"abbr\">K", p + 1))
        ++reqs;
    REQUIRE(reqs >= 10);
    for (int k = 1; k <= reqs; ++k) heads.push_back("K" + std::to_string(k));
    int goals = 0;
    for (std::size_t p = page.find("<th class=\"goal\""); p != std::string::npos; p = page.find("<th class=\"goal\"", p + 1))
        ++goals;
    REQUIRE(goals >= 4);
    for (int n = 1; n <= goals; ++n) heads.push_back("Mål " + std::to_string(n));  // the rightmost columns
    for (const auto& h : heads) {
        INFO(h);
        CHECK(text.find(h) != std::string::npos);
    }
    CHECK(text.find("K" + std::to_string(reqs) + " ") != std::string::npos);  // the legend
    CHECK(text.find("samme plan") != std::string::npos);
    CHECK(text.find("1.610 personer") != std::string::npos);  // a goal cell of the rightmost block
}
