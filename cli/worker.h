// Process isolation for `plantjek scan`: each document is checked in a worker
// process, so that a reader that crashes, hangs or runs away on one file
// costs only that file.
//
// Design: the scan (the parent) loads what every check needs once — the
// profiles, Hunspell and the word lists (CheckSession::prepare, ~0.2 s of
// CPU, Hunspell on a second thread while the parent walks the directories)
// — and then fork()s its workers, which start with all of it in memory
// (shared copy-on-write) instead of loading it again each: with two workers
// that start-up was ~9 % of a 200-plan scan. No exec, no shell; the child
// closes every other descriptor (a sibling's pipe, the database) and leaves
// only by _exit, never touching the parent's database or stdio. Pipes on the
// worker's stdin and stdout: the parent writes one path per line (a JSON
// string), and for each the worker writes one line: the whole Report in the
// "wire" form ({"report": the report as report/json.h writes it with both
// languages, "max_rss_kb": …}; report_to_wire). A worker
// checks one file at a time and keeps its session between files. Before a
// report a worker may write a suggestion memo line ({"memo": …}: the
// spelling suggestions it had to compute, rules/spelling.h), which the
// parent hands to the other workers before their next path; and a word two
// workers need at the same time is worked out by one of them while the other
// goes on with its next word (a table in shared memory made before the fork,
// extractor/shared_work.h): suggestions are computed once per scan, not once
// per worker.
//
// Limits: the worker sets RLIMIT_AS on itself (max_memory_mb); the parent
// kills it (SIGKILL) when one file takes longer than timeout_s. What the
// parent sees, and records as the file's report (status "unreadable"):
//   - killed after the time limit             → error.kind "timeout"
//   - allocation failed (std::bad_alloc: the
//     worker exits with kWorkerExitOom), or
//     SIGKILL that the parent did not send
//     (the kernel's OOM killer)               → error.kind "out-of-memory"
//   - any other signal or an unexpected exit  → error.kind "crash"
// Then a fresh worker takes the next file. The worker dies with its parent
// (PR_SET_PDEATHSIG), so `kill -9` of a scan leaves no orphans.
//
// Test hook: PLANTJEK_TEST_HOOK=crash:<substr>,hang:<substr>,oom:<substr>
// makes a worker crash (SIGSEGV), hang, or allocate until the memory limit
// on a path containing <substr>. PLANTJEK_TEST_TRACE=<file> makes each
// worker append "begin <pid> <path>" and "end <pid> <path>" around every
// check (to prove which checks ran side by side). Only the worker reads them.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cli/check.h"
#include "report/report.h"

namespace plantjek {

inline constexpr int kWorkerExitOom = 86;

// The Report as one line of JSON, every message in both languages, so that
// the parent can render it with any writer in any language and store it.
std::string report_to_wire(const Report& r, long max_rss_kb = 0);
// The inverse; throws std::exception on malformed input.
Report report_from_wire(const std::string& line, long* max_rss_kb = nullptr);

// A Report for a file its worker could not finish: status "unreadable",
// error.kind "crash" | "timeout" | "out-of-memory", a plain message.
// `base` carries what the parent knows (path, sha256, bytes, format).
Report worker_failure_report(Report base, const std::string& kind, const std::string& detail_da,
                             const std::string& detail_en);

struct PoolOptions {
    // The session the workers inherit (prepared before the first fork); one
    // of the pool's own, made from `check`, when null. Not used by the parent
    // for checking.
    CheckSession* session = nullptr;
    int jobs = 1;
    int timeout_s = 120;            // per document; 0 = none
    std::uint64_t max_memory_mb = 1536;  // RLIMIT_AS per worker; 0 = none
    CheckOptions check;             // .read carries password and limits
};

class WorkerPool {
public:
    struct Result {
        std::size_t tag = 0;  // what submit() was given
        Report report;
    };

    explicit WorkerPool(PoolOptions opts);
    ~WorkerPool();  // closes every worker (kills the busy ones)
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    bool has_free_slot() const;
    std::size_t in_flight() const;
    // Hands one file to a free worker (starting one if needed). `base` is the
    // report to complete should the worker fail (path, sha256, bytes, format).
    void submit(std::size_t tag, Report base);
    // Waits up to wait_ms for results (0: only looks); returns those that are finished.
    std::vector<Result> wait(int wait_ms);
    // Largest resident set of any worker so far (KiB).
    long peak_rss_kb() const { return peak_rss_kb_; }
    // Closes all workers and waits for them.
    void shutdown();

private:
    struct Slot {
        pid_t pid = -1;
        int in = -1, out = -1;  // our ends: worker's stdin, worker's stdout
        std::string buf;
        bool busy = false;
        std::size_t tag = 0;
        Report base;
        std::chrono::steady_clock::time_point deadline;
        std::size_t memo_sent = 0;  // memo_log_ entries this worker has been given
    };
    PoolOptions opts_;
    std::unique_ptr<CheckSession> own_session_;
    bool prepared_ = false;
    std::vector<Slot> slots_;
    long peak_rss_kb_ = 0;
    // Suggestion memos from the workers (slot, line), handed to the others
    // with their next file; capped, after which each worker finds its own.
    std::vector<std::pair<std::size_t, std::string>> memo_log_;
    std::size_t memo_bytes_ = 0;
    static constexpr std::size_t kMemoLogLimit = 64u << 20;
    // The table through which workers share words they are working on
    // (extractor/shared_work.h): about 250,000 words' suggestions.
    static constexpr std::size_t kSharedWorkBytes = 128u << 20;

    void start(Slot& s);
    void reap(Slot& s, bool kill_it, int* status);
    Result fail(Slot& s, const std::string& kind, const std::string& da, const std::string& en);
};

}  // namespace plantjek
