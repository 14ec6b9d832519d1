// The pattern matcher: RE2 with Danish-aware word boundaries.
//
// Why: RE2's `\b`, `\w` and `[[:alpha:]]` are ASCII-only (FACTS.md): `\bål\b`
// matches inside "mål", `\bæble\b` misses "æble". RE2 has no look-behind, so a
// true zero-width Unicode boundary cannot be written. The approach here:
//
//  * Profile authors write `\b` as usual. compile_pattern() rewrites each `\b`
//    into a named group that CONSUMES one non-word character (or matches at the
//    very start/end of the text):
//        leading  \b  →  (?P<pjbL1>^|[^W])
//        trailing \b  →  (?P<pjbT1>[^W]|$)
//    where W = 0-9 A-Z a-z _ and U+00C0–U+024F minus × and ÷ (Latin letters
//    with diacritics: æ ø å é ü …). Latin ranges, not \pL: \pL is slower to
//    compile and blows RE2::Set's memory (FACTS.md).
//  * Because the boundary consumes a character, a `\b` is only allowed at the
//    start or end of the pattern or of a top-level alternative (also inside
//    groups that themselves sit there: `\b(?:mål|målet)\b`, `(?:\bx\b|\by\b)`).
//    Anywhere else (`mål\b\s+for`) the consumed character would break the rest
//    of the pattern, so compile_pattern() rejects it with an explanation.
//  * `\B`, `\w`, `\W`, `[[:alpha:]]`, `[[:alnum:]]`, `[[:word:]]`,
//    `[[:upper:]]`, `[[:lower:]]` are rejected (ASCII-only; use `[a-zæøå]`,
//    `[\pL]` or spell it out).
//  * The matcher reports the match WITHOUT the consumed boundary characters
//    (it reads the pjb* groups), and find_all() restarts so that the character
//    a trailing boundary consumed can serve as the next match's leading one:
//    "mål mål" gives two matches of `\bmål\b`.
//
// Options: UTF-8, case-insensitive (folds æ/Æ, ø/Ø, å/Å, é/É), Perl classes
// (\d, \s, \pL), never_nl off, max_mem 16 MiB per pattern, errors not logged.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 { class RE2; }

namespace plantjek {

struct Pattern;  // rules/profile.h

// A match, in bytes of the text passed in, without boundary characters.
struct MatchSpan {
    size_t begin = 0, end = 0;
    std::string_view text;  // view into the searched text
};

// Rewrites `\b` as described above. Returns false and sets *error on a
// misplaced `\b` or a forbidden ASCII-only class.
bool rewrite_danish_boundaries(std::string_view source, std::string* out, std::string* error);

// Rewrites and compiles with the options above. nullptr and *error (RE2's own
// message, or the rewrite's) when the pattern is not valid.
std::shared_ptr<const re2::RE2> compile_pattern(std::string_view source, std::string* error);

// Is this code point a word character for boundary purposes (the W set)?
bool is_word_codepoint(char32_t c);

// First match at or after byte offset `start`. `m` may be null.
bool search(const Pattern& p, std::string_view text, MatchSpan* m = nullptr, size_t start = 0);
bool search(const re2::RE2& re, std::string_view text, MatchSpan* m = nullptr, size_t start = 0);

// Every non-overlapping match, left to right.
std::vector<MatchSpan> find_all(const Pattern& p, std::string_view text);

// First pattern of the list that matches; its index in *which (may be null).
bool search_any(const std::vector<Pattern>& ps, std::string_view text, MatchSpan* m = nullptr,
                size_t* which = nullptr);

// How many DISTINCT patterns of the list match somewhere in text (key terms).
int count_distinct(const std::vector<Pattern>& ps, std::string_view text);

// Match with named groups (target shapes). On success fills *groups with every
// named group that participated (boundary groups left out), name → text, and
// *offsets with name → byte offset in text when non-null.
bool search_groups(const Pattern& p, std::string_view text, MatchSpan* m,
                   std::map<std::string, std::string>* groups,
                   std::map<std::string, size_t>* offsets = nullptr, size_t start = 0);

}  // namespace plantjek
