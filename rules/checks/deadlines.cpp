// The plan year's deadlines into the report, and a warning when the plan
// states an adoption or publication date later than its deadline.
#include <re2/re2.h>

#include <cstdio>

#include "rules/checks/context.h"
#include "rules/target_parse.h"

namespace plantjek::checks {

namespace {
int month_number(std::string m) {
    static const char* names[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                  "juli",   "august",  "september", "oktober", "november", "december"};
    for (auto& ch : m) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (int i = 0; i < 12; ++i)
        if (m == names[i]) return i + 1;
    return 0;
}
}  // namespace

void check_deadlines(Context& c) {
    for (const auto& d : c.profile().deadlines_for(c.year())) c.out.deadlines.push_back({d.what, d.label, d.date});
    static const RE2 adopted("(?i)(vedtaget|vedtog|godkendt|godkendte|offentliggjort|offentliggøres)");
    static const RE2 date("(?i)(?:^|[^\\pN])(\\d{1,2})\\.\\s*(januar|februar|marts|april|maj|juni|juli|august|september|"
                          "oktober|november|december)\\s+(20\\d\\d)");
    const auto& blocks = c.doc().blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!c.body[i] && blocks[i].kind != BlockKind::footer) continue;
        const std::string& text = blocks[i].text;
        for (auto [x, y] : split_sentences(text)) {
            re2::StringPiece sent(text.data() + x, y - x);
            std::string verb;
            if (!RE2::PartialMatch(sent, adopted, &verb)) continue;
            int day = 0, yr = 0;
            std::string month;
            if (!RE2::PartialMatch(sent, date, &day, &month, &yr)) continue;
            std::string v = verb;
            for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            std::string what = v.rfind("offentlig", 0) == 0 ? "publication" : "adoption";
            std::string due = c.deadline_date(what);
            if (due.empty()) continue;
            char iso[16];
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", yr, month_number(month), day);
            if (std::string(iso) > due)
                c.add_finding("deadline", Severity::warning,
                              {"Planen angiver " + std::string(what == "adoption" ? "vedtagelse" : "offentliggørelse") +
                                   " den " + iso + ", efter fristen " + due + ".",
                               "The plan states " + std::string(what == "adoption" ? "adoption" : "publication") + " on " +
                                   iso + ", after the deadline " + due + "."},
                              i, x);
        }
    }
}

}  // namespace plantjek::checks
