// plantjek's command line. The only file that includes CLI11 (it is slow to
// compile); each subcommand is an options struct and a run_* function.
#include <CLI/CLI.hpp>

#include <iostream>

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
    } catch (const std::exception& e) {
        std::cerr << "plantjek: " << (common.lang == Lang::da ? "intern fejl: " : "internal error: ") << e.what()
                  << "\n";
        return exit_code::usage;
    }
    return exit_code::usage;
}
