// The date a plan says it was adopted or revised on, read from its own text
// (the cover's "Vedtaget af byrådet den 26. marts 2019", a note "revideret
// april 2019"). Used where a duty took effect during a plan year
// (Requirement::effective). Cost: two RE2 searches per sentence.
#include <re2/re2.h>

#include <cctype>
#include <cstdio>

#include "rules/engine.h"
#include "rules/target_parse.h"

namespace plantjek {

namespace {

const RE2& act_re() {
    static const RE2 re("(?i)(?:^|[^\\pL])(?:vedtaget|vedtog|godkendt|godkendte|revideret|reviderede|revision|"
                        "opdateret|ajourført|justeret)(?:[^\\pL]|$)");
    return re;
}

// "26. marts 2019", "marts 2019", "26.3.2019", "26-03-2019".
const RE2& long_date_re() {
    static const RE2 re("(?i)(?:^|[^\\pN])(?:(\\d{1,2})\\.\\s*)?(januar|februar|marts|april|maj|juni|juli|august|"
                        "september|oktober|november|december)\\s+(20\\d\\d)(?:[^\\pN]|$)");
    return re;
}
const RE2& short_date_re() {
    static const RE2 re("(?:^|[^\\pN.])(\\d{1,2})[.-](\\d{1,2})[.-](20\\d\\d)(?:[^\\pN]|$)");
    return re;
}

int month_of(std::string name) {
    static const char* names[] = {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (int i = 0; i < 12; ++i)
        if (name.compare(0, 3, names[i]) == 0) return i + 1;
    return 0;
}

std::string iso(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Every date in one sentence, in ISO form.
std::vector<std::string> dates_in(re2::StringPiece sent) {
    std::vector<std::string> out;
    re2::StringPiece rest = sent;
    std::string day, month, year;
    while (RE2::FindAndConsume(&rest, long_date_re(), &day, &month, &year))
        if (auto d = iso(std::stoi(year), month_of(month), day.empty() ? 1 : std::stoi(day)); !d.empty()) out.push_back(d);
    rest = sent;
    int dd = 0, mm = 0, yy = 0;
    while (RE2::FindAndConsume(&rest, short_date_re(), &dd, &mm, &yy))
        if (auto d = iso(yy, mm, dd); !d.empty()) out.push_back(d);
    return out;
}

}  // namespace

std::string plan_adopted_or_revised(std::string_view text, const std::string& from, const std::string& to) {
    std::string latest;
    for (auto [x, y] : split_sentences(text)) {
        re2::StringPiece sent(text.data() + x, y - x);
        if (!RE2::PartialMatch(sent, act_re())) continue;
        for (const auto& d : dates_in(sent))
            if (d >= from && d <= to && d > latest) latest = d;
    }
    return latest;
}

}  // namespace plantjek
