// Hostile input end to end: no network, no stray files, no shell, and the
// configurable limits (docs/robustness.md lists every case and its outcome).
//
// - A loopback TCP listener on a free port counts every connection while
//   DOCX, ODT and PDF documents that point at http://127.0.0.1:<port>/x (as
//   an external entity, an external DTD, an XInclude, an external image or
//   template, a linked section, a PDF link or external stream) are read in
//   this process and by the plantjek binary: zero connections.
// - A secret file next to the input's directory is watched with inotify
//   while documents reference it as file:///… and ../secret.txt: it is
//   never opened, its contents never appear; /etc/passwd never appears.
// - A file name with shell syntax is read as a name: nothing is run.
// - Limits (file size, decompressed size per entry and per archive, entry
//   count, page count, XML depth): just under passes, just over is refused
//   with its ErrorKind. The time per document is bounded by the scan
//   command's timeout, not by a reader limit.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zip.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "extractor/normalise.h"
#include "extractor/reader.h"
#include "extractor/segment.h"
#include "rules/profile.h"
#include "run_cli.h"

using namespace plantjek;
using plantjek::test::run_cli;
using plantjek::test::TempDir;

namespace {

// Accepts (and at once closes) every connection to 127.0.0.1:<port>,
// counting them, until destroyed.
class Listener {
public:
    Listener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;  // a free port
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(fd_, 64) == 0);
        socklen_t len = sizeof a;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] {
            while (!stop_) {
                pollfd p{fd_, POLLIN, 0};
                if (::poll(&p, 1, 20) > 0 && (p.revents & POLLIN)) {
                    int c = ::accept(fd_, nullptr, nullptr);
                    if (c >= 0) {
                        ++count_;
                        ::close(c);
                    }
                }
            }
        });
    }
    ~Listener() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    int port() const { return port_; }
    // Connections so far (waits a moment for late ones to be accepted).
    int connections() const {
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
        return count_;
    }

private:
    int fd_ = -1, port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> count_{0};
    std::thread thread_;
};

// Watches one file for any open or read (by this process or a child).
class OpenWatch {
public:
    explicit OpenWatch(const std::string& path) {
        fd_ = inotify_init1(IN_NONBLOCK);
        REQUIRE(fd_ >= 0);
        REQUIRE(inotify_add_watch(fd_, path.c_str(), IN_OPEN | IN_ACCESS) >= 0);
    }
    ~OpenWatch() { ::close(fd_); }
    int events() const {
        alignas(inotify_event) char buf[4096];
        int n = 0;
        for (;;) {
            ssize_t r = ::read(fd_, buf, sizeof buf);
            if (r <= 0) break;
            for (char* p = buf; p < buf + r; p += sizeof(inotify_event) + reinterpret_cast<inotify_event*>(p)->len)
                ++n;
        }
        return n;
    }

private:
    int fd_ = -1;
};

struct Part {
    std::string name, data;
};

// A zip built in memory with libzip (deflated unless `store`).
std::string make_zip(const std::vector<Part>& parts, bool store_all = false) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    REQUIRE(src);
    zip_source_keep(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    REQUIRE(za);
    for (const auto& p : parts) {
        zip_source_t* s = zip_source_buffer(za, p.data.data(), p.data.size(), 0);
        REQUIRE(s);
        zip_int64_t i = zip_file_add(za, p.name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        REQUIRE(i >= 0);
        bool store = store_all || p.name == "mimetype";
        zip_set_file_compression(za, static_cast<zip_uint64_t>(i), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    }
    REQUIRE(zip_close(za) == 0);
    REQUIRE(zip_source_open(src) == 0);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t n = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(n), '\0');
    REQUIRE(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(n)) == n);
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

constexpr const char* kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
    "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
    "xmlns:xi=\"http://www.w3.org/2001/XInclude\"";

constexpr const char* kContentTypes =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/></Types>";

constexpr const char* kRootRels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

std::string w_document(const std::string& body, const std::string& prolog = "") {
    return "<?xml version=\"1.0\"?>" + prolog + "<w:document " + kW + "><w:body>" +
           "<w:p><w:r><w:t>Kapitel 1 Indledning</w:t></w:r></w:p>" + body + "</w:body></w:document>";
}

std::string rels(const std::string& inner) {
    return "<?xml version=\"1.0\"?><Relationships "
           "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           inner + "</Relationships>";
}

std::string rel(const std::string& id, const std::string& type, const std::string& target, bool external) {
    return "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" +
           type + "\" Target=\"" + target + "\"" + (external ? " TargetMode=\"External\"" : "") + "/>";
}

std::string docx(const std::string& document, std::vector<Part> extra = {}) {
    std::vector<Part> p = {{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRootRels},
                           {"word/document.xml", document}};
    for (auto& e : extra) p.push_back(std::move(e));
    return make_zip(p);
}

constexpr const char* kOdtNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"";

std::string odt_content(const std::string& body, const std::string& prolog = "") {
    return "<?xml version=\"1.0\"?>" + prolog + "<office:document-content " + kOdtNs +
           "><office:body><office:text><text:h text:outline-level=\"1\">Kapitel 1 Indledning</text:h>" + body +
           "</office:text></office:body></office:document-content>";
}

std::string odt(const std::string& content, std::vector<Part> extra = {}) {
    std::vector<Part> p = {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}};
    for (auto& e : extra) p.push_back(std::move(e));
    return make_zip(p);
}

// A one-page PDF with a text line plus whatever extra objects (numbered from
// 6) and page /Annots the caller gives; the xref is computed.
std::string tiny_pdf(const std::string& page_extra, const std::vector<std::string>& extra_objs,
                     const std::string& contents = "4 0 R") {
    std::string stream = "BT /F1 18 Tf 72 720 Td (Kapitel 1 Indledning) Tj ET";
    std::vector<std::string> objs = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + contents +
            " /Resources << /Font << /F1 5 0 R >> >> " + page_extra + " >>",
        "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    objs.insert(objs.end(), extra_objs.begin(), extra_objs.end());
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offs;
    for (std::size_t i = 0; i < objs.size(); ++i) {
        offs.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
    for (auto o : offs) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

struct HostileDoc {
    std::string name;     // file name, also the case name
    std::string bytes;
    bool refused;         // expected: ReadError hostile (true) or read fine (false)
};

// Every way a document can point outside itself, with `url` as the target
// (an http:// URL of the listener, a file:// URL or a relative path).
std::vector<HostileDoc> pointing_at(const std::string& url, const std::string& tag) {
    std::string ent = "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"" + url + "\">]>";
    std::string pent = "<!DOCTYPE w:document [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>";
    std::string dtd = "<!DOCTYPE w:document SYSTEM \"" + url + "\">";
    std::string xinc = "<w:p><w:r><w:t>før</w:t></w:r></w:p><xi:include href=\"" + url +
                       "\" parse=\"text\"/><xi:include href=\"" + url + "\"/>";
    std::string image =
        "<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link=\"rId9\" "
        "r:embed=\"rId8\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        "<w:pict><v:imagedata r:id=\"rId9\" src=\"" + url + "\"/></w:pict></w:r></w:p>"
        "<w:p><w:r><w:fldSimple w:instr=\"INCLUDETEXT &quot;" + url + "&quot;\"/></w:r></w:p>";
    std::string doc_rels = rels(rel("rId9", "image", url, true) + rel("rId8", "image", url, false) +
                                rel("rId7", "hyperlink", url, true) + rel("rId6", "styles", url, false) +
                                rel("rId5", "footnotes", url, true) + rel("rId4", "subDocument", url, true));
    std::string settings_rels = rels(rel("rId1", "attachedTemplate", url, true));
    std::string styles_ent = "<?xml version=\"1.0\"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM \"" + url +
                             "\">]><w:styles " + kW + "><w:style w:styleId=\"a\"><w:name w:val=\"&x;\"/></w:style></w:styles>";

    std::string o_ent = "<!DOCTYPE office:document-content [<!ENTITY x SYSTEM \"" + url + "\">]>";
    std::string o_links =
        "<text:p>før<xi:include href=\"" + url + "\" parse=\"text\"/></text:p>"
        "<draw:frame><draw:image xlink:href=\"" + url + "\" xlink:type=\"simple\"/></draw:frame>"
        "<text:p><text:a xlink:href=\"" + url + "\">link</text:a></text:p>"
        "<text:section text:name=\"s\"><text:section-source xlink:href=\"" + url + "\"/></text:section>"
        "<draw:frame><draw:object xlink:href=\"" + url + "\"/></draw:frame>";
    std::string o_meta = "<?xml version=\"1.0\"?><!DOCTYPE office:document-meta SYSTEM \"" + url +
                         "\"><office:document-meta " + kOdtNs + "><office:meta><dc:title>t</dc:title></office:meta>"
                         "</office:document-meta>";
    std::string manifest_ent =
        "<?xml version=\"1.0\"?><!DOCTYPE manifest:manifest [<!ENTITY x SYSTEM \"" + url +
        "\">]><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">&x;"
        "</manifest:manifest>";

    std::string pdf_link = tiny_pdf("/Annots [6 0 R 7 0 R 8 0 R]",
                                    {"<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (" + url +
                                         ") >> >>",
                                     "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /Launch /F (" + url +
                                         ") >> >>",
                                     "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoToR /F (" + url +
                                         ") /D [0 /Fit] >> >>"});
    // A content stream whose data lives in an external file (/F, /FFilter).
    std::string pdf_ext = tiny_pdf("", {"<< /Length 0 /F (" + url + ") >>\nstream\n\nendstream"}, "[6 0 R 4 0 R]");

    return {
        {"docx-entity-" + tag + ".docx", docx(w_document("<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", ent)), true},
        {"docx-param-entity-" + tag + ".docx", docx(w_document("", pent)), true},
        {"docx-dtd-" + tag + ".docx", docx(w_document("", dtd)), true},
        {"docx-styles-entity-" + tag + ".docx",
         docx(w_document(""), {{"word/styles.xml", styles_ent},
                               {"word/_rels/document.xml.rels", rels(rel("rId1", "styles", "styles.xml", false))}}),
         true},
        {"docx-xinclude-" + tag + ".docx", docx(w_document(xinc)), false},
        {"docx-external-parts-" + tag + ".docx",
         docx(w_document(image), {{"word/_rels/document.xml.rels", doc_rels},
                                  {"word/settings.xml", std::string("<w:settings ") + kW + "/>"},
                                  {"word/_rels/settings.xml.rels", settings_rels}}),
         false},
        {"odt-entity-" + tag + ".odt", odt(odt_content("<text:p>&x;</text:p>", o_ent)), true},
        {"odt-links-" + tag + ".odt", odt(odt_content(o_links)), false},
        {"odt-meta-dtd-" + tag + ".odt", odt(odt_content(""), {{"meta.xml", o_meta}}), true},
        {"odt-manifest-entity-" + tag + ".odt",
         odt(odt_content(""), {{"META-INF/manifest.xml", manifest_ent}}), false},  // the manifest is only scanned
        {"pdf-links-" + tag + ".pdf", pdf_link, false},
        {"pdf-external-stream-" + tag + ".pdf", pdf_ext, false},
    };
}

// Reads in this process the way the CLI does (read, normalise, segment).
// Returns the text plus any error message; `kind` receives the error kind.
std::string read_all(const std::string& bytes, bool* refused, ErrorKind* kind = nullptr) {
    *refused = false;
    try {
        Document d = read_document_bytes(bytes);
        NormaliseOptions no;
        no.is_word = [](std::string_view) { return true; };
        normalise(d, no);
        (void)segment(d);
        std::string s;
        for (const auto& b : d.blocks) s += b.text + "\n";
        for (const auto& b : d.bookmarks) s += b.title + "\n";
        s += d.meta.title + d.meta.author + d.meta.subject;
        return s;
    } catch (const ReadError& e) {
        *refused = true;
        if (kind) *kind = e.kind();
        return e.message(Lang::da) + "\n" + e.message(Lang::en);
    }
}

bool has(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("no network: external entities, DTDs, XIncludes, images and links open zero connections",
          "[hostile][network]") {
    Listener listener;
    std::string url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/x";
    auto docs = pointing_at(url, "http");
    TempDir dir;
    for (const auto& d : docs) {
        INFO(d.name);
        bool refused = false;
        ErrorKind kind = ErrorKind::io;
        std::string text = read_all(d.bytes, &refused, &kind);
        CHECK(refused == d.refused);
        if (refused) CHECK(kind == ErrorKind::hostile);
        CHECK(listener.connections() == 0);

        auto r = run_cli({"extract", dir.write(d.name, d.bytes)});
        CHECK(r.code == (d.refused ? 3 : 0));
        if (d.refused) CHECK(has(r.err, "afvises"));
        CHECK(listener.connections() == 0);
    }
    // The listener works: a real connection is counted.
    int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(listener.port()));
    REQUIRE(::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    ::close(s);
    CHECK(listener.connections() == 1);
}

TEST_CASE("no stray files: file:// and ../ references never open a file outside the input",
          "[hostile][files]") {
    TempDir root;
    const std::string secret_text = "HEMMELIG-7f3a9c-INDHOLD";
    std::string secret = root.write("secret.txt", secret_text + "\n");
    std::filesystem::create_directories(root.path / "sub");
    OpenWatch watch(secret);
    REQUIRE(watch.events() == 0);

    std::vector<HostileDoc> docs;
    for (auto& d : pointing_at("file://" + secret, "file")) docs.push_back(std::move(d));
    for (auto& d : pointing_at("../secret.txt", "relative")) docs.push_back(std::move(d));
    for (auto& d : pointing_at("file:///etc/passwd", "passwd")) docs.push_back(std::move(d));
    // A zip entry whose name climbs out of the archive.
    docs.push_back({"docx-entry-escape.docx",
                    docx(w_document(""), {{"../secret.txt", std::string("<w:styles ") + kW + "/>"},
                                          {"word/_rels/document.xml.rels",
                                           rels(rel("rId1", "styles", "../../secret.txt", false))}}),
                    false});

    for (const auto& d : docs) {
        INFO(d.name);
        bool refused = false;
        std::string text = read_all(d.bytes, &refused);
        CHECK(refused == d.refused);
        CHECK_FALSE(has(text, secret_text));
        CHECK_FALSE(has(text, "root:x:0"));
        CHECK(watch.events() == 0);

        std::string path = (root.path / "sub" / d.name).string();
        { std::ofstream(path, std::ios::binary) << d.bytes; }
        auto r = run_cli({"extract", path}, (root.path / "sub").string());
        CHECK(r.code == (d.refused ? 3 : 0));
        CHECK_FALSE(has(r.out + r.err, secret_text));
        CHECK_FALSE(has(r.out + r.err, "root:x:0"));
        CHECK(watch.events() == 0);
    }
    // The watch works: reading the secret is seen.
    CHECK(plantjek::test::slurp(secret) == secret_text + "\n");
    CHECK(watch.events() > 0);
}

TEST_CASE("no shell: a file name with shell syntax is only a name", "[hostile][files]") {
    TempDir dir;
    const auto marker = dir.path / "pwned";
    for (const std::string& name : std::vector<std::string>{"$(touch pwned).txt", "`touch pwned`.txt",
                                                            "a; touch pwned.txt", "a'b\"c|d&e $HOME.txt"}) {
        INFO(name);
        std::string path = dir.write(name, "Kapitel 1 Indledning\n\nBeskæftigelsesplan.\n");
        auto r = run_cli({"extract", path}, dir.path.string());  // absolute path
        CHECK(r.code == 0);
        CHECK(has(r.out, "Beskæftigelsesplan"));
        auto rel = run_cli({"extract", name}, dir.path.string());  // relative, in the working directory
        CHECK(rel.code == 0);
        CHECK_FALSE(std::filesystem::exists(marker));
    }
    // A name that looks like an option after "--" is a file.
    dir.write("-x.txt", "Beskæftigelsesplan.\n");
    auto dash = run_cli({"extract", "--", "-x.txt"}, dir.path.string());
    CHECK(dash.code == 0);
    CHECK(has(dash.out, "Beskæftigelsesplan"));
}

// ---- limits ------------------------------------------------------------------

namespace {

ErrorKind error_of(const std::string& bytes, const ReadOptions& o) {
    try {
        read_document_bytes(bytes, o);
    } catch (const ReadError& e) {
        return e.kind();
    }
    return ErrorKind::io;  // "no error" (io never comes from bytes)
}

std::string para(const std::string& t) { return "<w:p><w:r><w:t>" + t + "</w:t></w:r></w:p>"; }

std::string nested_docx(int depth) {
    // document > body > p > r > t is depth 5; each sdt > sdtContent adds 2.
    std::string body;
    for (int i = 0; i < depth; ++i) body += "<w:sdt><w:sdtContent>";
    body += para("dybt");
    for (int i = 0; i < depth; ++i) body += "</w:sdtContent></w:sdt>";
    return docx(w_document(body));
}

}  // namespace

TEST_CASE("limits: file size (Limits::max_file_bytes, --max-file-mb)", "[hostile][limits]") {
    ReadOptions o;
    o.limits.max_file_bytes = 1000;
    CHECK(error_of(std::string(1000, 'a'), o) == ErrorKind::io);
    CHECK(error_of(std::string(1001, 'a'), o) == ErrorKind::too_large);
    TempDir dir;
    std::string f = dir.write("stor.txt", std::string(1001, 'a'));
    try {
        read_document(f, o);
        FAIL("no error");
    } catch (const ReadError& e) {
        CHECK(e.kind() == ErrorKind::too_large);
    }
}

TEST_CASE("limits: decompressed size per entry and per archive, entry count", "[hostile][limits]") {
    // Letters deflate does not shrink much (far below the zip-bomb ratio).
    std::string text(300000, 'a');
    unsigned seed = 7;
    for (auto& c : text) {
        seed = seed * 1103515245u + 12345u;
        c = static_cast<char>('a' + (seed >> 16) % 26);
    }
    std::string one = docx(w_document(para(text)));

    ReadOptions o;
    o.limits.max_entry_bytes = 400000;
    CHECK(error_of(one, o) == ErrorKind::io);
    o.limits.max_entry_bytes = 200000;
    CHECK(error_of(one, o) == ErrorKind::too_large);  // ratio below the bomb ratio

    ReadOptions t;
    t.limits.max_total_uncompressed = 400000;
    CHECK(error_of(one, t) == ErrorKind::io);
    std::string two = docx(w_document(para(text)), {{"word/styles.xml", std::string("<w:styles ") + kW + "><!--" +
                                                                             text + "--></w:styles>"},
                                                    {"word/_rels/document.xml.rels",
                                                     rels(rel("rId1", "styles", "styles.xml", false))}});
    CHECK(error_of(two, t) == ErrorKind::too_large);

    ReadOptions n;
    n.limits.max_zip_entries = 3;
    CHECK(error_of(one, n) == ErrorKind::io);  // 3 entries
    CHECK(error_of(two, n) == ErrorKind::too_large);

    // A zip bomb: 8 MB of one byte in a few KB. Under the limits it is only
    // a large part; crossing a limit at more than 200 times its compressed
    // size makes it a bomb (hostile), not merely too large.
    std::string bomb = docx(w_document(para(std::string(8u << 20, 'a'))));
    CHECK(bomb.size() < 100000);
    CHECK(error_of(bomb, ReadOptions{}) == ErrorKind::io);
    ReadOptions b;
    b.limits.max_entry_bytes = 4u << 20;
    CHECK(error_of(bomb, b) == ErrorKind::hostile);
    b.limits.max_entry_bytes = 64u << 20;
    b.limits.max_total_uncompressed = 4u << 20;
    CHECK(error_of(bomb, b) == ErrorKind::hostile);
}

TEST_CASE("limits: XML nesting depth (Limits::max_xml_depth)", "[hostile][limits]") {
    ReadOptions o;
    o.limits.max_xml_depth = 45;
    CHECK(error_of(nested_docx(20), o) == ErrorKind::io);   // depth 45
    CHECK(error_of(nested_docx(21), o) == ErrorKind::hostile);  // depth 47
    // The default (256) holds against a document nested 100 000 deep.
    CHECK(error_of(nested_docx(100000), ReadOptions{}) == ErrorKind::hostile);
    // ODT goes through the same parser.
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<text:span>";
    deep += "x";
    for (int i = 0; i < 300; ++i) deep += "</text:span>";
    CHECK(error_of(odt(odt_content("<text:p>" + deep + "</text:p>")), ReadOptions{}) == ErrorKind::hostile);
}

TEST_CASE("limits: PDF page count (Limits::max_pages) reads the first pages and says so", "[hostile][limits]") {
    std::string pdf = plantjek::test::slurp(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/pdf/danish.pdf");
    ReadOptions o;
    o.limits.max_pages = 3;
    Document all = read_document_bytes(pdf, o);
    CHECK(all.meta.pages == 3);
    CHECK(all.notes.empty());
    o.limits.max_pages = 1;
    Document first = read_document_bytes(pdf, o);
    CHECK(first.meta.pages == 3);
    for (const auto& b : first.blocks) CHECK(b.page == 1);
    REQUIRE(first.notes.size() == 1);
    CHECK(has(first.notes[0], "page limit"));
}

// ---- regressions: one per fuzz finding, named after what it pins ----------

TEST_CASE("regression fuzz_profile: goal and deadline lists outlive yaml-cpp's iterator proxy",
          "[hostile][regression]") {
    // fuzz_profile (clang ASan) found a stack-use-after-scope reading the
    // real profiles: `for (g : it->second)` iterated a node owned by a
    // temporary proxy. Every profile must load from text, and its goals and
    // deadlines must all be there.
    namespace fs = std::filesystem;
    int loaded = 0;
    for (const auto& e : fs::directory_iterator(fs::path(PLANTJEK_TEST_SOURCE_DIR) / "rules" / "profiles")) {
        if (e.path().extension() != ".yaml") continue;
        INFO(e.path());
        Profile p = load_profile_from_string(plantjek::test::slurp(e.path()), e.path().string());
        for (int y = p.first_year; y <= p.last_year; ++y) {
            CHECK_FALSE(p.goals_for(y).empty());
            CHECK_FALSE(p.deadlines_for(y).empty());
        }
        ++loaded;
    }
    CHECK(loaded >= 4);
    // A bad profile from text is a ProfileError naming the given name and line.
    try {
        load_profile_from_string("id: x\ntitle: [", "x.yaml");
        FAIL("no error");
    } catch (const ProfileError& e) {
        CHECK(has(e.what(), "x.yaml:"));
    }
}

TEST_CASE("regression fuzz_profile: a requirement '- :' (a null key) is a ProfileError, not a yaml-cpp exception",
          "[hostile][regression]") {
    // fuzz_profile: n["id"] on the mapping {null: null} threw
    // YAML::InvalidNode out of the loader (std::terminate in the CLI).
    // The input is fuzz/regressions/fuzz_profile/requirement-with-null-key.yaml.
    std::string yaml = plantjek::test::slurp(std::string(PLANTJEK_TEST_SOURCE_DIR) +
                                             "/fuzz/regressions/fuzz_profile/requirement-with-null-key.yaml");
    REQUIRE(has(yaml, "- :"));
    CHECK_THROWS_AS(load_profile_from_string(yaml, "2.yaml"), ProfileError);
    Profile base;
    base.first_year = base.last_year = 2016;
    CHECK_THROWS_AS(add_rules_from_string(base, "requirements:\n- :\n", "rules.yaml"), ProfileError);
    // And from a file, as --profile/--rules read it.
    TempDir dir;
    CHECK_THROWS_AS(load_profile(dir.write("2.yaml", yaml)), ProfileError);
    CHECK_THROWS_AS(add_rules_file(base, dir.write("rules.yaml", "requirements:\n- :\n")), ProfileError);
}
