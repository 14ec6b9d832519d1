// plantjek compare OLD NEW | --db FILE --kommune K --years A B: checks two
// plans (or reads their reports from the store) and writes what changed
// (cli/compare.h).
#include <sqlite3.h>

#include <fstream>
#include <iostream>

#include "cli/check.h"
#include "cli/commands.h"
#include "cli/compare.h"
#include "cli/exit_codes.h"
#include "cli/store.h"
#include "report/json.h"

namespace plantjek {

namespace {

const char* say(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

// The stored report of a kommune's plan of a year (a one-year plan before a
// multi-year one), if the store has it.
std::optional<Report> stored_report(Store& s, const std::string& kommune, int year) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(s.handle(),
                       "SELECT d.report FROM unique_plan_kommune_years u JOIN documents d ON d.id = u.document_id "
                       "WHERE u.kommune = ? AND u.year = ? AND d.report IS NOT NULL "
                       "ORDER BY u.n_years = 1 DESC, u.canonical_path LIMIT 1",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, kommune.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, year);
    std::optional<Report> r;
    if (sqlite3_step(st) == SQLITE_ROW)
        r = report_from_json(nlohmann::ordered_json::parse(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))),
                             JsonTexts::both);
    sqlite3_finalize(st);
    return r;
}

int reports_from_db(const CommonOptions& common, const CompareOptions& o, Report& a, Report& b) {
    const Lang l = common.lang;
    if (o.kommune.empty() || o.years.size() != 2) {
        std::cerr << "plantjek: " << say(l, "--db kræver --kommune og --years ÅR1 ÅR2\n", "--db needs --kommune and --years YEAR1 YEAR2\n");
        return exit_code::usage;
    }
    if (!std::ifstream(o.db)) {
        std::cerr << "plantjek: " << o.db << say(l, ": databasen findes ikke\n", ": the database does not exist\n");
        return exit_code::usage;
    }
    Store s(o.db);
    for (int i = 0; i < 2; ++i) {
        auto r = stored_report(s, o.kommune, o.years[i]);
        if (!r) {
            std::cerr << "plantjek: " << say(l, "databasen har ingen plan for ", "the database has no plan of ") << o.kommune
                      << " " << o.years[i] << "\n";
            return exit_code::usage;
        }
        (i ? b : a) = std::move(*r);
    }
    return exit_code::ok;
}

int reports_from_files(const CommonOptions& common, const CompareOptions& o, Report& a, Report& b) {
    CheckOptions co;
    co.spelling = false;  // the comparison does not use the spelling
    co.suggestions = false;
    co.read.password = common.password;
    co.read.limits = common.limits;
    CheckSession session(co);
    a = session.check(o.files[0]);
    b = session.check(o.files[1]);
    for (const Report* r : {&a, &b})
        if (r->error) {
            std::cerr << "plantjek: " << r->path << ": "
                      << (common.lang == Lang::da ? r->error->message.da : r->error->message.en) << "\n";
            return exit_code::unreadable;
        }
    return exit_code::ok;
}

}  // namespace

int run_compare(const CommonOptions& common, const CompareOptions& o) {
    const Lang l = common.lang;
    Report a, b;
    try {
        int rc = exit_code::usage;
        if (!o.db.empty() && o.files.empty()) rc = reports_from_db(common, o, a, b);
        else if (o.db.empty() && o.files.size() == 2) rc = reports_from_files(common, o, a, b);
        else std::cerr << "plantjek: " << say(l, "angiv to planer (GAMMEL NY) eller --db\n", "give two plans (OLD NEW) or --db\n");
        if (rc != exit_code::ok) return rc;
    } catch (const StoreError& e) {
        std::cerr << "plantjek: " << say(l, "databasen kan ikke bruges: ", "the database cannot be used: ") << e.what() << "\n";
        return exit_code::usage;
    }
    const Comparison c = compare_reports(a, b);
    if (o.out.empty()) {
        write_comparison(std::cout, c, o.format, l);
        return exit_code::ok;
    }
    std::ofstream f(o.out, std::ios::binary);
    if (!f) {
        std::cerr << "plantjek: " << o.out << say(l, ": kan ikke skrives\n", ": cannot be written\n");
        return exit_code::usage;
    }
    write_comparison(f, c, o.format, l);
    return exit_code::ok;
}

}  // namespace plantjek
