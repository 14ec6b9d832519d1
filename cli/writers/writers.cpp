#include "cli/writers/writer.h"

namespace plantjek {

namespace {
// The registry: one line per format.
const Writer kWriters[] = {
    {"text", "txt", &write_text},
    {"json", "json", &write_json},
};
}  // namespace

const Writer* find_writer(const std::string& name) {
    for (const auto& w : kWriters)
        if (name == w.name) return &w;
    return nullptr;
}

std::vector<std::string> writer_names() {
    std::vector<std::string> n;
    for (const auto& w : kWriters) n.push_back(w.name);
    return n;
}

}  // namespace plantjek
