// The report writers: every format for every corpus plan, sanity-checked
// by parsing it back (HTML with libxml2's HTML parser, CSV by RFC 4180,
// JSON and JSONL with nlohmann::json); every JSON report validated against
// docs/report-schema.json (python3-jsonschema); HTML escaping of hostile
// document text; golden text and JSON reports of three corpus plans; and
// determinism (two runs, byte-identical output).
//
// Golden files: tests/golden/<id>.txt and .json. When a change to the
// reports is intended, regenerate them with
//     PLANTJEK_ACCEPT=1 ctest --test-dir build -R golden
// (or run build/tests/test_writers "[golden]" with PLANTJEK_ACCEPT=1) and
// review the diff (git diff tests/golden) before committing.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/check.h"
#include "cli/writers/writer.h"
#include "extractor/reader.h"
#include "corpus_support.h"
#include "run_cli.h"

using namespace plantjek;
using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

// One session for the whole binary: spelling on, suggestions off (fast).
CheckSession& session() {
    static CheckSession s([] {
        CheckOptions o;
        o.spelling = true;
        o.suggestions = false;
        return o;
    }());
    return s;
}

// The report of a corpus file, checked once, its path made relative to
// the source tree so that it is the same on every machine.
const Report& corpus_report(const GoldPlan& g, const std::string& format) {
    static std::map<std::string, Report> cache;
    std::string key = g.id + "." + format;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    Report r = session().check(file_for(g, format));
    r.path = "corpus/" + format + "/" + g.id + "." + format;
    return cache.emplace(key, std::move(r)).first->second;
}

std::string render(const std::string& format, const Report& r, Lang lang = Lang::da) {
    const Writer* w = find_writer(format);
    REQUIRE(w != nullptr);
    std::ostringstream ss;
    WriterOptions o;
    o.lang = lang;
    w->write(ss, r, o);
    return ss.str();
}

// ---- HTML parsed with libxml2 ----------------------------------------------

struct Html {
    xmlDocPtr doc = nullptr;
    std::vector<std::string> errors;  // parse errors other than "unknown tag" (HTML5 elements)
    explicit Html(const std::string& text) {
        xmlSetStructuredErrorFunc(this, [](void* ctx, xmlErrorPtr e) {
            if (e && e->code != XML_HTML_UNKNOWN_TAG)
                static_cast<Html*>(ctx)->errors.push_back(std::to_string(e->line) + ": " +
                                                          (e->message ? e->message : "?"));
        });
        doc = htmlReadMemory(text.data(), static_cast<int>(text.size()), "report.html", "UTF-8",
                             HTML_PARSE_NONET);
        xmlSetStructuredErrorFunc(nullptr, nullptr);
    }
    ~Html() {
        if (doc) xmlFreeDoc(doc);
    }
    std::vector<std::string> texts(const std::string& xpath) const {
        std::vector<std::string> out;
        if (!doc) return out;
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
        xmlXPathObjectPtr obj = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx);
        if (obj && obj->nodesetval)
            for (int i = 0; i < obj->nodesetval->nodeNr; ++i) {
                xmlChar* c = xmlNodeGetContent(obj->nodesetval->nodeTab[i]);
                out.emplace_back(c ? reinterpret_cast<const char*>(c) : "");
                xmlFree(c);
            }
        if (obj) xmlXPathFreeObject(obj);
        xmlXPathFreeContext(ctx);
        return out;
    }
    std::size_t count(const std::string& xpath) const { return texts(xpath).size(); }
    std::string text(const std::string& xpath) const {
        auto t = texts(xpath);
        return t.empty() ? std::string("<none>") : t.front();
    }
};

std::string verdict_word(const std::string& status, Lang l) {
    if (status == "conformant") return l == Lang::da ? "I ORDEN" : "CONFORMANT";
    if (status == "nonconformant") return l == Lang::da ? "IKKE I ORDEN" : "NONCONFORMANT";
    if (status == "not-a-plan") return l == Lang::da ? "IKKE EN BESKÆFTIGELSESPLAN" : "NOT AN EMPLOYMENT PLAN";
    return l == Lang::da ? "KAN IKKE LÆSES" : "UNREADABLE";
}

// ---- CSV by RFC 4180 --------------------------------------------------------

// Rows of fields; fails the test on a malformed quote or a bare line end.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string f;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
                f.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                f.push_back(c);
            }
        } else if (c == '"') {
            REQUIRE(f.empty());  // a quote only opens a field
            REQUIRE_FALSE(was_quoted);
            quoted = was_quoted = true;
        } else if (c == ',') {
            row.push_back(f);
            f.clear();
            was_quoted = false;
        } else if (c == '\r') {
            REQUIRE(i + 1 < s.size());
            REQUIRE(s[i + 1] == '\n');
            ++i;
            row.push_back(f);
            rows.push_back(row);
            row.clear();
            f.clear();
            was_quoted = false;
        } else {
            REQUIRE(c != '\n');  // a line end outside quotes is CRLF
            f.push_back(c);
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(f.empty());
    REQUIRE(row.empty());  // the last row ends with CRLF
    return rows;
}

// ---- running a program (python3, no shell) ---------------------------------

// Debian's python3, the one scripts/setup installs python3-jsonschema for
// (a python3 earlier on PATH, e.g. pyenv's, may carry another jsonschema).
std::string debian_python() { return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

int run_command(const std::vector<std::string>& args, std::string& out) {
    TempDir dir;
    std::vector<std::string> all = args;
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    std::string outp = (dir.path / "out").string();
    posix_spawn_file_actions_addopen(&fa, 1, outp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid;
    int code = -1;
    if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&fa);
    out = slurp(outp);
    return code;
}

std::string source(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/" + rel; }

// A plan whose text tries to become markup, in headings, body and targets.
const char* kHostile =
    "Beskæftigelsesplan 2012\n\nJobcenter Kolding <script>document.documentElement.setAttribute('data-pwned','1')"
    "</script>\n\n"
    "1. Ministerens mål for 2012 <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">\n\n"
    "Antallet af personer i arbejdskraftreserven skal begrænses til 1.250 personer i december 2012 "
    "<script>alert(1)</script>, svt. et fald på 4 pct. fra december 2010 til december 2012.\n\n"
    "2. De vigtigste udfordringer \"><script>alert('x')</script><b onmouseover=alert(2)>\n\n"
    "Ledigheden blandt unge er steget & <iframe src=\"javascript:alert(3)\"></iframe> xxx.\n\n"
    "5. Budget for beskæftigelsesindsatsen\n\nAktivering i alt: X kr. <style>body{display:none}</style>\n";

}  // namespace

TEST_CASE("writers: the registry knows every format, with its extension", "[writers]") {
    auto names = writer_names();
    for (std::string n : {"text", "json", "html", "csv", "jsonl"}) {
        INFO(n);
        CHECK(std::find(names.begin(), names.end(), n) != names.end());
        REQUIRE(find_writer(n) != nullptr);
        CHECK(find_writer(n)->write != nullptr);
    }
    CHECK(std::string(find_writer("html")->extension) == "html");
    CHECK(std::string(find_writer("csv")->extension) == "csv");
    CHECK(std::string(find_writer("jsonl")->extension) == "jsonl");
    CHECK(find_writer("csv")->batch_header == &write_csv_header);
    CHECK(find_writer("csv")->batch_item == &write_csv_rows);
    CHECK(find_writer("jsonl")->batch_item != nullptr);
    CHECK(find_writer("html")->batch_item == nullptr);
    CHECK(find_writer("pdf") == nullptr);
}

TEST_CASE("writers: every format for every corpus plan parses back", "[writers][corpus]") {
    auto gold = load_gold();
    REQUIRE(gold.size() >= 24);
    int files = 0;
    for (const auto& g : gold)
        for (const auto& format : g.formats) {
            const Report& r = corpus_report(g, format);
            INFO(r.path);
            ++files;
            CHECK(r.status != Status::unreadable);
            for (Lang lang : {Lang::da, Lang::en}) {
                // text
                std::string text = render("text", r, lang);
                CHECK(text.find(verdict_word(status_name(r.status), lang)) != std::string::npos);
                // json and jsonl: the same content
                auto j = nlohmann::json::parse(render("json", r, lang));
                CHECK(j["schema"] == "plantjek.report/1");
                CHECK(j["status"] == status_name(r.status));
                CHECK(j["requirements"].size() == r.requirements.size());
                std::string line = render("jsonl", r, lang);
                REQUIRE(!line.empty());
                CHECK(line.back() == '\n');
                CHECK(std::count(line.begin(), line.end(), '\n') == 1);
                CHECK(nlohmann::json::parse(line) == j);
                // csv: a header and a row per requirement
                auto rows = parse_csv(render("csv", r, lang));
                REQUIRE(rows.size() == 1 + std::max<std::size_t>(1, r.requirements.size()));
                CHECK(rows[0][0] == "file");
                for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].size() == rows[0].size());
                for (std::size_t i = 0; i < r.requirements.size(); ++i) {
                    CHECK(rows[i + 1][0] == r.path);
                    CHECK(rows[i + 1][6] == status_name(r.status));
                    CHECK(rows[i + 1][7] == r.requirements[i].id);
                    CHECK(rows[i + 1][8] == req_status_name(r.requirements[i].status));
                }
                // html: well-formed, the verdict, a row per requirement, the outline
                Html h(render("html", r, lang));
                REQUIRE(h.doc != nullptr);
                CHECK(h.errors == std::vector<std::string>{});
                CHECK(h.text("//header[@id='verdict']/p[@class='verdict']") == verdict_word(status_name(r.status), lang));
                CHECK(h.text("/html/@lang") == (lang == Lang::da ? "da" : "en"));
                CHECK(h.count("//table[@class='checklist']/tbody/tr") == r.requirements.size());
                CHECK(h.count("//table[@class='outline']/tbody/tr") == r.outline.size());
                CHECK(h.count("//table[@class='goals']/tbody/tr[contains(@class,'goal')]") >= r.goals.size());
                CHECK(h.count("//script") == 0);
                CHECK(h.count("//link") == 0);  // self-contained
                CHECK(h.count("//img") == 0);
                if (r.spelling.checked && !r.spelling.unknown.empty())
                    CHECK(h.count("//table[@class='spelling']/tbody/tr") == r.spelling.unknown.size());
            }
        }
    CHECK(files >= 70);
}

TEST_CASE("writers: the batch overview has a row per plan and a column per requirement", "[writers][overview]") {
    auto gold = load_gold();
    std::vector<OverviewEntry> entries;
    for (const auto& g : gold) entries.push_back({corpus_report(g, "docx"), g.id + ".html"});
    std::ostringstream ss;
    write_overview_html(ss, entries, WriterOptions{});
    Html h(ss.str());
    REQUIRE(h.doc != nullptr);
    CHECK(h.errors == std::vector<std::string>{});
    CHECK(h.count("//table[@class='overview']/tbody/tr") == entries.size());
    CHECK(h.count("//script") == 1);  // sorting and filtering; allowed by its hash in the page's CSP
    CHECK(h.text("//table[@class='overview']/tbody/tr[1]/td[1]/a/@href") == gold.front().id + ".html");
    CHECK(h.text("//table[@class='overview']/tbody/tr[1]/td[1]/a") == gold.front().id + ".docx");
    // the union of requirement ids, canonical ones first in canonical order
    std::set<std::string> ids;
    for (const auto& e : entries)
        for (const auto& q : e.report.requirements) ids.insert(q.id);
    auto headers = h.texts("//table[@class='overview']/thead/tr/th[@class='req']/@data-id");
    CHECK(headers.size() == ids.size());
    REQUIRE(!headers.empty());
    CHECK(headers.front() == "minister-goals");
    // every row has as many cells as the header
    std::size_t columns = h.count("//table[@class='overview']/thead/tr/th");
    for (std::size_t i = 1; i <= entries.size(); ++i)
        CHECK(h.count("//table[@class='overview']/tbody/tr[" + std::to_string(i) + "]/td") == columns);
    // totals: how many plans pass each requirement
    auto totals = h.texts("//table[@class='overview']/tfoot/tr/td");
    REQUIRE(totals.size() >= 4);
    int conformant = 0;
    for (const auto& e : entries) conformant += e.report.status == Status::conformant;
    CHECK(totals[1] == std::to_string(conformant) + "/" + std::to_string(entries.size()));
    // a goal's target appears with value and unit
    CHECK(ss.str().find(" personer") != std::string::npos);
    // English labels
    std::ostringstream en;
    WriterOptions o;
    o.lang = Lang::en;
    write_overview_html(en, entries, o);
    CHECK(en.str().find("Employment plans — overview") != std::string::npos);
    CHECK(en.str().find("Beskæftigelsesplaner") == std::string::npos);
}

namespace {
// A document that is no plan, as assemble() reports one.
Report not_a_plan_report() {
    Report r;
    r.path = "dagsorden.docx";
    r.municipalities = {"Roskilde"};
    r.years = {2013};
    r.kind = DocKind::other;
    r.reasons = {{"type: ikke en beskæftigelsesplan (ordet 'beskæftigelsesplan' forekommer ikke)",
                  "kind: not an employment plan (the word 'beskæftigelsesplan' does not occur)"}};
    r.findings = {{kNotAPlanRule, Severity::info, {"Ikke en plan.", "Not a plan."}, 0, "", ""}};
    finish_report(r);
    return r;
}
}  // namespace

TEST_CASE("writers: a document that is no plan has a grey verdict of its own everywhere", "[writers][not-a-plan]") {
    const Report r = not_a_plan_report();
    REQUIRE(r.status == Status::not_a_plan);
    for (Lang lang : {Lang::da, Lang::en}) {
        std::string text = render("text", r, lang);
        CHECK(text.find(verdict_word("not-a-plan", lang)) != std::string::npos);
        CHECK(text.find(lang == Lang::da ? "I ORDEN" : "CONFORMANT") == std::string::npos);
        CHECK(text.find("0/0") == std::string::npos);
        Html h(render("html", r, lang));
        CHECK(h.text("//header[@id='verdict']/@class") == "banner not-a-plan");
        CHECK(h.text("//header[@id='verdict']/p[@class='verdict']") == verdict_word("not-a-plan", lang));
        auto rows = parse_csv(render("csv", r, lang));
        REQUIRE(rows.size() == 2);
        CHECK(rows[1][6] == "not-a-plan");
        CHECK(rows[1].back() == (lang == Lang::da ? "Ikke en beskæftigelsesplan" : "Not an employment plan"));
        CHECK(rows[0].back() == "verdict");
    }
    CHECK(render("text", r).find("forekommer ikke") != std::string::npos);  // the reason is shown
    // the overview counts it apart from the conformant and nonconformant plans
    Report ok;
    ok.path = "plan.docx";
    finish_report(ok);
    REQUIRE(ok.status == Status::conformant);
    std::ostringstream ss;
    write_overview_html(ss, {{r, "dagsorden.html"}, {ok, "plan.html"}}, WriterOptions{});
    Html h(ss.str());
    CHECK(h.text("//header/p[@class='counts']") ==
          "2 filer · 1 i orden · 0 ikke i orden · 1 ikke en beskæftigelsesplan · 0 kan ikke læses");
    CHECK(h.text("//table[@class='overview']/tbody/tr[1]/@class") == "plan not-a-plan");
    CHECK(h.text("//table[@class='overview']/tbody/tr[1]/td[@class='status']") == "Ikke en beskæftigelsesplan");
    CHECK(ss.str().find("tr.not-a-plan td.status{") != std::string::npos);
}

namespace {
int occurrences(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

// The lines of a text report's section ("Krav", "Fund"): from its title to the next blank line.
std::string text_section(const std::string& text, const std::string& title) {
    auto p = text.find("\n" + title + "\n");
    if (p == std::string::npos) return "";
    p += title.size() + 2;
    return text.substr(p, text.find("\n\n", p) - p);
}
}  // namespace

// Issue 20 pt 6: "0 advarsler" beside a "!", "6 fejl" when two requirements fail.
TEST_CASE("writers: the counts match the marks in text, HTML and the overview", "[writers][counts]") {
    auto gold = load_gold();
    std::vector<OverviewEntry> entries;
    for (const auto& g : gold) {
        const Report& r = corpus_report(g, g.formats.front());
        INFO(r.path);
        const Summary& s = r.summary;
        int fail = 0, warn = 0;
        for (const auto& q : r.requirements) fail += q.status == ReqStatus::fail, warn += q.status == ReqStatus::warn;
        CHECK(s.failed == fail);
        CHECK(s.warned == warn);
        // text: the verdict line says what the checklist marks and the findings list shows
        std::string text = render("text", r);
        if (r.status != Status::not_a_plan) {
            CHECK(text.find(std::to_string(fail) + " ikke opfyldt, " + std::to_string(warn) + " med advarsel") !=
                  std::string::npos);
            CHECK(occurrences(text_section(text, "Krav"), "  ✗ ") == fail);
            CHECK(occurrences(text_section(text, "Krav"), "  ! ") == warn);
            const std::string fund = text_section(text, "Fund");
            CHECK(occurrences(fund, "    fejl: ") == s.errors);
            CHECK(occurrences(fund, "    advarsel: ") == s.warnings);
            CHECK(text.find(count_noun(s.errors, Lang::da, "fejl", "fejl", "", "") + ", " +
                            count_noun(s.warnings, Lang::da, "advarsel", "advarsler", "", "")) != std::string::npos);
        }
        // HTML: the summary line against the checklist's marks and the findings list
        Html h(render("html", r));
        if (r.status != Status::not_a_plan) {
            const std::string summary = h.text("//p[@class='summary']");
            CHECK(summary.find(std::to_string(fail) + " ikke opfyldt") != std::string::npos);
            CHECK(summary.find(std::to_string(warn) + " med advarsel") != std::string::npos);
        }
        CHECK(h.count("//table[@class='checklist']/tbody/tr[contains(@class,'fail')]") == static_cast<std::size_t>(fail));
        CHECK(h.count("//table[@class='checklist']/tbody/tr[contains(@class,'warn')]") == static_cast<std::size_t>(warn));
        CHECK(h.count("//li[contains(@class,'finding') and contains(@class,'error')]") ==
              static_cast<std::size_t>(s.errors));
        CHECK(h.count("//li[contains(@class,'finding') and contains(@class,'warning')]") ==
              static_cast<std::size_t>(s.warnings));
        entries.push_back({r, g.id + ".html"});
    }
    // the overview: a plan's "not met" and "with warnings" cells count its ✗ and ! cells
    std::ostringstream ss;
    write_overview_html(ss, entries, WriterOptions{});
    Html o(ss.str());
    for (std::size_t i = 1; i <= entries.size(); ++i) {
        const std::string row = "//table[@class='overview']/tbody/tr[" + std::to_string(i) + "]";
        INFO(entries[i - 1].report.path);
        CHECK(o.text(row + "/td[8]") == std::to_string(o.count(row + "/td[@class='fail']")));
        CHECK(o.text(row + "/td[9]") == std::to_string(o.count(row + "/td[@class='warn']")));
        CHECK(o.text(row + "/td[10]") == std::to_string(entries[i - 1].report.summary.errors));
    }
}

TEST_CASE("writers: Danish reports have no English words and get singular and plural right", "[writers][counts][da]") {
    // requirements, passed, failed, warned, waived; errors, warnings (findings)
    auto summary = [](int req, int passed, int failed, int warned, int waived, int errors, int warnings) {
        Summary s;
        s.requirements = req, s.passed = passed, s.failed = failed, s.warned = warned, s.waived = waived;
        s.errors = errors, s.warnings = warnings;
        return s;
    };
    const Summary one = summary(1, 0, 0, 1, 0, 1, 1), two = summary(4, 2, 1, 1, 1, 2, 2);
    CHECK(requirement_counts(one, Lang::da) == "1 krav: 0 opfyldt, 0 ikke opfyldt, 1 med advarsel");
    CHECK(finding_counts(one, Lang::da) == "fund: 1 fejl, 1 advarsel");
    CHECK(requirement_counts(one, Lang::en) == "1 requirement: 0 met, 0 not met, 1 with a warning");
    CHECK(finding_counts(one, Lang::en) == "findings: 1 error, 1 warning");
    CHECK(requirement_counts(two, Lang::da) == "4 krav: 1 opfyldt, 1 ikke opfyldt, 1 med advarsel, 1 fritaget");
    CHECK(finding_counts(two, Lang::da) == "fund: 2 fejl, 2 advarsler");
    CHECK(finding_counts(two, Lang::en) == "findings: 2 errors, 2 warnings");
    for (const auto& g : load_gold())
        for (const auto& format : g.formats) {
            const Report& r = corpus_report(g, format);
            INFO(r.path);
            for (const std::string& out : {render("text", r), Html(render("html", r)).text("//header")}) {
                for (const char* english : {"Type: plan", "Type: draft", "Type: annex", "alvor", ": error", ": warning",
                                            " draft", " final", "(er)", "(s)"})
                    CHECK(out.find(english) == std::string::npos);
                CHECK(out.find(" 1 advarsler") == std::string::npos);
            }
        }
}

// Issue 20 pt 4: "nedbringes med 2 pct." is filled in the JSON, and was
// "ikke udfyldt" in the text report and the overview.
TEST_CASE("writers: a target given only as a change is shown as its change everywhere", "[writers][targets]") {
    Report r;
    r.path = "plan.txt";
    r.years = {2012};
    GoalResult g;
    g.id = "goal-2012-1";
    g.title = {"Langtidsledigheden skal bekæmpes", "Long-term unemployment"};
    g.addressed = true;
    Target down;
    down.text = "Antallet skal nedbringes med 2 pct. fra december 2011 til december 2012.";
    down.unit = "pct.";
    down.deadline = "december 2012";
    down.change_pct = -2.0;
    down.filled = true;
    g.targets = {down};
    r.goals.push_back(g);
    g.id = "goal-2012-2";
    Target up = down;
    up.change_pct = 3.0;
    g.targets = {up};
    r.goals.push_back(g);
    g.id = "goal-2012-3";
    Target blank;
    blank.filled = false;  // "nedbringes med X pct."
    g.targets = {blank};
    r.goals.push_back(g);
    finish_report(r);
    const std::string minus = "\u2212" "2 pct.";
    std::string text = render("text", r);
    CHECK(text.find("→ " + minus + ", december 2012") != std::string::npos);
    CHECK(text.find("→ +3 pct., december 2012") != std::string::npos);
    CHECK(occurrences(text, "ikke udfyldt") == 1);  // only the placeholder
    Html h(render("html", r));
    auto cells = h.texts("//table[@class='goals']/tbody/tr/td[3]");
    REQUIRE(cells.size() == 3);
    CHECK(cells[0] == minus);
    CHECK(cells[1] == "+3 pct.");
    CHECK(cells[2] == "ikke udfyldt");
    std::ostringstream ss;
    write_overview_html(ss, {{r, "plan.html"}}, WriterOptions{});
    Html o(ss.str());
    auto goal_cells = o.texts("//table[@class='overview']/tbody/tr/td[contains(@class,'num') and @title]");
    REQUIRE(goal_cells.size() == 3);
    CHECK(goal_cells[0] == minus);
    CHECK(goal_cells[1] == "+3 pct.");
    CHECK(goal_cells[2] == "ikke udfyldt");
    CHECK(o.count("//td[contains(@class,'unfilled')]") == 1);
    CHECK(render("text", r, Lang::en).find("→ " + minus) != std::string::npos);
}

TEST_CASE("writers: a link that looks like a URL scheme stays relative", "[writers][overview][escape]") {
    Report r;
    r.path = "javascript:alert(1).docx";
    r.status = Status::conformant;
    std::ostringstream ss;
    write_overview_html(ss, {{r, "javascript:alert(1).html"}, {r, "a b#c?.html"}}, WriterOptions{});
    Html h(ss.str());
    auto hrefs = h.texts("//a/@href");
    REQUIRE(hrefs.size() == 2);
    CHECK(hrefs[0] == "./javascript:alert(1).html");
    CHECK(hrefs[1] == "a%20b%23c%3F.html");
}

TEST_CASE("writers: document text never becomes markup", "[writers][escape]") {
    TempDir dir;
    std::string path = dir.write("plan <script>.txt", kHostile);
    Report r = session().check(path);
    REQUIRE(r.status != Status::unreadable);
    // the hostile text reached the report (else the test proves nothing)
    std::string all = render("json", r);
    CHECK(all.find("<script>") != std::string::npos);
    for (Lang lang : {Lang::da, Lang::en}) {
        std::string html = render("html", r, lang);
        Html h(html);
        REQUIRE(h.doc != nullptr);
        CHECK(h.errors == std::vector<std::string>{});
        CHECK(h.count("//script") == 0);
        CHECK(h.count("//img") == 0);
        CHECK(h.count("//iframe") == 0);
        CHECK(h.count("//b") == 0);
        CHECK(h.count("//style") == 1);  // our own, in the head
        CHECK(h.count("//@onerror") == 0);
        CHECK(h.count("//@onmouseover") == 0);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("&lt;script&gt;") != std::string::npos);
        // the text is still there, as text
        bool shown = false;
        for (const auto& t : h.texts("//body//text()"))
            if (t.find("<script>") != std::string::npos) shown = true;
        CHECK(shown);
    }
    // the overview too
    std::ostringstream ss;
    write_overview_html(ss, {{r, "plan.html"}}, WriterOptions{});
    Html o(ss.str());
    CHECK(o.count("//script") == 1);  // the page's own, none from the document
    CHECK(ss.str().find("data-pwned") == std::string::npos);
    CHECK(ss.str().find("plan &lt;script&gt;.txt") != std::string::npos);
}

TEST_CASE("writers: html escaping of every special character and of bad UTF-8", "[writers][escape]") {
    CHECK(html_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
    CHECK(html_escape("Æble ø å") == "Æble ø å");
    CHECK(html_escape(std::string("x\xff" "y")) == "x\xEF\xBF\xBDy");  // U+FFFD
    CHECK(html_escape(std::string("a\x01\x1b" "b")) == "ab");
    CHECK(html_escape("tab\tline\n") == "tab\tline\n");
}

TEST_CASE("writers: matched words are highlighted in the evidence", "[writers][html]") {
    Report r;
    r.path = "plan.txt";
    r.status = Status::nonconformant;
    RequirementResult q;
    q.id = "budget";
    q.title = {"Budget", "Budget"};
    q.legal_basis = "bek. nr. 735 af 2009 § 12, nr. 5";
    q.status = ReqStatus::fail;
    q.message = {"Budgettet er ikke udfyldt.", "The budget is not filled in."};
    q.evidence.push_back({9, "5", "Aktivering i alt: <X> kr. til Budget for indsatsen", "budget for <x>"});
    q.evidence.push_back({9, "5", "Budgettet for beskæftigelsesindsatsen", "budgettet for"});
    r.requirements.push_back(q);
    finish_report(r);
    std::string html = render("html", r);
    Html h(html);
    CHECK(h.errors == std::vector<std::string>{});
    // the whole match is not in the first excerpt: its words of 4+ letters are
    auto marks = h.texts("//blockquote/mark");
    REQUIRE(marks.size() == 2);
    CHECK(marks[0] == "Budget");
    CHECK(marks[1] == "Budgettet for");
    CHECK(html.find("&lt;X&gt;") != std::string::npos);
    CHECK(h.text("//tr[@id='req-budget']/td[3]") == "bek. nr. 735 af 2009 § 12, nr. 5");
    CHECK(h.text("//tr[@id='req-budget']//span[contains(@class,'mark')]") == "✗");
    CHECK(h.text("//tr[@id='req-budget']//blockquote[1]/span[@class='where']") == "s. 9 · afsnit 5");
}

TEST_CASE("writers: the text report names the pages read by OCR", "[writers][ocr]") {
    Report r;
    r.path = "scannet.pdf";
    r.status = Status::conformant;
    r.ocr_pages = {2, 3};
    r.ocr_confidence = 87.46;
    finish_report(r);
    CHECK(render("text", r).find("Sider læst med OCR: 2, 3 (sikkerhed 87,5)") != std::string::npos);
    CHECK(render("text", r, Lang::en).find("Pages read by OCR: 2, 3 (confidence 87.5)") != std::string::npos);
    r.ocr_pages.clear();
    CHECK(render("text", r).find("OCR") == std::string::npos);
}

TEST_CASE("writers: csv quotes by RFC 4180 and writes a batch with one header", "[writers][csv]") {
    Report a;
    a.path = "dir/plan, \"udkast\"\n2.docx";
    a.municipalities = {"Frederikshavn", "Læsø"};
    a.years = {2014};
    a.kind = DocKind::plan;
    a.profile = "2012-2015";
    a.stage = Stage::final;
    RequirementResult q;
    q.id = "budget";
    q.title = {"Budget, i alt", "Budget"};
    q.status = ReqStatus::warn;
    q.severity = Severity::warning;
    q.evidence.push_back({7, "5", "…", ""});
    a.requirements.push_back(q);
    q.id = "challenges";
    q.status = ReqStatus::pass;
    q.evidence.clear();
    a.requirements.push_back(q);
    finish_report(a);
    Report b;  // unreadable: one row, no requirement
    b.path = "scan.pdf";
    b.error = ReportError{"no-text", {"Ingen tekst", "No text"}};
    finish_report(b);

    std::ostringstream one;
    write_csv(one, a, WriterOptions{});
    auto rows = parse_csv(one.str());
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0] == "dir/plan, \"udkast\"\n2.docx");
    CHECK(one.str().find("\"dir/plan, \"\"udkast\"\"\n2.docx\"") != std::string::npos);
    CHECK(rows[1][1] == "Frederikshavn;Læsø");
    CHECK(rows[1][2] == "2014");
    CHECK(rows[1][7] == "budget");
    CHECK(rows[1][8] == "warn");
    CHECK(rows[1][9] == "warning");
    CHECK(rows[1][10] == "7");
    CHECK(rows[1][11] == "Budget, i alt");
    CHECK(rows[2][10] == "");

    std::ostringstream batch;
    const Writer* w = find_writer("csv");
    w->batch_header(batch, WriterOptions{});
    w->batch_item(batch, a, WriterOptions{});
    w->batch_item(batch, b, WriterOptions{});
    rows = parse_csv(batch.str());
    REQUIRE(rows.size() == 4);
    CHECK(std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r[0] == "file"; }) == 1);
    CHECK(rows[3][0] == "scan.pdf");
    CHECK(rows[3][6] == "unreadable");
    CHECK(rows[3][7] == "");
}

TEST_CASE("writers: every corpus JSON report validates against docs/report-schema.json", "[writers][schema]") {
    auto gold = load_gold();
    TempDir dir;
    std::vector<std::string> args = {debian_python(), source("tests/validate_schema.py"), source("docs/report-schema.json")};
    for (const auto& g : gold)
        for (const auto& format : g.formats) {
            std::string name = g.id + "." + format + ".json";
            dir.write(name, render("json", corpus_report(g, format)));
            args.push_back((dir.path / name).string());
        }
    // an unreadable file's report, and one in English
    {
        Report bad = session().check(dir.write("empty.pdf", ""));
        CHECK(bad.status == Status::unreadable);
        dir.write("unreadable.json", render("json", bad));
        args.push_back((dir.path / "unreadable.json").string());
        dir.write("english.json", render("json", corpus_report(gold.front(), "docx"), Lang::en));
        args.push_back((dir.path / "english.json").string());
    }
    // and one that must fail, so that the validator is known to work
    dir.write("broken.json", "{\"schema\": \"plantjek.report/1\"}");
    std::string out;
    int code = run_command({debian_python(), source("tests/validate_schema.py"), source("docs/report-schema.json"),
                            (dir.path / "broken.json").string()},
                           out);
    INFO(out);
    CHECK(code == 1);
    code = run_command(args, out);
    INFO(out);
    CHECK(code == 0);
    CHECK(out.find("valid: " + std::to_string(args.size() - 3)) != std::string::npos);
}

TEST_CASE("writers: golden text and JSON reports", "[writers][golden]") {
    const bool accept = std::getenv("PLANTJEK_ACCEPT") && std::string(std::getenv("PLANTJEK_ACCEPT")) == "1";
    auto gold = load_gold();
    const std::vector<std::pair<std::string, std::string>> plans = {
        {"2012-kolding-budget-xxx", "odt"},
        {"2019-ringsted-pending-goal", "odt"},
        {"2021-2024-gentofte-multiyear", "docx"},
    };
    for (const auto& [id, format] : plans) {
        auto g = std::find_if(gold.begin(), gold.end(), [&](const GoldPlan& x) { return x.id == id; });
        REQUIRE(g != gold.end());
        REQUIRE(std::find(g->formats.begin(), g->formats.end(), format) != g->formats.end());
        const Report& r = corpus_report(*g, format);
        REQUIRE(r.status != Status::unreadable);
        for (const auto& [writer, ext] : std::vector<std::pair<std::string, std::string>>{{"text", "txt"}, {"json", "json"}}) {
            fs::path file = fs::path(source("tests/golden")) / (id + "." + ext);
            std::string got = render(writer, r);
            INFO(file.string());
            if (accept) {
                fs::create_directories(file.parent_path());
                std::ofstream(file, std::ios::binary) << got;
                WARN("accepted " << file.string());
                continue;
            }
            REQUIRE(fs::exists(file));
            std::string want = slurp(file);
            if (got != want) {
                fs::path actual = fs::path(PLANTJEK_TEST_BINARY_DIR) / ("golden-actual-" + id + "." + ext);
                std::ofstream(actual, std::ios::binary) << got;
                FAIL_CHECK(file.string() << " differs; the output is in " << actual.string()
                                         << " (diff it; PLANTJEK_ACCEPT=1 accepts it)");
            }
        }
    }
}

TEST_CASE("writers: the same input gives byte-identical output", "[writers][determinism]") {
    auto gold = load_gold();
    auto g = std::find_if(gold.begin(), gold.end(), [](const GoldPlan& x) { return x.id == "2012-aarhus-complete"; });
    REQUIRE(g != gold.end());
    CheckOptions o;
    o.suggestions = false;
    for (const std::string format : {"docx", "pdf"}) {
        CheckSession s1(o), s2(o);
        Report a = s1.check(file_for(*g, format)), b = s2.check(file_for(*g, format));
        Report c = s1.check(file_for(*g, format));  // the same session again
        for (const auto& w : writer_names()) {
            if (find_writer(w)->batch_file) continue;  // xlsx: its cells' determinism is tests/test_xlsx.cpp's golden
            INFO(format << " " << w);
            std::string x = render(w, a);
            CHECK(x == render(w, b));
            CHECK(x == render(w, c));
        }
        std::ostringstream o1, o2;
        write_overview_html(o1, {{a, "a.html"}, {b, "b.html"}}, WriterOptions{});
        write_overview_html(o2, {{a, "a.html"}, {b, "b.html"}}, WriterOptions{});
        CHECK(o1.str() == o2.str());
    }
}

TEST_CASE("registries describe themselves: readers and writers as the schema, the walk and the help say", "[writers][registry]") {
    // The report schema's input formats are the reader registry's, and "unknown".
    std::ifstream in(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/docs/report-schema.json");
    const auto schema = nlohmann::json::parse(in);
    std::set<std::string> in_schema, registered = {"unknown"};
    for (const auto& f : schema["properties"]["input"]["properties"]["format"]["enum"]) in_schema.insert(f.get<std::string>());
    for (const auto& r : readers()) {
        registered.insert(format_name(r.format));
        CHECK_FALSE(r.extensions.empty());
        CHECK(reader_for(r.format) == &r);
        for (const auto& e : r.extensions) CHECK(e.rfind('.', 0) == 0);
    }
    CHECK(in_schema == registered);
    CHECK(reader_for(Format::unknown) == nullptr);
    // Every writer is offered by -f, in both languages, with its extension and what it is for.
    const auto da = plantjek::test::run_cli({"check", "--help"});
    const auto en = plantjek::test::run_cli({"--lang", "en", "check", "--help"});
    for (const auto& name : writer_names()) {
        const Writer* w = find_writer(name);
        REQUIRE(w);
        CHECK(std::string(w->extension).size() > 0);
        CHECK(da.out.find(name + " (" + w->summary.da) != std::string::npos);
        CHECK(en.out.find(name + " (" + w->summary.en) != std::string::npos);
    }
    // The batch formats share one stream; the others write a file per plan.
    CHECK(find_writer("csv")->batch_item);
    CHECK(find_writer("jsonl")->batch_item);
    CHECK_FALSE(find_writer("html")->batch_item);
}
