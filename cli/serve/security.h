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
#include <vector>

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

// The value of cookie `name` in a Cookie header ("a=1; b=2"), "" when absent.
std::string cookie_value(std::string_view header, std::string_view name);
// The tokens of a dot-separated list (the pj_mine cookie), in order; what
// is not a token is dropped.
std::vector<std::string> token_list(std::string_view dotted);
// A request path as the access log shows it: a token in /c/ cut to its
// first 6 digits (a token is a key), control characters and quotes as _.
std::string log_path(std::string_view path);
// A client's upload is a batch when it is a zip named .zip (a DOCX or ODT
// is a zip too, named otherwise).
bool is_batch_zip(std::string_view name, std::string_view bytes);

}  // namespace plantjek::serve
