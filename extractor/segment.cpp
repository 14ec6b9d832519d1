// Segmentation: heading candidates from every signal, a decision per block,
// then the section tree.
//
// Two modes. When the source marks headings itself (DOCX/ODT heading styles
// and outline levels, PDF bookmarks matched to blocks by the reader), those
// are the headings, plus the few the author wrote by hand that another
// signal confirms strongly (a "Tillæg 2" line in bold, an entry of the table
// of contents). Otherwise (TXT, PDFs without bookmarks, unstyled Word files)
// each block is scored: numbering patterns, font size and weight against
// the body text, all-caps, the table of contents; sentences, list items,
// table cells, numbers and running lines never qualify. Plain numbered
// candidates must continue the numbering seen so far (a numbered list or a
// table column restarting at "1." inside chapter 6 is not a chapter).
#include "extractor/segment.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "extractor/utf8.h"

namespace plantjek {

namespace {

// Letters as RE2 sees them in UTF-8 mode (Latin-1 supplement and Latin
// Extended-A/B): RE2's \w is ASCII-only.
#define PJ_L "A-Za-z\\x{C0}-\\x{24F}"
#define PJ_SEP "[.:\\x{2013}\\x{2014}-]"

const RE2& re_chapter() {
    static const RE2 re("(?i)^kapitel\\s*(\\d{1,2})(?:$|[^0-9" PJ_L "])\\s*" PJ_SEP "?\\s*(.*)$");
    return re;
}
const RE2& re_annex() {
    static const RE2 re("(?i)^(tillæg|bilag|appendiks|appendix|anneks)(?:$|[^" PJ_L
                        "])\\s*(?:nr\\.?\\s*)?(?:(\\d{1,2}[a-z]?|[ivx]{1,4})(?:$|[^0-9" PJ_L "]))?\\s*" PJ_SEP
                        "?\\s*(.*)$");
    return re;
}
const RE2& re_numbered() {
    static const RE2 re("^(\\d{1,2}(?:\\.\\d{1,2}){0,5})(\\.?)(?:\\s+|$)(.*)$");
    return re;
}
const RE2& re_list_marker() {
    static const RE2 re(
        "^(?:\\(?\\d{1,3}\\)|\\(?[a-zA-Z]\\)|[\\x{2022}\\x{25AA}\\x{25E6}\\x{25CF}\\x{25A0}\\x{F0B7}\\x{00B7}*]|[-\\x{2013}]\\s)");
    return re;
}
// A table-of-contents line: title, dotted leader or spaces, page number.
const RE2& re_toc_leader() {
    static const RE2 re("^(.*?)\\s*(?:\\.\\s*){3,}\\s*(\\d{1,3})$");
    return re;
}
using utf8::trim;

std::string strip_number_dot(std::string n) {
    while (!n.empty() && n.back() == '.') n.pop_back();
    return n;
}

int count_words(std::string_view s) {
    int n = 0;
    bool in = false;
    for (char c : s) {
        bool sp = c == ' ' || c == '\t' || c == '\n';
        if (!sp && !in) ++n;
        in = !sp;
    }
    return n;
}

int count_letters(std::string_view s) {
    int n = 0;
    std::size_t i = 0;
    while (i < s.size())
        if (utf8::is_letter(utf8::next(s, i))) ++n;
    return n;
}

char32_t first_letter_or_digit(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = utf8::next(s, i);
        if (utf8::is_letter(cp) || utf8::is_digit(cp)) return cp;
        if (cp == '"' || cp == '\'' || cp == '(' || cp == U'\u00AB' || cp == U'\u201C' || cp == U'\u201E') continue;
        return cp;
    }
    return 0;
}

// A title that reads as running text rather than a heading.
bool sentence_like(std::string_view title, int max_words) {
    std::string t(trim(title));
    if (t.empty()) return false;
    int words = count_words(t);
    if (words > max_words) return true;
    char32_t first = first_letter_or_digit(t);
    if (utf8::is_letter(first) && !utf8::is_upper(first)) return true;  // lower-case start
    char last = t.back();
    if ((last == '.' && words > 3) || last == ',' || last == ';') return true;
    // Several sentences in one block.
    if (words > 6 && t.find(". ") != std::string::npos) {
        std::size_t p = t.find(". ");
        // "jf. ", "nr. " etc. aside: a full stop followed by an upper-case word.
        std::size_t q = p + 2;
        std::size_t i = q;
        if (i < t.size() && utf8::is_upper(utf8::next(t, i))) return true;
    }
    return false;
}

bool is_toc_title(std::string_view text) {
    if (text.size() > 48) return false;  // cheap test first: this runs on every block
    std::string k = heading_key(text);
    return k == "indholdsfortegnelse" || k == "indhold" || k == "table of contents" || k == "contents" ||
           k == "indholdsfortegnelse og bilag";
}

bool is_toc_style(std::string_view style) {
    std::string s = utf8::lower(style);
    if (s.starts_with("toc heading") || s.starts_with("overskrift til indholdsfortegnelse")) return false;
    return s.starts_with("toc ") || s.starts_with("toc") || s.starts_with("indholdsfortegnelse ") ||
           s.starts_with("contents ") || s.starts_with("indhold ");
}

struct TocLine {
    std::string text;
    int page = 0;
};

// Splits a table-of-contents block into entries. A PDF block may hold
// several lines joined with spaces by normalisation ("1. Indledning 3 2.
// Udfordringer 5"): an entry ends at a bare page number followed by the end
// or by what starts a heading (a section number, an upper-case word).
std::vector<TocLine> split_toc_block(std::string_view text) {
    std::vector<TocLine> out;
    std::string t = utf8::squeeze_spaces(text);
    // Dotted leaders: one entry per "title ....... 12".
    {
        static const RE2 entry("\\s*(.*?)\\s*(?:\\.\\s*){3,}(\\d{1,3})(?:\\s+|$)");
        re2::StringPiece in(t);
        std::string title, page;
        bool any = false;
        while (!in.empty() && RE2::Consume(&in, entry, &title, &page)) {
            out.push_back({std::string(trim(title)), std::atoi(page.c_str())});
            any = true;
        }
        if (any) {
            std::string rest(trim(std::string_view(in.data(), in.size())));
            if (!rest.empty()) out.push_back({rest, 0});
            return out;
        }
    }
    // No leaders: tokens; a number of up to three digits ends an entry when
    // what follows starts a new one.
    std::vector<std::string> tok;
    for (std::size_t p = 0; p < t.size();) {
        std::size_t q = t.find(' ', p);
        if (q == std::string::npos) q = t.size();
        tok.push_back(t.substr(p, q - p));
        p = q + 1;
    }
    auto is_page = [](const std::string& s) {
        return !s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto starts_entry = [](const std::string& s) {
        if (s.empty()) return false;
        std::size_t i = 0;
        char32_t cp = utf8::next(s, i);
        return utf8::is_upper(cp) || utf8::is_digit(cp);
    };
    std::string cur;
    int words = 0;
    for (std::size_t k = 0; k < tok.size(); ++k) {
        if (is_page(tok[k]) && words > 0 && (k + 1 == tok.size() || starts_entry(tok[k + 1]))) {
            out.push_back({cur, std::atoi(tok[k].c_str())});
            cur.clear();
            words = 0;
            continue;
        }
        if (!cur.empty()) cur += ' ';
        cur += tok[k];
        // Words with letters (a section number alone does not count).
        if (count_letters(tok[k]) > 0) ++words;
    }
    if (!cur.empty()) out.push_back({cur, 0});
    return out;
}

struct Candidate {
    std::size_t block = 0;
    HeadingParts parts;
    int level = 0;
    std::string signal;
    bool source = false;       // the source marked it (style, outline level, bookmark)
    bool toc = false;          // the table of contents lists it
    bool goal = false;         // "Mål 1: ..."
    double size = 0;
};

double body_font_size(const Document& doc) {
    std::map<double, std::size_t> sizes;
    for (const auto& b : doc.blocks)
        if (b.font_size > 0 && (b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item))
            sizes[std::round(b.font_size * 2) / 2] += b.text.size();
    double body = 0;
    std::size_t best = 0;
    for (auto& [s, n] : sizes)
        if (n > best) best = n, body = s;
    return body;
}

// The text a reader sees: the numbering label and the paragraph text.
std::string full_text(const Block& b) {
    if (b.number.empty()) return b.text;
    return b.number + " " + b.text;
}

bool is_running(const Block& b) { return b.kind == BlockKind::header || b.kind == BlockKind::footer; }

std::vector<int> number_path(const std::string& n) {
    std::vector<int> v;
    std::size_t p = 0;
    while (p < n.size()) {
        std::size_t q = n.find('.', p);
        if (q == std::string::npos) q = n.size();
        std::string part = n.substr(p, q - p);
        if (part.empty() || !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return {};
        v.push_back(std::atoi(part.c_str()));
        p = q + 1;
    }
    return v;
}

// Does `next` continue the numbering `cur` ("2.3" after "2.2", "3" after
// "2.4", "2.1" after "2")? Gaps of one are tolerated (a dropped heading).
bool continues(const std::vector<int>& cur, const std::vector<int>& next) {
    if (next.empty()) return false;
    if (cur.empty()) return next.size() == 1 ? next[0] <= 3 : (next.back() <= 2 && next.size() == 2 && next[0] <= 3);
    const std::size_t d = next.size();
    if (d > cur.size() + 1) return false;
    for (std::size_t i = 0; i + 1 < d; ++i)
        if (next[i] != cur[i]) return false;
    if (d == cur.size() + 1) return next.back() == 1 || next.back() == 2;
    int step = next.back() - cur[d - 1];
    return step >= 1 && step <= 2;
}


// "Mål 1: Flere unge ...", "Ministermål 2 - ...", "Ministermål 3 Langtids-
// ledigheden ...": a goal's own heading, a subsection of the chapter on the
// minister's goals. Without a separator only "Ministermål N" counts: "Mål 1
// Arbejdskraftreserven" is as often a row of a goal table.
bool is_goal_heading(std::string_view text) {
    static const RE2 re("(?i)^(?:minister(?:ens\\s+)?)?mål\\s*(?:nr\\.\\s*)?\\d{1,2}\\s*[:.\\x{2013}-]\\s*\\S.*$");
    static const RE2 bare("(?i)^ministermål\\s*\\d{1,2}\\s+\\S.*$");
    const std::string t(text);
    return RE2::FullMatch(t, re) || RE2::FullMatch(t, bare);
}

bool has_date(std::string_view text) {
    static const RE2 re(
        "(?i)(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\\s+\\d{4}");
    return RE2::PartialMatch(std::string(text), re);
}

// A stand-alone short line in a source without typography: a heading when
// it is short, starts upper-case, does not end like a sentence or a lead-in
// (':'), and is not a date line.
bool is_plain_heading_line(std::string_view text, bool goal) {
    std::string t(trim(text));
    if (t.empty()) return false;
    const int words = count_words(t);
    if (words > (goal ? 22 : 10) || utf8::length(t) > (goal ? 160u : 90u)) return false;
    if (count_letters(t) < 3) return false;
    char32_t first = first_letter_or_digit(t);
    if (!utf8::is_upper(first)) return false;
    char last = t.back();
    if (last == '.' || last == ':' || last == ',' || last == ';' || last == '!' || last == '?') return false;
    if (has_date(t)) return false;
    return true;
}

// Title-page lines: the plan's title, the kommune, the approval line.
bool looks_like_title_page(std::string_view text, const std::string& meta_title_key) {
    std::string k = heading_key(text);
    if (!meta_title_key.empty() && k == meta_title_key) return true;
    for (std::string_view w : {"beskæftigelsesplan", "kommune", "jobcenter", "byråd", "kommunalbestyrelse",
                               "vedtaget", "godkendt", "udkast", "høring"})
        if (k.find(w) != std::string::npos) return true;
    return has_date(text);
}
}  // namespace

std::string heading_key(std::string_view text) {
    std::string s = utf8::lower(utf8::squeeze_spaces(text));
    auto strip = [](std::string& x) {
        for (;;) {
            if (x.empty()) return;
            if (std::string_view(".:;-– ").find(x.back()) != std::string_view::npos) {
                x.pop_back();
                continue;
            }
            if (x.size() >= 3 && (x.ends_with("\xE2\x80\x93") || x.ends_with("\xE2\x80\x94"))) {
                x.resize(x.size() - 3);
                continue;
            }
            return;
        }
    };
    strip(s);
    return s;
}

HeadingParts parse_heading(std::string_view text) {
    HeadingParts h;
    std::string t = utf8::squeeze_spaces(text);
    if (t.empty()) return h;
    if (RE2::PartialMatch(t, re_list_marker())) {
        h.list_marker = true;
        h.title = t;
        return h;
    }
    std::string num, dot, rest, kw;
    if (RE2::FullMatch(t, re_chapter(), &num, &rest)) {
        h.number = num;
        h.title = trim(rest);
        h.depth = 1;
        h.chapter = true;
        return h;
    }
    if (RE2::FullMatch(t, re_annex(), &kw, &num, &rest)) {
        h.annex = true;
        h.depth = 1;
        h.number = num;
        h.title = trim(rest);
        // "Bilag 1 Tillæg 1: Målopfølgning": the second label goes too.
        std::string kw2, num2, rest2;
        if (!h.title.empty() && RE2::FullMatch(h.title, re_annex(), &kw2, &num2, &rest2) && !num2.empty()) {
            if (h.number.empty()) h.number = num2;
            h.title = trim(rest2);
        }
        return h;
    }
    if (RE2::FullMatch(t, re_numbered(), &num, &dot, &rest)) {
        h.number = strip_number_dot(num);
        h.dotted = !dot.empty();
        h.title = trim(rest);
        h.depth = static_cast<int>(std::count(h.number.begin(), h.number.end(), '.')) + 1;
        return h;
    }
    h.title = t;
    return h;
}

std::string section_label(const Section& s) {
    if (s.number.empty()) return s.title;
    if (s.annex) return s.heading.empty() ? s.number + " " + s.title : s.heading;
    return s.number + " " + s.title;
}

namespace {

using TocKeys = std::multiset<std::pair<std::string, std::string>>;

// A bookmark title or block text as compared with each other: the heading
// key without spaces (the PDF's text may break a word across lines).
std::string squashed_key(std::string_view t) {
    std::string k = heading_key(t), o;
    for (char ch : k)
        if (ch != ' ') o += ch;
    return o;
}

// One pass of candidate collection over the blocks.
struct Scan {
    bool plain = false;           // also take short stand-alone lines
    std::vector<Candidate> cands;
    TocKeys toc_left;             // TOC entries not yet matched to a heading
    std::vector<int> numbering;   // the last accepted number path
    int open_level = 0;           // level of the last numbered, chapter or annex heading (0: none yet)
    bool anchor_goals = false;    // that heading's title names goals ("Ministerens mål for 2010")
    int goal_level = 0;           // level of the open goal sub-heading ("Ministermål 2 ..."), 0 if none
    bool seen_annex = false;
    bool seen_body = false;       // a body paragraph has been seen
};

// A block under consideration as a heading.
struct Look {
    std::size_t i;
    const Block& b;
    const std::string& text;
    HeadingParts p;
    bool goal = false;            // "Mål 1: ..."
    Candidate c;
    TocKeys::iterator toc_it;
    bool numbered = false;        // plain section number, not a chapter or annex
    bool larger = false, bold = false, caps = false;
    bool sub = false;             // an unnumbered plain-text line under a numbered heading
};

class Segmenter {
public:
    Segmenter(const Document& doc, Outline& out)
        : doc_(doc), out_(out), n_(doc.blocks.size()), body_(body_font_size(doc)), has_sizes_(body_ > 0),
          in_toc_(n_, 0), meta_title_key_(heading_key(doc.meta.title)) {}

    void find_toc();
    void weigh_source_headings();
    void match_bookmarks();
    std::vector<Candidate> collect_candidates();
    void assign_levels(std::vector<Candidate>& cands) const;
    void build_tree(const std::vector<Candidate>& cands);

private:
    void mark_toc_block(std::size_t i) {
        in_toc_[i] = 1;
        out_.toc_blocks.push_back(i);
    }
    void find_titled_toc(int page_limit);
    void take_toc_entries(std::size_t j);
    std::optional<std::vector<TocLine>> toc_entry_lines(const Block& e) const;
    void find_leader_toc(int page_limit);
    std::size_t find_bookmarked_block(const std::vector<std::string>& keys, const std::string& key,
                                      std::size_t cursor) const;

    std::vector<Candidate> collect(bool plain);
    void consider_block(Scan& s, std::size_t i);
    void keep_source_heading(Scan& s, Look& k);
    bool shape_allows(Scan& s, Look& k) const;
    bool plain_sub_heading(const Scan& s, const Look& k) const;
    bool body_follows(std::size_t i) const;
    int score_evidence(const Scan& s, const Look& k, std::string& signal) const;
    bool accept_scored(const Scan& s, const Look& k, int score) const;
    void keep_scored_heading(Scan& s, Look& k, const std::string& signal);
    void keep(Scan& s, const Look& k) const;
    void drop_document_title(std::vector<Candidate>& cands) const;
    void nest_under_bare_headings(std::vector<Candidate>& cands) const;
    bool text_between(std::size_t a, std::size_t b) const;

    const Document& doc_;
    Outline& out_;
    const std::size_t n_;
    const double body_;
    const bool has_sizes_;
    std::vector<char> in_toc_;
    // TOC entries by (number, title): each confirms one heading, and only one
    // with the same number ("Andre aktører" in a budget table is not
    // "Kapitel 6 - Andre aktører").
    TocKeys toc_entries_;
    bool structured_ = false;
    bool plain_pass_ = false;     // the headings are short stand-alone lines (collect(true))
    const char* source_signal_ = "style";
    std::unordered_map<std::size_t, std::string> bookmark_title_;
    std::unordered_map<std::size_t, int> bookmark_level_;  // blocks matched here, not by the reader
    const std::string meta_title_key_;
    // font size → level, learnt from numbered headings
    std::map<double, std::map<int, int>> size_levels_;
};

// ---- The table of contents -------------------------------------------------

void Segmenter::find_toc() {
    int max_page = 0;
    for (const auto& b : doc_.blocks) max_page = std::max(max_page, b.page);
    const int toc_page_limit = std::max(5, max_page / 4 + 1);
    find_titled_toc(toc_page_limit);
    if (out_.toc_blocks.empty()) find_leader_toc(toc_page_limit);
    for (const auto& e : out_.toc) toc_entries_.insert({e.number, heading_key(e.title)});
}

// The title (or the first styled entry) and the entries that follow.
void Segmenter::find_titled_toc(int page_limit) {
    for (std::size_t i = 0; i < n_; ++i) {
        const Block& b = doc_.blocks[i];
        if (b.page > page_limit) return;
        const bool styled = is_toc_style(b.style);
        if (!styled && !(is_toc_title(b.text) && !is_running(b))) continue;
        if (styled) {
            take_toc_entries(i);
        } else {
            mark_toc_block(i);
            take_toc_entries(i + 1);
        }
        return;
    }
}

// The entries from block `j` on, up to the first block that is not one.
void Segmenter::take_toc_entries(std::size_t j) {
    for (; j < n_; ++j) {
        const Block& e = doc_.blocks[j];
        if (is_running(e)) continue;
        const auto lines = toc_entry_lines(e);
        if (!lines) return;
        mark_toc_block(j);
        for (const auto& l : *lines) {
            HeadingParts p = parse_heading(l.text);
            if (p.title.empty() && p.number.empty()) continue;
            out_.toc.push_back({p.number, p.title, l.page});
        }
    }
}

// The lines of a table-of-contents entry block; none when the block is not
// one (neither styled as an entry nor lines that mostly end in page numbers).
std::optional<std::vector<TocLine>> Segmenter::toc_entry_lines(const Block& e) const {
    const bool styled = is_toc_style(e.style);
    if (!styled && e.kind == BlockKind::heading) return std::nullopt;
    std::vector<TocLine> lines = split_toc_block(full_text(e));
    if (styled) {
        if (lines.empty()) lines.push_back({full_text(e), 0});
        return lines;
    }
    int with_page = 0;
    for (auto& l : lines) with_page += l.page > 0;
    bool entry = !lines.empty() && with_page * 2 >= static_cast<int>(lines.size()) && with_page > 0 &&
                 lines.back().page > 0 && utf8::length(e.text) < 4000;
    for (auto& l : lines)
        if (count_words(l.text) > 22) entry = false;
    if (!entry) return std::nullopt;
    return lines;
}

// No title: a run of at least three lines with dotted leaders.
void Segmenter::find_leader_toc(int page_limit) {
    std::size_t run_start = 0, run = 0;
    for (std::size_t i = 0; i < n_ && doc_.blocks[i].page <= page_limit; ++i) {
        const Block& b = doc_.blocks[i];
        if (is_running(b)) continue;
        std::string title, page;
        bool leader = RE2::FullMatch(b.text, re_toc_leader(), &title, &page) ||
                      (split_toc_block(b.text).size() >= 3 && b.text.find("...") != std::string::npos);
        if (leader) {
            if (run == 0) run_start = i;
            ++run;
        } else {
            if (run >= 3) break;
            run = 0;
        }
    }
    if (run < 3) return;
    for (std::size_t i = run_start; i < n_ && out_.toc_blocks.size() < run; ++i) {
        if (is_running(doc_.blocks[i])) continue;
        mark_toc_block(i);
        for (auto& l : split_toc_block(doc_.blocks[i].text)) {
            HeadingParts p = parse_heading(l.text);
            out_.toc.push_back({p.number, p.title, l.page});
        }
    }
}

// ---- What the source marks -------------------------------------------------

void Segmenter::weigh_source_headings() {
    std::size_t source_headings = 0;
    for (std::size_t i = 0; i < n_; ++i) {
        const Block& b = doc_.blocks[i];
        if (!in_toc_[i] && b.kind == BlockKind::heading && !is_toc_title(b.text) && count_letters(b.text) > 0)
            ++source_headings;
    }
    if (doc_.format == Format::pdf && !doc_.bookmarks.empty()) source_headings += doc_.bookmarks.size();
    structured_ = source_headings > 0;
    source_signal_ = doc_.format == Format::pdf ? "bookmark" : "style";
}

// Bookmark titles are exact where the PDF's text may split a long word
// across lines ("erhvervskompetencegivend e"): use them for the headings
// they were matched to.
void Segmenter::match_bookmarks() {
    if (doc_.format != Format::pdf || doc_.bookmarks.empty()) return;
    std::vector<std::string> keys(n_);
    for (std::size_t i = 0; i < n_; ++i) {
        const Block& b = doc_.blocks[i];
        if (!is_running(b) && b.text.size() < 400) keys[i] = squashed_key(b.text);
    }
    std::size_t cursor = 0;
    for (const auto& bm : doc_.bookmarks) {
        std::string key = squashed_key(bm.title);
        if (key.empty()) continue;
        const std::size_t found = find_bookmarked_block(keys, key, cursor);
        if (found == n_) continue;
        bookmark_title_[found] = bm.title;
        if (doc_.blocks[found].kind != BlockKind::heading) bookmark_level_[found] = bm.level;
        cursor = found + 1;
    }
}

// The first block from `cursor` on with the bookmark's key; a non-heading
// match only if no heading match follows soon. n_ when there is none.
std::size_t Segmenter::find_bookmarked_block(const std::vector<std::string>& keys, const std::string& key,
                                             std::size_t cursor) const {
    for (std::size_t i = cursor; i < n_; ++i) {
        if (keys[i] != key || in_toc_[i]) continue;
        if (doc_.blocks[i].kind == BlockKind::heading) return i;
        bool later = false;
        for (std::size_t j = i + 1; j < n_ && j < i + 40; ++j)
            if (keys[j] == key && doc_.blocks[j].kind == BlockKind::heading) later = true;
        if (!later) return i;
    }
    return n_;
}

// ---- Candidates ------------------------------------------------------------

// Plain short lines count as headings only when nothing else marks them:
// no source headings, no type sizes, fewer than two numbered candidates.
std::vector<Candidate> Segmenter::collect_candidates() {
    std::vector<Candidate> cands = collect(false);
    if (!structured_ && !has_sizes_) {
        std::size_t numbered = 0;
        for (const auto& c : cands)
            if (c.parts.depth > 0 && !c.parts.annex) ++numbered;
        if (numbered < 2) {
            cands = collect(true);
            plain_pass_ = true;
        }
    }
    return cands;
}

std::vector<Candidate> Segmenter::collect(bool plain) {
    Scan s;
    s.plain = plain;
    s.toc_left = toc_entries_;
    size_levels_.clear();
    for (std::size_t i = 0; i < n_; ++i) consider_block(s, i);
    drop_document_title(s.cands);
    return std::move(s.cands);
}

void note_body_text(Scan& s, std::string_view text) {
    if (utf8::length(text) > 100 || sentence_like(text, 12)) s.seen_body = true;
}

void Segmenter::consider_block(Scan& s, std::size_t i) {
    const Block& b = doc_.blocks[i];
    if (in_toc_[i] || is_running(b) || b.kind == BlockKind::footnote) return;
    const auto bm = bookmark_title_.find(i);
    const std::string text = bm != bookmark_title_.end() ? bm->second : full_text(b);
    if (is_toc_title(text)) {  // a TOC title with no entries found
        mark_toc_block(i);
        return;
    }
    Look k{i, b, text, parse_heading(text), is_goal_heading(text), {}, s.toc_left.end()};
    k.c.block = i;
    k.c.parts = k.p;
    k.c.size = b.font_size;
    if (!s.toc_left.empty()) k.toc_it = s.toc_left.find({k.p.number, heading_key(k.p.title)});
    k.c.toc = k.toc_it != s.toc_left.end();

    if ((b.kind == BlockKind::heading || bookmark_level_.count(i) > 0) && count_letters(text) > 0) {
        keep_source_heading(s, k);
        return;
    }
    if (!shape_allows(s, k)) return;
    k.sub = plain_sub_heading(s, k);
    std::string signal;
    const int score = score_evidence(s, k, signal);
    if (!accept_scored(s, k, score)) {
        note_body_text(s, text);
        return;
    }
    // The title page: display lines before any body text that name the
    // plan, the kommune or the approval, or repeat the document title.
    if (!s.seen_body && !k.c.toc && k.p.depth == 0 && looks_like_title_page(text, meta_title_key_)) return;
    keep_scored_heading(s, k, signal);
}

void Segmenter::keep_source_heading(Scan& s, Look& k) {
    const auto level = bookmark_level_.find(k.i);
    k.c.source = true;
    k.c.level = level != bookmark_level_.end() ? level->second
                : k.b.outline_level > 0        ? k.b.outline_level
                                               : (k.p.depth > 0 ? k.p.depth : 1);
    k.c.signal = source_signal_;
    if (k.p.list_marker) {  // "1) Title" styled as a heading: keep it whole
        k.c.parts = HeadingParts{};
        k.c.parts.title = k.text;
    }
    keep(s, k);
    if (auto path = number_path(k.p.number); !path.empty() && !k.p.annex) s.numbering = path;
}

// Shape: short, not a sentence, has letters. Sets what the scoring needs.
bool Segmenter::shape_allows(Scan& s, Look& k) const {
    const HeadingParts& p = k.p;
    if (k.b.kind == BlockKind::table_cell || k.b.kind == BlockKind::list_item || p.list_marker ||
        utf8::length(k.text) > 220) {
        s.seen_body = true;
        return false;
    }
    const int letters = count_letters(p.title);
    if (letters < 2 && !(p.annex && !p.number.empty())) return false;
    k.numbered = p.depth > 0 && !p.annex && !p.chapter;
    const int max_words = (k.numbered || p.annex || p.chapter || k.c.toc || k.goal) ? 22 : 12;
    // "2. Mål:" introduces what follows; a heading does not end in a colon.
    const bool lead_in = !p.title.empty() && p.title.back() == ':';
    // "Tillæg nr. 1 til beskæftigelsesplanen 2014": a numbered annex named
    // after the plan starts its title lower-case and is still a heading.
    const bool annex_to_plan = p.annex && !p.number.empty() && p.title.starts_with("til ") &&
                               count_words(p.title) <= 8 && p.title.back() != '.';
    if ((sentence_like(p.title, max_words) && !annex_to_plan) || (k.numbered && p.title.empty()) || lead_in) {
        note_body_text(s, k.text);
        return false;
    }
    k.larger = has_sizes_ && k.b.font_size >= body_ + 1.0;
    k.bold = k.b.bold && (!has_sizes_ || k.b.font_size >= body_ - 0.5);
    k.caps = k.b.all_caps && letters >= 3 && count_words(p.title) <= 10;
    return true;
}

// The evidence in half points; `signal` is the first kind that counted.
int Segmenter::score_evidence(const Scan& s, const Look& k, std::string& signal) const {
    int score = 0;
    auto add = [&](int pts, const char* sig) {
        score += pts;
        if (signal.empty()) signal = sig;
    };
    const HeadingParts& p = k.p;
    if (k.c.toc) add(6, "toc");
    if (p.annex || p.chapter) add(6, "numbering");
    const bool fits = k.numbered && continues(s.numbering, number_path(p.number));
    if (fits) add(p.dotted || p.depth > 1 ? 4 : 3, "numbering");
    else if (k.numbered && (k.larger || k.bold)) add(1, "numbering");
    // A numbered line is judged by its title: "1 Indledning" starts with a digit, not a capital.
    const std::string_view line = k.numbered && !p.title.empty() ? std::string_view(p.title) : k.text;
    if (k.larger) add(4, "typography");
    else if (k.bold) add(is_plain_heading_line(line, k.goal) ? 4 : 2, "typography");  // a short bold line
    if (k.caps) add(structured_ ? 2 : 4, "caps");
    // Plain text: a stand-alone short line. In the first pass only a line
    // that continues the numbering ("3 Budget" after "2.5") or stands under
    // a numbered heading with body text after it (an unnumbered sub-heading).
    if (!structured_ && !has_sizes_ && is_plain_heading_line(line, k.goal) && k.i + 1 < n_ &&
        (s.plain || fits || k.sub))
        add(4, "layout");
    return score;
}

// An unnumbered line in plain text under an open numbered, chapter or annex
// heading, followed by body text: a sub-heading ("Borgerrettet indsats"
// under "Kapitel 4 - Strategier"). The body after it keeps labels, table
// header lines and address lines out; a goal's label ("Ministermål 1 ...")
// is evidence enough, as its own sub-headings may follow it directly.
bool Segmenter::plain_sub_heading(const Scan& s, const Look& k) const {
    if (s.plain || structured_ || has_sizes_ || s.open_level == 0) return false;
    if (k.p.depth > 0 || k.p.annex || k.p.chapter || k.caps || k.c.toc) return false;
    return is_plain_heading_line(k.text, k.goal) && (k.goal || body_follows(k.i));
}

// The next block that is not a running line reads as body text: it starts
// with a word and is long or a sentence of some words (a goal table's row
// "1.480 personer fald på 4 pct." or a scrap of OCR noise is not).
bool Segmenter::body_follows(std::size_t i) const {
    std::size_t j = i + 1;
    while (j < n_ && is_running(doc_.blocks[j])) ++j;
    if (j >= n_) return false;
    const std::string& t = doc_.blocks[j].text;
    if (!utf8::is_letter(first_letter_or_digit(t))) return false;
    return utf8::length(t) > 100 || (sentence_like(t, 12) && count_words(t) >= 5);
}

bool Segmenter::accept_scored(const Scan& s, const Look& k, int score) const {
    const HeadingParts& p = k.p;
    // When the source marks headings, only strong extra evidence counts.
    const int need = structured_ ? 8 : 4;
    bool accept = score >= need;
    // A line whose text runs on into the next block ("... skal" ⏎
    // "bekæmpes, og ...") is part of a paragraph, not a heading.
    if (accept && !k.c.toc && !p.annex && !p.chapter) {
        std::size_t j = k.i + 1;
        while (j < n_ && is_running(doc_.blocks[j])) ++j;
        if (j < n_ && doc_.blocks[j].page == k.b.page) {
            char32_t f = first_letter_or_digit(doc_.blocks[j].text);
            if (utf8::is_letter(f) && !utf8::is_upper(f)) accept = false;
        }
    }
    if (structured_ && (p.annex || p.chapter) && (k.bold || k.caps || k.larger || k.c.toc)) accept = true;
    // Numbered lines after the annexes begin are table rows or lists.
    if (accept && k.numbered && s.seen_annex && !k.c.toc && !k.larger) accept = false;
    return accept;
}

// A plain-text sub-heading's level: one below the open goal heading, else
// one below the numbered heading. A goal's heading stands under a chapter
// about the goals, else beside the chapter (real plans build chapters of
// "Ministermål 1 …" after a numbered introduction, docs/real-plans.md).
int sub_level(const Scan& s, const Look& k) {
    if (k.goal) return s.anchor_goals ? s.open_level + 1 : std::max(1, s.open_level);
    return (s.goal_level > 0 ? s.goal_level : s.open_level) + 1;
}

void Segmenter::keep_scored_heading(Scan& s, Look& k, const std::string& signal) {
    const HeadingParts& p = k.p;
    k.c.signal = signal;
    if (p.annex || p.chapter) k.c.level = 1;
    else if (k.numbered) k.c.level = p.depth;
    else if (k.sub) k.c.level = sub_level(s, k);
    k.c.goal = k.goal;
    keep(s, k);
    if (k.numbered || p.chapter) s.numbering = number_path(p.number);
    if (k.numbered || p.chapter || p.annex) {
        s.open_level = k.c.level;
        s.anchor_goals = (" " + heading_key(p.title) + " ").find(" mål ") != std::string::npos;
        s.goal_level = 0;
    } else if (k.sub && k.goal) {
        s.goal_level = k.c.level;
    }
    if (k.numbered && has_sizes_) ++size_levels_[std::round(k.b.font_size * 2) / 2][p.depth];
}

void Segmenter::keep(Scan& s, const Look& k) const {
    s.cands.push_back(k.c);
    if (k.c.toc) s.toc_left.erase(k.toc_it);
    if (k.p.annex) s.seen_annex = true;
}

// The document title: unnumbered candidates before any body text whose
// type is larger than that of every later heading.
void Segmenter::drop_document_title(std::vector<Candidate>& cands) const {
    if (!has_sizes_ || cands.size() <= 1) return;
    std::size_t k = 0;
    std::vector<double> suffix_max(cands.size() + 1, 0);
    for (std::size_t j = cands.size(); j-- > 0;) suffix_max[j] = std::max(suffix_max[j + 1], cands[j].size);
    while (k < cands.size() && !cands[k].source && cands[k].parts.depth == 0 && !cands[k].toc &&
           cands[k].size > suffix_max[k + 1] + 0.5 && cands[k].block < 6)
        ++k;
    cands.erase(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(k));
}

// ---- Levels ----------------------------------------------------------------

// Levels of unnumbered candidates: the level numbered headings of the same
// size have; otherwise by size rank among the unnumbered; else 1.
void Segmenter::assign_levels(std::vector<Candidate>& cands) const {
    std::map<double, int> size_to_level;
    for (auto& [size, lv] : size_levels_) {
        int best = 0, cnt = 0;
        for (auto& [l, k] : lv)
            if (k > cnt) cnt = k, best = l;
        size_to_level[size] = best;
    }
    std::set<double, std::greater<double>> free_sizes;
    for (const auto& c : cands)
        if (c.level == 0 && has_sizes_) free_sizes.insert(std::round(c.size * 2) / 2);
    int max_numbered = 0;
    for (auto& [s, l] : size_to_level) max_numbered = std::max(max_numbered, l);
    int prev_level = 0, last_plain_level = 1;
    bool any_caps = false;
    for (const auto& c : cands)
        if (!c.source && c.parts.depth == 0 && doc_.blocks[c.block].all_caps) any_caps = true;
    for (auto& c : cands) {
        if (c.level == 0 && c.goal) {
            c.level = last_plain_level + 1;
        } else if (c.level == 0 && !has_sizes_) {
            c.level = (doc_.blocks[c.block].all_caps || !any_caps) ? 1 : 2;
        } else if (c.level == 0) {
            double s = std::round(c.size * 2) / 2;
            if (auto it = size_to_level.find(s); it != size_to_level.end()) {
                c.level = it->second;
            } else if (!size_to_level.empty()) {
                // larger than every numbered size → 1, smaller → one below the deepest
                double largest = size_to_level.rbegin()->first;
                c.level = s > largest ? 1 : std::min(max_numbered + 1, prev_level + 1);
            } else if (!free_sizes.empty()) {
                c.level = 1 + static_cast<int>(std::distance(free_sizes.begin(), free_sizes.find(s)));
            } else {
                c.level = 1;
            }
            if (c.level < 1) c.level = 1;
            // an unnumbered heading never skips a level
            if (prev_level > 0 && c.level > prev_level + 1) c.level = prev_level + 1;
        }
        prev_level = c.level;
        if (!c.goal) last_plain_level = c.level;
    }
    nest_under_bare_headings(cands);
}

// Plain text without numbering: a heading followed at once by another
// heading has no text of its own, so it is a chapter and what follows are
// its sections ("Ministerens mål …" before the goals' headings). They stand
// one level down up to the next heading with a mark of its own (caps, a
// number, Tillæg/Bilag). Limit: where the chapter ends is not written in
// plain text, so later chapters of plain lines stay one level down too.
void Segmenter::nest_under_bare_headings(std::vector<Candidate>& cands) const {
    if (!plain_pass_ || has_sizes_) return;
    int shift = 0;
    for (std::size_t j = 0; j < cands.size(); ++j) {
        Candidate& c = cands[j];
        const bool plain = c.parts.depth == 0 && !c.parts.annex && !doc_.blocks[c.block].all_caps;
        if (!plain) {
            shift = 0;
            continue;
        }
        c.level += shift;
        if (shift == 0 && !c.goal && j + 1 < cands.size() && !text_between(c.block, cands[j + 1].block)) {
            const Candidate& next = cands[j + 1];
            if (next.parts.depth == 0 && !next.parts.annex && !next.goal && !doc_.blocks[next.block].all_caps)
                shift = 1;  // a goal's heading is one level down already
        }
    }
}

// Whether a body block stands between blocks a and b.
bool Segmenter::text_between(std::size_t a, std::size_t b) const {
    for (std::size_t i = a + 1; i < b && i < n_; ++i)
        if (!in_toc_[i] && !is_running(doc_.blocks[i])) return true;
    return false;
}

// ---- The tree --------------------------------------------------------------

Section section_for(const Candidate& c, const Block& b) {
    Section s;
    s.level = c.level;
    s.number = c.parts.number;
    s.title = c.parts.title;
    s.heading = full_text(b);
    s.first_page = s.last_page = b.page;
    s.heading_block = c.block;
    s.annex = c.parts.annex;
    s.signal = c.signal;
    return s;
}

void Segmenter::build_tree(const std::vector<Candidate>& cands) {
    std::sort(out_.toc_blocks.begin(), out_.toc_blocks.end());
    out_.toc_blocks.erase(std::unique(out_.toc_blocks.begin(), out_.toc_blocks.end()), out_.toc_blocks.end());

    std::vector<int> stack;  // indices of open sections
    std::size_t next_cand = 0;
    int current = -1;
    for (std::size_t i = 0; i < n_; ++i) {
        const Block& b = doc_.blocks[i];
        if (next_cand < cands.size() && cands[next_cand].block == i) {
            Section s = section_for(cands[next_cand++], b);
            while (!stack.empty() && out_.sections[static_cast<std::size_t>(stack.back())].level >= s.level)
                stack.pop_back();
            s.parent = stack.empty() ? -1 : stack.back();
            out_.sections.push_back(std::move(s));
            current = static_cast<int>(out_.sections.size()) - 1;
            stack.push_back(current);
            continue;
        }
        if (in_toc_[i] || is_running(b)) continue;
        if (current < 0) {
            out_.preamble.push_back(i);
            continue;
        }
        out_.sections[static_cast<std::size_t>(current)].blocks.push_back(i);
        // The page reaches every open section.
        for (int k : stack) {
            auto& sec = out_.sections[static_cast<std::size_t>(k)];
            sec.last_page = std::max(sec.last_page, b.page);
        }
    }
}

}  // namespace

Outline segment(const Document& doc) {
    Outline out;
    if (doc.blocks.empty()) return out;
    Segmenter seg(doc, out);
    seg.find_toc();
    seg.weigh_source_headings();
    seg.match_bookmarks();
    std::vector<Candidate> cands = seg.collect_candidates();
    seg.assign_levels(cands);
    seg.build_tree(cands);
    return out;
}

}  // namespace plantjek
