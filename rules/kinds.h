// The check kinds: which `kind` a requirement may name, and which of its
// pattern families that kind reads.
//
// Why: "rules are data" only holds if every pattern in a profile is used by
// the check it belongs to. The loader asks this table, so a `terms:` list on
// a kind that never looks at terms, or an `unfilled:` list anywhere but the
// budget, is a ProfileError with file:line instead of dead data that tests
// pass and checks ignore. The same table is the engine's registry
// (rules/checks/kinds.cpp: one line per kind), so the two cannot drift.
// Cost: a linear search of ten entries per requirement at load time.
#pragma once

#include <string_view>
#include <vector>

namespace plantjek {

// Pattern families of a requirement (bit flags).
enum KindReads : unsigned {
    reads_heading = 1u << 0,   // `heading`: a section or annex title
    reads_terms = 1u << 1,     // `terms` + `min_terms`: a passage with enough key terms
    reads_body = 1u << 2,      // `body`: further patterns (budget amounts, other-actors share, extra placeholders)
    reads_unfilled = 1u << 3,  // `unfilled`: template cells left empty (budget)
};

struct KindInfo {
    const char* name;       // as written in `kind:`
    unsigned reads;         // KindReads the check uses; any other family is a load error
    unsigned needs;         // KindReads that must be given (non-empty)
    const char* summary;    // one line, Danish, for `plantjek profiles` and the docs
    const char* summary_en;
};

// Every kind, in registry order.
const std::vector<KindInfo>& check_kinds();
// The kind called `name`, or nullptr.
const KindInfo* find_check_kind(std::string_view name);

}  // namespace plantjek
