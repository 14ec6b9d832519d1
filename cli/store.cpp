// The SQLite store (see store.h and docs/database.md).
#include "cli/store.h"

#include <sqlite3.h>

#include <ctime>
#include <filesystem>
#include <sstream>

#include "extractor/data_dir.h"
#include "report/json.h"
#include "rules/profile.h"
#include "rules/result.h"

namespace plantjek {

namespace {

// Schema version 1. Plain SQL so that docs/database.md can quote it.
const char* const kMigration1 = R"SQL(
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  path            TEXT NOT NULL UNIQUE,
  sha256          TEXT NOT NULL,
  format          TEXT NOT NULL,      -- pdf | docx | odt | txt | '' (unreadable before sniffing)
  bytes           INTEGER NOT NULL,
  pages           INTEGER NOT NULL,
  words           INTEGER NOT NULL,
  kommune         TEXT,               -- first (or only) kommune; NULL when not identified
  kommuner        TEXT NOT NULL,      -- all kommuner of a joint plan, '; '-separated
  year            INTEGER,            -- first plan year; NULL when not identified
  years           TEXT NOT NULL,      -- all plan years, ','-separated ("2021,2022,2023,2024")
  kind            TEXT NOT NULL,      -- plan | draft | annex | unknown
  stage           TEXT NOT NULL,      -- draft | final (as checked)
  profile         TEXT NOT NULL,      -- profile id applied; '' when none
  profile_version TEXT NOT NULL,      -- sha256 (16 hex) of the applied profile file (+ --rules files)
  options         TEXT NOT NULL,      -- the checking options that change a result
  tool_version    TEXT NOT NULL,
  status          TEXT NOT NULL,      -- conformant | nonconformant | not-a-plan | unreadable
  error_kind      TEXT,               -- when unreadable: io, empty, unsupported, corrupt, encrypted,
                                      -- no-text, too-large, hostile, crash, timeout, out-of-memory
  error_da        TEXT,
  error_en        TEXT,
  n_requirements  INTEGER NOT NULL,
  n_passed        INTEGER NOT NULL,
  n_failed        INTEGER NOT NULL,
  n_errors        INTEGER NOT NULL,
  n_warnings      INTEGER NOT NULL,
  n_misspellings  INTEGER NOT NULL,
  checked_at      TEXT NOT NULL       -- ISO 8601 UTC
);
CREATE TABLE plan_years (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  year        INTEGER NOT NULL,
  PRIMARY KEY (document_id, year)
) WITHOUT ROWID;
CREATE TABLE plan_kommuner (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kommune     TEXT NOT NULL,
  PRIMARY KEY (document_id, kommune)
) WITHOUT ROWID;
CREATE TABLE requirements (
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,    -- order in the report
  requirement_id TEXT NOT NULL,       -- canonical id (DESIGN.md §2) or a --rules id
  title_da       TEXT NOT NULL,
  title_en       TEXT NOT NULL,
  legal_basis    TEXT NOT NULL,
  severity       TEXT NOT NULL,       -- severity when failed: error | warning | info
  status         TEXT NOT NULL,       -- pass | fail | warn | not-applicable | waived
  message_da     TEXT NOT NULL,
  message_en     TEXT NOT NULL,
  page           INTEGER,             -- first evidence
  section        TEXT,
  excerpt        TEXT,
  PRIMARY KEY (document_id, seq)
);
CREATE TABLE goals (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  goal_id     TEXT NOT NULL,          -- goal-<year>-<n>
  title_da    TEXT NOT NULL,
  title_en    TEXT NOT NULL,
  addressed   INTEGER NOT NULL,       -- 0/1
  pending     INTEGER NOT NULL,       -- 0/1: announced later (2019 goal 7)
  page        INTEGER NOT NULL,
  section     TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
);
CREATE TABLE targets (
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  goal_seq      INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  goal_id       TEXT NOT NULL,
  text          TEXT NOT NULL,
  value         REAL,                 -- NULL when a placeholder is left
  unit          TEXT NOT NULL,
  deadline      TEXT NOT NULL,
  deadline_year INTEGER NOT NULL,
  change_pct    REAL,
  direction     TEXT NOT NULL,
  filled        INTEGER NOT NULL,
  page          INTEGER NOT NULL,
  PRIMARY KEY (document_id, goal_seq, seq),
  FOREIGN KEY (document_id, goal_seq) REFERENCES goals(document_id, seq) ON DELETE CASCADE
);
CREATE TABLE findings (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  rule        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  message_da  TEXT NOT NULL,
  message_en  TEXT NOT NULL,
  page        INTEGER NOT NULL,
  section     TEXT NOT NULL,
  excerpt     TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
);
CREATE TABLE spelling (
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  word            TEXT NOT NULL,
  count           INTEGER NOT NULL,
  suggestions     TEXT NOT NULL,      -- ', '-separated
  pages           TEXT NOT NULL,      -- ','-separated
  footnote_marker INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq)
);
-- All plans of a year; plans by kommune.
CREATE INDEX documents_year_kommune ON documents(year, kommune);
CREATE INDEX plan_years_year ON plan_years(year, document_id);
CREATE INDEX plan_kommuner_kommune ON plan_kommuner(kommune, document_id);
CREATE INDEX documents_status ON documents(status, error_kind);
-- A requirement's pass rate by year and kommune.
CREATE INDEX requirements_id_status ON requirements(requirement_id, status, document_id);
-- One goal's targets across kommuner.
CREATE INDEX targets_goal ON targets(goal_id, document_id);
CREATE INDEX goals_goal ON goals(goal_id, document_id);
CREATE INDEX findings_rule ON findings(rule, severity);
CREATE INDEX spelling_word ON spelling(word);
)SQL";

// 1 → 2: the whole report, as report/json.h writes it with both languages
// (JsonTexts::both): every field of the model, also those the tables do
// not have columns for. NULL for the rows of version 1, which a scan then
// checks again.
constexpr const char* kMigration2 = R"SQL(
ALTER TABLE documents ADD COLUMN report TEXT;
)SQL";

// 2 → 3: researchers' questions across years and kommuner.
//  - documents.canonical_path: the resolved absolute path, so the same file
//    scanned by another path (a link, "../", a relative path) is the same
//    document. Rows of version 2 keep their path as it was recorded.
//  - goals.theme: the goal's theme (rules/themes.h) that links the goals of
//    different years; filled for the rows of version 2 from the profiles.
//  - views: duplicates grouped (document_groups), every document with its
//    group (plans), plans unfolded into one row per kommune and plan year
//    (plan_kommune_years; unique_plan_kommune_years without duplicates),
//    requirement results and theme targets on those rows.
constexpr const char* kMigration3 = R"SQL(
ALTER TABLE documents ADD COLUMN canonical_path TEXT;
UPDATE documents SET canonical_path = path;
CREATE UNIQUE INDEX documents_canonical_path ON documents(canonical_path);
CREATE INDEX documents_sha256 ON documents(sha256);
ALTER TABLE goals ADD COLUMN theme TEXT NOT NULL DEFAULT '';
CREATE INDEX goals_theme ON goals(theme, document_id);

-- One row per document: the group it belongs to and, unless it is the
-- group's first, the document it duplicates. A group is every checked plan
-- of the same kommuner and plan years (the same plan as PDF and DOCX, a
-- draft and its final version), or else the same content (sha256). The
-- first is a plan before a draft or an annex, final before draft, then by
-- canonical path.
CREATE VIEW document_groups AS
WITH ranked AS (
  SELECT id, sha256,
         status IN ('conformant', 'nonconformant') AND kommune IS NOT NULL AND year IS NOT NULL
           AND kind <> 'annex' AS is_plan,
         first_value(id) OVER (PARTITION BY sha256
           ORDER BY status IN ('conformant', 'nonconformant') DESC, kind = 'plan' DESC, stage = 'final' DESC,
                    canonical_path, id) AS same_content,
         first_value(id) OVER (PARTITION BY status IN ('conformant', 'nonconformant') AND kommune IS NOT NULL
                                 AND year IS NOT NULL AND kind <> 'annex', kommuner, years
           ORDER BY kind = 'plan' DESC, stage = 'final' DESC, canonical_path, id) AS same_plan
  FROM documents),
grouped AS (
  SELECT id, sha256, CASE WHEN is_plan THEN same_plan ELSE same_content END AS group_id FROM ranked)
SELECT g.id AS document_id, g.group_id,
       CASE WHEN g.group_id <> g.id THEN g.group_id END AS duplicate_of,
       CASE WHEN g.group_id = g.id THEN NULL
            WHEN f.sha256 = g.sha256 THEN 'content' ELSE 'kommune-year' END AS duplicate_reason
FROM grouped g JOIN documents f ON f.id = g.group_id;

-- Every document with its group and its count of template leftovers.
CREATE VIEW plans AS
SELECT d.id AS document_id, d.path, d.canonical_path, d.sha256, d.format, d.kommune, d.kommuner, d.year, d.years,
       d.kind, d.stage, d.profile, d.status, d.error_kind, d.n_requirements, d.n_passed, d.n_failed, d.n_errors,
       d.n_warnings, d.n_misspellings, d.checked_at, g.group_id, g.duplicate_of, g.duplicate_reason,
       (SELECT count(*) FROM findings f WHERE f.document_id = d.id AND f.rule = 'no-placeholders') AS n_leftovers,
       (SELECT q.status FROM requirements q WHERE q.document_id = d.id AND q.requirement_id = 'no-placeholders'
        LIMIT 1) AS leftovers_status
FROM documents d JOIN document_groups g ON g.document_id = d.id;

-- A checked plan (conformant or nonconformant) unfolded: one row per
-- kommune and plan year (a joint plan of two kommuner for 2021-2024 gives
-- eight rows). `kommune` and `year` are the
-- row's own; `kommuner` and `years` the whole plan's.
CREATE VIEW plan_kommune_years AS
SELECT p.document_id, k.kommune, y.year, p.kommuner, p.years,
       (SELECT count(*) FROM plan_kommuner c WHERE c.document_id = p.document_id) AS n_kommuner,
       (SELECT count(*) FROM plan_years c WHERE c.document_id = p.document_id) AS n_years,
       p.kind, p.stage, p.profile, p.status, p.format, p.path, p.canonical_path, p.n_requirements, p.n_passed,
       p.n_failed, p.n_errors, p.n_warnings, p.n_leftovers, p.leftovers_status, p.group_id, p.duplicate_of,
       p.duplicate_reason
FROM plans p JOIN plan_kommuner k ON k.document_id = p.document_id
             JOIN plan_years y ON y.document_id = p.document_id
WHERE p.status IN ('conformant', 'nonconformant');

-- The same without duplicates: each plan counted once.
CREATE VIEW unique_plan_kommune_years AS
SELECT * FROM plan_kommune_years WHERE duplicate_of IS NULL;

-- Each requirement's result per kommune and plan year, duplicates left out.
CREATE VIEW requirement_results AS
SELECT u.kommune, u.year, u.document_id, u.profile, u.status AS plan_status, q.requirement_id, q.status,
       q.severity, q.title_da, q.title_en
FROM unique_plan_kommune_years u JOIN requirements q ON q.document_id = u.document_id;

-- Each target of a minister goal, with the goal's theme, per kommune and
-- plan year, duplicates left out.
CREATE VIEW theme_targets AS
SELECT u.kommune, u.year, u.document_id, u.profile, g.theme, g.goal_id, g.title_da AS goal_title_da, t.seq,
       t.text, t.value, t.unit, t.deadline, t.deadline_year, t.change_pct, t.direction, t.filled
FROM unique_plan_kommune_years u JOIN goals g ON g.document_id = u.document_id
     JOIN targets t ON t.document_id = g.document_id AND t.goal_seq = g.seq;
)SQL";

const char* const kMigrations[] = {kMigration1, kMigration2, kMigration3};
constexpr int kMigrationCount = sizeof kMigrations / sizeof kMigrations[0];
static_assert(kMigrationCount == kStoreSchemaVersion, "one migration per schema version");

// A prepared statement, finalised on scope exit.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK)
            throw StoreError(std::string("SQLite: ") + sqlite3_errmsg(db));
    }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt& bind(int i, const std::string& s) {
        sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind(int i, const char* s) { return bind(i, std::string(s)); }
    Stmt& bind(int i, long long v) {
        sqlite3_bind_int64(st_, i, v);
        return *this;
    }
    Stmt& bind(int i, int v) { return bind(i, static_cast<long long>(v)); }
    Stmt& bind(int i, bool v) { return bind(i, v ? 1LL : 0LL); }
    Stmt& bind(int i, std::uint64_t v) { return bind(i, static_cast<long long>(v)); }
    Stmt& bind(int i, std::optional<double> v) {
        if (v) sqlite3_bind_double(st_, i, *v);
        else sqlite3_bind_null(st_, i);
        return *this;
    }
    Stmt& null(int i) {
        sqlite3_bind_null(st_, i);
        return *this;
    }
    bool step() {
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw StoreError(std::string("SQLite: ") + sqlite3_errmsg(db_));
    }
    void run() {
        step();
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
    std::string text(int col) const {
        auto* p = sqlite3_column_text(st_, col);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    long long integer(int col) const { return sqlite3_column_int64(st_, col); }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}
std::string join_ints(const std::vector<int>& v) {
    std::string s;
    for (int x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
    return s;
}

}  // namespace

const char* store_migration(int from_version) {
    return from_version >= 0 && from_version < kMigrationCount ? kMigrations[from_version] : nullptr;
}

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Store::Store(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    try {
        exec("PRAGMA journal_mode=WAL");
        // NORMAL in WAL mode: a committed transaction survives a crash of the
        // process (kill -9); only a power loss may drop the last ones.
        exec("PRAGMA synchronous=NORMAL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (const StoreError& e) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path + ": " + e.what());
    }
}

Store::~Store() {
    if (db_) sqlite3_close(db_);
}

void Store::exec(const char* sql) const {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw StoreError(msg);
    }
}

int Store::schema_version() const {
    Stmt s(db_, "PRAGMA user_version");
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void Store::migrate() {
    int v = schema_version();
    if (v > kStoreSchemaVersion)
        throw StoreError("the database has schema version " + std::to_string(v) + ", newer than this plantjek (" +
                         std::to_string(kStoreSchemaVersion) + "); use a newer plantjek");
    for (; v < kStoreSchemaVersion; ++v) {
        exec("BEGIN IMMEDIATE");
        try {
            // Another process may have migrated meanwhile.
            if (schema_version() != v) {
                exec("ROLLBACK");
                v = schema_version() - 1;
                continue;
            }
            exec(kMigrations[v]);
            if (v == 2) fill_themes();
            exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

// The goals of version-2 rows get their theme from the shipped profiles
// (the theme of a goal id is the same in every report). Without readable
// profiles the themes stay '' and the next scan fills them.
void Store::fill_themes() {
    if (!Stmt(db_, "SELECT 1 FROM goals LIMIT 1").step()) return;  // a new database: nothing to fill
    std::vector<Profile> profiles;
    try {
        profiles = load_profiles(data_dir() + "/rules/profiles");
    } catch (const std::exception&) {
        return;
    }
    Stmt u(db_, "UPDATE goals SET theme = ? WHERE goal_id = ?");
    for (const auto& p : profiles)
        for (const auto& [year, goals] : p.goals)
            for (const auto& g : goals) u.bind(1, g.theme).bind(2, g.id).run();
}

std::string canonical_path(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec);
    if (ec) return path;
    fs::path c = fs::weakly_canonical(abs, ec);
    return ec ? abs.lexically_normal().string() : c.string();
}

std::optional<StoredDocument> Store::find(const std::string& path) const {
    Stmt s(db_,
           "SELECT sha256, tool_version, profile, profile_version, options, status, coalesce(error_kind,''), "
           "coalesce(report,'') "
           "FROM documents WHERE path = ?1 OR canonical_path = ?2 ORDER BY path = ?1 DESC LIMIT 1");
    s.bind(1, path).bind(2, canonical_path(path));
    if (!s.step()) return std::nullopt;
    StoredDocument d;
    d.sha256 = s.text(0);
    d.tool_version = s.text(1);
    d.profile = s.text(2);
    d.profile_version = s.text(3);
    d.options = s.text(4);
    d.status = s.text(5);
    d.error_kind = s.text(6);
    d.report = s.text(7);
    return d;
}

void Store::put(const Report& r, const CheckStamp& stamp, const std::string& checked_at) {
    exec("BEGIN IMMEDIATE");
    try {
        const std::string canonical = canonical_path(r.path);
        Stmt(db_, "DELETE FROM documents WHERE path = ? OR canonical_path = ?").bind(1, r.path).bind(2, canonical).run();
        Stmt d(db_,
               "INSERT INTO documents (path, sha256, format, bytes, pages, words, kommune, kommuner, year, years, "
               "kind, stage, profile, profile_version, options, tool_version, status, error_kind, error_da, "
               "error_en, n_requirements, n_passed, n_failed, n_errors, n_warnings, n_misspellings, checked_at, report, "
               "canonical_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        d.bind(1, r.path).bind(2, r.sha256).bind(3, r.format).bind(4, r.bytes).bind(5, r.pages).bind(6, r.words);
        if (r.municipalities.empty()) d.null(7);
        else d.bind(7, r.municipalities.front());
        d.bind(8, join(r.municipalities, "; "));
        if (r.years.empty()) d.null(9);
        else d.bind(9, r.years.front());
        d.bind(10, join_ints(r.years)).bind(11, doc_kind_name(r.kind)).bind(12, stage_name(r.stage)).bind(13, r.profile);
        d.bind(14, stamp.profile_version).bind(15, stamp.options).bind(16, stamp.tool_version).bind(17, status_name(r.status));
        if (r.error) d.bind(18, r.error->kind).bind(19, r.error->message.da).bind(20, r.error->message.en);
        else d.null(18).null(19).null(20);
        const Summary& s = r.summary;
        d.bind(21, s.requirements).bind(22, s.passed).bind(23, s.failed).bind(24, s.errors);
        d.bind(25, s.warnings).bind(26, s.misspellings).bind(27, checked_at);
        d.bind(28, dump_json(report_to_json(r, JsonTexts::both), -1)).bind(29, canonical);
        d.run();
        long long id = sqlite3_last_insert_rowid(db_);

        Stmt py(db_, "INSERT OR IGNORE INTO plan_years (document_id, year) VALUES (?,?)");
        for (int y : r.years) py.bind(1, id).bind(2, y).run();
        Stmt pk(db_, "INSERT OR IGNORE INTO plan_kommuner (document_id, kommune) VALUES (?,?)");
        for (const auto& k : r.municipalities) pk.bind(1, id).bind(2, k).run();

        Stmt q(db_,
               "INSERT INTO requirements (document_id, seq, requirement_id, title_da, title_en, legal_basis, "
               "severity, status, message_da, message_en, page, section, excerpt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        int seq = 0;
        for (const auto& x : r.requirements) {
            q.bind(1, id).bind(2, seq++).bind(3, x.id).bind(4, x.title.da).bind(5, x.title.en);
            q.bind(6, x.legal_basis).bind(7, severity_name(x.severity)).bind(8, req_status_name(x.status));
            q.bind(9, x.message.da).bind(10, x.message.en);
            if (x.evidence.empty()) q.null(11).null(12).null(13);
            else q.bind(11, x.evidence.front().page).bind(12, x.evidence.front().section).bind(13, x.evidence.front().excerpt);
            q.run();
        }
        Stmt g(db_,
               "INSERT INTO goals (document_id, seq, goal_id, title_da, title_en, addressed, pending, page, section, theme) "
               "VALUES (?,?,?,?,?,?,?,?,?,?)");
        Stmt t(db_,
               "INSERT INTO targets (document_id, goal_seq, seq, goal_id, text, value, unit, deadline, deadline_year, "
               "change_pct, direction, filled, page) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        seq = 0;
        for (const auto& x : r.goals) {
            g.bind(1, id).bind(2, seq).bind(3, x.id).bind(4, x.title.da).bind(5, x.title.en).bind(6, x.addressed);
            g.bind(7, x.pending).bind(8, x.page).bind(9, x.section).bind(10, x.theme).run();
            int ts = 0;
            for (const auto& y : x.targets) {
                t.bind(1, id).bind(2, seq).bind(3, ts++).bind(4, x.id).bind(5, y.text).bind(6, y.value);
                t.bind(7, y.unit).bind(8, y.deadline).bind(9, y.deadline_year).bind(10, y.change_pct);
                t.bind(11, y.direction).bind(12, y.filled).bind(13, y.page).run();
            }
            ++seq;
        }
        Stmt f(db_,
               "INSERT INTO findings (document_id, seq, rule, severity, message_da, message_en, page, section, excerpt) "
               "VALUES (?,?,?,?,?,?,?,?,?)");
        seq = 0;
        for (const auto& x : r.findings) {
            f.bind(1, id).bind(2, seq++).bind(3, x.rule).bind(4, severity_name(x.severity)).bind(5, x.message.da);
            f.bind(6, x.message.en).bind(7, x.page).bind(8, x.section).bind(9, x.excerpt).run();
        }
        Stmt w(db_,
               "INSERT INTO spelling (document_id, seq, word, count, suggestions, pages, footnote_marker) "
               "VALUES (?,?,?,?,?,?,?)");
        seq = 0;
        for (const auto& x : r.spelling.unknown) {
            w.bind(1, id).bind(2, seq++).bind(3, x.word).bind(4, x.count).bind(5, join(x.suggestions, ", "));
            w.bind(6, join_ints(x.pages)).bind(7, x.footnote_marker).run();
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

bool Store::integrity_ok(std::string* detail) const {
    std::string out;
    {
        Stmt s(db_, "PRAGMA integrity_check");
        while (s.step()) out += s.text(0) + "\n";
    }
    bool ok = out == "ok\n";
    {
        Stmt s(db_, "PRAGMA foreign_key_check");
        while (s.step()) {
            ok = false;
            out += "foreign key: " + s.text(0) + " row " + s.text(1) + "\n";
        }
    }
    if (detail) *detail = out;
    return ok;
}

}  // namespace plantjek
