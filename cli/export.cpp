// plantjek export --db FILE --format csv|jsonl [--table T] [-o FILE]: one
// table or view of the scan's database for a statistics tool (R, Stata,
// pandas). The columns are in docs/codebook.md.
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/store.h"

namespace plantjek {

namespace {

const char* say(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string column_text(sqlite3_stmt* st, int i) {
    auto* t = sqlite3_column_text(st, i);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(st, i))) : "";
}

nlohmann::ordered_json column_json(sqlite3_stmt* st, int i) {
    switch (sqlite3_column_type(st, i)) {
        case SQLITE_INTEGER: return sqlite3_column_int64(st, i);
        case SQLITE_FLOAT: return sqlite3_column_double(st, i);
        case SQLITE_NULL: return nullptr;
        default: return column_text(st, i);
    }
}

// The tables and views of the database (the names a user may give).
std::vector<std::string> exportable(sqlite3* db) {
    std::vector<std::string> names;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) names.push_back(column_text(st, 0));
    sqlite3_finalize(st);
    return names;
}

void write_rows(sqlite3_stmt* st, std::ostream& os, bool csv) {
    const int n = sqlite3_column_count(st);
    if (csv) {
        for (int i = 0; i < n; ++i) os << (i ? "," : "") << csv_field(sqlite3_column_name(st, i));
        os << "\r\n";
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (csv) {
            for (int i = 0; i < n; ++i) os << (i ? "," : "") << csv_field(column_text(st, i));
            os << "\r\n";
            continue;
        }
        nlohmann::ordered_json row;
        for (int i = 0; i < n; ++i) row[sqlite3_column_name(st, i)] = column_json(st, i);
        os << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
}

}  // namespace

int run_export(const CommonOptions& common, const ExportOptions& o) {
    const Lang l = common.lang;
    std::ifstream probe(o.db);
    if (!probe) {
        std::cerr << "plantjek: " << o.db << say(l, ": databasen findes ikke eller kan ikke læses\n", ": the database does not exist or cannot be read\n");
        return exit_code::usage;
    }
    try {
        Store store(o.db);  // migrates an older database first, so every view exists
        const auto names = exportable(store.handle());
        if (std::find(names.begin(), names.end(), o.table) == names.end()) {
            std::cerr << "plantjek: " << say(l, "ukendt tabel eller visning '", "unknown table or view '") << o.table
                      << say(l, "'; findes: ", "'; there are: ");
            for (std::size_t i = 0; i < names.size(); ++i) std::cerr << (i ? ", " : "") << names[i];
            std::cerr << "\n";
            return exit_code::usage;
        }
        sqlite3_stmt* st = nullptr;
        const std::string sql = "SELECT * FROM \"" + o.table + "\"";
        if (sqlite3_prepare_v2(store.handle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            throw StoreError(sqlite3_errmsg(store.handle()));
        std::ofstream file;
        if (!o.out.empty()) {
            file.open(o.out, std::ios::binary);
            if (!file) {
                sqlite3_finalize(st);
                std::cerr << "plantjek: " << o.out << say(l, ": kan ikke skrives\n", ": cannot be written\n");
                return exit_code::usage;
            }
        }
        write_rows(st, o.out.empty() ? std::cout : file, o.format == "csv");
        sqlite3_finalize(st);
    } catch (const StoreError& e) {
        std::cerr << "plantjek: " << say(l, "databasen kan ikke bruges: ", "the database cannot be used: ") << e.what() << "\n";
        return exit_code::usage;
    }
    return exit_code::ok;
}

}  // namespace plantjek
