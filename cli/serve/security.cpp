// See security.h.
#include "cli/serve/security.h"

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "extractor/reader.h"
#include "extractor/utf8.h"

namespace plantjek::serve {

std::string random_token() {
    unsigned char b[16];
    std::size_t got = 0;
    while (got < sizeof b) {
        ssize_t n = ::getrandom(b + got, sizeof b - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("getrandom failed");
        got += static_cast<std::size_t>(n);
    }
    static const char* hex = "0123456789abcdef";
    std::string s;
    for (unsigned char c : b) {
        s += hex[c >> 4];
        s += hex[c & 15];
    }
    return s;
}

bool is_token(std::string_view s) {
    return s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool same_secret(std::string_view a, std::string_view b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    return diff == 0;
}

std::string clean_name(std::string_view client_name) {
    std::string_view n = client_name;
    if (auto slash = n.find_last_of("/\\"); slash != std::string_view::npos) n = n.substr(slash + 1);
    std::string valid = utf8::nfc(n);
    std::string out;
    for (unsigned char c : valid) {
        if (c < 0x20 || c == 0x7f || std::string_view("\"'<>:*?|`").find(static_cast<char>(c)) != std::string_view::npos) continue;
        if (out.empty() && (c == '.' || c == ' ')) continue;
        out += static_cast<char>(c);
    }
    if (out.size() > 120) {
        std::size_t cut = 120;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
        out.resize(cut);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out.empty() ? "dokument" : out;
}

std::string known_extension(const std::string& name) {
    auto dot = name.rfind('.');
    if (dot == std::string::npos) return "";
    std::string ext = name.substr(dot);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& r : readers())
        for (const auto& e : r.extensions)
            if (e == ext) return ext;
    return "";
}

std::string ascii_name(const std::string& name) {
    std::string out;
    for (unsigned char c : name) out += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';') ? static_cast<char>(c) : '_';
    return out;
}

bool same_origin(std::string_view origin, std::string_view host) {
    if (host.empty()) return false;
    for (std::string_view scheme : {"http://", "https://"})
        if (origin.size() == scheme.size() + host.size() && origin.substr(0, scheme.size()) == scheme &&
            origin.substr(scheme.size()) == host)
            return true;
    return false;
}

}  // namespace plantjek::serve
