#include "extractor/utf8.h"

#include <algorithm>

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace plantjek::utf8 {

bool valid(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return false;
        i += static_cast<std::size_t>(n);
    }
    return true;
}

char32_t next(std::string_view s, std::size_t& i) {
    // Most of a Danish plan is ASCII; utf8proc only for the rest.
    if (static_cast<unsigned char>(s[i]) < 0x80) return static_cast<char32_t>(s[i++]);
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
        return;
    }
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

namespace {
std::string sanitize(std::string_view s) {
    if (valid(s)) return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) append(out, next(s, i));
    return out;
}

std::string map(std::string_view s, int options) {
    std::string clean = sanitize(s);
    utf8proc_uint8_t* dst = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                          static_cast<utf8proc_ssize_t>(clean.size()), &dst,
                          static_cast<utf8proc_option_t>(options));
    if (n < 0) return clean;
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(dst, &std::free);
    return std::string(reinterpret_cast<const char*>(dst), static_cast<std::size_t>(n));
}
}  // namespace

namespace {
// Text whose every code point is below U+0300 (Latin, æ/ø/å, é), a dash,
// quote or bullet (U+2002–U+206F) or a currency sign (U+20A0–U+20CF) holds
// no combining mark and nothing with a canonical decomposition other than
// itself: it is in NFC already. Most of a Danish plan is; utf8proc's full
// normalisation was 6 % of a whole check.
bool plainly_nfc(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        utf8proc_int32_t cp;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return false;  // invalid: the full path repairs it
        if (!(cp < 0x300 || (cp >= 0x2002 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF))) return false;
        i += static_cast<std::size_t>(n);
    }
    return true;
}
}  // namespace

std::string nfc(std::string_view s) {
    if (plainly_nfc(s)) return std::string(s);
    return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = next(s, i);
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp));
            continue;
        }
        append(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    }
    return out;
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp | 32) >= U'a' && (cp | 32) <= U'z';
    auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= U'A' && cp <= U'Z';
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}

bool is_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

bool is_space(char32_t cp) {
    if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v')
        return true;
    if (cp < 0x80) return false;
    auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0, i = 0;
    while (i < s.size()) {
        next(s, i);
        ++n;
    }
    return n;
}

std::string_view trim(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string excerpt(std::string_view s, std::size_t max) {
    std::string t = squeeze_spaces(s);
    std::size_t i = 0, n = 0;
    while (i < t.size() && n < max) {
        next(t, i);
        ++n;
    }
    if (i >= t.size()) return t;
    t.resize(i);
    if (!t.empty() && t.back() == ' ') t.pop_back();  // "svt. et …" reads as a cut word; "svt. et…" does not
    return t + "…";
}

std::string squeeze_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        char32_t cp = next(s, i);
        if (is_space(cp)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out.push_back(' ');
        pending = false;
        out.append(s.substr(start, i - start));
    }
    return out;
}

bool all_caps(std::string_view s) {
    int letters = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = next(s, i);
        if (!is_letter(cp)) continue;
        if (!is_upper(cp)) return false;
        ++letters;
    }
    return letters >= 2;
}

namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    std::string low = lower(s);
    for (std::size_t i = 0; i < low.size();) out.push_back(next(low, i));
    return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::u32string x = code_points(a), y = code_points(b);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[y.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    const std::size_t n = length(word);
    const std::size_t limit = n <= 4 ? 1 : n <= 8 ? 2 : 3;
    std::string best;
    std::size_t best_d = limit + 1;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

}  // namespace plantjek::utf8
