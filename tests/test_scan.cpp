// plantjek scan: isolation (a worker that crashes, hangs or runs out of
// memory costs only its file), incremental skip, resume after kill -9,
// database consistency, the same rows whatever --jobs is, and the walk.
// The worker failures are provoked through PLANTJEK_TEST_HOOK (cli/worker.h).
#include <catch2/catch.hpp>

#include <signal.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli/scan.h"
#include "cli/store.h"
#include "run_cli.h"

using namespace plantjek;
using plantjek::test::CliResult;
using plantjek::test::run_cli;
using plantjek::test::slurp;
using plantjek::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string corpus(const std::string& rel) { return std::string(PLANTJEK_TEST_SOURCE_DIR) + "/corpus/" + rel; }

// A folder with the first n corpus plans in text form (fast to check).
std::vector<std::string> copy_plans(const fs::path& dir, int n) {
    fs::create_directories(dir);
    std::vector<fs::path> all;
    for (const auto& e : fs::directory_iterator(corpus("txt")))
        if (e.path().extension() == ".txt") all.push_back(e.path());
    std::sort(all.begin(), all.end());
    std::vector<std::string> names;
    for (int i = 0; i < n && i < static_cast<int>(all.size()); ++i) {
        fs::copy_file(all[i], dir / all[i].filename());
        names.push_back(all[i].filename().string());
    }
    return names;
}

// Sets an environment variable for the scope (the spawned scan inherits it).
struct EnvVar {
    std::string name;
    EnvVar(std::string n, const std::string& value) : name(std::move(n)) { ::setenv(name.c_str(), value.c_str(), 1); }
    ~EnvVar() { ::unsetenv(name.c_str()); }
};

struct Db {
    sqlite3* h = nullptr;
    explicit Db(const std::string& path) { REQUIRE(sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK); }
    ~Db() { sqlite3_close(h); }
    // All rows of a query as text lines ("a|b|c"), skipping the named columns.
    std::vector<std::string> rows(const std::string& sql, const std::vector<std::string>& skip = {}) const {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            FAIL("SQL: " << sqlite3_errmsg(h) << " in " << sql);
        }
        std::vector<std::string> out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string line;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                std::string name = sqlite3_column_name(st, c);
                if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
                auto* t = sqlite3_column_text(st, c);
                line += (t ? reinterpret_cast<const char*>(t) : "NULL");
                line += "|";
            }
            out.push_back(line);
        }
        sqlite3_finalize(st);
        return out;
    }
    std::string one(const std::string& sql) const {
        auto r = rows(sql);
        return r.empty() ? "" : r[0].substr(0, r[0].size() - 1);
    }
    long long count(const std::string& sql) const { return std::stoll(one(sql)); }
};

// Everything the scan stored, keyed by path instead of the row id, without checked_at.
std::vector<std::string> dump(const std::string& path) {
    Db db(path);
    std::vector<std::string> all = db.rows("SELECT * FROM documents ORDER BY path", {"id", "checked_at"});
    for (const char* t : {"plan_years", "plan_kommuner", "requirements", "goals", "targets", "findings", "spelling"}) {
        auto r = db.rows(std::string("SELECT d.path AS doc, c.* FROM ") + t +
                             " c JOIN documents d ON d.id = c.document_id ORDER BY d.path, 2, 3",
                         {"document_id"});
        for (auto& x : r) all.push_back(std::string(t) + ": " + x);
    }
    return all;
}

// Starts the binary without waiting: stdin, stdout and stderr on /dev/null,
// or closed altogether.
pid_t spawn(const std::vector<std::string>& args, bool closed_std_fds = false) {
    std::vector<std::string> all = {PLANTJEK_BIN};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    for (int fd = 0; fd <= 2; ++fd) {
        if (closed_std_fds)
            posix_spawn_file_actions_addclose(&fa, fd);
        else
            posix_spawn_file_actions_addopen(&fa, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
    }
    pid_t pid = -1;
    REQUIRE(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

long long rows_now(const std::string& db) {
    if (!fs::exists(db)) return 0;
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return 0;
    sqlite3_busy_timeout(h, 1000);
    long long n = 0;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM documents", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

// Processes whose environment holds `marker` (to prove no worker outlives its scan).
int processes_with_env(const std::string& marker) {
    int n = 0;
    for (const auto& e : fs::directory_iterator("/proc")) {
        std::string name = e.path().filename().string();
        if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) continue;
        std::string env = slurp(e.path() / "environ");
        if (env.find(marker) != std::string::npos) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("scan: a worker that crashes, hangs or runs out of memory costs only that file", "[scan][isolation]") {
    TempDir dir;
    auto names = copy_plans(dir.path / "plans", 5);
    REQUIRE(names.size() == 5);
    std::string db = (dir.path / "p.db").string();
    CliResult r;
    {
        EnvVar hook("PLANTJEK_TEST_HOOK", "crash:" + names[0] + ",hang:" + names[2] + ",oom:" + names[4]);
        r = run_cli({"scan", (dir.path / "plans").string(), "--db", db, "--jobs", "2", "--timeout", "3",
                     "--max-memory-mb", "700", "--no-spelling"});
    }
    INFO(r.out << r.err);
    CHECK(r.code == 3);  // unreadable wins over nonconformant
    CHECK(r.out.find("ulæselige: 3 (crash 1, out-of-memory 1, timeout 1)") != std::string::npos);
    CHECK(r.err.find("Programmet gik ned") != std::string::npos);
    CHECK(r.err.find("tog for lang tid") != std::string::npos);
    CHECK(r.err.find("for meget hukommelse") != std::string::npos);
    CHECK(r.err.find('\r') == std::string::npos);  // no progress line when stderr is not a terminal
    Db d(db);
    CHECK(d.count("SELECT count(*) FROM documents") == 5);
    CHECK(d.one("SELECT error_kind FROM documents WHERE path LIKE '%" + names[0] + "'") == "crash");
    CHECK(d.one("SELECT error_kind FROM documents WHERE path LIKE '%" + names[2] + "'") == "timeout");
    CHECK(d.one("SELECT error_kind FROM documents WHERE path LIKE '%" + names[4] + "'") == "out-of-memory");
    CHECK(d.count("SELECT count(*) FROM documents WHERE status IN ('conformant','nonconformant')") == 2);
    CHECK(d.count("SELECT count(*) FROM documents WHERE status = 'unreadable' AND sha256 <> '' AND bytes > 0") == 3);

    // A worker failure is never reused: the next run checks those three again.
    auto again = run_cli({"--lang", "en", "scan", (dir.path / "plans").string(), "--db", db, "--no-spelling"});
    INFO(again.out << again.err);
    CHECK(again.out.find("5 files: 3 checked, 2 unchanged (skipped)") != std::string::npos);
    CHECK(again.out.find("unreadable: 0") != std::string::npos);
    CHECK(again.code != 3);
}

TEST_CASE("scan: an unchanged file is skipped, a changed one, new options or --force check again", "[scan][incremental]") {
    TempDir dir;
    auto names = copy_plans(dir.path / "plans", 4);
    std::string db = (dir.path / "p.db").string(), plans = (dir.path / "plans").string();
    auto first = run_cli({"--lang", "en", "scan", plans, "--db", db, "--no-suggestions"});
    INFO(first.out << first.err);
    CHECK(first.out.find("4 files: 4 checked, 0 unchanged") != std::string::npos);
    auto before = dump(db);

    auto second = run_cli({"--lang", "en", "scan", plans, "--db", db, "--no-suggestions"});
    CHECK(second.out.find("4 files: 0 checked, 4 unchanged") != std::string::npos);
    CHECK(second.code == first.code);  // the verdicts of skipped files count
    CHECK(dump(db) == before);

    { std::ofstream(dir.path / "plans" / names[1], std::ios::app) << "\nEt afsnit mere.\n"; }
    auto third = run_cli({"--lang", "en", "scan", plans, "--db", db, "--no-suggestions"});
    CHECK(third.out.find("4 files: 1 checked, 3 unchanged") != std::string::npos);

    auto other = run_cli({"--lang", "en", "scan", plans, "--db", db, "--no-spelling"});  // other options
    CHECK(other.out.find("4 files: 4 checked, 0 unchanged") != std::string::npos);
    auto forced = run_cli({"--lang", "en", "scan", plans, "--db", db, "--no-spelling", "--force"});
    CHECK(forced.out.find("4 files: 4 checked, 0 unchanged") != std::string::npos);
    Db d(db);
    CHECK(d.count("SELECT count(*) FROM documents") == 4);
    Store s(db);
    CHECK(s.integrity_ok());
}

TEST_CASE("scan: kill -9 loses only the file in flight, the database stays consistent and the next run resumes",
          "[scan][resume]") {
    TempDir dir;
    auto names = copy_plans(dir.path / "plans", 6);
    REQUIRE(names.size() == 6);
    std::string db = (dir.path / "p.db").string(), plans = (dir.path / "plans").string();
    std::string marker = "resume-" + std::to_string(::getpid());
    pid_t pid;
    {
        // The fourth file hangs: three are done when the scan is killed.
        EnvVar hook("PLANTJEK_TEST_HOOK", "hang:" + names[3] + ",none:" + marker);
        pid = spawn({"scan", plans, "--db", db, "--jobs", "1", "--no-suggestions"});
    }
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (rows_now(db) < 3 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));

    {
        Store s(db);  // opens (and recovers the WAL) like the next run will
        std::string detail;
        CHECK(s.integrity_ok(&detail));
        INFO(detail);
    }
    Db d(db);
    CHECK(d.count("SELECT count(*) FROM documents") == 3);
    CHECK(d.count("SELECT count(*) FROM documents WHERE path LIKE '%" + names[3] + "'") == 0);
    // Every stored document is complete: its requirements are there.
    CHECK(d.count("SELECT count(*) FROM documents d WHERE status <> 'unreadable' AND "
                  "NOT EXISTS (SELECT 1 FROM requirements q WHERE q.document_id = d.id)") == 0);
    // The hanging worker died with its parent.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(processes_with_env(marker) == 0);

    auto rerun = run_cli({"--lang", "en", "scan", plans, "--db", db, "--no-suggestions"});
    INFO(rerun.out << rerun.err);
    CHECK(rerun.out.find("6 files: 3 checked, 3 unchanged") != std::string::npos);
    Db after(db);
    CHECK(after.count("SELECT count(*) FROM documents") == 6);
    Store s(db);
    CHECK(s.integrity_ok());
}

TEST_CASE("scan: the rows are the same whatever --jobs is", "[scan][jobs]") {
    TempDir dir;
    std::string db1 = (dir.path / "j1.db").string(), db2 = (dir.path / "j2.db").string();
    // The 25 plans in each of the four formats (corpus/{docx,pdf,odt,txt}).
    auto a = run_cli({"-q", "scan", corpus("docx"), corpus("pdf"), corpus("odt"), corpus("txt"), "--db", db1, "--jobs", "1",
                      "--no-suggestions"});
    auto b = run_cli({"-q", "scan", corpus("docx"), corpus("pdf"), corpus("odt"), corpus("txt"), "--db", db2, "--jobs", "2",
                      "--no-suggestions"});
    INFO(a.out << a.err << b.out << b.err);
    CHECK(a.code == b.code);
    auto rows1 = dump(db1), rows2 = dump(db2);
    CHECK(rows1.size() > 1000);
    CHECK(Db(db1).count("SELECT count(*) FROM documents") >= 73);
    REQUIRE(rows1.size() == rows2.size());
    for (std::size_t i = 0; i < rows1.size(); ++i) {
        INFO(i);
        REQUIRE(rows1[i] == rows2[i]);
    }
}

TEST_CASE("scan: with suggestions, workers share their suggestion work and the rows stay the same", "[scan][jobs][spelling]") {
    TempDir dir;
    std::string db1 = (dir.path / "j1.db").string(), db2 = (dir.path / "j2.db").string();
    auto a = run_cli({"-q", "scan", corpus("pdf"), corpus("txt"), "--db", db1, "--jobs", "1"});
    auto b = run_cli({"-q", "scan", corpus("pdf"), corpus("txt"), "--db", db2, "--jobs", "2"});
    INFO(a.out << a.err << b.out << b.err);
    CHECK(a.code == b.code);
    CHECK(Db(db1).count("SELECT count(*) FROM spelling WHERE suggestions <> ''") >= 20);
    CHECK(Db(db2).count("SELECT count(*) FROM spelling WHERE suggestions <> ''") >= 20);
    // Hunspell bounds its own suggestion search by process time (TIMELIMIT,
    // 1/4 s per phase, suggestmgr.hxx): under a sanitizer or a heavy load a
    // list can come out shorter, whoever computes it. Everything else must be
    // equal, and every word that got suggestions in one run got some in the other.
    auto without_suggestions = [](std::vector<std::string> rows) {
        for (auto& r : rows) {
            if (r.rfind("spelling: ", 0) != 0) continue;
            std::size_t bar = 0;
            for (int k = 0; k < 4 && bar != std::string::npos; ++k) bar = r.find('|', bar + 1);  // doc|seq|word|count|
            if (bar == std::string::npos) continue;
            std::size_t end = r.find('|', bar + 1);
            r = r.substr(0, bar + 1) + (end == bar + 1 ? "-" : "+") + r.substr(end);
        }
        return rows;
    };
    auto rows1 = without_suggestions(dump(db1)), rows2 = without_suggestions(dump(db2));
    REQUIRE(rows1.size() == rows2.size());
    for (std::size_t i = 0; i < rows1.size(); ++i) {
        INFO(i);
        REQUIRE(rows1[i] == rows2[i]);
    }
}

TEST_CASE("scan: two copies of one file are never checked side by side, and both are checked", "[scan][jobs]") {
    TempDir dir;
    auto names = copy_plans(dir.path / "plans", 2);
    REQUIRE(names.size() == 2);
    // Three more copies of the first plan under other names: same content, same size.
    for (int k = 1; k <= 3; ++k)
        fs::copy_file(dir.path / "plans" / names[0], dir.path / "plans" / ("kopi" + std::to_string(k) + "-" + names[0]));
    std::string trace = (dir.path / "trace.log").string();
    EnvVar t("PLANTJEK_TEST_TRACE", trace);
    auto r = run_cli({"--lang", "en", "scan", (dir.path / "plans").string(), "--db", (dir.path / "p.db").string(),
                      "--jobs", "2", "--no-suggestions"});
    INFO(r.out << r.err);
    CHECK(r.out.find("5 files: 5 checked") != std::string::npos);
    Db d((dir.path / "p.db").string());
    CHECK(d.count("SELECT count(DISTINCT sha256) FROM documents") == 2);
    // Replay the trace: at no moment are two copies of the first plan open.
    std::ifstream in(trace);
    std::string what, pid, path;
    int open_copies = 0, max_open = 0, begun = 0, open_any = 0, max_any = 0;
    while (in >> what >> pid && std::getline(in >> std::ws, path)) {
        bool copy = path.find(names[0]) != std::string::npos;
        int step = what == "begin" ? 1 : -1;
        begun += what == "begin";
        open_any += step;
        max_any = std::max(max_any, open_any);
        if (copy) open_copies += step;
        max_open = std::max(max_open, open_copies);
    }
    CHECK(begun == 5);
    CHECK(max_open == 1);
    CHECK(open_copies == 0);
    CHECK(max_any <= 2);
}

TEST_CASE("scan: the walk is sorted, skips what is not a plan and does not follow directory links", "[scan][walk]") {
    TempDir dir;
    fs::path root = dir.path / "arkiv";
    copy_plans(root / "b", 1);
    copy_plans(root / "a" / "dybere", 2);
    fs::create_directories(root / ".git");
    { std::ofstream(root / ".git" / "plan.txt") << "skjult"; }
    { std::ofstream(root / "noter.md") << "# noter"; }
    { std::ofstream(root / "billede.png", std::ios::binary) << "\x89PNG\r\n\x1a\n0000"; }
    { std::ofstream(root / "tom.pdf", std::ios::binary); }  // named as a plan: reported, not ignored
    fs::create_directory_symlink("..", root / "a" / "loop");

    auto w = walk_paths({root.string()});
    std::vector<std::string> got;
    for (const auto& f : w.files) got.push_back(fs::path(f.path).lexically_relative(root).string());
    REQUIRE(got.size() == 4);
    CHECK(std::is_sorted(got.begin(), got.end()));
    CHECK(got.back() == "tom.pdf");
    CHECK(w.files[0].out_name.rfind("arkiv/a/dybere/", 0) == 0);
    CHECK(w.ignored.size() == 2);  // noter.md, billede.png (.git is hidden, the links are not followed)

    TempDir out;
    auto r = run_cli({"--lang", "en", "scan", root.string(), "--out", out.path.string(), "--format", "json,text",
                      "--no-spelling"});
    INFO(r.out << r.err);
    CHECK(r.code == 3);  // tom.pdf is empty
    CHECK(r.err.find("not a plan, skipped (PNG image)") != std::string::npos);
    CHECK(fs::exists(out.path / "arkiv" / "tom.pdf.json"));
    CHECK(fs::exists(out.path / "arkiv" / "tom.pdf.txt"));
    CHECK(slurp(out.path / "arkiv" / "tom.pdf.json").find("\"kind\": \"empty\"") != std::string::npos);
}

TEST_CASE("scan: old Word and RTF files are taken as plans, by name and by content", "[scan][walk][legacy]") {
    TempDir dir;
    fs::path root = dir.path / "arkiv";
    fs::create_directories(root);
    fs::path legacy = fs::path(PLANTJEK_TEST_SOURCE_DIR) / "corpus" / "legacy";
    fs::copy_file(legacy / "2010-odense-complete.doc", root / "odense.doc");
    fs::copy_file(legacy / "2011-horsens-complete.rtf", root / "horsens.rtf");
    fs::copy_file(legacy / "2011-horsens-complete.rtf", root / "horsens-uden-endelse");  // found by its content
    auto w = walk_paths({root.string()});
    CHECK(w.files.size() == 3);
    CHECK(w.ignored.empty());

    TempDir db;
    auto r = run_cli({"--lang", "en", "scan", root.string(), "--db", (db.path / "s.db").string(), "--no-spelling"});
    INFO(r.out << r.err);
    CHECK(r.code != 2);
    CHECK(r.code != 3);  // nothing unreadable
    CHECK(r.err.find("not a plan") == std::string::npos);
}

TEST_CASE("scan: a document that is no plan is counted apart, stored as not-a-plan and fails the scan", "[scan][not-a-plan]") {
    TempDir dir;
    copy_plans(dir.path / "p", 1);
    dir.write("p/dagsorden.txt", "Dagsorden\n\nBeskæftigelsesudvalget, Roskilde Kommune\n\n"
                                 "Punkt 1: Godkendelse af referat fra sidste møde.\n\nPunkt 2: Eventuelt.\n");
    std::string db = (dir.path / "x.db").string();
    auto r = run_cli({"scan", (dir.path / "p").string(), "--db", db, "--no-spelling", "-q"});
    CHECK(r.code == 1);  // never exit 0 under the default --fail-on
    CHECK(r.out.find("ikke beskæftigelsesplaner: 1") != std::string::npos);
    Db d(db);
    CHECK(d.one("SELECT status FROM documents WHERE path LIKE '%dagsorden.txt'") == "not-a-plan");
    CHECK(d.one("SELECT count(*) FROM documents WHERE status = 'conformant'") == "1");
    CHECK(run_cli({"scan", (dir.path / "p").string(), "--db", db, "--no-spelling", "-q", "--fail-on", "never"}).code == 0);
}

TEST_CASE("scan: usage errors are exit code 2", "[scan]") {
    TempDir dir;
    auto plans = copy_plans(dir.path / "p", 1);
    std::string db = (dir.path / "x.db").string();
    CHECK(run_cli({"scan", (dir.path / "p").string(), "--db", db, "--profile", "nope"}).code == 2);
    CHECK(run_cli({"scan", (dir.path / "p").string(), "--db", db, "--out", (dir.path / "o").string(), "--format", "pdf"}).code == 2);
    CHECK(run_cli({"scan"}).code == 2);
    auto bad = dir.write("bad.db", "this is not a database, it is a text file of some length ....................");
    CHECK(run_cli({"scan", (dir.path / "p").string(), "--db", bad}).code == 2);
    // A mistyped folder stores nothing: no database is even made.
    const std::string fresh = (dir.path / "ny.db").string();
    auto typo = run_cli({"scan", (dir.path / "pp").string(), "--db", fresh});
    CHECK(typo.code == 2);
    CHECK(typo.err.find("findes ikke (mente du " + (dir.path / "p").string() + "?)") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(fresh));
}

// Started with stdin, stdout and stderr closed (a caller's `<&- >&- 2>&-`),
// the scan's pipes to its workers must not take those numbers: a message
// meant for stderr would then land in a worker's input.
TEST_CASE("scan: with stdin, stdout and stderr closed, every file still gets its own result", "[scan][isolation]") {
    TempDir dir;
    fs::path plans = dir.path / "plans";
    auto names = copy_plans(plans, 4);
    for (int i = 0; i < 6; ++i)  // each one prints a line on stderr while the workers run
        std::ofstream(plans / ("brudt" + std::to_string(i) + ".pdf"), std::ios::binary)
            << "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\n0 1\ntrailer\n";
    fs::path out = dir.path / "out";
    pid_t pid = spawn({"scan", plans.string(), "--out", out.string(), "--jobs", "2", "--no-spelling"}, true);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3);  // the damaged files
    for (int i = 0; i < 6; ++i) {
        std::string report = slurp(out / "plans" / ("brudt" + std::to_string(i) + ".pdf.json"));
        auto kind = report.find("\"kind\": \"");
        INFO("brudt" << i << ".pdf: " << (kind == std::string::npos ? report : report.substr(kind, 40)));
        CHECK(report.find("\"kind\": \"corrupt\"") != std::string::npos);  // not "crash": no worker was fed noise
    }
    for (const auto& n : names) {
        std::string report = slurp(out / "plans" / (n + ".json"));
        INFO(n);
        CHECK(report.find("\"schema\": \"plantjek.report/1\"") != std::string::npos);
        CHECK(report.find("\"status\": \"unreadable\"") == std::string::npos);
    }
}

TEST_CASE("scan: --password and --max-file-mb reach the workers", "[scan]") {
    TempDir dir;
    fs::create_directories(dir.path / "p");
    fs::copy_file(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/tests/fixtures/pdf/encrypted.pdf", dir.path / "p" / "krypteret.pdf");
    const std::string db = (dir.path / "x.db").string();
    CHECK(run_cli({"scan", (dir.path / "p").string(), "--db", db, "--jobs", "1", "--no-spelling"}).code == 3);
    CHECK(Db(db).one("SELECT error_kind FROM documents") == "encrypted");
    auto open = run_cli({"--password", "hemmelig", "scan", (dir.path / "p").string(), "--db", db, "--jobs", "1",
                         "--no-spelling", "--force"});
    CHECK(open.code != 3);
    CHECK(Db(db).one("SELECT error_kind FROM documents") != "encrypted");
    dir.write("p/stor.txt", "Beskæftigelsesplan 2012\n" + std::string(2u << 20, 'a'));
    CHECK(run_cli({"--max-file-mb", "1", "scan", (dir.path / "p").string(), "--db", db, "--jobs", "1", "--no-spelling",
                   "--password", "hemmelig"})
              .code == 3);
    CHECK(Db(db).one("SELECT error_kind FROM documents WHERE path LIKE '%stor.txt'") == "too-large");
}
