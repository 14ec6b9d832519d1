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
#include "extractor/pipeline.h"
#include "report/assemble.h"
#include "report/json.h"
#include <nlohmann/json.hpp>

#include "cli/writers/writer.h"
#include "extractor/data_dir.h"
#include "extractor/lexicon.h"
#include "extractor/utf8.h"
#include "rules/engine.h"
#include "rules/spelling.h"

namespace plantjek {

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
    PipelineOptions po;
    po.read = opts_.read;
    LoadedPlan plan;
    std::string bytes;  // read once: for the reader and for the hash
    CheckedPlan in;
    in.path = path;
    auto identify_input = [&] {
        if (!bytes.empty()) {
            in.bytes = bytes.size();
            in.sha256 = sha256_hex(bytes);
            bytes = {};
            return;
        }
        std::error_code ec;  // empty, or refused unread (too large, missing)
        auto size = std::filesystem::file_size(path, ec);
        if (!ec) in.bytes = size;
    };
    try {
        plan = load_plan(path, po, &bytes);
        identify_input();
    } catch (const ReadError& e) {
        identify_input();
        return assemble_unreadable(path, in.sha256, in.bytes,
                                   ReportError{error_kind_name(e.kind()), {e.message(Lang::da), e.message(Lang::en)}},
                                   opts_.report.stage);
    }
    in.doc = &plan.doc;
    in.outline = &plan.outline;
    in.identity = &plan.identity;
    in.choice = choose_profile(profiles(), plan.identity, opts_.profile, opts_.year);

    EngineOutput engine;
    if (in.choice.profile) {
        Profile p = *in.choice.profile;
        for (const auto& f : opts_.rules_files) add_rules_file(p, f);
        EngineInput ei;
        ei.doc = &plan.doc;
        ei.outline = &plan.outline;
        ei.identity = &plan.identity;
        ei.profile = &p;
        ei.year = in.choice.year;
        ei.stage = stage_for(plan.identity, opts_.report);
        ei.waived_goals = goals_waived(plan.identity, opts_.report);
        engine = run_engine(ei);
        in.engine = &engine;
    }
    SpellingResult spelling;
    if (opts_.spelling && spelling_wanted(in.choice)) {
        spelling = check_plan_spelling(plan);
        in.spelling = &spelling;
    }
    return assemble(in, opts_.report);
}

SpellingResult CheckSession::check_plan_spelling(const LoadedPlan& plan) {
    SpellingOptions so;
    so.suggestions = opts_.suggestions;
    so.word_lists = opts_.word_lists;
    Lexicon& lex = Lexicon::shared();
    so.is_compound = [&lex](std::string_view w) { return lex.is_compound(w); };
    if (!word_lists_loaded_) {
        load_word_lists(lex, opts_.word_lists);
        word_lists_loaded_ = true;
    }
    return check_spelling(plan.doc, plan.norm, lex, so);
}

namespace {

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
    for (const auto& f : split_format_list(opts.format)) {
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
        // A bad profile, --rules file or waiver is a usage error before any output.
        validate_waivers(opts.report.waivers, session.profiles(), opts.rules_files, common.lang);
    } catch (const ProfileError& e) {
        std::cerr << "plantjek: " << e.what() << "\n";
        return exit_code::usage;
    } catch (const ConfigError& e) {
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
        if (r.status == Status::unreadable) {
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
                out << (i ? ",\n" : "") << dump_json(report_to_json(r, json_texts(wo.lang)), 2);
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
