// plantjek outline: the section tree and the plan's identity.
//
// Text: the identity lines (kommune, plan year, kind, then each reason),
// a blank line, then one line per section indented by level with its
// number, title and pages. JSON (--json):
//   {"path", "format",
//    "identity": {"municipalities": [..], "years": [..], "kind": "plan|draft|annex|unknown",
//                 "reasons": ["..."]},
//    "outline": [{"level", "number", "title", "heading", "first_page", "last_page",
//                 "annex", "signal", "blocks"}],   // blocks: how many body blocks directly under it
//    "toc": [{"number", "title", "page"}]}
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/writers/writer.h"
#include "extractor/pipeline.h"

namespace plantjek {

int run_outline(const CommonOptions& common, const OutlineOptions& opts) {
    PipelineOptions po;
    auto loaded = load_or_report(common, opts.file, po);
    if (!loaded) return exit_code::unreadable;
    LoadedPlan& plan = *loaded;
    const Outline& outline = plan.outline;
    const Identity& id = plan.identity;
    const bool da = common.lang == Lang::da;
    if (opts.json) {
        nlohmann::ordered_json j;
        j["path"] = opts.file;
        j["format"] = format_name(plan.doc.format);
        auto& ij = j["identity"];
        ij["municipalities"] = id.municipalities;
        ij["years"] = id.years;
        ij["kind"] = doc_kind_name(id.kind);
        ij["reasons"] = nlohmann::ordered_json::array();
        for (const auto& r : id.reasons) ij["reasons"].push_back(da ? r.da : r.en);
        j["outline"] = nlohmann::ordered_json::array();
        for (const auto& s : outline.sections)
            j["outline"].push_back({{"level", s.level},
                                    {"number", s.number},
                                    {"title", s.title},
                                    {"heading", s.heading},
                                    {"first_page", s.first_page},
                                    {"last_page", s.last_page},
                                    {"annex", s.annex},
                                    {"signal", s.signal},
                                    {"blocks", s.blocks.size()}});
        j["toc"] = nlohmann::ordered_json::array();
        for (const auto& t : outline.toc)
            j["toc"].push_back({{"number", t.number}, {"title", t.title}, {"page", t.page}});
        std::cout << j.dump(2) << "\n";
        return exit_code::ok;
    }
    std::string kommune, years;
    for (std::size_t i = 0; i < id.municipalities.size(); ++i) kommune += (i ? ", " : "") + id.municipalities[i];
    for (std::size_t i = 0; i < id.years.size(); ++i) years += (i ? ", " : "") + std::to_string(id.years[i]);
    std::cout << (da ? "Kommune: " : "Municipality: ") << (kommune.empty() ? "?" : kommune) << "\n"
              << (da ? "Planår: " : "Plan year: ") << (years.empty() ? "?" : years) << "\n"
              << (da ? "Type: " : "Kind: ") << doc_kind_label(id.kind, da ? Lang::da : Lang::en) << "\n";
    for (const auto& r : id.reasons) std::cout << "  - " << (da ? r.da : r.en) << "\n";
    std::cout << "\n";
    if (outline.sections.empty())
        std::cout << (da ? "(ingen overskrifter fundet)" : "(no headings found)") << "\n";
    for (const auto& s : outline.sections) {
        std::cout << std::string(2 * static_cast<std::size_t>(std::max(0, s.level - 1)), ' ');
        std::cout << section_label(s);
        if (s.first_page > 0) {  // 0: a DOCX/ODT that records no page breaks
            std::cout << "  (" << (da ? "s. " : "p. ") << s.first_page;
            if (s.last_page > s.first_page) std::cout << "–" << s.last_page;
            std::cout << ")";
        }
        std::cout << "\n";
    }
    return exit_code::ok;
}

}  // namespace plantjek
