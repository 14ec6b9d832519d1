// The SQLite store of `plantjek scan`: schema version and migrations, one
// document per path, replacement in one transaction, and the worker's wire
// form of a report (it must carry everything the writers and the store use).
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "cli/check.h"
#include "cli/store.h"
#include "cli/worker.h"
#include "cli/writers/writer.h"
#include "run_cli.h"

using namespace plantjek;
using plantjek::test::TempDir;

namespace {

std::string corpus(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/corpus/" + rel; }

long long count(const Store& s, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(s.handle(), sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    long long n = -1;
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

Report sample_report(const std::string& path) {
    Report r;
    r.path = path;
    r.sha256 = "abc";
    r.format = "txt";
    r.bytes = 10;
    r.pages = 2;
    r.municipalities = {"Frederikshavn", "Læsø"};
    r.years = {2014};
    r.kind = DocKind::plan;
    r.profile = "2012-2015";
    r.stage = Stage::final;
    RequirementResult q;
    q.id = "budget";
    q.title = {"Budget", "Budget"};
    q.status = ReqStatus::fail;
    q.evidence.push_back({3, "5", "Aktivering i alt: xxx kr.", "xxx"});
    r.requirements.push_back(q);
    GoalResult g;
    g.id = "goal-2014-1";
    g.addressed = true;
    Target t;
    t.text = "… 1.250 personer i december 2014";
    t.value = 1250;
    t.unit = "personer";
    g.targets.push_back(t);
    Target t2;
    t2.filled = false;
    g.targets.push_back(t2);
    r.goals.push_back(g);
    r.findings.push_back({"budget", Severity::error, {"Budget mangler", "Budget missing"}, 3, "5", "xxx"});
    r.spelling.checked = true;
    r.spelling.unknown.push_back({"beskæftigelsesindsatsn", 2, {"beskæftigelsesindsatsen"}, {1, 3}, false});
    finish_report(r);
    return r;
}

}  // namespace

TEST_CASE("store: a new database gets the current schema version, in WAL mode", "[store]") {
    TempDir dir;
    std::string db = (dir.path / "p.db").string();
    {
        Store s(db);
        CHECK(s.schema_version() == kStoreSchemaVersion);
        CHECK(s.integrity_ok());
    }
    Store again(db);  // opening a current database migrates nothing
    CHECK(again.schema_version() == kStoreSchemaVersion);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(again.handle(), "PRAGMA journal_mode", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
    sqlite3_finalize(st);
    CHECK(store_migration(0) != nullptr);
    CHECK(store_migration(kStoreSchemaVersion) == nullptr);
}

TEST_CASE("store: a database from a newer plantjek is refused, not damaged", "[store]") {
    TempDir dir;
    std::string db = (dir.path / "p.db").string();
    {
        sqlite3* h = nullptr;
        sqlite3_open(db.c_str(), &h);
        sqlite3_exec(h, "CREATE TABLE future (x); PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
        sqlite3_close(h);
    }
    CHECK_THROWS_AS(Store(db), StoreError);
    try {
        Store s(db);
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("newer") != std::string::npos);
    }
}

TEST_CASE("store: put writes every table, a second put of the same path replaces it", "[store]") {
    TempDir dir;
    Store s((dir.path / "p.db").string());
    CheckStamp stamp{"0.1.0", "0123456789abcdef", "spelling=1"};
    s.put(sample_report("a.txt"), stamp, "2024-01-01T00:00:00Z");
    CHECK(count(s, "SELECT count(*) FROM documents") == 1);
    CHECK(count(s, "SELECT count(*) FROM plan_kommuner") == 2);
    CHECK(count(s, "SELECT count(*) FROM plan_years WHERE year = 2014") == 1);
    CHECK(count(s, "SELECT count(*) FROM requirements WHERE requirement_id = 'budget' AND status = 'fail' AND page = 3") == 1);
    CHECK(count(s, "SELECT count(*) FROM targets WHERE value = 1250 AND goal_id = 'goal-2014-1'") == 1);
    CHECK(count(s, "SELECT count(*) FROM targets WHERE value IS NULL AND filled = 0") == 1);
    CHECK(count(s, "SELECT count(*) FROM findings") == 1);
    CHECK(count(s, "SELECT count(*) FROM spelling WHERE pages = '1,3'") == 1);
    CHECK(count(s, "SELECT count(*) FROM documents WHERE status = 'nonconformant' AND kommune = 'Frederikshavn' "
                   "AND kommuner = 'Frederikshavn; Læsø' AND year = 2014") == 1);

    auto found = s.find("a.txt");
    REQUIRE(found);
    CHECK(found->sha256 == "abc");
    CHECK(found->profile_version == "0123456789abcdef");
    CHECK(found->options == "spelling=1");
    CHECK_FALSE(s.find("b.txt"));

    Report r2 = sample_report("a.txt");
    r2.sha256 = "def";
    r2.goals.clear();
    finish_report(r2);
    s.put(r2, stamp, "2024-01-02T00:00:00Z");
    CHECK(count(s, "SELECT count(*) FROM documents") == 1);
    CHECK(count(s, "SELECT count(*) FROM targets") == 0);  // the old document's rows went with it
    CHECK(count(s, "SELECT count(*) FROM goals") == 0);
    CHECK(s.find("a.txt")->sha256 == "def");
    CHECK(s.integrity_ok());
}

TEST_CASE("store: an unreadable document keeps its error kind and both messages", "[store]") {
    TempDir dir;
    Store s((dir.path / "p.db").string());
    Report base;
    base.path = "x.pdf";
    base.sha256 = "ff";
    Report r = worker_failure_report(base, "timeout", "grænsen er 1 s", "the limit is 1 s");
    CHECK(r.status == Status::unreadable);
    s.put(r, {"0.1.0", "", ""}, utc_now());
    CHECK(count(s, "SELECT count(*) FROM documents WHERE error_kind = 'timeout' AND error_da LIKE '%1 s%' "
                   "AND error_en LIKE '%too long%' AND kommune IS NULL AND year IS NULL") == 1);
    CHECK(s.find("x.pdf")->error_kind == "timeout");
}

TEST_CASE("wire form: a real report survives the trip through a worker's pipe", "[store][wire]") {
    CheckOptions opts;
    opts.suggestions = true;
    CheckSession session(opts);
    for (const char* rel : {"txt/2012-kolding-budget-xxx.txt", "docx/2014-frederikshavn-laesoe-joint.docx",
                            "pdf/2019-ringsted-pending-goal.pdf"}) {
        Report r = session.check(corpus(rel));
        long rss = 0;
        std::string line = report_to_wire(r, 1234);
        CHECK(line.find('\n') == std::string::npos);
        Report back = report_from_wire(line, &rss);
        CHECK(rss == 1234);
        for (Lang lang : {Lang::da, Lang::en})
            for (const auto& name : writer_names()) {
                const Writer* w = find_writer(name);
                if (w->batch_file) continue;  // xlsx holds the time of writing; its cells: tests/test_xlsx.cpp
                WriterOptions wo;
                wo.lang = lang;
                std::ostringstream a, b;
                w->write(a, r, wo);
                w->write(b, back, wo);
                INFO(rel << " " << name);
                CHECK(a.str() == b.str());
            }
    }
    Report bad;
    bad.path = "missing.pdf";
    Report u = CheckSession(CheckOptions{}).check("/nonexistent/missing.pdf");
    Report back = report_from_wire(report_to_wire(u));
    REQUIRE(back.error);
    CHECK(back.error->kind == "io");
    CHECK(back.error->message.da == u.error->message.da);
    CHECK(back.error->message.en == u.error->message.en);
}

namespace {

// Every row of every table of schema 2, in a fixed order, as one text.
std::string dump_v2_tables(sqlite3* h) {
    std::string out;
    for (const char* t : {"documents", "plan_years", "plan_kommuner", "requirements", "goals", "targets", "findings",
                          "spelling"}) {
        std::string cols;
        {
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(h, (std::string("SELECT * FROM ") + t + " LIMIT 0").c_str(), -1, &st, nullptr);
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                std::string c = sqlite3_column_name(st, i);
                if (c == "canonical_path" || c == "theme") continue;  // added by version 3
                cols += (cols.empty() ? "" : ", ") + c;
            }
            sqlite3_finalize(st);
        }
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(h, ("SELECT " + cols + " FROM " + t + " ORDER BY 1, 2").c_str(), -1, &st, nullptr) ==
                SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            out += t;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                auto* x = sqlite3_column_text(st, i);
                out += "|" + std::string(x ? reinterpret_cast<const char*>(x) : "∅");
            }
            out += "\n";
        }
        sqlite3_finalize(st);
    }
    return out;
}

}  // namespace

TEST_CASE("store: a database of schema 2, written by the release's store, migrates to 3 and keeps its data",
          "[store][migration]") {
    // tests/fixtures/store-v2.db: three corpus plans (one of one kommune, a
    // joint plan, a 2021-2024 plan) written by the schema-2 store code.
    TempDir dir;
    const std::string db = (dir.path / "v2.db").string();
    std::filesystem::copy_file(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/store-v2.db", db);
    std::string before;
    long long units = 0;
    {
        sqlite3* h = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, nullptr);
        REQUIRE(sqlite3_step(st) == SQLITE_ROW);
        CHECK(sqlite3_column_int(st, 0) == 2);
        sqlite3_finalize(st);
        before = dump_v2_tables(h);
        // kommuner × years of each document, from its own columns.
        sqlite3_prepare_v2(h, "SELECT kommuner, years FROM documents", -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string k = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            std::string y = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
            units += (1 + static_cast<long long>(std::count(k.begin(), k.end(), ';'))) *
                     (1 + static_cast<long long>(std::count(y.begin(), y.end(), ',')));
        }
        sqlite3_finalize(st);
        sqlite3_close(h);
    }
    REQUIRE(units == 1 + 2 + 4);
    Store s(db);
    CHECK(s.schema_version() == kStoreSchemaVersion);
    CHECK(s.integrity_ok());
    CHECK(dump_v2_tables(s.handle()) == before);
    CHECK(count(s, "SELECT count(*) FROM documents WHERE canonical_path = path AND report IS NOT NULL") == 3);
    CHECK(count(s, "SELECT count(*) FROM unique_plan_kommune_years") == units);
    // Every goal got its theme from the profiles.
    CHECK(count(s, "SELECT count(*) FROM goals") > 0);
    CHECK(count(s, "SELECT count(*) FROM goals WHERE theme = ''") == 0);
    CHECK(count(s, "SELECT count(*) FROM goals WHERE goal_id = 'goal-2011-1' AND theme = 'long-term-unemployment'") == 1);
    CHECK(count(s, "SELECT count(*) FROM theme_targets WHERE theme = 'long-term-unemployment' AND kommune = 'Ishøj'") >= 1);
}

TEST_CASE("store: the same path written again by another spelling is one document", "[store]") {
    TempDir dir;
    Store s((dir.path / "p.db").string());
    CheckStamp stamp{"0.1.0", "0123456789abcdef", "spelling=1"};
    std::filesystem::create_directories(dir.path / "sub");
    const std::string a = (dir.path / "sub" / "a.txt").string();
    s.put(sample_report(a), stamp, "2024-01-01T00:00:00Z");
    const std::string other = (dir.path / "sub" / ".." / "sub" / "." / "a.txt").string();
    s.put(sample_report(other), stamp, "2024-01-02T00:00:00Z");
    CHECK(count(s, "SELECT count(*) FROM documents") == 1);
    CHECK(s.find(a));
    CHECK(s.find(other));
    CHECK(canonical_path(other) == canonical_path(a));
    CHECK(canonical_path(other).find("/./") == std::string::npos);
    CHECK(canonical_path(other).find("..") == std::string::npos);
}
