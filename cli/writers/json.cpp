// plantjek.report/1 as JSON: the contract (docs/report-schema.json), in the
// report's language, written by the report library's one serialisation.
#include "cli/writers/writer.h"
#include "report/json.h"

namespace plantjek {

void write_json(std::ostream& os, const Report& r, const WriterOptions& o) {
    os << dump_json(report_to_json(r, json_texts(o.lang)), 2) << "\n";
}

void write_jsonl(std::ostream& os, const Report& r, const WriterOptions& o) {
    os << dump_json(report_to_json(r, json_texts(o.lang)), -1) << "\n";
}

}  // namespace plantjek
