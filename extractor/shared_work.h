// Work shared between the worker processes of a scan, keyed by a string.
//
// Why: two workers that meet the same unknown word would each pay for its
// spelling suggestions (the one-edit search, ~25 ms a word on average and
// ~150 ms for a long compound, and Hunspell's suggest, ~80 ms, when asked);
// plans that share text (one kommune's plans of several years, copies in an
// archive) cost a two-worker scan with suggestions up to a third more CPU
// than one worker when Hunspell was asked for every word. The parent makes
// a table in a shared anonymous mapping before it forks the workers
// (cli/worker.h): the first worker to need a key claims it and computes it;
// another worker that needs it meanwhile leaves that word for last (inside
// a DeferBusy scope, lookup throws Busy) and, when it comes back to it,
// takes the answer or waits for it. Two workers on the same text thus split
// its words between them instead of each doing all of them.
//
// Answers must depend on the key alone (suggestions depend on the word and
// the word lists, which every worker of a scan shares), so results are the
// same whoever computes them.
//
// Cost: one mapping (enable(bytes)); pages are touched only as entries
// arrive. A lookup is a hash, a probe and a key comparison; a worker that
// waits sleeps 0.2 ms at a time. Without enable() — `check`, `scan --jobs 1`
// — every lookup answers `off` at once. When the table is full, its owner
// died (killed at its time limit), or it took longer than 60 s, the caller
// computes the answer itself.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace plantjek {

// Work shared with other processes, as the language module (Lexicon,
// spelling) sees it: the core asks through this interface and never knows
// how the sharing is done. The scan's workers inject the shared mapping
// below (Lexicon::set_work_share); `check` and one-worker scans inject
// nothing, and every answer is computed where it is needed.
class WorkShare {
public:
    enum class Look {
        found,  // *value holds the published answer
        mine,   // claimed for the caller, who must publish() or abandon() it
        off,    // compute it yourself and do not publish
    };
    // Thrown by lookup() while deferring (below) when another live process
    // is computing the key right now.
    struct Busy {};

    virtual ~WorkShare() = default;
    virtual Look lookup(std::string_view key, std::string* value) = 0;
    virtual void publish(std::string_view key, std::string_view value) = 0;
    virtual void abandon(std::string_view key) = 0;

    // While one lives (in this thread), a key being computed elsewhere
    // throws Busy instead of waiting: the caller does that word last.
    class Defer {
    public:
        explicit Defer(WorkShare* share);
        ~Defer();
        Defer(const Defer&) = delete;
        Defer& operator=(const Defer&) = delete;

    private:
        bool saved_;
    };
};

// The answer for `key`: another process's when published, else
// compute()'s (published when this process claimed the key, given up if
// compute throws). `share` may be null: then compute() it is. *fresh says
// whether it was computed here.
std::string shared_answer(WorkShare* share, std::string_view key, const std::function<std::string()>& compute,
                          bool* fresh = nullptr);

}  // namespace plantjek

// The implementation the scan uses: a table in an anonymous shared mapping.
namespace plantjek::shared_work {

// Makes the table (the parent, before forking; once). false when the
// mapping cannot be made (then everything stays `off`).
bool enable(std::size_t bytes);
bool enabled();

using Look = WorkShare::Look;
using Busy = WorkShare::Busy;

// RAII: while one lives (in this thread), lookup() throws Busy for a key
// another live worker is computing (WorkShare::Defer sets it).
class DeferBusy {
public:
    DeferBusy();
    ~DeferBusy();
    DeferBusy(const DeferBusy&) = delete;
    DeferBusy& operator=(const DeferBusy&) = delete;

private:
    bool saved_;
};
// The table as a WorkShare (nullptr before enable()).
WorkShare* table_share();

Look lookup(std::string_view key, std::string* value);
// The answer to a key this process claimed (lookup said `mine`).
void publish(std::string_view key, std::string_view value);
// Gives a claimed key up (the computation failed): the others compute it.
void abandon(std::string_view key);

}  // namespace plantjek::shared_work
