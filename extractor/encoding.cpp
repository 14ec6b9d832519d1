#include "extractor/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

#include "extractor/utf8.h"

namespace plantjek::encoding {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Windows-1252 bytes 0x80..0x9F that are not Latin-1 controls; 0 = undefined.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte a Windows-1252/Latin-1 decoder would have turned into `cp`; -1 if none.
int cp1252_byte(char32_t cp) {
    if (cp <= 0xFF) return static_cast<int>(cp);
    for (int i = 0; i < 32; ++i)
        if (kCp1252High[i] == cp) return 0x80 + i;
    return -1;
}

}  // namespace

std::string convert(std::string_view bytes, const char* from) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("iconv does not know ") + from);
    // The unit to skip on a bad sequence: 2 bytes for UTF-16, else 1.
    std::size_t unit = std::string_view(from).starts_with("UTF-16") ? 2 : 1;
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char buf[8192];
    while (in_left > 0) {
        char* o = buf;
        std::size_t o_left = sizeof buf;
        std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        out.append(buf, static_cast<std::size_t>(o - buf));
        if (r != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        out += kReplacement;
        if (errno == EINVAL) break;  // incomplete unit at the end
        std::size_t skip = in_left < unit ? in_left : unit;
        in += skip;
        in_left -= skip;
    }
    iconv_close(cd);
    return out;
}

bool repair_double_encoding(std::string_view s, std::string& out) {
    // Count the tell-tale pairs: Ã or Â followed by a character that stands
    // for a UTF-8 continuation byte (0x80..0xBF) in Windows-1252/Latin-1.
    std::size_t pairs = 0, marks_before = 0;
    std::string bytes;
    bytes.reserve(s.size());
    char32_t prev = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = utf8::next(s, i);
        int b = cp1252_byte(cp);
        if (b < 0) return false;
        if (cp == 0xC3 || cp == 0xC2) ++marks_before;
        if ((prev == 0xC3 || prev == 0xC2) && b >= 0x80 && b <= 0xBF) ++pairs;
        bytes.push_back(static_cast<char>(b));
        prev = cp;
    }
    if (pairs < 3 || !utf8::valid(bytes)) return false;
    std::size_t marks_after = 0;
    i = 0;
    while (i < bytes.size()) {
        char32_t cp = utf8::next(bytes, i);
        if (cp == 0xC3 || cp == 0xC2) ++marks_after;
    }
    if (marks_after >= marks_before) return false;
    out = std::move(bytes);
    return true;
}

Decoded to_utf8(std::string_view bytes) {
    Decoded d;
    if (starts_with(bytes, "\xEF\xBB\xBF")) {
        d.name = "utf-8-bom";
        bytes.remove_prefix(3);
        d.text = utf8::valid(bytes) ? std::string(bytes) : convert(bytes, "UTF-8");
    } else if (starts_with(bytes, "\xFF\xFE")) {
        d.name = "utf-16le";
        d.text = convert(bytes.substr(2), "UTF-16LE");
    } else if (starts_with(bytes, "\xFE\xFF")) {
        d.name = "utf-16be";
        d.text = convert(bytes.substr(2), "UTF-16BE");
    } else if (utf8::valid(bytes)) {
        d.name = "utf-8";
        d.text = std::string(bytes);
    } else {
        d.name = "windows-1252";
        d.text = convert(bytes, "WINDOWS-1252");
    }
    std::string fixed;
    if (d.name != "windows-1252" && repair_double_encoding(d.text, fixed)) {
        d.text = std::move(fixed);
        d.repaired = true;
    }
    return d;
}

}  // namespace plantjek::encoding
