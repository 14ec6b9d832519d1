// The plans inside a batch zip uploaded to `plantjek serve`.
//
// Why: a region's consultant uploads the autumn's plans as one zip; the zip
// comes from a client and may be a bomb, hold thousands of entries, or carry
// names like "../../etc/passwd". It is read through the extractor's SafeZip
// (its limits on entries and on decompressed bytes) and every name goes
// through clean_name(): no name from the zip ever becomes a path.
// Cost: decompresses each entry once, in memory (at most max_zip_bytes).
// Limits: one level (a zip inside the zip is a file, not a batch); folders
// are flattened, macOS resource forks and hidden files skipped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rules/result.h"

namespace plantjek::serve {

struct ZipLimits {
    std::uint64_t max_file_bytes = 0;  // one entry, decompressed
    int max_files = 0;                 // plans in the zip
    std::uint64_t max_zip_bytes = 0;   // all entries, decompressed
};

struct UnpackedFile {
    std::string name;   // cleaned for display (clean_name)
    std::string bytes;
};

// Appends the zip's plans to `out`; false, with the reason in both
// languages in `why`, when the zip breaks a limit or cannot be read.
bool unpack_zip(const std::string& bytes, const ZipLimits& lim, std::vector<UnpackedFile>& out, Text2& why);

}  // namespace plantjek::serve
