#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>

#include "extractor/utf8.h"

namespace plantjek {

namespace fs = std::filesystem;

std::vector<std::string> near_files(const std::string& path, std::size_t max) {
    const fs::path p(path);
    const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    const std::string name = p.filename().string();
    const std::size_t n = utf8::length(name);
    const std::size_t limit = n <= 4 ? 1 : n <= 8 ? 2 : 3;
    std::vector<std::pair<std::size_t, std::string>> near;
    std::error_code ec;
    std::size_t looked = 0;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (++looked > 10000) break;  // a huge folder: enough
        const std::string cand = it->path().filename().string();
        const std::size_t d = utf8::edit_distance(name, cand);
        if (d <= limit) near.push_back({d, (p.has_parent_path() ? (dir / cand).string() : cand)});
    }
    std::sort(near.begin(), near.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < near.size() && out.size() < max; ++i) out.push_back(near[i].second);
    return out;
}

std::string join_or(const std::vector<std::string>& items, Lang lang) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) s += i + 1 == items.size() ? (lang == Lang::da ? " eller " : " or ") : ", ";
        s += items[i];
    }
    return s;
}

std::optional<std::string> input_problem(const std::string& path, InputKind kind, Lang lang) {
    const bool da = lang == Lang::da;
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (fs::exists(st)) {
        if (kind == InputKind::file && fs::is_directory(st))
            return path + (da ? " er en mappe; en hel mappe kontrolleres med: plantjek scan " + path
                              : " is a folder; to check a whole folder use: plantjek scan " + path);
        return std::nullopt;
    }
    std::string msg = path + (da ? ": findes ikke" : ": no such file or folder");
    const auto near = near_files(path);
    if (!near.empty()) msg += (da ? " (mente du " : " (did you mean ") + join_or(near, lang) + "?)";
    return msg;
}

}  // namespace plantjek
