// Helpers of the research tests: rows of an SQL query as strings, and the
// ready-made queries of docs/database.md by their marker.
#pragma once

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace plantjek::test {

using Row = std::vector<std::string>;

// Every row of `sql`, NULL as "NULL", reals as SQLite prints them.
inline std::vector<Row> query_rows(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::vector<Row> rows;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Row r;
        for (int i = 0; i < sqlite3_column_count(st); ++i) {
            auto* t = sqlite3_column_text(st, i);
            r.push_back(t ? reinterpret_cast<const char*>(t) : "NULL");
        }
        rows.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    REQUIRE(rc == SQLITE_DONE);
    return rows;
}

// The SQL block after `<!-- query: NAME -->` in docs/database.md.
inline std::string doc_query(const std::string& name) {
    std::ifstream in(std::string(PLANTJEK_TEST_SOURCE_DIR) + "/docs/database.md");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    auto at = text.find("<!-- query: " + name + " -->");
    REQUIRE(at != std::string::npos);
    auto a = text.find("```sql\n", at);
    REQUIRE(a != std::string::npos);
    a += 7;
    auto b = text.find("```", a);
    return text.substr(a, b - a);
}

}  // namespace plantjek::test
