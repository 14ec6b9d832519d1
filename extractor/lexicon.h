// The Danish word list: Hunspell with Debian's da_DK dictionary plus the
// project's domain words (dictionaries/*.txt) and any user word lists.
//
// Why: normalisation asks "is this a word?" to rejoin hyphenated line
// breaks, and the spelling check asks the same question for every word of
// the body. One instance serves both. Cost: ~100 ms to load, once per
// process; spell() is cached per distinct word (Hunspell's own cost is very
// skewed: up to 10 ms for a long compound), suggest() (Hunspell's, ~80 ms
// a word; the spelling check asks it only when no word is one edit away,
// rules/spelling.h) is cached too. Not thread-safe: one per worker process
// (creating it, through shared(), is).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace plantjek {

class WorkShare;  // extractor/shared_work.h

// The Danish dictionary is not installed: what() says so in English,
// danish() in Danish; both name the Debian package to install.
class DictionaryMissing : public std::runtime_error {
public:
    explicit DictionaryMissing(const std::string& dir);
    const std::string& danish() const { return da_; }

private:
    std::string da_;
};

class Lexicon {
public:
    // Loads /usr/share/hunspell/da_DK (or $PLANTJEK_HUNSPELL_DIR) and every
    // *.txt under <data_dir>/dictionaries. Throws DictionaryMissing when
    // the Danish dictionary is not installed.
    Lexicon();
    ~Lexicon();
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    // Adds one word per line (UTF-8; '#' starts a comment). Returns the count.
    int add_word_list(const std::string& path);
    void add_word(const std::string& word);

    bool is_word(std::string_view word);
    // A word Hunspell accepts only as a compound ("borgerettede" = borger +
    // ettede): the spelling check treats those near-misses with suspicion.
    bool is_compound(std::string_view word);
    std::vector<std::string> suggest(std::string_view word, std::size_t max = 3);

    // Hunspell's suggestions computed since the last call (word, list), and
    // the way back in: the workers of a scan are separate processes, and
    // handing each other this work saves the ~80 ms a word otherwise paid
    // once per worker. A list depends only on the word and the word lists.
    std::vector<std::pair<std::string, std::vector<std::string>>> take_new_suggestions();
    void add_suggestions(const std::string& word, std::vector<std::string> list);

    // Where suggestion work is shared with other processes (the scan's
    // workers inject the shared table, extractor/shared_work.h); nullptr,
    // the default, computes everything here.
    void set_work_share(WorkShare* share) { share_ = share; }
    WorkShare* work_share() const { return share_; }

    // Unique per instance for the life of the process (never reused, unlike
    // an address): the key of caches kept outside the lexicon.
    std::uint64_t id() const { return id_; }

    // The process-wide instance, created on first use (a thread that calls
    // this while another is creating it waits for it). Never destroyed:
    // freeing Hunspell's tables at exit cost ~60 ms of every run, for nothing.
    static Lexicon& shared();

private:
    std::unique_ptr<Hunspell> hs_;
    std::uint64_t id_;
    WorkShare* share_ = nullptr;
    int lookup(std::string_view word);
    std::unordered_map<std::string, int> spell_cache_;
    std::unordered_map<std::string, std::vector<std::string>> suggest_cache_;
    std::vector<std::string> new_suggestions_;
};

}  // namespace plantjek
