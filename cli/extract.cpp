// plantjek extract: the normalised text of a document with page markers, or
// its blocks as JSON.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "extractor/pipeline.h"

namespace plantjek {

void print_read_error(const CommonOptions& common, const std::string& path, const ReadError& e) {
    std::cerr << "plantjek: " << path << ": " << e.message(common.lang) << "\n";
}

namespace {

nlohmann::ordered_json block_json(const Block& b) {
    nlohmann::ordered_json j;
    j["page"] = b.page;
    j["kind"] = block_kind_name(b.kind);
    j["text"] = b.text;
    if (b.outline_level) j["outline_level"] = b.outline_level;
    if (!b.number.empty()) j["number"] = b.number;
    if (!b.style.empty()) j["style"] = b.style;
    if (b.font_size > 0) j["font_size"] = b.font_size;
    if (b.bold) j["bold"] = true;
    if (b.all_caps) j["all_caps"] = true;
    if (b.table >= 0) j["cell"] = {b.table, b.row, b.col};
    return j;
}

}  // namespace

std::optional<LoadedPlan> load_or_report(const CommonOptions& common, const std::string& file, PipelineOptions po) {
    po.read.password = common.password;
    po.read.limits = common.limits;
    try {
        return load_plan(file, po);
    } catch (const ReadError& e) {
        print_read_error(common, file, e);
        return std::nullopt;
    }
}

int run_extract(const CommonOptions& common, const ExtractOptions& opts) {
    PipelineOptions po;
    po.normalise = !opts.raw;
    po.analyse = false;  // extract prints blocks only: no segmenting or identifying
    auto loaded = load_or_report(common, opts.file, po);
    if (!loaded) return exit_code::unreadable;
    LoadedPlan& plan = *loaded;
    const Document& d = plan.doc;
    if (opts.json) {
        nlohmann::ordered_json j;
        j["path"] = opts.file;
        j["format"] = format_name(d.format);
        auto& m = j["metadata"];
        m["title"] = d.meta.title;
        m["author"] = d.meta.author;
        m["subject"] = d.meta.subject;
        m["creator"] = d.meta.creator;
        m["producer"] = d.meta.producer;
        m["created"] = d.meta.created;
        m["modified"] = d.meta.modified;
        m["pages"] = d.meta.pages;
        m["encrypted"] = d.meta.encrypted;
        m["tracked_changes"] = d.meta.tracked_changes;
        m["comments"] = d.meta.comments;
        if (!d.meta.revisions.empty()) {  // tracked changes and comments, by the block's source_index
            auto& rv = m["revisions"] = nlohmann::ordered_json::array();
            for (const auto& x : d.meta.revisions)
                rv.push_back({{"kind", x.kind == Revision::Kind::insertion  ? "insertion"
                                       : x.kind == Revision::Kind::deletion ? "deletion"
                                                                            : "comment"},
                              {"source_index", x.source_index},
                              {"excerpt", x.excerpt},
                              {"author", x.author}});
        }
        m["pages_without_text"] = d.meta.pages_without_text;
        if (!d.meta.encoding.empty()) m["encoding"] = d.meta.encoding;
        j["bookmarks"] = nlohmann::ordered_json::array();
        for (const auto& bm : d.bookmarks)
            j["bookmarks"].push_back({{"level", bm.level}, {"title", bm.title}, {"page", bm.page}});
        j["blocks"] = nlohmann::ordered_json::array();
        for (const auto& b : d.blocks) j["blocks"].push_back(block_json(b));
        j["footnote_markers"] = nlohmann::ordered_json::array();
        for (const auto& f : plan.norm.footnote_markers)
            j["footnote_markers"].push_back({{"page", f.page}, {"word", f.word}, {"digits", f.digits}});
        std::cout << j.dump(2) << "\n";
        return exit_code::ok;
    }
    const char* page_word = common.lang == Lang::da ? "side" : "page";
    int page = 0;
    for (const auto& b : d.blocks) {
        if (b.page != page) {
            page = b.page;
            std::cout << (page > 1 ? "\n" : "") << "=== " << page_word << " " << page << " ===\n";
        }
        if (b.kind == BlockKind::header || b.kind == BlockKind::footer) continue;
        if (!b.number.empty()) std::cout << b.number << " ";
        std::cout << b.text << "\n";
    }
    return exit_code::ok;
}

}  // namespace plantjek
