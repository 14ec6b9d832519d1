// Identification: whose plan it is, for which year(s), and what kind of document.
//
// Why: the profile to apply follows from the plan year, and a region must
// know which kommune a file belongs to even when the file name says nothing.
// Every decision carries its reason in Danish and English, so that a
// surprising verdict can be traced. Cost: a pass over the title page,
// running headers and the first pages; negligible.
#pragma once

#include <string>
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

}  // namespace plantjek
