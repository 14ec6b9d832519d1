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
#include <string>
#include <string_view>

namespace plantjek::shared_work {

// Makes the table (the parent, before forking; once). false when the
// mapping cannot be made (then everything stays `off`).
bool enable(std::size_t bytes);
bool enabled();

enum class Look {
    found,  // *value holds the published answer
    mine,   // claimed for the caller, who must publish() or abandon() it
    off,    // compute it yourself and do not publish
};

// Thrown by lookup() inside a DeferBusy scope when another live worker is
// computing the key right now.
struct Busy {};

// While one lives (in this thread), a key being computed elsewhere throws
// Busy instead of waiting.
class DeferBusy {
public:
    DeferBusy();
    ~DeferBusy();
    DeferBusy(const DeferBusy&) = delete;
    DeferBusy& operator=(const DeferBusy&) = delete;

private:
    bool saved_;
};

Look lookup(std::string_view key, std::string* value);
// The answer to a key this process claimed (lookup said `mine`).
void publish(std::string_view key, std::string_view value);
// Gives a claimed key up (the computation failed): the others compute it.
void abandon(std::string_view key);

}  // namespace plantjek::shared_work
