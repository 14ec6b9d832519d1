// PDF → Document with Poppler: words with fonts per page, laid out into
// blocks by pdf_layout; bookmarks; the info dictionary.
//
// Two of Poppler's interfaces: poppler-cpp (the stable one) for the
// document, its metadata, bookmarks and page rendering for OCR; and, for
// the words, Poppler's own TextOutputDev (libpoppler-private-dev) with the
// parameters poppler-cpp's page::text_list uses, so the words are the same.
// text_list wraps each word in UTF-16 through iconv and scans every page's
// fonts to name them: a third of the reading time of a 200-page plan.
// TextOutputDev gives UTF-8 and each word's font directly.
//
// Policies (see also reader.h):
// - Encrypted files open with ReadOptions::password, tried as both user and
//   owner password. Without it, or with a wrong one: ErrorKind::encrypted.
// - A file that opens without a password but whose owner password forbids
//   copying text is read anyway (Poppler allows it, and checking a public
//   plan is not copying it); meta.encrypted is set and a note says so.
// - More than Limits::max_pages pages: the first max_pages are read, a note
//   says so, meta.pages keeps the real count.
// - Pages without text go to meta.pages_without_text. With ReadOptions::ocr
//   auto_ (the default) they are read by OCR (extractor/ocr.h; Danish
//   Tesseract), with always every page is (its text layer ignored), with
//   never none is. OCR'd pages go to meta.ocr_pages, their blocks have
//   Block::ocr set, meta.ocr_confidence is the mean word confidence. When
//   no page has text (OCR included), the file is ErrorKind::no_text; when
//   OCR was wanted but Tesseract or its Danish model is missing, the message
//   names the package (tesseract-ocr-dan).
// - Bookmarks: poppler-cpp's toc_item has no destination page, so the page
//   is found by matching the title to a block's text in document order
//   (0 when nothing matches); a matched block becomes a heading with the
//   bookmark's level.
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-toc.h>

#include <climits>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "extractor/ocr.h"
#include "extractor/pdf_layout.h"
#include "extractor/reader.h"
#include "extractor/utf8.h"

namespace plantjek {

namespace {

// poppler::ustring is UTF-16; its to_utf8() opens an iconv converter per
// call, which showed as 5 % of a whole check (one call per word). A lone
// surrogate becomes U+FFFD.
std::string to_string(const poppler::ustring& u) {
    std::string out;
    out.reserve(u.size());
    for (std::size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
        else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
        utf8::append(out, c);
    }
    return out;
}

void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// PDF date "D:YYYYMMDDHHmmSS+HH'mm'" (every part after the year optional)
// → ISO 8601 "YYYY-MM-DDTHH:mm:SS+HH:mm". Empty when it does not parse.
std::string pdf_date_to_iso(std::string s) {
    if (s.starts_with("D:")) s.erase(0, 2);
    std::size_t n = 0;
    while (n < s.size() && n < 14 && s[n] >= '0' && s[n] <= '9') ++n;
    if (n < 4 || n % 2) return {};
    std::string d = s.substr(0, n);
    static const char* kDefaults[] = {"01", "01", "00", "00", "00"};
    for (std::size_t k = (n - 4) / 2; k < 5; ++k) d += kDefaults[k];
    std::string iso = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) + "T" + d.substr(8, 2) + ":" +
                      d.substr(10, 2) + ":" + d.substr(12, 2);
    std::string tz = s.substr(n);
    if (tz.starts_with("Z")) {
        iso += "Z";
    } else if (tz.size() >= 3 && (tz[0] == '+' || tz[0] == '-')) {
        std::string hh = tz.substr(1, 2), mm = "00";
        std::size_t q = tz.find_first_of("0123456789", 3);
        if (q != std::string::npos && q + 2 <= tz.size()) mm = tz.substr(q, 2);
        iso += tz.substr(0, 1) + hh + ":" + mm;
    }
    return iso;
}

std::string date_of(const poppler::document& doc, const char* key, time_t fallback) {
    std::string iso = pdf_date_to_iso(to_string(doc.info_key(key)));
    if (!iso.empty() || fallback == static_cast<time_t>(-1)) return iso;
    std::tm tm{};
    gmtime_r(&fallback, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void collect_toc(const poppler::toc_item* item, int level, std::vector<Bookmark>& out) {
    for (const poppler::toc_item* child : item->children()) {
        Bookmark b;
        b.level = level;
        b.title = utf8::squeeze_spaces(to_string(child->title()));
        if (!b.title.empty()) out.push_back(b);
        collect_toc(child, level + 1, out);
    }
}

// Lower case, single spaces, without a leading section number ("2.1 ",
// "3. "): LaTeX bookmarks leave the number out of the title.
std::string match_key(std::string_view s) {
    std::string k = utf8::lower(utf8::squeeze_spaces(s));
    std::size_t i = 0;
    while (i < k.size() && ((k[i] >= '0' && k[i] <= '9') || k[i] == '.')) ++i;
    if (i > 0 && i < k.size() && k[i] == ' ') k.erase(0, i + 1);
    return k;
}

// Gives each bookmark the page of the first block (from the previous match
// on) whose whole text is the title (section numbers aside), preferring bold or larger-than-body
// blocks so that a table of contents does not win over the heading.
void resolve_bookmarks(Document& doc) {
    if (doc.bookmarks.empty()) return;
    std::map<double, std::size_t> sizes;
    for (const auto& b : doc.blocks) sizes[b.font_size] += b.text.size();
    double body = 0;
    std::size_t best = 0;
    for (auto& [s, n] : sizes)
        if (n > best) best = n, body = s;
    std::vector<std::string> keys;
    keys.reserve(doc.blocks.size());
    for (const auto& b : doc.blocks) keys.push_back(b.text.size() < 400 ? match_key(b.text) : std::string());
    std::size_t cursor = 0;
    for (auto& bm : doc.bookmarks) {
        std::string key = match_key(bm.title);
        std::size_t found = doc.blocks.size();
        for (int pass = 0; pass < 2 && found == doc.blocks.size(); ++pass)
            for (std::size_t i = cursor; i < doc.blocks.size(); ++i) {
                const Block& b = doc.blocks[i];
                if (b.kind == BlockKind::header || b.kind == BlockKind::footer || keys[i] != key) continue;
                if (pass == 0 && !b.bold && b.font_size <= body + 0.5) continue;
                found = i;
                break;
            }
        if (found == doc.blocks.size()) continue;
        Block& b = doc.blocks[found];
        bm.page = b.page;
        b.kind = BlockKind::heading;
        b.outline_level = bm.level;
        cursor = found + 1;
    }
}

ReadError corrupt_pdf() {
    return ReadError(ErrorKind::corrupt, "PDF-filen er beskadiget eller afkortet og kan ikke åbnes.",
                     "The PDF file is damaged or truncated and cannot be opened.");
}

// The document through poppler-cpp, unlocked with the password if it has one.
std::unique_ptr<poppler::document> open_pdf(std::string_view bytes, const ReadOptions& opts) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw ReadError(ErrorKind::too_large, "PDF-filen er for stor til at blive åbnet.",
                        "The PDF file is too large to open.");
    std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size()), opts.password, opts.password));
    if (!pdf) throw corrupt_pdf();
    if (pdf->is_locked()) {
        if (opts.password.empty())
            throw ReadError(ErrorKind::encrypted,
                            "PDF-filen er krypteret og kræver en adgangskode. Angiv den med --password.",
                            "The PDF file is encrypted and needs a password. Give it with --password.");
        throw ReadError(ErrorKind::encrypted,
                        "Adgangskoden passer ikke til den krypterede PDF-fil. Angiv den rigtige med --password.",
                        "The password does not open the encrypted PDF file. Give the right one with --password.");
    }
    if (pdf->pages() <= 0) throw corrupt_pdf();  // Poppler rebuilt an xref but found no page tree
    return pdf;
}

void read_info(const poppler::document& pdf, Document& doc) {
    Metadata& m = doc.meta;
    m.pages = pdf.pages();
    m.encrypted = pdf.is_encrypted();
    if (m.encrypted && !pdf.has_permission(poppler::perm_copy))
        doc.notes.push_back("the owner password forbids copying text; read anyway to check the plan");
    m.title = utf8::squeeze_spaces(to_string(pdf.get_title()));
    m.author = utf8::squeeze_spaces(to_string(pdf.get_author()));
    m.subject = utf8::squeeze_spaces(to_string(pdf.get_subject()));
    m.creator = utf8::squeeze_spaces(to_string(pdf.get_creator()));
    m.producer = utf8::squeeze_spaces(to_string(pdf.get_producer()));
    m.created = date_of(pdf, "CreationDate", pdf.get_creation_date_t());
    m.modified = date_of(pdf, "ModDate", pdf.get_modification_date_t());
}

int pages_to_read(const ReadOptions& opts, Document& doc) {
    const int pages = doc.meta.pages;
    if (static_cast<std::uint32_t>(pages) <= opts.limits.max_pages) return pages;
    const int to_read = static_cast<int>(opts.limits.max_pages);
    doc.notes.push_back("read the first " + std::to_string(to_read) + " of " + std::to_string(pages) +
                        " pages (page limit)");
    return to_read;
}

// One page's words, in points of the displayed page.
struct PageWords {
    std::vector<pdf::Word> words;
    double w = 0, h = 0;
    int page = 0;
    bool ocr = false;
};

// Reads the pages' words: the text layer, or OCR where the options want it.
class PageReader {
public:
    // The same file through Poppler's core for the words (poppler-cpp keeps
    // globalParams alive while `pdf` lives). The bytes outlive both.
    PageReader(std::string_view bytes, const poppler::document& pdf, const ReadOptions& opts, Document& doc)
        : pdf_(pdf), opts_(opts), doc_(doc), ocr_usable_(opts.ocr != OcrMode::never) {
        if (!opts.password.empty()) password_ = GooString(opts.password);
        core_ = std::make_unique<PDFDoc>(
            new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)), password_,
            password_);
        if (!core_->isOk() || !globalParams) throw corrupt_pdf();
        text_dev_.emplace(nullptr, false, 0, false, false);
        if (!text_dev_->isOk()) throw corrupt_pdf();
    }

    // The pages from the first to `to_read` that have words, in order.
    std::vector<PageWords> read(int to_read);
    const std::string& ocr_error() const { return ocr_error_; }
    // Mean word confidence of the OCR'd pages; none when no page was.
    std::optional<double> ocr_confidence() const {
        if (ocr_conf_words_ > 0) return ocr_conf_sum_ / ocr_conf_words_;
        return std::nullopt;
    }

private:
    void read_text_layer(int i, std::vector<pdf::Word>& words);
    bool read_by_ocr(const poppler::page& page, PageWords& p);

    const poppler::document& pdf_;
    const ReadOptions& opts_;
    Document& doc_;
    std::optional<GooString> password_;
    std::unique_ptr<PDFDoc> core_;
    std::optional<TextOutputDev> text_dev_;
    std::map<std::string, bool> bold_fonts_;
    bool ocr_usable_;
    std::string ocr_error_;
    double ocr_conf_sum_ = 0, ocr_conf_words_ = 0;
};

std::vector<PageWords> PageReader::read(int to_read) {
    std::vector<PageWords> laid;
    PageWords p;
    for (int i = 0; i < to_read; ++i) {
        std::unique_ptr<poppler::page> page(pdf_.create_page(i));
        p.words.clear();
        p.w = p.h = 0;
        p.page = i + 1;
        p.ocr = false;
        if (page) {
            poppler::rectf r = page->page_rect();
            p.w = r.width();
            p.h = r.height();
            auto o = page->orientation();  // /Rotate 90 or 270: boxes are in the turned page
            if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(p.w, p.h);
            read_text_layer(i, p.words);
        }
        if (p.words.empty()) doc_.meta.pages_without_text.push_back(i + 1);
        if (page && ocr_usable_ && (opts_.ocr == OcrMode::always || p.words.empty())) p.ocr = read_by_ocr(*page, p);
        if (p.words.empty()) continue;
        laid.push_back(std::move(p));
        p.words = {};
    }
    return laid;
}

// As poppler-cpp's text_list: 72 dpi, no rotation, crop box, copied xref.
void PageReader::read_text_layer(int i, std::vector<pdf::Word>& words) {
    core_->displayPageSlice(&*text_dev_, i + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr, nullptr,
                            nullptr, nullptr, true);
    std::unique_ptr<TextWordList> list = text_dev_->makeWordList();
    for (int k = 0; list && k < list->getLength(); ++k) {
        const TextWord* tw = list->get(k);
        pdf::Word word;
        std::unique_ptr<GooString> text(tw->getText());
        word.text = text ? text->toStr() : std::string();
        if (!utf8::valid(word.text)) word.text = utf8::nfc(word.text);  // replaces bad bytes
        if (word.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        tw->getBBox(&word.x0, &word.y0, &word.x1, &word.y1);
        word.size = tw->getFontSize();
        const GooString* font = tw->getLength() > 0 && tw->getFontInfo(0) ? tw->getFontName(0) : nullptr;
        std::string name = font ? font->toStr() : std::string();
        auto [it, fresh] = bold_fonts_.try_emplace(name, false);
        if (fresh) it->second = pdf::is_bold_font(name);
        word.bold = it->second;
        word.space_after = tw->hasSpaceAfter();
        word.rotation = tw->getRotation();
        words.push_back(std::move(word));
    }
}

// Replaces the page's words by OCR's when they are confident enough; true
// when OCR gave the page its words. The first failure turns OCR off.
bool PageReader::read_by_ocr(const poppler::page& page, PageWords& p) {
    try {
        ocr::PageText t = ocr::read_page(page);
        if (!t.words.empty() && t.confidence < ocr::kMinPageConfidence) {
            doc_.notes.push_back("page " + std::to_string(p.page) + ": OCR confidence " +
                                 std::to_string(static_cast<int>(t.confidence)) +
                                 " is too low; the page's text was not used");
            t.words.clear();
        }
        if (!t.words.empty()) {
            p.words = std::move(t.words);
            p.w = t.width;
            p.h = t.height;
            doc_.meta.ocr_pages.push_back(p.page);
            ocr_conf_sum_ += t.confidence * static_cast<double>(p.words.size());
            ocr_conf_words_ += static_cast<double>(p.words.size());
            return true;
        }
        if (opts_.ocr == OcrMode::always) p.words.clear();  // the image has no text: neither has the page
    } catch (const std::runtime_error& e) {
        ocr_usable_ = false;
        ocr_error_ = e.what();
        doc_.notes.push_back(std::string("OCR not available: ") + e.what());
    }
    return false;
}

// Laid out after all pages are read: OCR sizes are evened over the document.
void lay_out_pages(std::vector<PageWords>& laid, Document& doc) {
    std::vector<std::vector<pdf::Word>*> ocr_words;
    for (auto& p : laid)
        if (p.ocr) ocr_words.push_back(&p.words);
    if (!ocr_words.empty()) ocr::even_sizes(ocr_words);
    for (auto& p : laid) {
        for (auto& b : pdf::layout_page(p.words, p.w, p.h, p.page)) {
            b.source_index = doc.blocks.size();
            b.ocr = p.ocr;
            doc.blocks.push_back(std::move(b));
        }
        p.words = {};
    }
}

// No page has text: why, and what to do about it.
[[noreturn]] void throw_no_text(const std::string& ocr_error, const ReadOptions& opts) {
    if (!ocr_error.empty())
        throw ReadError(ErrorKind::no_text,
                        "PDF-filen har intet tekstlag (scannet), og tekstgenkendelse (OCR) er ikke mulig: "
                        "installér Debian-pakken tesseract-ocr-dan.",
                        "The PDF file has no text layer (scanned) and text recognition (OCR) is not possible: "
                        "install the Debian package tesseract-ocr-dan.");
    if (opts.ocr == OcrMode::never)
        throw ReadError(ErrorKind::no_text,
                        "PDF-filen har intet tekstlag (scannet – intet tekstlag): siderne er billeder. "
                        "Brug --ocr auto for at læse dem med tekstgenkendelse.",
                        "The PDF file has no text layer (scanned): its pages are images. "
                        "Use --ocr auto to read them by text recognition.");
    throw ReadError(ErrorKind::no_text,
                    "PDF-filen har intet tekstlag (scannet – intet tekstlag), og tekstgenkendelse (OCR) "
                    "fandt ingen tekst på siderne.",
                    "The PDF file has no text layer (scanned), and text recognition (OCR) found no text "
                    "on its pages.");
}

}  // namespace

Document read_pdf(std::string_view bytes, const ReadOptions& opts) {
    silence_poppler();
    std::unique_ptr<poppler::document> pdf = open_pdf(bytes, opts);
    Document doc;
    doc.format = Format::pdf;
    read_info(*pdf, doc);
    const int to_read = pages_to_read(opts, doc);
    PageReader reader(bytes, *pdf, opts, doc);
    std::vector<PageWords> laid = reader.read(to_read);
    lay_out_pages(laid, doc);
    Metadata& m = doc.meta;
    if (auto conf = reader.ocr_confidence()) m.ocr_confidence = *conf;
    if (!m.ocr_pages.empty())
        doc.notes.push_back("read " + std::to_string(m.ocr_pages.size()) + " page(s) by OCR (Danish Tesseract)");
    if (laid.empty()) throw_no_text(reader.ocr_error(), opts);

    if (std::unique_ptr<poppler::toc> toc(pdf->create_toc()); toc && toc->root())
        collect_toc(toc->root(), 1, doc.bookmarks);
    resolve_bookmarks(doc);
    return doc;
}

}  // namespace plantjek
