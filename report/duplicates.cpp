#include "report/duplicates.h"

namespace plantjek {

namespace {

// kind|kommune,kommune|year,year: "" when the report has no checked identity.
std::string identity_key(const Report& r) {
    if (r.status != Status::conformant && r.status != Status::nonconformant) return "";
    if (r.municipalities.empty() || r.years.empty()) return "";
    std::string key = doc_kind_name(r.kind);
    key += '|';
    for (const auto& m : r.municipalities) key += m + ",";
    key += '|';
    for (int y : r.years) key += std::to_string(y) + ",";
    return key;
}

}  // namespace

std::string DuplicateFinder::add(const Report& r) {
    if (r.status == Status::unreadable) return "";
    std::string earlier;
    if (!r.sha256.empty()) {
        auto [it, fresh] = by_hash_.emplace(r.sha256, r.path);
        if (!fresh) earlier = it->second;
    }
    if (const std::string key = identity_key(r); !key.empty()) {
        auto [it, fresh] = by_identity_.emplace(key, r.path);
        if (!fresh && earlier.empty()) earlier = it->second;
    }
    return earlier;
}

std::vector<std::string> find_duplicates(const std::vector<const Report*>& reports) {
    DuplicateFinder f;
    std::vector<std::string> out;
    out.reserve(reports.size());
    for (const Report* r : reports) out.push_back(f.add(*r));
    return out;
}

std::string duplicate_label(const std::string& duplicate_of, Lang lang) {
    if (duplicate_of.empty()) return "";
    auto slash = duplicate_of.find_last_of('/');
    const std::string name = slash == std::string::npos ? duplicate_of : duplicate_of.substr(slash + 1);
    return (lang == Lang::da ? "samme plan som " : "same plan as ") + name;
}

}  // namespace plantjek
