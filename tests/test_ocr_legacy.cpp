// Archives: scanned PDFs read by Danish OCR (extractor/ocr.h) and old
// Word .doc / .rtf files (extractor/legacy_reader.cpp).
//
// The corpus part checks corpus/scanned/<id>.pdf and corpus/legacy/<id>.doc|rtf
// against the gold file of the born-digital plan <id> (the file's stem is the
// gold id) and against the born-digital PDF's own verdicts, and prints FIGURE
// lines. OCR costs ~2 s of CPU per page: the whole file OCRs 7 pages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/check.h"
#include "corpus_support.h"
#include "extractor/ocr.h"
#include "extractor/reader.h"

using namespace plantjek;
using namespace plantjek::test;

namespace {

std::string all_text(const Document& d) {
    std::string s;
    for (const auto& b : d.blocks) s += b.text + "\n";
    return s;
}

bool have_antiword() {
    for (const char* dir : {"/usr/bin/antiword", "/usr/local/bin/antiword", "/bin/antiword"})
        if (std::filesystem::exists(dir)) return true;
    return false;
}

ErrorKind error_of(std::string_view bytes, const ReadOptions& o = {}) {
    try {
        read_document_bytes(bytes, o);
    } catch (const ReadError& e) {
        return e.kind();
    }
    FAIL("no error");
    return ErrorKind::io;
}

const GoldPlan* gold_for(const std::vector<GoldPlan>& gold, const std::string& id) {
    for (const auto& g : gold)
        if (g.id == id) return &g;
    return nullptr;
}

std::vector<std::filesystem::path> files_in(const std::string& sub) {
    std::vector<std::filesystem::path> v;
    auto dir = corpus_dir() / sub;
    if (std::filesystem::is_directory(dir))
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.is_regular_file()) v.push_back(e.path());
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

// ------------------------------------------------------------------ RTF

TEST_CASE("rtf: paragraphs, headings from the stylesheet, tables, title", "[legacy][rtf]") {
    Document d = read_document((corpus_dir() / "legacy" / "2011-horsens-complete.rtf").string());
    CHECK(d.format == Format::rtf);
    CHECK(std::string(format_name(d.format)) == "rtf");
    CHECK(d.meta.title == "Beskæftigelsesplan 2011");
    int headings = 0, cells = 0;
    bool h21 = false;
    for (const auto& b : d.blocks) {
        if (b.kind == BlockKind::heading) ++headings;
        if (b.kind == BlockKind::table_cell) ++cells;
        if (b.kind == BlockKind::heading && b.text == "2.1 Langtidsledigheden skal begrænses") h21 = b.outline_level == 2;
    }
    CHECK(h21);
    CHECK(headings >= 10);
    CHECK(cells >= 20);
    std::string t = all_text(d);
    CHECK(t.find("Færre på permanente forsørgelsesydelser") != std::string::npos);
    CHECK(t.find("fonttbl") == std::string::npos);
    CHECK(t.find("Times New Roman") == std::string::npos);
}

TEST_CASE("rtf: escapes, \\u with fallback, code page, footnotes apart, page breaks", "[legacy][rtf]") {
    std::string rtf =
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}"
        "{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0 Overskrift 1;}{\\*\\cs10 Default;}}"
        "{\\info{\\title Besk\\'e6ftigelsesplan 2009}{\\author Jobcenter}}"
        "{\\*\\generator Microsoft Word}"
        "\\pard\\plain\\s1 1. Indledning\\par"
        "\\pard\\plain Besk\\u230\\'e6ftigelse {\\uc2\\u248\\'f8\\'f8} \\'f8 \\'e5\\{x\\} \\endash  a\\~b{\\b fed}"
        "{\\super\\chftn}{\\footnote\\pard\\plain Fodnote her.\\par}\\par"
        "\\pard\\plain\\outlinelevel1 1.1 Under\\par"
        "{\\header Sidehoved}{\\field{\\*\\fldinst PAGE}{\\fldrslt 7}}\\par"
        "\\page Side to\\par"
        "\\trowd\\cellx100\\cellx200\\pard\\intbl A1\\cell B1\\cell\\row"
        "\\trowd\\pard\\intbl A2\\cell B2\\cell\\row"
        "\\pard Efter\\par}";
    Document d = read_document_bytes(rtf);
    REQUIRE(d.format == Format::rtf);
    CHECK(d.meta.title == "Beskæftigelsesplan 2009");
    CHECK(d.meta.author == "Jobcenter");
    std::vector<const Block*> body, notes, cells;
    for (const auto& b : d.blocks) {
        if (b.kind == BlockKind::footnote) notes.push_back(&b);
        else if (b.kind == BlockKind::table_cell) cells.push_back(&b);
        else body.push_back(&b);
    }
    REQUIRE(body.size() >= 5);
    CHECK(body[0]->kind == BlockKind::heading);
    CHECK(body[0]->outline_level == 1);
    CHECK(body[0]->style == "Overskrift 1");
    CHECK(body[0]->text == "1. Indledning");
    // \u230 is æ with its fallback \'e6 skipped; under \uc2 two fallback bytes are skipped
    CHECK(body[1]->text.find("Beskæftigelse ø ø å{x} – a\xC2\xA0" "bfed") != std::string::npos);
    CHECK(body[1]->text.find("Fodnote") == std::string::npos);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]->text == "Fodnote her.");
    CHECK(body[2]->kind == BlockKind::heading);
    CHECK(body[2]->outline_level == 2);
    CHECK(body[3]->text == "7");  // field result kept, instruction and header dropped
    CHECK(body[4]->text == "Side to");
    CHECK(body[4]->page == 2);
    REQUIRE(cells.size() == 4);
    CHECK(cells[0]->text == "A1");
    CHECK(cells[3]->text == "B2");
    CHECK(cells[3]->row == 1);
    CHECK(cells[3]->col == 1);
    CHECK(d.blocks.back().text == "Efter");
}

TEST_CASE("rtf: an RTF file without text is no-text, garbage never crashes", "[legacy][rtf]") {
    CHECK(error_of("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}") == ErrorKind::no_text);
    for (std::string s : {std::string("{\\rtf1 {{{{"), std::string("{\\rtf1 \\'"), std::string("{\\rtf1 \\bin99999 x"),
                          std::string("{\\rtf1 }}}}} x"), std::string("{\\rtf1 \\u"), std::string("{\\rtf1\\uc5\\u65 ")}) {
        try {
            read_document_bytes(s);
        } catch (const ReadError&) {
        }
    }
}

// ------------------------------------------------------------------ DOC

TEST_CASE("doc: Word 97-2003 through antiword", "[legacy][doc]") {
    if (!have_antiword()) {
        WARN("antiword is not installed: .doc test skipped");
        return;
    }
    Document d = read_document((corpus_dir() / "legacy" / "2010-odense-complete.doc").string());
    CHECK(d.format == Format::doc);
    std::string t = all_text(d);
    CHECK(t.find("2.1 Virksomhederne skal have den arbejdskraft, de har behov for") != std::string::npos);
    CHECK(t.find("Beskæftigelsesministerens mål for 2010") != std::string::npos);
    int cells = 0;
    for (const auto& b : d.blocks)
        if (b.kind == BlockKind::table_cell) ++cells;
    CHECK(cells >= 10);
    // An OLE header with nothing behind it: antiword refuses it.
    CHECK(error_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12)) == ErrorKind::corrupt);
}

// ------------------------------------------------------------------ OCR

TEST_CASE("ocr: --ocr never keeps a scanned PDF unreadable (no-text)", "[ocr]") {
    const std::string fx = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/pdf/";
    ReadOptions never;
    never.ocr = OcrMode::never;
    try {
        read_document(fx + "scanned.pdf", never);
        FAIL("read");
    } catch (const ReadError& e) {
        CHECK(e.kind() == ErrorKind::no_text);
        CHECK(e.message(Lang::en).find("--ocr") != std::string::npos);
    }
    Document mixed = read_document(fx + "mixed.pdf", never);
    CHECK(mixed.meta.pages_without_text == std::vector<int>{2});
    CHECK(mixed.meta.ocr_pages.empty());
}

TEST_CASE("ocr: a scanned plan is read by Danish OCR, its blocks marked", "[ocr]") {
    std::string why;
    REQUIRE(ocr::available(&why));
    Document d = read_document((corpus_dir() / "scanned" / "2017-thisted-goal-missing.pdf").string());
    CHECK(d.meta.pages_without_text == std::vector<int>{1, 2});
    CHECK(d.meta.ocr_pages == std::vector<int>{1, 2});
    CHECK(d.meta.ocr_confidence > 80);
    std::string t = all_text(d);
    CHECK(t.find("Beskæftigelsesplan 2017") != std::string::npos);
    CHECK(t.find("Thisted Kommune") != std::string::npos);
    CHECK(t.find("Mål 2: Flere unge skal have en uddannelse") != std::string::npos);
    for (const auto& b : d.blocks) CHECK(b.ocr);
}

TEST_CASE("ocr: --ocr always reads a page with a text layer by OCR too", "[ocr]") {
    ReadOptions always;
    always.ocr = OcrMode::always;
    Document d = read_document((corpus_dir() / "pdf" / "2015-furesoe-opfoelgning.pdf").string(), always);
    CHECK(d.meta.pages_without_text.empty());
    CHECK(d.meta.ocr_pages == std::vector<int>{1});
    CHECK(all_text(d).find("Furesø") != std::string::npos);
}

// ------------------------------------------------------------------ corpus

TEST_CASE("corpus: scanned and legacy plans get the verdicts of their born-digital versions", "[ocr][legacy][corpus]") {
    auto gold = load_gold();
    CheckOptions opts;
    opts.spelling = false;
    CheckSession session(opts);
    int files = 0, identity_right = 0, triples = 0, agree_gold = 0, agree_digital = 0, ocr_pages = 0;
    double conf_sum = 0;
    std::vector<std::string> misses;
    std::vector<std::filesystem::path> all = files_in("scanned");
    for (const auto& p : files_in("legacy")) all.push_back(p);
    for (const auto& path : all) {
        std::string id = path.stem().string();
        const GoldPlan* g = gold_for(gold, id);
        INFO(path.string());
        REQUIRE(g);
        ++files;
        Report r = session.check(path.string());
        Report born = session.check(file_for(*g, "pdf"));
        std::string tag = id + path.extension().string();
        if (r.status == Status::unreadable) {
            misses.push_back(tag + ": unreadable (" + r.error->message.en + ")");
            continue;
        }
        if (!r.ocr_pages.empty()) {
            ocr_pages += static_cast<int>(r.ocr_pages.size());
            conf_sum += r.ocr_confidence * static_cast<double>(r.ocr_pages.size());
        }
        bool ident = r.municipalities == g->municipalities && r.years == g->years;
        if (ident)
            ++identity_right;
        else
            misses.push_back(tag + ": kommune/year " + (r.municipalities.empty() ? "-" : r.municipalities[0]) + " " +
                             (r.years.empty() ? "-" : std::to_string(r.years[0])));
        std::map<std::string, std::string> got, digital;
        for (const auto& q : r.requirements) got[q.id] = req_status_name(q.status);
        for (const auto& q : born.requirements) digital[q.id] = req_status_name(q.status);
        for (const auto& [rid, want] : g->requirements) {
            ++triples;
            std::string have = got.count(rid) ? got[rid] : "absent";
            if (have == want) ++agree_gold;
            else misses.push_back(tag + " " + rid + ": gold " + want + ", got " + have);
            if (digital.count(rid) && digital[rid] == have) ++agree_digital;
            else misses.push_back(tag + " " + rid + ": born-digital " + digital[rid] + ", got " + have);
        }
    }
    for (const auto& m : misses) std::cout << "  miss: " << m << "\n";
    std::cout << "FIGURE archive_files " << files << "\n"
              << "FIGURE archive_identity_right " << identity_right << " of " << files << "\n"
              << "FIGURE archive_requirements_as_born_digital " << agree_digital << " of " << triples << "\n"
              << "FIGURE archive_requirements_as_gold " << agree_gold << " of " << triples << "\n"
              << "FIGURE archive_ocr_pages " << ocr_pages << " mean confidence "
              << (ocr_pages ? conf_sum / ocr_pages : 0) << "\n";
    CHECK(files >= 4);
    CHECK(identity_right == files);
    // The issue asks for the same verdicts as the born-digital versions: all of them.
    CHECK(agree_digital == triples);
    CHECK(agree_gold == triples);
}
