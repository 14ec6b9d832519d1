// The registry of check kinds: one line per kind. A new kind is one file in
// rules/checks/, its function declared in context.h, and one line here.
#include "rules/kinds.h"

#include "rules/checks/context.h"

namespace plantjek {

namespace {

struct Entry {
    KindInfo info;
    checks::CheckFn fn;
};

// clang-format off
const Entry kEntries[] = {
    {{"section", reads_heading | reads_terms, reads_heading,
      "et afsnit med sin overskrift, ellers en advarsel hvis nøgleordene står i teksten",
      "a section with its heading, else a warning when the key terms stand in the text"}, &checks::check_section},
    {{"annex", reads_heading, reads_heading,
      "et tillæg eller bilag med sin titel; kun nævnt i indholdsfortegnelsen er en fejl",
      "an annex with its title; only listed in the table of contents is an error"}, &checks::check_annex},
    {{"goals", reads_heading | reads_terms, 0,
      "hvert af årets ministermål er behandlet (titel eller omskrivning); et manglende mål hører til målkapitlet (heading/terms)",
      "every minister goal of the year is addressed (title or paraphrase); a missing goal belongs to the goals chapter (heading/terms)"}, &checks::check_goals},
    {{"targets", 0, 0,
      "hvert mål har et udfyldt måltal med frist i planperioden, i ministeriets form hvor den er foreskrevet",
      "every goal has a filled-in target with a deadline in the plan period, in the ministry's shape where prescribed"}, &checks::check_targets},
    {{"budget", reads_heading | reads_terms | reads_body | reads_unfilled, reads_heading | reads_body | reads_unfilled,
      "et budgetafsnit med beløb (body) og uden tomme skabelonfelter (unfilled)",
      "a budget section with amounts (body) and no empty template cells (unfilled)"}, &checks::check_budget},
    {{"other-actors", reads_heading | reads_terms | reads_body, reads_heading,
      "et afsnit om andre aktører, med andelen (body) hvor den kræves",
      "a section on other actors, with the share (body) where it is required"}, &checks::check_other_actors},
    {{"placeholders", reads_body, 0,
      "ingen pladsholdere eller skabelontekst (profilens placeholders og kravets body)",
      "no placeholders or template text (the profile's placeholders and the requirement's body)"}, &checks::check_placeholders},
    {{"consistency", 0, 0,
      "måltallene i teksten og i måltillægget stemmer overens",
      "the targets in the text and in the goal annex agree"}, &checks::check_consistency},
    {{"described", reads_heading | reads_terms | reads_body, reads_heading | reads_terms,
      "beskrevet i en hvilken som helst form: en passage med nøgleordene, i eget afsnit eller i teksten (en henvisning tæller ikke)",
      "described in any form: a passage with the key terms, in a section of its own or in the text (a mere reference does not count)"}, &checks::check_described},
};
// clang-format on

}  // namespace

const std::vector<KindInfo>& check_kinds() {
    static const std::vector<KindInfo> v = [] {
        std::vector<KindInfo> out;
        for (const auto& e : kEntries) out.push_back(e.info);
        return out;
    }();
    return v;
}

const KindInfo* find_check_kind(std::string_view name) {
    for (const auto& e : kEntries)
        if (name == e.info.name) return &e.info;
    return nullptr;
}

namespace checks {
CheckFn find_kind(std::string_view name) {
    for (const auto& e : kEntries)
        if (name == e.info.name) return e.fn;
    return nullptr;
}
}  // namespace checks

}  // namespace plantjek
