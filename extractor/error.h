// Errors a reader reports for input it cannot use.
//
// Why: bad input must end in one plain sentence and a documented exit code,
// never in a crash. Every reader throws ReadError (and nothing else for bad
// input); the CLI turns it into the report's `error` object and exit code 3.
// The message is written at the throw site in Danish and English so that the
// words fit the case.
#pragma once

#include <stdexcept>
#include <string>

namespace plantjek {

enum class ErrorKind {
    io,           // missing file, a directory, no permission
    empty,        // zero bytes
    unsupported,  // a format plantjek does not read (PNG, Word 97-2003, ...)
    corrupt,      // broken container, truncated file, invalid XML
    encrypted,    // a password is needed (or the given one is wrong)
    no_text,      // scanned: no text layer anywhere
    too_large,    // over a configured limit (file size, decompressed size, pages, ...)
    hostile,      // DOCTYPE/entities, zip bomb: refused on purpose
};

// "io", "empty", "unsupported", "corrupt", "encrypted", "no-text", "too-large", "hostile"
const char* error_kind_name(ErrorKind k);

enum class Lang { da, en };

class ReadError : public std::runtime_error {
public:
    ReadError(ErrorKind kind, std::string da, std::string en)
        : std::runtime_error(en), kind_(kind), da_(std::move(da)), en_(std::move(en)) {}
    ErrorKind kind() const { return kind_; }
    const std::string& message(Lang lang) const { return lang == Lang::da ? da_ : en_; }

private:
    ErrorKind kind_;
    std::string da_, en_;
};

}  // namespace plantjek
