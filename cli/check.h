// Checking plans: one CheckSession per run, so that the profiles and the
// Danish dictionary are loaded once and shared by every file of a batch.
// Cost: loading the profiles (~45 ms) and Hunspell (~100–150 ms, on a
// second thread with start_loading()) once; per file, the pipeline's stages
// (a 150-page PDF: well under a second).
#pragma once

#include <string>
#include <thread>
#include <vector>

#include "cli/config.h"
#include "extractor/pipeline.h"
#include "report/assemble.h"
#include "report/report.h"
#include "extractor/reader.h"
#include "rules/engine.h"
#include "rules/profile.h"

namespace plantjek {

struct CheckOptions {
    std::vector<std::string> files;
    std::string format = "text";  // writer names, comma-separated ("html,json"; cli/writers/writers.cpp)
    std::string out;              // a file (one plan, one format) or a folder (several)
    FailOn fail_on = FailOn::error;  // what makes the exit code 1
    std::string color = "auto";     // auto | always | never (text on a terminal)
    std::string csv_dialect = "rfc4180";  // rfc4180 | excel (cli/writers/csv.cpp)
    std::string profile;          // --profile: a profile id, or a profile file (YAML), instead of the year's
    int year = 0;                 // --year: overrides the identified plan year
    std::vector<std::string> rules_files;  // --rules: a region's own requirements
    ReportOptions report;         // stage, waivers, spelling policy (report/assemble.h)
    bool spelling = true;
    bool suggestions = true;
    std::vector<std::string> word_lists;  // --words
    ReadOptions read;
    std::string sender_name, sender_contact;  // -f letter's sender (config region-name, region-contact)
    std::string annotate;         // --annotate: "" off, "on", "spelling" (annotate/annotate.h)
};

class CheckSession {
public:
    explicit CheckSession(CheckOptions opts) : opts_(std::move(opts)) {}
    ~CheckSession();  // waits for start_loading()'s thread
    CheckSession(const CheckSession&) = delete;
    CheckSession& operator=(const CheckSession&) = delete;
    // Starts loading Hunspell and the project's word lists (~100–150 ms,
    // the largest part of start-up) on another thread, so that on a second
    // core it overlaps what the caller does next: loading the profiles,
    // reading the first file (check), walking the directories (scan).
    // Whoever needs the dictionary first waits for it (Lexicon::shared()).
    // Optional; costs that wait at the end when nothing was checked.
    void start_loading();
    // Never throws for a bad input file (the report says "unreadable");
    // throws ProfileError for a bad profile or --rules file.
    Report check(const std::string& path);
    const std::vector<Profile>& profiles();
    // Loads now what the first check would: the profiles, Hunspell (which
    // normalisation uses too) and, when spelling is on, the word lists.
    // scan calls it once before forking its workers (cli/worker.h); when it
    // returns, no other thread runs. Throws ProfileError like profiles(),
    // DictionaryMissing (extractor/lexicon.h) without the Danish dictionary.
    void prepare();

private:
    SpellingResult check_plan_spelling(const LoadedPlan& plan);

    CheckOptions opts_;
    std::thread loading_;
    std::vector<Profile> profiles_;
    bool loaded_ = false;
    bool word_lists_loaded_ = false;
};

// --profile names a known profile (or a profile file), the profiles and
// --rules files load, and every waiver names something that exists. Else
// prints the usage error (with a "mente du …?") and returns false. check
// and scan call it before any work.
bool validate_profile_options(CheckSession& session, const CheckOptions& opts, Lang lang);

}  // namespace plantjek
