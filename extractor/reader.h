// Reading a file of any supported format into a Document.
//
// Why: the format is chosen by content (magic bytes), never by extension,
// because archives are full of misnamed files. Each format is one reader
// registered by one line in readers.cpp; the CLI and the tests call only
// read_document().
//
// Costs: a PDF is read at several hundred pages a second (Poppler text with
// fonts); DOCX/ODT in milliseconds. Memory stays within a few times the
// file size plus the limits below, which also bound hostile input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/document.h"
#include "extractor/error.h"

namespace plantjek {

// Every bound that protects against hostile or runaway input. All are
// configurable (CLI/config); the defaults suit a 200-page plan with images.
struct Limits {
    std::uint64_t max_file_bytes = 200ull << 20;          // input file size
    std::uint64_t max_entry_bytes = 64ull << 20;          // one decompressed zip entry
    std::uint64_t max_total_uncompressed = 256ull << 20;  // all entries read from one zip
    std::uint32_t max_zip_entries = 20000;
    std::uint32_t max_pages = 2000;                       // PDF pages read
    std::uint32_t max_xml_depth = 256;                    // element nesting
};

// When PDF pages are read by OCR (Tesseract, Danish; extractor/ocr.h):
// auto_ = only pages without a text layer, always = every page (the text
// layer is ignored), never = no OCR (a PDF without any text is no_text).
enum class OcrMode { auto_, always, never };

struct ReadOptions {
    std::string password;  // for encrypted PDFs; empty = none
    Limits limits;
    OcrMode ocr = OcrMode::auto_;
};

// Identifies a format from the first bytes (and, for zips, the entries).
// Returns Format::unknown when nothing matches; `what` then names what the
// bytes look like when recognisable ("PNG image", "Word 97-2003 (.doc)").
Format sniff_format(std::string_view head, std::string* what = nullptr);

// Reads a file from disk: checks existence, type and size, sniffs, reads.
// Throws ReadError for anything the user must be told about. `bytes`, when
// given, receives the file's bytes as soon as they are read (also when the
// reader then fails), so that a caller can hash them without a second read.
Document read_document(const std::string& path, const ReadOptions& opts = {}, std::string* bytes = nullptr);

// Reads from bytes already in memory (used by the fuzz targets and tests).
Document read_document_bytes(std::string_view bytes, const ReadOptions& opts = {});

// A reader as the registry describes it (readers.cpp, one line each).
// `by_content`: a file in a folder is taken as a plan by its content alone
// (scan's walk); false for text, which also needs its extension, since
// every log and README is text.
struct ReaderInfo {
    Format format;
    const char* label;                     // "PDF", … as a person names the format ("tekst" for text)
    std::vector<std::string> extensions;   // lower case, with the dot; a file so named is taken whatever its content
    bool by_content;
    bool (*sniff)(std::string_view head);  // recognises the format's first bytes
    Document (*read)(std::string_view bytes, const ReadOptions& opts);
};

// Every reader, in the order sniffing tries them (text last).
const std::vector<ReaderInfo>& readers();
const ReaderInfo* reader_for(Format f);  // nullptr for Format::unknown

// One reader per format (readers.cpp registers them).
Document read_pdf(std::string_view bytes, const ReadOptions& opts);
Document read_docx(std::string_view bytes, const ReadOptions& opts);
Document read_odt(std::string_view bytes, const ReadOptions& opts);
Document read_txt(std::string_view bytes, const ReadOptions& opts);
Document read_doc(std::string_view bytes, const ReadOptions& opts);  // legacy_reader.cpp: antiword, else soffice
Document read_rtf(std::string_view bytes, const ReadOptions& opts);  // legacy_reader.cpp: own parser

}  // namespace plantjek
