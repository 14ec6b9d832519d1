// plantjek's command line. The only file that includes CLI11 (it is slow to
// compile); each subcommand is an options struct and a run_* function.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>

#include "cli/check.h"
#include "cli/config.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/scan.h"
#include "cli/worker.h"
#include "extractor/lexicon.h"

using namespace plantjek;

namespace {

// Started with stdin, stdout or stderr closed (a caller's `>&-`, some daemons),
// the next file or pipe opened would take that number, and a message for
// stderr would land in it: in a worker's input, say. /dev/null fills them.
void fill_closed_std_fds() {
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        int null = ::open("/dev/null", O_RDWR);
        if (null >= 0 && null != fd) {  // the lowest free number: fd itself, unless a lower one failed
            ::dup2(null, fd);
            ::close(null);
        }
    }
}

// --stage given on the command line (a configuration's stage comes later
// and only where this did not say).
void set_stage(const std::string& stage, CheckOptions& ck) {
    if (stage.empty()) return;
    ck.report.stage_given = true;
    ck.report.stage = stage_from_name(stage);
}

OcrMode ocr_mode_from_name(const std::string& m) {
    return m == "always" ? OcrMode::always : m == "never" ? OcrMode::never : OcrMode::auto_;
}

// The configuration file (--config, else ./plantjek.yaml when present)
// gives what the command line did not. Returns 0, or the exit code of a
// bad file.
int apply_config_file(std::string path, const GivenOnCommandLine& given, CommonOptions& common, CheckOptions& ck) {
    if (path.empty() && std::filesystem::is_regular_file("plantjek.yaml")) path = "plantjek.yaml";
    if (path.empty()) return 0;
    try {
        merge_config(load_config(path), given, common, ck);
    } catch (const ConfigError& e) {
        std::cerr << "plantjek: " << e.what() << "\n";
        return exit_code::usage;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    fill_closed_std_fds();
    CLI::App app{"plantjek — checks Danish municipal employment plans (beskæftigelsesplaner) against the "
                 "requirements of their plan year."};
    app.set_version_flag("--version", std::string("plantjek ") + PLANTJEK_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // global options (--lang, -q, …) may also follow the subcommand

    CommonOptions common;
    std::string lang = "da";
    std::uint64_t max_mb = common.limits.max_file_bytes >> 20;
    app.add_option("--lang", lang, "Language of messages and reports: da (default) or en")
        ->check(CLI::IsMember({"da", "en"}));
    app.add_option("--password", common.password, "Password for an encrypted PDF");
    app.add_option("--max-file-mb", max_mb, "Refuse input files larger than this (MB)")->check(CLI::PositiveNumber);
    app.add_flag("-q,--quiet", common.quiet, "Print nothing but results and errors");

    ExtractOptions ex;
    auto* extract = app.add_subcommand("extract", "Print a document's normalised text with page markers");
    extract->add_option("file", ex.file, "PDF, DOCX, ODT or text file")->required();
    extract->add_flag("--json", ex.json, "Print the blocks with page, kind and hints as JSON");
    extract->add_flag("--raw", ex.raw, "Skip normalisation (the reader's text as it is)");

    OutlineOptions ol;
    auto* outline = app.add_subcommand("outline", "Print a plan's chapters and whose plan it is (kommune, year, kind)");
    outline->add_option("file", ol.file, "PDF, DOCX, ODT or text file")->required();
    outline->add_flag("--json", ol.json, "Print the identity and the section tree as JSON");

    CheckOptions ck;
    std::string stage, config_file;
    auto* check = app.add_subcommand("check", "Check plans against the requirements of their plan year and write the reports");
    check->add_option("files", ck.files, "PDF, DOCX, ODT or text files")->required();
    auto* o_format = check->add_option("-f,--format", ck.format, "Report formats, comma-separated: text (default), json, html, csv, jsonl");
    check->add_option("-o,--out", ck.out, "Write the report to this file (- for standard output), or the reports to this folder (several files or formats)");
    auto* o_profile = check->add_option("--profile", ck.profile, "Apply this profile (an id such as 2012-2015, or a YAML file) instead of the plan year's");
    check->add_option("--year", ck.year, "The plan year, when it cannot be read from the plan")->check(CLI::Range(2000, 2100));
    check->add_option("--rules", ck.rules_files, "Extra requirements of your own (YAML, see rules/README.md)");
    auto* o_stage = check->add_option("--stage", stage, "draft: items that may be added just before publication are warnings; final: all errors")
        ->check(CLI::IsMember({"draft", "final"}));
    std::string fail_on = "error", sc_fail_on = "error";
    auto* o_fail = check->add_option("--fail-on", fail_on, "Exit code 1 on: error (default), warning, never")
        ->check(CLI::IsMember({"error", "warning", "never"}));
    auto* o_color = check->add_option("--color", ck.color, "Colour in the text report: auto (default), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    auto* o_spell = check->add_flag("!--no-spelling", ck.spelling, "Skip the spelling check");
    auto* o_sugg = check->add_flag("!--no-suggestions", ck.suggestions, "Spell-check without suggestions (faster)");
    check->add_option("--words", ck.word_lists, "A word list (one word per line) the spelling check accepts");
    std::string ocr_mode = "auto";
    check->add_option("--ocr", ocr_mode, "Text recognition of scanned PDF pages: auto (default: pages without text), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    check->add_option("--config", config_file, "Configuration file (default: ./plantjek.yaml when present)");

    ProfilesOptions po;
    auto* profiles = app.add_subcommand("profiles", "List the rule profiles; 'show ID' lists one's requirements; 'check FILE' validates a profile");
    auto* profiles_show = profiles->add_subcommand("show", "The requirements and goals of one profile");
    profiles_show->add_option("id", po.show, "Profile id (see plantjek profiles)")->required();
    auto* profiles_check = profiles->add_subcommand("check", "Validate a profile file and run its examples");
    profiles_check->add_option("file", po.check_file, "Profile file (YAML)")->required();

    std::string explain_id;
    auto* explain = app.add_subcommand("explain", "What a requirement or a minister goal means, its legal basis and how it is recognised");
    explain->add_option("id", explain_id, "Requirement id (e.g. budget) or goal id (e.g. goal-2012-3)")->required();

    ScanOptions sc;
    CheckOptions sck;
    std::string sc_stage, sc_config;
    auto* scan = app.add_subcommand("scan", "Check every plan under folders, each in its own worker process, into SQLite and/or report files");
    scan->add_option("paths", sc.paths, "Folders (searched recursively) and files")->required();
    scan->add_option("-j,--jobs", sc.jobs, "Worker processes (default: the number of cores)")->check(CLI::Range(1, 256));
    scan->add_option("--db", sc.db, "SQLite database to write (default plantjek.db when --out is not given)");
    scan->add_option("--out", sc.out, "Folder for one report per plan and format");
    sck.format = "json";
    auto* s_format = scan->add_option("-f,--format", sck.format, "Report formats for --out, comma-separated (default json)");
    auto* s_fail = scan->add_option("--fail-on", sc_fail_on, "Exit code 1 on: error (default), warning, never")
        ->check(CLI::IsMember({"error", "warning", "never"}));
    scan->add_option("--timeout", sc.timeout_s, "Seconds one document may take (default 120; 0 = no limit)")->check(CLI::NonNegativeNumber);
    scan->add_option("--max-memory-mb", sc.max_memory_mb, "Memory limit of a worker in MB (default 1536; 0 = no limit)");
    scan->add_flag("--force", sc.force, "Check every file again, even when the database has its result");
    auto* s_profile = scan->add_option("--profile", sck.profile, "Apply this profile (an id, or a YAML file) instead of the plan year's");
    scan->add_option("--year", sck.year, "The plan year, when it cannot be read from the plan")->check(CLI::Range(2000, 2100));
    scan->add_option("--rules", sck.rules_files, "Extra requirements of your own (YAML, see rules/README.md)");
    auto* s_stage = scan->add_option("--stage", sc_stage, "draft or final (default: inferred per document)")->check(CLI::IsMember({"draft", "final"}));
    auto* s_spell = scan->add_flag("!--no-spelling", sck.spelling, "Skip the spelling check");
    auto* s_sugg = scan->add_flag("!--no-suggestions", sck.suggestions, "Spell-check without suggestions (faster)");
    scan->add_option("--words", sck.word_lists, "A word list (one word per line) the spelling check accepts");
    scan->add_option("--config", sc_config, "Configuration file (default: ./plantjek.yaml when present)");
    std::string sc_ocr = "auto";
    scan->add_option("--ocr", sc_ocr, "Text recognition of scanned PDF pages: auto (default), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? exit_code::ok : exit_code::usage;
    }
    common.lang = lang == "en" ? Lang::en : Lang::da;
    common.limits.max_file_bytes = max_mb << 20;

    try {
        if (*extract) return run_extract(common, ex);
        if (*outline) return run_outline(common, ol);
        if (*check) {
            GivenOnCommandLine given{app.get_option("--lang")->count() > 0, o_format->count() > 0, o_profile->count() > 0,
                                     o_fail->count() > 0, o_color->count() > 0, o_stage->count() > 0,
                                     o_spell->count() > 0, o_sugg->count() > 0};
            ck.fail_on = fail_on_from_name(fail_on);
            set_stage(stage, ck);
            if (int rc = apply_config_file(config_file, given, common, ck)) return rc;
            if (ck.out == "-") ck.out.clear();  // -o -: standard output, as without -o
            ck.read.password = common.password;
            ck.read.limits = common.limits;
            ck.read.ocr = ocr_mode_from_name(ocr_mode);
            return run_check(common, ck);
        }
        if (*scan) {
            GivenOnCommandLine given{app.get_option("--lang")->count() > 0, s_format->count() > 0, s_profile->count() > 0,
                                     s_fail->count() > 0, false, s_stage->count() > 0,
                                     s_spell->count() > 0, s_sugg->count() > 0};
            sck.fail_on = fail_on_from_name(sc_fail_on);
            set_stage(sc_stage, sck);
            if (int rc = apply_config_file(sc_config, given, common, sck)) return rc;
            sck.read.ocr = ocr_mode_from_name(sc_ocr);
            return run_scan(common, sck, sc);
        }
        if (*profiles) return run_profiles(common, po);
        if (*explain) return run_explain(common, explain_id);
    } catch (const DictionaryMissing& e) {
        std::cerr << "plantjek: " << (common.lang == Lang::da ? e.danish() : std::string(e.what())) << "\n";
        return exit_code::usage;
    } catch (const std::exception& e) {
        std::cerr << "plantjek: " << (common.lang == Lang::da ? "intern fejl: " : "internal error: ") << e.what()
                  << "\n";
        return exit_code::usage;
    }
    return exit_code::usage;
}
