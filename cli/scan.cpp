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
#include <set>
#include <sstream>
#include <thread>

#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/store.h"
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

// Decides whether a file found in a directory is a candidate plan. Returns
// "" to take it, else why not (English; *da gets the Danish).
std::string why_not_plan(const fs::path& p, std::string* da) {
    std::string ext = lower(p.extension().string());
    if (ext == ".pdf" || ext == ".docx" || ext == ".odt" || ext == ".doc" || ext == ".rtf") return "";
    std::string head = read_file(p.string(), 8192);
    std::string what;
    Format f = sniff_format(head, &what);
    if (f == Format::pdf || f == Format::docx || f == Format::odt || f == Format::doc || f == Format::rtf) return "";
    if (f == Format::txt) {
        if (ext == ".txt" || ext == ".text") return "";
        *da = "tekstfil uden endelsen .txt";
        return "a text file not named .txt";
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

int run_scan(const CommonOptions& common, const CheckOptions& check_in, ScanOptions so) {
    const bool da = common.lang == Lang::da;
    auto say = [&](const std::string& d, const std::string& e) -> const std::string& { return da ? d : e; };
    CheckOptions check = check_in;
    check.read.password = common.password;
    check.read.limits = common.limits;
    if (so.jobs <= 0) so.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (so.db.empty() && so.out.empty()) so.db = "plantjek.db";
    so.formats = split_format_list(check.format);
    if (so.formats.empty()) so.formats = {"json"};
    for (const auto& f : so.formats)
        if (!find_writer(f)) {
            std::cerr << "plantjek: " << say("ukendt format: ", "unknown format: ") << f << "\n";
            return exit_code::usage;
        }
    // A mistyped path is a usage error before the database is opened: it
    // stores nothing (cli/inputs.h).
    bool paths_ok = true;
    for (const auto& p : so.paths)
        if (auto problem = input_problem(p, InputKind::file_or_folder, common.lang)) {
            std::cerr << "plantjek: " << *problem << "\n";
            paths_ok = false;
        }
    if (!paths_ok) return exit_code::usage;
    for (const auto& f : check.word_lists)
        if (!fs::is_regular_file(f)) {
            std::cerr << "plantjek: " << say("ordlisten findes ikke: ", "no such word list: ") << f << "\n";
            return exit_code::usage;
        }

    // Profiles: validated here once (a bad --profile or --rules is a usage
    // error, not 200 unreadable files), and their versions for the store.
    // The same session, prepared, is what the workers inherit (cli/worker.h).
    std::map<std::string, std::string> versions;  // profile id → profile_version
    CheckSession session(check);
    session.start_loading();  // Hunspell, beside the profiles, the database and the walk
    {
        try {
            bool found = check.profile.empty() || fs::is_regular_file(check.profile);
            std::string known;
            for (const auto& p : session.profiles()) {
                Profile copy = p;
                for (const auto& f : check.rules_files) add_rules_file(copy, f);
                versions[p.id] = profile_version(copy.source_files);
                known += (known.empty() ? "" : ", ") + p.id;
                if (p.id == check.profile) found = true;
            }
            if (!found) {
                std::cerr << "plantjek: " << say("ukendt profil '", "unknown profile '") << check.profile
                          << say("'; kendte profiler: ", "'; known profiles: ") << known << "\n";
                return exit_code::usage;
            }
            validate_waivers(check.report.waivers, session.profiles(), check.rules_files);
        } catch (const ProfileError& e) {
            std::cerr << "plantjek: " << e.what() << "\n";
            return exit_code::usage;
        } catch (const ConfigError& e) {
            std::cerr << "plantjek: " << e.message(common.lang) << "\n";
            return exit_code::usage;
        }
    }
    const std::string options_key = check_options_key(check);
    CheckStamp stamp_base{PLANTJEK_VERSION, "", options_key};

    std::unique_ptr<Store> store;
    if (!so.db.empty()) {
        try {
            store = std::make_unique<Store>(so.db);
        } catch (const StoreError& e) {
            std::cerr << "plantjek: " << say("databasen kan ikke bruges: ", "cannot use the database: ") << e.what()
                      << "\n";
            return exit_code::usage;
        }
    }
    if (!so.out.empty()) {
        std::error_code ec;
        fs::create_directories(so.out, ec);
        if (!fs::is_directory(so.out)) {
            std::cerr << "plantjek: " << say("kan ikke oprette mappen ", "cannot create the directory ") << so.out << "\n";
            return exit_code::usage;
        }
    }

    WalkResult walk = walk_paths(so.paths);
    if (!common.quiet)
        for (std::size_t i = 0; i < walk.ignored.size(); ++i)
            std::cerr << "plantjek: " << walk.ignored[i].first << ": "
                      << say("ikke en plan, sprunget over (" + walk.ignored_da[i].second + ")",
                             "not a plan, skipped (" + walk.ignored[i].second + ")")
                      << "\n";

    const auto& files = walk.files;
    auto out_paths = [&](const ScanFile& f) {
        std::vector<fs::path> v;
        for (const auto& fmt : so.formats) v.push_back(fs::path(so.out) / (f.out_name + "." + out_ext(fmt)));
        return v;
    };

    // Counters for progress and summary.
    std::size_t checked = 0, skipped = 0, done = 0, conformant = 0, nonconformant = 0, not_plans = 0,
                unreadable = 0, failing = 0;
    long long pages = 0;
    std::map<std::string, int> reasons;
    auto count_status = [&](const Report& r) {
        if (r.status == Status::conformant) ++conformant;
        else if (r.status == Status::nonconformant) ++nonconformant;
        else if (r.status == Status::not_a_plan) ++not_plans;
        else {
            ++unreadable;
            ++reasons[r.error && !r.error->kind.empty() ? r.error->kind : "?"];
        }
        if (fails(r, check.fail_on)) ++failing;
    };

    const bool progress = !common.quiet && ::isatty(2);
    const auto t0 = std::chrono::steady_clock::now();
    auto last_draw = t0 - std::chrono::seconds(1);
    auto draw = [&](bool force) {
        if (!progress) return;
        auto now = std::chrono::steady_clock::now();
        if (!force && now - last_draw < std::chrono::milliseconds(200)) return;
        last_draw = now;
        double secs = std::chrono::duration<double>(now - t0).count();
        double rate = secs > 0.5 && checked ? checked / secs : 0;
        std::size_t left = files.size() - done;
        std::string line = "\r" + std::to_string(done) + "/" + std::to_string(files.size()) +
                           say(" filer", " files");
        if (rate > 0) {
            line += " · " + fmt1(rate) + say(" filer/s", " files/s");
            if (left) line += " · " + say("ca. ", "about ") + duration(left / rate, common.lang) + say(" tilbage", " left");
        }
        if (unreadable) line += " · " + std::to_string(unreadable) + say(" ulæselige", " unreadable");
        std::cerr << line << "\x1b[K" << std::flush;
    };

    PoolOptions po;
    po.session = &session;
    po.jobs = so.jobs;
    po.timeout_s = so.timeout_s;
    po.max_memory_mb = so.max_memory_mb;
    po.check = check;
    WorkerPool pool(po);

    WriterOptions wo;
    wo.lang = common.lang;
    wo.color = check.color == "always";  // reports are files: colour only when asked for
    bool write_failed = false;
    auto handle = [&](const ScanFile& f, const Report& r) {
        ++checked;
        ++done;
        pages += r.pages;
        count_status(r);
        if (store) {
            CheckStamp stamp = stamp_base;
            if (!r.profile.empty()) stamp.profile_version = versions.count(r.profile) ? versions[r.profile] : "";
            try {
                store->put(r, stamp, utc_now());
            } catch (const StoreError& e) {
                std::cerr << "\r\x1b[K" << "plantjek: " << so.db << ": " << e.what() << "\n";
                write_failed = true;
            }
        }
        if (!so.out.empty()) {
            std::size_t i = 0;
            for (const auto& p : out_paths(f)) {
                std::error_code ec;
                fs::create_directories(p.parent_path(), ec);
                std::ofstream os(p, std::ios::binary);
                find_writer(so.formats[i++])->write(os, r, wo);
                if (!os) {
                    std::cerr << "\r\x1b[K" << "plantjek: " << say("kan ikke skrive ", "cannot write ") << p.string() << "\n";
                    write_failed = true;
                }
            }
        }
        if (!common.quiet && r.status == Status::unreadable) {
            if (progress) std::cerr << "\r\x1b[K";
            std::cerr << "plantjek: " << r.path << ": " << pick(r.error->message, common.lang) << "\n";
        }
    };

    // Largest files first: with several workers, a 200-page plan started
    // last would leave the others idle at the end (longest-processing-time
    // first). Which worker checks a file does not change its result.
    std::vector<std::size_t> order(files.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (so.jobs > 1) {
        std::vector<std::uintmax_t> size(files.size(), 0);
        for (std::size_t i = 0; i < files.size(); ++i) {
            std::error_code ec;
            auto n = fs::file_size(files[i].path, ec);
            size[i] = ec ? 0 : n;
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
    }
    std::size_t next = 0;
    // Two copies of one file are not checked at the same time: the second
    // waits for the first, and then finds the first's spelling suggestions
    // already made (workers share them, cli/worker.h) instead of working
    // them out a second time beside it. Archives hold copies; so does the
    // benchmark set.
    std::multiset<std::string> busy_sha;
    std::vector<std::string> sha_of(files.size());
    // Files read, hashed and looked up, not yet handed out (file index,
    // base), in order. The parent keeps a few ready while the workers are
    // busy, so that one that finishes gets its next path at once.
    std::deque<std::pair<std::size_t, Report>> queued;
    const std::size_t read_ahead = static_cast<std::size_t>(so.jobs);
    // Reads, hashes and looks up the next file: queued, or counted as
    // skipped when it is unchanged since the last scan. false: none left.
    auto prepare_next = [&]() -> bool {
        if (next >= files.size()) return false;
        const std::size_t i = order[next++];
        const ScanFile& f = files[i];
        Report base;
        base.path = f.path;
        std::error_code ec;
        auto size = fs::file_size(f.path, ec);
        if (!ec && size > check.read.limits.max_file_bytes) {
            // Too large: not read into memory here; the worker reports it (too-large).
            base.bytes = size;
        } else {
            std::string bytes = read_file(f.path);
            base.bytes = bytes.size();
            base.sha256 = bytes.empty() ? "" : sha256_hex(bytes);
            Format fmt = sniff_format(std::string_view(bytes).substr(0, 8192));
            base.format = bytes.empty() || fmt == Format::unknown ? "" : format_name(fmt);
        }
        if (store && !so.force && !base.sha256.empty()) {
            auto old = store->find(f.path);
            bool reuse = old && !old->report.empty() && old->sha256 == base.sha256 && old->tool_version == PLANTJEK_VERSION &&
                         old->options == options_key && !worker_failure(old->error_kind) &&
                         (old->profile.empty() ? old->profile_version.empty()
                                               : versions.count(old->profile) &&
                                                     versions[old->profile] == old->profile_version);
            if (reuse && !so.out.empty())
                for (const auto& p : out_paths(f))
                    if (!fs::exists(p)) reuse = false;
            Report stored;
            if (reuse) {
                try {
                    stored = report_from_json(nlohmann::ordered_json::parse(old->report), JsonTexts::both);
                } catch (const std::exception&) {
                    reuse = false;  // a stored report this build cannot read: check the file again
                }
            }
            if (reuse) {
                ++skipped;
                ++done;
                count_status(stored);
                draw(false);
                return true;
            }
        }
        queued.emplace_back(i, std::move(base));
        return true;
    };
    // Hands out files while a worker is free: the first queued file whose
    // copy is not being checked, else the next one read.
    auto feed = [&] {
        while (pool.has_free_slot()) {
            auto it = std::find_if(queued.begin(), queued.end(), [&](const auto& q) {
                return q.second.sha256.empty() || !busy_sha.count(q.second.sha256);
            });
            if (it == queued.end()) {
                if (prepare_next()) continue;
                break;
            }
            auto [i, base] = std::move(*it);
            queued.erase(it);
            sha_of[i] = base.sha256;
            if (!base.sha256.empty()) busy_sha.insert(base.sha256);
            pool.submit(i, std::move(base));
        }
    };
    auto finished = [&](const std::vector<WorkerPool::Result>& results) {
        for (const auto& res : results)
            if (auto it = busy_sha.find(sha_of[res.tag]); it != busy_sha.end()) busy_sha.erase(it);
    };
    try {
        while (next < files.size() || pool.in_flight() || !queued.empty()) {
            feed();
            auto results = pool.wait(200);
            finished(results);
            feed();  // the freed workers get their next file before the parent stores this one
            // Storing a report takes about a millisecond: a worker that
            // finishes meanwhile is given its next file before the next one.
            for (std::size_t k = 0; k < results.size(); ++k) {
                handle(files[results[k].tag], results[k].report);
                auto more = pool.wait(0);
                if (more.empty()) continue;
                finished(more);
                feed();
                for (auto& m : more) results.push_back(std::move(m));
            }
            // Read ahead while every worker is busy (a few files at a time:
            // a long run of unchanged files must not keep finished workers waiting).
            for (int k = 0; k < 4 && !pool.has_free_slot() && queued.size() < read_ahead; ++k)
                if (!prepare_next()) break;
            draw(false);
        }
        pool.shutdown();
    } catch (const DictionaryMissing&) {
        if (progress) std::cerr << "\r\x1b[K";
        throw;  // main says it, as for every command
    } catch (const std::exception& e) {
        if (progress) std::cerr << "\r\x1b[K";
        std::cerr << "plantjek: " << say("intern fejl: ", "internal error: ") << e.what() << "\n";
        return exit_code::usage;
    }
    if (progress) std::cerr << "\r\x1b[K" << std::flush;

    // The summary (stdout).
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::ostringstream s;
    s << say("plantjek scan: ", "plantjek scan: ") << files.size() << say(" filer: ", " files: ") << checked
      << say(" kontrolleret, ", " checked, ") << skipped << say(" uændrede (sprunget over)", " unchanged (skipped)");
    if (!walk.ignored.empty()) s << ", " << walk.ignored.size() << say(" ikke planer (ignoreret)", " not plans (ignored)");
    s << "\n  " << say("konforme: ", "conformant: ") << conformant << say(", ikke-konforme: ", ", nonconformant: ")
      << nonconformant << say(", ikke beskæftigelsesplaner: ", ", not employment plans: ") << not_plans
      << say(", ulæselige: ", ", unreadable: ") << unreadable;
    if (!reasons.empty()) {
        s << " (";
        bool first = true;
        for (const auto& [k, n] : reasons) {
            s << (first ? "" : ", ") << k << " " << n;
            first = false;
        }
        s << ")";
    }
    s << "\n  " << say("tid: ", "time: ") << fmt1(secs) << " s";
    if (checked && secs > 0)
        s << " (" << fmt1(checked / secs) << say(" planer/s, ", " plans/s, ") << fmt1(pages / secs)
          << say(" sider/s", " pages/s") << ")";
    s << ", --jobs " << so.jobs;
    if (pool.peak_rss_kb())
        s << say("; største hukommelsesforbrug i en arbejdsproces: ", "; peak memory of a worker: ")
          << (pool.peak_rss_kb() + 512) / 1024 << " MB";
    s << "\n";
    std::cout << s.str() << std::flush;  // the result of a scan, printed even with -q

    if (write_failed) return exit_code::usage;
    if (unreadable) return exit_code::unreadable;
    if (failing) return exit_code::findings;
    return exit_code::ok;
}

}  // namespace plantjek
