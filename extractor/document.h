// The document model every stage after `read` works on.
//
// Why: checks must never see PDF or DOCX specifics. Each reader turns its
// format into this one model (blocks in reading order with their page and
// hints); normalisation, segmentation, identification and the checks only
// read it. Cost: a plan of 200 pages is a few thousand blocks, well under a
// megabyte; nothing here is lazy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace plantjek {

enum class Format { unknown, pdf, docx, odt, txt, doc, rtf };

// "pdf", "docx", "odt", "txt", "doc", "rtf", "unknown": the names the report uses.
const char* format_name(Format f);

enum class BlockKind {
    paragraph,   // body text (in a PDF: one visual paragraph or line group)
    heading,     // a heading the source itself marks (style, outline level)
    list_item,   // a numbered or bulleted list entry
    table_cell,  // one cell of a table; see Block::table/row/col
    footnote,    // footnote or endnote text, kept apart from the body
    header,      // running page header
    footer,      // running page footer
};

const char* block_kind_name(BlockKind k);

struct Block {
    // UTF-8. In a PDF a block can hold several visual lines joined by '\n';
    // end-of-line hyphens are kept so that normalisation decides whether to
    // rejoin them.
    std::string text;
    BlockKind kind = BlockKind::paragraph;
    // 1-based. 0 = not known: a DOCX or ODT that records no page break at
    // all (no w:lastRenderedPageBreak, no explicit page or section break;
    // ODT: no soft or explicit break and no one-page statistic) has no
    // pages until it is rendered, and a made-up "page 1" would send a
    // reader to the wrong place. Every block of such a document has page 0
    // and Metadata::pages is 0; locations then name the section and the
    // paragraph within it (rules/result.h, Location).
    int page = 1;
    int outline_level = 0;     // 1..9 from a heading style or outline level; 0 = none
    std::string style;         // the source's style name (resolved, not the id); "ocr" for text read by OCR
    std::string number;        // numbering label a reader of the document sees, e.g. "2.1"
    double font_size = 0.0;    // PDF: dominant font size in points; 0 = unknown
    bool bold = false;         // PDF: dominant font is bold; DOCX: run/paragraph bold
    bool all_caps = false;     // every letter upper case (set by normalisation)
    bool ocr = false;          // text recognised by OCR from a page image (extractor/ocr.h), not typed
    int table = -1, row = -1, col = -1;  // for table cells
    std::size_t source_index = 0;        // position in the source (paragraph/line number)
};

// A PDF bookmark (outline entry): for Word- and LibreOffice-made PDFs this
// is the heading tree.
struct Bookmark {
    int level = 1;
    std::string title;
    int page = 0;  // 0 when the destination could not be resolved
};

// An unaccepted tracked change or a comment left in a DOCX or ODT, and
// where it sits: what rules/checks/revisions.cpp reports (they would be
// published with the plan). Format changes (w:rPrChange, ODT
// text:format-change) only set Metadata::tracked_changes. Cost: one small
// entry per change or comment; the excerpt is at most ~80 characters.
struct Revision {
    enum class Kind { insertion, deletion, comment };
    Kind kind = Kind::insertion;
    // Block::source_index of the paragraph (or table cell) it sits in, which
    // normalisation keeps; a deleted paragraph has no block of its own: the
    // next one with a larger index is where it was.
    std::size_t source_index = 0;
    std::string excerpt;  // the inserted or deleted words, or the comment's text; may be empty
    std::string author;   // as the file names it; may be empty
};

struct Metadata {
    std::string title, author, subject, creator, producer;
    std::string created, modified;   // ISO 8601 where the source allows
    int pages = 0;                   // 0 = not known (see Block::page)
    bool encrypted = false;          // opened with a password (or owner-only protection)
    bool tracked_changes = false;    // DOCX w:ins/w:del, ODT text:tracked-changes
    bool comments = false;           // DOCX comments part / ODT office:annotation
    std::vector<Revision> revisions;  // the insertions, deletions and comments, in document order
    std::vector<int> pages_without_text;  // PDF pages with no text layer
    std::vector<int> ocr_pages;      // PDF pages whose text was read by OCR (extractor/ocr.h)
    double ocr_confidence = 0.0;     // mean word confidence of the OCR'd text, 0–100 (0 when none)
    std::string encoding;            // TXT: the detected source encoding
};

struct Document {
    Format format = Format::unknown;
    Metadata meta;
    std::vector<Block> blocks;
    std::vector<Bookmark> bookmarks;
    std::vector<std::string> notes;  // reader remarks worth showing (English, for logs)
};

// Makes every page of `doc` unknown (Block::page 0, Metadata::pages 0) and
// says so in its notes: what the DOCX and ODT readers do with a file that
// records no page break (see Block::page).
void forget_pages(Document& doc);

}  // namespace plantjek
