// The matcher: see matcher.h for why `\b` is rewritten and where it may stand.
#include "rules/matcher.h"

#include <re2/re2.h>

#include <cctype>
#include <mutex>
#include <unordered_map>

#include "rules/profile.h"

namespace plantjek {
namespace {

// The non-word class used by the boundary groups (see matcher.h for W).
constexpr const char* kNonWord = "[^0-9A-Za-z_\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}]";

enum class Tok { other, esc, cls, open, flags, close, alt, caret, dollar, quant, bound };

struct Token {
    Tok kind;
    std::string text;
    int group = -1;  // index of the enclosing open token, -1 at top level
    int match = -1;  // open: index of its close; close: index of its open
};

// Splits a pattern into the tokens the boundary rewrite needs to see:
// escapes, classes, groups, alternatives, anchors and quantifiers; the rest
// one UTF-8 sequence at a time. Rejects what is ASCII-only in RE2.
class PatternLexer {
public:
    PatternLexer(std::string_view s, std::vector<Token>* out) : s_(s), out_(out) {}

    bool run(std::string* error) {
        try {
            while (i_ < s_.size()) step();
            if (!stack_.empty()) throw Bad{"missing )"};
            return true;
        } catch (const Bad& b) {
            *error = b.what;
            return false;
        }
    }

private:
    struct Bad {
        std::string what;
    };

    void push(Tok k, std::string t) { out_->push_back(Token{k, std::move(t), stack_.empty() ? -1 : stack_.back(), -1}); }
    void take(Tok k, std::size_t len) {
        push(k, std::string(s_.substr(i_, len)));
        i_ += len;
    }

    void step() {
        const char c = s_[i_];
        if (c == '\\') return escape();
        if (c == '[') return char_class();
        if (c == '(') return open_group();
        if (c == ')') return close_group();
        if (c == '|') return take(Tok::alt, 1);
        if (c == '^') return take(Tok::caret, 1);
        if (c == '$') return take(Tok::dollar, 1);
        if (c == '?' || c == '*' || c == '+') return take(Tok::quant, 1);
        if (c == '{' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
            std::size_t e = s_.find('}', i_);
            if (e != std::string_view::npos) return take(Tok::quant, e + 1 - i_);
        }
        const unsigned char u = static_cast<unsigned char>(c);
        take(Tok::other, u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1);  // one UTF-8 sequence
    }

    void escape() {
        if (i_ + 1 >= s_.size()) throw Bad{"pattern ends with a lone backslash"};
        const char n = s_[i_ + 1];
        if (n == 'b') return take(Tok::bound, 2);
        if (n == 'B' || n == 'w' || n == 'W')
            throw Bad{std::string("\\") + n + " is ASCII-only in RE2 and breaks on æ, ø, å; use [a-zæøå] or \\pL"};
        if (n == 'Q') {  // \Q...\E literal text
            std::size_t e = s_.find("\\E", i_ + 2);
            return take(Tok::other, (e == std::string_view::npos ? s_.size() : e + 2) - i_);
        }
        take(Tok::esc, 2);
    }

    // A character class, up to its closing ].
    void char_class() {
        std::size_t j = i_ + 1;
        if (j < s_.size() && s_[j] == '^') ++j;
        if (j < s_.size() && s_[j] == ']') ++j;  // a leading ] is literal
        while (j < s_.size() && s_[j] != ']') {
            if (s_[j] == '\\' && j + 1 < s_.size()) {
                const char n = s_[j + 1];
                if (n == 'b' || n == 'w' || n == 'W' || n == 'B')
                    throw Bad{std::string("\\") + n + " inside a character class: not allowed (ASCII-only)"};
                j += 2;
            } else if (s_[j] == '[' && j + 1 < s_.size() && s_[j + 1] == ':') {
                std::size_t e = s_.find(":]", j + 2);
                if (e == std::string_view::npos) break;
                posix_class(std::string(s_.substr(j + 2, e - j - 2)));
                j = e + 2;
            } else {
                ++j;
            }
        }
        if (j >= s_.size()) throw Bad{"missing ] at the end of a character class"};
        take(Tok::cls, j + 1 - i_);
    }

    static void posix_class(const std::string& name) {
        static const char* const ascii[] = {"alpha", "alnum", "word", "upper", "lower", "^alpha", "^alnum", "^word"};
        for (const char* a : ascii)
            if (name == a) throw Bad{"[[:" + name + ":]] is ASCII-only in RE2; use [a-zæøå] or \\pL"};
    }

    // (?flags) with no colon is transparent; (?:, (?P<name>, (?i: and ( open a group.
    void open_group() {
        std::size_t len = 1;
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '?') {
            std::size_t j = i_ + 2;
            while (j < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[j])) || s_[j] == '-') && s_[j] != 'P') ++j;
            if (j < s_.size() && s_[j] == ')') return take(Tok::flags, j + 1 - i_);
            std::size_t e = s_.find_first_of(":>", i_);
            if (e == std::string_view::npos) throw Bad{"unterminated group prefix"};
            len = e + 1 - i_;
        }
        take(Tok::open, len);
        stack_.push_back(static_cast<int>(out_->size()) - 1);
    }

    void close_group() {
        if (stack_.empty()) throw Bad{"unmatched )"};
        const int open = stack_.back();
        stack_.pop_back();
        take(Tok::close, 1);
        (*out_)[open].match = static_cast<int>(out_->size()) - 1;
        out_->back().match = open;
    }

    std::string_view s_;
    std::vector<Token>* out_;
    std::size_t i_ = 0;
    std::vector<int> stack_;
};

bool tokenize(std::string_view s, std::vector<Token>* out, std::string* error) { return PatternLexer(s, out).run(error); }

// Can a boundary at token i consume the character before it? Only when
// nothing of the pattern stands before it on its alternative.
bool at_alternative_start(const std::vector<Token>& t, int i) {
    int j = i - 1;
    while (j >= 0) {
        Tok k = t[j].kind;
        if (k == Tok::open || k == Tok::flags || k == Tok::caret) { --j; continue; }
        if (k == Tok::alt) {
            int g = t[j].group;
            if (g < 0) return true;
            j = g - 1;  // the alternative starts where its group does
            continue;
        }
        return false;
    }
    return true;
}

// ... and the character after it: nothing of the pattern after it.
bool at_alternative_end(const std::vector<Token>& t, int i) {
    int j = i + 1;
    int n = static_cast<int>(t.size());
    while (j < n) {
        Tok k = t[j].kind;
        if (k == Tok::close || k == Tok::quant || k == Tok::dollar || k == Tok::flags) { ++j; continue; }
        if (k == Tok::alt) {
            int g = t[j].group;
            if (g < 0) return true;
            j = t[g].match + 1;
            continue;
        }
        return false;
    }
    return true;
}

}  // namespace

bool rewrite_danish_boundaries(std::string_view source, std::string* out, std::string* error) {
    std::vector<Token> toks;
    if (!tokenize(source, &toks, error)) return false;
    out->clear();
    int nl = 0, nt = 0;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        const Token& t = toks[i];
        if (t.kind != Tok::bound) { *out += t.text; continue; }
        bool lead = at_alternative_start(toks, i);
        bool trail = at_alternative_end(toks, i);
        if (lead && trail) {
            *error = "\\b with nothing to bound";
            return false;
        }
        if (lead) {
            *out += "(?P<pjbL" + std::to_string(++nl) + ">^|" + kNonWord + ")";
        } else if (trail) {
            *out += "(?P<pjbT" + std::to_string(++nt) + ">" + kNonWord + "|$)";
        } else {
            *error =
                "\\b in the middle of a pattern: the Danish-aware boundary consumes a character, "
                "so write \\b only at the start or end of the pattern or of an alternative";
            return false;
        }
    }
    return true;
}

std::shared_ptr<const re2::RE2> compile_pattern(std::string_view source, std::string* error) {
    // The profiles of the plan years repeat most patterns (the goals' wording
    // carries over): one compiled RE2 per source, shared (RE2 is safe to use
    // from several threads). Two thirds of loading the built-in profiles.
    static std::mutex mu;
    static std::unordered_map<std::string, std::shared_ptr<const re2::RE2>> compiled;
    {
        std::lock_guard<std::mutex> lock(mu);
        if (auto it = compiled.find(std::string(source)); it != compiled.end()) return it->second;
    }
    std::string rewritten;
    if (!rewrite_danish_boundaries(source, &rewritten, error)) return nullptr;
    re2::RE2::Options o;
    o.set_encoding(re2::RE2::Options::EncodingUTF8);
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    o.set_max_mem(16 << 20);
    o.set_perl_classes(true);
    auto re = std::make_shared<const re2::RE2>(rewritten, o);
    if (!re->ok()) {
        *error = re->error();
        return nullptr;
    }
    std::lock_guard<std::mutex> lock(mu);
    if (compiled.size() > 10000) compiled.clear();  // rules files a long-running caller keeps loading
    compiled.emplace(std::string(source), re);
    return re;
}

bool is_word_codepoint(char32_t c) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')
        return true;
    return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

namespace {

// Runs re at start; fills the raw match and the trimmed span and (optionally)
// every group.
bool run(const re2::RE2& re, std::string_view text, size_t start, MatchSpan* m,
         std::vector<re2::StringPiece>* subs_out, size_t* raw_end) {
    if (start > text.size()) return false;
    re2::StringPiece sp(text.data(), text.size());
    int n = 1 + re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> subs(n);
    if (!re.Match(sp, start, text.size(), re2::RE2::UNANCHORED, subs.data(), n)) return false;
    size_t b = static_cast<size_t>(subs[0].data() - text.data());
    size_t e = b + subs[0].size();
    if (raw_end) *raw_end = e;
    for (const auto& [name, idx] : re.NamedCapturingGroups()) {
        if (name.rfind("pjb", 0) != 0 || name.size() < 4) continue;
        const re2::StringPiece& g = subs[idx];
        if (g.data() == nullptr || g.empty()) continue;
        size_t gb = static_cast<size_t>(g.data() - text.data());
        size_t ge = gb + g.size();
        if (name[3] == 'L' && gb == b) b = ge;
        if (name[3] == 'T' && ge == e && ge > b) e = gb;
    }
    if (e < b) e = b;
    if (m) {
        m->begin = b;
        m->end = e;
        m->text = text.substr(b, e - b);
    }
    if (subs_out) *subs_out = std::move(subs);
    return true;
}

}  // namespace

bool search(const re2::RE2& re, std::string_view text, MatchSpan* m, size_t start) {
    if (!m) {
        if (start > text.size()) return false;
        re2::StringPiece sp(text.data(), text.size());
        return re.Match(sp, start, text.size(), re2::RE2::UNANCHORED, nullptr, 0);
    }
    return run(re, text, start, m, nullptr, nullptr);
}

bool search(const Pattern& p, std::string_view text, MatchSpan* m, size_t start) {
    return p.re && search(*p.re, text, m, start);
}

std::vector<MatchSpan> find_all(const Pattern& p, std::string_view text) {
    std::vector<MatchSpan> out;
    if (!p.re) return out;
    size_t pos = 0;
    while (pos <= text.size()) {
        MatchSpan m;
        size_t raw_end = 0;
        if (!run(*p.re, text, pos, &m, nullptr, &raw_end)) break;
        out.push_back(m);
        // Restart after the trimmed match, so a consumed trailing boundary
        // character can be the next match's leading one.
        size_t next = m.end;
        if (next <= pos) {  // empty match at pos: step one code point
            next = pos + 1;
            while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        }
        pos = next;
    }
    return out;
}

bool search_any(const std::vector<Pattern>& ps, std::string_view text, MatchSpan* m, size_t* which) {
    for (size_t i = 0; i < ps.size(); ++i) {
        if (search(ps[i], text, m)) {
            if (which) *which = i;
            return true;
        }
    }
    return false;
}

int count_distinct(const std::vector<Pattern>& ps, std::string_view text) {
    int n = 0;
    for (const auto& p : ps)
        if (search(p, text)) ++n;
    return n;
}

bool search_groups(const Pattern& p, std::string_view text, MatchSpan* m,
                   std::map<std::string, std::string>* groups, std::map<std::string, size_t>* offsets,
                   size_t start) {
    if (!p.re) return false;
    std::vector<re2::StringPiece> subs;
    MatchSpan local;
    if (!run(*p.re, text, start, m ? m : &local, &subs, nullptr)) return false;
    if (groups) groups->clear();
    if (offsets) offsets->clear();
    for (const auto& [name, idx] : p.re->NamedCapturingGroups()) {
        if (name.rfind("pjb", 0) == 0) continue;
        const re2::StringPiece& g = subs[idx];
        if (g.data() == nullptr) continue;
        if (groups) (*groups)[name] = std::string(g.data(), g.size());
        if (offsets) (*offsets)[name] = static_cast<size_t>(g.data() - text.data());
    }
    return true;
}

}  // namespace plantjek
