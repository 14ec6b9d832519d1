// Text encodings of plain-text input: detection and conversion to UTF-8.
//
// Why: municipal .txt files come as UTF-8 (with or without BOM), UTF-16
// from Windows "Unicode" saves, or Windows-1252 from older tools; and
// sometimes as UTF-8 that was decoded as Windows-1252 once too often
// ("BeskÃ¦ftigelse"). Everything after the reader works on UTF-8 only.
// Conversion uses glibc iconv; undecodable bytes become U+FFFD, never an
// error. Cost: linear in the input, one output copy.
#pragma once

#include <string>
#include <string_view>

namespace plantjek::encoding {

struct Decoded {
    std::string text;       // UTF-8, BOM removed
    std::string name;       // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
    bool repaired = false;  // double-encoded UTF-8 ("Ã¦") was repaired
};

// Detection order: BOM (UTF-8, UTF-16 LE/BE); else valid UTF-8; else
// Windows-1252 (a superset of Latin-1 for printable text). UTF-16 without a
// BOM is not guessed. Valid UTF-8 that is double-encoded as a whole (at
// least 3 "Ã"+continuation pairs and reversible) is repaired once.
Decoded to_utf8(std::string_view bytes);

// iconv from `from` (an iconv name such as "UTF-16LE", "WINDOWS-1252") to
// UTF-8; invalid or incomplete input units become U+FFFD. Throws
// std::runtime_error only when iconv does not know `from`.
std::string convert(std::string_view bytes, const char* from);

// If `s` reads as UTF-8 that was decoded as Windows-1252/Latin-1 and encoded
// again, returns true and puts the repaired text in `out`. Requires the
// whole text to map back to bytes and those bytes to be valid UTF-8 with
// fewer "Ã"/"Â" characters than before.
bool repair_double_encoding(std::string_view s, std::string& out);

}  // namespace plantjek::encoding
