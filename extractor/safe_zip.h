// Bounded, read-only access to a zip archive held in memory (DOCX, ODT).
//
// Why: a zip's declared sizes, entry count and flags are attacker-controlled.
// This layer is the only place the readers touch libzip, and it enforces
// Limits (entry count, bytes per entry, bytes per archive) on what is
// actually decompressed, never on what the headers claim.
//
// Errors (all ReadError): not a zip / truncated / inconsistent / bad CRC →
// corrupt; any encrypted entry → encrypted (checked for every entry on
// open, from the central directory); too many entries or an entry/archive
// over its byte limit → too_large, or hostile when that entry expands (by
// the bytes read or by its declared size) to more than 200 times its
// compressed size: a zip bomb. Office XML stays far below that ratio.
//
// Costs: opening reads only the central directory; read() decompresses one
// entry into a string (memory = the entry's size, at most
// max_entry_bytes). Not thread-safe per instance; separate instances are
// independent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/reader.h"

struct zip;

namespace plantjek {

class SafeZip {
public:
    // `bytes` must outlive the SafeZip (libzip reads it in place).
    SafeZip(std::string_view bytes, const Limits& limits);
    ~SafeZip();
    SafeZip(const SafeZip&) = delete;
    SafeZip& operator=(const SafeZip&) = delete;

    std::size_t size() const { return names_.size(); }
    const std::vector<std::string>& names() const { return names_; }
    // Entry names compare ASCII case-insensitively (OPC part names do).
    bool contains(std::string_view name) const;
    // The decompressed entry; nullopt when there is no such entry.
    std::optional<std::string> read(std::string_view name);
    // Bytes decompressed so far by read(), counted against max_total_uncompressed.
    std::uint64_t bytes_read() const { return total_; }
    // True when the archive failed libzip's strict consistency check and
    // was opened leniently (real-world writers produce such files).
    bool lenient() const { return lenient_; }

private:
    zip* za_ = nullptr;
    Limits limits_;
    std::vector<std::string> names_;
    std::uint64_t total_ = 0;
    bool lenient_ = false;
};

}  // namespace plantjek
