// plantjek scan (see scan.h).
#include "cli/scan.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/store.h"
#include "cli/tally.h"
#include "cli/worker.h"
#include "cli/writers/writer.h"
#include "extractor/lexicon.h"
#include "extractor/reader.h"
#include "report/json.h"

namespace plantjek {

namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path, std::size_t max = std::string::npos) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return {};
    if (max == std::string::npos) {
        std::ostringstream ss;
        ss << f.rdbuf();
        return ss.str();
    }
    std::string s(max, '\0');
    f.read(s.data(), static_cast<std::streamsize>(max));
    s.resize(static_cast<std::size_t>(f.gcount()));
    return s;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool hidden(const fs::path& p) {
    auto n = p.filename().string();
    return !n.empty() && n[0] == '.' && n != "." && n != "..";
}

// Decides whether a file found in a directory is a candidate plan, by the
// reader registry (extractor/reader.h): named as a format that is taken by
// content, or with such content; text only with a text extension. Returns
// "" to take it, else why not (English; *da gets the Danish).
std::string why_not_plan(const fs::path& p, std::string* da) {
    const std::string ext = lower(p.extension().string());
    auto named = [&](const ReaderInfo& r) { return std::find(r.extensions.begin(), r.extensions.end(), ext) != r.extensions.end(); };
    for (const auto& r : readers())
        if (r.by_content && named(r)) return "";
    std::string what;
    const Format f = sniff_format(read_file(p.string(), 8192), &what);
    if (const ReaderInfo* r = reader_for(f)) {
        if (r->by_content || named(*r)) return "";
        std::string exts;
        for (const auto& e : r->extensions) exts += (exts.empty() ? "" : "/") + e;
        *da = std::string(r->label) + "fil uden endelsen " + exts;
        return std::string("a ") + (f == Format::txt ? "text" : format_name(f)) + " file not named " + exts;
    }
    *da = what.empty() ? "ukendt format" : what;
    return what.empty() ? "unknown format" : what;
}

std::string out_ext(const std::string& fmt) {
    const Writer* w = find_writer(fmt);
    return w ? w->extension : fmt;
}

std::string fmt1(double x) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", x);
    return b;
}

std::string duration(double s, Lang lang) {
    long t = std::lround(s);
    if (t < 60) return std::to_string(t) + " s";
    if (t < 3600) return std::to_string(t / 60) + (lang == Lang::da ? " min " : " min ") + std::to_string(t % 60) + " s";
    return std::to_string(t / 3600) + " t " + std::to_string((t % 3600) / 60) + " min";
}

bool worker_failure(const std::string& kind) { return kind == "crash" || kind == "timeout" || kind == "out-of-memory"; }

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths) {
    WalkResult w;
    std::set<std::string> seen, names;
    std::vector<ScanFile> found;
    for (const auto& arg : paths) {
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            fs::path root(arg);
            std::string root_name = fs::weakly_canonical(root, ec).filename().string();
            if (root_name.empty()) root_name = "root";
            // Directory symlinks are not followed (no follow_directory_symlink): no loops.
            fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
            std::vector<std::pair<std::string, std::string>> here;
            for (; !ec && it != end; it.increment(ec)) {
                const fs::path& p = it->path();
                if (hidden(p)) {
                    if (it->is_directory(ec) && !it->is_symlink(ec)) it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file(ec)) continue;  // directories, sockets, symlinks to directories
                std::string da;
                std::string why = why_not_plan(p, &da);
                if (!why.empty()) {
                    w.ignored.push_back({p.string(), why});
                    w.ignored_da.push_back({p.string(), da});
                    continue;
                }
                here.push_back({p.string(), (fs::path(root_name) / p.lexically_relative(root)).string()});
            }
            for (auto& [p, n] : here) found.push_back({p, n});
        } else {
            // A file named on the command line is always checked (run_scan has refused a missing one).
            found.push_back({arg, fs::path(arg).filename().string()});
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const ScanFile& a, const ScanFile& b) { return a.path < b.path; });
    for (auto& f : found) {
        if (!seen.insert(f.path).second) continue;
        // Two inputs with the same report name (same directory name given twice): keep both.
        std::string name = f.out_name;
        for (int k = 2; !names.insert(name).second; ++k) name = f.out_name + "~" + std::to_string(k);
        f.out_name = name;
        w.files.push_back(f);
    }
    std::sort(w.ignored.begin(), w.ignored.end());
    std::sort(w.ignored_da.begin(), w.ignored_da.end());
    return w;
}

std::string check_options_key(const CheckOptions& c) {  // c.read must be filled (ocr)
    std::string rules, words;
    for (const auto& f : c.rules_files) rules += sha256_hex(read_file(f)).substr(0, 16) + ";";
    for (const auto& f : c.word_lists) words += sha256_hex(read_file(f)).substr(0, 16) + ";";
    std::string k = "profile=" + c.profile + " year=" + std::to_string(c.year) +
                    " stage=" + (c.report.stage_given ? stage_name(c.report.stage) : "auto") +
                    " ocr=" + (c.read.ocr == OcrMode::always ? "always" : c.read.ocr == OcrMode::never ? "never" : "auto") +
                    " spelling=" + (c.spelling ? "1" : "0") + " suggestions=" + (c.suggestions ? "1" : "0");
    if (c.report.spelling_errors) k += " spelling-severity=error";
    if (!rules.empty()) k += " rules=" + rules;
    if (!words.empty()) k += " words=" + words;
    if (!c.report.waivers.empty()) {
        std::string w;
        for (const auto& x : c.report.waivers) w += x.requirement + "|" + x.kommune + "|" + std::to_string(x.year) + "|" + x.reason + "\n";
        k += " waivers=" + sha256_hex(w).substr(0, 16);
    }
    if (!c.profile.empty() && fs::is_regular_file(c.profile)) k += " profile-file=" + sha256_hex(read_file(c.profile)).substr(0, 16);
    return k;
}

std::string profile_version(const std::vector<std::string>& source_files) {
    std::string all;
    for (const auto& f : source_files) {
        all += sha256_hex(read_file(f));
        all += '\n';
    }
    return sha256_hex(all).substr(0, 16);
}

namespace {

// The progress line on a terminal's stderr: files done, rate, time left.
class Progress {
public:
    Progress(bool on, std::size_t total, Lang lang) : on_(on), total_(total), lang_(lang) {}
    void draw(std::size_t done, std::size_t checked, std::size_t unreadable, bool force = false) {
        if (!on_) return;
        auto now = std::chrono::steady_clock::now();
        if (!force && now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        const double secs = seconds();
        const double rate = secs > 0.5 && checked ? checked / secs : 0;
        const std::size_t left = total_ - done;
        std::string line = "\r" + std::to_string(done) + "/" + std::to_string(total_) + say(" filer", " files");
        if (rate > 0) {
            line += " · " + fmt1(rate) + say(" filer/s", " files/s");
            if (left) line += " · " + say("ca. ", "about ") + duration(left / rate, lang_) + say(" tilbage", " left");
        }
        if (unreadable) line += " · " + std::to_string(unreadable) + say(" ulæselige", " unreadable");
        std::cerr << line << "\x1b[K" << std::flush;
    }
    void clear() const {
        if (on_) std::cerr << "\r\x1b[K" << std::flush;
    }
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count(); }

private:
    std::string say(const char* da, const char* en) const { return lang_ == Lang::da ? da : en; }
    bool on_;
    std::size_t total_;
    Lang lang_;
    std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now(), last_ = t0_ - std::chrono::seconds(1);
};

// Largest files first: with several workers, a 200-page plan started last
// would leave the others idle at the end (longest-processing-time first).
// Which worker checks a file does not change its result.
std::vector<std::size_t> largest_first(const std::vector<ScanFile>& files, int jobs) {
    std::vector<std::size_t> order(files.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (jobs <= 1) return order;
    std::vector<std::uintmax_t> size(files.size(), 0);
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        auto n = fs::file_size(files[i].path, ec);
        size[i] = ec ? 0 : n;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
    return order;
}

// One scan: the options checked, the store and folder opened, the files
// walked, handed to the workers and their reports stored and written.
class ScanRun {
public:
    ScanRun(const CommonOptions& common, const CheckOptions& check, ScanOptions so)
        : common_(common), check_(with_read_options(check, common)), so_(std::move(so)), session_(check_) {}

    int run() {
        if (int rc = validate()) return rc;
        if (int rc = open_outputs()) return rc;
        walk_ = walk_paths(so_.paths);
        report_ignored();
        order_ = largest_first(walk_.files, so_.jobs);
        sha_of_.assign(walk_.files.size(), "");
        progress_ = std::make_unique<Progress>(!common_.quiet && ::isatty(2), walk_.files.size(), common_.lang);
        PoolOptions po;
        po.session = &session_;
        po.jobs = so_.jobs;
        po.timeout_s = so_.timeout_s;
        po.max_memory_mb = so_.max_memory_mb;
        po.check = check_;
        WorkerPool pool(po);
        pool_ = &pool;
        try {
            loop();
            pool.shutdown();
        } catch (const DictionaryMissing&) {
            progress_->clear();
            throw;  // main says it, as for every command
        } catch (const std::exception& e) {
            progress_->clear();
            std::cerr << "plantjek: " << say("intern fejl: ", "internal error: ") << e.what() << "\n";
            return exit_code::usage;
        }
        progress_->clear();
        print_summary();
        if (write_failed_) return exit_code::usage;
        if (tally_.unreadable) return exit_code::unreadable;
        return tally_.failing ? exit_code::findings : exit_code::ok;
    }

private:
    std::string say(const char* da, const char* en) const { return common_.lang == Lang::da ? da : en; }

    // Formats, paths, word lists, profiles and waivers: a usage error
    // before anything is opened or stored.
    // The password and size limit reach the session, and so the workers.
    static CheckOptions with_read_options(CheckOptions check, const CommonOptions& common) {
        check.read.password = common.password;
        check.read.limits = common.limits;
        return check;
    }

    int validate() {
        if (so_.jobs <= 0) so_.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        if (so_.db.empty() && so_.out.empty()) so_.db = "plantjek.db";
        so_.formats = split_format_list(check_.format);
        if (so_.formats.empty()) so_.formats = {"json"};
        for (const auto& f : so_.formats)
            if (!find_writer(f)) {
                std::cerr << "plantjek: " << say("ukendt format: ", "unknown format: ") << f << "\n";
                return exit_code::usage;
            }
        // A mistyped path stores nothing (cli/inputs.h).
        bool paths_ok = true;
        for (const auto& p : so_.paths)
            if (auto problem = input_problem(p, InputKind::file_or_folder, common_.lang)) {
                std::cerr << "plantjek: " << *problem << "\n";
                paths_ok = false;
            }
        if (!paths_ok) return exit_code::usage;
        for (const auto& f : check_.word_lists)
            if (!fs::is_regular_file(f)) {
                std::cerr << "plantjek: " << say("ordlisten findes ikke: ", "no such word list: ") << f << "\n";
                return exit_code::usage;
            }
        // The same session, prepared, is what the workers inherit (cli/worker.h).
        session_.start_loading();  // Hunspell, beside the profiles, the database and the walk
        if (!validate_profile_options(session_, check_, common_.lang)) return exit_code::usage;
        for (const auto& p : session_.profiles()) {
            Profile copy = p;
            for (const auto& f : check_.rules_files) add_rules_file(copy, f);
            versions_[p.id] = profile_version(copy.source_files);
        }
        options_key_ = check_options_key(check_);
        return 0;
    }

    int open_outputs() {
        if (!so_.db.empty()) {
            try {
                store_ = std::make_unique<Store>(so_.db);
            } catch (const StoreError& e) {
                std::cerr << "plantjek: " << say("databasen kan ikke bruges: ", "cannot use the database: ") << e.what() << "\n";
                return exit_code::usage;
            }
        }
        if (!so_.out.empty()) {
            std::error_code ec;
            fs::create_directories(so_.out, ec);
            if (!fs::is_directory(so_.out)) {
                std::cerr << "plantjek: " << say("kan ikke oprette mappen ", "cannot create the directory ") << so_.out << "\n";
                return exit_code::usage;
            }
        }
        return 0;
    }

    void report_ignored() const {
        if (common_.quiet) return;
        for (std::size_t i = 0; i < walk_.ignored.size(); ++i)
            std::cerr << "plantjek: " << walk_.ignored[i].first << ": "
                      << (common_.lang == Lang::da ? "ikke en plan, sprunget over (" + walk_.ignored_da[i].second + ")"
                                                   : "not a plan, skipped (" + walk_.ignored[i].second + ")")
                      << "\n";
    }

    std::vector<fs::path> out_paths(const ScanFile& f) const {
        std::vector<fs::path> v;
        for (const auto& fmt : so_.formats) v.push_back(fs::path(so_.out) / (f.out_name + "." + out_ext(fmt)));
        return v;
    }

    // A worker's report: counted, stored, written.
    void handle(const ScanFile& f, const Report& r) {
        ++checked_;
        ++done_;
        pages_ += r.pages;
        tally_.count(r, check_.fail_on);
        if (store_) store(r);
        if (!so_.out.empty()) write_reports(f, r);
        if (!common_.quiet && r.status == Status::unreadable) {
            progress_->clear();
            std::cerr << "plantjek: " << r.path << ": " << pick(r.error->message, common_.lang) << "\n";
        }
    }

    void store(const Report& r) {
        CheckStamp stamp{PLANTJEK_VERSION, "", options_key_};
        if (!r.profile.empty()) stamp.profile_version = versions_.count(r.profile) ? versions_[r.profile] : "";
        try {
            store_->put(r, stamp, utc_now());
        } catch (const StoreError& e) {
            std::cerr << "\r\x1b[K" << "plantjek: " << so_.db << ": " << e.what() << "\n";
            write_failed_ = true;
        }
    }

    void write_reports(const ScanFile& f, const Report& r) {
        WriterOptions wo;
        wo.lang = common_.lang;
        wo.color = check_.color == "always";  // reports are files: colour only when asked for
        wo.sender_name = check_.sender_name;
        wo.sender_contact = check_.sender_contact;
        std::size_t i = 0;
        for (const auto& p : out_paths(f)) {
            std::error_code ec;
            fs::create_directories(p.parent_path(), ec);
            std::ofstream os(p, std::ios::binary);
            find_writer(so_.formats[i++])->write(os, r, wo);
            if (!os) {
                std::cerr << "\r\x1b[K" << "plantjek: " << say("kan ikke skrive ", "cannot write ") << p.string() << "\n";
                write_failed_ = true;
            }
        }
    }

    // The stored report of an unchanged file (same content, tool, options,
    // profile version, and its --out reports there), or nothing.
    std::optional<Report> reusable(const ScanFile& f, const Report& base) {
        if (!store_ || so_.force || base.sha256.empty()) return std::nullopt;
        auto old = store_->find(f.path);
        bool reuse = old && !old->report.empty() && old->sha256 == base.sha256 && old->tool_version == PLANTJEK_VERSION &&
                     old->options == options_key_ && !worker_failure(old->error_kind) &&
                     (old->profile.empty() ? old->profile_version.empty()
                                           : versions_.count(old->profile) && versions_[old->profile] == old->profile_version);
        if (reuse && !so_.out.empty())
            for (const auto& p : out_paths(f))
                if (!fs::exists(p)) reuse = false;
        if (!reuse) return std::nullopt;
        try {
            return report_from_json(nlohmann::ordered_json::parse(old->report), JsonTexts::both);
        } catch (const std::exception&) {
            return std::nullopt;  // a stored report this build cannot read: check the file again
        }
    }

    // Reads, hashes and looks up the next file: queued, or counted as
    // skipped when it is unchanged since the last scan. false: none left.
    bool prepare_next() {
        if (next_ >= walk_.files.size()) return false;
        const std::size_t i = order_[next_++];
        const ScanFile& f = walk_.files[i];
        Report base;
        base.path = f.path;
        std::error_code ec;
        auto size = fs::file_size(f.path, ec);
        if (!ec && size > check_.read.limits.max_file_bytes) {
            base.bytes = size;  // too large: not read into memory here; the worker reports it (too-large)
        } else {
            std::string bytes = read_file(f.path);
            base.bytes = bytes.size();
            base.sha256 = bytes.empty() ? "" : sha256_hex(bytes);
            Format fmt = sniff_format(std::string_view(bytes).substr(0, 8192));
            base.format = bytes.empty() || fmt == Format::unknown ? "" : format_name(fmt);
        }
        if (auto stored = reusable(f, base)) {
            ++skipped_;
            ++done_;
            tally_.count(*stored, check_.fail_on);
            progress_->draw(done_, checked_, tally_.unreadable);
            return true;
        }
        queued_.emplace_back(i, std::move(base));
        return true;
    }

    // Hands out files while a worker is free: the first queued file whose
    // copy is not being checked, else the next one read. Two copies of one
    // file are not checked at the same time: the second waits for the first,
    // and then finds its spelling suggestions already made (workers share
    // them, cli/worker.h). Archives hold copies; so does the benchmark set.
    void feed() {
        while (pool_->has_free_slot()) {
            auto it = std::find_if(queued_.begin(), queued_.end(), [&](const auto& q) {
                return q.second.sha256.empty() || !busy_sha_.count(q.second.sha256);
            });
            if (it == queued_.end()) {
                if (prepare_next()) continue;
                break;
            }
            auto [i, base] = std::move(*it);
            queued_.erase(it);
            sha_of_[i] = base.sha256;
            if (!base.sha256.empty()) busy_sha_.insert(base.sha256);
            pool_->submit(i, std::move(base));
        }
    }

    void finished(const std::vector<WorkerPool::Result>& results) {
        for (const auto& res : results)
            if (auto it = busy_sha_.find(sha_of_[res.tag]); it != busy_sha_.end()) busy_sha_.erase(it);
    }

    void loop() {
        const std::size_t read_ahead = static_cast<std::size_t>(so_.jobs);
        while (next_ < walk_.files.size() || pool_->in_flight() || !queued_.empty()) {
            feed();
            auto results = pool_->wait(200);
            finished(results);
            feed();  // the freed workers get their next file before the parent stores this one
            // Storing a report takes about a millisecond: a worker that
            // finishes meanwhile is given its next file before the next one.
            for (std::size_t k = 0; k < results.size(); ++k) {
                handle(walk_.files[results[k].tag], results[k].report);
                auto more = pool_->wait(0);
                if (more.empty()) continue;
                finished(more);
                feed();
                for (auto& m : more) results.push_back(std::move(m));
            }
            // Read ahead while every worker is busy (a few files at a time:
            // a long run of unchanged files must not keep finished workers waiting).
            for (int k = 0; k < 4 && !pool_->has_free_slot() && queued_.size() < read_ahead; ++k)
                if (!prepare_next()) break;
            progress_->draw(done_, checked_, tally_.unreadable);
        }
    }

    // The summary on stdout: the result of a scan, printed even with -q.
    void print_summary() const {
        const double secs = progress_->seconds();
        std::ostringstream s;
        s << "plantjek scan: " << walk_.files.size() << say(" filer: ", " files: ") << checked_
          << say(" kontrolleret, ", " checked, ") << skipped_ << say(" uændrede (sprunget over)", " unchanged (skipped)");
        if (!walk_.ignored.empty()) s << ", " << walk_.ignored.size() << say(" ikke planer (ignoreret)", " not plans (ignored)");
        s << "\n  " << tally_.line(common_.lang);
        s << "\n  " << say("tid: ", "time: ") << fmt1(secs) << " s";
        if (checked_ && secs > 0)
            s << " (" << fmt1(checked_ / secs) << say(" planer/s, ", " plans/s, ") << fmt1(pages_ / secs)
              << say(" sider/s", " pages/s") << ")";
        s << ", --jobs " << so_.jobs;
        if (pool_->peak_rss_kb())
            s << say("; største hukommelsesforbrug i en arbejdsproces: ", "; peak memory of a worker: ")
              << (pool_->peak_rss_kb() + 512) / 1024 << " MB";
        std::cout << s.str() << "\n" << std::flush;
    }

    const CommonOptions& common_;
    CheckOptions check_;
    ScanOptions so_;
    CheckSession session_;
    std::map<std::string, std::string> versions_;  // profile id → profile_version
    std::string options_key_;
    std::unique_ptr<Store> store_;
    WalkResult walk_;
    std::vector<std::size_t> order_;
    std::unique_ptr<Progress> progress_;
    WorkerPool* pool_ = nullptr;
    BatchTally tally_;
    std::size_t checked_ = 0, skipped_ = 0, done_ = 0, next_ = 0;
    long long pages_ = 0;
    bool write_failed_ = false;
    std::multiset<std::string> busy_sha_;
    std::vector<std::string> sha_of_;
    // Files read, hashed and looked up, not yet handed out (file index,
    // base), in order. The parent keeps a few ready while the workers are
    // busy, so that one that finishes gets its next path at once.
    std::deque<std::pair<std::size_t, Report>> queued_;
};

}  // namespace

int run_scan(const CommonOptions& common, const CheckOptions& check, ScanOptions so) {
    return ScanRun(common, check, std::move(so)).run();
}

}  // namespace plantjek
