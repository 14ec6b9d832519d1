// The subcommands. main.cpp parses the command line (CLI11) into these
// option structs and calls one function; each returns the process exit code.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "extractor/error.h"
#include "extractor/pipeline.h"
#include "extractor/reader.h"

namespace plantjek {

struct CommonOptions {
    Lang lang = Lang::da;
    std::string password;
    bool quiet = false;
    Limits limits;
};

struct ExtractOptions {
    std::string file;
    bool json = false;
    bool raw = false;  // skip normalisation
};
int run_extract(const CommonOptions& common, const ExtractOptions& opts);

struct OutlineOptions {
    std::string file;
    bool json = false;
};
int run_outline(const CommonOptions& common, const OutlineOptions& opts);

struct ProfilesOptions {
    std::string show;        // profiles show ID
    std::string check_file;  // profiles check FILE
};
int run_profiles(const CommonOptions& common, const ProfilesOptions& opts);
int run_explain(const CommonOptions& common, const std::string& id);

struct Profile;  // rules/profile.h
// explain THEME (cli/explain_theme.cpp): prints the theme and its goals by
// plan year from `profiles`; false when `id` is no theme id.
bool explain_theme(std::ostream& os, const std::vector<Profile>& profiles, const std::string& id, Lang l);

struct ExportOptions {
    std::string db;
    std::string format = "csv";  // csv | jsonl
    std::string table = "plans";  // a table or view of docs/codebook.md
    std::string out;             // "" = standard output
};
// plantjek export (cli/export.cpp): one table or view as CSV or JSON Lines.
int run_export(const CommonOptions& common, const ExportOptions& opts);

struct CompareOptions {
    std::vector<std::string> files;  // OLD NEW
    std::string db, kommune;         // --db: a kommune's plans of two years from the store
    std::vector<int> years;          // --years OLD NEW
    std::string format = "text";     // text | json | html
    std::string out;                 // "" = standard output
};
// plantjek compare (cli/compare_cmd.cpp): what changed between two plans.
int run_compare(const CommonOptions& common, const CompareOptions& opts);

struct TrendsOptions {
    std::string db, out;  // the scan database; the folder for index.html and the SVG files
    std::string kommune;  // highlighted in the theme charts
};
// plantjek trends (cli/trends.cpp): charts of the scan database.
int run_trends(const CommonOptions& common, const TrendsOptions& opts);

struct CheckOptions;  // cli/check.h
int run_check(const CommonOptions& common, const CheckOptions& opts);

// Reads FILE through the pipeline with the common options; on a ReadError
// prints it (print_read_error) and returns nothing — the caller then exits 3.
std::optional<LoadedPlan> load_or_report(const CommonOptions& common, const std::string& file, PipelineOptions po);

// Prints "plantjek: <path>: <message>" for an unreadable input on stderr.
void print_read_error(const CommonOptions& common, const std::string& path, const ReadError& e);

}  // namespace plantjek
