#include "extractor/data_dir.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace plantjek {

namespace fs = std::filesystem;

static bool has_data(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p / "rules" / "profiles", ec);
}

const std::string& data_dir() {
    static const std::string dir = [] {
        if (const char* env = std::getenv("PLANTJEK_DATA_DIR"); env && *env) return std::string(env);
        std::error_code ec;
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
                if (has_data(p)) return p.string();
                if (has_data(p / "share" / "plantjek")) return (p / "share" / "plantjek").string();
            }
        }
        return std::string(PLANTJEK_SOURCE_DIR);
    }();
    return dir;
}

}  // namespace plantjek
