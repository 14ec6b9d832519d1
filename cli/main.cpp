// plantjek's command line. The only file that includes CLI11 (it is slow to
// compile); each subcommand is an options struct and a run_* function.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/check.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

using namespace plantjek;

int main(int argc, char** argv) {
    CLI::App app{"plantjek — checks Danish municipal employment plans (beskæftigelsesplaner) against the "
                 "requirements of their plan year."};
    app.set_version_flag("--version", std::string("plantjek ") + PLANTJEK_VERSION);
    app.require_subcommand(1);

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
    std::string stage;
    auto* check = app.add_subcommand("check", "Check a plan against the requirements of its plan year and print the report");
    check->add_option("file", ck.file, "PDF, DOCX, ODT or text file")->required();
    check->add_option("-f,--format", ck.format, "Report format: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    check->add_option("-o,--out", ck.out, "Write the report to this file instead of standard output");
    check->add_option("--profile", ck.profile, "Apply this profile (e.g. bek735-2012-2015) instead of the plan year's");
    check->add_option("--year", ck.year, "The plan year, when it cannot be read from the plan")->check(CLI::Range(2000, 2100));
    check->add_option("--rules", ck.rules_files, "Extra requirements of your own (YAML, see rules/README.md)");
    check->add_option("--stage", stage, "draft: items that may be added just before publication are warnings; final: all errors")
        ->check(CLI::IsMember({"draft", "final"}));
    check->add_flag("!--no-spelling", ck.spelling, "Skip the spelling check");
    check->add_flag("!--no-suggestions", ck.suggestions, "Spell-check without suggestions (faster)");
    check->add_option("--words", ck.word_lists, "A word list (one word per line) the spelling check accepts");

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
            ck.read.password = common.password;
            ck.read.limits = common.limits;
            if (!stage.empty()) {
                ck.stage_given = true;
                ck.stage = stage == "draft" ? Stage::draft : Stage::final;
            }
            return run_check(common, ck);
        }
    } catch (const std::exception& e) {
        std::cerr << "plantjek: " << (common.lang == Lang::da ? "intern fejl: " : "internal error: ") << e.what()
                  << "\n";
        return exit_code::usage;
    }
    return exit_code::usage;
}
