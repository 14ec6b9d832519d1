// Duplicates in a batch: the same plan sent twice (as .doc and as .pdf, or
// the same file under two names), so that a region counts it once.
//
// Why: a season's batch often holds a plan in several formats; counted as
// two plans it doubles the totals and the comparison of targets. A report
// is a duplicate of the first earlier report with the same content (the
// SHA-256 of the file), or, for a plan that was checked (conformant or
// nonconformant), of the first earlier plan of the same kind with the same
// kommune(r) and plan year(s). An unreadable file is never a duplicate
// (its identity is not known; its hash alone says nothing useful). The
// verdicts are not touched: each copy keeps its own report.
//
// Cost: one map lookup per report. Limits: two different plans of one
// kommune and year (a plan and its later revision sent as a plan) are
// taken as one; the report says so in words ("samme plan som …"), so a
// reader can tell.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "report/report.h"

namespace plantjek {

class DuplicateFinder {
public:
    // The path of the earlier report this one repeats, or "" when it is the
    // first of its plan. Call once per report, in batch order.
    std::string add(const Report& r);

private:
    std::map<std::string, std::string> by_hash_, by_identity_;
};

// add() over a whole batch: element i is report i's duplicate_of ("" for none).
std::vector<std::string> find_duplicates(const std::vector<const Report*>& reports);

// "samme plan som 2010-odense-complete.pdf" / "same plan as …": the file's name without its folder.
std::string duplicate_label(const std::string& duplicate_of, Lang lang);

}  // namespace plantjek
