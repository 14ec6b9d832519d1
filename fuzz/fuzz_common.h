// Shared by the fuzz targets (one target per fuzz_*.cpp file).
//
// Contract every target checks: bad input ends in a ReadError (or a
// ProfileError for the profile loader) — never a crash, a sanitizer report,
// another exception type, a hang or runaway memory. Anything else escaping a
// target aborts it, and libFuzzer records the input as a finding.
#pragma once

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/identify.h"
#include "extractor/normalise.h"
#include "extractor/reader.h"
#include "extractor/segment.h"

namespace plantjek::fuzz {

// Limits lower than the defaults so that one input stays fast; the paths
// are the same, only the bounds differ. No OCR.
inline ReadOptions fuzz_options() {
    ReadOptions o;
    o.limits.max_file_bytes = 4u << 20;
    o.limits.max_entry_bytes = 8u << 20;
    o.limits.max_total_uncompressed = 16u << 20;
    o.limits.max_zip_entries = 2000;
    o.limits.max_pages = 40;
    o.ocr = OcrMode::never;  // Tesseract takes seconds a page: not for fuzzing
    return o;
}

// What the CLI does after reading: normalise, segment, identify. Without a
// dictionary (the word test is Hunspell's business, fuzzed in fuzz_segment).
inline void analyse(Document& doc, bool with_words = false) {
    NormaliseOptions no;
    if (!with_words) no.is_word = [](std::string_view w) { return w.size() % 2 == 0; };
    normalise(doc, no);
    Outline outline = segment(doc);
    Identity id = identify(doc, outline);
    (void)id;
}

// A "bundle" is a text-friendly stand-in for a zip, so that the fuzzer
// mutates the XML parts instead of breaking the zip's CRCs:
//   === word/document.xml\n<part bytes>\n=== word/styles.xml\n<part bytes>...
// Input that starts with "PK" is used as a zip as it stands.
inline std::vector<std::pair<std::string, std::string>> split_bundle(std::string_view in) {
    std::vector<std::pair<std::string, std::string>> parts;
    std::size_t pos = 0;
    while (pos < in.size()) {
        if (in.substr(pos, 4) != "=== ") {
            std::size_t next = in.find("\n=== ", pos);
            pos = next == std::string_view::npos ? in.size() : next + 1;
            continue;
        }
        std::size_t eol = in.find('\n', pos);
        if (eol == std::string_view::npos) break;
        std::string name(in.substr(pos + 4, eol - pos - 4));
        std::size_t next = in.find("\n=== ", eol);
        std::size_t end = next == std::string_view::npos ? in.size() : next;
        parts.emplace_back(std::move(name), std::string(in.substr(eol + 1, end - eol - 1)));
        pos = end == in.size() ? end : end + 1;
    }
    return parts;
}

// Builds a stored (uncompressed) zip in memory. Empty on failure.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    if (!src) return {};
    zip_source_keep(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    if (!za) {
        zip_source_free(src);
        return {};
    }
    for (const auto& [name, data] : parts) {
        if (name.empty()) continue;
        zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
        if (!s) continue;
        zip_int64_t idx = zip_file_add(za, name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            continue;
        }
        zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
    }
    if (zip_close(za) != 0) {
        zip_discard(za);
        zip_source_free(src);
        return {};
    }
    std::string out;
    if (zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t n = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        if (n > 0) {
            out.resize(static_cast<std::size_t>(n));
            zip_int64_t got = zip_source_read(src, out.data(), static_cast<zip_uint64_t>(n));
            out.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

// The bytes a package reader gets from a fuzz input.
inline std::string package_bytes(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    if (in.substr(0, 2) == "PK") return std::string(in);
    auto parts = split_bundle(in);
    if (parts.empty()) return std::string(in);
    return make_zip(parts);
}

}  // namespace plantjek::fuzz
