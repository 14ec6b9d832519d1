// The counts of a batch, as the summary at its end says them: checked,
// conformant, nonconformant, not plans, unreadable by reason, duplicates
// (report/duplicates.h: counted once, so apart from the verdicts). `scan` prints
// it on stdout (its result); a batch `check` on stderr (stdout holds the
// reports). One counter, so the two commands cannot count differently.
//
// Cost: a few integers per report.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "report/assemble.h"
#include "report/report.h"

namespace plantjek {

struct BatchTally {
    std::size_t conformant = 0, nonconformant = 0, not_plans = 0, unreadable = 0, failing = 0, duplicates = 0;
    std::map<std::string, int> reasons;  // unreadable, by error kind

    // A duplicate (duplicate_of not empty) counts as a duplicate only, not
    // again under its verdict; it still decides the exit code (failing).
    void count(const Report& r, FailOn fail_on, const std::string& duplicate_of = "");
    // "konforme: 3, ikke-konforme: 1, ikke beskæftigelsesplaner: 0, ulæselige: 1 (io 1)"
    // and, when there are any, ", dubletter: 2".
    std::string line(Lang lang) const;
};

}  // namespace plantjek
