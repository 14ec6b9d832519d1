// The checks `plantjek serve` has accepted: batches of files, each file
// checked in the scan's worker processes (cli/worker.h), its report kept
// under --data and in the SQLite store of `scan` (cli/store.h).
//
// Why a process of its own: a check runs for up to the worker's time limit,
// and a crash, hang or runaway must cost that document only; and fork() from
// a process with threads (the request threads) can leave a lock held
// forever in the child. So start() forks, before any thread exists, one
// dispatcher process that owns the worker pools and the store (the store's
// single writer) and forks the workers from a single thread. The server
// tells it each new batch's token on a pipe; it answers "running" and
// "done" lines on another, which a thread of the server reads into the
// batches that request threads look at under a mutex.
//
// Fairness: the dispatcher takes files round-robin over the batches that
// wait, so a region's batch of 30 does not hold back a kommune's single
// draft; a batch's queue position is the number of files that will start
// before its next one.
//
// Durability: a batch's list (meta.json) and each finished report are
// written to a temporary file and renamed, so a kill -9 leaves every file
// either whole or absent. On start, every accepted file without a report
// is queued again (a restart re-runs in-flight checks).
//
// Options: stage, year and profile may differ per batch; each combination
// gets its own worker pool (loaded once, at most kMaxPools at a time); the
// number of checks running at once over all pools is `jobs`.
//
// Cost: a pool's start loads the profiles and Hunspell (~0.2 s); per file,
// the check itself in a worker, one small SQLite transaction and two file
// renames.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/check.h"
#include "cli/serve/unpack.h"
#include "report/report.h"

namespace plantjek {
class Store;
class WorkerPool;
}

namespace plantjek::serve {

// The per-upload choices of the upload page (the same as check's options).
struct JobOptions {
    std::string stage;    // "", "draft", "final"
    int year = 0;         // 0: read from the plan
    std::string profile;  // "" or a known profile id
    std::string key() const { return stage + "|" + std::to_string(year) + "|" + profile; }
};

struct JobFile {
    std::string name;    // cleaned client name: shown, and the report's input.path
    std::string stored;  // path under --data (uploads/<sha256><ext>)
    std::string sha256;
    std::uint64_t bytes = 0;
    enum State { queued, running, done } state = queued;
};

struct Batch {
    std::string token;
    std::int64_t created = 0;  // Unix seconds
    JobOptions options;
    std::string origin;        // the token of the batch this one checks again ("" when none)
    std::vector<JobFile> files;
    std::size_t done() const;
};

struct BatchView {
    Batch batch;
    std::size_t ahead = 0;  // files that start before this batch's next one
    std::string running;    // a file of this batch being checked now ("" when none)
};

struct QueueConfig {
    std::string data_dir;
    CheckOptions check;  // from the command line and --config
    int jobs = 2;
    int timeout_s = 120;
    std::uint64_t max_memory_mb = 1536;
};

class JobQueue {
public:
    explicit JobQueue(QueueConfig cfg);
    ~JobQueue();
    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    // Creates the folders, reads the accepted batches, queues every file
    // without a report and forks the dispatcher. Call it before any other
    // thread is started. Throws ProfileError, StoreError or
    // std::runtime_error (the data folder cannot be used).
    void start();
    // Stops the dispatcher: running checks are killed and stay queued for
    // the next start. Idempotent.
    void stop();

    using Upload = UnpackedFile;  // a name cleaned for display, and the bytes
    // Stores the files and their list, then queues them; returns the token.
    std::string submit(const JobOptions& opts, const std::vector<Upload>& files, const std::string& origin = "");
    // The same files again, against today's rules; the new token.
    std::optional<std::string> again(const std::string& token);
    std::optional<BatchView> view(const std::string& token) const;
    std::vector<BatchView> all() const;  // newest first (the admin's list)
    // The finished report of file `index`, with input.path the client's name.
    std::optional<Report> report(const std::string& token, std::size_t index) const;
    std::size_t waiting() const;  // files queued or running
    const std::vector<std::string>& profile_ids() const { return profile_ids_; }

    // Deletes the batches older than `days` and the uploads no batch uses
    // any more; returns how many batches went.
    static std::size_t purge(const std::string& data_dir, int days);

private:
    struct Pool;
    QueueConfig cfg_;
    std::vector<std::string> profile_ids_;
    mutable std::mutex mu_;
    std::map<std::string, Batch> batches_;
    std::vector<std::string> order_;  // tokens by arrival
    std::size_t cursor_ = 0;          // round-robin position in order_
    pid_t child_ = -1;
    int to_child_ = -1, from_child_ = -1;  // the server's ends
    std::thread reader_;                   // reads the dispatcher's lines
    std::unique_ptr<Store> store_;         // the dispatcher's
    int out_ = -1;                         // the dispatcher's end towards the server
    std::map<std::string, std::unique_ptr<Pool>> pools_;
    std::map<std::size_t, std::pair<std::string, std::size_t>> tags_;  // tag → batch, file
    std::size_t next_tag_ = 0, in_flight_ = 0;

    static constexpr std::size_t kMaxPools = 4;

    [[noreturn]] void dispatch(int in, int out);
    void read_updates();
    void take_command(const std::string& token);
    void tell(const std::string& line);
    bool hand_out();
    bool collect();
    Pool& pool_for(const JobOptions& o);
    void finish(std::size_t tag, Report r);
    void save_meta(const Batch& b) const;
    void load_existing();
    std::size_t ahead_of(const std::string& token) const;
    std::string batch_dir(const std::string& token) const;
};

}  // namespace plantjek::serve
