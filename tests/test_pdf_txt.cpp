// The PDF and plain-text readers, against the fixtures made by
// tests/fixtures/make_pdf_fixtures.sh.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "extractor/encoding.h"
#include "extractor/pdf_layout.h"
#include "extractor/reader.h"

using namespace plantjek;

namespace {

std::string fixture(const std::string& name) {
    std::string path = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/pdf/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Document open_pdf(const std::string& name, const std::string& password = {}) {
    ReadOptions o;
    o.password = password;
    return read_pdf(fixture(name), o);
}

ErrorKind pdf_error(std::string_view bytes, const std::string& password = {}) {
    ReadOptions o;
    o.password = password;
    try {
        read_pdf(bytes, o);
    } catch (const ReadError& e) {
        return e.kind();
    }
    FAIL("no ReadError");
    return ErrorKind::io;
}

std::string page_text(const Document& d, int page) {
    std::string s;
    for (const auto& b : d.blocks)
        if (b.page == page) s += b.text + "\n\n";
    return s;
}

const Block* find_block(const Document& d, std::string_view text) {
    for (const auto& b : d.blocks)
        if (b.text == text) return &b;
    return nullptr;
}

Document txt(std::string_view bytes) { return read_txt(bytes, ReadOptions{}); }

}  // namespace

TEST_CASE("pdf: pages and per-page text in reading order", "[pdf]") {
    Document d = open_pdf("danish.pdf");
    CHECK(d.format == Format::pdf);
    CHECK(d.meta.pages == 3);
    CHECK(d.meta.pages_without_text.empty());
    std::string p1 = page_text(d, 1);
    auto intro = p1.find("1. Indledning"), goals = p1.find("1.1 Ministerens mål");
    REQUIRE(intro != std::string::npos);
    REQUIRE(goals != std::string::npos);
    CHECK(intro < goals);
    CHECK(page_text(d, 2).find("De største udfordringer") != std::string::npos);
    CHECK(page_text(d, 3).find("Budgettet for beskæftigelsesindsatsen") != std::string::npos);
    CHECK(page_text(d, 2).find("Budgettet") == std::string::npos);
    for (std::size_t i = 0; i < d.blocks.size(); ++i) CHECK(d.blocks[i].source_index == i);
}

TEST_CASE("pdf: headings are blocks of their own, larger or bold", "[pdf]") {
    Document d = open_pdf("danish.pdf");
    const Block* h1 = find_block(d, "1. Indledning");
    const Block* h2 = find_block(d, "1.1 Ministerens mål");
    REQUIRE(h1);
    REQUIRE(h2);
    CHECK(h1->bold);
    CHECK(h1->font_size == Approx(18.0));
    CHECK(h2->font_size == Approx(14.0));
    // Matched with the bookmarks: the source marks them as headings.
    CHECK(h1->kind == BlockKind::heading);
    CHECK(h1->outline_level == 1);
    CHECK(h2->outline_level == 2);
    // A bold line in body size standing alone is its own block.
    const Block* bold = find_block(d, "Mål 1: Flere unge i uddannelse");
    REQUIRE(bold);
    CHECK(bold->bold);
    CHECK(bold->font_size == Approx(11.0));
    CHECK(bold->kind == BlockKind::paragraph);
    const Block* body = find_block(d, "Ministeren har fastsat fire mål for beskæftigelsesindsatsen i 2012.");
    REQUIRE(body);
    CHECK_FALSE(body->bold);
}

TEST_CASE("pdf: end-of-line hyphens are kept, lines joined with newline", "[pdf]") {
    Document d = open_pdf("danish.pdf");
    const Block* b = find_block(d,
                                "Planen dækker både Beskæftigelses-\n"
                                "og uddannelsesindsatsen og den virksomhedsrettede indsats, hvor beskæf-\n"
                                "tigelse er det centrale mål.");
    CHECK(b);
}

TEST_CASE("pdf: running header and footer are marked", "[pdf]") {
    Document d = open_pdf("danish.pdf");
    for (int page = 1; page <= 3; ++page) {
        int headers = 0, footers = 0;
        for (const auto& b : d.blocks) {
            if (b.page != page) continue;
            if (b.kind == BlockKind::header) {
                ++headers;
                CHECK(b.text == "Beskæftigelsesplan 2012 – Testkommune");
            }
            if (b.kind == BlockKind::footer) {
                ++footers;
                CHECK(b.text == "Side " + std::to_string(page));
            }
        }
        CHECK(headers == 1);
        CHECK(footers == 1);
    }
}

TEST_CASE("pdf: bookmarks with levels and pages", "[pdf]") {
    Document d = open_pdf("danish.pdf");
    REQUIRE(d.bookmarks.size() == 4);
    CHECK(d.bookmarks[0].title == "1. Indledning");
    CHECK(d.bookmarks[0].level == 1);
    CHECK(d.bookmarks[0].page == 1);
    CHECK(d.bookmarks[1].title == "1.1 Ministerens mål");
    CHECK(d.bookmarks[1].level == 2);
    CHECK(d.bookmarks[2].title == "2. Udfordringer");
    CHECK(d.bookmarks[2].page == 2);
    CHECK(d.bookmarks[3].title == "3. Budget");
    CHECK(d.bookmarks[3].page == 3);
}

TEST_CASE("pdf: metadata", "[pdf]") {
    Document d = open_pdf("danish.pdf");
    CHECK(d.meta.title == "Beskæftigelsesplan 2012");
    CHECK(d.meta.author == "Jobcenter Testkommune");
    CHECK(d.meta.subject == "Testkommunes beskæftigelsesplan");
    CHECK(d.meta.creator == "Writer");
    CHECK(d.meta.producer.rfind("LibreOffice", 0) == 0);
    // ISO 8601: 2026-11-22T13:52:49Z or with a +hh:mm offset.
    REQUIRE(d.meta.created.size() >= 19);
    CHECK(d.meta.created[4] == '-');
    CHECK(d.meta.created[10] == 'T');
    CHECK(d.meta.created[13] == ':');
    CHECK_FALSE(d.meta.encrypted);
}

TEST_CASE("pdf: two columns are read column by column", "[pdf]") {
    Document d = open_pdf(GENERATE(as<std::string>{}, "columns.pdf", "rotated.pdf"));
    std::string all = page_text(d, 1);
    std::size_t last = 0;
    for (int i = 1; i <= 10; ++i) {
        std::size_t at = all.find("Afsnit " + std::to_string(i) + ".");
        INFO("Afsnit " << i);
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    // Each paragraph stays one block, its lines not mixed with the other column.
    const Block* first = nullptr;
    for (const auto& b : d.blocks)
        if (b.text.rfind("Afsnit 1.", 0) == 0) first = &b;
    REQUIRE(first);
    CHECK(first->text ==
          "Afsnit 1. Venstre spalte begynder her med en\nsætning om ledighed og jobcentrets indsats for\n"
          "de forsikrede ledige.");
}

TEST_CASE("pdf: table text is present, row by row", "[pdf]") {
    Document d = open_pdf("table.pdf");
    std::string all = page_text(d, 1);
    for (const char* cell : {"Niveau 2011", "Måltal 2012", "Unge på offentlig forsørgelse", "1.234", "1.172",
                             "Langtidsledige", "456", "410"})
        CHECK(all.find(cell) != std::string::npos);
    CHECK(all.find("1.172") < all.find("Langtidsledige"));
}

TEST_CASE("pdf: encryption", "[pdf]") {
    std::string enc = fixture("encrypted.pdf");
    CHECK(pdf_error(enc) == ErrorKind::encrypted);
    CHECK(pdf_error(enc, "forkert") == ErrorKind::encrypted);
    try {
        read_pdf(enc, ReadOptions{});
    } catch (const ReadError& e) {
        CHECK(e.message(Lang::da).find("--password") != std::string::npos);
        CHECK(e.message(Lang::en).find("--password") != std::string::npos);
    }
    Document d = open_pdf("encrypted.pdf", "hemmelig");
    CHECK(d.meta.encrypted);
    CHECK(d.meta.pages == 3);
    CHECK(find_block(d, "1. Indledning"));
    // The owner password opens it too.
    CHECK(open_pdf("encrypted.pdf", "ejer").meta.pages == 3);
}

TEST_CASE("pdf: owner-only restriction is read anyway and flagged", "[pdf]") {
    Document d = open_pdf("restricted.pdf");
    CHECK(d.meta.encrypted);
    CHECK(find_block(d, "3. Budget"));
    REQUIRE_FALSE(d.notes.empty());
    CHECK(d.notes[0].find("copying") != std::string::npos);
}

TEST_CASE("pdf: no text layer", "[pdf]") {
    CHECK(pdf_error(fixture("scanned.pdf")) == ErrorKind::no_text);
    Document d = open_pdf("mixed.pdf");
    CHECK(d.meta.pages == 2);
    CHECK(d.meta.pages_without_text == std::vector<int>{2});
    CHECK_FALSE(page_text(d, 1).empty());
}

TEST_CASE("pdf: damaged files are corrupt", "[pdf]") {
    std::string good = fixture("danish.pdf");
    for (std::size_t n : {std::size_t{100}, std::size_t{1000}, good.size() / 2})
        CHECK(pdf_error(good.substr(0, n)) == ErrorKind::corrupt);
    CHECK(pdf_error("%PDF-1.7\ngarbage garbage \x01\x02 more") == ErrorKind::corrupt);
    CHECK(pdf_error("%PDF-") == ErrorKind::corrupt);
}

TEST_CASE("pdf: page limit reads the first pages and says so", "[pdf]") {
    ReadOptions o;
    o.limits.max_pages = 2;
    Document d = read_pdf(fixture("danish.pdf"), o);
    CHECK(d.meta.pages == 3);
    CHECK(page_text(d, 3).empty());
    CHECK_FALSE(page_text(d, 2).empty());
    REQUIRE_FALSE(d.notes.empty());
    CHECK(d.notes.back().find("first 2 of 3") != std::string::npos);
}

TEST_CASE("pdf: sniffed and read through read_document_bytes", "[pdf]") {
    Document d = read_document_bytes(fixture("danish.pdf"));
    CHECK(d.format == Format::pdf);
    CHECK(d.meta.pages == 3);
}

TEST_CASE("pdf layout: bold font names", "[pdf]") {
    CHECK(pdf::is_bold_font("CAAAAA+Carlito-Bold"));
    CHECK(pdf::is_bold_font("Arial,BoldItalic"));
    CHECK(pdf::is_bold_font("OpenSans-SemiBold"));
    CHECK(pdf::is_bold_font("Helvetica-Black"));
    CHECK_FALSE(pdf::is_bold_font("BAAAAA+Carlito"));
    CHECK_FALSE(pdf::is_bold_font("TimesNewRomanPS-ItalicMT"));
    // The subset prefix is not part of the name: "BOLDAA+" is no bold face.
    CHECK_FALSE(pdf::is_bold_font("BOLDAA+Carlito"));
}

TEST_CASE("pdf layout: gap and indentation split paragraphs, a short heading stands alone", "[pdf]") {
    auto w = [](std::string t, double x0, double y, double x1, double size = 10, bool bold = false) {
        return pdf::Word{std::move(t), x0, y, x1, y + size * 1.2, size, bold, true};
    };
    std::vector<pdf::Word> words = {
        w("Overskrift", 50, 100, 120, 10, true),
        w("Første", 50, 114, 90), w("linje", 92, 114, 300),
        w("anden", 50, 126, 90), w("linje.", 92, 126, 200),
        w("Nyt", 50, 150, 70), w("afsnit", 72, 150, 300),
        w("efter", 50, 162, 300),
        w("Indrykket", 70, 174, 300),
    };
    auto blocks = pdf::layout_page(words, 600, 800, 4);
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[0].text == "Overskrift");
    CHECK(blocks[0].bold);
    CHECK(blocks[1].text == "Første linje\nanden linje.");
    CHECK(blocks[2].text == "Nyt afsnit\nefter");
    CHECK(blocks[3].text == "Indrykket");
    for (const auto& b : blocks) CHECK(b.page == 4);
}

TEST_CASE("txt: encodings", "[txt]") {
    Document u = txt("Beskæftigelse og ø\n");
    CHECK(u.meta.encoding == "utf-8");
    CHECK(u.blocks.at(0).text == "Beskæftigelse og ø");

    Document bom = txt("\xEF\xBB\xBF" "Århus");
    CHECK(bom.meta.encoding == "utf-8-bom");
    CHECK(bom.blocks.at(0).text == "Århus");

    Document le = txt(std::string("\xFF\xFE" "A\0\xE6\0\xF8\0\xE5\0", 10));
    CHECK(le.meta.encoding == "utf-16le");
    CHECK(le.blocks.at(0).text == "Aæøå");

    Document be = txt(std::string("\xFE\xFF\0A\0\xE6\0\xF8\0\xE5", 10));
    CHECK(be.meta.encoding == "utf-16be");
    CHECK(be.blocks.at(0).text == "Aæøå");

    Document cp = txt("K\xF8" "benhavn \xE6\xF8\xE5 \x96 \x80");
    CHECK(cp.meta.encoding == "windows-1252");
    CHECK(cp.blocks.at(0).text == "København æøå – €");
}

TEST_CASE("txt: line ends, paragraphs and pages", "[txt]") {
    Document d = txt("Første afsnit, linje et\r\nlinje to med Beskæftigelses-\r\nog mere\r\n\r\n"
                     "Andet afsnit\rpå to linjer\n\n\n  \nTredje\fSide to\n\nsidste\f");
    REQUIRE(d.blocks.size() == 5);
    CHECK(d.blocks[0].text == "Første afsnit, linje et\nlinje to med Beskæftigelses-\nog mere");
    CHECK(d.blocks[0].page == 1);
    CHECK(d.blocks[0].source_index == 1);
    CHECK(d.blocks[1].text == "Andet afsnit\npå to linjer");
    CHECK(d.blocks[1].source_index == 5);
    CHECK(d.blocks[2].text == "Tredje");
    CHECK(d.blocks[2].page == 1);
    CHECK(d.blocks[3].text == "Side to");
    CHECK(d.blocks[3].page == 2);
    CHECK(d.blocks[4].text == "sidste");
    CHECK(d.meta.pages == 2);
    for (const auto& b : d.blocks) CHECK(b.text.find('\r') == std::string::npos);
}

TEST_CASE("txt: empty of text", "[txt]") {
    try {
        txt(" \n\r\n\f\t ");
        FAIL("no error");
    } catch (const ReadError& e) {
        CHECK(e.kind() == ErrorKind::no_text);
    }
}

TEST_CASE("txt: double-encoded UTF-8 is repaired once", "[txt]") {
    Document d = txt("BeskÃ¦ftigelsesplan for KÃ¸benhavn og Ã…rhus\n\nÃ†ldre");
    CHECK(d.blocks.at(0).text == "Beskæftigelsesplan for København og Århus");
    CHECK(d.blocks.at(1).text == "Ældre");
    REQUIRE_FALSE(d.notes.empty());
    CHECK(d.notes[0].find("double-encoded") != std::string::npos);
    // Genuine text with a single "Ã" is left alone.
    Document ok = txt("Ã er et bogstav i æøå-teksten");
    CHECK(ok.blocks.at(0).text == "Ã er et bogstav i æøå-teksten");
    CHECK(ok.notes.empty());
}

TEST_CASE("encoding: invalid units become U+FFFD", "[txt]") {
    CHECK(encoding::convert(std::string("A\0\x00\xD8", 4), "UTF-16LE") == "A\xEF\xBF\xBD");  // lone surrogate
    CHECK(encoding::convert("ab\x81", "WINDOWS-1252") == "ab\xEF\xBF\xBD");                   // undefined in 1252
    CHECK(encoding::to_utf8("\xFF\xFE" "A").text == "\xEF\xBF\xBD");                            // odd length
}
