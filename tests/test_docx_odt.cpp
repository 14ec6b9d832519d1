// The DOCX and ODT readers and the safe zip/XML layer beneath them: real
// files from pandoc and LibreOffice (tests/fixtures/make_office_fixtures.sh),
// hand-made packages for edge cases, and hostile packages built here with
// libzip (zip bomb, too many entries, encryption, billion laughs, XXE, deep
// nesting, truncation, wrong or empty zips).
#include <catch2/catch.hpp>

#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extractor/reader.h"
#include "extractor/safe_xml.h"
#include "extractor/safe_zip.h"

using namespace plantjek;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string fixture(const std::string& rel) {
    return slurp(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/" + rel);
}

// ---- building zips with libzip -------------------------------------------

struct Entry {
    std::string name, data;
    bool store = false;    // no compression
    bool encrypt = false;  // password-protect this entry
};

class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "plantjek-docx-XXXXXX").string();
        REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// Sets the "encrypted" flag (bit 0) of every local and central header: what
// any encrypting writer does, and libzip then reports the entry encrypted.
void flag_all_encrypted(std::string& z) {
    for (std::size_t i = 0; i + 10 < z.size(); ++i) {
        if (z.compare(i, 4, "PK\x03\x04") == 0) z[i + 6] = static_cast<char>(z[i + 6] | 1);
        if (z.compare(i, 4, "PK\x01\x02") == 0) z[i + 8] = static_cast<char>(z[i + 8] | 1);
    }
}

std::string make_zip(const std::vector<Entry>& entries) {
    TempDir dir;
    std::string path = dir.file("t.zip");
    int err = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(za);
    bool patch_encryption = false;
    for (const auto& e : entries) {
        zip_source_t* src = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
        REQUIRE(src);
        zip_int64_t idx = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        REQUIRE(idx >= 0);
        zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
        if (e.encrypt) {
            if (zip_encryption_method_supported(ZIP_EM_AES_256, 1))
                REQUIRE(zip_file_set_encryption(za, static_cast<zip_uint64_t>(idx), ZIP_EM_AES_256, "hemmelig") == 0);
            else if (zip_encryption_method_supported(ZIP_EM_TRAD_PKWARE, 1))
                REQUIRE(zip_file_set_encryption(za, static_cast<zip_uint64_t>(idx), ZIP_EM_TRAD_PKWARE, "hemmelig") == 0);
            else
                patch_encryption = true;
        }
    }
    REQUIRE(zip_close(za) == 0);
    std::string z = slurp(path);
    if (patch_encryption) flag_all_encrypted(z);
    return z;
}

constexpr const char* kWNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";

std::string document_xml(const std::string& body) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document ") + kWNs +
           "><w:body>" + body + "</w:body></w:document>";
}

const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" "
    "ContentType=\"application/xml\"/></Types>";

std::string docx_with(const std::string& body, std::vector<Entry> extra = {}) {
    std::vector<Entry> e = {{"[Content_Types].xml", kContentTypes}, {"word/document.xml", document_xml(body)}};
    for (auto& x : extra) e.push_back(std::move(x));
    return make_zip(e);
}

std::string para(const std::string& text, const std::string& ppr = "") {
    return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">" + text +
           "</w:t></w:r></w:p>";
}

// ---- reading and asserting ------------------------------------------------

ReadError read_error(std::string_view bytes, Format f, const ReadOptions& o = {}) {
    try {
        if (f == Format::odt)
            read_odt(bytes, o);
        else
            read_docx(bytes, o);
    } catch (const ReadError& e) {
        return e;
    }
    FAIL("no ReadError");
    return ReadError(ErrorKind::io, "", "");
}

const Block* find(const Document& d, std::string_view text) {
    for (const auto& b : d.blocks)
        if (b.text == text) return &b;
    return nullptr;
}

std::string all_text(const Document& d) {
    std::string s;
    for (const auto& b : d.blocks) s += b.text + "\n";
    return s;
}

std::string body_text(const Document& d) {
    std::string s;
    for (const auto& b : d.blocks)
        if (b.kind != BlockKind::footnote && b.kind != BlockKind::header && b.kind != BlockKind::footer)
            s += b.text + "\n";
    return s;
}

bool contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

void check_message(const ReadError& e) {
    CHECK_FALSE(e.message(Lang::da).empty());
    CHECK_FALSE(e.message(Lang::en).empty());
    CHECK(e.message(Lang::da) != e.message(Lang::en));
}

// Random-looking letters that deflate does not shrink much (a simple LCG).
std::string noise(std::size_t n, unsigned seed = 7) {
    std::string s(n, 'a');
    for (auto& c : s) {
        seed = seed * 1103515245u + 12345u;
        c = static_cast<char>('a' + (seed >> 16) % 26);
    }
    return s;
}

}  // namespace

// ===== real files: pandoc DOCX ============================================

TEST_CASE("docx (pandoc): headings, lists, bold, metadata", "[docx]") {
    Document d = read_document_bytes(fixture("docx/plan.docx"));
    CHECK(d.format == Format::docx);
    CHECK(d.meta.title == "Beskæftigelsesplan 2026");
    CHECK(d.meta.author == "Jobcenter Ærø");
    CHECK(d.meta.created.starts_with("2026-01-01"));

    const Block* h1 = find(d, "Indledning");
    const Block* h2 = find(d, "Ministerens mål");
    const Block* h3 = find(d, "Målgrupper");
    REQUIRE(h1);
    REQUIRE(h2);
    REQUIRE(h3);
    CHECK(h1->kind == BlockKind::heading);
    CHECK(h1->outline_level == 1);
    CHECK(h2->outline_level == 2);
    CHECK(h3->outline_level == 3);
    CHECK(h1->style == "Heading 1");

    const Block* body = find(d, "Ministeren har fastsat fire mål for beskæftigelsesindsatsen.");
    REQUIRE(body);
    CHECK(body->kind == BlockKind::paragraph);
    CHECK_FALSE(body->bold);
    const Block* bold = find(d, "Hele dette afsnit er fremhævet med fed skrift.");
    REQUIRE(bold);
    CHECK(bold->bold);

    const Block* bullet = find(d, "Første punkt om ledighed");
    REQUIRE(bullet);
    CHECK(bullet->kind == BlockKind::list_item);
    CHECK(bullet->number == "•");
    const Block* n1 = find(d, "Første nummererede mål");
    const Block* n2 = find(d, "Andet nummererede mål");
    REQUIRE(n1);
    REQUIRE(n2);
    CHECK(n1->kind == BlockKind::list_item);
    CHECK(n1->number == "1");
    CHECK(n2->number == "2");
}

TEST_CASE("docx (pandoc): tracked changes, comments, footnote, page break, table", "[docx]") {
    Document d = read_docx(fixture("docx/plan.docx"), {});
    CHECK(d.meta.tracked_changes);
    CHECK(d.meta.comments);
    std::string body = body_text(d);
    CHECK(contains(body, "Tekst med indsat tekst og"));
    CHECK_FALSE(contains(all_text(d), "slettet tekst"));
    CHECK_FALSE(contains(all_text(d), "Husk at tjekke tallene"));
    CHECK(contains(body, "Her er kommenteret tekst i planen."));
    REQUIRE(d.meta.revisions.size() == 3);  // the comment's range start and reference count once
    CHECK(d.meta.revisions[2].kind == Revision::Kind::comment);
    CHECK(d.meta.revisions[2].excerpt == "Husk at tjekke tallene");
    CHECK(d.meta.revisions[2].source_index == find(d, "Her er kommenteret tekst i planen.")->source_index);

    // The footnote is a block of its own after the body, not inside the paragraph.
    const Block* fn = find(d, "Kilde: Jobindsats.dk, opgjort i august.");
    REQUIRE(fn);
    CHECK(fn->kind == BlockKind::footnote);
    CHECK(fn->number == "1");
    CHECK(fn == &d.blocks.back());
    CHECK(find(d, "Beskæftigelsesplanen for Ærø Kommune beskriver målene for året."));
    CHECK_FALSE(contains(body, "Jobindsats"));

    REQUIRE(find(d, "Indledning"));
    CHECK(find(d, "Indledning")->page == 1);
    REQUIRE(find(d, "Udfordringer"));
    CHECK(find(d, "Udfordringer")->page == 2);
    CHECK(d.meta.pages >= 2);

    const Block* cell = find(d, "1.172");
    REQUIRE(cell);
    CHECK(cell->kind == BlockKind::table_cell);
    CHECK(cell->table == 0);
    CHECK(cell->row == 1);
    CHECK(cell->col == 2);
    CHECK(cell->page == 2);
    const Block* head = find(d, "Måltal 2026");
    REQUIRE(head);
    CHECK(head->row == 0);
    CHECK(head->col == 2);
}

// ===== real files: LibreOffice DOCX and ODT ==================================

namespace {
void check_libreoffice_numbered(const Document& d) {
    CHECK(d.meta.title == "Beskæftigelsesplan 2027 for Ærø");
    CHECK(d.meta.author == "Jobcenter Ærø");
    CHECK(d.meta.created.starts_with("2026-09-15"));
    CHECK(d.meta.modified.starts_with("2026-10-01"));
    CHECK(d.meta.pages == 3);
    CHECK(d.meta.tracked_changes);
    CHECK(d.meta.comments);

    struct H {
        const char* text;
        int level;
        const char* number;
        int page;
    };
    for (H h : {H{"Indledning", 1, "1", 1}, H{"Mål og indsats", 1, "2", 2}, H{"Ministerens mål", 2, "2.1", 2},
                H{"Måltal", 3, "2.1.1", 2}, H{"Budget", 1, "3", 3}}) {
        INFO(h.text);
        const Block* b = find(d, h.text);
        REQUIRE(b);
        CHECK(b->kind == BlockKind::heading);
        CHECK(b->outline_level == h.level);
        CHECK(b->number == h.number);
        CHECK(b->page == h.page);
        CHECK(b->bold);
    }
    const Block* a = find(d, "Flere unge i uddannelse");
    const Block* b = find(d, "Færre på offentlig forsørgelse");
    const Block* dot = find(d, "Et punkt");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(dot);
    CHECK(a->kind == BlockKind::list_item);
    CHECK(a->number == "a)");
    CHECK(b->number == "b)");
    CHECK(dot->number == "•");

    CHECK(find(d, "Hele afsnittet står med fed.")->bold);
    CHECK(find(d, "Ord   med\ttabulator og\nlinjeskift."));
    CHECK(find(d, "Tekst med indsat tekst og resten."));
    CHECK(find(d, "Her er en kommentar i teksten."));
    CHECK(find(d, "Planen for Ærø beskriver jobcentrets indsats. Den er vedtaget af byrådet."));
    std::string all = all_text(d);
    CHECK_FALSE(contains(all, "fjernet ord"));
    CHECK_FALSE(contains(all, "Husk at tjekke"));
    // Each change and comment is listed with its paragraph, words and author.
    REQUIRE(d.meta.revisions.size() == 3);
    const auto& rv = d.meta.revisions;
    CHECK(rv[0].kind == Revision::Kind::insertion);
    CHECK(rv[0].excerpt == "indsat tekst");
    CHECK(rv[1].kind == Revision::Kind::deletion);
    CHECK(rv[1].excerpt == "fjernet ord");
    CHECK(rv[2].kind == Revision::Kind::comment);
    CHECK(rv[2].excerpt == "Husk at tjekke tallene");
    for (const auto& x : rv) CHECK(x.author == "A");
    CHECK(rv[0].source_index == find(d, "Tekst med indsat tekst og resten.")->source_index);
    CHECK(rv[1].source_index == rv[0].source_index);
    CHECK(rv[2].source_index == find(d, "Her er en kommentar i teksten.")->source_index);

    const Block* fn = find(d, "Kilde: Beskæftigelsesministeriet.");
    REQUIRE(fn);
    CHECK(fn->kind == BlockKind::footnote);
    CHECK(fn->number == "1");
    CHECK(fn->page == 1);

    const Block* hdr = find(d, "Beskæftigelsesplan 2027 – Ærø Kommune");
    REQUIRE(hdr);
    CHECK(hdr->kind == BlockKind::header);
    bool footer = false;
    for (const auto& x : d.blocks)
        if (x.kind == BlockKind::footer && x.text.starts_with("Side ")) footer = true;
    CHECK(footer);

    const Block* cell = find(d, "410");
    REQUIRE(cell);
    CHECK(cell->kind == BlockKind::table_cell);
    CHECK(cell->row == 1);
    CHECK(cell->col == 1);

    // Body order: every body block comes before the footnotes and headers.
    std::size_t last_body = 0, first_other = d.blocks.size();
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
        auto k = d.blocks[i].kind;
        bool other = k == BlockKind::footnote || k == BlockKind::header || k == BlockKind::footer;
        if (other) first_other = std::min(first_other, i);
        else last_body = i;
    }
    CHECK(last_body < first_other);
}
}  // namespace

TEST_CASE("docx (LibreOffice): outline numbering, pages, header/footer, changes", "[docx]") {
    Document d = read_document(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/docx/numbered.docx");
    CHECK(d.format == Format::docx);
    check_libreoffice_numbered(d);
}

TEST_CASE("odt (LibreOffice): the same document read from ODT", "[odt]") {
    Document d = read_document(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/odt/numbered.odt");
    CHECK(d.format == Format::odt);
    check_libreoffice_numbered(d);
}

TEST_CASE("odt (pandoc): headings, lists, table, footnote", "[odt]") {
    Document d = read_document_bytes(fixture("odt/plan.odt"));
    CHECK(d.format == Format::odt);
    CHECK(d.meta.title == "Beskæftigelsesplan 2026");
    REQUIRE(find(d, "Målgrupper"));
    CHECK(find(d, "Målgrupper")->kind == BlockKind::heading);
    CHECK(find(d, "Målgrupper")->outline_level == 3);
    REQUIRE(find(d, "Andet nummererede mål"));
    CHECK(find(d, "Andet nummererede mål")->kind == BlockKind::list_item);
    CHECK(find(d, "Andet nummererede mål")->number == "2");
    REQUIRE(find(d, "Første punkt om ledighed"));
    CHECK(find(d, "Første punkt om ledighed")->number == "•");
    REQUIRE(find(d, "Langtidsledige"));
    CHECK(find(d, "Langtidsledige")->row == 2);
    CHECK(find(d, "Langtidsledige")->col == 0);
    REQUIRE(find(d, "Kilde: Jobindsats.dk, opgjort i august."));
    CHECK(find(d, "Kilde: Jobindsats.dk, opgjort i august.")->kind == BlockKind::footnote);
    CHECK(find(d, "Beskæftigelsesplanen for Ærø Kommune beskriver målene for året."));
}

// ===== hand-made DOCX: style names, numbering, pages, inline content =======

namespace {
const char* kStyles = R"X(<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
 <w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="Overskrift 1"/><w:basedOn w:val="Normal"/>
  <w:rPr><w:b/></w:rPr></w:style>
 <w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="overskrift 2"/><w:basedOn w:val="Normal"/></w:style>
 <w:style w:type="paragraph" w:styleId="MinOverskrift"><w:name w:val="Min overskrift"/><w:basedOn w:val="Overskrift1"/></w:style>
 <w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:pageBreakBefore/><w:numPr><w:numId w:val="2"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
 <w:style w:type="paragraph" w:styleId="Brødtekst"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
 <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop1"/><w:basedOn w:val="Loop2"/></w:style>
 <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop2"/><w:basedOn w:val="Loop1"/></w:style>
 <w:style w:type="character" w:styleId="Fed"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>)X";

const char* kNumbering = R"X(<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%3."/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="Kapitel"/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="3">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
 <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
 <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
 <w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
</w:numbering>)X";

const char* kDocRels = R"X(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
 <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
 <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
 <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
 <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
 <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="/word/footer1.xml"/>
</Relationships>)X";

const char* kFootnotes = R"X(<?xml version="1.0" encoding="UTF-8"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
 <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Note med id 1.</w:t></w:r></w:p></w:footnote>
 <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Note med id 2.</w:t></w:r></w:p></w:footnote>
</w:footnotes>)X";

std::string part(const char* root, const std::string& inner) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:") + root + " " + kWNs + ">" + inner + "</w:" +
           root + ">";
}

std::string num(int id, int ilvl) {
    return "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" + std::to_string(id) +
           "\"/></w:numPr>";
}

std::string handmade_docx() {
    std::string body;
    body += para("Indledning på dansk", "<w:pStyle w:val=\"Overskrift1\"/>");
    body +=
        "<w:p><w:r><w:t>Før</w:t><w:tab/><w:t>efter</w:t><w:br/><w:t xml:space=\"preserve\">ny linje </w:t>"
        "<w:t>a</w:t><w:noBreakHyphen/><w:t>kasse </w:t><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/>"
        "<w:instrText> PAGE </w:instrText></w:r>"
        "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>SLETTET</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\"> INDSAT</w:t></w:r></w:ins>"
        "<w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t xml:space=\"preserve\"> og </w:t></w:r>"
        "<w:r><w:footnoteReference w:id=\"1\"/></w:r><w:commentRangeStart w:id=\"0\"/></w:p>";
    body += para("Punkt et", num(1, 0));
    body += para("Under a", num(1, 1));
    body += para("Under b", num(1, 1));
    body += para("", num(1, 0));  // empty: not counted
    body += para("Punkt to", num(1, 0));
    body += para("Under a igen", num(1, 1));
    body += para("Romertal", num(1, 2));
    body += para("Fra ti", num(4, 0));
    body += para("Prik", num(3, 0));
    body += para("Underafsnit", "<w:pStyle w:val=\"Overskrift2\"/>");
    body += para("Egen overskrift", "<w:pStyle w:val=\"MinOverskrift\"/>");
    body += para("Brødtekst med niveau 9", "<w:pStyle w:val=\"Brødtekst\"/>");
    body += para("Løkke i stilarter", "<w:pStyle w:val=\"Loop1\"/>");
    body += para("Kapitel med sideskift", "<w:pStyle w:val=\"Kapitel\"/>");
    body += "<w:p><w:r><w:t>Før skift</w:t><w:br w:type=\"page\"/><w:t>efter skift</w:t></w:r></w:p>";
    body += "<w:p><w:pPr><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/></w:sectPr></w:pPr>"
            "<w:r><w:t>Side tre</w:t></w:r></w:p>";
    body += "<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>Side fire</w:t></w:r></w:p>";  // next section: nextPage
    body +=
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
        "<w:p><w:r><w:t>Tekstboks</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Tekstboks</w:t></w:r></w:p></w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Ankertekst</w:t></w:r></w:p>";
    body += "<w:p><w:r><w:rPr><w:rStyle w:val=\"Fed\"/></w:rPr><w:t>Fed tekst her</w:t></w:r><w:r><w:t> x</w:t></w:r></w:p>";
    body += "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>halvt</w:t></w:r><w:r><w:t> ikke fed her</w:t></w:r></w:p>";
    body += para("Direkte niveau", "<w:outlineLvl w:val=\"0\"/>");
    body +=
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>Spænder</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p><w:p><w:r><w:t>C2</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    body += "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Skjult</w:t></w:r><w:r><w:t>Synlig</w:t></w:r></w:p>";
    body += "<w:sectPr><w:type w:val=\"continuous\"/></w:sectPr>";
    return docx_with(body, {{"word/_rels/document.xml.rels", kDocRels},
                            {"word/styles.xml", kStyles},
                            {"word/numbering.xml", kNumbering},
                            {"word/footnotes.xml", kFootnotes},
                            {"word/header1.xml", part("hdr", "<w:p><w:r><w:t>Sidehoved</w:t></w:r></w:p>")},
                            {"word/footer1.xml", part("ftr", "<w:p><w:r><w:t>Sidefod</w:t></w:r></w:p>")},
                            {"docProps/app.xml",
                             "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                             "extended-properties\"><Pages>7</Pages><Application>Microsoft Office "
                             "Word</Application></Properties>"}});
}
}  // namespace

TEST_CASE("docx: Danish style names, basedOn chains, outline levels", "[docx]") {
    Document d = read_docx(handmade_docx(), {});
    struct H {
        const char* text;
        int level;
    };
    for (H h : {H{"Indledning på dansk", 1}, H{"Underafsnit", 2}, H{"Egen overskrift", 1},
                H{"Kapitel med sideskift", 2}, H{"Direkte niveau", 1}}) {
        INFO(h.text);
        const Block* b = find(d, h.text);
        REQUIRE(b);
        CHECK(b->kind == BlockKind::heading);
        CHECK(b->outline_level == h.level);
    }
    CHECK(find(d, "Indledning på dansk")->style == "Overskrift 1");
    CHECK(find(d, "Indledning på dansk")->bold);
    CHECK(find(d, "Egen overskrift")->bold);  // inherited through basedOn
    REQUIRE(find(d, "Brødtekst med niveau 9"));
    CHECK(find(d, "Brødtekst med niveau 9")->kind == BlockKind::paragraph);
    REQUIRE(find(d, "Løkke i stilarter"));  // a basedOn loop ends, it does not hang
    CHECK(find(d, "Løkke i stilarter")->kind == BlockKind::paragraph);
}

TEST_CASE("docx: numbering labels rebuilt from numbering.xml", "[docx]") {
    Document d = read_docx(handmade_docx(), {});
    struct L {
        const char* text;
        const char* number;
    };
    for (L l : {L{"Punkt et", "1"}, L{"Under a", "1.a)"}, L{"Under b", "1.b)"}, L{"Punkt to", "2"},
                L{"Under a igen", "2.a)"}, L{"Romertal", "I"}, L{"Fra ti", "10"}, L{"Prik", "•"},
                L{"Kapitel med sideskift", "5"}}) {
        INFO(l.text);
        const Block* b = find(d, l.text);
        REQUIRE(b);
        CHECK(b->number == l.number);
    }
    CHECK(find(d, "Punkt et")->kind == BlockKind::list_item);
    CHECK(find(d, "Kapitel med sideskift")->kind == BlockKind::heading);
}

TEST_CASE("docx: inline content, tracked changes, hidden text, text boxes", "[docx]") {
    Document d = read_docx(handmade_docx(), {});
    const Block* b = find(d, "Før\tefter\nny linje a-kasse • INDSAT og");
    REQUIRE(b);
    std::string all = all_text(d);
    CHECK_FALSE(contains(all, "SLETTET"));
    CHECK_FALSE(contains(all, "PAGE"));
    CHECK_FALSE(contains(all, "Skjult"));
    CHECK(find(d, "Synlig"));
    CHECK(d.meta.tracked_changes);
    CHECK(d.meta.comments);
    // The text box appears once (AlternateContent: Choice, not also Fallback).
    std::size_t boxes = 0;
    for (const auto& x : d.blocks) boxes += x.text == "Tekstboks";
    CHECK(boxes == 1);
    CHECK(find(d, "Ankertekst"));
    CHECK(find(d, "Fed tekst her x")->bold);
    CHECK_FALSE(find(d, "halvt ikke fed her")->bold);
}

TEST_CASE("docx: explicit page breaks, sections, footnotes, header, table spans", "[docx]") {
    Document d = read_docx(handmade_docx(), {});
    CHECK(find(d, "Indledning på dansk")->page == 1);
    CHECK(find(d, "Kapitel med sideskift")->page == 2);       // pageBreakBefore from the style
    CHECK(find(d, "Før skift\nefter skift")->page == 2);      // begins on page 2
    CHECK(find(d, "Side tre")->page == 3);                    // after w:br type=page
    CHECK(find(d, "Side fire")->page == 4);                   // after a nextPage section break
    CHECK(find(d, "Synlig")->page == 4);                      // the last section is continuous
    CHECK(d.meta.pages == 7);                                 // app.xml wins when larger
    CHECK(d.meta.creator == "Microsoft Office Word");

    // Footnotes are numbered in order of reference, not by id.
    const Block* first = find(d, "Note med id 2.");
    const Block* second = find(d, "Note med id 1.");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->kind == BlockKind::footnote);
    CHECK(first->number == "1");
    CHECK(second->number == "2");
    CHECK(first < second);

    REQUIRE(find(d, "Sidehoved"));
    CHECK(find(d, "Sidehoved")->kind == BlockKind::header);
    REQUIRE(find(d, "Sidefod"));  // absolute target "/word/footer1.xml"
    CHECK(find(d, "Sidefod")->kind == BlockKind::footer);

    const Block* span = find(d, "Spænder");
    const Block* c = find(d, "C\nC2");
    const Block* bcell = find(d, "B");
    REQUIRE(span);
    REQUIRE(c);
    REQUIRE(bcell);
    CHECK(span->col == 0);
    CHECK(c->col == 2);
    CHECK(bcell->row == 1);
    CHECK(bcell->col == 1);
    CHECK(span->table == c->table);
}

TEST_CASE("docx: w:lastRenderedPageBreak, when present, is the page count", "[docx]") {
    std::string body = para("Et") +
                       "<w:p><w:r><w:lastRenderedPageBreak/><w:t>To</w:t></w:r></w:p>"
                       "<w:p><w:r><w:t>Tre</w:t><w:br w:type=\"page\"/></w:r></w:p>"
                       "<w:p><w:r><w:lastRenderedPageBreak/><w:t>Fire</w:t></w:r></w:p>";
    Document d = read_docx(docx_with(body), {});
    CHECK(find(d, "Et")->page == 1);
    CHECK(find(d, "To")->page == 2);
    CHECK(find(d, "Tre")->page == 2);
    CHECK(find(d, "Fire")->page == 3);  // the explicit break was rendered as this one, not counted twice
}

TEST_CASE("docx: a file that records no page break has no pages, not a made-up page 1", "[docx][pages]") {
    // pandoc's app.xml says <Pages>1</Pages> whatever the length: it is not believed.
    std::string app =
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        "<Application>Microsoft Word 12.0.0</Application><Pages>1</Pages></Properties>";
    std::string body = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Budget</w:t></w:r></w:p>" +
                       para("Første afsnit") + para("Andet afsnit");
    Document d = read_docx(docx_with(body, {{"docProps/app.xml", app}}), {});
    REQUIRE(find(d, "Andet afsnit"));
    for (const auto& b : d.blocks) CHECK(b.page == 0);
    CHECK(d.meta.pages == 0);

    // One recorded break, of any kind, makes the pages known.
    Document e = read_docx(docx_with(para("Et") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>To</w:t></w:r></w:p>"), {});
    CHECK(find(e, "Et")->page == 1);
    CHECK(find(e, "To")->page == 2);
    CHECK(e.meta.pages == 2);
}

TEST_CASE("docx: strict OOXML namespace and rels-named main part", "[docx]") {
    std::string doc =
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
        "<w:body><w:p><w:r><w:t>Streng OOXML</w:t></w:r></w:p></w:body></w:document>";
    std::string rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
        "Id=\"r1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
        "Target=\"tekst/hoved.xml\"/></Relationships>";
    Document d = read_docx(make_zip({{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", rels},
                                     {"tekst/hoved.xml", doc}}),
                           {});
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.blocks[0].text == "Streng OOXML");
}

// ===== hand-made ODT =========================================================

namespace {
std::string odt_with(const std::string& body, const std::string& auto_styles = "", const std::string& styles = "",
                     std::vector<Entry> extra = {}) {
    const std::string ns =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"";
    std::vector<Entry> e = {
        {"mimetype", "application/vnd.oasis.opendocument.text", true},
        {"content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + ns +
                            "><office:automatic-styles>" + auto_styles +
                            "</office:automatic-styles><office:body><office:text>" + body +
                            "</office:text></office:body></office:document-content>"},
        {"styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles " + ns + ">" + styles +
                           "</office:document-styles>"}};
    for (auto& x : extra) e.push_back(std::move(x));
    return make_zip(e);
}
}  // namespace

TEST_CASE("odt: paragraph styles with an outline level, pages, continued lists", "[odt]") {
    std::string styles =
        "<office:styles>"
        "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\" "
        "style:default-outline-level=\"2\"/>"
        "<style:style style:name=\"Kapitel\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_2\"/>"
        "<text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\" style:num-format=\"1\" "
        "style:num-suffix=\".\"/><text:list-level-style-number text:level=\"2\" style:num-format=\"i\" "
        "text:display-levels=\"2\" style:num-suffix=\")\"/></text:list-style>"
        "</office:styles>";
    std::string autos =
        "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Kapitel\">"
        "<style:paragraph-properties fo:break-before=\"page\"/></style:style>";
    std::string body =
        "<text:p>Forside</text:p>"
        "<text:p text:style-name=\"P1\">Afsnit via stil</text:p>"
        "<text:list text:style-name=\"L1\"><text:list-item><text:p>En</text:p>"
        "<text:list><text:list-item><text:p>Under</text:p></text:list-item></text:list></text:list-item>"
        "<text:list-item><text:p>To</text:p></text:list-item></text:list>"
        "<text:soft-page-break/>"
        "<text:p>Efter blødt sideskift</text:p>"
        "<text:list text:style-name=\"L1\" text:continue-numbering=\"true\"><text:list-item><text:p>Tre</text:p>"
        "</text:list-item></text:list>"
        "<text:list text:style-name=\"L1\"><text:list-item><text:p>Forfra</text:p></text:list-item></text:list>"
        "<text:p>Inde<text:note text:note-class=\"footnote\"><text:note-citation>*</text:note-citation>"
        "<text:note-body><text:p>Stjernenote</text:p></text:note-body></text:note>  i   teksten</text:p>";
    Document d = read_odt(odt_with(body, autos, styles), {});
    const Block* h = find(d, "Afsnit via stil");
    REQUIRE(h);
    CHECK(h->kind == BlockKind::heading);
    CHECK(h->outline_level == 2);
    CHECK(h->page == 2);
    CHECK(h->style == "Heading 2");  // an automatic style shows the name up its chain
    CHECK(find(d, "Forside")->page == 1);
    struct L {
        const char* text;
        const char* number;
    };
    for (L l : {L{"En", "1"}, L{"Under", "1.i)"}, L{"To", "2"}, L{"Tre", "3"}, L{"Forfra", "1"}}) {
        INFO(l.text);
        const Block* b = find(d, l.text);
        REQUIRE(b);
        CHECK(b->kind == BlockKind::list_item);
        CHECK(b->number == l.number);
    }
    CHECK(find(d, "Efter blødt sideskift")->page == 3);
    // White space in ODF text collapses; the note is not in the body.
    REQUIRE(find(d, "Inde i teksten"));
    const Block* note = find(d, "Stjernenote");
    REQUIRE(note);
    CHECK(note->kind == BlockKind::footnote);
    CHECK(note->number == "*");
    CHECK(note->page == 3);
}

TEST_CASE("odt: without a recorded break the pages are unknown, unless the writer counted one page", "[odt][pages]") {
    std::string body = "<text:h text:outline-level=\"1\">Budget</text:h><text:p>Første afsnit</text:p>";
    Document d = read_odt(odt_with(body), {});  // pandoc: no break, no statistic
    REQUIRE(find(d, "Første afsnit"));
    for (const auto& b : d.blocks) CHECK(b.page == 0);
    CHECK(d.meta.pages == 0);

    auto meta = [](int pages) {
        return Entry{"meta.xml",
                     "<?xml version=\"1.0\"?><office:document-meta "
                     "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                     "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>"
                     "<meta:document-statistic meta:page-count=\"" + std::to_string(pages) +
                         "\"/></office:meta></office:document-meta>"};
    };
    // LibreOffice writes a soft page break for every page it laid out: none and a count of 1 is one real page.
    Document one = read_odt(odt_with(body, "", "", {meta(1)}), {});
    CHECK(find(one, "Første afsnit")->page == 1);
    CHECK(one.meta.pages == 1);
    // A count of several pages without a break says nothing about where they begin.
    Document many = read_odt(odt_with(body, "", "", {meta(9)}), {});
    CHECK(find(many, "Første afsnit")->page == 0);
    CHECK(many.meta.pages == 0);
    Document soft = read_odt(odt_with(body + "<text:soft-page-break/><text:p>Side to</text:p>", "", "", {meta(2)}), {});
    CHECK(find(soft, "Første afsnit")->page == 1);
    CHECK(find(soft, "Side to")->page == 2);
}

TEST_CASE("odt: encrypted package and missing content.xml", "[odt][hostile]") {
    std::string manifest =
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data "
        "manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry></manifest:manifest>";
    ReadError e = read_error(odt_with("<text:p>x</text:p>", "", "", {{"META-INF/manifest.xml", manifest}}), Format::odt);
    CHECK(e.kind() == ErrorKind::encrypted);
    check_message(e);

    std::string no_content = make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", true}});
    ReadError e2 = read_error(no_content, Format::odt);
    CHECK(e2.kind() == ErrorKind::corrupt);
    CHECK(contains(e2.message(Lang::da), "content.xml"));
}

// ===== hostile and broken input ===============================================

TEST_CASE("hostile: a zip bomb is refused without unpacking it", "[hostile]") {
    std::string zeros(8u << 20, '0');
    std::string bomb = make_zip({{"[Content_Types].xml", kContentTypes}, {"word/document.xml", zeros}});
    CHECK(bomb.size() < 100000);
    ReadOptions o;
    o.limits.max_entry_bytes = 1u << 20;
    ReadError e = read_error(bomb, Format::docx, o);
    CHECK(e.kind() == ErrorKind::hostile);
    CHECK(contains(e.message(Lang::da), "ZIP-bombe"));
    check_message(e);
}

TEST_CASE("hostile: entry and archive size limits count real bytes", "[hostile]") {
    ReadOptions o;
    o.limits.max_entry_bytes = 1u << 20;
    std::string big = document_xml("<w:p><w:r><w:t>" + noise(2u << 20) + "</w:t></w:r></w:p>");
    ReadError e = read_error(make_zip({{"word/document.xml", big, true}}), Format::docx, o);
    CHECK(e.kind() == ErrorKind::too_large);
    check_message(e);

    // Two parts under the entry limit but over the archive limit together.
    ReadOptions t;
    t.limits.max_entry_bytes = 1u << 20;
    t.limits.max_total_uncompressed = 1u << 20;
    std::string half = document_xml("<w:p><w:r><w:t>" + noise(600000, 1) + "</w:t></w:r></w:p>");
    std::string styles = "<w:styles " + std::string(kWNs) + "><!--" + noise(600000, 2) + "--></w:styles>";
    ReadError e2 = read_error(make_zip({{"word/document.xml", half, true}, {"word/styles.xml", styles, true}}),
                              Format::docx, t);
    CHECK(e2.kind() == ErrorKind::too_large);
    check_message(e2);
}

TEST_CASE("hostile: too many zip entries", "[hostile]") {
    std::vector<Entry> many = {{"word/document.xml", document_xml(para("x"))}};
    for (int i = 0; i < 40; ++i) many.push_back({"junk/" + std::to_string(i), "x"});
    ReadOptions o;
    o.limits.max_zip_entries = 10;
    ReadError e = read_error(make_zip(many), Format::docx, o);
    CHECK(e.kind() == ErrorKind::too_large);
    CHECK(contains(e.message(Lang::da), "41"));
    check_message(e);
    CHECK_NOTHROW(read_docx(make_zip(many), {}));  // within the default limit
}

TEST_CASE("hostile: a password-protected entry", "[hostile]") {
    std::string z = make_zip({{"[Content_Types].xml", kContentTypes},
                              {"word/document.xml", document_xml(para("hemmeligt")), false, true}});
    ReadError e = read_error(z, Format::docx);
    CHECK(e.kind() == ErrorKind::encrypted);
    check_message(e);
    // Also when only the header flag says so (any encrypting writer sets it).
    std::string flagged = docx_with(para("x"));
    flag_all_encrypted(flagged);
    CHECK(read_error(flagged, Format::docx).kind() == ErrorKind::encrypted);
}

TEST_CASE("hostile: billion laughs and XXE are refused, /etc/passwd never read", "[hostile]") {
    std::string laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
        "<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
    ReadError e = read_error(make_zip({{"word/document.xml", laughs}}), Format::docx);
    CHECK(e.kind() == ErrorKind::hostile);
    CHECK(contains(e.message(Lang::da), "DOCTYPE"));
    check_message(e);

    std::string xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
        "<w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
    ReadError x = read_error(make_zip({{"word/document.xml", xxe}}), Format::docx);
    CHECK(x.kind() == ErrorKind::hostile);
    CHECK_FALSE(contains(x.message(Lang::da), "root:"));
    CHECK_FALSE(contains(x.message(Lang::en), "root:"));

    // The same in ODT content.xml.
    std::string odt = make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", true},
                                {"content.xml", xxe}});
    CHECK(read_error(odt, Format::odt).kind() == ErrorKind::hostile);
}

TEST_CASE("hostile: DOCTYPE in other encodings still stops the parser", "[hostile][xml]") {
    std::string xml = "<!DOCTYPE d [<!ENTITY x SYSTEM "
                      "\"file:///etc/passwd\">]><d>&x;</d>";
    // UCS-4: the byte scan for "<!DOCTYPE" cannot see it; the parser's hook must.
    std::string ucs4;
    for (char c : xml) ucs4 += std::string{'\0', '\0', '\0', c};
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE d [<!ENTITY x \"y\">]><d>&x;</d>"))
        utf16 += std::string{c, '\0'};
    for (const std::string& s : {ucs4, utf16}) {
        INFO(s.size());
        try {
            XmlDoc d = parse_xml(s, "test.xml", Limits{});
            FAIL("parsed a DOCTYPE");
        } catch (const ReadError& e) {
            CHECK(e.kind() == ErrorKind::hostile);
            CHECK_FALSE(contains(e.message(Lang::en), "root:"));
        }
    }
}

TEST_CASE("hostile: deeply nested XML", "[hostile][xml]") {
    auto nested = [](int depth) {
        std::string s = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
        for (int i = 0; i < depth; ++i) s += "<w:sdt>";
        for (int i = 0; i < depth; ++i) s += "</w:sdt>";
        return s + "</w:document>";
    };
    ReadError e = read_error(make_zip({{"word/document.xml", nested(100000)}}), Format::docx);
    CHECK(e.kind() == ErrorKind::hostile);
    check_message(e);

    Limits low;
    low.max_xml_depth = 50;
    CHECK_NOTHROW(parse_xml(nested(40), "x.xml", low));
    try {
        parse_xml(nested(60), "x.xml", low);
        FAIL("no error");
    } catch (const ReadError& r) {
        CHECK(r.kind() == ErrorKind::hostile);
        CHECK(contains(r.message(Lang::da), "50"));
    }
}

TEST_CASE("broken: truncated, damaged and not-XML packages are corrupt", "[hostile]") {
    std::string good = fixture("docx/plan.docx");
    for (std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t(30)}) {
        INFO(cut);
        ReadError e = read_error(std::string_view(good).substr(0, cut), Format::docx);
        CHECK(e.kind() == ErrorKind::corrupt);
        check_message(e);
    }
    ReadError junk = read_error(std::string("PK\x03\x04") + noise(500), Format::docx);
    CHECK(junk.kind() == ErrorKind::corrupt);

    ReadError bad = read_error(make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}), Format::docx);
    CHECK(bad.kind() == ErrorKind::corrupt);
    CHECK(contains(bad.message(Lang::da), "word/document.xml"));

    ReadError undeclared = read_error(make_zip({{"word/document.xml", "<d>&nope;</d>"}}), Format::docx);
    CHECK(undeclared.kind() == ErrorKind::corrupt);
}

TEST_CASE("broken: zips that are not Word documents say what they are", "[hostile]") {
    ReadError xlsx = read_error(make_zip({{"[Content_Types].xml", kContentTypes}, {"xl/workbook.xml", "<workbook/>"}}),
                                Format::docx);
    CHECK(xlsx.kind() == ErrorKind::unsupported);
    CHECK(contains(xlsx.message(Lang::da), "Excel"));
    check_message(xlsx);

    ReadError epub = read_error(
        make_zip({{"META-INF/container.xml", "<container/>"}, {"mimetype", "application/epub+zip", true}}),
        Format::docx);
    CHECK(epub.kind() == ErrorKind::unsupported);
    CHECK(contains(epub.message(Lang::en), "EPUB"));

    ReadError other = read_error(make_zip({{"a.txt", "hej"}}), Format::docx);
    CHECK(other.kind() == ErrorKind::unsupported);
    CHECK(contains(other.message(Lang::da), "word/document.xml"));

    std::string empty_zip("PK\x05\x06", 4);
    empty_zip += std::string(18, '\0');
    ReadError empty = read_error(empty_zip, Format::docx);
    CHECK(empty.kind() == ErrorKind::unsupported);
    CHECK(contains(empty.message(Lang::da), "tom"));
    try {
        read_document_bytes(empty_zip);
        FAIL("no error");
    } catch (const ReadError& r) {
        CHECK(r.kind() == ErrorKind::unsupported);
    }
}

TEST_CASE("robustness: every truncation and byte flip of a real file ends in a Document or a ReadError",
          "[hostile]") {
    std::string good = fixture("docx/numbered.docx");
    std::size_t ok = 0, errors = 0;
    for (std::size_t cut = 0; cut < good.size(); cut += 97) {
        try {
            read_document_bytes(std::string_view(good).substr(0, cut));
            ++ok;
        } catch (const ReadError&) {
            ++errors;
        }
    }
    unsigned seed = 42;
    for (int i = 0; i < 300; ++i) {
        std::string b = good;
        seed = seed * 1103515245u + 12345u;
        b[(seed >> 8) % b.size()] ^= static_cast<char>(1 + (seed >> 20) % 255);
        try {
            read_document_bytes(b);
            ++ok;
        } catch (const ReadError& e) {
            CHECK_FALSE(e.message(Lang::da).empty());
            ++errors;
        }
    }
    CHECK(errors > 0);
    CHECK(ok + errors == (good.size() + 96) / 97 + 300);
}

TEST_CASE("safe_zip: reads entries case-insensitively and reports missing ones", "[zip]") {
    std::string z = make_zip({{"Word/Document.xml", "abc"}, {"other", "xyz", true}});
    SafeZip zip(z, Limits{});
    CHECK(zip.size() == 2);
    CHECK(zip.contains("word/document.xml"));
    CHECK(zip.read("word/document.xml").value_or("") == "abc");
    CHECK(zip.read("other").value_or("") == "xyz");
    CHECK_FALSE(zip.read("missing").has_value());
    CHECK(zip.bytes_read() == 6);
}
