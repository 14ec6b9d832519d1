// plantjek scan: every plan under one or more paths, each checked in an
// isolated worker process (cli/worker.h), results into SQLite (cli/store.h)
// and/or one report per plan and format under --out.
//
// Order and determinism: files are found by a recursive walk (directory
// symlinks are not followed, so there are no loops; names starting with '.'
// are skipped), sorted by path and deduplicated. The rows written do not
// depend on --jobs (only documents.id and checked_at may differ).
//
// Which files: a file named on the command line is always checked. In a
// directory, a file is taken when its content sniffs as PDF, DOCX or ODT, or
// as text with a .txt/.text name, or when its name ends in .pdf, .docx, .odt
// or .doc whatever its content (an empty or broken plan must be reported);
// everything else is ignored with a note on stderr.
//
// Incremental: with --db, a file is skipped when the database holds a
// result for the same path with the same sha256, tool version, options key
// and profile version (and its --out reports exist). Results of a worker
// failure (crash, timeout, out-of-memory) are never reused.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/check.h"
#include "cli/commands.h"

namespace plantjek {

struct ScanOptions {
    std::vector<std::string> paths;
    int jobs = 0;                        // 0 = number of cores
    std::string db;                      // SQLite file ("" = none; plantjek.db when neither --db nor --out)
    std::string out;                     // directory for reports ("" = none)
    std::vector<std::string> formats;    // writer names for --out: CheckOptions::format split (default json)
    int timeout_s = 120;                 // per document
    std::uint64_t max_memory_mb = 1536;  // per worker (RLIMIT_AS)
    bool force = false;                  // check every file even if unchanged
};

int run_scan(const CommonOptions& common, const CheckOptions& check, ScanOptions scan);

// A file found by the walk, and the name its reports get under --out
// (the path relative to the scanned directory, prefixed with that
// directory's name; a file argument: its file name).
struct ScanFile {
    std::string path;
    std::string out_name;
};
struct WalkResult {
    std::vector<ScanFile> files;
    std::vector<std::pair<std::string, std::string>> ignored;  // path, why (English)
    std::vector<std::pair<std::string, std::string>> ignored_da;
};
WalkResult walk_paths(const std::vector<std::string>& paths);

// The options that change a check's result, as one canonical string
// (stored in documents.options; a different key means "check again").
std::string check_options_key(const CheckOptions& check);

// sha256 (16 hex digits) of the profile's files (the profile YAML, then any
// --rules files): documents.profile_version.
std::string profile_version(const std::vector<std::string>& source_files);

}  // namespace plantjek
