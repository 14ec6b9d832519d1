#include "rules/tokenize.h"

#include <algorithm>
#include <array>

#include "extractor/utf8.h"

namespace plantjek {

const char* token_kind_name(TokenKind k) {
    switch (k) {
        case TokenKind::word: return "word";
        case TokenKind::abbreviation: return "abbreviation";
        case TokenKind::acronym: return "acronym";
        case TokenKind::prefix: return "prefix";
        case TokenKind::number: return "number";
        case TokenKind::code: return "code";
        case TokenKind::url: return "url";
        case TokenKind::email: return "email";
        case TokenKind::filename: return "filename";
    }
    return "word";
}

namespace {

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u00B4' || c == U'`' || c == U'\u2018' || c == U'\u02BC'; }
bool is_hyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011'; }
bool is_alnum(char32_t c) { return utf8::is_letter(c) || utf8::is_digit(c); }
// Characters that may sit inside a word-like run.
bool is_inner(char32_t c) { return is_alnum(c) || is_hyphen(c) || c == U'.' || is_apostrophe(c); }

// Decoded text with byte offsets, so that every test below is on code points.
struct Cp {
    char32_t c;
    std::size_t at;  // byte offset
};

std::string lower_ascii(std::string_view s) {
    std::string r(s);
    for (auto& ch : r)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return r;
}

constexpr std::array<std::string_view, 22> kTlds = {"dk", "com", "org", "net", "eu", "de", "se", "no", "info",
                                                     "gov", "nu", "int", "uk", "fi", "is", "gl", "fo", "io",
                                                     "edu", "biz", "nl", "fr"};
constexpr std::array<std::string_view, 24> kFileExts = {
    "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "txt", "csv",
    "htm", "html", "xml", "zip", "rtf", "jpg", "jpeg", "png", "gif", "json", "yaml", "md"};

bool in(std::string_view s, const auto& set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

// "jobindsats.dk", "star.dk/publikationer": labels of letters/digits/hyphens,
// the last one a known top-level domain.
bool looks_like_domain(std::string_view core) {
    std::string_view host = core.substr(0, core.find('/'));
    std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot < 2) return false;
    std::string tld = lower_ascii(host.substr(dot + 1));
    if (!in(std::string_view(tld), kTlds)) return false;
    // The TLD must be written in lower case ("Jobindsats.dk", not "året.DK" prose).
    if (host.substr(dot + 1) != tld) return false;
    // The label before the TLD: at least two characters without spaces.
    std::size_t prev = host.rfind('.', dot - 1);
    std::size_t start = prev == std::string_view::npos ? 0 : prev + 1;
    return dot - start >= 2;
}

bool looks_like_filename(std::string_view core) {
    std::size_t dot = core.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= core.size()) return false;
    std::string ext = lower_ascii(core.substr(dot + 1));
    return in(std::string_view(ext), kFileExts);
}

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {
        std::size_t i = 0;
        while (i < text.size()) {
            std::size_t at = i;
            char32_t c = utf8::next(text, i);
            cps_.push_back({c, at});
        }
    }

    std::vector<Token> run() {
        std::size_t i = 0, n = cps_.size();
        while (i < n) {
            while (i < n && utf8::is_space(cps_[i].c)) ++i;
            std::size_t j = i;
            while (j < n && !utf8::is_space(cps_[j].c)) ++j;
            if (j > i) chunk(i, j);
            i = j;
        }
        return std::move(out_);
    }

private:
    std::size_t byte(std::size_t cp_index) const {
        return cp_index < cps_.size() ? cps_[cp_index].at : text_.size();
    }
    std::string_view bytes(std::size_t a, std::size_t b) const {  // code point range → text
        return text_.substr(byte(a), byte(b) - byte(a));
    }

    void emit(std::size_t a, std::size_t b, TokenKind kind, std::string word, bool dot_after = false,
              bool apostrophe = false) {
        Token t;
        t.begin = byte(a);
        t.end = byte(b);
        t.kind = kind;
        t.word = std::move(word);
        t.dot_after = dot_after;
        t.apostrophe = apostrophe;
        out_.push_back(std::move(t));
    }

    // One white-space separated chunk [a, b) of code points.
    void chunk(std::size_t a, std::size_t b) {
        std::size_t s = a, e = b;
        while (s < e && !is_alnum(cps_[s].c)) ++s;
        while (e > s && !is_alnum(cps_[e - 1].c)) --e;
        if (s == e) return;
        std::string_view core = bytes(s, e);
        // ".pdf" on its own, or as the end of a name
        if (s > a && cps_[s - 1].c == U'.' && e == b && looks_like_filename(bytes(s - 1, e))) {
            emit(s, e, TokenKind::filename, std::string(core));
            return;
        }
        std::string low = lower_ascii(core);
        if (low.find("://") != std::string::npos || low.rfind("www.", 0) == 0) {
            emit(s, e, TokenKind::url, std::string(core));
            return;
        }
        if (std::size_t at = core.find('@'); at != std::string_view::npos && at > 0 && at + 1 < core.size()) {
            emit(s, e, TokenKind::email, std::string(core));
            return;
        }
        bool has_slash = core.find('/') != std::string_view::npos || core.find('\\') != std::string_view::npos;
        if (looks_like_domain(core)) {
            emit(s, e, TokenKind::url, std::string(core));
            return;
        }
        if (looks_like_filename(core)) {
            // "plan.pdf", "bilag/plan.docx", "C:\data\plan.docx"
            bool name_ok = true;
            std::size_t dot = core.rfind('.');
            if (dot == 0) name_ok = false;
            if (name_ok) {
                emit(s, e, TokenKind::filename, std::string(core));
                return;
            }
        }
        if (has_slash && (core.front() == '/' || core.find(":\\") != std::string_view::npos ||
                          std::count(core.begin(), core.end(), '/') >= 3)) {
            emit(s, e, TokenKind::filename, std::string(core));
            return;
        }
        // Runs of inner characters; everything else separates ("og/eller", "(LBR)", "a,b").
        std::size_t i = a;
        while (i < b) {
            while (i < b && !inner_at(i, b)) ++i;
            std::size_t j = i;
            while (j < b && inner_at(j, b)) ++j;
            if (j > i) run(i, j);
            i = j;
        }
    }

    // Inner characters, and a decimal comma between digits ("1.234,5").
    bool inner_at(std::size_t k, std::size_t b) const {
        if (is_inner(cps_[k].c)) return true;
        return cps_[k].c == U',' && k > 0 && k + 1 < b && utf8::is_digit(cps_[k - 1].c) &&
               utf8::is_digit(cps_[k + 1].c);
    }

    // A run [a, b) of letters, digits, hyphens, full stops and apostrophes.
    void run(std::size_t a, std::size_t b) {
        std::size_t s = a, e = b;
        while (s < e && !is_alnum(cps_[s].c)) ++s;
        while (e > s && !is_alnum(cps_[e - 1].c)) --e;
        if (s == e) return;
        bool dot_after = e < b && cps_[e].c == U'.';
        bool hyphen_after = false;
        if (e < b && is_hyphen(cps_[e].c)) {
            // A suspended compound: the hyphen ends the run, so white space or
            // punctuation follows ("kontanthjælps- og", "social-, …", "(social-)").
            std::size_t k = e + 1;
            while (k < b && is_hyphen(cps_[k].c)) ++k;
            hyphen_after = k == b;
        }
        core(s, e, dot_after, hyphen_after);
    }

    // A trimmed core [s, e): starts and ends with a letter or digit.
    void core(std::size_t s, std::size_t e, bool dot_after, bool hyphen_after) {
        bool letters = false, digits = false, dots = false, hyphens = false;
        std::size_t apos = e;  // last apostrophe
        for (std::size_t k = s; k < e; ++k) {
            char32_t c = cps_[k].c;
            if (utf8::is_letter(c)) letters = true;
            else if (utf8::is_digit(c)) digits = true;
            else if (c == U'.') dots = true;
            else if (is_hyphen(c)) hyphens = true;
            else if (is_apostrophe(c)) apos = k;
        }
        if (!letters) return emit(s, e, TokenKind::number, std::string(bytes(s, e)));
        if (dots) return dotted(s, e, dot_after, hyphen_after);
        // An apostrophe ending: "LBR's", "RBR'erne", "Lejre's".
        const std::size_t we = apostrophe_ending(apos, e) ? apos : e;
        const bool apostrophe = we < e;
        std::string word = word_text(s, we);
        if (word.empty()) return;
        if (digits && !hyphens) return emit(s, e, TokenKind::code, std::move(word), dot_after, apostrophe);
        if (!hyphens && !apostrophe) {
            if (std::size_t cut = acronym_with_ending(word)) {
                word.resize(cut);
                return emit(s, e, TokenKind::acronym, std::move(word), dot_after, true);
            }
        }
        if (!hyphens && is_all_caps_word(word) && utf8::length(word) <= 5)
            return emit(s, e, TokenKind::acronym, std::move(word), dot_after, apostrophe);
        if (hyphen_after && !apostrophe) return emit(s, e, TokenKind::prefix, std::move(word), dot_after, apostrophe);
        emit(s, e, TokenKind::word, std::move(word), dot_after, apostrophe);
    }

    // Full stops inside: an abbreviation ("f.eks", "bl.a", "m.fl") when every
    // group is at most four letters; otherwise a missing space or a glued
    // number ("året.Der", "kap.3"): the groups are tokens of their own.
    void dotted(std::size_t s, std::size_t e, bool dot_after, bool hyphen_after) {
        std::vector<std::pair<std::size_t, std::size_t>> groups;
        std::size_t g = s;
        for (std::size_t k = s; k <= e; ++k) {
            if (k == e || cps_[k].c == U'.') {
                groups.push_back({g, k});
                g = k + 1;
            }
        }
        bool abbrev = true;
        for (auto [ga, gb] : groups) {
            if (gb <= ga || gb - ga > 4) abbrev = false;
            for (std::size_t k = ga; k < gb && abbrev; ++k)
                if (!utf8::is_letter(cps_[k].c)) abbrev = false;
        }
        if (abbrev) {
            std::string w(bytes(s, e));
            if (dot_after) w.push_back('.');
            return emit(s, e, TokenKind::abbreviation, std::move(w), dot_after);
        }
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            auto [x, y] = groups[gi];
            const bool last = gi + 1 == groups.size();
            while (x < y && !is_alnum(cps_[x].c)) ++x;
            while (y > x && !is_alnum(cps_[y - 1].c)) --y;
            if (x < y) core(x, y, last ? dot_after : true, last ? hyphen_after : false);
        }
    }

    // Whether the apostrophe at `apos` starts an ending of 1–5 lower-case letters.
    bool apostrophe_ending(std::size_t apos, std::size_t e) const {
        if (apos >= e) return false;
        const std::size_t len = e - apos - 1;
        if (len < 1 || len > 5) return false;
        for (std::size_t k = apos + 1; k < e; ++k)
            if (!utf8::is_letter(cps_[k].c) || utf8::is_upper(cps_[k].c)) return false;
        return true;
    }

    // The word's text with apostrophes and hyphens made plain, trimmed of
    // what the apostrophe removal may have left ("x-'s").
    std::string word_text(std::size_t s, std::size_t we) const {
        std::string word;
        for (std::size_t k = s; k < we; ++k) {
            char32_t c = cps_[k].c;
            if (is_apostrophe(c)) word.push_back('\'');
            else if (is_hyphen(c)) word.push_back('-');
            else utf8::append(word, c);
        }
        while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
        return word;
    }

    // An acronym with a Danish ending and no apostrophe ("LBRs", "STARs"):
    // the byte length of its capitals, 0 when it is not one.
    static std::size_t acronym_with_ending(const std::string& word) {
        std::size_t caps = 0, i = 0, cut = 0;
        while (i < word.size()) {
            std::size_t at = i;
            char32_t c = utf8::next(word, i);
            if (!utf8::is_upper(c)) {
                cut = at;
                break;
            }
            ++caps;
            cut = i;
        }
        std::string_view tail = std::string_view(word).substr(cut);
        static constexpr std::array<std::string_view, 9> kEnds = {"s", "en", "er", "erne", "ernes",
                                                                  "ens", "et", "ets", "ers"};
        return caps >= 2 && caps <= 5 && !tail.empty() && in(tail, kEnds) ? cut : 0;
    }

    std::string_view text_;
    std::vector<Cp> cps_;
    std::vector<Token> out_;
};

}  // namespace

bool is_all_caps_word(std::string_view s) {
    std::size_t i = 0;
    int letters = 0;
    while (i < s.size()) {
        char32_t c = utf8::next(s, i);
        if (utf8::is_letter(c)) {
            if (!utf8::is_upper(c)) return false;
            ++letters;
        }
    }
    return letters > 0;
}

std::vector<Token> tokenize_words(std::string_view text) { return Tokenizer(text).run(); }

}  // namespace plantjek
