// plantjek.report/1 as JSON, both ways: the one serialisation of a Report.
//
// Why: the JSON report is the contract (docs/report-schema.json), and the
// same object carries a report from a scan's worker to its parent and into
// the store's `report` column. One writer and one reader mean a field added
// to the model shows up the same in `check -f json`, in `scan --out`, on the
// wire and in the database without touching those places.
//
// Texts: a report keeps every message in Danish and English (Text2). The
// contract shows one language (JsonTexts::da or ::en: each message is a
// string). JsonTexts::both is the lossless form the workers and the store
// use: each message is {"da": …, "en": …}, and the few values the contract
// rounds or leaves out (a target's deadline_year, the exact OCR confidence)
// are kept. Everything else is the same object, key for key, in the same
// order.
//
// Round trip: report_from_json(report_to_json(r, t), t) gives a report whose
// JSON is byte-identical to the first (tests/test_report.cpp and every
// corpus plan in tests/test_corpus_check.cpp). From a one-language JSON
// both languages get that language's text.
//
// Cost: linear in the report (~1 ms for a 200-page plan's report).
// Limits: invalid UTF-8 from a document is replaced by U+FFFD in dump_json,
// never thrown on.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/report.h"

namespace plantjek {

enum class JsonTexts { da, en, both };
inline JsonTexts json_texts(Lang l) { return l == Lang::da ? JsonTexts::da : JsonTexts::en; }

nlohmann::ordered_json report_to_json(const Report& r, JsonTexts texts);
// Throws nlohmann::json::exception or std::invalid_argument for a JSON that
// is not a report of this schema (a missing key, a wrong type, an unknown
// status).
Report report_from_json(const nlohmann::ordered_json& j, JsonTexts texts);

// dump() with invalid UTF-8 replaced: indent -1 is one line (jsonl, the
// wire, the store), 2 the indented report file.
std::string dump_json(const nlohmann::ordered_json& j, int indent);

}  // namespace plantjek
