// What `plantjek serve` does so that nobody sees another's upload and no
// client input reaches the file system (docs/serve.md, the security model).
//
// Why: a region's server holds the drafts of many kommuner; the only key to
// one upload is its link, so the link must be unguessable, names from the
// client must never become paths, and a foreign page must not make a
// visitor's browser post to the server. Cost: a getrandom() call per token,
// nothing else worth measuring. Limits: no accounts; the admin token is a
// shared secret from a file.
#pragma once

#include <string>
#include <string_view>

namespace plantjek::serve {

// 32 hex digits from the kernel's CSPRNG (getrandom, 128 bits). Throws
// std::runtime_error when the kernel gives none.
std::string random_token();
// True for exactly 32 lower-case hex digits: what random_token() makes.
// Every token in a URL is checked with it before any look-up.
bool is_token(std::string_view s);
// Comparison that takes the same time wherever the strings differ.
bool same_secret(std::string_view a, std::string_view b);

// A client's file name made fit to show and to offer for download: the
// last path component only (both / and \), control characters, quotes,
// <>:*?| and leading dots dropped, invalid UTF-8 replaced, at most 120
// bytes; "dokument" when nothing is left. Never used as a path.
std::string clean_name(std::string_view client_name);
// The lower-case extension of a cleaned name when a reader knows it
// (".docx", ".pdf", …), else "".
std::string known_extension(const std::string& name);
// An ASCII-only name for the Content-Disposition filename= parameter.
std::string ascii_name(const std::string& name);

// A POST is accepted only when its Origin names this server: "http://" or
// "https://" followed by the Host header exactly.
bool same_origin(std::string_view origin, std::string_view host);

}  // namespace plantjek::serve
