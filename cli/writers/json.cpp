// plantjek.report/1 as JSON: the contract (docs/report-schema.json).
#include <nlohmann/json.hpp>

#include <cmath>

#include "cli/writers/writer.h"
#include "extractor/document.h"

namespace plantjek {

namespace {

using J = nlohmann::ordered_json;

J target_json(const Target& t) {
    J j;
    j["text"] = t.text;
    j["value"] = t.value ? J(*t.value) : J(nullptr);
    j["unit"] = t.unit;
    j["deadline"] = t.deadline;
    j["change_pct"] = t.change_pct ? J(*t.change_pct) : J(nullptr);
    j["direction"] = t.direction;
    j["filled"] = t.filled;
    j["page"] = t.page;
    return j;
}

}  // namespace

J report_to_json(const Report& r, const WriterOptions& o) {
    J j;
    j["schema"] = kReportSchema;
    j["tool"] = {{"name", "plantjek"}, {"version", PLANTJEK_VERSION}};
    j["input"] = {{"path", r.path}, {"sha256", r.sha256}, {"format", r.format.empty() ? std::string("unknown") : r.format},
                  {"bytes", r.bytes}, {"pages", r.pages}, {"words", r.words}};
    if (!r.ocr_pages.empty()) {  // scanned pages read by OCR, and how sure it was (0–100)
        j["input"]["ocr_pages"] = r.ocr_pages;
        j["input"]["ocr_confidence"] = std::round(r.ocr_confidence * 10) / 10;
    }
    J reasons = J::array();
    for (const auto& x : r.reasons) reasons.push_back(o.lang == Lang::da ? x.da : x.en);
    j["plan"] = {{"municipality", r.municipalities.empty() ? J(nullptr) : J(r.municipalities.front())},
                 {"municipalities", r.municipalities},
                 {"years", r.years},
                 {"kind", r.kind},
                 {"profile", r.profile},
                 {"stage", r.stage},
                 {"reasons", reasons}};
    j["status"] = r.status;
    if (r.error) j["error"] = {{"kind", r.error->kind}, {"message", pick(r.error->message, o.lang)}};
    j["summary"] = {{"requirements", r.summary.requirements}, {"passed", r.summary.passed},
                    {"failed", r.summary.failed},             {"errors", r.summary.errors},
                    {"warnings", r.summary.warnings},         {"misspellings", r.summary.misspellings}};
    J outline = J::array();
    for (const auto& s : r.outline)
        outline.push_back({{"level", s.level}, {"number", s.number}, {"title", s.title}, {"page", s.page},
                           {"annex", s.annex}, {"requirements", s.requirements}});
    j["outline"] = outline;
    J reqs = J::array();
    for (const auto& q : r.requirements) {
        J ev = J::array();
        for (const auto& e : q.evidence)
            ev.push_back({{"page", e.page}, {"section", e.section}, {"excerpt", e.excerpt}, {"match", e.match}});
        reqs.push_back({{"id", q.id}, {"title", pick(q.title, o.lang)}, {"legal_basis", q.legal_basis},
                        {"severity", severity_name(q.severity)}, {"status", req_status_name(q.status)},
                        {"evidence", ev}, {"message", pick(q.message, o.lang)}});
    }
    j["requirements"] = reqs;
    J goals = J::array();
    for (const auto& g : r.goals) {
        J targets = J::array();
        for (const auto& t : g.targets) targets.push_back(target_json(t));
        goals.push_back({{"id", g.id}, {"title", pick(g.title, o.lang)}, {"addressed", g.addressed},
                         {"pending", g.pending},
                         {"target", g.targets.empty() ? J(nullptr) : target_json(g.targets.front())},
                         {"targets", targets}, {"page", g.page}, {"section", g.section}});
    }
    j["goals"] = goals;
    J findings = J::array();
    for (const auto& f : r.findings)
        findings.push_back({{"rule", f.rule}, {"severity", severity_name(f.severity)},
                            {"message", pick(f.message, o.lang)}, {"page", f.page}, {"section", f.section},
                            {"excerpt", f.excerpt}});
    j["findings"] = findings;
    J deadlines = J::array();
    for (const auto& d : r.deadlines)
        deadlines.push_back({{"what", d.what}, {"title", pick(d.title, o.lang)}, {"date", d.date}});
    j["deadlines"] = deadlines;
    J unknown = J::array();
    for (const auto& w : r.spelling.unknown)
        unknown.push_back({{"word", w.word}, {"count", w.count}, {"suggestions", w.suggestions},
                           {"pages", w.pages}, {"footnote_marker", w.footnote_marker}});
    j["spelling"] = {{"checked", r.spelling.checked}, {"words_checked", r.spelling.words_checked},
                     {"unknown", unknown}};
    if (r.spelling.ocr_words_not_checked) j["spelling"]["ocr_words_not_checked"] = r.spelling.ocr_words_not_checked;
    return j;
}

// Invalid UTF-8 from a document is replaced (U+FFFD), never thrown on.
void write_json(std::ostream& os, const Report& r, const WriterOptions& o) {
    os << report_to_json(r, o).dump(2, ' ', false, J::error_handler_t::replace) << "\n";
}

void write_jsonl(std::ostream& os, const Report& r, const WriterOptions& o) {
    os << report_to_json(r, o).dump(-1, ' ', false, J::error_handler_t::replace) << "\n";
}

}  // namespace plantjek
