// plantjek check: the whole pipeline for one file, one report out.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <unistd.h>
#include <iostream>
#include <sstream>

#include "cli/check.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/pipeline.h"
#include <nlohmann/json.hpp>

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

}  // namespace

const std::vector<Profile>& CheckSession::profiles() {
    if (!loaded_) {
        profiles_ = load_profiles(data_dir() + "/rules/profiles");
        loaded_ = true;
        // --profile FILE: a profile of one's own, used whatever the plan year.
        if (!opts_.profile.empty() && std::filesystem::is_regular_file(opts_.profile)) {
            Profile p = load_profile(opts_.profile);
            opts_.profile = p.id;
            profiles_.erase(std::remove_if(profiles_.begin(), profiles_.end(),
                                           [&](const Profile& x) { return x.id == p.id; }),
                            profiles_.end());
            profiles_.push_back(std::move(p));
        }
    }
    return profiles_;
}

CheckSession::~CheckSession() {
    if (loading_.joinable()) loading_.join();
}

void CheckSession::start_loading() {
    if (loading_.joinable()) return;
    // Only the lexicon itself: the user's --words are added later, on the
    // calling thread, so nothing changes it while a check uses it. An
    // error here (no dictionary) is met again, and reported, by the first
    // thread that asks for the lexicon.
    loading_ = std::thread([] {
        try {
            Lexicon::shared();
        } catch (...) {
        }
    });
}

void CheckSession::prepare() {
    if (loading_.joinable()) loading_.join();
    profiles();
    Lexicon::shared();  // normalisation asks it too, spelling or not
    if (opts_.spelling && !word_lists_loaded_) {
        load_word_lists(Lexicon::shared(), opts_.word_lists);
        word_lists_loaded_ = true;
    }
}

Report CheckSession::check(const std::string& path) {
    Report r;
    r.path = path;
    r.stage = opts_.stage == Stage::draft ? "draft" : "final";
    PipelineOptions po;
    po.read = opts_.read;
    LoadedPlan plan;
    std::string bytes;  // read once: for the reader and for the hash
    auto identify_input = [&] {
        if (!bytes.empty()) {
            r.bytes = bytes.size();
            r.sha256 = sha256_hex(bytes);
            bytes = {};
            return;
        }
        std::error_code ec;  // empty, or refused unread (too large, missing)
        auto size = std::filesystem::file_size(path, ec);
        if (!ec) r.bytes = size;
    };
    try {
        plan = load_plan(path, po, &bytes);
        identify_input();
    } catch (const ReadError& e) {
        identify_input();
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
    r.ocr_pages = d.meta.ocr_pages;
    r.ocr_confidence = d.meta.ocr_confidence;

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
    if (opts_.spelling && !(profile == nullptr && plan.identity.kind == DocKind::other)) {
        SpellingOptions so;
        so.suggestions = opts_.suggestions;
        so.word_lists = opts_.word_lists;
        Lexicon& lex = Lexicon::shared();
        so.is_compound = [&lex](std::string_view w) { return lex.is_compound(w); };
        if (!word_lists_loaded_) {
            load_word_lists(lex, opts_.word_lists);
            word_lists_loaded_ = true;
        }
        r.spelling = check_spelling(plan.doc, plan.norm, lex, so);
        int unknown = 0;
        for (const auto& w : r.spelling.unknown)
            if (!w.footnote_marker) ++unknown;
        if (opts_.spelling_errors && unknown > 0)  // only when the configuration asks for it
            r.findings.push_back({"spelling", Severity::error,
                                  {std::to_string(unknown) + " ukendte ord (stavning er en fejl efter konfigurationen).",
                                   std::to_string(unknown) + " unknown words (spelling counts as an error by the configuration)."},
                                  0, "", ""});
    }
    finish_report(r);
    apply_waivers(r, opts_.waivers);
    return r;
}

namespace {

bool fails(const Report& r, const std::string& fail_on) {
    if (fail_on == "never" || r.status == "unreadable") return false;
    if (r.status == "nonconformant") return true;
    if (fail_on == "warning") {
        if (r.summary.warnings > 0) return true;
        for (const auto& q : r.requirements)
            if (q.status == ReqStatus::warn) return true;
    }
    return false;
}

std::vector<std::string> split_formats(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : s + ",") {
        if (ch == ',') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (ch != ' ') {
            cur.push_back(ch);
        }
    }
    return out;
}

// Report file names in an output folder: the input's file name without its
// extension, made unique ("plan.pdf" and "plan.docx" → "plan", "plan-2").
std::string unique_stem(const std::string& path, std::map<std::string, int>& used) {
    std::string stem = std::filesystem::path(path).stem().string();
    if (stem.empty()) stem = "plan";
    int n = ++used[stem];
    return n == 1 ? stem : stem + "-" + std::to_string(n);
}

}  // namespace

int run_check(const CommonOptions& common, const CheckOptions& opts) {
    const bool da = common.lang == Lang::da;
    CheckSession session(opts);
    std::vector<const Writer*> writers;
    for (const auto& f : split_formats(opts.format)) {
        const Writer* w = find_writer(f);
        if (!w) {
            std::string known;
            for (const auto& n : writer_names()) known += (known.empty() ? "" : ", ") + n;
            std::cerr << "plantjek: " << (da ? "ukendt format '" : "unknown format '") << f
                      << (da ? "'; kendte formater: " : "'; known formats: ") << known << "\n";
            return exit_code::usage;
        }
        writers.push_back(w);
    }
    if (writers.empty()) writers.push_back(find_writer("text"));
    session.start_loading();  // Hunspell, beside the profiles and the first file's reading
    try {
        if (!opts.profile.empty()) {
            std::string known;
            bool found = std::filesystem::is_regular_file(opts.profile);
            for (const auto& p : session.profiles()) {
                known += (known.empty() ? "" : ", ") + p.id;
                if (p.id == opts.profile) found = true;
            }
            if (!found) {
                std::cerr << "plantjek: " << (da ? "ukendt profil '" : "unknown profile '") << opts.profile
                          << (da ? "'; kendte profiler: " : "'; known profiles: ") << known << "\n";
                return exit_code::usage;
            }
        }
        session.profiles();  // a bad profile or --rules file is a usage error before any output
    } catch (const ProfileError& e) {
        std::cerr << "plantjek: " << e.what() << "\n";
        return exit_code::usage;
    }

    const bool many = opts.files.size() > 1;
    const bool to_dir = !opts.out.empty() &&
                        (many || writers.size() > 1 || std::filesystem::is_directory(opts.out) || opts.out.back() == '/');
    if (!to_dir && opts.out.empty()) {
        if (writers.size() > 1) {
            std::cerr << "plantjek: " << (da ? "flere formater kræver --out MAPPE" : "several formats need --out DIR") << "\n";
            return exit_code::usage;
        }
        if (many && writers[0]->name == std::string("html")) {
            std::cerr << "plantjek: " << (da ? "HTML-rapporter for flere planer kræver --out MAPPE"
                                               : "HTML reports of several plans need --out DIR")
                      << "\n";
            return exit_code::usage;
        }
    }
    if (to_dir) {
        std::error_code ec;
        std::filesystem::create_directories(opts.out, ec);
        if (ec) {
            std::cerr << "plantjek: " << (da ? "kan ikke oprette mappen " : "cannot create the folder ") << opts.out << ": "
                      << ec.message() << "\n";
            return exit_code::usage;
        }
    }

    WriterOptions wo;
    wo.lang = common.lang;
    wo.color = opts.color == "always" || (opts.color == "auto" && opts.out.empty() && ::isatty(STDOUT_FILENO));

    // Shared streams: standard output, the single --out file, or one file per
    // batch format (csv, jsonl) in the output folder.
    std::map<const Writer*, std::unique_ptr<std::ofstream>> shared;
    std::map<const Writer*, bool> started;
    auto open = [&](const std::string& path) -> std::unique_ptr<std::ofstream> {
        auto f = std::make_unique<std::ofstream>(path, std::ios::binary);
        if (!*f) throw std::runtime_error((da ? "kan ikke skrive " : "cannot write ") + path);
        return f;
    };
    std::vector<OverviewEntry> overview;
    std::map<std::string, int> used;
    bool any_unreadable = false, any_failed = false;
    bool json_array = !to_dir && many && writers[0]->name == std::string("json");
    std::unique_ptr<std::ofstream> single;
    if (!to_dir && !opts.out.empty()) single = open(opts.out);
    std::ostream& out = single ? static_cast<std::ostream&>(*single) : std::cout;
    if (json_array) out << "[\n";

    for (std::size_t i = 0; i < opts.files.size(); ++i) {
        const std::string& file = opts.files[i];
        Report r = session.check(file);
        if (r.status == "unreadable") {
            any_unreadable = true;
            if (!common.quiet && (to_dir || !opts.out.empty() || writers[0]->name != std::string("text")))
                std::cerr << "plantjek: " << file << ": " << pick(r.error->message, common.lang) << "\n";
        }
        if (fails(r, opts.fail_on)) any_failed = true;
        if (to_dir) {
            std::string stem = unique_stem(file, used);
            for (const Writer* w : writers) {
                if (w->batch_item) {
                    auto& f = shared[w];
                    if (!f) f = open((std::filesystem::path(opts.out) / (std::string("plantjek.") + w->extension)).string());
                    if (!started[w] && w->batch_header) w->batch_header(*f, wo);
                    started[w] = true;
                    w->batch_item(*f, r, wo);
                } else {
                    auto f = open((std::filesystem::path(opts.out) / (stem + "." + w->extension)).string());
                    w->write(*f, r, wo);
                }
            }
            if (many) overview.push_back({r, stem + ".html"});
        } else {
            const Writer* w = writers[0];
            if (json_array) {
                out << (i ? ",\n" : "") << report_to_json(r, wo).dump(2);
            } else if (many && w->batch_item) {
                if (!started[w] && w->batch_header) w->batch_header(out, wo);
                started[w] = true;
                w->batch_item(out, r, wo);
            } else {
                if (many && i) out << "\n";
                w->write(out, r, wo);
            }
        }
    }
    if (json_array) out << "\n]\n";
    bool html = false;
    for (const Writer* w : writers)
        if (w->name == std::string("html")) html = true;
    if (to_dir && many && html) {
        auto f = open((std::filesystem::path(opts.out) / "index.html").string());
        write_overview_html(*f, overview, wo);
    }
    if (any_unreadable) return exit_code::unreadable;
    return any_failed ? exit_code::findings : exit_code::ok;
}

}  // namespace plantjek
