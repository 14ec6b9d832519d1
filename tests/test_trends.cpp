// plantjek trends (cli/trends.cpp, cli/svg_chart.cpp) on a database scanned
// from seven corpus plans (text files, ~1 s): the four charts as well-formed
// SVG files, each beside its table and its SQL in the page; the tables'
// numbers against the gold files and against the database; --kommune; bad
// databases; no script and no outside resource; and the SVGs' structure (not
// their pixels) against tests/golden/trends. When a change is intended:
// PLANTJEK_ACCEPT=1 build/tests/test_trends "[golden]" and review
// git diff tests/golden/trends. tests/test_trends_browser.py renders the page
// in Chromium.
#include <catch2/catch.hpp>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include "cli/store.h"
#include "cli/svg_chart.h"
#include "corpus_support.h"
#include "research_support.h"
#include "run_cli.h"

using namespace plantjek;
using namespace plantjek::test;
namespace fs = std::filesystem;

namespace {

// Two regimes before 2016 and one after, a joint plan (Frederikshavn and
// Læsø), two multi-year plans, and one plan with template leftovers.
const char* const kPlans[] = {"2010-odense-complete",          "2010-silkeborg-x-placeholders",
                              "2012-aarhus-complete",          "2014-frederikshavn-laesoe-joint",
                              "2020-hjoerring-complete",       "2020-2023-varde-firearig",
                              "2021-2024-gentofte-multiyear"};

// The scan database of kPlans' text files, made once per process.
const std::string& scan_db() {
    static TempDir dir;
    static const std::string db = [] {
        const std::string path = (dir.path / "scan.db").string();
        std::vector<std::string> args = {"-q", "scan", "--no-spelling", "--db", path};
        for (const char* id : kPlans) args.push_back((corpus_dir() / "txt" / (std::string(id) + ".txt")).string());
        auto r = run_cli(args);
        INFO(r.out << r.err);
        REQUIRE((r.code == 0 || r.code == 1));  // 1: a plan has findings
        return path;
    }();
    return db;
}

CliResult trends(const fs::path& out, std::vector<std::string> extra = {}, const std::string& db = scan_db()) {
    std::vector<std::string> args = {"-q", "trends", "--db", db, "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

// ---- XML ---------------------------------------------------------------

using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

Doc parse_svg(const std::string& bytes) {
    return Doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "chart.svg", "UTF-8",
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
               xmlFreeDoc);
}

Doc parse_html(const std::string& bytes) {
    return Doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "index.html", "UTF-8",
                              HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING),
               xmlFreeDoc);
}

std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

std::string text_of(const xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

// The elements `xpath` selects under `at` (the whole document when null).
std::vector<xmlNode*> select(xmlDoc* doc, const std::string& xpath, xmlNode* at = nullptr) {
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc), xmlXPathFreeContext);
    xmlXPathRegisterNs(ctx.get(), BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
    ctx->node = at ? at : xmlDocGetRootElement(doc);
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> r(
        xmlXPathEvalExpression(BAD_CAST xpath.c_str(), ctx.get()), xmlXPathFreeObject);
    INFO(xpath);
    REQUIRE(r);
    std::vector<xmlNode*> out;
    if (r->nodesetval)
        for (int i = 0; i < r->nodesetval->nodeNr; ++i) out.push_back(r->nodesetval->nodeTab[i]);
    return out;
}

// ---- the output folder -------------------------------------------------

// The charts' SVG files of a trends folder by file name, sorted.
std::map<std::string, std::string> svg_files(const fs::path& dir) {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".svg") m[e.path().filename().string()] = slurp(e.path());
    return m;
}

// The page's sections, each with the chart files it draws (by file name stem).
struct Section {
    const char* id;
    std::regex files;
};
const std::vector<Section>& sections() {
    static const std::vector<Section> s = {{"plans", std::regex("plans-by-year")},
                                           {"pass-rates", std::regex("pass-[a-z0-9-]+")},
                                           {"themes", std::regex("theme-[a-z0-9-]+")},
                                           {"leftovers", std::regex("leftovers-by-year")}};
    return s;
}

// A table's body rows as text cells (the header row left out).
std::vector<Row> table_rows(xmlDoc* doc, xmlNode* table) {
    std::vector<Row> rows;
    for (xmlNode* tr : select(doc, ".//tr[td]", table)) {
        Row r;
        for (xmlNode* td : select(doc, "td", tr)) r.push_back(text_of(td));
        rows.push_back(r);
    }
    return rows;
}

// The rows of `sql` as trends shows them: the first `cols` columns, NULL empty.
std::vector<Row> sql_rows(const std::string& sql, std::size_t cols) {
    auto db = Store(scan_db());
    std::vector<Row> rows = query_rows(db.handle(), sql);
    for (auto& r : rows) {
        r.resize(std::min(cols, r.size()));
        for (auto& c : r)
            if (c == "NULL") c.clear();
    }
    return rows;
}

// ---- what the charts draw ----------------------------------------------

// (year, value) of each data point of an SVG (circle or bar), summed per year
// for the bars of a stacked chart; by series name ("" for bars).
std::map<std::string, std::map<int, double>> points(xmlDoc* svg) {
    std::map<std::string, std::map<int, double>> m;
    for (xmlNode* c : select(svg, "//s:circle[@class='point']"))
        m[attr(c->parent, "data-name")][std::stoi(attr(c, "data-year"))] = std::stod(attr(c, "data-value"));
    for (xmlNode* b : select(svg, "//s:rect[@class='bar']"))
        m[""][std::stoi(attr(b, "data-year"))] += std::stod(attr(b, "data-value"));
    return m;
}

// Every coordinate of a drawn mark lies inside the SVG's width and height.
void check_marks_inside(xmlDoc* svg, const std::string& name) {
    xmlNode* root = xmlDocGetRootElement(svg);
    const double w = std::stod(attr(root, "width")), h = std::stod(attr(root, "height"));
    auto inside = [&](double x, double y) {
        INFO(name << ": (" << x << ", " << y << ") in " << w << " x " << h);
        CHECK((x >= 0 && x <= w && y >= 0 && y <= h));
    };
    for (xmlNode* c : select(svg, "//s:circle")) inside(std::stod(attr(c, "cx")), std::stod(attr(c, "cy")));
    for (xmlNode* r : select(svg, "//s:rect")) {
        const double x = std::stod(attr(r, "x")), y = std::stod(attr(r, "y"));
        inside(x, y);
        inside(x + std::stod(attr(r, "width")), y + std::stod(attr(r, "height")));
    }
    for (xmlNode* p : select(svg, "//s:polyline")) {
        std::istringstream in(attr(p, "points"));
        double x, y;
        char comma;
        while (in >> x >> comma >> y) inside(x, y);
    }
}

// Per plan year as the gold files say: the plans (a row per kommune and
// year) and those with template leftovers.
struct GoldYear {
    double plans = 0, leftovers = 0;
};
std::map<int, GoldYear> gold_by_year() {
    std::set<std::string> ids(std::begin(kPlans), std::end(kPlans));
    std::map<int, GoldYear> m;
    for (const auto& g : load_gold()) {
        if (!ids.count(g.id)) continue;
        auto it = g.requirements.find("no-placeholders");
        const bool left = it != g.requirements.end() && (it->second == "fail" || it->second == "warn");
        for (int y : g.years) {
            m[y].plans += static_cast<double>(g.municipalities.size());
            if (left) m[y].leftovers += static_cast<double>(g.municipalities.size());
        }
    }
    REQUIRE(m.size() >= 5);
    return m;
}

// ---- the structure golden ----------------------------------------------

void outline(const xmlNode* n, int depth, std::ostringstream& os) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = name_of(n);
        os << std::string(2 * depth, ' ') << name;
        for (const char* a : {"class", "data-chart", "data-kind", "data-name", "data-stack", "data-year", "data-value",
                              "width", "height", "role"})
            if (xmlHasProp(n, BAD_CAST a) && (name == "svg" || std::string(a).rfind("data-", 0) == 0 ||
                                              std::string(a) == "class"))
                os << " " << a << "=" << attr(n, a);
        if (name == "polyline") {
            std::istringstream in(attr(n, "points"));
            std::string p;
            int k = 0;
            while (in >> p) ++k;
            os << " points=" << k;
        }
        if (name == "text" || name == "title") os << " \"" << text_of(n) << "\"";
        os << "\n";
        outline(n->children, depth + 1, os);
    }
}

// The outline of each SVG of a section, in file name order.
std::string section_outline(const fs::path& dir, const Section& s) {
    std::ostringstream os;
    for (const auto& [file, bytes] : svg_files(dir)) {
        if (!std::regex_match(fs::path(file).stem().string(), s.files)) continue;
        Doc d = parse_svg(bytes);
        REQUIRE(d);
        os << "== " << file << "\n";
        outline(xmlDocGetRootElement(d.get()), 0, os);
    }
    return os.str();
}

}  // namespace

TEST_CASE("trends: every chart is a well-formed SVG file, inline in the page beside its table and its SQL", "[trends]") {
    TempDir out;
    auto r = trends(out.path / "ud");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto files = svg_files(out.path / "ud");
    Doc page = parse_html(slurp(out.path / "ud" / "index.html"));
    REQUIRE(page);
    std::size_t drawn = 0;
    for (const auto& s : sections()) {
        INFO("section " << s.id);
        auto sec = select(page.get(), std::string("//section[@id='") + s.id + "']");
        REQUIRE(sec.size() == 1);
        auto pair = select(page.get(), "div[@class='pair']", sec[0]);
        REQUIRE(pair.size() == 1);
        auto svgs = select(page.get(), ".//figure/svg", pair[0]);
        CHECK(!svgs.empty());
        CHECK(select(page.get(), "table", pair[0]).size() == 1);
        CHECK(select(page.get(), "details/pre", pair[0]).size() == 1);
        for (xmlNode* svg : svgs) {
            const std::string file = attr(svg, "data-chart") + ".svg";
            INFO(file);
            CHECK(std::regex_match(attr(svg, "data-chart"), s.files));
            REQUIRE(files.count(file) == 1);
            Doc d = parse_svg(files.at(file));
            REQUIRE(d);  // well-formed XML
            xmlNode* root = xmlDocGetRootElement(d.get());
            CHECK(name_of(root) == "svg");
            REQUIRE(root->ns);
            CHECK(std::string(reinterpret_cast<const char*>(root->ns->href)) == "http://www.w3.org/2000/svg");
            CHECK(attr(root, "data-chart") + ".svg" == file);
            CHECK(!select(d.get(), "s:title").empty());
            check_marks_inside(d.get(), file);
            auto link = select(page.get(), "../figcaption/a", svg);
            REQUIRE(link.size() == 1);
            CHECK(attr(link[0], "href") == file);
            ++drawn;
        }
    }
    CHECK(drawn == files.size());  // no SVG file the page does not show
    CHECK(files.count("plans-by-year.svg") == 1);
    CHECK(files.count("leftovers-by-year.svg") == 1);
}

TEST_CASE("trends: each table is its SQL's answer on the database, and each chart draws its table", "[trends]") {
    TempDir out;
    REQUIRE(trends(out.path).code == 0);
    Doc page = parse_html(slurp(out.path / "index.html"));
    REQUIRE(page);
    std::map<std::string, std::vector<Row>> tables;
    for (const auto& s : sections()) {
        INFO("section " << s.id);
        xmlNode* sec = select(page.get(), std::string("//section[@id='") + s.id + "']").at(0);
        auto table = select(page.get(), ".//table", sec).at(0);
        const std::string sql = text_of(select(page.get(), ".//details/pre", sec).at(0));
        auto rows = table_rows(page.get(), table);
        CHECK(!rows.empty());
        CHECK(rows == sql_rows(sql, rows.empty() ? 0 : rows[0].size()));
        tables[s.id] = rows;
    }
    const auto files = svg_files(out.path);
    Doc plans = parse_svg(files.at("plans-by-year.svg"));
    std::map<int, double> per_year;
    for (const auto& r : tables["plans"]) per_year[std::stoi(r[0])] += std::stod(r[2]);
    const auto gold = gold_by_year();
    std::map<int, double> gold_plans, gold_left;
    for (const auto& [y, g] : gold) {
        gold_plans[y] = g.plans;
        gold_left[y] = std::round(1000.0 * g.leftovers / g.plans) / 10.0;
    }
    CHECK(per_year == gold_plans);
    CHECK(points(plans.get())[""] == per_year);
    std::map<int, double> by_sql;
    for (const auto& r : sql_rows("SELECT year, count(*) FROM unique_plan_kommune_years GROUP BY year", 2))
        by_sql[std::stoi(r[0])] = std::stod(r[1]);
    CHECK(by_sql == per_year);

    // Pass rates: requirement, year, plans, % — one chart per requirement.
    std::map<std::string, std::map<int, double>> pass;
    for (const auto& r : tables["pass-rates"]) pass[r[0]][std::stoi(r[1])] = std::stod(r[3]);
    for (const auto& [id, by_year] : pass) {
        INFO("pass-" << id);
        REQUIRE(files.count("pass-" + id + ".svg") == 1);
        Doc d = parse_svg(files.at("pass-" + id + ".svg"));
        CHECK(points(d.get())[id] == by_year);
    }
    // The leftovers (2010: Odense's complete plan and Silkeborg's with X for its targets).
    std::map<int, double> left;
    for (const auto& r : tables["leftovers"]) left[std::stoi(r[0])] = std::stod(r[3]);
    CHECK(left == gold_left);
    CHECK(left.at(2010) == 50.0);
    Doc leftovers = parse_svg(files.at("leftovers-by-year.svg"));
    auto drawn = points(leftovers.get());
    REQUIRE(drawn.size() == 1);
    CHECK(drawn.begin()->second == left);
}

TEST_CASE("trends: each theme's small multiples draw one series per kommune, the values of the table", "[trends]") {
    TempDir out;
    REQUIRE(trends(out.path).code == 0);
    Doc page = parse_html(slurp(out.path / "index.html"));
    xmlNode* sec = select(page.get(), "//section[@id='themes']").at(0);
    std::map<std::string, std::map<std::string, std::map<int, double>>> want;  // theme → kommune → year → value
    for (const auto& r : table_rows(page.get(), select(page.get(), ".//table", sec).at(0)))
        want[r[0]][r[1]][std::stoi(r[2])] = std::stod(r[3]);
    REQUIRE(want.size() >= 2);
    const auto files = svg_files(out.path);
    std::set<std::string> kommuner;
    for (const auto& [theme, by_kommune] : want) {
        INFO("theme-" << theme);
        REQUIRE(files.count("theme-" + theme + ".svg") == 1);
        Doc d = parse_svg(files.at("theme-" + theme + ".svg"));
        auto got = points(d.get());
        REQUIRE(got.size() == by_kommune.size());
        for (const auto& [kommune, by_year] : by_kommune) {
            INFO(kommune);
            REQUIRE(got.count(kommune) == 1);
            for (const auto& [year, value] : by_year) CHECK(std::abs(got[kommune][year] - value) < 0.05);
            CHECK(got[kommune].size() == by_year.size());
            kommuner.insert(kommune);
        }
        CHECK(select(d.get(), "//s:g[contains(@class, 'highlight')]").empty());  // none without --kommune
    }
    // Multi-year plans give a kommune several points: Gentofte 2021-2024.
    CHECK(kommuner.count("Gentofte") == 1);
    CHECK(kommuner.count("Læsø") == 1);
}

TEST_CASE("trends: --kommune highlights exactly that kommune's series, drawn last, and nothing else changes", "[trends]") {
    TempDir out;
    REQUIRE(trends(out.path / "alle").code == 0);
    const auto plain = svg_files(out.path / "alle");
    for (const std::string kommune : {"Gentofte", "Læsø"}) {
        INFO(kommune);
        const fs::path dir = out.path / "en";
        fs::remove_all(dir);
        auto r = trends(dir, {"--kommune", kommune});
        INFO(r.err);
        REQUIRE(r.code == 0);
        const auto files = svg_files(dir);
        REQUIRE(files.size() == plain.size());
        int highlighted = 0;
        for (const auto& [file, bytes] : files) {
            INFO(file);
            if (file.rfind("theme-", 0) != 0) {
                CHECK(bytes == plain.at(file));
                continue;
            }
            Doc d = parse_svg(bytes);
            auto series = select(d.get(), "//s:g[contains(concat(' ', @class, ' '), ' series ')]");
            auto marked = select(d.get(), "//s:g[contains(concat(' ', @class, ' '), ' highlight ')]");
            const bool has = std::any_of(series.begin(), series.end(), [&](xmlNode* g) { return attr(g, "data-name") == kommune; });
            CHECK(marked.size() == (has ? 1u : 0u));
            if (marked.empty()) continue;
            CHECK(attr(marked[0], "data-name") == kommune);
            CHECK(marked[0] == series.back());  // on top of the others
            CHECK(bytes != plain.at(file));
            ++highlighted;
        }
        CHECK(highlighted >= 1);
        CHECK(slurp(dir / "index.html").find("highlight") != std::string::npos);
    }
}

TEST_CASE("trends: an unknown kommune is refused, in Danish and with --lang en in English", "[trends]") {
    TempDir out;
    auto r = trends(out.path / "ud", {"--kommune", "Atlantis"});
    CHECK(r.code == 2);
    CHECK(r.err.find("ukendt kommune 'Atlantis'") != std::string::npos);
    CHECK(r.err.find("Gentofte") != std::string::npos);  // the kommuner it has
    CHECK_FALSE(fs::exists(out.path / "ud"));
    auto lower = trends(out.path / "ud", {"--kommune", "gentofte"});  // the name as the database spells it
    CHECK(lower.code == 2);
    auto en = run_cli({"--lang", "en", "trends", "--db", scan_db(), "-o", (out.path / "ud").string(), "--kommune", "Atlantis"});
    CHECK(en.code == 2);
    CHECK(en.err.find("unknown kommune 'Atlantis'") != std::string::npos);
    CHECK(en.err.find("ukendt") == std::string::npos);
}

TEST_CASE("trends: a missing database, a file that is no SQLite, an empty file and another program's database are refused, and left as they were", "[trends]") {
    TempDir dir;
    const fs::path out = dir.path / "ud";
    auto missing = trends(out, {}, (dir.path / "findes-ikke.db").string());
    CHECK(missing.code == 2);
    CHECK(missing.err.find("databasen findes ikke") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "findes-ikke.db"));

    const std::string text = dir.write("noter.db", "Dette er ikke en database, men en tekst.\n");
    auto t = trends(out, {}, text);
    CHECK(t.code == 2);
    CHECK(t.err.find("kan ikke læses som SQLite-database") != std::string::npos);
    CHECK(slurp(text) == "Dette er ikke en database, men en tekst.\n");

    const std::string empty = dir.write("tom.db", "");
    auto e = trends(out, {}, empty);
    CHECK(e.code == 2);
    CHECK(e.err.find("ikke en plantjek-database") != std::string::npos);
    CHECK(fs::file_size(empty) == 0);  // not made into an empty plantjek database

    const std::string other = (dir.path / "andet.db").string();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE kunder (navn TEXT); INSERT INTO kunder VALUES ('Jensen')", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto o = trends(out, {}, other);
    CHECK(o.code == 2);
    CHECK(o.err.find("ikke en plantjek-database") != std::string::npos);
    auto en = run_cli({"--lang", "en", "trends", "--db", other, "-o", out.string()});
    CHECK(en.code == 2);
    CHECK(en.err.find("not a plantjek database") != std::string::npos);
    REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
    CHECK(query_rows(db, "SELECT group_concat(name) FROM sqlite_master") == std::vector<Row>{{"kunder"}});
    sqlite3_close(db);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("trends: no script, no event handler and no outside resource in the page or the SVGs", "[trends]") {
    TempDir dir;
    // The database's name is shown in the page: a name with markup stays text.
    const fs::path db = dir.path / "<script>alert(1).db";
    fs::copy_file(scan_db(), db);
    auto r = trends(dir.path / "ud", {"--kommune", "Gentofte"}, db.string());
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::map<std::string, std::string> all = svg_files(dir.path / "ud");
    all["index.html"] = slurp(dir.path / "ud" / "index.html");
    CHECK(all["index.html"].find("&lt;script&gt;alert(1).db") != std::string::npos);
    const std::regex script("<script|javascript:|\\son[a-z]+\\s*=|@import|url\\(", std::regex::icase);
    const std::regex outside("https?://");
    for (const auto& [file, bytes] : all) {
        INFO(file);
        CHECK_FALSE(std::regex_search(bytes, script));
        // Every http:// is the SVG namespace's name, which the browser never fetches.
        const std::string cleaned = std::regex_replace(bytes, std::regex("xmlns=\"http://www\\.w3\\.org/2000/svg\""), "");
        CHECK_FALSE(std::regex_search(cleaned, outside));
    }
    Doc page = parse_html(all["index.html"]);
    for (xmlNode* n : select(page.get(), "//*[@href or @src]")) {
        const std::string ref = attr(n, "href") + attr(n, "src");
        INFO(ref);
        CHECK(ref.find(':') == std::string::npos);
        CHECK(ref.find('/') == std::string::npos);
        CHECK(fs::exists(dir.path / "ud" / ref));
    }
}

TEST_CASE("trends: a line chart with a negative value keeps every point inside the chart", "[trends][svg]") {
    // A target given as a fall is negative; the y axis must reach down to it.
    std::vector<Series> s = {{"Faldende", {{2020, -12.0}, {2021, 4.0}, {2022, -30.5}}, false},
                             {"Stigende", {{2020, 10.0}, {2022, 25.0}}, true}};
    Doc d = parse_svg(line_chart({"negative", "Fald", "pct.", 260, 170}, s));
    REQUIRE(d);
    check_marks_inside(d.get(), "negative");
    auto labels = select(d.get(), "//s:g[@class='axis']/s:text");
    REQUIRE(!labels.empty());
    CHECK(std::stod(text_of(labels.front())) <= -30.5);  // the lowest tick
    auto series = select(d.get(), "//s:g[contains(@class, 'series')]");
    REQUIRE(series.size() == 2);
    CHECK(attr(series.back(), "data-name") == "Stigende");  // the highlighted one drawn last
}

TEST_CASE("trends: the SVGs' structure matches tests/golden/trends and is the same on every run", "[trends][golden]") {
    TempDir dir;
    REQUIRE(trends(dir.path / "a", {"--kommune", "Gentofte"}).code == 0);
    REQUIRE(trends(dir.path / "b", {"--kommune", "Gentofte"}).code == 0);
    CHECK(svg_files(dir.path / "a") == svg_files(dir.path / "b"));  // byte for byte
    const fs::path golden = fs::path(PLANTJEK_TEST_SOURCE_DIR) / "tests" / "golden" / "trends";
    for (const auto& s : sections()) {
        INFO(s.id);
        const std::string got = section_outline(dir.path / "a", s);
        CHECK(got == section_outline(dir.path / "b", s));
        CHECK(!got.empty());
        const fs::path file = golden / (std::string(s.id) + ".txt");
        if (std::getenv("PLANTJEK_ACCEPT")) {
            fs::create_directories(golden);
            std::ofstream(file, std::ios::binary) << got;
        }
        CHECK(got == slurp(file));
    }
}
