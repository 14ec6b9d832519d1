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

#include "cli/report.h"

namespace plantjek {

struct Waiver {
    std::string requirement;  // requirement id ("budget") or goal id
    std::string kommune;      // empty: every kommune
    int year = 0;             // 0: every plan year
    std::string reason;       // shown in the report
    int line = 0;
};

struct Config {
    std::string path;  // the file it came from
    std::optional<std::string> lang, format, profile, fail_on, color, stage;
    std::optional<bool> spelling, suggestions;
    std::optional<std::string> spelling_severity;  // "warning" (default: never changes the verdict) or "error"
    std::vector<std::string> rules_files, word_lists;  // paths made relative to the config file's folder
    std::vector<Waiver> waivers;
};

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;  // what() is "file:line: message"
};

// Loads a config file; throws ConfigError.
Config load_config(const std::string& path);
// The same from text in memory (tests, the fuzz target); `name` stands for
// the file in messages, and relative paths are taken against its folder.
Config load_config_from_string(const std::string& yaml, const std::string& name);

// Marks the waived requirements of a report (status waived, message with the
// reason), drops the findings they caused, and recomputes the verdict.
void apply_waivers(Report& r, const std::vector<Waiver>& waivers);

}  // namespace plantjek
