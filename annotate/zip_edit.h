// A copy of a zip archive (DOCX, ODT) with some entries replaced or added.
//
// Why: an annotated document must keep every entry it does not change
// byte for byte. libzip copies unchanged entries with their compressed
// bytes as they are, in their order (an ODT's stored `mimetype` stays
// first); replaced and added entries get the DOS time of the entry they
// replace (an added one that of the first entry), so the output depends on
// the input alone.
//
// Cost: the whole archive in memory twice (input and output). Throws
// ReadError (corrupt) when libzip cannot open or write the archive; the
// caller has already read it through SafeZip (limits, encryption, bombs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plantjek {

class ZipEdit {
public:
    explicit ZipEdit(std::string_view original) : original_(original) {}
    void replace(const std::string& name, std::string bytes) { changes_.push_back({name, std::move(bytes), false}); }
    void add(const std::string& name, std::string bytes) { changes_.push_back({name, std::move(bytes), true}); }
    // The new archive's bytes.
    std::string finish();

private:
    struct Change {
        std::string name, bytes;
        bool added;
    };
    std::string_view original_;
    std::vector<Change> changes_;
};

}  // namespace plantjek
