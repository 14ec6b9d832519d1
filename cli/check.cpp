// plantjek check: the whole pipeline for one file, one report out.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <unistd.h>
#include <iostream>
#include <sstream>

#include "cli/check.h"
#include "annotate/annotate.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/profile_error.h"
#include "cli/tally.h"
#include "extractor/pipeline.h"
#include "report/assemble.h"
#include "report/duplicates.h"
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

namespace fs = std::filesystem;

void usage_error(const std::string& msg) { std::cerr << "plantjek: " << msg << "\n"; }

}  // namespace

bool validate_profile_options(CheckSession& session, const CheckOptions& opts, Lang lang) {
    const bool da = lang == Lang::da;
    try {
        if (!opts.profile.empty() && !fs::is_regular_file(opts.profile)) {
            std::vector<std::string> known;
            for (const auto& p : session.profiles()) known.push_back(p.id);
            if (std::find(known.begin(), known.end(), opts.profile) == known.end()) {
                std::string msg = (da ? "ukendt profil '" : "unknown profile '") + opts.profile + "'";
                if (auto near = utf8::closest(opts.profile, known); !near.empty())
                    msg += da ? " (mente du " + near + "?)" : " (did you mean " + near + "?)";
                usage_error(msg + (da ? "; kendte profiler: " : "; known profiles: ") + join_or(known, lang));
                return false;
            }
        }
        validate_waivers(opts.report.waivers, session.profiles(), opts.rules_files);
    } catch (const ProfileError& e) {
        usage_error(profile_error_text(e, lang));
        return false;
    } catch (const ConfigError& e) {
        usage_error(e.message(lang));
        return false;
    }
    return true;
}

namespace {

// Report file names in an output folder: the input's file name with its
// extension, so that two copies of a plan say which is which
// ("plan.pdf" → "plan.pdf.html", "plan.docx" → "plan.docx.html"), made
// unique when two inputs share a name ("plan.pdf", "plan.pdf-2").
std::string unique_stem(const std::string& path, std::map<std::string, int>& used) {
    std::string stem = fs::path(path).filename().string();
    if (stem.empty()) stem = "plan";
    int n = ++used[stem];
    return n == 1 ? stem : stem + "-" + std::to_string(n);
}


// The writers -f names (text when none), or nothing after a usage error.
std::optional<std::vector<const Writer*>> resolve_writers(const std::string& format, Lang lang) {
    const bool da = lang == Lang::da;
    std::vector<const Writer*> writers;
    for (const auto& f : split_format_list(format)) {
        const Writer* w = find_writer(f);
        if (!w) {
            std::string msg = (da ? "ukendt format '" : "unknown format '") + f + "'";
            if (auto near = utf8::closest(f, writer_names()); !near.empty())
                msg += da ? " (mente du " + near + "?)" : " (did you mean " + near + "?)";
            usage_error(msg + (da ? "; kendte formater: " : "; known formats: ") + join_or(writer_names(), lang));
            return std::nullopt;
        }
        writers.push_back(w);
    }
    if (writers.empty()) writers.push_back(find_writer("text"));
    return writers;
}


// Every input exists and is a file: a typo or a folder stops the run
// before anything is written (cli/inputs.h).
bool check_inputs(const CheckOptions& opts, Lang lang) {
    bool ok = true;
    for (const auto& f : opts.files)
        if (auto problem = input_problem(f, InputKind::file, lang)) {
            usage_error(*problem);
            ok = false;
        }
    return ok;
}

// Where the reports go. -o decides by its path alone: an existing folder or
// a trailing '/' is a folder (one report per plan and format there, plus
// index.html for a batch with HTML); anything else is one file, and without
// -o it is standard output. Several formats need a folder; so do the HTML
// reports of several plans.
class ReportSink {
public:
    ReportSink(const CheckOptions& opts, std::vector<const Writer*> writers, const WriterOptions& wo)
        : opts_(opts), writers_(std::move(writers)), wo_(wo),
          to_dir_(!opts.out.empty() && (fs::is_directory(opts.out) || opts.out.back() == '/')),
          many_(opts.files.size() > 1) {}

    // A usage error in the user's language, or "" when the reports can be written.
    std::string problem(Lang lang) const {
        const bool da = lang == Lang::da;
        if (to_dir_) return "";
        if (writers_.size() > 1)
            return da ? "flere formater kræver en mappe: -o MAPPE/" : "several formats need a folder: -o DIR/";
        if (many_ && writers_[0]->name == std::string("html"))
            return da ? "HTML-rapporter for flere planer kræver en mappe: -o MAPPE/"
                      : "HTML reports of several plans need a folder: -o DIR/";
        if (writers_[0]->batch_file && opts_.out.empty())
            return da ? std::string("formatet ") + writers_[0]->name + " skrives til en fil: -o FIL." + writers_[0]->extension + " eller -o MAPPE/"
                      : std::string("the format ") + writers_[0]->name + " is written to a file: -o FILE." + writers_[0]->extension + " or -o DIR/";
        return "";
    }

    // Opens the folder or the file; throws std::runtime_error when it cannot.
    void open() {
        if (to_dir_) {
            std::error_code ec;
            fs::create_directories(opts_.out, ec);
            if (ec || !fs::is_directory(opts_.out)) throw std::runtime_error(say("kan ikke oprette mappen ", "cannot create the folder ") + opts_.out);
            return;
        }
        if (!opts_.out.empty() && !writers_[0]->batch_file) single_ = open_file(opts_.out);
        json_array_ = many_ && writers_[0]->name == std::string("json");
        if (json_array_) out() << "[\n";
    }

    // duplicate_of: the earlier plan this one repeats (report/duplicates.h), "" for none.
    void put(const std::string& file, const Report& r, const std::string& duplicate_of) {
        if (to_dir_) return put_in_folder(file, r, duplicate_of);
        const Writer* w = writers_[0];
        if (w->batch_file) {
            overview_.push_back({r, "", duplicate_of});
        } else if (json_array_) {
            out() << (count_++ ? ",\n" : "") << dump_json(report_to_json(r, json_texts(wo_.lang)), 2);
        } else if (many_ && w->batch_item) {
            batch(w, out(), r);
        } else {
            if (count_++) out() << "\n";
            w->write(out(), r, wo_);
        }
    }

    void finish() {
        if (json_array_) out() << "\n]\n";
        const bool html = std::any_of(writers_.begin(), writers_.end(), [](const Writer* w) { return w->name == std::string("html"); });
        if (to_dir_ && many_ && html) {
            auto f = open_file((fs::path(opts_.out) / "index.html").string());
            write_overview_html(*f, overview_, wo_);
        }
        for (const Writer* w : writers_)
            if (w->batch_file)
                w->batch_file(to_dir_ ? (fs::path(opts_.out) / (std::string("plantjek.") + w->extension)).string() : opts_.out,
                              overview_, wo_);
    }

    bool to_folder() const { return to_dir_; }

private:
    std::string say(const char* da, const char* en) const { return wo_.lang == Lang::da ? da : en; }
    std::ostream& out() { return single_ ? static_cast<std::ostream&>(*single_) : std::cout; }

    std::unique_ptr<std::ofstream> open_file(const std::string& path) const {
        auto f = std::make_unique<std::ofstream>(path, std::ios::binary);
        if (!*f) throw std::runtime_error(say("kan ikke skrive ", "cannot write ") + path);
        return f;
    }

    void batch(const Writer* w, std::ostream& os, const Report& r) {
        if (!started_[w] && w->batch_header) w->batch_header(os, wo_);
        started_[w] = true;
        w->batch_item(os, r, wo_);
    }

    void put_in_folder(const std::string& file, const Report& r, const std::string& duplicate_of) {
        const std::string stem = unique_stem(file, used_);
        bool html = false, whole_batch = false;
        for (const Writer* w : writers_) {
            html = html || w->name == std::string("html");
            if (w->batch_file) {
                whole_batch = true;
            } else if (w->batch_item) {
                auto& f = shared_[w];
                if (!f) f = open_file((fs::path(opts_.out) / (std::string("plantjek.") + w->extension)).string());
                batch(w, *f, r);
            } else {
                auto f = open_file((fs::path(opts_.out) / (stem + "." + w->extension)).string());
                w->write(*f, r, wo_);
            }
        }
        if (many_ || whole_batch) overview_.push_back({r, html ? stem + ".html" : "", duplicate_of});
    }

    const CheckOptions& opts_;
    std::vector<const Writer*> writers_;
    WriterOptions wo_;
    bool to_dir_, many_, json_array_ = false;
    std::unique_ptr<std::ofstream> single_;
    std::map<const Writer*, std::unique_ptr<std::ofstream>> shared_;  // one file per batch format (csv, jsonl)
    std::map<const Writer*, bool> started_;
    std::map<std::string, int> used_;
    std::vector<OverviewEntry> overview_;
    std::size_t count_ = 0;
};

}  // namespace

namespace {

// --annotate: a copy of the input with the findings as comments, next to
// the input or in the -o folder. Formats that cannot carry comments are
// told so. Returns false when the copy could not be written.
bool write_annotated(const CommonOptions& common, const CheckOptions& opts, const std::string& file, const Report& r,
                     const std::string& folder) {
    const bool da = common.lang == Lang::da;
    if (r.status == Status::unreadable) return true;  // already told
    const Annotator* a = find_annotator(r.format);
    if (!a) {
        std::string fmt = r.format.empty() ? "denne" : r.format;
        for (char& c : fmt) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        std::cerr << "plantjek: " << file << ": "
                  << (da ? fmt + "-filer kan ikke indeholde kommentarer; se rapporten i stedet."
                         : fmt + " files cannot carry comments; see the report instead.")
                  << "\n";
        return true;
    }
    AnnotateOptions ao;
    ao.spelling = opts.annotate == "spelling";
    ao.lang = common.lang;
    ao.limits = opts.read.limits;
    const std::string out = annotated_path(file, folder);
    try {
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Notes notes = notes_for(r, ao);
        std::string annotated = a->annotate(bytes, notes, ao);
        std::ofstream os(out, std::ios::binary | std::ios::trunc);
        os << annotated;
        if (!os.flush()) throw std::runtime_error(da ? "kan ikke skrive " + out : "cannot write " + out);
        if (!common.quiet)
            std::cerr << "plantjek: " << (da ? "skrev " : "wrote ") << out << " (" << notes.placed.size() + 1
                      << (da ? " kommentarer)" : " comments)") << "\n";
        return true;
    } catch (const ReadError& e) {
        std::cerr << "plantjek: " << file << ": " << e.message(common.lang) << "\n";
    } catch (const std::runtime_error& e) {
        std::cerr << "plantjek: " << file << ": " << e.what() << "\n";
    }
    return false;
}

}  // namespace

int run_check(const CommonOptions& common, const CheckOptions& opts) {
    auto writers = resolve_writers(opts.format, common.lang);
    if (!writers) return exit_code::usage;
    if (!check_inputs(opts, common.lang)) return exit_code::usage;
    CheckSession session(opts);
    session.start_loading();  // Hunspell, beside the profiles and the first file's reading
    if (!validate_profile_options(session, opts, common.lang)) return exit_code::usage;

    WriterOptions wo;
    wo.lang = common.lang;
    wo.excel_csv = opts.csv_dialect == "excel";
    wo.sender_name = opts.sender_name;
    wo.sender_contact = opts.sender_contact;
    wo.color = opts.color == "always" || (opts.color == "auto" && opts.out.empty() && ::isatty(STDOUT_FILENO));
    const bool text_on_screen = opts.out.empty() && (*writers)[0]->name == std::string("text");
    ReportSink sink(opts, *writers, wo);
    if (auto problem = sink.problem(common.lang); !problem.empty()) {
        usage_error(problem);
        return exit_code::usage;
    }
    try {
        sink.open();
    } catch (const std::runtime_error& e) {
        usage_error(e.what());
        return exit_code::usage;
    }
    BatchTally tally;
    bool annotate_failed = false;
    DuplicateFinder duplicates;
    for (const auto& file : opts.files) {
        Report r = session.check(file);
        if (r.status == Status::unreadable && !common.quiet && (sink.to_folder() || !text_on_screen))
            std::cerr << "plantjek: " << file << ": " << pick(r.error->message, common.lang) << "\n";
        const std::string duplicate_of = duplicates.add(r);
        tally.count(r, opts.fail_on, duplicate_of);
        if (!opts.annotate.empty() && !write_annotated(common, opts, file, r, sink.to_folder() ? opts.out : ""))
            annotate_failed = true;
        sink.put(file, r, duplicate_of);
    }
    try {
        sink.finish();
    } catch (const std::runtime_error& e) {
        std::cerr << "plantjek: " << e.what() << "\n";
        return exit_code::usage;
    }
    // A batch ends with its counts, on stderr: stdout may be the reports.
    if (opts.files.size() > 1 && !common.quiet)
        std::cerr << "plantjek check: " << opts.files.size() << (common.lang == Lang::da ? " filer: " : " files: ")
                  << tally.line(common.lang) << "\n";
    if (tally.unreadable || annotate_failed) return exit_code::unreadable;
    return tally.failing ? exit_code::findings : exit_code::ok;
}

}  // namespace plantjek
