#include "extractor/normalise.h"

#include <algorithm>
#include <map>
#include <set>

#include "extractor/utf8.h"

namespace plantjek {

namespace {

// Code point → replacement for the character-level pass.
const std::map<char32_t, const char*>& char_map() {
    static const std::map<char32_t, const char*> m = {
        {U'\u00A0', " "}, {U'\u2007', " "}, {U'\u202F', " "}, {U'\u2002', " "}, {U'\u2003', " "},
        {U'\u2009', " "}, {U'\u200A', " "}, {U'\t', " "},     {U'\r', " "},
        {U'\u00AD', ""},  {U'\u200B', ""},  {U'\u200C', ""},  {U'\u200D', ""},  {U'\uFEFF', ""},
        {U'\u2060', ""},  {U'\u2019', "'"}, {U'\u2018', "'"}, {U'\u00B4', "'"}, {U'\u02BC', "'"},
        {U'\u2032', "'"}, {U'\uFB00', "ff"}, {U'\uFB01', "fi"}, {U'\uFB02', "fl"}, {U'\uFB03', "ffi"},
        {U'\uFB04', "ffl"}, {U'\uFB05', "st"}, {U'\uFB06', "st"}, {U'\u2010', "-"}, {U'\u2011', "-"},
    };
    return m;
}

// Words after a line-end hyphen that mark a suspended compound ("Beskæftigelses- og").
bool is_conjunction(const std::string& w) {
    static const std::set<std::string> c = {"og", "eller", "samt", "som", "men", "el.", "og/eller"};
    return c.count(w) > 0;
}


// The code point before byte offset `end` and where it starts.
char32_t prev_cp(std::string_view s, std::size_t end, std::size_t* start = nullptr) {
    if (end == 0) return 0;
    std::size_t i = end - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    if (start) *start = i;
    std::size_t j = i;
    return utf8::next(s, j);
}

// Trailing letters of s (the word fragment before a hyphen).
std::string trailing_word(std::string_view s) {
    std::size_t end = s.size(), start = end;
    while (start > 0) {
        std::size_t st;
        char32_t cp = prev_cp(s, start, &st);
        if (!utf8::is_letter(cp)) break;
        start = st;
    }
    return std::string(s.substr(start, end - start));
}

// Leading letters of s.
std::string leading_word(std::string_view s) {
    std::size_t i = 0, end = 0;
    while (i < s.size()) {
        char32_t cp = utf8::next(s, i);
        if (!utf8::is_letter(cp)) break;
        end = i;
    }
    return std::string(s.substr(0, end));
}

bool starts_upper(std::string_view s) {
    std::size_t i = 0;
    return !s.empty() && utf8::is_upper(utf8::next(s, i));
}

bool has_lower(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = utf8::next(s, i);
        if (utf8::is_letter(cp) && !utf8::is_upper(cp)) return true;
    }
    return false;
}

// Splits "kommunen1" / "strategier12." / "tid.2" into word + digits when the
// digits look like a glued footnote reference.
bool split_footnote(std::string_view tok, std::string& word, std::string& digits, std::string& tail) {
    std::size_t end = tok.size();
    // Trailing punctuation after the digits stays with the word.
    while (end > 0 && std::string_view(".,;:)»\"'!?").find(tok[end - 1]) != std::string_view::npos) --end;
    std::size_t d = end;
    while (d > 0 && tok[d - 1] >= '0' && tok[d - 1] <= '9') --d;
    if (d == end || end - d > 2 || d == 0) return false;
    std::string_view head = tok.substr(0, d);
    std::string_view body = head;
    if (!body.empty() && body.back() == '.') body.remove_suffix(1);  // "tid.2"
    // Letters only, at least three, and lower case at the end (REGK53, FOLK1A stay).
    if (utf8::length(body) < 3) return false;
    std::size_t i = 0;
    char32_t last = 0;
    while (i < body.size()) {
        char32_t cp = utf8::next(body, i);
        if (!utf8::is_letter(cp)) return false;
        last = cp;
    }
    if (utf8::is_upper(last) || !has_lower(body)) return false;
    word = std::string(head);
    digits = std::string(tok.substr(d, end - d));
    tail = std::string(tok.substr(end));
    return true;
}

// Page-number lines: "3", "- 3 -", "Side 3", "Side 3 af 12", "3/12", "3 af 12".
bool is_page_number(std::string_view t) {
    std::string s = utf8::lower(utf8::squeeze_spaces(t));
    std::string digitsless;
    int digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            ++digits;
            if (digitsless.empty() || digitsless.back() != '#') digitsless.push_back('#');
        } else if (c != ' ') {
            digitsless.push_back(c);
        }
    }
    if (digits == 0 || digits > 8) return false;
    static const std::set<std::string> shapes = {"#", "-#-", "–#–", "side#", "side#af#", "#af#", "#/#",
                                                 "page#", "page#of#", "s.#", "[#]", "(#)"};
    // en dash is multibyte; compare after replacing it
    std::string norm;
    for (std::size_t i = 0; i < digitsless.size();) {
        if (digitsless.compare(i, 3, "\xE2\x80\x93") == 0) {
            norm.push_back('-');
            i += 3;
        } else {
            norm.push_back(digitsless[i++]);
        }
    }
    return shapes.count(norm) > 0;
}

// Text with digits folded, to recognise "Side 3" and "Side 4" as the same running line.
std::string running_key(std::string_view t) {
    std::string s = utf8::lower(utf8::squeeze_spaces(t));
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (out.empty() || out.back() != '#') out.push_back('#');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void mark_running_lines(Document& doc, NormaliseReport& rep) {
    int pages = 0;
    for (const auto& b : doc.blocks) pages = std::max(pages, b.page);
    if (pages < 2) return;
    // Candidates: the first two and last two body blocks of every page.
    std::map<int, std::vector<std::size_t>> by_page;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const auto& b = doc.blocks[i];
        if (b.kind == BlockKind::footnote) continue;
        by_page[b.page].push_back(i);
    }
    struct Cand {
        std::size_t block;
        bool top;
    };
    std::map<std::string, std::set<int>> key_pages;
    std::vector<std::pair<Cand, std::string>> cands;
    for (auto& [page, idx] : by_page) {
        for (std::size_t k = 0; k < idx.size(); ++k) {
            const std::size_t n = idx.size();
            bool top = k == 0 || (k == 1 && n >= 5), bottom = k + 1 == n || (k + 2 == n && n >= 5);
            if (!top && !bottom) continue;
            const auto& b = doc.blocks[idx[k]];
            if (utf8::length(b.text) > 160) continue;
            std::string key = running_key(b.text);
            key_pages[key].insert(page);
            cands.push_back({{idx[k], top}, key});
        }
    }
    const std::size_t need = std::max<std::size_t>(2, static_cast<std::size_t>(pages * 4 / 10));
    for (auto& [c, key] : cands) {
        auto& b = doc.blocks[c.block];
        if (b.kind == BlockKind::header || b.kind == BlockKind::footer) continue;
        bool repeated = key_pages[key].size() >= need;
        if (repeated || is_page_number(b.text)) {
            b.kind = c.top ? BlockKind::header : BlockKind::footer;
            ++rep.running_lines;
        }
    }
}

}  // namespace

std::string normalise_chars(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto& m = char_map();
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        char32_t cp = utf8::next(s, i);
        if (cp == U'\n') {
            out.push_back('\n');
            continue;
        }
        auto it = m.find(cp);
        if (it != m.end()) {
            out += it->second;
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            out.push_back(' ');  // other control characters
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return utf8::nfc(out);
}

std::string join_lines(std::string_view s, const NormaliseOptions& opts, NormaliseReport* report) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t nl = s.find('\n', pos);
        if (nl == std::string_view::npos) nl = s.size();
        std::string line = std::string(utf8::trim(s.substr(pos, nl - pos)));
        if (!line.empty()) lines.push_back(std::move(line));
        pos = nl + 1;
    }
    std::string out;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const std::string& line = lines[k];
        if (k == 0) {
            out = line;
            continue;
        }
        std::string_view prev(out);
        // A soft hyphen at the end of a line is a hyphenation point: join.
        if (prev.size() >= 2 && prev.substr(prev.size() - 2) == "\xC2\xAD") {
            out.resize(out.size() - 2);
            out += line;
            if (report) ++report->hyphens_rejoined;
            continue;
        }
        if (!prev.empty() && prev.back() == '-' && prev.size() >= 2) {
            std::size_t hy = prev.size() - 1;
            char32_t before = prev_cp(prev, hy);
            if (utf8::is_digit(before)) {  // "2008-⏎2010"
                out += line;
                if (report) ++report->hyphens_kept;
                continue;
            }
            if (utf8::is_letter(before)) {
                std::string left = trailing_word(prev.substr(0, hy));
                std::string right = leading_word(line);
                if (is_conjunction(utf8::lower(right)) || right.empty()) {
                    out += " " + line;  // suspended compound or a dash: keep the hyphen
                    if (report) ++report->hyphens_kept;
                    continue;
                }
                bool keep = !has_lower(left) || starts_upper(right);  // "EU-⏎borgere", "LBR-⏎Nord"
                if (!keep && opts.is_word) {
                    if (!opts.is_word(left + right) && opts.is_word(left + "-" + right)) keep = true;
                }
                if (keep) {
                    out += line;
                    if (report) ++report->hyphens_kept;
                } else {
                    out.pop_back();
                    out += line;
                    if (report) ++report->hyphens_rejoined;
                }
                continue;
            }
        }
        out += " " + line;
    }
    return out;
}

NormaliseReport normalise(Document& doc, const NormaliseOptions& opts) {
    NormaliseReport rep;
    std::vector<Block> kept;
    kept.reserve(doc.blocks.size());
    for (auto& b : doc.blocks) {
        std::string joined = join_lines(b.text, opts, &rep);
        b.text = utf8::squeeze_spaces(normalise_chars(joined));
        if (b.text.empty()) continue;
        b.all_caps = utf8::all_caps(b.text);
        kept.push_back(std::move(b));
    }
    doc.blocks = std::move(kept);
    for (auto& bm : doc.bookmarks) bm.title = utf8::squeeze_spaces(normalise_chars(bm.title));
    if (opts.running_lines && doc.format != Format::docx && doc.format != Format::odt)
        mark_running_lines(doc, rep);

    // Footnote digits glued to words, in body text only.
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        auto& b = doc.blocks[bi];
        if (b.kind == BlockKind::header || b.kind == BlockKind::footer || b.kind == BlockKind::table_cell)
            continue;
        std::string out;
        bool changed = false;
        std::size_t pos = 0;
        while (pos < b.text.size()) {
            std::size_t sp = b.text.find(' ', pos);
            if (sp == std::string::npos) sp = b.text.size();
            std::string_view tok(b.text.data() + pos, sp - pos);
            std::string word, digits, tail;
            if (split_footnote(tok, word, digits, tail)) {
                std::string bare = word;
                if (!bare.empty() && bare.back() == '.') bare.pop_back();
                rep.footnote_markers.push_back({bi, b.page, bare, digits});
                out += word + tail;
                changed = true;
            } else {
                out.append(tok);
            }
            if (sp < b.text.size()) out.push_back(' ');
            pos = sp + 1;
        }
        if (changed) b.text = std::move(out);
    }
    return rep;
}

}  // namespace plantjek
