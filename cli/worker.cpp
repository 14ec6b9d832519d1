// Worker processes for `plantjek scan` (see worker.h).
#include "cli/worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <limits>
#include <new>
#include <nlohmann/json.hpp>

#include "extractor/lexicon.h"
#include "report/assemble.h"
#include "report/json.h"
#include "extractor/shared_work.h"
#include "rules/spelling.h"

namespace plantjek {

namespace {

using J = nlohmann::json;

// Write all of s to fd (EINTR-safe). false when the other end is gone.
bool write_all(int fd, const std::string& s) {
    const char* p = s.data();
    std::size_t n = s.size();
    while (n) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

long self_max_rss_kb() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

// The test hook (worker.h). Does nothing unless PLANTJEK_TEST_HOOK names this path.
void test_hook(const std::string& path, std::uint64_t max_memory_mb) {
    const char* env = std::getenv("PLANTJEK_TEST_HOOK");
    if (!env || !*env) return;
    std::string spec = env;
    std::size_t pos = 0;
    while (pos <= spec.size()) {
        std::size_t end = spec.find(',', pos);
        if (end == std::string::npos) end = spec.size();
        std::string item = spec.substr(pos, end - pos);
        pos = end + 1;
        auto colon = item.find(':');
        if (colon == std::string::npos || colon + 1 >= item.size()) continue;
        std::string what = item.substr(0, colon), sub = item.substr(colon + 1);
        if (path.find(sub) == std::string::npos) continue;
        if (what == "crash") {
            ::raise(SIGSEGV);
        } else if (what == "hang") {
            for (;;) ::pause();
        } else if (what == "oom") {
            if (max_memory_mb == 0) throw std::bad_alloc();  // no limit: do not eat the machine
            std::vector<std::vector<char>> hog;
            for (;;) hog.emplace_back(64u << 20, 'x');  // throws std::bad_alloc at RLIMIT_AS
        }
    }
}

}  // namespace

std::string report_to_wire(const Report& r, long max_rss_kb) {
    nlohmann::ordered_json j;
    j["report"] = report_to_json(r, JsonTexts::both);
    j["max_rss_kb"] = max_rss_kb;
    return dump_json(j, -1);  // one line; invalid UTF-8 from a document must not stop it
}

Report report_from_wire(const std::string& line, long* max_rss_kb) {
    auto j = nlohmann::ordered_json::parse(line);
    if (max_rss_kb) *max_rss_kb = j.value("max_rss_kb", 0L);
    return report_from_json(j.at("report"), JsonTexts::both);
}

Report worker_failure_report(Report base, const std::string& kind, const std::string& detail_da,
                             const std::string& detail_en) {
    Text2 m;
    if (kind == "timeout") {
        m = {"Kontrollen af filen tog for lang tid og blev stoppet (" + detail_da + ").",
             "Checking the file took too long and was stopped (" + detail_en + ")."};
    } else if (kind == "out-of-memory") {
        m = {"Kontrollen af filen brugte for meget hukommelse og blev stoppet (" + detail_da + ").",
             "Checking the file used too much memory and was stopped (" + detail_en + ")."};
    } else {
        m = {"Programmet gik ned under læsningen af filen (" + detail_da + "); de øvrige filer er kontrolleret.",
             "The program crashed while reading the file (" + detail_en + "); the other files were checked."};
    }
    Report r = assemble_unreadable(base.path, base.sha256, base.bytes, ReportError{kind, m}, base.stage);
    r.format = base.format;
    return r;
}

// ---------------------------------------------------------------- the worker

namespace {

// Lines from a file descriptor (the worker's stdin). Not std::cin: a forked
// worker would share the parent's stdio state.
class LineReader {
public:
    explicit LineReader(int fd) : fd_(fd) {}
    bool next(std::string& line) {
        for (;;) {
            auto nl = buf_.find('\n', scanned_);
            if (nl != std::string::npos) {
                line.assign(buf_, 0, nl);
                buf_.erase(0, nl + 1);
                scanned_ = 0;
                return true;
            }
            scanned_ = buf_.size();
            char b[65536];
            ssize_t got = ::read(fd_, b, sizeof b);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) return false;
            buf_.append(b, static_cast<std::size_t>(got));
        }
    }

private:
    int fd_;
    std::string buf_;
    std::size_t scanned_ = 0;
};

// PLANTJEK_TEST_TRACE=<file> (worker.h): one line per check begun and ended.
void test_trace(const char* what, const std::string& path) {
    const char* file = std::getenv("PLANTJEK_TEST_TRACE");
    if (!file || !*file) return;
    int fd = ::open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    write_all(fd, std::string(what) + " " + std::to_string(::getpid()) + " " + path + "\n");  // one write: atomic with O_APPEND
    ::close(fd);
}

// The worker, in the forked child: paths and memos on fd 0, reports on fd 1.
// `session` was prepared by the parent before the fork.
int worker_loop(CheckSession& session, const CheckOptions& opts, std::uint64_t max_memory_mb) {
    // The protocol owns fd 1; anything a library prints goes to stderr.
    int proto = ::dup(1);
    ::dup2(2, 1);
    if (proto < 0) return 1;
    ::fcntl(proto, F_SETFD, FD_CLOEXEC);  // not for antiword (legacy_reader.cpp): a dead worker's pipe must close
#if defined(__SANITIZE_ADDRESS__)
    max_memory_mb = 0;  // AddressSanitizer reserves terabytes of address space: RLIMIT_AS would stop it at once
#endif
    if (max_memory_mb) {
        struct rlimit rl {};
        rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(max_memory_mb) << 20;
        ::setrlimit(RLIMIT_AS, &rl);
    }
    LineReader in(0);
    std::string line;
    try {
        bool share = opts.spelling && opts.suggestions;
        while (in.next(line)) {
            std::string path;
            try {
                J j = J::parse(line);
                if (j.is_object() && j.contains("memo")) {  // another worker's suggestions
                    if (share) {
                        SuggestionMemo m;
                        j["memo"].at("h").get_to(m.hunspell);
                        j["memo"].at("e").get_to(m.edits);
                        add_suggestion_memo(Lexicon::shared(), m);
                    }
                    continue;
                }
                path = j.get<std::string>();
            } catch (const std::exception&) {
                return 2;
            }
            std::string out;
            try {
                test_hook(path, max_memory_mb);
                test_trace("begin", path);
                Report r = session.check(path);
                test_trace("end", path);
                out = report_to_wire(r, self_max_rss_kb());
                if (share) {
                    SuggestionMemo m = take_suggestion_memo(Lexicon::shared());
                    if (!m.empty())
                        out = J{{"memo", {{"h", m.hunspell}, {"e", m.edits}}}}.dump(-1, ' ', false, J::error_handler_t::replace) +
                              "\n" + out;
                }
            } catch (const std::bad_alloc&) {
                return kWorkerExitOom;
            } catch (const std::exception& e) {
                Report base;
                base.path = path;
                Report r = worker_failure_report(base, "crash", std::string("intern fejl: ") + e.what(),
                                                 std::string("internal error: ") + e.what());
                out = report_to_wire(r, self_max_rss_kb());
            }
            out += '\n';
            if (!write_all(proto, out)) return 0;
        }
    } catch (const std::bad_alloc&) {
        return kWorkerExitOom;
    }
    return 0;
}

// Closes every descriptor from 3 up: the other workers' pipes (a copy of a
// sibling's stdin would keep it from ever seeing EOF) and the database.
void close_from_3() {
    if (::close_range(3, ~0U, 0) == 0) return;
    long max = ::sysconf(_SC_OPEN_MAX);
    for (int fd = 3; fd < (max > 0 ? max : 1024); ++fd) ::close(fd);
}

}  // namespace

// ---------------------------------------------------------------- the pool

WorkerPool::WorkerPool(PoolOptions opts) : opts_(std::move(opts)) {
    if (opts_.jobs < 1) opts_.jobs = 1;
    slots_.resize(static_cast<std::size_t>(opts_.jobs));
    ::signal(SIGPIPE, SIG_IGN);  // a dead worker must not kill the scan
}

WorkerPool::~WorkerPool() { shutdown(); }

bool WorkerPool::has_free_slot() const {
    for (const auto& s : slots_)
        if (!s.busy) return true;
    return false;
}

std::size_t WorkerPool::in_flight() const {
    std::size_t n = 0;
    for (const auto& s : slots_) n += s.busy;
    return n;
}

void WorkerPool::start(Slot& s) {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    }
    if (!prepared_) {
        // Once, in the parent: every worker forked from here on starts with
        // the profiles, Hunspell and the word lists in memory.
        if (!opts_.session) {
            own_session_ = std::make_unique<CheckSession>(opts_.check);
            opts_.session = own_session_.get();
        }
        opts_.session->prepare();
        // Two or more workers with suggestions: they split the words they
        // share instead of each working all of them out.
        if (opts_.jobs > 1 && opts_.check.spelling && opts_.check.suggestions && shared_work::enable(kSharedWorkBytes))
            Lexicon::shared().set_work_share(shared_work::table_share());
        prepared_ = true;
    }
    std::fflush(nullptr);
    std::cout.flush();
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid == 0) {
        // The child: nothing here may return into the parent's code, and
        // nothing may touch the parent's database or stdio (hence _exit).
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a killed scan leaves no workers behind
        if (::getppid() != parent) ::_exit(1);
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        const char* keep = std::getenv("PLANTJEK_WORKER_STDERR");
        if (!keep || std::string(keep) != "1") {
            int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) ::dup2(null, 2);
        }
        close_from_3();
        int rc = 1;
        try {
            rc = worker_loop(*opts_.session, opts_.check, opts_.max_memory_mb);
        } catch (...) {
        }
        ::_exit(rc);
    }
    int err = errno;
    ::close(in[0]);
    ::close(out[1]);
    if (pid < 0) {
        ::close(in[1]);
        ::close(out[0]);
        throw std::runtime_error(std::string("cannot start a worker: ") + std::strerror(err));
    }
    s.pid = pid;
    s.in = in[1];
    s.out = out[0];
    s.buf.clear();
    s.memo_sent = 0;
}

void WorkerPool::reap(Slot& s, bool kill_it, int* status) {
    if (s.in >= 0) ::close(s.in);
    if (kill_it && s.pid > 0) ::kill(s.pid, SIGKILL);
    int st = 0;
    if (s.pid > 0) {
        struct rusage ru {};
        while (::wait4(s.pid, &st, 0, &ru) < 0 && errno == EINTR) {
        }
        if (ru.ru_maxrss > peak_rss_kb_) peak_rss_kb_ = ru.ru_maxrss;
    }
    if (s.out >= 0) ::close(s.out);
    if (status) *status = st;
    s.pid = -1;
    s.in = s.out = -1;
    s.buf.clear();
}

WorkerPool::Result WorkerPool::fail(Slot& s, const std::string& kind, const std::string& da, const std::string& en) {
    Result r{s.tag, worker_failure_report(s.base, kind, da, en)};
    s.busy = false;
    s.base = Report{};
    return r;
}

void WorkerPool::submit(std::size_t tag, Report base) {
    for (auto& s : slots_) {
        if (s.busy) continue;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (s.pid < 0) start(s);
            std::string line;
            std::size_t me = static_cast<std::size_t>(&s - slots_.data());
            for (; s.memo_sent < memo_log_.size(); ++s.memo_sent)
                if (memo_log_[s.memo_sent].first != me) line += memo_log_[s.memo_sent].second;
            line += nlohmann::json(base.path).dump(-1, ' ', false, J::error_handler_t::replace) + "\n";
            if (write_all(s.in, line)) break;
            reap(s, true, nullptr);  // died while idle: start a fresh one
        }
        s.busy = true;
        s.tag = tag;
        s.base = std::move(base);
        s.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opts_.timeout_s > 0 ? opts_.timeout_s : 1000000000);
        return;
    }
    throw std::logic_error("WorkerPool::submit without a free slot");
}

std::vector<WorkerPool::Result> WorkerPool::wait(int wait_ms) {
    std::vector<Result> done;
    auto now = std::chrono::steady_clock::now();
    // Time limits first.
    for (auto& s : slots_)
        if (s.busy && now >= s.deadline) {
            reap(s, true, nullptr);
            std::string secs = std::to_string(opts_.timeout_s) + " s";
            done.push_back(fail(s, "timeout", "grænsen er " + secs, "the limit is " + secs));
        }
    if (!done.empty()) return done;

    std::vector<pollfd> fds;
    std::vector<Slot*> who;
    auto next_deadline = now + std::chrono::milliseconds(wait_ms);
    for (auto& s : slots_)
        if (s.busy) {
            fds.push_back({s.out, POLLIN, 0});
            who.push_back(&s);
            if (s.deadline < next_deadline) next_deadline = s.deadline;
        }
    if (fds.empty()) return done;
    int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(next_deadline - now).count());
    if (ms < 0) ms = 0;
    int n = ::poll(fds.data(), fds.size(), wait_ms > 0 ? ms + 1 : 0);  // +1: not awake just before a deadline
    if (n <= 0) return done;
    for (std::size_t i = 0; i < fds.size(); ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        Slot& s = *who[i];
        char buf[65536];
        ssize_t got = ::read(s.out, buf, sizeof buf);
        if (got < 0 && errno == EINTR) continue;
        if (got > 0) {
            s.buf.append(buf, static_cast<std::size_t>(got));
            auto nl = s.buf.find('\n');
            // Suggestion memos come before the report: kept for the other workers.
            while (nl != std::string::npos && s.buf.compare(0, 8, "{\"memo\":") == 0) {
                if (memo_bytes_ < kMemoLogLimit) {
                    memo_bytes_ += nl + 1;
                    memo_log_.emplace_back(static_cast<std::size_t>(&s - slots_.data()), s.buf.substr(0, nl + 1));
                }
                s.buf.erase(0, nl + 1);
                nl = s.buf.find('\n');
            }
            if (nl == std::string::npos) continue;
            std::string line = s.buf.substr(0, nl);
            s.buf.erase(0, nl + 1);
            long rss = 0;
            try {
                Report r = report_from_wire(line, &rss);
                if (rss > peak_rss_kb_) peak_rss_kb_ = rss;
                r.path = s.base.path;
                done.push_back({s.tag, std::move(r)});
                s.busy = false;
                s.base = Report{};
            } catch (const std::exception& e) {
                reap(s, true, nullptr);
                done.push_back(fail(s, "crash", std::string("ugyldigt svar: ") + e.what(),
                                    std::string("invalid answer: ") + e.what()));
            }
            continue;
        }
        // EOF or error: the worker died with the file in its hands.
        int st = 0;
        reap(s, false, &st);
        if (WIFEXITED(st) && WEXITSTATUS(st) == kWorkerExitOom) {
            std::string mb = std::to_string(opts_.max_memory_mb) + " MB";
            done.push_back(fail(s, "out-of-memory", "grænsen er " + mb, "the limit is " + mb));
        } else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) {
            done.push_back(fail(s, "out-of-memory", "stoppet af systemet (SIGKILL)", "killed by the system (SIGKILL)"));
        } else if (WIFSIGNALED(st)) {
            std::string sig = std::string("signal ") + std::to_string(WTERMSIG(st)) + ", " + ::strsignal(WTERMSIG(st));
            done.push_back(fail(s, "crash", sig, sig));
        } else {
            std::string code = "exit code " + std::to_string(WIFEXITED(st) ? WEXITSTATUS(st) : -1);
            done.push_back(fail(s, "crash", "afsluttet med kode " + std::to_string(WIFEXITED(st) ? WEXITSTATUS(st) : -1), code));
        }
    }
    return done;
}

void WorkerPool::shutdown() {
    for (auto& s : slots_) {
        if (s.pid < 0) continue;
        // An idle worker ends at EOF on its stdin; a busy one is killed.
        reap(s, s.busy, nullptr);
        s.busy = false;
    }
}

}  // namespace plantjek
