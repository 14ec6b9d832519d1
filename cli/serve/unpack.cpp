// See unpack.h.
#include "cli/serve/unpack.h"

#include <algorithm>

#include "cli/serve/security.h"
#include "extractor/safe_zip.h"

namespace plantjek::serve {

bool unpack_zip(const std::string& bytes, const ZipLimits& lim, std::vector<UnpackedFile>& out, Text2& why) {
    Limits zl;
    zl.max_total_uncompressed = lim.max_zip_bytes;
    zl.max_entry_bytes = std::min<std::uint64_t>(lim.max_file_bytes, lim.max_zip_bytes);
    zl.max_zip_entries = static_cast<std::uint32_t>(lim.max_files * 4 + 16);
    try {
        SafeZip z(bytes, zl);
        for (const auto& n : z.names()) {
            if (n.empty() || n.back() == '/' || n.find("__MACOSX") != std::string::npos) continue;
            const std::size_t slash = n.find_last_of("/\\");
            if (n[slash == std::string::npos ? 0 : slash + 1] == '.') continue;  // .DS_Store and the like
            std::string name = clean_name(n);
            auto content = z.read(n);
            if (!content) continue;
            out.push_back({name, std::move(*content)});
            if (out.size() > static_cast<std::size_t>(lim.max_files)) {
                why = {"Zip-filen har flere planer end de " + std::to_string(lim.max_files) + ", der er tilladt.",
                       "The zip file holds more plans than the " + std::to_string(lim.max_files) + " allowed."};
                return false;
            }
        }
    } catch (const ReadError& e) {
        why = {"Zip-filen kan ikke pakkes ud: " + e.message(Lang::da), "The zip file cannot be unpacked: " + e.message(Lang::en)};
        return false;
    }
    return true;
}

}  // namespace plantjek::serve
