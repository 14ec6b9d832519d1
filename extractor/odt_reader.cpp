// ODT → Document: content.xml (body, automatic styles), styles.xml (named
// styles, outline numbering, master-page headers/footers), meta.xml.
//
// Choices (the same as the DOCX reader where they overlap):
// - Headings: text:h (text:outline-level, else the style's), and text:p
//   whose style chain (style:parent-style-name) has a default-outline-level.
// - Block::number: outline numbering from text:outline-style for headings,
//   list-style numbering for list items (prefix, display-levels joined by
//   '.', suffix; one trailing '.' dropped), "•" for bullets. A text:number
//   element the writer cached wins. Counters restart per text:list unless
//   it continues (text:continue-numbering / text:continue-list).
// - Pages: text:soft-page-break, fo:break-before/after="page" and a
//   style:master-page-name on a paragraph style (not before the first
//   content). A block's page is where its text begins. Without any break
//   the pages are not known (page 0, meta.pages 0), unless the writer's
//   statistic says the document has one page (LibreOffice and Word
//   write it from their layout; pandoc writes none).
// - Notes (text:note) become footnote blocks after the body, numbered by
//   their citation, with the page of the reference; annotations and tracked
//   deletions never reach the body; tracked insertions stay. Each
//   insertion, deletion (from text:tracked-changes, placed where its
//   text:change mark stands) and annotation is listed in meta.revisions
//   with its paragraph, words and author; format changes are not.
// - Headers/footers of every master page follow the notes, duplicates once.
#include <algorithm>
#include <array>
#include <cctype>
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

constexpr const char* kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr const char* kDraw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

bool t(const xmlNode* n, const char* local) { return xml::is(n, local, kText); }

int to_int(const std::string& s, int fallback) {
    try {
        std::size_t used = 0;
        int v = std::stoi(s, &used);
        return used ? v : fallback;
    } catch (...) {
        return fallback;
    }
}

// "Heading_20_1" → "Heading 1" (ODF encodes non-NCName characters as _xx_).
std::string decode_style_name(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 3 < s.size() && s[i + 3] == '_' && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            utf8::append(out, static_cast<char32_t>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
            i += 3;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool weight_bold(const std::string& w) { return w == "bold" || to_int(w, 400) >= 600; }

struct Style {
    std::string display, parent, list_style;
    int outline = -1;  // style:default-outline-level; 0 = explicitly none
    std::optional<bool> bold;
    bool break_before = false, break_after = false, master_page = false;
};

struct ListLevel {
    bool bullet = false;
    std::string format = "1", prefix, suffix, bullet_char;
    int display = 1, start = 1;
};

using ListStyle = std::array<ListLevel, 10>;

struct StyleSet {
    std::map<std::string, Style> para, text;
    std::map<std::string, ListStyle> lists;

    template <class F>
    void chain(const std::map<std::string, Style>& m, const std::string& name, F f) const {
        std::string cur = name;
        for (int hops = 0; hops < 32 && !cur.empty(); ++hops) {
            auto it = m.find(cur);
            if (it == m.end()) return;
            if (f(it->second)) return;
            cur = it->second.parent;
        }
    }
    std::string display(const std::string& name) const {
        auto it = para.find(name);
        if (it == para.end()) return decode_style_name(name);
        // Automatic styles (P1, ...) have no display name: show the parent's.
        if (it->second.display.empty() && !it->second.parent.empty() && name != it->second.parent &&
            para.count(it->second.parent))
            return display(it->second.parent);
        return it->second.display.empty() ? decode_style_name(name) : it->second.display;
    }
};

ListLevel parse_list_level(const xmlNode* l) {
    ListLevel v;
    v.bullet = t(l, "list-level-style-bullet");
    v.format = xml::attr(l, "num-format", kStyle);
    v.prefix = xml::attr(l, "num-prefix", kStyle);
    v.suffix = xml::attr(l, "num-suffix", kStyle);
    v.bullet_char = xml::attr(l, "bullet-char", kText);
    v.display = std::clamp(to_int(xml::attr(l, "display-levels", kText), 1), 1, 10);
    v.start = to_int(xml::attr(l, "start-value", kText), 1);
    if (t(l, "list-level-style-image")) v.bullet = true;
    return v;
}

void parse_styles(const xmlNode* container, StyleSet& s) {
    if (!container) return;
    for (const xmlNode* n = container->children; n; n = n->next) {
        if (xml::is(n, "style", kStyle)) {
            std::string family = xml::attr(n, "family", kStyle);
            if (family != "paragraph" && family != "text") continue;
            Style y;
            y.display = xml::attr(n, "display-name", kStyle);
            y.parent = xml::attr(n, "parent-style-name", kStyle);
            y.list_style = xml::attr(n, "list-style-name", kStyle);
            bool has_level = false;
            std::string lvl = xml::attr(n, "default-outline-level", kStyle, &has_level);
            if (has_level) y.outline = lvl.empty() ? 0 : to_int(lvl, 0);
            y.master_page = !xml::attr(n, "master-page-name", kStyle).empty();
            if (const xmlNode* pp = xml::child(n, "paragraph-properties", kStyle)) {
                y.break_before = xml::attr(pp, "break-before") == "page";
                y.break_after = xml::attr(pp, "break-after") == "page";
            }
            if (const xmlNode* tp = xml::child(n, "text-properties", kStyle)) {
                bool f = false;
                std::string w = xml::attr(tp, "font-weight", nullptr, &f);
                if (f) y.bold = weight_bold(w);
            }
            (family == "paragraph" ? s.para : s.text)[xml::attr(n, "name", kStyle)] = std::move(y);
        } else if (t(n, "list-style") || t(n, "outline-style")) {
            ListStyle ls;
            for (const xmlNode* l = n->children; l; l = l->next) {
                if (l->type != XML_ELEMENT_NODE) continue;
                int level = to_int(xml::attr(l, "level", kText), 0);
                if (level >= 1 && level <= 10) ls[level - 1] = parse_list_level(l);
            }
            s.lists[t(n, "outline-style") ? std::string("\x01outline") : xml::attr(n, "name", kStyle)] = ls;
        }
    }
}

std::string bullet(const std::string& c) {
    std::string b = std::string(utf8::trim(c));
    if (b.empty()) return "•";
    std::size_t i = 0;
    char32_t cp = utf8::next(b, i);
    if (cp >= 0xE000 && cp <= 0xF8FF) return "•";
    return b;
}

// Counters for one list (or the outline): level values, started flags.
struct Counters {
    std::array<int, 10> value{};
    std::array<bool, 10> started{};

    std::string next(const ListStyle& ls, int level, std::optional<int> start_value) {
        level = std::clamp(level, 0, 9);
        const ListLevel& lv = ls[level];
        if (start_value) {
            value[level] = *start_value;
            started[level] = true;
        } else if (started[level]) {
            ++value[level];
        } else {
            value[level] = lv.start;
            started[level] = true;
        }
        for (int l = level + 1; l < 10; ++l) started[l] = false;
        if (lv.bullet) return bullet(lv.bullet_char);
        if (lv.format.empty()) return {};
        std::string num;
        int first = std::max(0, level - lv.display + 1);
        for (int l = first; l <= level; ++l) {
            if (!num.empty()) num += '.';
            int v = started[l] ? value[l] : ls[l].start;
            num += office::format_counter(v, ls[l].format.empty() ? "1" : ls[l].format);
        }
        return office::label(lv.prefix + num + lv.suffix);
    }
};

struct Para {
    std::string text;
    int page = 0;
    std::size_t chars = 0, bold_chars = 0;
    std::optional<std::string> cached_number;  // text:number
};

struct Note {
    std::string citation;
    const xmlNode* body;
    int page;
};

class OdtReader {
public:
    OdtReader(std::string_view bytes, const ReadOptions& opts) : zip_(bytes, opts.limits), opts_(opts) {}

    Document run() {
        check_encryption();
        auto content = part_xml("content.xml");
        if (!content)
            throw ReadError(ErrorKind::corrupt, "ODT-filen er beskadiget: delen content.xml mangler.",
                            "The ODT file is damaged: the part content.xml is missing.");
        auto styles = part_xml("styles.xml");
        StyleSet named;
        if (styles) parse_styles(xml::child(styles->root(), "styles", kOffice), named);
        content_styles_ = named;
        parse_styles(xml::child(content->root(), "automatic-styles", kOffice), content_styles_);
        StyleSet in_styles = named;
        if (styles) parse_styles(xml::child(styles->root(), "automatic-styles", kOffice), in_styles);
        metadata();

        styles_ = &content_styles_;
        if (const xmlNode* body = xml::child(content->root(), "body", kOffice))
            if (const xmlNode* text = xml::child(body, "text", kOffice)) story(text, BlockKind::paragraph, 0);
        int last_page = page_;

        in_body_ = false;
        for (const Note& n : notes_) {
            std::string text;
            std::size_t index = source_index_;
            for (const xmlNode* p = n.body->children; p; p = p->next)
                collect_plain(p, text);
            text = std::string(utf8::trim(text));
            if (text.empty()) continue;
            Block b;
            b.text = std::move(text);
            b.kind = BlockKind::footnote;
            b.page = n.page;
            b.number = office::label(n.citation);
            b.source_index = index;
            doc_.blocks.push_back(std::move(b));
        }
        if (styles) {
            styles_ = &in_styles;
            headers_footers(styles->root());
        }
        bool counted_one = doc_.meta.pages == 1;  // the writer's own statistic, from its layout
        if (doc_.meta.pages < last_page) doc_.meta.pages = last_page;
        if (last_page == 1 && !counted_one) forget_pages(doc_);
        if (zip_.lenient()) doc_.notes.push_back("zip archive failed the strict consistency check; read leniently");
        return std::move(doc_);
    }

private:
    void check_encryption() {
        auto manifest = zip_.read("META-INF/manifest.xml");
        if (manifest && manifest->find("encryption-data") != std::string::npos)
            throw ReadError(ErrorKind::encrypted,
                            "ODT-filen er beskyttet med adgangskode (krypteret); gem den uden adgangskode og prøv igen.",
                            "The ODT file is password-protected (encrypted); save it without a password and try again.");
    }

    std::optional<XmlDoc> part_xml(const std::string& name) {
        auto bytes = zip_.read(name);
        if (!bytes) return std::nullopt;
        return parse_xml(*bytes, name, opts_.limits);
    }

    void metadata() {
        auto meta = part_xml("meta.xml");
        if (!meta) return;
        const xmlNode* m = xml::child(meta->root(), "meta", kOffice);
        if (!m) return;
        std::string creator;
        for (const xmlNode* n = m->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            std::string v = std::string(utf8::trim(xml::text(n)));
            if (xml::is(n, "title")) doc_.meta.title = v;
            else if (xml::is(n, "subject")) doc_.meta.subject = v;
            else if (xml::is(n, "initial-creator")) doc_.meta.author = v;
            else if (xml::is(n, "creator")) creator = v;
            else if (xml::is(n, "creation-date")) doc_.meta.created = v;
            else if (xml::is(n, "date")) doc_.meta.modified = v;
            else if (xml::is(n, "generator")) doc_.meta.creator = v;
            else if (xml::is(n, "document-statistic"))
                doc_.meta.pages = std::max(0, to_int(xml::attr(n, "page-count"), 0));
        }
        if (doc_.meta.author.empty()) doc_.meta.author = creator;
    }

    // -- block level --
    void story(const xmlNode* parent, BlockKind kind, int list_depth) {
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (t(n, "p") || t(n, "h")) {
                paragraph_block(n, kind, nullptr);
            } else if (t(n, "list")) {
                list(n, kind, list_depth, {});
            } else if (xml::is(n, "table", kTable)) {
                table(n, kind);
            } else if (t(n, "soft-page-break")) {
                page_break();
            } else if (t(n, "tracked-changes")) {
                if (xml::child(n, "changed-region", kText)) doc_.meta.tracked_changes = true;
                read_changed_regions(n);
            } else if (t(n, "section") || t(n, "index-body") || t(n, "index-title") || t(n, "table-of-content") ||
                       t(n, "alphabetical-index") || t(n, "illustration-index") || t(n, "table-index") ||
                       t(n, "object-index") || t(n, "user-index") || t(n, "bibliography")) {
                story(n, kind, list_depth);
            } else if (xml::is(n, "frame", kDraw) || xml::is(n, "text-box", kDraw)) {
                story(n, kind, list_depth);
            }
        }
    }

    // text:changed-region: id → what changed (insertion, deletion), by whom,
    // and a deletion's words (they live here, not in the body).
    void read_changed_regions(const xmlNode* tc) {
        for (const xmlNode* r = tc->children; r; r = r->next) {
            if (!t(r, "changed-region")) continue;
            std::string id = xml::attr(r, "id", kText);
            if (id.empty()) id = xml::attr(r, "id");  // ODF 1.3: xml:id
            for (const xmlNode* c = r->children; c; c = c->next) {
                bool ins = t(c, "insertion"), del = t(c, "deletion");
                if (!ins && !del) continue;
                Region g;
                g.kind = ins ? Revision::Kind::insertion : Revision::Kind::deletion;
                if (const xmlNode* info = xml::child(c, "change-info", kOffice))
                    g.author = std::string(utf8::trim(xml::text(xml::child(info, "creator"))));
                if (del)
                    for (const xmlNode* p = c->children; p; p = p->next) collect_plain(p, g.words);
                regions_[id] = std::move(g);
            }
        }
    }

    void revision(Revision::Kind kind, const std::string& excerpt, const std::string& author) {
        doc_.meta.revisions.push_back({kind, para_index_, utf8::excerpt(excerpt, 80), author});
    }

    struct ListCtx {
        std::string style;
        Counters* counters = nullptr;
        int level = -1;
    };

    struct ItemLabel {
        ListCtx ctx;
        bool unnumbered;
        std::optional<int> start;
    };

    void list(const xmlNode* l, BlockKind kind, int depth, ListCtx outer) {
        std::string style = xml::attr(l, "style-name", kText);
        ListCtx ctx = outer;
        if (outer.counters == nullptr) {
            // A new top-level list: counters per list style; restart unless it continues.
            std::string key = style;
            bool cont = xml::attr(l, "continue-numbering", kText) == "true" ||
                        !xml::attr(l, "continue-list", kText).empty();
            if (!cont) list_counters_[key] = Counters{};
            ctx.counters = &list_counters_[key];
            ctx.style = style;
        } else if (!style.empty()) {
            ctx.style = style;
        }
        ctx.level = outer.level + 1;
        for (const xmlNode* item = l->children; item; item = item->next) {
            bool header = t(item, "list-header");
            if (!t(item, "list-item") && !header) {
                if (t(item, "soft-page-break")) page_break();
                continue;
            }
            std::optional<int> start;
            bool has_start = false;
            std::string sv = xml::attr(item, "start-value", kText, &has_start);
            if (has_start) start = to_int(sv, 1);
            bool first = true;
            for (const xmlNode* n = item->children; n; n = n->next) {
                if (n->type != XML_ELEMENT_NODE) continue;
                if (t(n, "p") || t(n, "h")) {
                    ItemLabel lab{ctx, header || !first, start};
                    paragraph_block(n, kind, &lab);
                    first = false;
                } else if (t(n, "list")) {
                    list(n, kind, depth + 1, ctx);
                    first = false;
                } else if (xml::is(n, "table", kTable)) {
                    table(n, kind);
                } else if (t(n, "soft-page-break")) {
                    page_break();
                }
            }
        }
    }

    const ListStyle* list_style(const std::string& name) const {
        auto it = styles_->lists.find(name);
        return it == styles_->lists.end() ? nullptr : &it->second;
    }

    void page_break() {
        if (in_body_) ++page_;
    }

    void paragraph_block(const xmlNode* p, BlockKind kind, ItemLabel* item) {
        bool body = kind == BlockKind::paragraph;
        std::string style = xml::attr(p, "style-name", kText);
        bool before = false, after = false;
        std::optional<bool> style_bold;
        int outline = -1;
        std::string style_list;
        styles_->chain(styles_->para, style, [&](const Style& s) {
            before = before || s.break_before || s.master_page;
            after = after || s.break_after;
            if (!style_bold && s.bold) style_bold = s.bold;
            if (outline < 0 && s.outline >= 0) outline = s.outline;
            if (style_list.empty()) style_list = s.list_style;
            return false;
        });
        if (before && body && content_seen_) page_break();

        Para para;
        para_index_ = source_index_;  // the index this paragraph's block gets
        inline_content(p, para, style_bold.value_or(false));
        if (para.page == 0) para.page = page_;
        std::size_t index = source_index_++;
        std::string text = std::string(utf8::trim(para.text));

        int level = 0;
        if (t(p, "h")) {
            int l = to_int(xml::attr(p, "outline-level", kText), outline > 0 ? outline : 1);
            level = std::clamp(l, 1, 10);
        } else if (outline > 0) {
            level = std::clamp(outline, 1, 10);
        }
        std::optional<std::string> number;
        if (!text.empty() && body) {
            const ListStyle* ls = nullptr;
            if (item && !item->unnumbered) ls = list_style(item->ctx.style.empty() ? style_list : item->ctx.style);
            if (para.cached_number) {
                number = office::label(*para.cached_number);
            } else if (ls) {
                number = item->ctx.counters->next(*ls, item->ctx.level, item->start);
            } else if (level > 0 && !(item && item->unnumbered) && xml::attr(p, "is-list-header", kText) != "true") {
                if (const ListStyle* s = list_style("\x01outline")) {
                    std::optional<int> start;
                    if (xml::attr(p, "restart-numbering", kText) == "true")
                        start = to_int(xml::attr(p, "start-value", kText), 1);
                    std::string n = outline_counters_.next(*s, level - 1, start);
                    if (!n.empty()) number = n;
                }
            }
        }
        if (!text.empty()) {
            Block b;
            b.text = std::move(text);
            b.kind = kind;
            b.page = para.page;
            b.style = styles_->display(style);
            b.bold = para.chars > 0 && para.bold_chars * 2 > para.chars;
            b.source_index = index;
            if (body) {
                if (level > 0) {
                    b.kind = BlockKind::heading;
                    b.outline_level = std::min(level, 9);
                } else if (item) {
                    b.kind = BlockKind::list_item;
                }
                if (number) b.number = *number;
                content_seen_ = true;
            }
            doc_.blocks.push_back(std::move(b));
        }
        for (auto& box : boxes_) doc_.blocks.push_back(std::move(box));
        boxes_.clear();
        if (after && body) page_break();
    }

    void table(const xmlNode* tbl, BlockKind kind) {
        int tno = tables_++;
        bool body = kind == BlockKind::paragraph;
        int row = 0;
        std::function<void(const xmlNode*)> rows = [&](const xmlNode* parent) {
            for (const xmlNode* r = parent->children; r; r = r->next) {
                if (xml::is(r, "table-header-rows", kTable) || xml::is(r, "table-rows", kTable) ||
                    xml::is(r, "table-row-group", kTable)) {
                    rows(r);
                    continue;
                }
                if (t(r, "soft-page-break")) {
                    page_break();
                    continue;
                }
                if (!xml::is(r, "table-row", kTable)) continue;
                int col = 0;
                for (const xmlNode* c = r->children; c; c = c->next) {
                    bool covered = xml::is(c, "covered-table-cell", kTable);
                    if (!xml::is(c, "table-cell", kTable) && !covered) continue;
                    int rep = std::clamp(to_int(xml::attr(c, "number-columns-repeated", kTable), 1), 1, 1 << 14);
                    if (!covered) cell(c, kind, body, tno, row, col);
                    col += rep;
                }
                row += std::clamp(to_int(xml::attr(r, "number-rows-repeated", kTable), 1), 1, 1 << 20);
            }
        };
        rows(tbl);
    }

    void cell(const xmlNode* c, BlockKind kind, bool body, int tno, int row, int col) {
        std::string text;
        int page = 0;
        bool bold = true, any = false;
        std::size_t index = source_index_++;
        para_index_ = index;
        std::function<void(const xmlNode*)> walk = [&](const xmlNode* parent) {
            for (const xmlNode* n = parent->children; n; n = n->next) {
                if (t(n, "p") || t(n, "h")) {
                    std::optional<bool> sb;
                    styles_->chain(styles_->para, xml::attr(n, "style-name", kText), [&](const Style& s) {
                        if (s.bold) sb = s.bold;
                        return sb.has_value();
                    });
                    Para para;
                    inline_content(n, para, sb.value_or(false));
                    std::string s = std::string(utf8::trim(para.text));
                    if (s.empty()) continue;
                    if (!text.empty()) text += '\n';
                    text += s;
                    if (!page) page = para.page ? para.page : page_;
                    any = true;
                    bold = bold && para.chars > 0 && para.bold_chars * 2 > para.chars;
                } else if (t(n, "list") || t(n, "list-item") || t(n, "section")) {
                    walk(n);
                } else if (t(n, "soft-page-break")) {
                    page_break();
                } else if (xml::is(n, "table", kTable)) {
                    table(n, kind);
                }
            }
        };
        walk(c);
        std::string s = std::string(utf8::trim(text));
        if (s.empty()) return;
        Block b;
        b.text = std::move(s);
        b.kind = body ? BlockKind::table_cell : kind;
        b.page = page ? page : page_;
        b.bold = any && bold;
        b.table = tno, b.row = row, b.col = col;
        b.source_index = index;
        doc_.blocks.push_back(std::move(b));
        for (auto& box : boxes_) doc_.blocks.push_back(std::move(box));
        boxes_.clear();
        if (body) content_seen_ = true;
    }

    // -- inline --
    void add_text(Para& out, std::string_view s, bool bold) {
        for (char c : s) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
            if (out.page == 0) out.page = page_;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++out.chars;
                if (bold) ++out.bold_chars;
            }
        }
        out.text.append(s);
    }

    // ODF collapses white space in text content like HTML does; text:s
    // carries the deliberate extra spaces.
    void add_collapsed(Para& out, std::string_view s, bool bold) {
        std::string r;
        for (char c : s) {
            bool sp = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (sp) {
                bool prev_space = !r.empty() ? r.back() == ' ' : (!out.text.empty() && out.text.back() == ' ');
                if (!prev_space) r += ' ';
            } else {
                r += c;
            }
        }
        add_text(out, r, bold);
    }

    void inline_content(const xmlNode* parent, Para& out, bool bold) {
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                if (n->content) add_collapsed(out, reinterpret_cast<const char*>(n->content), bold);
                continue;
            }
            if (n->type != XML_ELEMENT_NODE) continue;
            if (t(n, "s")) {
                int c = std::clamp(to_int(xml::attr(n, "c", kText), 1), 1, 1000);
                out.text.append(static_cast<std::size_t>(c), ' ');
            } else if (t(n, "tab")) {
                out.text += '\t';
            } else if (t(n, "line-break")) {
                out.text += '\n';
            } else if (t(n, "soft-page-break")) {
                page_break();
            } else if (t(n, "number")) {
                out.cached_number = xml::text(n);
            } else if (t(n, "note")) {
                const xmlNode* body = xml::child(n, "note-body", kText);
                if (body && in_body_)
                    notes_.push_back({std::string(utf8::trim(xml::text(xml::child(n, "note-citation", kText)))), body,
                                      out.page ? out.page : page_});
            } else if (xml::is(n, "annotation", kOffice)) {
                doc_.meta.comments = true;
                std::string words;
                for (const xmlNode* p = n->children; p; p = p->next) collect_plain(p, words);
                revision(Revision::Kind::comment, words, std::string(utf8::trim(xml::text(xml::child(n, "creator")))));
            } else if (xml::is(n, "annotation-end", kOffice)) {
                doc_.meta.comments = true;
            } else if (t(n, "change") || t(n, "change-start")) {
                // A deletion's mark (text:change) or where an insertion starts.
                doc_.meta.tracked_changes = true;
                auto it = regions_.find(xml::attr(n, "change-id", kText));
                if (it != regions_.end() && placed_.insert(it->first).second) {
                    open_[it->first] = {&out, para_index_, out.text.size(), doc_.meta.revisions.size()};
                    revision(it->second.kind, it->second.words, it->second.author);
                }
            } else if (t(n, "change-end")) {
                doc_.meta.tracked_changes = true;
                auto it = open_.find(xml::attr(n, "change-id", kText));
                // The insertion's words when it ends in the paragraph it began in (compared, never followed).
                if (it != open_.end() && it->second.para == &out && it->second.index == para_index_ &&
                    it->second.from <= out.text.size())
                    doc_.meta.revisions[it->second.revision].excerpt =
                        utf8::excerpt(std::string_view(out.text).substr(it->second.from), 80);
                if (it != open_.end()) open_.erase(it);
            } else if (t(n, "span") || t(n, "a") || t(n, "meta") || t(n, "meta-field") || t(n, "ruby") ||
                       t(n, "ruby-base")) {
                bool b = bold;
                if (t(n, "span"))
                    styles_->chain(styles_->text, xml::attr(n, "style-name", kText), [&](const Style& s) {
                        if (s.bold) b = *s.bold;
                        return s.bold.has_value();
                    });
                inline_content(n, out, b);
            } else if (xml::is(n, "frame", kDraw) || xml::is(n, "a", kDraw)) {
                inline_content(n, out, bold);
            } else if (xml::is(n, "text-box", kDraw)) {
                // Text boxes: their paragraphs become blocks after this one.
                for (const xmlNode* p = n->children; p; p = p->next) {
                    if (!(t(p, "p") || t(p, "h"))) continue;
                    Para box;
                    inline_content(p, box, bold);
                    std::string s = std::string(utf8::trim(box.text));
                    if (s.empty()) continue;
                    Block b;
                    b.text = s;
                    b.page = box.page ? box.page : page_;
                    b.source_index = source_index_;
                    boxes_.push_back(std::move(b));
                }
            } else if (xml::ns_of(n) == kText && !t(n, "ruby-text") && !t(n, "bookmark-ref") &&
                       !t(n, "tracked-changes")) {
                // Fields (page-number, date, title, sequence, ...) show their text.
                inline_content(n, out, bold);
            }
        }
    }

    // Plain text of a note body (paragraphs joined by '\n').
    void collect_plain(const xmlNode* n, std::string& text) {
        if (t(n, "p") || t(n, "h")) {
            Para para;
            inline_content(n, para, false);
            std::string s = std::string(utf8::trim(para.text));
            if (s.empty()) return;
            if (!text.empty()) text += '\n';
            text += s;
        } else if (n->type == XML_ELEMENT_NODE) {
            for (const xmlNode* c = n->children; c; c = c->next) collect_plain(c, text);
        }
    }

    void headers_footers(const xmlNode* root) {
        const xmlNode* ms = xml::child(root, "master-styles", kOffice);
        if (!ms) return;
        std::set<std::pair<int, std::string>> seen;
        for (const char* which : {"header", "footer"}) {
            BlockKind kind = std::string_view(which) == "header" ? BlockKind::header : BlockKind::footer;
            for (const xmlNode* mp = ms->children; mp; mp = mp->next) {
                if (!xml::is(mp, "master-page", kStyle)) continue;
                for (const xmlNode* h = mp->children; h; h = h->next) {
                    std::string name = h->type == XML_ELEMENT_NODE ? reinterpret_cast<const char*>(h->name) : "";
                    if (!xml::is(h, name.c_str(), kStyle) || !name.starts_with(which)) continue;
                    if (xml::attr(h, "display", kStyle) == "false") continue;
                    std::size_t before = doc_.blocks.size();
                    page_ = 1;
                    story(h, kind, 0);
                    // Drop repeats (left/first pages often repeat the text).
                    std::vector<Block> kept;
                    for (std::size_t i = before; i < doc_.blocks.size(); ++i)
                        if (seen.insert({static_cast<int>(kind), doc_.blocks[i].text}).second)
                            kept.push_back(std::move(doc_.blocks[i]));
                    doc_.blocks.resize(before);
                    for (auto& b : kept) doc_.blocks.push_back(std::move(b));
                }
            }
        }
    }

    SafeZip zip_;
    const ReadOptions& opts_;
    Document doc_;
    StyleSet content_styles_;
    const StyleSet* styles_ = nullptr;
    std::map<std::string, Counters> list_counters_;
    Counters outline_counters_;
    std::vector<Note> notes_;
    std::vector<Block> boxes_;
    bool in_body_ = true, content_seen_ = false;
    int page_ = 1, tables_ = 0;
    std::size_t source_index_ = 0;
    std::size_t para_index_ = 0;  // source_index of the paragraph being read (Revision::source_index)
    struct Region {
        Revision::Kind kind = Revision::Kind::insertion;
        std::string author, words;
    };
    std::map<std::string, Region> regions_;  // text:changed-region by id
    std::set<std::string> placed_;           // regions already listed
    struct Open {
        const Para* para;
        std::size_t index, from, revision;
    };
    std::map<std::string, Open> open_;  // insertions whose text:change-end is still to come
};

}  // namespace

Document read_odt(std::string_view bytes, const ReadOptions& opts) {
    OdtReader r(bytes, opts);
    Document d = r.run();
    d.format = Format::odt;
    return d;
}

}  // namespace plantjek
