// The configuration file (plantjek.yaml): the check options a region or a
// municipality wants every time, and the deviations it has accepted.
//
// Why: a region screening a hundred plans runs the same options each autumn,
// and it has agreed with some kommuner that a requirement does not apply
// ("budget waived for Kolding 2012, because the budget was sent separately").
// Those decisions belong in a reviewable file, not in a shell history; the
// report then shows the requirement as waived, with the reason.
//
// Found as ./plantjek.yaml, or given with --config FILE. Strict like the
// profiles: an unknown key, a wrong type or a missing field is an error with
// file:line. Cost: one small YAML file per run.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/assemble.h"  // Waiver
#include "rules/profile.h"

namespace plantjek {


struct Config {
    std::string path;  // the file it came from
    std::optional<std::string> lang, format, profile, fail_on, color, stage;
    std::optional<bool> spelling, suggestions;
    std::optional<std::string> region_name, region_contact;  // the sender of -f letter
    std::optional<std::string> spelling_severity;  // "warning" (default: never changes the verdict) or "error"
    std::vector<std::string> rules_files, word_lists;  // paths made relative to the config file's folder
    std::vector<Waiver> waivers;
};

// "file:line: message" in both languages; what() is the Danish one.
struct ConfigError : std::runtime_error {
    ConfigError(const std::string& where, Text2 msg)
        : std::runtime_error(where + ": " + msg.da), where_(where), msg_(std::move(msg)) {}
    std::string message(Lang lang) const { return where_ + ": " + (lang == Lang::da ? msg_.da : msg_.en); }

private:
    std::string where_;
    Text2 msg_;
};

// The options the command line gave: they win over the file.
struct GivenOnCommandLine {
    bool lang = false, format = false, profile = false, fail_on = false, color = false, stage = false,
         spelling = false, suggestions = false;
};

struct CommonOptions;  // cli/commands.h
struct CheckOptions;   // cli/check.h
// The one configuration merge of `check` and `scan` (and later `serve`):
// every key of the file that the command line did not give is applied to
// the options, and the file's rules, word lists and waivers are added.
// scan takes its report formats from `format` too (CheckOptions::format).
void merge_config(const Config& cfg, const GivenOnCommandLine& given, CommonOptions& common, CheckOptions& check);

// Checks that every waiver names a requirement or goal that a profile (or
// one of `rules_files`) defines, and a kommune among the 98 (any form
// dictionaries/kommuner.tsv knows). Throws ConfigError "file:line: …",
// with a "mente du …?" when a known name is near; a bad rules file throws
// ProfileError.
void validate_waivers(const std::vector<Waiver>& waivers, const std::vector<Profile>& profiles,
                      const std::vector<std::string>& rules_files);

// Loads a config file; throws ConfigError (in both languages: message()).
Config load_config(const std::string& path);
// The same from text in memory (tests, the fuzz target); `name` stands for
// the file in messages, and relative paths are taken against its folder.
Config load_config_from_string(const std::string& yaml, const std::string& name);


}  // namespace plantjek
