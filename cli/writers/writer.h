// Report writers: one file per format, registered by one line in writers.cpp.
//
// Why: every format renders the same Report, so adding a format never
// touches the checks. A writer writes one report to a stream; batch outputs
// (the HTML overview, CSV) get all reports at the end. Cost: linear in the
// report; nothing is cached.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/report.h"

namespace plantjek {

struct WriterOptions {
    Lang lang = Lang::da;
    bool color = false;
};

struct Writer {
    const char* name;       // "text", "json", ...
    const char* extension;  // file extension with --out
    void (*write)(std::ostream&, const Report&, const WriterOptions&);
};

const Writer* find_writer(const std::string& name);
std::vector<std::string> writer_names();

// The formats themselves (one file each).
void write_json(std::ostream& os, const Report& r, const WriterOptions& o);
void write_text(std::ostream& os, const Report& r, const WriterOptions& o);

// Helpers shared by the writers.
inline const std::string& pick(const Text2& t, Lang l) { return l == Lang::da ? t.da : t.en; }

}  // namespace plantjek
