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

bool tokenize(std::string_view s, std::vector<Token>* out, std::string* error) {
    std::vector<int> stack;
    auto push = [&](Tok k, std::string t) {
        Token tok{k, std::move(t), stack.empty() ? -1 : stack.back(), -1};
        out->push_back(std::move(tok));
    };
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '\\') {
            if (i + 1 >= s.size()) { *error = "pattern ends with a lone backslash"; return false; }
            char n = s[i + 1];
            if (n == 'b') { push(Tok::bound, "\\b"); i += 2; continue; }
            if (n == 'B' || n == 'w' || n == 'W') {
                *error = std::string("\\") + n +
                         " is ASCII-only in RE2 and breaks on æ, ø, å; use [a-zæøå] or \\pL";
                return false;
            }
            if (n == 'Q') {  // \Q...\E literal text
                size_t e = s.find("\\E", i + 2);
                size_t stop = e == std::string_view::npos ? s.size() : e + 2;
                push(Tok::other, std::string(s.substr(i, stop - i)));
                i = stop;
                continue;
            }
            push(Tok::esc, std::string(s.substr(i, 2)));
            i += 2;
            continue;
        }
        if (c == '[') {  // character class, up to its closing ]
            size_t j = i + 1;
            if (j < s.size() && s[j] == '^') ++j;
            if (j < s.size() && s[j] == ']') ++j;  // a leading ] is literal
            while (j < s.size() && s[j] != ']') {
                if (s[j] == '\\' && j + 1 < s.size()) {
                    char n = s[j + 1];
                    if (n == 'b' || n == 'w' || n == 'W' || n == 'B') {
                        *error = std::string("\\") + n + " inside a character class: not allowed (ASCII-only)";
                        return false;
                    }
                    j += 2;
                    continue;
                }
                if (s[j] == '[' && j + 1 < s.size() && s[j + 1] == ':') {
                    size_t e = s.find(":]", j + 2);
                    if (e == std::string_view::npos) break;
                    std::string name(s.substr(j + 2, e - j - 2));
                    if (name == "alpha" || name == "alnum" || name == "word" || name == "upper" ||
                        name == "lower" || name == "^alpha" || name == "^alnum" || name == "^word") {
                        *error = "[[:" + name + ":]] is ASCII-only in RE2; use [a-zæøå] or \\pL";
                        return false;
                    }
                    j = e + 2;
                    continue;
                }
                ++j;
            }
            if (j >= s.size()) { *error = "missing ] at the end of a character class"; return false; }
            push(Tok::cls, std::string(s.substr(i, j + 1 - i)));
            i = j + 1;
            continue;
        }
        if (c == '(') {
            // (?flags) with no colon is transparent; (?:, (?P<name>, (?i: open a group.
            if (i + 1 < s.size() && s[i + 1] == '?') {
                size_t j = i + 2;
                while (j < s.size() && (std::isalpha(static_cast<unsigned char>(s[j])) || s[j] == '-') &&
                       s[j] != 'P')
                    ++j;
                if (j < s.size() && s[j] == ')') {
                    push(Tok::flags, std::string(s.substr(i, j + 1 - i)));
                    i = j + 1;
                    continue;
                }
                size_t e = s.find_first_of(":>", i);
                if (e == std::string_view::npos) { *error = "unterminated group prefix"; return false; }
                push(Tok::open, std::string(s.substr(i, e + 1 - i)));
                stack.push_back(static_cast<int>(out->size()) - 1);
                i = e + 1;
                continue;
            }
            push(Tok::open, "(");
            stack.push_back(static_cast<int>(out->size()) - 1);
            ++i;
            continue;
        }
        if (c == ')') {
            if (stack.empty()) { *error = "unmatched )"; return false; }
            int open = stack.back();
            stack.pop_back();
            push(Tok::close, ")");
            (*out)[open].match = static_cast<int>(out->size()) - 1;
            out->back().match = open;
            ++i;
            continue;
        }
        if (c == '|') { push(Tok::alt, "|"); ++i; continue; }
        if (c == '^') { push(Tok::caret, "^"); ++i; continue; }
        if (c == '$') { push(Tok::dollar, "$"); ++i; continue; }
        if (c == '?' || c == '*' || c == '+') { push(Tok::quant, std::string(1, c)); ++i; continue; }
        if (c == '{' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
            size_t e = s.find('}', i);
            if (e != std::string_view::npos) {
                push(Tok::quant, std::string(s.substr(i, e + 1 - i)));
                i = e + 1;
                continue;
            }
        }
        // one UTF-8 sequence
        size_t len = 1;
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0xF0) len = 4; else if (u >= 0xE0) len = 3; else if (u >= 0xC0) len = 2;
        push(Tok::other, std::string(s.substr(i, len)));
        i += len;
    }
    if (!stack.empty()) { *error = "missing )"; return false; }
    return true;
}

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
