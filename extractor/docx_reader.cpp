// DOCX → Document: the package (rels, parts) through SafeZip, every part
// through parse_xml, then styles and numbering into small tables, then the
// body in order.
//
// Choices (see also document.h):
// - Block::number is the label a reader sees, rebuilt from numbering.xml,
//   trimmed and without one trailing '.': "2.1", "a)", "IV"; bullets give
//   "•". Heading and list text never include it.
// - Headings: outline level from the paragraph, else from the style chain
//   (w:basedOn), else from the style name ("heading 2", "Overskrift 2").
//   Numbered/bulleted paragraphs that are not headings are list items.
// - Pages: if the file has w:lastRenderedPageBreak (Word saved it), only
//   those count; otherwise explicit page breaks, pageBreakBefore and
//   non-continuous section breaks. A block's page is where its text begins.
//   A body without any of them has no known pages: every block gets page 0
//   and meta.pages is 0 (docProps/app.xml is no help: pandoc copies
//   "<Pages>1" from its reference document whatever the length).
// - Tables: one table_cell block per cell (its paragraphs joined by '\n'),
//   col counting grid columns (gridSpan); empty cells are left out.
// - Order of blocks: body, then footnotes (in order of reference, numbered
//   1, 2, ... with the page of the reference), endnotes, headers, footers.
// - Tracked changes: insertions kept, deletions dropped; each w:ins/w:del
//   (and move) and each comment is listed in meta.revisions with its
//   paragraph, words and author (a comment's words from comments.xml, its
//   place from its range start, else its reference). Footnote marks are
//   not put into the body text.
// - source_index: ordinal of the paragraph (or cell) in its part.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "extractor/reader.h"
#include "extractor/safe_xml.h"
#include "extractor/safe_zip.h"
#include "extractor/utf8.h"

namespace plantjek {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

bool w(const xmlNode* n, const char* local) {
    if (!xml::is(n, local)) return false;
    auto ns = xml::ns_of(n);
    return ns == kW || ns == kWStrict;
}

const xmlNode* wchild(const xmlNode* n, const char* local) {
    if (!n) return nullptr;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (w(c, local)) return c;
    return nullptr;
}

std::string val(const xmlNode* n) { return xml::attr(n, "val"); }

// w:b, w:pageBreakBefore, ...: present and not switched off.
bool on_off(const xmlNode* n) {
    if (!n) return false;
    bool found = false;
    std::string v = xml::attr(n, "val", nullptr, &found);
    return !found || !(v == "0" || v == "false" || v == "off");
}

int to_int(const std::string& s, int fallback) {
    try {
        std::size_t used = 0;
        int v = std::stoi(s, &used);
        return used ? v : fallback;
    } catch (...) {
        return fallback;
    }
}

bool is_space_only(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// ---- package -----------------------------------------------------------

struct Rel {
    std::string id, type, target;  // type: last path segment ("styles", "header", ...)
};

std::string dir_of(const std::string& part) {
    auto k = part.rfind('/');
    return k == std::string::npos ? std::string() : part.substr(0, k + 1);
}

// Resolves a relationship target against the source part's folder.
std::string resolve(const std::string& base_dir, std::string target) {
    if (target.starts_with("/")) return target.substr(1);
    std::vector<std::string> parts;
    std::string path = base_dir + target, seg;
    for (std::size_t i = 0; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            if (seg == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!seg.empty() && seg != ".") {
                parts.push_back(seg);
            }
            seg.clear();
        } else {
            seg += path[i];
        }
    }
    std::string out;
    for (auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string rels_path(const std::string& part) {
    return dir_of(part) + "_rels/" + part.substr(dir_of(part).size()) + ".rels";
}

[[noreturn]] void not_word(const std::string& da, const std::string& en) {
    throw ReadError(ErrorKind::unsupported,
                    "Formatet understøttes ikke: " + da + ". plantjek læser PDF, DOCX, ODT og tekst.",
                    "Unsupported format: " + en + ". plantjek reads PDF, DOCX, ODT and text.");
}

// Names what a zip without a Word document is, and throws.
[[noreturn]] void classify_other_zip(SafeZip& zip) {
    if (zip.size() == 0) not_word("en tom ZIP-pakke", "an empty zip archive");
    if (zip.contains("xl/workbook.xml")) not_word("Excel-regneark (.xlsx)", "Excel workbook (.xlsx)");
    if (zip.contains("ppt/presentation.xml")) not_word("PowerPoint-præsentation (.pptx)", "PowerPoint presentation (.pptx)");
    if (zip.contains("mimetype")) {
        std::string m;
        try {
            m = zip.read("mimetype").value_or("");
        } catch (const ReadError&) {
        }
        if (m.find("epub") != std::string::npos) not_word("EPUB-e-bog", "EPUB e-book");
        if (m.find("opendocument") != std::string::npos)
            not_word("OpenDocument-fil (" + utf8::excerpt(m, 80) + ")", "OpenDocument file (" + utf8::excerpt(m, 80) + ")");
    }
    if (zip.contains("META-INF/MANIFEST.MF")) not_word("Java-arkiv (.jar)", "Java archive (.jar)");
    if (zip.contains("[Content_Types].xml"))
        not_word("en Office-fil, der ikke er et Word-dokument (word/document.xml mangler)",
                 "an Office file that is not a Word document (word/document.xml is missing)");
    not_word("en ZIP-pakke uden Word-dokument (word/document.xml mangler)",
             "a zip archive without a Word document (word/document.xml is missing)");
}

// ---- styles ------------------------------------------------------------

struct Style {
    std::string name, based_on, num_id;
    int outline = -1;  // w:outlineLvl, 0-based; 9 = body text
    int ilvl = -1;
    std::optional<bool> bold, page_break_before;
};

struct Styles {
    std::map<std::string, Style> by_id;
    std::string default_para;

    // Walks the basedOn chain (bounded: loops are possible in hostile files).
    // Character style ids carry a "\x01" prefix.
    template <class F>
    void chain(const std::string& id, F f) const {
        std::string cur = id.empty() ? default_para : id;
        std::string prefix = cur.starts_with('\x01') ? "\x01" : "";
        for (int hops = 0; hops < 32 && !cur.empty(); ++hops) {
            auto it = by_id.find(cur);
            if (it == by_id.end()) return;
            if (f(cur, it->second)) return;
            cur = it->second.based_on.empty() ? std::string() : prefix + it->second.based_on;
        }
    }
    std::string name(const std::string& id) const {
        auto it = by_id.find(id.empty() ? default_para : id);
        return it == by_id.end() ? id : (it->second.name.empty() ? id : it->second.name);
    }
};

// "heading 2", "Heading2", "Overskrift 2", "overskrift2" (and a few
// neighbours' words) → 2; else 0.
int heading_level_from_name(const std::string& name) {
    std::string n = utf8::lower(name);
    static const char* kWords[] = {"heading", "overskrift", "rubrik", "überschrift", "titre", "kop"};
    for (const char* word : kWords) {
        std::string_view w(word);
        if (!n.starts_with(w)) continue;
        std::string rest = std::string(utf8::trim(n.substr(w.size())));
        if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
    }
    return 0;
}

Styles parse_styles(const xmlNode* root) {
    Styles s;
    if (!root) return s;
    for (const xmlNode* st = root->children; st; st = st->next) {
        if (!w(st, "style")) continue;
        std::string type = xml::attr(st, "type");
        std::string id = xml::attr(st, "styleId");
        Style y;
        y.name = val(wchild(st, "name"));
        y.based_on = val(wchild(st, "basedOn"));
        if (const xmlNode* ppr = wchild(st, "pPr")) {
            if (const xmlNode* o = wchild(ppr, "outlineLvl")) y.outline = to_int(val(o), -1);
            if (const xmlNode* pb = wchild(ppr, "pageBreakBefore")) y.page_break_before = on_off(pb);
            if (const xmlNode* np = wchild(ppr, "numPr")) {
                y.num_id = val(wchild(np, "numId"));
                if (const xmlNode* il = wchild(np, "ilvl")) y.ilvl = to_int(val(il), -1);
            }
        }
        if (const xmlNode* rpr = wchild(st, "rPr"))
            if (const xmlNode* b = wchild(rpr, "b")) y.bold = on_off(b);
        bool dflt = false;
        std::string d = xml::attr(st, "default", nullptr, &dflt);
        if (type == "paragraph" && dflt && (d == "1" || d == "true" || d == "on")) s.default_para = id;
        // Character and paragraph style ids may collide in theory; paragraph wins.
        if (type == "character") id = "\x01" + id;
        s.by_id[id] = std::move(y);
    }
    return s;
}

// ---- numbering ---------------------------------------------------------

struct Level {
    int start = 1;
    std::string fmt = "decimal", text, pstyle;
    bool legal = false;
    int restart = -1;  // w:lvlRestart: -1 = after any higher level, 0 = never
};

struct Abstract {
    std::array<Level, 9> lvl;
    std::string num_style_link;
};

struct Num {
    std::string abstract_id;
    std::map<int, int> start_override;
    std::map<int, Level> lvl_override;
};

Level parse_level(const xmlNode* l) {
    Level v;
    v.start = to_int(val(wchild(l, "start")), 1);
    if (const xmlNode* f = wchild(l, "numFmt")) v.fmt = val(f);
    if (const xmlNode* t = wchild(l, "lvlText")) v.text = val(t);
    v.pstyle = val(wchild(l, "pStyle"));
    v.legal = on_off(wchild(l, "isLgl"));
    if (const xmlNode* r = wchild(l, "lvlRestart")) v.restart = to_int(val(r), -1);
    return v;
}

// Private-use bullets from Symbol/Wingdings fonts → "•".
std::string bullet_label(const std::string& text) {
    std::string t = std::string(utf8::trim(text));
    if (t.empty()) return "•";
    std::size_t i = 0;
    char32_t cp = utf8::next(t, i);
    if (cp >= 0xE000 && cp <= 0xF8FF) return "•";
    return t;
}

class Numbering {
public:
    void parse(const xmlNode* root) {
        if (!root) return;
        for (const xmlNode* n = root->children; n; n = n->next) {
            if (w(n, "abstractNum")) {
                Abstract a;
                a.num_style_link = val(wchild(n, "numStyleLink"));
                for (const xmlNode* l = n->children; l; l = l->next)
                    if (w(l, "lvl")) {
                        int il = to_int(xml::attr(l, "ilvl"), -1);
                        if (il >= 0 && il < 9) a.lvl[il] = parse_level(l);
                    }
                abstracts_[xml::attr(n, "abstractNumId")] = std::move(a);
            } else if (w(n, "num")) {
                Num m;
                m.abstract_id = val(wchild(n, "abstractNumId"));
                for (const xmlNode* o = n->children; o; o = o->next) {
                    if (!w(o, "lvlOverride")) continue;
                    int il = to_int(xml::attr(o, "ilvl"), -1);
                    if (il < 0 || il >= 9) continue;
                    if (const xmlNode* so = wchild(o, "startOverride")) m.start_override[il] = to_int(val(so), 1);
                    if (const xmlNode* l = wchild(o, "lvl")) m.lvl_override[il] = parse_level(l);
                }
                nums_[xml::attr(n, "numId")] = std::move(m);
            }
        }
    }

    // The level a style is attached to in an abstract numbering (w:pStyle).
    int level_of_style(const std::string& num_id, const std::string& style, const Styles& styles) const {
        const Abstract* a = abstract_of(num_id, styles);
        if (!a) return -1;
        for (int i = 0; i < 9; ++i)
            if (!style.empty() && a->lvl[i].pstyle == style) return i;
        return -1;
    }

    // Advances the counter of (num_id, ilvl) and returns its label;
    // nullopt when the paragraph is not numbered after all.
    std::optional<std::string> next(const std::string& num_id, int ilvl, const Styles& styles) {
        if (num_id.empty() || num_id == "0" || ilvl < 0 || ilvl > 8) return std::nullopt;
        auto nit = nums_.find(num_id);
        if (nit == nums_.end()) return std::nullopt;
        const Num& num = nit->second;
        const Abstract* a = abstract_of(num_id, styles);
        if (!a) return std::nullopt;
        std::string key = abstract_key(num_id, styles);
        State& s = state_[key];
        if (seen_.insert(num_id).second)
            for (auto& [l, v] : num.start_override) {
                s.started[l] = false;
                s.start[l] = v;
                s.has_start[l] = true;
            }
        auto level = [&](int l) -> const Level& {
            auto o = num.lvl_override.find(l);
            return o != num.lvl_override.end() ? o->second : a->lvl[l];
        };
        auto start_of = [&](int l) { return s.has_start[l] ? s.start[l] : level(l).start; };
        if (s.started[ilvl])
            ++s.value[ilvl];
        else
            s.value[ilvl] = start_of(ilvl), s.started[ilvl] = true;
        for (int l = ilvl + 1; l < 9; ++l) {
            int r = level(l).restart;
            if (r == 0) continue;
            if (r < 0 || ilvl < r) {
                s.started[l] = false;
                s.has_start[l] = false;
            }
        }
        const Level& lv = level(ilvl);
        if (lv.fmt == "none") return std::string();
        if (lv.fmt == "bullet") return bullet_label(lv.text);
        std::string out;
        const std::string& t = lv.text;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
                int l = t[i + 1] - '1';
                int v = s.started[l] ? s.value[l] : start_of(l);
                out += office::format_counter(v, lv.legal ? "decimal" : level(l).fmt);
                ++i;
            } else {
                out += t[i];
            }
        }
        return office::label(out);
    }

private:
    struct State {
        std::array<int, 9> value{}, start{};
        std::array<bool, 9> started{}, has_start{};
    };

    // Follows w:numStyleLink (a numbering style whose numPr names the real num).
    std::string abstract_key(const std::string& num_id, const Styles& styles) const {
        std::string id = num_id;
        for (int hops = 0; hops < 4; ++hops) {
            auto n = nums_.find(id);
            if (n == nums_.end()) return {};
            auto a = abstracts_.find(n->second.abstract_id);
            if (a == abstracts_.end()) return {};
            if (a->second.num_style_link.empty()) return a->first;
            auto st = styles.by_id.find(a->second.num_style_link);
            if (st == styles.by_id.end() || st->second.num_id.empty()) return a->first;
            id = st->second.num_id;
        }
        return {};
    }
    const Abstract* abstract_of(const std::string& num_id, const Styles& styles) const {
        auto a = abstracts_.find(abstract_key(num_id, styles));
        return a == abstracts_.end() ? nullptr : &a->second;
    }

    std::map<std::string, Abstract> abstracts_;
    std::map<std::string, Num> nums_;
    std::map<std::string, State> state_;
    std::set<std::string> seen_;
};

// ---- the reader ----------------------------------------------------------

struct Para {
    std::string text;
    int page = 0;  // where the first visible character fell
    std::size_t chars = 0, bold_chars = 0;
    std::vector<Para> boxes;  // text-box paragraphs, emitted after this one
};

struct NoteRef {
    std::string id;
    int page;
};

class DocxReader {
public:
    DocxReader(std::string_view bytes, const ReadOptions& opts) : zip_(bytes, opts.limits), opts_(opts) {}

    Document run() {
        find_main();
        auto main_bytes = zip_.read(main_);
        if (!main_bytes) classify_other_zip(zip_);
        rendered_breaks_ = main_bytes->find("lastRenderedPageBreak") != std::string::npos;
        XmlDoc main = parse_xml(*main_bytes, main_, opts_.limits);
        main_bytes.reset();
        const xmlNode* root = main.root();
        if (!w(root, "document")) {
            if (xml::is(root, "workbook") || xml::is(root, "presentation")) classify_other_zip(zip_);
            throw ReadError(ErrorKind::corrupt, "Word-filen er beskadiget: " + main_ + " er ikke et Word-dokument.",
                            "The Word file is damaged: " + main_ + " is not a Word document.");
        }
        read_rels();
        if (auto x = part_xml(rel_target("styles"))) styles_ = parse_styles(x->root());
        if (auto x = part_xml(rel_target("numbering"))) numbering_.parse(x->root());
        metadata();
        if (auto x = part_xml(rel_target("comments")))
            for (const xmlNode* c = x->root()->children; c; c = c->next)
                if (w(c, "comment")) {
                    doc_.meta.comments = true;
                    comment_text_[xml::attr(c, "id")] = {xml::attr(c, "author"), utf8::excerpt(words(c), 80)};
                }

        const xmlNode* body = wchild(root, "body");
        if (body) {
            collect_sections(body);
            story(body, BlockKind::paragraph);
        }
        int last_page = page_;
        notes("footnotes", "footnote", footnote_refs_);
        notes("endnotes", "endnote", endnote_refs_);
        headers_footers();
        // app.xml has the page count of the last save by Word; breaks give a lower bound.
        if (doc_.meta.pages < last_page) doc_.meta.pages = last_page;
        if (last_page == 1) forget_pages(doc_);
        if (zip_.lenient()) doc_.notes.push_back("zip archive failed the strict consistency check; read leniently");
        return std::move(doc_);
    }

private:
    // -- package --
    void find_main() {
        main_ = "word/document.xml";
        if (auto x = part_xml("_rels/.rels"))
            for (const xmlNode* r = x->root()->children; r; r = r->next) {
                if (!xml::is(r, "Relationship") || xml::attr(r, "TargetMode") == "External") continue;
                std::string type = xml::attr(r, "Type");
                std::string target = resolve("", xml::attr(r, "Target"));
                if (type.ends_with("/officeDocument") && zip_.contains(target)) main_ = target;
                if (type.ends_with("/core-properties")) core_ = target;
                if (type.ends_with("/extended-properties")) app_ = target;
            }
        if (!zip_.contains(main_)) classify_other_zip(zip_);
    }

    void read_rels() {
        auto x = part_xml(rels_path(main_));
        if (!x) return;
        for (const xmlNode* r = x->root()->children; r; r = r->next) {
            if (!xml::is(r, "Relationship") || xml::attr(r, "TargetMode") == "External") continue;
            std::string type = xml::attr(r, "Type");
            auto k = type.rfind('/');
            rels_.push_back({xml::attr(r, "Id"), k == std::string::npos ? type : type.substr(k + 1),
                             resolve(dir_of(main_), xml::attr(r, "Target"))});
        }
    }

    std::string rel_target(const std::string& type) const {
        for (const auto& r : rels_)
            if (r.type == type) return r.target;
        static const std::map<std::string, std::string> kDefault = {
            {"styles", "word/styles.xml"},       {"numbering", "word/numbering.xml"},
            {"footnotes", "word/footnotes.xml"}, {"endnotes", "word/endnotes.xml"},
            {"comments", "word/comments.xml"}};
        auto d = kDefault.find(type);
        return d == kDefault.end() ? std::string() : d->second;
    }

    std::optional<XmlDoc> part_xml(const std::string& name) {
        if (name.empty()) return std::nullopt;
        auto bytes = zip_.read(name);
        if (!bytes) return std::nullopt;
        return parse_xml(*bytes, name, opts_.limits);
    }

    void metadata() {
        if (auto x = part_xml(core_)) {
            for (const xmlNode* n = x->root()->children; n; n = n->next) {
                if (n->type != XML_ELEMENT_NODE) continue;
                std::string v = std::string(utf8::trim(xml::text(n)));
                if (xml::is(n, "title")) doc_.meta.title = v;
                else if (xml::is(n, "creator")) doc_.meta.author = v;
                else if (xml::is(n, "subject")) doc_.meta.subject = v;
                else if (xml::is(n, "created")) doc_.meta.created = v;
                else if (xml::is(n, "modified")) doc_.meta.modified = v;
            }
        }
        if (auto x = part_xml(app_)) {
            for (const xmlNode* n = x->root()->children; n; n = n->next) {
                if (xml::is(n, "Pages")) doc_.meta.pages = std::max(0, to_int(std::string(utf8::trim(xml::text(n))), 0));
                if (xml::is(n, "Application")) doc_.meta.creator = std::string(utf8::trim(xml::text(n)));
            }
        }
    }

    // -- revisions --
    // The w:t (or, deleted, w:delText) words below n, paragraphs apart by a space.
    static std::string words(const xmlNode* n) {
        std::string out;
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (w(c, "t") || w(c, "delText")) out += xml::text(c);
            else if (w(c, "tab")) out += ' ';
            else out += words(c);
            if (w(c, "p")) out += ' ';
        }
        return out;
    }
    void revision(Revision::Kind kind, std::string excerpt, std::string author) {
        doc_.meta.revisions.push_back({kind, para_index_, utf8::excerpt(excerpt, 80), std::move(author)});
    }
    // A comment is listed once, where its range starts (else its reference).
    void comment_at(const xmlNode* n) {
        doc_.meta.comments = true;
        std::string id = xml::attr(n, "id");
        if (!comments_placed_.insert(id).second) return;
        auto it = comment_text_.find(id);
        if (it == comment_text_.end()) revision(Revision::Kind::comment, "", "");
        else revision(Revision::Kind::comment, it->second.second, it->second.first);
    }

    // -- pages --
    void collect_sections(const xmlNode* body) {
        for (const xmlNode* n = body->children; n; n = n->next) {
            if (w(n, "p")) {
                if (const xmlNode* s = wchild(wchild(n, "pPr"), "sectPr")) section_types_.push_back(section_type(s));
            } else if (w(n, "sectPr")) {
                section_types_.push_back(section_type(n));
            }
        }
    }
    static std::string section_type(const xmlNode* s) {
        const xmlNode* t = wchild(s, "type");
        return t ? val(t) : "nextPage";
    }
    void explicit_break() {
        if (!rendered_breaks_ && in_body_) ++page_;
    }

    // -- stories: body, cells, notes, headers --
    void story(const xmlNode* parent, BlockKind kind) {
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (w(n, "p")) {
                paragraph_block(n, kind);
            } else if (w(n, "tbl")) {
                table(n, kind);
            } else if (w(n, "sdt")) {
                if (const xmlNode* c = wchild(n, "sdtContent")) story(c, kind);
            } else if (w(n, "customXml") || w(n, "ins") || w(n, "moveTo")) {
                if (!w(n, "customXml")) {
                    doc_.meta.tracked_changes = true;
                    para_index_ = source_index_;
                    revision(Revision::Kind::insertion, words(n), xml::attr(n, "author"));
                }
                story(n, kind);
            } else if (w(n, "del") || w(n, "moveFrom")) {
                doc_.meta.tracked_changes = true;
                para_index_ = source_index_;
                revision(Revision::Kind::deletion, words(n), xml::attr(n, "author"));
            }
        }
    }

    struct ParaInfo {
        Para p;
        std::string style_id;
        int level = 0;
        std::optional<std::string> number;
        bool bold = false;
    };

    ParaInfo paragraph(const xmlNode* p, bool body) {
        ParaInfo info;
        const xmlNode* ppr = wchild(p, "pPr");
        info.style_id = val(wchild(ppr, "pStyle"));
        if (pending_section_break_ && body) {
            pending_section_break_ = false;
            explicit_break();
        }
        // pageBreakBefore: from the paragraph, else the style chain.
        std::optional<bool> pbb;
        if (const xmlNode* b = wchild(ppr, "pageBreakBefore")) pbb = on_off(b);
        if (!pbb)
            styles_.chain(info.style_id, [&](const std::string&, const Style& s) {
                if (s.page_break_before) pbb = s.page_break_before;
                return pbb.has_value();
            });
        if (pbb.value_or(false) && body && content_seen_) explicit_break();

        std::optional<bool> style_bold;
        styles_.chain(info.style_id, [&](const std::string&, const Style& s) {
            if (s.bold) style_bold = s.bold;
            return style_bold.has_value();
        });
        if (ppr)
            if (const xmlNode* rpr = wchild(ppr, "rPr"))
                if (wchild(rpr, "ins") || wchild(rpr, "del")) doc_.meta.tracked_changes = true;
        if (ppr && wchild(ppr, "pPrChange")) doc_.meta.tracked_changes = true;

        inline_content(p, info.p, style_bold.value_or(false));
        if (info.p.page == 0) info.p.page = page_;
        info.bold = info.p.chars > 0 && info.p.bold_chars * 2 > info.p.chars;

        if (body) {
            int outline = -1;
            if (const xmlNode* o = wchild(ppr, "outlineLvl")) outline = to_int(val(o), -1);
            if (outline < 0)
                styles_.chain(info.style_id, [&](const std::string&, const Style& s) {
                    if (s.outline >= 0) outline = s.outline;
                    return outline >= 0;
                });
            if (outline >= 0 && outline < 9) info.level = outline + 1;
            if (outline < 0)
                styles_.chain(info.style_id, [&](const std::string&, const Style& s) {
                    info.level = heading_level_from_name(s.name);
                    return info.level > 0;
                });
            numbering(ppr, info);
        }
        if (ppr && wchild(ppr, "sectPr") && body) {
            ++section_index_;
            if (section_index_ < section_types_.size() && section_types_[section_index_] != "continuous")
                pending_section_break_ = true;
        }
        return info;
    }

    void numbering(const xmlNode* ppr, ParaInfo& info) {
        std::string num_id;
        int ilvl = -1;
        if (const xmlNode* np = wchild(ppr, "numPr")) {
            num_id = val(wchild(np, "numId"));
            ilvl = to_int(val(wchild(np, "ilvl")), 0);
            if (num_id.empty()) return;  // only an ilvl: numbering comes from the style
        }
        if (num_id.empty()) {
            std::string from_style;
            styles_.chain(info.style_id, [&](const std::string& id, const Style& s) {
                if (s.num_id.empty()) return false;
                num_id = s.num_id;
                ilvl = s.ilvl;
                from_style = id;
                return true;
            });
            if (num_id.empty()) return;
            if (ilvl < 0) ilvl = numbering_.level_of_style(num_id, from_style, styles_);
            if (ilvl < 0) ilvl = 0;
        }
        if (is_space_only(info.p.text)) return;  // empty numbered paragraphs do not count in Word either
        info.number = numbering_.next(num_id, ilvl, styles_);
    }

    void paragraph_block(const xmlNode* p, BlockKind kind) {
        bool body = kind == BlockKind::paragraph;
        para_index_ = source_index_;  // the index this paragraph's block gets
        ParaInfo info = paragraph(p, body);
        std::size_t index = source_index_++;
        std::vector<Para> boxes = std::move(info.p.boxes);
        std::string text = std::string(utf8::trim(info.p.text));
        if (!text.empty()) {
            Block b;
            b.text = std::move(text);
            b.kind = kind;
            b.page = info.p.page;
            b.style = styles_.name(info.style_id);
            b.bold = info.bold;
            b.source_index = index;
            if (body) {
                if (info.level > 0) {
                    b.kind = BlockKind::heading;
                    b.outline_level = info.level;
                } else if (info.number && !info.number->empty()) {
                    b.kind = BlockKind::list_item;
                }
                if (info.number) b.number = *info.number;
            }
            doc_.blocks.push_back(std::move(b));
            if (body) content_seen_ = true;
        }
        for (auto& box : boxes) {
            std::string t = std::string(utf8::trim(box.text));
            if (t.empty()) continue;
            Block b;
            b.text = t;
            b.kind = kind;
            b.page = box.page ? box.page : info.p.page;
            b.bold = box.chars > 0 && box.bold_chars * 2 > box.chars;
            b.source_index = index;
            doc_.blocks.push_back(std::move(b));
        }
    }

    void table(const xmlNode* tbl, BlockKind kind) {
        int t = tables_++;
        int r = 0;
        bool body = kind == BlockKind::paragraph;
        BlockKind cell_kind = body ? BlockKind::table_cell : kind;
        if (body && pending_section_break_) {
            pending_section_break_ = false;
            explicit_break();
        }
        for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
            if (!w(tr, "tr")) continue;
            int c = 0;
            for (const xmlNode* tc = tr->children; tc; tc = tc->next) {
                if (!w(tc, "tc")) continue;
                int span = std::max(1, to_int(val(wchild(wchild(tc, "tcPr"), "gridSpan")), 1));
                std::string text;
                int page = 0;
                bool bold = true, any = false;
                std::size_t index = source_index_++;
                para_index_ = index;
                auto flush = [&] {
                    std::string s = std::string(utf8::trim(text));
                    if (!s.empty()) {
                        Block b;
                        b.text = std::move(s);
                        b.kind = cell_kind;
                        b.page = page ? page : page_;
                        b.bold = any && bold;
                        b.table = t, b.row = r, b.col = c;
                        b.source_index = index;
                        doc_.blocks.push_back(std::move(b));
                        if (body) content_seen_ = true;
                    }
                    text.clear();
                    page = 0;
                };
                std::function<void(const xmlNode*)> cell = [&](const xmlNode* parent) {
                    for (const xmlNode* n = parent->children; n; n = n->next) {
                        if (w(n, "p")) {
                            ParaInfo info = paragraph(n, false);
                            if (is_space_only(info.p.text)) continue;
                            if (!text.empty()) text += '\n';
                            text += std::string(utf8::trim(info.p.text));
                            if (!page) page = info.p.page;
                            any = true;
                            bold = bold && info.bold;
                            for (auto& box : info.p.boxes) text += "\n" + std::string(utf8::trim(box.text));
                        } else if (w(n, "tbl")) {
                            flush();
                            table(n, kind);
                        } else if (w(n, "sdt")) {
                            if (const xmlNode* sc = wchild(n, "sdtContent")) cell(sc);
                        } else if (w(n, "customXml")) {
                            cell(n);
                        }
                    }
                };
                cell(tc);
                flush();
                c += span;
            }
            ++r;
        }
    }

    // Runs and everything that can hold them, in order.
    void inline_content(const xmlNode* parent, Para& out, bool bold) {
        for (const xmlNode* n = parent->children; n; n = n->next) inline_node(n, out, bold);
    }

    void inline_node(const xmlNode* n, Para& out, bool bold) {
        if (n->type != XML_ELEMENT_NODE) return;
        if (xml::is(n, "AlternateContent", kMc)) {
            // The first Choice (else the Fallback): both hold the same text.
            const xmlNode* pick = xml::child(n, "Choice", kMc);
            if (!pick) pick = xml::child(n, "Fallback", kMc);
            if (pick) inline_content(pick, out, bold);
            return;
        }
        if (!(xml::ns_of(n) == kW || xml::ns_of(n) == kWStrict)) {
            // Drawings, VML shapes, math: only text boxes inside matter.
            inline_content(n, out, bold);
            return;
        }
        std::string_view nm(reinterpret_cast<const char*>(n->name));
        if (nm == "r") {
            run(n, out, bold);
        } else if (nm == "ins" || nm == "moveTo") {
            doc_.meta.tracked_changes = true;
            std::size_t from = out.text.size();
            std::size_t at = doc_.meta.revisions.size();
            revision(Revision::Kind::insertion, "", xml::attr(n, "author"));
            inline_content(n, out, bold);
            doc_.meta.revisions[at].excerpt = utf8::excerpt(std::string_view(out.text).substr(from), 80);
        } else if (nm == "del" || nm == "moveFrom") {
            doc_.meta.tracked_changes = true;
            revision(Revision::Kind::deletion, words(n), xml::attr(n, "author"));
        } else if (nm == "commentRangeStart") {
            comment_at(n);
        } else if (nm == "commentRangeEnd") {
            doc_.meta.comments = true;
        } else if (nm == "hyperlink" || nm == "smartTag" || nm == "customXml" || nm == "fldSimple" || nm == "dir" ||
                   nm == "bdo" || nm == "sdtContent" || nm == "drawing" || nm == "pict" || nm == "object") {
            inline_content(n, out, bold);
        } else if (nm == "sdt") {
            if (const xmlNode* c = wchild(n, "sdtContent")) inline_content(c, out, bold);
        } else if (nm == "txbxContent") {
            for (const xmlNode* p = n->children; p; p = p->next)
                if (w(p, "p")) {
                    ParaInfo box = paragraph(p, false);
                    std::vector<Para> inner = std::move(box.p.boxes);
                    box.p.boxes.clear();
                    out.boxes.push_back(std::move(box.p));
                    for (auto& i : inner) out.boxes.push_back(std::move(i));
                }
        }
    }

    void add_text(Para& out, std::string_view s, bool bold) {
        for (char c : s) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
            if (out.page == 0) out.page = page_;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {  // count code points
                ++out.chars;
                if (bold) ++out.bold_chars;
            }
        }
        out.text.append(s);
    }

    void run(const xmlNode* r, Para& out, bool para_bold) {
        bool bold = para_bold;
        if (const xmlNode* rpr = wchild(r, "rPr")) {
            std::string rs = val(wchild(rpr, "rStyle"));
            if (!rs.empty())
                styles_.chain("\x01" + rs, [&](const std::string&, const Style& s) {
                    if (s.bold) bold = *s.bold;
                    return s.bold.has_value();
                });
            if (const xmlNode* b = wchild(rpr, "b")) bold = on_off(b);
            if (wchild(rpr, "rPrChange")) doc_.meta.tracked_changes = true;
            if (const xmlNode* v = wchild(rpr, "vanish"); v && on_off(v)) return;  // hidden text
        }
        for (const xmlNode* c = r->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (xml::is(c, "AlternateContent", kMc) || !(xml::ns_of(c) == kW || xml::ns_of(c) == kWStrict)) {
                inline_node(c, out, bold);
                continue;
            }
            std::string_view nm(reinterpret_cast<const char*>(c->name));
            if (nm == "t") {
                add_text(out, xml::text(c), bold);
            } else if (nm == "tab" || nm == "ptab") {
                out.text += '\t';
            } else if (nm == "br") {
                std::string type = xml::attr(c, "type");
                if (type == "page") {
                    explicit_break();
                    out.text += '\n';
                } else {
                    out.text += '\n';
                }
            } else if (nm == "cr") {
                out.text += '\n';
            } else if (nm == "lastRenderedPageBreak") {
                if (rendered_breaks_ && in_body_) ++page_;
            } else if (nm == "noBreakHyphen") {
                add_text(out, "-", bold);
            } else if (nm == "softHyphen") {
                out.text += "\u00AD";
            } else if (nm == "sym") {
                std::string ch = xml::attr(c, "char");
                char32_t cp = static_cast<char32_t>(std::strtoul(ch.c_str(), nullptr, 16));
                if (cp >= 0xF000 && cp <= 0xF0FF) cp -= 0xF000;  // symbol fonts map into U+F0xx
                std::string s;
                if (cp == 0xB7 || cp == 0xA7 || cp == 0x6C || cp == 0xFC) s = "•";
                else if (cp >= 0x20 && cp < 0xD800) utf8::append(s, cp);
                add_text(out, s, bold);
            } else if (nm == "footnoteReference" || nm == "endnoteReference") {
                auto& refs = nm == "footnoteReference" ? footnote_refs_ : endnote_refs_;
                refs.push_back({xml::attr(c, "id"), out.page ? out.page : page_});
            } else if (nm == "commentReference") {
                comment_at(c);
            } else if (nm == "drawing" || nm == "pict" || nm == "object") {
                inline_content(c, out, bold);
            } else if (nm == "delText" || nm == "instrText" || nm == "delInstrText") {
                if (nm == "delText") doc_.meta.tracked_changes = true;
            }
        }
    }

    void notes(const std::string& type, const char* element, const std::vector<NoteRef>& refs) {
        auto x = part_xml(rel_target(type + ""));
        if (!x) return;
        std::map<std::string, const xmlNode*> by_id;
        std::vector<std::string> order;
        for (const xmlNode* n = x->root()->children; n; n = n->next) {
            if (!w(n, element)) continue;
            std::string t = xml::attr(n, "type");
            if (t == "separator" || t == "continuationSeparator" || t == "continuationNotice") continue;
            std::string id = xml::attr(n, "id");
            by_id[id] = n;
            order.push_back(id);
        }
        std::set<std::string> done;
        int number = 0;
        bool saved = in_body_;
        in_body_ = false;
        auto emit = [&](const std::string& id, int page, const std::string& label) {
            auto it = by_id.find(id);
            if (it == by_id.end() || !done.insert(id).second) return;
            std::string text;
            std::size_t index = source_index_;
            para_index_ = index;
            for (const xmlNode* p = it->second->children; p; p = p->next) {
                if (!w(p, "p")) continue;
                ParaInfo info = paragraph(p, false);
                ++source_index_;
                std::string t = std::string(utf8::trim(info.p.text));
                if (t.empty()) continue;
                if (!text.empty()) text += '\n';
                text += t;
            }
            if (text.empty()) return;
            Block b;
            b.text = std::move(text);
            b.kind = BlockKind::footnote;
            b.page = page;
            b.number = label;
            b.source_index = index;
            doc_.blocks.push_back(std::move(b));
        };
        for (const auto& r : refs) emit(r.id, r.page, std::to_string(++number));
        for (const auto& id : order) emit(id, 1, "");
        in_body_ = saved;
    }

    void headers_footers() {
        bool saved = in_body_;
        in_body_ = false;
        int saved_page = page_;
        for (const char* type : {"header", "footer"}) {
            for (const auto& r : rels_) {
                if (r.type != type) continue;
                auto x = part_xml(r.target);
                if (!x) continue;
                page_ = 1;
                story(x->root(), std::string_view(type) == "header" ? BlockKind::header : BlockKind::footer);
            }
        }
        page_ = saved_page;
        in_body_ = saved;
    }

    SafeZip zip_;
    const ReadOptions& opts_;
    Document doc_;
    std::string main_, core_ = "docProps/core.xml", app_ = "docProps/app.xml";
    std::vector<Rel> rels_;
    Styles styles_;
    Numbering numbering_;
    std::vector<std::string> section_types_;
    std::size_t section_index_ = 0;
    bool pending_section_break_ = false;
    bool rendered_breaks_ = false;
    bool content_seen_ = false;
    bool in_body_ = true;
    int page_ = 1;
    int tables_ = 0;
    std::size_t source_index_ = 0;
    std::vector<NoteRef> footnote_refs_, endnote_refs_;
    std::size_t para_index_ = 0;  // source_index of the paragraph being read (Revision::source_index)
    std::map<std::string, std::pair<std::string, std::string>> comment_text_;  // id → author, words
    std::set<std::string> comments_placed_;
};

}  // namespace

Document read_docx(std::string_view bytes, const ReadOptions& opts) {
    DocxReader r(bytes, opts);
    Document d = r.run();
    d.format = Format::docx;
    return d;
}

}  // namespace plantjek
