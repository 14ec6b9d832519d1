#include "report/assemble.h"
#include "report/suggest.h"

#include <algorithm>
#include <stdexcept>

#include "extractor/utf8.h"

namespace plantjek {

namespace {

int count_words(const Document& d) {
    int n = 0;
    for (const auto& b : d.blocks) {
        if (b.kind == BlockKind::header || b.kind == BlockKind::footer) continue;
        bool in = false;
        for (unsigned char ch : b.text) {
            bool sp = ch == ' ' || ch == '\n' || ch == '\t';
            if (!sp && !in) ++n;
            in = !sp;
        }
    }
    return n;
}

void fill_document(Report& r, const CheckedPlan& in) {
    const Document& d = *in.doc;
    r.format = format_name(d.format);
    r.pages = d.meta.pages;
    r.words = count_words(d);
    r.municipalities = in.identity->municipalities;
    r.years = in.identity->years;
    r.kind = in.identity->kind;
    r.reasons = in.identity->reasons;
    for (const auto& s : in.outline->sections) {
        OutlineEntry e;
        e.level = s.level;
        e.number = s.number;
        e.title = s.title;
        e.page = s.first_page;
        e.annex = s.annex;
        r.outline.push_back(e);
    }
    r.ocr_pages = d.meta.ocr_pages;
    r.ocr_confidence = d.meta.ocr_confidence;
}

// The finding that says why no requirement was checked.
void add_choice_finding(Report& r, const ProfileChoice& c) {
    using P = ProfileChoice::Problem;
    if (c.problem == P::not_a_plan) {
        r.findings.push_back({kNotAPlanRule, Severity::info,
                              {"Dokumentet ser ikke ud til at være en beskæftigelsesplan; kravene er ikke kontrolleret.",
                               "The document does not look like an employment plan; the requirements were not checked."},
                              0, "", ""});
    } else if (c.problem == P::no_year) {
        r.findings.push_back({"plan-year", Severity::error,
                              {"Planåret kunne ikke bestemmes; angiv det med --year eller --profile.",
                               "The plan year could not be determined; give it with --year or --profile."},
                              0, "", ""});
    } else if (c.problem == P::no_profile) {
        const std::string y = std::to_string(c.year);
        const std::string span = std::to_string(c.covered_first) + "–" + std::to_string(c.covered_last);
        r.findings.push_back({"plan-year", Severity::error,
                              {"Ingen profil dækker planåret " + y + " (profiler findes for " + span + ").",
                               "No profile covers plan year " + y + " (profiles exist for " + span + ")."},
                              0, "", ""});
    }
}

void add_engine_result(Report& r, const CheckedPlan& in) {
    const std::string y = std::to_string(in.choice.year);
    if (in.identity->years.size() > 1)
        r.reasons.push_back({"Flerårig plan: profilen for det første år (" + y + ") er anvendt.",
                             "Multi-year plan: the profile of its first year (" + y + ") was applied."});
    const EngineOutput& out = *in.engine;
    r.requirements = out.requirements;
    r.goals = out.goals;
    for (auto& g : r.goals)  // the theme links the goal to those of other years (rules/themes.h)
        for (const auto& pg : in.choice.profile->goals_for(in.choice.year))
            if (pg.id == g.id) g.theme = pg.theme;
    r.findings.insert(r.findings.end(), out.findings.begin(), out.findings.end());
    r.deadlines = out.deadlines;
    for (std::size_t s = 0; s < r.outline.size() && s < out.section_requirements.size(); ++s)
        r.outline[s].requirements = out.section_requirements[s];
}

// The spelling policy: unknown words change the verdict only when the
// configuration says so.
void add_spelling(Report& r, const SpellingResult& sp, const ReportOptions& o) {
    r.spelling = sp;
    int unknown = 0;
    for (const auto& w : sp.unknown)
        if (!w.footnote_marker) ++unknown;
    if (o.spelling_errors && unknown > 0)
        r.findings.push_back({"spelling", Severity::error,
                              {std::to_string(unknown) + " ukendte ord (stavning er en fejl efter konfigurationen).",
                               std::to_string(unknown) + " unknown words (spelling counts as an error by the configuration)."},
                              0, "", ""});
}

}  // namespace

bool waiver_applies(const Waiver& w, const std::vector<std::string>& municipalities, const std::vector<int>& years) {
    if (w.year && std::find(years.begin(), years.end(), w.year) == years.end()) return false;
    if (w.kommune.empty()) return true;
    for (const auto& m : municipalities)
        if (utf8::lower(m) == utf8::lower(w.kommune)) return true;
    return false;
}

FailOn fail_on_from_name(std::string_view name) {
    if (name == "error") return FailOn::error;
    if (name == "warning") return FailOn::warning;
    if (name == "never") return FailOn::never;
    throw std::invalid_argument("unknown fail-on '" + std::string(name) + "'");
}

bool fails(const Report& r, FailOn fail_on) {
    if (fail_on == FailOn::never || r.status == Status::unreadable) return false;
    if (r.status == Status::nonconformant || r.status == Status::not_a_plan) return true;
    return fail_on == FailOn::warning && (r.summary.warnings > 0 || r.summary.warned > 0);
}

Stage stage_for(const Identity& id, const ReportOptions& o) {
    if (!o.stage_given && id.kind == DocKind::draft) return Stage::draft;
    return o.stage;
}

std::vector<std::string> goals_waived(const Identity& id, const ReportOptions& o) {
    std::vector<std::string> ids;
    for (const auto& w : o.waivers)
        if (w.requirement.rfind("goal-", 0) == 0 && waiver_applies(w, id.municipalities, id.years))
            ids.push_back(w.requirement);
    return ids;
}

bool spelling_wanted(const ProfileChoice& choice) { return choice.problem != ProfileChoice::Problem::not_a_plan; }

Report assemble(const CheckedPlan& in, const ReportOptions& o) {
    Report r;
    r.path = in.path;
    r.sha256 = in.sha256;
    r.bytes = in.bytes;
    fill_document(r, in);
    r.stage = stage_for(*in.identity, o);
    add_choice_finding(r, in.choice);
    if (in.choice.profile && in.engine) {
        r.profile = in.choice.profile->id;
        add_engine_result(r, in);
    }
    if (in.spelling) add_spelling(r, *in.spelling, o);
    finish_report(r);
    apply_waivers(r, o.waivers);
    add_suggestions(r);
    return r;
}

Report assemble_unreadable(const std::string& path, const std::string& sha256, std::uint64_t bytes, ReportError error,
                           Stage stage) {
    Report r;
    r.path = path;
    r.sha256 = sha256;
    r.bytes = bytes;
    r.stage = stage;
    r.error = std::move(error);
    finish_report(r);
    return r;
}

void apply_waivers(Report& r, const std::vector<Waiver>& waivers) {
    if (waivers.empty() || r.error) return;
    for (const auto& w : waivers) {
        if (!waiver_applies(w, r.municipalities, r.years)) continue;
        for (auto& g : r.goals)
            if (g.id == w.requirement) g.waived = w.reason;
        for (auto& q : r.requirements) {
            if (q.id != w.requirement || q.status == ReqStatus::pass || q.status == ReqStatus::not_applicable) continue;
            q.status = ReqStatus::waived;
            q.message = {"Dispenseret: " + w.reason, "Waived: " + w.reason};
            r.findings.erase(std::remove_if(r.findings.begin(), r.findings.end(),
                                            [&](const Finding& f) { return f.rule == w.requirement; }),
                             r.findings.end());
        }
    }
    finish_report(r);
}

}  // namespace plantjek
