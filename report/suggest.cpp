#include "report/suggest.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace plantjek {

namespace {

Text2 operator+(const Text2& a, const Text2& b) { return {a.da + b.da, a.en + b.en}; }
Text2 same(const std::string& s) { return {s, s}; }

int plan_year(const Report& r) { return r.years.empty() ? 0 : r.years.front(); }

// "goal-2012-3" → 3; 0 when the id has no number.
int goal_number(const std::string& id) {
    auto dash = id.rfind('-');
    if (dash == std::string::npos) return 0;
    try {
        return std::stoi(id.substr(dash + 1));
    } catch (...) {
        return 0;
    }
}

// 1610 → "1.610", 2.5 → "2,5": the way Danish plans write numbers.
std::string danish_number(double v) {
    double a = std::fabs(v);
    if (std::fabs(a - std::round(a)) > 1e-9) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", a);
        std::string s = buf;
        for (char& c : s)
            if (c == '.') c = ',';
        return s;
    }
    std::string digits = std::to_string(static_cast<long long>(std::llround(a))), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out;
}

// The numbers a goal's targets already give: the first filled value, unit
// and change among them (the text's or the annex's).
struct KnownNumbers {
    std::optional<double> value, change;
    std::string unit;
};

KnownNumbers known_numbers(const GoalResult& g) {
    KnownNumbers k;
    for (const auto& t : g.targets) {
        if (t.unit == "pct.") continue;  // a share, not the goal's count
        if (!k.value && t.value) {
            k.value = t.value;
            k.unit = t.unit;
        }
        if (!k.change && t.change_pct) k.change = t.change_pct;
    }
    return k;
}

// The subject of the target sentence as the plan wrote it ("Antallet af
// unge på offentlig forsørgelse"), up to the verb; else a marked field.
Text2 subject_of(const GoalResult& g) {
    for (const auto& t : g.targets)
        for (const char* verb : {" skal begrænses", " begrænses", " skal nedbringes", " nedbringes", " skal reduceres"}) {
            auto at = t.text.find(verb);
            if (at != std::string::npos && at > 0 && at < 200) return same(t.text.substr(0, at));
        }
    return {"[Antallet af personer i målgruppen]", "[The number of people in the target group]"};
}

std::string value_or(const KnownNumbers& k, const std::string& field) {
    return k.value ? danish_number(*k.value) : field;
}

std::string change_or(const KnownNumbers& k, const std::string& field) {
    return k.change ? danish_number(*k.change) : field;
}

Text2 direction_of(const KnownNumbers& k) {
    if (!k.change) return {"[et fald/en stigning]", "[et fald/en stigning]"};
    return *k.change < 0 ? same("et fald") : same("en stigning");
}

Text2 sentence_2010(const GoalResult& g, const KnownNumbers& k) {
    if (goal_number(g.id) == 2)
        return same("Antallet af sygedagpengeforløb over 26 uger nedbringes med " + change_or(k, "[X]") +
                    " procent til " + value_or(k, "[antal forløb]") + " forløb i december 2010.");
    Text2 s = subject_of(g);
    return s + same(" begrænses til " + value_or(k, "[antal personer]") +
                    " personer (fuldtidspersoner i ledighed og aktivering) i december 2010.");
}

Text2 sentence_2012(const GoalResult& g, const KnownNumbers& k) {
    Text2 s = subject_of(g);
    return s + same(" skal begrænses til " + value_or(k, "[antal personer]") +
                    " personer (fuldtidspersoner i ledighed og aktivering) i december 2012, svt. ") +
           direction_of(k) + same(" på " + change_or(k, "[X]") + " pct. fra december 2010 til december 2012.");
}

Text2 sentence_free(const KnownNumbers& k, int year) {
    std::string unit = k.unit.empty() ? "[enhed]" : k.unit;
    std::string y = year > 0 ? std::to_string(year) : "[år]";
    return {"Målet er, at [indikator] i december " + y + " er " + value_or(k, "[måltal]") + " " + unit +
                ", svarende til [et fald/en stigning] på " + change_or(k, "[X]") + " pct.",
            "The goal is that [indicator] in December " + y + " is " + value_or(k, "[target]") + " " + unit +
                ", that is [a fall/a rise] of " + change_or(k, "[X]") + " per cent."};
}

bool target_ok(const GoalResult& g) {
    for (const auto& t : g.targets)
        if (!t.filled) return false;
    return true;
}

// ---------------------------------------------------------------- texts

const Deadline* deadline(const Report& r, const std::string& what) {
    for (const auto& d : r.deadlines)
        if (d.what == what) return &d;
    return nullptr;
}

Text2 legal(const std::string& basis) {
    if (basis.empty()) return {};
    return {" Hjemmel: " + basis + ".", " Legal basis: " + basis + "."};
}

// What a missing section must hold, in the project's words, by requirement id.
Text2 section_contents(const std::string& id) {
    static const std::map<std::string, Text2> contents = {
        {"challenges",
         {"beskriv kort ledigheden og dens udvikling, de grupper der har sværest ved at komme i job, og hvor "
          "virksomhederne mangler arbejdskraft",
          "describe unemployment and how it develops, the groups that find it hardest to get work, and where "
          "businesses lack labour"}},
        {"citizen-strategy",
         {"beskriv strategien for de ledige og sygemeldte (samtaler, tilbud, uddannelse) og kommunens egne mål for den",
          "describe the strategy for the unemployed and the sick-listed (interviews, offers, education) and the "
          "municipality's own goals for it"}},
        {"company-strategy",
         {"beskriv strategien for samarbejdet med virksomhederne (virksomhedsservice, rekruttering, praktik og "
          "løntilskud) og kommunens egne mål for den",
          "describe the strategy for working with businesses (business service, recruitment, placements) and "
          "the municipality's own goals for it"}},
        {"other-actors",
         {"beskriv hvordan andre aktører bruges i indsatsen, og sæt et mål for andelen af ledige, der får et forløb hos "
          "en anden aktør",
          "describe how other actors are used, and set a goal for the share of the unemployed whose course is run by "
          "another actor"}},
        {"repatriation",
         {"beskriv hvordan jobcentret vejleder om muligheden for repatriering", "describe how the job centre advises on "
                                                                              "repatriation"}},
        {"minister-goals",
         {"beskriv for hvert af ministerens mål kommunens indsats og måltal",
          "describe for each of the minister's goals the municipality's effort and target"}},
    };
    auto it = contents.find(id);
    if (it != contents.end()) return it->second;
    return {};
}

Text2 missing_section(const RequirementResult& q) {
    Text2 what = section_contents(q.id);
    Text2 out = {"Tilføj et afsnit med overskriften »" + q.title.da + "«",
                 "Add a section headed \"" + q.title.en + "\""};
    if (!what.da.empty()) out = out + Text2{": " + what.da + ".", ": " + what.en + "."};
    else out = out + Text2{". " + q.message.da, ". " + q.message.en};
    return out + legal(q.legal_basis);
}

// Where the goals' targets already stand, for an annex that sums them up.
Text2 goal_list(const Report& r) {
    Text2 out;
    for (const auto& g : r.goals) {
        if (g.targets.empty() || !g.targets.front().value) continue;
        const Target& t = g.targets.front();
        Text2 at = location_text(t.page > 0 ? t.page : g.page, g.section, 0);
        std::string n = std::to_string(goal_number(g.id));
        std::string v = danish_number(*t.value) + (t.unit.empty() ? "" : " " + t.unit);
        out = out + Text2{" Mål " + n + ": " + v + " (" + at.da + ").", " Goal " + n + ": " + v + " (" + at.en + ")."};
    }
    if (out.da.empty()) return {};
    return Text2{" Måltallene står allerede i planen:", " The targets already stand in the plan:"} + out;
}

Text2 missing_annex(const Report& r, const RequirementResult& q) {
    Text2 out = {"Tilføj et bilag »" + q.title.da + "«. " + q.message.da,
                 "Add an annex \"" + q.title.en + "\". " + q.message.en};
    if (q.id == "annex-goal-overview") out = out + goal_list(r);
    if (q.id == "annex-lbr-plan")
        out = out + Text2{" LBR vedtager sin plan selv; sæt den ind som bilag, når den foreligger.",
                          " LBR adopts its plan itself; insert it as an annex once it exists."};
    return out + legal(q.legal_basis);
}

Text2 due_text(const Report& r, const std::string& what) {
    const Deadline* d = deadline(r, what);
    if (!d) return {};
    return {" Frist: " + d->title.da + " senest " + d->date + ".", " Deadline: " + d->title.en + " by " + d->date + "."};
}

Text2 goals_to_add(const Report& r) {
    Text2 out;
    for (const auto& g : r.goals) {
        if ((g.addressed && !(g.pending && g.targets.empty())) || !g.waived.empty()) continue;
        out = out + Text2{" Tilføj et afsnit om mål " + std::to_string(goal_number(g.id)) + " »" + g.title.da +
                              "« med kommunens indsats og måltal, fx: " + g.suggestion.da,
                          " Add a section on goal " + std::to_string(goal_number(g.id)) + " \"" + g.title.en +
                              "\" with the municipality's effort and target, e.g.: " + g.suggestion.en};
    }
    return out;
}

Text2 targets_to_fix(const Report& r) {
    Text2 out;
    for (const auto& g : r.goals) {
        if (g.suggestion.da.empty() || !g.addressed || g.pending) continue;
        out = out + Text2{" Mål " + std::to_string(goal_number(g.id)) + ": " + g.suggestion.da,
                          " Goal " + std::to_string(goal_number(g.id)) + ": " + g.suggestion.en};
    }
    if (out.da.empty()) return {};
    return Text2{"Skriv måltallet i ministeriets form:", "Write the target in the ministry's shape:"} + out;
}

// The consistency finding's own message names both values and where each
// stands; the suggestion adds what to do with them.
Text2 disagreement(const Report& r) {
    Text2 out;
    for (const auto& f : r.findings)
        if (f.rule == "targets-consistent" && !f.requirement_result) out = out + Text2{" " + f.message.da, " " + f.message.en};
    return Text2{"Ret tallene, så hovedteksten og måloversigten siger det samme.",
                 "Correct the numbers so that the main text and the goal overview say the same."} +
           out;
}

Text2 placeholders_text(const Report& r, const RequirementResult& q) {
    Text2 out = {"Erstat pladsholderne med planens egne tal og tekst:", "Replace the placeholders with the plan's own "
                                                                         "figures and text:"};
    for (const auto& e : q.evidence) {
        Text2 at = location_text(e.page, e.section, e.paragraph);
        std::string w = e.match.empty() ? e.excerpt : e.match;
        out = out + Text2{" »" + w + "« (" + at.da + ");", " \"" + w + "\" (" + at.en + ");"};
    }
    if (!out.da.empty() && out.da.back() == ';') {
        out.da.back() = '.';
        out.en.back() = '.';
    }
    (void)r;
    return out;
}

Text2 requirement_suggestion(const Report& r, const RequirementResult& q) {
    const std::string& id = q.id;
    Text2 s;
    if (id == "minister-goals") s = Text2{"Behandl alle ministerens mål.", "Address all of the minister's goals."} + goals_to_add(r);
    else if (id == "goal-targets") s = targets_to_fix(r);
    else if (id == "targets-consistent") s = disagreement(r);
    else if (id == "no-placeholders") s = placeholders_text(r, q);
    else if (id == "budget")
        s = {"Udfyld budgettet for beskæftigelsesindsatsen i planåret: skriv beløbet (fx i 1.000 kr.) på hver "
             "budgetlinje, hvor der nu står en pladsholder, og en sum i alt.",
             "Fill in the budget for the employment effort in the plan year: write the amount (e.g. in DKK "
             "1,000) on every budget line that now holds a placeholder, and a total."};
    else if (id.rfind("annex-", 0) == 0) s = missing_annex(r, q);
    if (s.da.empty()) s = missing_section(q);
    if (q.status == ReqStatus::warn && r.stage == Stage::draft) s = s + due_text(r, "publication");
    if (id == "budget") s = s + legal(q.legal_basis);
    return s;
}

// The placeholder a finding names ("… står tilbage: 'X personer'."), else its excerpt.
std::string placeholder_word(const Finding& f) {
    std::size_t a = f.message.da.find('\''), b = f.message.da.rfind('\'');
    if (a != std::string::npos && b > a + 1) return f.message.da.substr(a + 1, b - a - 1);
    return f.excerpt;
}

// The goal whose target sentence a finding quotes, or whose number it names.
const GoalResult* goal_of(const Report& r, const Finding& f) {
    for (const auto& g : r.goals) {
        std::string n = std::to_string(goal_number(g.id));
        if (f.message.da.find("mål " + n + ".") != std::string::npos || f.message.da.find("Mål " + n + ":") != std::string::npos)
            return &g;
        for (const auto& t : g.targets)
            if (!f.excerpt.empty() && !t.text.empty() && (t.text == f.excerpt || f.excerpt.find(t.text) != std::string::npos))
                return &g;
    }
    return nullptr;
}

Text2 finding_suggestion(const Report& r, const Finding& f) {
    if (f.rule == "no-placeholders") {
        Text2 at = location_text(f.page, f.section, f.paragraph);
        std::string word = placeholder_word(f);
        bool budget = f.section.find("udget") != std::string::npos || f.section.find("konomi") != std::string::npos;
        if (budget)
            return {"Skriv beløbet for denne budgetlinje i afsnittet »" + f.section + "« i stedet for »" + word + "«.",
                    "Write the amount for this budget line in the section \"" + f.section + "\" instead of \"" +
                        word + "\"."};
        return {"Erstat »" + word + "« (" + at.da + ") med planens eget tal eller tekst, eller slet det.",
                "Replace \"" + word + "\" (" + at.en + ") with the plan's own figure or text, or delete it."};
    }
    if (f.rule == "deadline") return Text2{"Overhold planårets frister.", "Keep the plan year's deadlines."} + due_text(r, "adoption") + due_text(r, "sending");
    if (f.rule == "tracked-changes")
        return {"Acceptér eller afvis de registrerede ændringer, før planen sendes eller offentliggøres.",
                "Accept or reject the tracked changes before the plan is sent or published."};
    if (f.rule == "comments")
        return {"Slet kommentarerne, før planen sendes eller offentliggøres.",
                "Delete the comments before the plan is sent or published."};
    if (f.rule == "goal-targets" || f.rule == "targets-consistent") {
        if (const GoalResult* g = goal_of(r, f)) {
            std::string n = std::to_string(goal_number(g->id));
            if (f.rule == "targets-consistent")
                return {"Ret tallet, så hovedteksten og måloversigten siger det samme for mål " + n + ".",
                        "Correct the number so that the main text and the goal overview agree for goal " + n + "."};
            if (!g->suggestion.da.empty()) return g->suggestion;
        }
    }
    for (const auto& q : r.requirements)
        if (q.id == f.rule && !q.suggestion.da.empty()) return q.suggestion;
    return {};
}

}  // namespace

Text2 target_sentence(const GoalResult& g, int year) {
    KnownNumbers k = known_numbers(g);
    if (year == 2010) return sentence_2010(g, k);
    if (year == 2012) return sentence_2012(g, k);
    return sentence_free(k, year);
}

void add_suggestions(Report& r) {
    const int year = plan_year(r);
    bool targets_failed = false;
    for (const auto& q : r.requirements)
        if (q.id == "goal-targets" && (q.status == ReqStatus::fail || q.status == ReqStatus::warn)) targets_failed = true;
    for (auto& g : r.goals)
        if (g.waived.empty() && (!g.addressed || !target_ok(g) || (targets_failed && g.targets.empty()) ||
                                 (g.pending && g.targets.empty())))
            g.suggestion = target_sentence(g, year);
    // A malformed target (the goal-targets finding names its goal) gets the sentence too.
    for (const auto& f : r.findings) {
        if (f.rule != "goal-targets" || f.requirement_result) continue;
        if (const GoalResult* named = goal_of(r, f))
            for (auto& g : r.goals)
                if (&g == named && g.suggestion.da.empty() && g.waived.empty()) g.suggestion = target_sentence(g, year);
    }
    for (auto& q : r.requirements)
        if (q.status == ReqStatus::fail || q.status == ReqStatus::warn) q.suggestion = requirement_suggestion(r, q);
    for (auto& f : r.findings)
        if (f.severity != Severity::info) f.suggestion = finding_suggestion(r, f);
}

}  // namespace plantjek
