// Plain text → Document. Encoding per encoding.h; CRLF/CR → LF; a form feed
// starts a new page; blank lines separate paragraphs; the single newlines
// inside a paragraph stay '\n' so that normalisation can rejoin hyphens.
#include <string>

#include "extractor/encoding.h"
#include "extractor/utf8.h"
#include "extractor/reader.h"

namespace plantjek {

namespace {

using utf8::trim;

}  // namespace

Document read_txt(std::string_view bytes, const ReadOptions&) {
    Document doc;
    doc.format = Format::txt;
    encoding::Decoded dec = encoding::to_utf8(bytes);
    doc.meta.encoding = dec.name;
    if (dec.repaired)
        doc.notes.push_back("repaired double-encoded UTF-8 (text had been decoded as Windows-1252 once too often)");

    std::string text;
    text.reserve(dec.text.size());
    for (std::size_t i = 0; i < dec.text.size(); ++i) {
        char c = dec.text[i];
        if (c == '\r') {
            text += '\n';
            if (i + 1 < dec.text.size() && dec.text[i + 1] == '\n') ++i;
        } else {
            text += c;
        }
    }

    int page = 1;
    std::size_t line_no = 0;
    Block cur;
    auto flush = [&] {
        if (!cur.text.empty()) doc.blocks.push_back(std::move(cur));
        cur = Block{};
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        ++line_no;
        // A form feed may sit anywhere in a line: text before it ends the page.
        for (;;) {
            std::size_t ff = line.find('\f');
            std::string_view part = trim(ff == std::string_view::npos ? line : line.substr(0, ff));
            if (part.empty()) {
                flush();
            } else {
                if (cur.text.empty()) {
                    cur.page = page;
                    cur.source_index = line_no;
                } else {
                    cur.text += '\n';
                }
                cur.text.append(part);
            }
            if (ff == std::string_view::npos) break;
            flush();
            ++page;
            line = line.substr(ff + 1);
        }
        pos = end + 1;
    }
    flush();
    // A trailing form feed (only white space after it) does not open a page.
    std::size_t last_ff = text.rfind('\f');
    bool trailing_ff = last_ff != std::string::npos &&
                       text.find_first_not_of(" \t\n\f", last_ff) == std::string::npos;
    doc.meta.pages = trailing_ff ? page - 1 : page;
    if (doc.blocks.empty())
        throw ReadError(ErrorKind::no_text, "Tekstfilen indeholder ingen tekst (kun blanktegn).",
                        "The text file contains no text (only white space).");
    return doc;
}

}  // namespace plantjek
