// plantjek's command line. The only file that includes CLI11 (it is slow to
// compile): each subcommand is an options struct, added to the parser by
// one add_* function here and run by one run_* function (cli/commands.h).
//
// Language: help texts and the parser's own errors are Danish unless the
// command line says --lang en (read before parsing, so that even an error
// in the rest of the line comes in the right language). Errors go to stderr
// with exit code 2 and a "mente du …?" for a mistyped command or option.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/check.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "cli/exit_codes.h"
#include "cli/inputs.h"
#include "cli/scan.h"
#include "cli/serve/serve.h"
#include "cli/worker.h"
#include "cli/writers/writer.h"
#include "extractor/lexicon.h"
#include "extractor/utf8.h"

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

// --lang as the command line gives it, before CLI11 has parsed anything.
Lang lang_of(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang=en") == 0) return Lang::en;
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "en") == 0) return Lang::en;
    }
    return Lang::da;
}

struct Say {
    Lang lang;
    std::string operator()(const char* da, const char* en) const { return lang == Lang::da ? da : en; }
};

// CLI11's own words in its help screens.
void danish_help(CLI::App& app) {
    auto f = app.get_formatter();
    f->label("Usage", "Brug");
    f->label("Options", "Tilvalg");
    f->label("Positionals", "Argumenter");
    f->label("Subcommands", "Kommandoer");
    f->label("OPTIONS", "TILVALG");
    f->label("SUBCOMMAND", "KOMMANDO");
    f->label("SUBCOMMANDS", "KOMMANDOER");
    f->label("REQUIRED", "PÅKRÆVET");
    f->label("TEXT", "TEKST");
    f->label("INT", "TAL");
    f->label("UINT", "TAL");
    f->label("FLOAT", "TAL");
    f->label("Needs", "Kræver");
    f->label("Excludes", "Udelukker");
}

// The headings CLI11 keeps per app: the help flag's group (made before the
// inherited defaults apply) and the subcommands' group.
void danish_groups(CLI::App& app) {
    if (auto* h = app.get_help_ptr()) h->group("Tilvalg");
    for (CLI::App* sub : app.get_subcommands({})) {
        sub->group("Kommandoer");
        danish_groups(*sub);
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
        std::cerr << "plantjek: " << e.message(common.lang) << "\n";
        return exit_code::usage;
    }
    return 0;
}

// What check and scan share on the command line, and what they are asked.
struct CheckLine {
    CheckOptions ck;
    std::string stage, config, ocr = "auto", fail_on = "error";
    CLI::Option *format = nullptr, *profile = nullptr, *stage_opt = nullptr, *fail = nullptr, *color = nullptr,
                *spelling = nullptr, *suggestions = nullptr;

    GivenOnCommandLine given(const CLI::App& app) const {
        auto n = [](const CLI::Option* o) { return o && o->count() > 0; };
        return {app.get_option("--lang")->count() > 0, n(format), n(profile), n(fail), n(color), n(stage_opt),
                n(spelling), n(suggestions)};
    }
    // The options as the run needs them: command line, then configuration file.
    int finish(const CLI::App& app, CommonOptions& common) {
        ck.fail_on = fail_on_from_name(fail_on);
        set_stage(stage, ck);
        if (int rc = apply_config_file(config, given(app), common, ck)) return rc;
        ck.read.password = common.password;
        ck.read.limits = common.limits;
        ck.read.ocr = ocr_mode_from_name(ocr);
        return 0;
    }
};

// The options check and scan have alike: profile, year, rules, stage,
// fail-on, spelling, word lists, OCR and configuration.
void add_check_options(CLI::App* c, CheckLine& l, const Say& say) {
    l.profile = c->add_option("--profile", l.ck.profile,
                              say("Brug denne profil (et id som 2012-2015, eller en YAML-fil) i stedet for planårets",
                                  "Apply this profile (an id such as 2012-2015, or a YAML file) instead of the plan year's"));
    c->add_option("--year", l.ck.year, say("Planåret, når det ikke kan læses i planen", "The plan year, when it cannot be read from the plan"))
        ->check(CLI::Range(2000, 2100));
    c->add_option("--rules", l.ck.rules_files,
                  say("Egne ekstra krav (YAML, se rules/README.md)", "Extra requirements of your own (YAML, see rules/README.md)"));
    l.stage_opt = c->add_option("--stage", l.stage,
                                say("draft: hvad der først skal på plads inden offentliggørelsen, er advarsler; final: alt er fejl "
                                    "(standard: udledt af dokumentet)",
                                    "draft: items that may be added just before publication are warnings; final: all errors "
                                    "(default: inferred from the document)"))
                      ->check(CLI::IsMember({"draft", "final"}));
    l.fail = c->add_option("--fail-on", l.fail_on,
                           say("Afslutningskode 1 ved: error (standard), warning, never", "Exit code 1 on: error (default), warning, never"))
                 ->check(CLI::IsMember({"error", "warning", "never"}));
    l.spelling = c->add_flag("!--no-spelling", l.ck.spelling, say("Spring stavekontrollen over", "Skip the spelling check"));
    l.suggestions = c->add_flag("!--no-suggestions", l.ck.suggestions,
                                say("Stavekontrol uden rettelsesforslag (hurtigere)", "Spell-check without suggestions (faster)"));
    c->add_option("--words", l.ck.word_lists,
                  say("En ordliste (ét ord pr. linje), som stavekontrollen godtager", "A word list (one word per line) the spelling check accepts"));
    c->add_option("--ocr", l.ocr,
                  say("Tekstgenkendelse af scannede PDF-sider: auto (standard: sider uden tekst), always, never",
                      "Text recognition of scanned PDF pages: auto (default: pages without text), always, never"))
        ->check(CLI::IsMember({"auto", "always", "never"}));
    c->add_option("--config", l.config,
                  say("Konfigurationsfil (standard: ./plantjek.yaml, når den findes)", "Configuration file (default: ./plantjek.yaml when present)"));
}

CLI::App* add_check(CLI::App& app, CheckLine& l, const Say& say) {
    auto* c = app.add_subcommand("check", say("Kontrollér planer mod kravene for deres planår og skriv rapporterne",
                                              "Check plans against the requirements of their plan year and write the reports"));
    c->add_option("files", l.ck.files, say("PDF-, DOCX-, ODT-, DOC-, RTF- eller tekstfiler", "PDF, DOCX, ODT, DOC, RTF or text files"))
        ->required();
    l.format = c->add_option("-f,--format", l.ck.format,
                             say("Rapportformater, kommasepareret (standard text): ", "Report formats, comma-separated (default text): ") +
                                 writer_list(say.lang));
    c->add_option("-o,--out", l.ck.out,
                  say("Skriv rapporten i denne fil (- for standardoutput), eller rapporterne i denne mappe (en eksisterende "
                      "mappe eller en sti, der ender på /)",
                      "Write the report to this file (- for standard output), or the reports into this folder (an existing "
                      "folder or a path ending in /)"));
    l.color = c->add_option("--color", l.ck.color, say("Farver i tekstrapporten: auto (standard), always, never",
                                                       "Colour in the text report: auto (default), always, never"))
                  ->check(CLI::IsMember({"auto", "always", "never"}));
    c->add_flag("--annotate{on}", l.ck.annotate,
                say("Skriv også en kopi af DOCX-filen med fundene som kommentarer (<navn>.plantjek.docx); "
                    "--annotate spelling: også hvert ukendt ord",
                    "Also write a copy of the DOCX file with the findings as comments (<name>.plantjek.docx); "
                    "--annotate spelling: each unknown word too"))
        ->check(CLI::IsMember({"on", "spelling"}));
    c->add_option("--csv-dialect", l.ck.csv_dialect,
                  say("CSV: rfc4180 (standard: komma, én række pr. krav) eller excel (semikolon, BOM, én række pr. plan, til dansk Excel)",
                      "CSV: rfc4180 (default: comma, a row per requirement) or excel (semicolon, BOM, a row per plan, for Danish Excel)"))
        ->check(CLI::IsMember({"rfc4180", "excel"}));
    add_check_options(c, l, say);
    return c;
}

CLI::App* add_scan(CLI::App& app, ScanOptions& sc, CheckLine& l, const Say& say) {
    auto* s = app.add_subcommand("scan", say("Kontrollér alle planer i mapper, hver i sin egen arbejdsproces, til SQLite og/eller rapportfiler",
                                             "Check every plan under folders, each in its own worker process, into SQLite and/or report files"));
    s->add_option("paths", sc.paths, say("Mapper (gennemsøges rekursivt) og filer", "Folders (searched recursively) and files"))->required();
    s->add_option("-j,--jobs", sc.jobs, say("Arbejdsprocesser (standard: antal kerner)", "Worker processes (default: the number of cores)"))
        ->check(CLI::Range(1, 256));
    s->add_option("--db", sc.db, say("SQLite-database at skrive i (standard plantjek.db, når --out ikke er givet)",
                                     "SQLite database to write (default plantjek.db when --out is not given)"));
    s->add_option("--out", sc.out, say("Mappe til én rapport pr. plan og format", "Folder for one report per plan and format"));
    l.ck.format = "json";
    l.format = s->add_option("-f,--format", l.ck.format,
                             say("Rapportformater til --out, kommasepareret (standard json): ",
                                 "Report formats for --out, comma-separated (default json): ") +
                                 writer_list(say.lang));
    s->add_option("--timeout", sc.timeout_s, say("Sekunder et dokument må tage (standard 120; 0 = ingen grænse)",
                                                 "Seconds one document may take (default 120; 0 = no limit)"))
        ->check(CLI::NonNegativeNumber);
    s->add_option("--max-memory-mb", sc.max_memory_mb, say("Hukommelsesgrænse for en arbejdsproces i MB (standard 1536; 0 = ingen)",
                                                           "Memory limit of a worker in MB (default 1536; 0 = no limit)"));
    s->add_flag("--force", sc.force, say("Kontrollér alle filer igen, også dem databasen har resultatet for",
                                         "Check every file again, even when the database has its result"));
    add_check_options(s, l, say);
    return s;
}

CLI::App* add_serve(CLI::App& app, ServeOptions& sv, CheckLine& l, const Say& say) {
    auto* s = app.add_subcommand("serve", say("Start websiden, hvor planer uploades og kontrolleres (se docs/serve.md)",
                                              "Start the web page where plans are uploaded and checked (see docs/serve.md)"));
    s->add_option("--host", sv.host, say("Adresse at lytte på (standard 127.0.0.1)", "Address to listen on (default 127.0.0.1)"));
    s->add_option("--port", sv.port, say("Port (standard 8080; 0 = en ledig)", "Port (default 8080; 0 = any free one)"))->check(CLI::Range(0, 65535));
    s->add_option("--data", sv.data, say("Mappe til databasen og de uploadede filer (standard plantjek-data)",
                                         "Folder for the database and the uploaded files (default plantjek-data)"));
    s->add_option("-j,--jobs", sv.jobs, say("Kontroller på samme tid (standard 2)", "Checks at the same time (default 2)"))->check(CLI::Range(1, 64));
    s->add_option("--timeout", sv.timeout_s, say("Sekunder et dokument må tage (standard 120)", "Seconds one document may take (default 120)"))
        ->check(CLI::NonNegativeNumber);
    s->add_option("--max-memory-mb", sv.max_memory_mb, say("Hukommelsesgrænse for en arbejdsproces i MB (standard 1536)",
                                                           "Memory limit of a worker in MB (default 1536)"));
    s->add_option("--max-files", sv.max_files, say("Filer pr. upload (standard 50)", "Files per upload (default 50)"))->check(CLI::Range(1, 10000));
    s->add_option("--max-zip-mb", sv.max_zip_mb, say("Udpakket størrelse af en zip-fil i MB (standard 256)",
                                                     "Unpacked size of a zip file in MB (default 256)"))->check(CLI::PositiveNumber);
    s->add_option("--threads", sv.threads, say("Tråde til forespørgsler (standard 8)", "Request threads (default 8)"))->check(CLI::Range(2, 256));
    s->add_option("--read-timeout", sv.read_timeout_s, say("Sekunder en klient må tie (standard 10)", "Seconds a client may stay silent (default 10)"))
        ->check(CLI::Range(1, 3600));
    s->add_option("--admin-token-file", sv.admin_token_file, say("Fil med administratornøglen, der åbner listen over alle kontroller",
                                                                 "File holding the admin token that opens the list of all checks"));
    s->add_flag("--purge", sv.purge, say("Slet kontroller ældre end --retention-days og afslut", "Delete checks older than --retention-days and exit"));
    s->add_option("--retention-days", sv.retention_days, say("Dage en kontrol gemmes (standard 30)", "Days a check is kept (default 30)"))
        ->check(CLI::Range(0, 36500));
    add_check_options(s, l, say);
    return s;
}

struct OtherLines {
    ExtractOptions ex;
    OutlineOptions ol;
    ProfilesOptions po;
    std::string explain_id;
    CLI::App *extract = nullptr, *outline = nullptr, *profiles = nullptr, *explain = nullptr;
};

void add_others(CLI::App& app, OtherLines& o, const Say& say) {
    const std::string file_help = say("PDF-, DOCX-, ODT-, DOC-, RTF- eller tekstfil", "PDF, DOCX, ODT, DOC, RTF or text file");
    o.extract = app.add_subcommand("extract", say("Vis et dokuments normaliserede tekst med sidemarkeringer",
                                                  "Print a document's normalised text with page markers"));
    o.extract->add_option("file", o.ex.file, file_help)->required();
    o.extract->add_flag("--json", o.ex.json, say("Vis blokkene med side, art og kendetegn som JSON", "Print the blocks with page, kind and hints as JSON"));
    o.extract->add_flag("--raw", o.ex.raw, say("Uden normalisering (læserens tekst, som den er)", "Skip normalisation (the reader's text as it is)"));

    o.outline = app.add_subcommand("outline", say("Vis en plans kapitler, og hvis plan den er (kommune, år, art)",
                                                  "Print a plan's chapters and whose plan it is (kommune, year, kind)"));
    o.outline->add_option("file", o.ol.file, file_help)->required();
    o.outline->add_flag("--json", o.ol.json, say("Vis identiteten og afsnitstræet som JSON", "Print the identity and the section tree as JSON"));

    o.profiles = app.add_subcommand("profiles", say("Vis regelprofilerne; 'show ID' viser én profils krav; 'check FIL' validerer en profil",
                                                    "List the rule profiles; 'show ID' lists one's requirements; 'check FILE' validates a profile"));
    auto* show = o.profiles->add_subcommand("show", say("Én profils krav og mål", "The requirements and goals of one profile"));
    show->add_option("id", o.po.show, say("Profilens id (se plantjek profiles)", "Profile id (see plantjek profiles)"))->required();
    auto* chk = o.profiles->add_subcommand("check", say("Validér en profilfil og kør dens eksempler", "Validate a profile file and run its examples"));
    chk->add_option("file", o.po.check_file, say("Profilfil (YAML)", "Profile file (YAML)"))->required();

    o.explain = app.add_subcommand("explain", say("Hvad et krav, et ministermål eller et måltema betyder, dets lovgrundlag og hvordan det genkendes",
                                                  "What a requirement, a minister goal or a goal theme means, its legal basis and how it is recognised"));
    o.explain->add_option("id", o.explain_id, say("Kravets id (fx budget), målets id (fx goal-2012-3) eller temaets id (fx long-term-unemployment)",
                                                  "Requirement id (e.g. budget), goal id (e.g. goal-2012-3) or theme id (e.g. long-term-unemployment)"))
        ->required();
}

CLI::App* add_export(CLI::App& app, ExportOptions& e, const Say& say) {
    auto* x = app.add_subcommand("export", say("Skriv en tabel eller visning fra scan-databasen som CSV eller JSON Lines (docs/codebook.md)",
                                               "Write a table or view of the scan database as CSV or JSON Lines (docs/codebook.md)"));
    x->add_option("--db", e.db, say("SQLite-databasen fra plantjek scan", "The SQLite database of plantjek scan"))->required();
    x->add_option("--format", e.format, say("csv (standard) eller jsonl", "csv (default) or jsonl"))
        ->check(CLI::IsMember({"csv", "jsonl"}));
    x->add_option("--table", e.table, say("Tabel eller visning (standard: plans)", "Table or view (default: plans)"));
    x->add_option("-o,--output", e.out, say("Fil at skrive til (standard: standard output)", "File to write (default: standard output)"));
    return x;
}

CLI::App* add_compare(CLI::App& app, CompareOptions& c, const Say& say) {
    auto* x = app.add_subcommand("compare", say("Hvad der er ændret mellem to planer (fx en kommunes planer for to år)",
                                                "What changed between two plans (e.g. one kommune's plans of two years)"));
    x->add_option("files", c.files, say("GAMMEL NY: de to planer", "OLD NEW: the two plans"))->expected(0, 2);
    x->add_option("--db", c.db, say("Tag planerne fra scan-databasen", "Take the plans from the scan database"));
    x->add_option("--kommune", c.kommune, say("Kommunen (med --db)", "The kommune (with --db)"));
    x->add_option("--years", c.years, say("De to planår (med --db), fx --years 2012 2013", "The two plan years (with --db), e.g. --years 2012 2013"))
        ->expected(2);
    x->add_option("-f,--format", c.format, say("text (standard), json eller html", "text (default), json or html"))
        ->check(CLI::IsMember({"text", "json", "html"}));
    x->add_option("-o,--output", c.out, say("Fil at skrive til (standard: standard output)", "File to write (default: standard output)"));
    return x;
}

CLI::App* add_trends(CLI::App& app, TrendsOptions& t, const Say& say) {
    auto* x = app.add_subcommand("trends", say("Diagrammer (HTML og SVG) over scan-databasen: planer, krav, måltal og skabelonrester pr. år",
                                               "Charts (HTML and SVG) of the scan database: plans, requirements, targets and leftovers by year"));
    x->add_option("--db", t.db, say("SQLite-databasen fra plantjek scan", "The SQLite database of plantjek scan"))->required();
    x->add_option("-o,--output", t.out, say("Mappe til index.html og SVG-filerne", "Folder for index.html and the SVG files"))->required();
    x->add_option("--kommune", t.kommune, say("Fremhæv denne kommune i måltalsdiagrammerne", "Highlight this kommune in the target charts"));
    return x;
}

// ---- the parser's errors, in the user's language ----------------------

// The deepest subcommand the command line chose (the app itself when none).
const CLI::App* chosen(const CLI::App& app) {
    const CLI::App* a = &app;
    for (;;) {
        auto subs = a->get_subcommands();
        if (subs.empty()) return a;
        a = subs.front();
    }
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* a = &app; a; a = a->get_parent())
        for (const CLI::Option* o : a->get_options()) {
            for (const auto& l : o->get_lnames()) names.push_back("--" + l);
            for (const auto& s : o->get_snames()) names.push_back("-" + s);
        }
    return names;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* s : app.get_subcommands({})) names.push_back(s->get_name());
    return names;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates, const Say& say) {
    std::string w = word.substr(0, word.find('='));
    const std::string near = utf8::closest(w, candidates);
    return near.empty() || near == w ? "" : say(" (mente du ", " (did you mean ") + near + "?)";
}

// The words after "…: " in one of CLI11's messages.
std::vector<std::string> words_after_colon(const std::string& msg) {
    std::vector<std::string> out;
    std::size_t c = msg.find(": ");
    std::istringstream in(c == std::string::npos ? "" : msg.substr(c + 2));
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string unexpected(const CLI::App& app, const std::string& msg, const Say& say) {
    const CLI::App* at = chosen(app);
    std::string out;
    for (const auto& w : words_after_colon(msg)) {
        if (!out.empty()) out += "; ";
        if (!w.empty() && w[0] == '-')
            out += say("ukendt tilvalg ", "unknown option ") + w + did_you_mean(w, option_names(*at), say);
        else if (at == &app)
            out += say("ukendt kommando ", "unknown command ") + w + did_you_mean(w, subcommand_names(app), say);
        else
            out += say("uventet argument ", "unexpected argument ") + w;
    }
    return out;
}

// "plantjek chek x": CLI11 says a subcommand is required; the user typed one wrong.
std::string no_command(const CLI::App& app, int argc, char** argv, const Say& say) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--lang" || a == "--password" || a == "--max-file-mb") {
            ++i;
            continue;
        }
        if (!a.empty() && a[0] != '-')
            return say("ukendt kommando ", "unknown command ") + a + did_you_mean(a, subcommand_names(app), say);
    }
    return say("angiv en kommando: ", "give a command: ") + join_or(subcommand_names(app), say.lang);
}

std::string parse_error_text(const CLI::ParseError& e, const CLI::App& app, int argc, char** argv, const Say& say) {
    // By type: CLI11 names an error of a subcommand after the subcommand.
    const std::string msg = e.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) return unexpected(app, msg, say);
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        if (msg.find("subcommand") != std::string::npos) return no_command(app, argc, argv, say);
        return msg.substr(0, msg.find(' ')) + say(" skal angives", " must be given");
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return msg.substr(0, msg.find(':')) + say(" mangler sin værdi", " needs a value");
    if (dynamic_cast<const CLI::ValidationError*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e)) {
        // "--stage: foo not in {draft,final}", "--year: Value abc not in range 2000 to 2100"
        const std::string opt = msg.substr(0, msg.find(':'));
        std::string why = msg.find(" not in {") != std::string::npos
                              ? say("skal være en af ", "must be one of ") + msg.substr(msg.find('{'))
                          : msg.find("not in range") != std::string::npos
                              ? say("skal være et tal fra ", "must be a number from ") +
                                    msg.substr(msg.find("range ") + 6)
                              : say("ugyldig værdi", "invalid value");
        if (say.lang == Lang::da) {
            auto to = why.find(" to ");
            if (to != std::string::npos) why.replace(to, 4, " til ");
        }
        return opt + ": " + why;
    }
    return say("kommandolinjen kan ikke læses: ", "cannot read the command line: ") + msg;
}

int parse_failed(const CLI::ParseError& e, CLI::App& app, int argc, char** argv, const Say& say) {
    if (dynamic_cast<const CLI::CallForHelp*>(&e) || dynamic_cast<const CLI::CallForAllHelp*>(&e) ||
        dynamic_cast<const CLI::CallForVersion*>(&e)) {
        app.exit(e);
        return exit_code::ok;
    }
    const CLI::App* at = chosen(app);
    std::string where = at == &app ? "plantjek" : "plantjek " + at->get_name();
    std::cerr << "plantjek: " << parse_error_text(e, app, argc, argv, say) << "\n"
              << say("Se ", "See ") << where << " --help\n";
    return exit_code::usage;
}

}  // namespace

// "--annotate spelling" → "--annotate=spelling": the flag's one value may
// stand apart, and a bare --annotate must not take a file name as its value.
void join_annotate_value(int& argc, char** argv) {
    static char joined[] = "--annotate=spelling";
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--annotate") == 0 && std::strcmp(argv[i + 1], "spelling") == 0) {
            argv[i] = joined;
            for (int j = i + 1; j + 1 < argc; ++j) argv[j] = argv[j + 1];
            --argc;
            return;
        }
}

int main(int argc, char** argv) {
    fill_closed_std_fds();
    join_annotate_value(argc, argv);
    const Say say{lang_of(argc, argv)};
    CLI::App app{say("plantjek — kontrollerer kommunale beskæftigelsesplaner mod kravene for deres planår.",
                     "plantjek — checks Danish municipal employment plans (beskæftigelsesplaner) against the "
                     "requirements of their plan year.")};
    if (say.lang == Lang::da) {
        danish_help(app);
        app.option_defaults()->group("Tilvalg");  // the group's name is the heading; subcommands inherit it
    }
    app.set_help_flag("-h,--help", say("Vis denne hjælp og afslut", "Print this help message and exit"));
    app.set_version_flag("--version", std::string("plantjek ") + PLANTJEK_VERSION, say("Vis versionen og afslut", "Print the version and exit"));
    app.require_subcommand(1);
    app.fallthrough();  // global options (--lang, -q, …) may also follow the subcommand

    CommonOptions common;
    std::string lang = "da";
    std::uint64_t max_mb = common.limits.max_file_bytes >> 20;
    app.add_option("--lang", lang, say("Sprog i meddelelser og rapporter: da (standard) eller en",
                                       "Language of messages and reports: da (default) or en"))
        ->check(CLI::IsMember({"da", "en"}));
    app.add_option("--password", common.password, say("Adgangskode til en krypteret PDF", "Password for an encrypted PDF"));
    app.add_option("--max-file-mb", max_mb, say("Afvis inputfiler større end dette (MB)", "Refuse input files larger than this (MB)"))
        ->check(CLI::PositiveNumber);
    app.add_flag("-q,--quiet", common.quiet, say("Vis kun resultater og fejl", "Print nothing but results and errors"));

    OtherLines others;
    add_others(app, others, say);
    CheckLine cl, sl;
    auto* check = add_check(app, cl, say);
    ScanOptions sc;
    auto* scan = add_scan(app, sc, sl, say);
    ExportOptions ex;
    auto* exp = add_export(app, ex, say);
    CompareOptions cmp;
    auto* compare = add_compare(app, cmp, say);
    TrendsOptions tr;
    auto* trends = add_trends(app, tr, say);
    ServeOptions sv;
    CheckLine vl;
    auto* serve = add_serve(app, sv, vl, say);

    if (say.lang == Lang::da) danish_groups(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return parse_failed(e, app, argc, argv, say);
    }
    common.lang = lang == "en" ? Lang::en : Lang::da;
    common.limits.max_file_bytes = max_mb << 20;

    try {
        if (*others.extract) return run_extract(common, others.ex);
        if (*others.outline) return run_outline(common, others.ol);
        if (*check) {
            if (int rc = cl.finish(app, common)) return rc;
            if (cl.ck.out == "-") cl.ck.out.clear();  // -o -: standard output, as without -o
            return run_check(common, cl.ck);
        }
        if (*scan) {
            if (int rc = sl.finish(app, common)) return rc;
            return run_scan(common, sl.ck, sc);
        }
        if (*serve) return vl.finish(app, common) ? exit_code::usage : run_serve(common, vl.ck, sv);
        if (*others.profiles) return run_profiles(common, others.po);
        if (*exp) return run_export(common, ex);
        if (*compare) return run_compare(common, cmp);
        if (*trends) return run_trends(common, tr);
        if (*others.explain) return run_explain(common, others.explain_id);
    } catch (const DictionaryMissing& e) {
        std::cerr << "plantjek: " << (common.lang == Lang::da ? e.danish() : std::string(e.what())) << "\n";
        return exit_code::usage;
    } catch (const std::exception& e) {
        std::cerr << "plantjek: " << (common.lang == Lang::da ? "intern fejl: " : "internal error: ") << e.what() << "\n";
        return exit_code::usage;
    }
    return exit_code::usage;
}
