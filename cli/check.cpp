// plantjek check: the whole pipeline for one file, one report out.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/check.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/pipeline.h"
#include "cli/writers/writer.h"
#include "extractor/data_dir.h"
#include "extractor/lexicon.h"
#include "extractor/utf8.h"
#include "rules/engine.h"
#include "rules/spelling.h"

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

std::string read_bytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

const std::vector<Profile>& CheckSession::profiles() {
    if (!loaded_) {
        profiles_ = load_profiles(data_dir() + "/rules/profiles");
        loaded_ = true;
    }
    return profiles_;
}

Report CheckSession::check(const std::string& path) {
    Report r;
    r.path = path;
    r.stage = opts_.stage == Stage::draft ? "draft" : "final";
    PipelineOptions po;
    po.read = opts_.read;
    LoadedPlan plan;
    try {
        {
            std::string bytes = read_bytes(path);
            r.bytes = bytes.size();
            r.sha256 = bytes.empty() ? "" : sha256_hex(bytes);
        }
        plan = load_plan(path, po);
    } catch (const ReadError& e) {
        r.error = ReportError{error_kind_name(e.kind()), {e.message(Lang::da), e.message(Lang::en)}};
        finish_report(r);
        return r;
    }
    const Document& d = plan.doc;
    r.format = format_name(d.format);
    r.pages = d.meta.pages;
    r.words = count_words(d);
    r.municipalities = plan.identity.municipalities;
    r.years = plan.identity.years;
    r.kind = doc_kind_name(plan.identity.kind);
    r.reasons = plan.identity.reasons;
    for (const auto& s : plan.outline.sections) {
        OutlineEntry e;
        e.level = s.level;
        e.number = s.number;
        e.title = s.title;
        e.page = s.first_page;
        e.annex = s.annex;
        r.outline.push_back(e);
    }
    r.ocr_pages = d.meta.pages_without_text;

    Stage stage = opts_.stage;
    if (!opts_.stage_given && plan.identity.kind == DocKind::draft) stage = Stage::draft;
    r.stage = stage == Stage::draft ? "draft" : "final";

    int year = opts_.year ? opts_.year : (plan.identity.years.empty() ? 0 : plan.identity.years.front());
    const Profile* profile = nullptr;
    const auto& all = profiles();
    if (!opts_.profile.empty()) {
        for (const auto& p : all)
            if (p.id == opts_.profile) profile = &p;
        if (!profile) throw std::runtime_error("unknown profile '" + opts_.profile + "'");
        if (!year) year = profile->first_year;
    } else if (year) {
        profile = profile_for_year(all, year);
    }
    if (plan.identity.kind == DocKind::other && opts_.profile.empty()) {
        r.findings.push_back({"not-a-plan", Severity::info,
                              {"Dokumentet ser ikke ud til at være en beskæftigelsesplan; kravene er ikke kontrolleret.",
                               "The document does not look like an employment plan; the requirements were not checked."},
                              0, "", ""});
        profile = nullptr;
    } else if (!profile) {
        r.findings.push_back({"plan-year", Severity::error,
                              {year ? "Ingen profil dækker planåret " + std::to_string(year) + " (profiler findes for 2008–2024)."
                                    : "Planåret kunne ikke bestemmes; angiv det med --year eller --profile.",
                               year ? "No profile covers plan year " + std::to_string(year) + " (profiles exist for 2008–2024)."
                                    : "The plan year could not be determined; give it with --year or --profile."},
                              0, "", ""});
    }
    if (profile) {
        Profile p = *profile;
        for (const auto& f : opts_.rules_files) add_rules_file(p, f);
        r.profile = p.id;
        if (plan.identity.years.size() > 1)
            r.reasons.push_back({"Flerårig plan: profilen for det første år (" + std::to_string(year) + ") er anvendt.",
                                 "Multi-year plan: the profile of its first year (" + std::to_string(year) + ") was applied."});
        EngineInput in;
        in.doc = &plan.doc;
        in.outline = &plan.outline;
        in.identity = &plan.identity;
        in.profile = &p;
        in.year = year;
        in.stage = stage;
        EngineOutput out = run_engine(in);
        r.requirements = std::move(out.requirements);
        r.goals = std::move(out.goals);
        for (auto& f : out.findings) r.findings.push_back(std::move(f));
        r.deadlines = std::move(out.deadlines);
        for (std::size_t s = 0; s < r.outline.size() && s < out.section_requirements.size(); ++s)
            r.outline[s].requirements = out.section_requirements[s];
        // A failed requirement is also a finding, so the list of what to act on is complete.
        for (const auto& q : r.requirements)
            if (q.status == ReqStatus::fail || (q.status == ReqStatus::warn && q.evidence.empty())) {
                Finding f;
                f.rule = q.id;
                f.severity = q.status == ReqStatus::fail ? q.severity : Severity::warning;
                f.message = {q.title.da + ": " + q.message.da, q.title.en + ": " + q.message.en};
                if (!q.evidence.empty()) {
                    f.page = q.evidence.front().page;
                    f.section = q.evidence.front().section;
                }
                r.findings.push_back(std::move(f));
            }
    }
    if (opts_.spelling) {
        SpellingOptions so;
        so.suggestions = opts_.suggestions;
        so.word_lists = opts_.word_lists;
        Lexicon& lex = Lexicon::shared();
        if (!word_lists_loaded_) {
            load_word_lists(lex, opts_.word_lists);
            word_lists_loaded_ = true;
        }
        r.spelling = check_spelling(plan.doc, plan.norm, lex, so);
    }
    finish_report(r);
    return r;
}

int run_check(const CommonOptions& common, const CheckOptions& opts) {
    CheckSession session(opts);
    Report r;
    try {
        if (!opts.profile.empty()) {
            std::string known;
            bool found = false;
            for (const auto& p : session.profiles()) {
                known += (known.empty() ? "" : ", ") + p.id;
                if (p.id == opts.profile) found = true;
            }
            if (!found) {
                std::cerr << "plantjek: "
                          << (common.lang == Lang::da ? "ukendt profil '" : "unknown profile '") << opts.profile
                          << (common.lang == Lang::da ? "'; kendte profiler: " : "'; known profiles: ") << known << "\n";
                return exit_code::usage;
            }
        }
        r = session.check(opts.file);
    } catch (const ProfileError& e) {
        std::cerr << "plantjek: " << e.what() << "\n";
        return exit_code::usage;
    }
    const Writer* w = find_writer(opts.format);
    if (!w) {
        std::cerr << "plantjek: " << (common.lang == Lang::da ? "ukendt format: " : "unknown format: ") << opts.format << "\n";
        return exit_code::usage;
    }
    WriterOptions wo;
    wo.lang = common.lang;
    if (!opts.out.empty()) {
        std::ofstream f(opts.out, std::ios::binary);
        if (!f) {
            std::cerr << "plantjek: " << (common.lang == Lang::da ? "kan ikke skrive " : "cannot write ") << opts.out << "\n";
            return exit_code::usage;
        }
        w->write(f, r, wo);
    } else {
        w->write(std::cout, r, wo);
    }
    if (r.status == "unreadable") {
        if (!common.quiet && opts.format != "text")
            std::cerr << "plantjek: " << opts.file << ": " << pick(r.error->message, common.lang) << "\n";
        return exit_code::unreadable;
    }
    return r.status == "conformant" ? exit_code::ok : exit_code::findings;
}

}  // namespace plantjek
