// plantjek trends --db FILE -o DIR [--kommune K]: an HTML page and one SVG
// file per chart of the scan database: plans per year and regime, each
// requirement's pass rate by year, each theme's targets by kommune over the
// years, the leftovers rate by year. Each chart sits beside its table and
// its SQL. No script and no network in the page (cli/svg_chart.h).
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/store.h"
#include "cli/svg_chart.h"
#include "cli/writers/writer.h"
#include "rules/themes.h"

namespace plantjek {

namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

const char* const kPlansSql =
    "SELECT year, profile, count(*) AS plans\nFROM unique_plan_kommune_years\nGROUP BY year, profile\nORDER BY year, profile;";
const char* const kPassSql =
    "SELECT requirement_id, year, count(*) AS plans,\n"
    "       round(100.0 * sum(status IN ('pass', 'waived')) / count(*), 1) AS pass_pct\n"
    "FROM requirement_results\nWHERE status <> 'not-applicable'\n"
    "GROUP BY requirement_id, year\nORDER BY requirement_id, year;";
const char* const kThemeSql =
    "-- each kommune's first filled target of the theme in each plan year\n"
    "SELECT theme, kommune, year, value, unit, min(goal_id || printf('%04d', seq)) AS first\n"
    "FROM theme_targets\nWHERE filled = 1 AND value IS NOT NULL AND theme <> ''\n"
    "GROUP BY theme, kommune, year\nORDER BY theme, kommune, year;";
const char* const kLeftoversSql =
    "SELECT year, count(*) AS plans,\n"
    "       sum(leftovers_status IN ('fail', 'warn')) AS with_leftovers,\n"
    "       round(100.0 * sum(leftovers_status IN ('fail', 'warn')) / count(*), 1) AS leftovers_pct\n"
    "FROM unique_plan_kommune_years\nGROUP BY year\nORDER BY year;";

Rows rows_of(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) throw StoreError(sqlite3_errmsg(db));
    Rows out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::vector<std::string> r;
        for (int i = 0; i < sqlite3_column_count(st); ++i) {
            auto* t = sqlite3_column_text(st, i);
            r.push_back(t ? reinterpret_cast<const char*>(t) : "");
        }
        out.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    return out;
}

struct Page {
    std::ostringstream html;
    fs::path dir;
    Lang l;
    const char* say(const char* da, const char* en) const { return l == Lang::da ? da : en; }
    // The SVG inline and as DIR/<id>.svg.
    bool written = true;  // every SVG file was written
    void chart(const std::string& id, const std::string& svg) {
        std::ofstream f(dir / (id + ".svg"), std::ios::binary);
        f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << svg;
        written = written && f.good();
        html << "<figure>" << svg << "<figcaption><a href=\"" << html_escape(id) << ".svg\">" << html_escape(id)
             << ".svg</a></figcaption></figure>\n";
    }
    void table(const std::vector<std::string>& head, const Rows& rows, std::size_t cols) {
        html << "<table><tr>";
        for (const auto& h : head) html << "<th>" << html_escape(h) << "</th>";
        html << "</tr>\n";
        for (const auto& r : rows) {
            html << "<tr>";
            for (std::size_t i = 0; i < cols && i < r.size(); ++i) html << "<td>" << html_escape(r[i]) << "</td>";
            html << "</tr>\n";
        }
        html << "</table>\n";
    }
    void sql(const char* q) { html << "<details><summary>SQL</summary><pre>" << html_escape(q) << "</pre></details>\n"; }
    void open(const std::string& id, const char* da, const char* en) {
        html << "<section id=\"" << id << "\"><h2>" << say(da, en) << "</h2>\n<div class=\"pair\">\n";
    }
    void close() { html << "</div></section>\n"; }
};

void plans_chart(Page& p, sqlite3* db) {
    Rows r = rows_of(db, kPlansSql);
    std::vector<Bar> bars;
    for (const auto& x : r) bars.push_back({std::stoi(x[0]), x[1], std::stod(x[2])});
    p.open("plans", "Planer pr. år og regime", "Plans per year and regime");
    p.chart("plans-by-year", bar_chart({"plans-by-year", p.say("Planer pr. år og regime", "Plans per year and regime"), p.say("planer", "plans")}, bars));
    p.table({p.say("år", "year"), p.say("regime", "regime"), p.say("planer", "plans")}, r, 3);
    p.sql(kPlansSql);
    p.close();
}

void pass_charts(Page& p, sqlite3* db) {
    Rows r = rows_of(db, kPassSql);
    std::map<std::string, Series> by_req;
    for (const auto& x : r) {
        auto& s = by_req[x[0]];
        s.name = x[0];
        s.points.push_back({std::stoi(x[1]), std::stod(x[3])});
    }
    p.open("pass-rates", "Kravenes andel opfyldt pr. år (%)", "Requirements' pass rate by year (%)");
    p.html << "<div class=\"multiples\">\n";
    for (const auto& [id, s] : by_req)
        p.chart("pass-" + id, line_chart({"pass-" + id, id, "%", 260, 150, 0, 100}, {s}));
    p.html << "</div>\n";
    p.table({p.say("krav", "requirement"), p.say("år", "year"), p.say("planer", "plans"), "%"}, r, 4);
    p.sql(kPassSql);
    p.close();
}

void theme_charts(Page& p, sqlite3* db, const std::string& highlight) {
    Rows r = rows_of(db, kThemeSql);
    std::map<std::string, std::map<std::string, Series>> by_theme;
    for (const auto& x : r) {
        auto& s = by_theme[x[0]][x[1]];
        s.name = x[1];
        s.highlight = x[1] == highlight;
        s.points.push_back({std::stoi(x[2]), std::stod(x[3])});
    }
    p.open("themes", "Måltal pr. tema og kommune over årene", "Targets per theme and kommune over the years");
    p.html << "<div class=\"multiples\">\n";
    for (const auto& t : themes()) {
        auto it = by_theme.find(t.id);
        if (it == by_theme.end()) continue;
        std::vector<Series> series;
        for (auto& [k, s] : it->second) series.push_back(s);
        p.chart("theme-" + std::string(t.id),
                line_chart({"theme-" + std::string(t.id), p.l == Lang::da ? t.name.da : t.name.en, t.id, 260, 170}, series));
    }
    p.html << "</div>\n";
    p.table({p.say("tema", "theme"), p.say("kommune", "kommune"), p.say("år", "year"), p.say("måltal", "target"),
             p.say("enhed", "unit")},
            r, 5);
    p.sql(kThemeSql);
    p.close();
}

void leftovers_chart(Page& p, sqlite3* db) {
    Rows r = rows_of(db, kLeftoversSql);
    Series s{p.say("andel med skabelonrester", "share with leftovers"), {}, false};
    for (const auto& x : r) s.points.push_back({std::stoi(x[0]), std::stod(x[3])});
    p.open("leftovers", "Andel planer med skabelonrester pr. år (%)", "Share of plans with template leftovers by year (%)");
    p.chart("leftovers-by-year", line_chart({"leftovers-by-year", p.say("Skabelonrester pr. år", "Leftovers by year"), "%", 520, 260, 0, 100}, {s}));
    p.table({p.say("år", "year"), p.say("planer", "plans"), p.say("med rester", "with leftovers"), "%"}, r, 4);
    p.sql(kLeftoversSql);
    p.close();
}

// Why `path` is no plantjek scan database ("" when it is one). Opened read
// only: Store would migrate any SQLite file it is given, so trends run on
// another program's database (or an empty file) would turn it into an empty
// plantjek database and draw empty charts.
std::string not_a_scan_database(const std::string& path, const Page& p) {
    sqlite3* db = nullptr;
    std::string why;
    const std::string unreadable = p.say("kan ikke læses som SQLite-database: ", "cannot be read as an SQLite database: ");
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        why = unreadable + (db ? sqlite3_errmsg(db) : "out of memory");
    } else {
        sqlite3_stmt* st = nullptr;
        const char* q = "SELECT (SELECT user_version FROM pragma_user_version),"
                        " (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents')";
        if (sqlite3_prepare_v2(db, q, -1, &st, nullptr) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
            why = unreadable + sqlite3_errmsg(db);
        else if (sqlite3_column_int(st, 0) < 1 || sqlite3_column_int(st, 1) != 1)
            why = p.say("ikke en plantjek-database (den laves med plantjek scan MAPPE --db FIL)",
                        "not a plantjek database (plantjek scan DIR --db FILE makes one)");
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return why;
}

// --kommune must name a kommune with a plan in the database: a misspelt
// name would otherwise highlight nothing and look like a kommune without
// targets.
bool known_kommune(sqlite3* db, const std::string& kommune, const Page& p) {
    Rows r = rows_of(db, "SELECT DISTINCT kommune FROM unique_plan_kommune_years ORDER BY kommune");
    for (const auto& x : r)
        if (x[0] == kommune) return true;
    std::cerr << "plantjek: " << p.say("ukendt kommune '", "unknown kommune '") << kommune
              << p.say("'; databasen har planer fra: ", "'; the database has plans of: ");
    for (std::size_t i = 0; i < r.size(); ++i) std::cerr << (i ? ", " : "") << r[i][0];
    std::cerr << (r.empty() ? p.say("ingen kommuner", "no kommune") : "") << "\n";
    return false;
}

void page_head(Page& p, const TrendsOptions& o) {
    p.html << "<!DOCTYPE html>\n<html lang=\"" << p.say("da", "en") << "\"><head><meta charset=\"utf-8\"><title>"
           << p.say("Udvikling over årene", "Trends over the years")
           << "</title><style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;font-size:.85em}"
              "td,th{border:1px solid #ccc;padding:.1em .4em}.pair{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}"
              ".multiples{display:flex;flex-wrap:wrap;gap:.5em;max-width:60em}figure{margin:0}"
              "pre{background:#f4f4f4;padding:.5em}</style></head><body>\n<h1>"
           << p.say("Udvikling over årene", "Trends over the years") << "</h1>\n<p>" << html_escape(o.db)
           << (o.kommune.empty() ? "" : " · " + html_escape(o.kommune)) << "</p>\n";
}

}  // namespace

int run_trends(const CommonOptions& common, const TrendsOptions& o) {
    Page p;
    p.l = common.lang;
    p.dir = o.out;
    if (!std::ifstream(o.db)) {
        std::cerr << "plantjek: " << o.db << p.say(": databasen findes ikke\n", ": the database does not exist\n");
        return exit_code::usage;
    }
    if (auto why = not_a_scan_database(o.db, p); !why.empty()) {
        std::cerr << "plantjek: " << o.db << ": " << why << "\n";
        return exit_code::usage;
    }
    try {
        Store s(o.db);  // migrates an older plantjek database, so that every view exists
        if (!o.kommune.empty() && !known_kommune(s.handle(), o.kommune, p)) return exit_code::usage;
        std::error_code ec;
        fs::create_directories(p.dir, ec);
        if (ec || !fs::is_directory(p.dir)) {
            std::cerr << "plantjek: " << o.out << p.say(": mappen kan ikke oprettes\n", ": the folder cannot be created\n");
            return exit_code::usage;
        }
        page_head(p, o);
        plans_chart(p, s.handle());
        pass_charts(p, s.handle());
        theme_charts(p, s.handle(), o.kommune);
        leftovers_chart(p, s.handle());
        p.html << "</body></html>\n";
    } catch (const StoreError& e) {
        std::cerr << "plantjek: " << p.say("databasen kan ikke bruges: ", "the database cannot be used: ") << e.what() << "\n";
        return exit_code::usage;
    }
    std::ofstream index(p.dir / "index.html", std::ios::binary);
    index << p.html.str();
    index.close();
    if (!p.written || !index) {
        std::cerr << "plantjek: " << o.out << p.say(": filerne kan ikke skrives\n", ": the files cannot be written\n");
        return exit_code::usage;
    }
    if (!common.quiet) std::cout << (p.dir / "index.html").string() << "\n";
    return exit_code::ok;
}

}  // namespace plantjek
