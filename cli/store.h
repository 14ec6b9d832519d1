// The SQLite store of `plantjek scan`: one row per checked file and its
// requirements, goals, targets, findings and misspellings.
//
// Why: researchers ask questions across years and kommuner ("all plans of
// 2012", "how often is the budget missing, by kommune"), which a directory of
// JSON reports cannot answer. The store is a rendering of the Report like the
// writers are; the schema is in docs/database.md.
//
// Consistency: WAL journal, a single writer (the scan's parent process), and
// each document written in one transaction (old rows of the same path deleted
// in the same transaction), so a `kill -9` at any moment leaves every
// document either fully written or absent. Versions: PRAGMA user_version is
// the schema version; open() applies the missing migrations in order, each in
// its own transaction, and refuses a database from a newer plantjek.
//
// Cost: one small transaction per document (~1 ms with synchronous=NORMAL).
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "report/report.h"

struct sqlite3;

namespace plantjek {

// The schema version this build writes (PRAGMA user_version).
inline constexpr int kStoreSchemaVersion = 3;

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What the store knows about a path from an earlier run (for incremental scans).
struct StoredDocument {
    std::string sha256, tool_version, profile, profile_version, options, status, error_kind;
    std::string report;  // the whole report (report/json.h, JsonTexts::both); "" in rows of schema 1
};

// Versions and options that make a stored result reusable.
struct CheckStamp {
    std::string tool_version;     // PLANTJEK_VERSION
    std::string profile_version;  // profile_version() of the applied profile; "" when none applied
    std::string options;          // check_options_key(): the options that change a result
};

class Store {
public:
    // Opens (creating if needed) and migrates. Throws StoreError.
    explicit Store(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schema_version() const;

    // The stored row of this path, if any (by path, or by the canonical path
    // of another path to the same file).
    std::optional<StoredDocument> find(const std::string& path) const;

    // Replaces everything stored for r.path (or for another path to the same
    // file, by canonical path) by r, in one transaction.
    // `checked_at` is an ISO 8601 UTC timestamp.
    void put(const Report& r, const CheckStamp& stamp, const std::string& checked_at);

    // PRAGMA integrity_check == "ok" and foreign_key_check empty.
    bool integrity_ok(std::string* detail = nullptr) const;

    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    void exec(const char* sql) const;
    void migrate();
    void fill_themes();
};

// The resolved absolute path (links and "..", "." resolved as far as the
// path exists): the same file by another path is one document. Stored as
// documents.canonical_path; `path` keeps the path as given.
std::string canonical_path(const std::string& path);

// The migrations: kMigrations[i] takes user_version i to i + 1.
// Exposed for docs/database.md and the tests.
const char* store_migration(int from_version);

// ISO 8601 UTC now, "2024-05-01T12:00:00Z".
std::string utc_now();

}  // namespace plantjek
