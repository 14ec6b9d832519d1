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

std::string cookie_value(std::string_view all, std::string_view name) {
    std::size_t pos = 0;
    while (pos < all.size()) {
        std::size_t end = all.find(';', pos);
        std::string_view part = all.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        while (!part.empty() && part[0] == ' ') part.remove_prefix(1);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return "";
}

std::vector<std::string> token_list(std::string_view dotted) {
    std::vector<std::string> out;
    while (!dotted.empty()) {
        std::size_t dot = dotted.find('.');
        std::string_view t = dotted.substr(0, dot);
        if (is_token(t)) out.emplace_back(t);
        if (dot == std::string_view::npos) break;
        dotted.remove_prefix(dot + 1);
    }
    return out;
}

std::string log_path(std::string_view p) {
    std::string path(p);
    if (path.compare(0, 3, "/c/") == 0 && path.size() >= 35) path = path.substr(0, 9) + "…" + path.substr(35);
    for (auto& c : path)
        if (static_cast<unsigned char>(c) < 0x20 || c == '"') c = '_';
    return path;
}

bool is_batch_zip(std::string_view name, std::string_view bytes) {
    if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4) || name.size() < 4) return false;
    std::string ext(name.substr(name.size() - 4));
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".zip";
}

}  // namespace plantjek::serve
