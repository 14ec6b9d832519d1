// Small UTF-8 helpers shared by the readers, normalisation and the checks.
//
// Why: Danish text needs æ, ø, å treated as letters everywhere, and RE2's
// \b and \w are ASCII-only. These helpers define "letter" once (Latin
// letters including æøåéü..., via utf8proc's categories) and wrap utf8proc
// for NFC and case folding. Cost: linear in the text, no allocation beyond
// the result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plantjek::utf8 {

// True when `s` is well-formed UTF-8.
bool valid(std::string_view s);

// Decodes the code point at s[i] and advances i; returns U+FFFD on bad
// bytes (advancing one byte).
char32_t next(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of cp.
void append(std::string& out, char32_t cp);

// Unicode NFC; invalid input is returned with bad bytes replaced by U+FFFD.
std::string nfc(std::string_view s);

// Lower case (full Unicode, via utf8proc): "ÆBLE" → "æble".
std::string lower(std::string_view s);

bool is_letter(char32_t cp);  // Unicode letter (L*)
bool is_upper(char32_t cp);
bool is_digit(char32_t cp);   // ASCII 0-9 only
bool is_space(char32_t cp);   // Unicode white space including NBSP

// Number of code points.
std::size_t length(std::string_view s);

// Collapses runs of white space to one ASCII space and trims both ends.
std::string squeeze_spaces(std::string_view s);

// The one `trim`: ASCII white space (space, tab, CR, LF, VT, FF) off both
// ends. A view into `s`: it lives as long as `s` does. No-break and other
// Unicode spaces stay (normalisation has turned them into spaces already).
std::string_view trim(std::string_view s);

// The one excerpt helper, for quoting text in findings, reasons and titles:
// white space squeezed (squeeze_spaces), then at most `max` code points,
// with "…" appended when something was cut. Never splits a code point.
std::string excerpt(std::string_view s, std::size_t max);

// True when the text has at least two letters and none of them is lower case.
bool all_caps(std::string_view s);

// Levenshtein distance in code points, compared without case ("Koling" –
// "Kolding": 1). Cost: O(|a|·|b|); meant for names and ids, not text.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` for a "mente du …?" (did you mean), or ""
// when none is near: at most 1 edit for words of up to 4 code points, 2 up
// to 8, else 3. Ties go to the first candidate.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace plantjek::utf8
