// Annotated documents (annotate/annotate.h): the DOCX copy changes only by
// its comments, reads back with the same text, opens in python-docx, keeps
// existing comments and tracked changes, and is the same every time;
// `check --annotate` writes it and says plainly when a format cannot carry
// comments. PLANTJEK_ACCEPT=1 rewrites the golden comments.xml.
#include <catch2/catch.hpp>

#include <zip.h>

#include <cstdlib>
#include <regex>

#include "annotate/annotate.h"
#include "cli/check.h"
#include "corpus_support.h"
#include "extractor/safe_zip.h"
#include "run_cli.h"

using namespace plantjek;
using namespace plantjek::test;

namespace {

std::string corpus_file(const std::string& rel) { return (corpus_dir() / rel).string(); }

CheckSession& session() {
    static CheckSession s([] {
        CheckOptions o;
        o.spelling = true;
        return o;
    }());
    return s;
}

struct Annotated {
    std::string original, annotated;
    Report report;
    Notes notes;
};

Annotated annotate(const std::string& rel, bool spelling = false) {
    Annotated a;
    a.original = slurp(corpus_file(rel));
    a.report = session().check(corpus_file(rel));
    AnnotateOptions o;
    o.spelling = spelling;
    a.notes = notes_for(a.report, o);
    const Annotator* docx = find_annotator("docx");
    REQUIRE(docx);
    a.annotated = docx->annotate(a.original, a.notes, o);
    return a;
}

// Every entry's name, CRC and compressed size, from libzip's central directory.
std::map<std::string, std::pair<std::uint32_t, std::uint64_t>> entries(const std::string& bytes) {
    std::map<std::string, std::pair<std::uint32_t, std::uint64_t>> out;
    zip_error_t err;
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(za);
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(za, i, 0, &st);
        out[st.name] = {st.crc, st.comp_size};
    }
    zip_close(za);
    return out;
}

std::string part(const std::string& bytes, const std::string& name) {
    SafeZip z(bytes, Limits{});
    return z.read(name).value_or("");
}

// document.xml without the marks plantjek added (ids from `first` on).
std::string without_marks(std::string xml) {
    static const std::regex marks(
        R"re(<w:commentRangeStart w:id="[0-9]+"/>|<w:commentRangeEnd w:id="[0-9]+"/><w:r><w:commentReference w:id="[0-9]+"/></w:r>)re");
    return std::regex_replace(xml, marks, "");
}

std::vector<std::string> texts(const Document& d) {
    std::vector<std::string> t;
    for (const auto& b : d.blocks) t.push_back(b.text);
    return t;
}

int plantjek_comments(const Document& d) {
    int n = 0;
    for (const auto& r : d.meta.revisions) n += r.kind == Revision::Kind::comment && r.author == "plantjek";
    return n;
}

void golden(const std::string& name, const std::string& actual) {
    std::string path = std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/golden/annotate/" + name;
    if (std::getenv("PLANTJEK_ACCEPT")) {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("rewrote " << path);
    }
    CHECK(slurp(path) == actual);
}

}  // namespace

TEST_CASE("annotate docx: only document.xml, comments and their two index lines change", "[annotate]") {
    Annotated a = annotate("docx/2010-silkeborg-x-placeholders.docx");
    auto before = entries(a.original), after = entries(a.annotated);
    for (const auto& [name, e] : before) {
        INFO(name);
        REQUIRE(after.count(name));
        if (name == "word/document.xml" || name == "word/comments.xml") continue;
        CHECK(after[name] == e);  // the same CRC and compressed size: copied as it was
    }
    CHECK(after.size() == before.size());  // this plan had a comments part already
    std::string doc0 = part(a.original, "word/document.xml"), doc1 = part(a.annotated, "word/document.xml");
    CHECK(doc1 != doc0);
    CHECK(without_marks(doc1) == doc0);
    golden("2010-silkeborg-x-placeholders.comments.xml", part(a.annotated, "word/comments.xml"));
}

TEST_CASE("annotate docx: the copy reads back with the same text plus the new comments", "[annotate]") {
    Annotated a = annotate("docx/2012-kolding-budget-xxx.docx");
    Document d0 = read_document_bytes(a.original), d1 = read_document_bytes(a.annotated);
    CHECK(texts(d1) == texts(d0));
    CHECK(plantjek_comments(d0) == 0);
    // the verdict note and one a placeholder (four) at least
    CHECK(plantjek_comments(d1) >= 5);
    CHECK(plantjek_comments(d1) == static_cast<int>(a.notes.placed.size()) + 1);
    std::string comments = part(a.annotated, "word/comments.xml");
    CHECK(comments.find("plantjek: IKKE I ORDEN") != std::string::npos);
    CHECK(comments.find("Frister: 2011-07-01") != std::string::npos);
    CHECK(comments.find("budgetlinje") != std::string::npos);
    CHECK(comments.find("w:author=\"plantjek\" w:date=\"2000-01-01T00:00:00Z\"") != std::string::npos);
    // deterministic
    CHECK(annotate("docx/2012-kolding-budget-xxx.docx").annotated == a.annotated);
}

TEST_CASE("annotate docx: existing comments and tracked changes are kept", "[annotate]") {
    Annotated a = annotate("docx/2019-middelfart-udkast.docx");
    Document d0 = read_document_bytes(a.original), d1 = read_document_bytes(a.annotated);
    REQUIRE_FALSE(d0.meta.revisions.empty());
    CHECK(texts(d1) == texts(d0));
    std::size_t kept = 0;
    for (const auto& r : d0.meta.revisions)
        for (const auto& s : d1.meta.revisions) kept += s.kind == r.kind && s.excerpt == r.excerpt && s.author == r.author;
    CHECK(kept >= d0.meta.revisions.size());
    CHECK(plantjek_comments(d1) >= 1);
}

TEST_CASE("annotate docx: a note sits on the paragraph with the quoted words", "[annotate]") {
    Annotated a = annotate("docx/2010-silkeborg-x-placeholders.docx");
    std::string doc = part(a.annotated, "word/document.xml");
    // the first placeholder finding quotes "X personer" in the goal section
    std::size_t x = doc.find("X personer");
    REQUIRE(x != std::string::npos);
    std::size_t p = doc.rfind("<w:p>", x), p2 = doc.rfind("<w:p ", x);
    std::size_t start = std::max(p == std::string::npos ? 0 : p, p2 == std::string::npos ? 0 : p2);
    std::size_t end = doc.find("</w:p>", x);
    std::string para = doc.substr(start, end - start);
    CHECK(para.find("<w:commentRangeStart") != std::string::npos);
    CHECK(doc.substr(end - 200, 200).find("<w:commentReference") != std::string::npos);
}

TEST_CASE("annotate docx: python-docx opens the copy", "[annotate][python]") {
    TempDir dir;
    Annotated a = annotate("docx/2013-herning-challenges-missing.docx");
    std::string path = dir.write("plan.plantjek.docx", a.annotated);
    std::string script = dir.write("open.py",
                                   "import sys, docx, zipfile\n"
                                   "d = docx.Document(sys.argv[1])\n"
                                   "z = zipfile.ZipFile(sys.argv[1])\n"
                                   "c = z.read('word/comments.xml').decode()\n"
                                   "print(len(d.paragraphs), c.count('w:author=\"plantjek\"'))\n");
    CliResult r = run_command({"/usr/bin/python3", script, path});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    int paragraphs = 0, comments = 0;
    std::istringstream(r.out) >> paragraphs >> comments;
    CHECK(paragraphs > 10);
    CHECK(comments == static_cast<int>(a.notes.placed.size()) + 1);
    // a missing section has no place: the verdict note names it with its legal basis
    std::string c = part(a.annotated, "word/comments.xml");
    CHECK(c.find("Tilføj et afsnit med overskriften »De vigtigste udfordringer«") != std::string::npos);
    CHECK(c.find("§ 12, nr. 2") != std::string::npos);
}

TEST_CASE("annotate: check --annotate writes the copy, spelling adds unknown words, TXT says it cannot", "[annotate][cli]") {
    TempDir dir;
    std::string docx = dir.write("plan.docx", slurp(corpus_file("docx/2008-roskilde-other-actors-missing.docx")));
    CliResult plain = run_cli({"check", "--annotate", docx, "-q"});
    INFO(plain.err);
    REQUIRE(std::filesystem::exists(dir.path / "plan.plantjek.docx"));
    std::string c1 = part(slurp(dir.path / "plan.plantjek.docx"), "word/comments.xml");
    CliResult spelled = run_cli({"check", "--annotate", "spelling", docx, "-q"});
    INFO(spelled.err);
    std::string c2 = part(slurp(dir.path / "plan.plantjek.docx"), "word/comments.xml");
    CHECK(c1.find("Ukendt ord") == std::string::npos);
    CHECK(c2.find("Ukendt ord") != std::string::npos);
    CHECK(plain.code == spelled.code);

    std::string txt = dir.write("plan.txt", slurp(corpus_file("txt/2008-gladsaxe-indsatsaaret.txt")));
    CliResult t = run_cli({"check", "--annotate", txt});
    CHECK(t.err.find("TXT-filer kan ikke indeholde kommentarer") != std::string::npos);
    CHECK(t.out.find("Krav") != std::string::npos);  // the report is still written
    CHECK_FALSE(std::filesystem::exists(dir.path / "plan.plantjek.txt"));
}
