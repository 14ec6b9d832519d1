// Identification: whose plan it is, for which year(s), and what kind of document.
//
// Why: the profile to apply follows from the plan year, and a region must
// know which kommune a file belongs to even when the file name says nothing.
// Every decision carries its reason in Danish and English, so that a
// surprising verdict can be traced. A multi-year plan lists every year; a
// joint plan every kommune; a pre-2007 kommune is given as today's. The
// kind tells a draft (checked as one unless --stage says otherwise) by
// what its cover and text say, weighed against an adoption on the cover;
// tracked changes alone never make a draft. Cost: a few passes over the
// title page, running headers and text; negligible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/document.h"
#include "extractor/segment.h"

namespace plantjek {

enum class DocKind { plan, draft, annex, other };
const char* doc_kind_name(DocKind k);  // "plan", "draft", "annex", "unknown" (other)

struct Reason {
    std::string da, en;
};

struct Identity {
    std::vector<std::string> municipalities;  // canonical names ("Aarhus"); several for a joint plan
    std::vector<int> years;                   // plan year(s), ascending
    DocKind kind = DocKind::plan;
    std::vector<Reason> reasons;
};

Identity identify(const Document& doc, const Outline& outline);

// The 98 kommuner's canonical names (dictionaries/kommuner.tsv), in file order.
const std::vector<std::string>& kommune_names();
// The canonical name for any form the dictionary knows ("Århus" → "Aarhus",
// case ignored), or "" for a name that is no kommune.
std::string canonical_kommune(std::string_view name);

}  // namespace plantjek
