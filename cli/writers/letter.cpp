// -f letter: a letter from the region to the kommune about one plan, as a
// printable HTML page (A4, one to two pages for a corpus plan). What must be
// fixed (each failed requirement with its legal basis and the suggested
// fix), what is recommended (warnings), the plan year's deadlines, and the
// region's name and contact from the configuration (`region-name`,
// `region-contact`; a bracketed blank to fill in when not given). The date
// is today's, or SOURCE_DATE_EPOCH's for reproducible output.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "cli/writers/writer.h"

namespace plantjek {

namespace {

std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

const char* kLetterCss = R"CSS(
@page { size: A4; margin: 22mm 20mm 20mm 22mm; }
body { font: 11pt/1.4 Georgia, 'DejaVu Serif', serif; color: #111; max-width: 170mm; margin: 2em auto; }
.from { text-align: right; font-size: 10pt; white-space: pre-line; }
.to { margin: 1.5em 0 1em; white-space: pre-line; }
.date { text-align: right; margin-bottom: 1.5em; }
h1 { font-size: 13pt; margin: 0 0 1em; }
h2 { font-size: 11.5pt; margin: 1.2em 0 .4em; }
ol, ul { margin: .3em 0; padding-left: 1.4em; }
li { margin: .35em 0; }
.basis, .where { color: #444; font-size: 9.5pt; }
.fix { display: block; margin-top: .15em; }
.sign { margin-top: 2em; white-space: pre-line; }
.fill { color: #888; }
@media print { body { margin: 0; max-width: none; } }
)CSS";

const char* kMonths[] = {"januar", "februar", "marts", "april", "maj", "juni",
                         "juli", "august", "september", "oktober", "november", "december"};
const char* kMonthsEn[] = {"January", "February", "March", "April", "May", "June",
                           "July", "August", "September", "October", "November", "December"};

// "5. december 2026" (English "5 December 2026").
std::string letter_date(Lang l) {
    std::time_t t = std::time(nullptr);
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
    std::tm tm{};
    gmtime_r(&t, &tm);
    const std::string day = std::to_string(tm.tm_mday), year = std::to_string(tm.tm_year + 1900);
    return l == Lang::da ? day + ". " + kMonths[tm.tm_mon] + " " + year : day + " " + kMonthsEn[tm.tm_mon] + " " + year;
}

std::string or_blank(const std::string& s, const std::string& blank) {
    return s.empty() ? "<span class=\"fill\">[" + html_escape(blank) + "]</span>" : html_escape(s);
}

std::string kommune_name(const Report& r, Lang l) {
    std::string m = municipalities_label(r.municipalities);
    if (m.empty()) return tr(l, "Kommunen", "The municipality");
    return m + (r.municipalities.size() > 1 ? tr(l, " Kommuner", " municipalities") : tr(l, " Kommune", " Municipality"));
}

std::string place(const std::vector<Evidence>& ev, Lang l) {
    if (ev.empty()) return "";
    std::string w = pick(location_text(ev.front().page, ev.front().section, ev.front().paragraph), l);
    return w.empty() ? "" : " <span class=\"where\">(" + html_escape(w) + ")</span>";
}

void item(std::ostream& os, const RequirementResult& q, Lang l) {
    os << "<li><strong>" << html_escape(pick(q.title, l)) << ".</strong> " << html_escape(pick(q.message, l)) << place(q.evidence, l);
    if (!pick(q.suggestion, l).empty())
        os << "<span class=\"fix\">" << tr(l, "Forslag: ", "Suggestion: ") << html_escape(pick(q.suggestion, l)) << "</span>";
    if (!q.legal_basis.empty() && pick(q.suggestion, l).find(q.legal_basis) == std::string::npos)
        os << "<span class=\"basis fix\">" << tr(l, "Hjemmel: ", "Legal basis: ") << html_escape(q.legal_basis) << "</span>";
    os << "</li>\n";
}

void list(std::ostream& os, const Report& r, ReqStatus want, const char* da, const char* en, Lang l) {
    bool any = false;
    for (const auto& q : r.requirements) any = any || q.status == want;
    if (!any) return;
    os << "<h2>" << tr(l, da, en) << "</h2>\n<ol>\n";
    for (const auto& q : r.requirements)
        if (q.status == want) item(os, q, l);
    os << "</ol>\n";
}

// The opening paragraph: what was read, against what, and the outcome.
void opening(std::ostream& os, const Report& r, Lang l) {
    // The file by its name: the region's folders mean nothing to the kommune.
    const std::string year = years_label(r.years), file = html_escape(std::filesystem::path(r.path).filename().string());
    os << "<p>";
    if (r.status == Status::unreadable) {
        os << tr(l, "Regionen har modtaget filen ", "The region has received the file ") << file
           << tr(l, ", men den kan ikke læses: ", ", but it cannot be read: ")
           << html_escape(r.error ? pick(r.error->message, l) : "") << ". "
           << tr(l, "Vi beder kommunen sende planen igen, fx som PDF eller Word-dokument.",
                 "Please send the plan again, for instance as PDF or a Word document.");
    } else if (r.status == Status::not_a_plan) {
        os << tr(l, "Regionen har modtaget filen ", "The region has received the file ") << file
           << tr(l, ", men efter vores gennemgang er det ikke en beskæftigelsesplan: ",
                 ", but on our reading it is not an employment plan: ")
           << html_escape(plan_reasons(r, l)) << " "
           << tr(l, "Vi beder kommunen sende selve planen.", "Please send the plan itself.");
    } else {
        os << tr(l, "Regionen har gennemgået kommunens beskæftigelsesplan", "The region has reviewed the municipality's employment plan")
           << (year.empty() ? "" : " " + tr(l, "for ", "for ") + year) << " (" << file << ")"
           << tr(l, " efter de krav, der gælder for planåret", " against the requirements for the plan year")
           << (r.stage == Stage::draft ? tr(l, ", som et udkast", ", as a draft") : "") << ". ";
        if (r.status == Status::conformant)
            os << tr(l, "Planen opfylder kravene.", "The plan meets the requirements.");
        else
            os << tr(l, "Planen opfylder ikke alle krav. Vi beder kommunen rette de forhold, der er nævnt nedenfor, og sende den rettede plan til regionen.",
                     "The plan does not meet every requirement. Please correct the points below and send the corrected plan to the region.");
    }
    os << "</p>\n";
}

// "2011-10-15" → "15. oktober 2011" ("15 October 2011"); as given when not a date.
std::string long_date(const std::string& iso, Lang l) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) return iso;
    return l == Lang::da ? std::to_string(d) + ". " + kMonths[m - 1] + " " + std::to_string(y)
                         : std::to_string(d) + " " + kMonthsEn[m - 1] + " " + std::to_string(y);
}

void deadlines(std::ostream& os, const Report& r, Lang l) {
    if (r.deadlines.empty() || r.status == Status::unreadable || r.status == Status::not_a_plan) return;
    os << "<h2>" << tr(l, "Frister for planåret", "Deadlines of the plan year") << "</h2>\n<ul>\n";
    for (const auto& d : r.deadlines)
        os << "<li>" << html_escape(long_date(d.date, l)) << ": " << html_escape(pick(d.title, l)) << "</li>\n";
    os << "</ul>\n";
}

}  // namespace

void write_letter(std::ostream& os, const Report& r, const WriterOptions& o) {
    const Lang l = o.lang;
    const std::string year = years_label(r.years), to = kommune_name(r, l);
    os << "<!DOCTYPE html>\n<html lang=\"" << (l == Lang::da ? "da" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<title>" << html_escape(tr(l, "Brev til ", "Letter to ") + to) << "</title>\n<style>" << kLetterCss
       << "</style>\n</head>\n<body>\n";
    os << "<div class=\"from\">" << or_blank(o.sender_name, tr(l, "Regionens navn", "The region's name")) << "\n"
       << or_blank(o.sender_contact, tr(l, "Kontaktperson, telefon, e-mail", "Contact, telephone, e-mail")) << "</div>\n";
    os << "<div class=\"to\">" << html_escape(to) << "\n" << tr(l, "Jobcentret", "The jobcentre") << "</div>\n";
    os << "<div class=\"date\">" << letter_date(l) << "</div>\n";
    os << "<h1>" << tr(l, "Beskæftigelsesplan", "Employment plan") << (year.empty() ? "" : " " + year) << " — "
       << tr(l, "regionens bemærkninger", "the region's remarks") << "</h1>\n";
    opening(os, r, l);
    if (r.status == Status::conformant || r.status == Status::nonconformant) {
        list(os, r, ReqStatus::fail, "Det skal rettes", "To be corrected", l);
        list(os, r, ReqStatus::warn, "Det anbefaler vi", "What we recommend", l);
        deadlines(os, r, l);
    }
    os << "<p>" << tr(l, "Har kommunen spørgsmål til gennemgangen, er I velkomne til at kontakte os.",
                      "If you have questions about the review, please contact us.")
       << "</p>\n<div class=\"sign\">" << tr(l, "Med venlig hilsen", "Yours sincerely") << "\n\n"
       << or_blank(o.sender_name, tr(l, "Regionens navn", "The region's name")) << "</div>\n</body>\n</html>\n";
}

}  // namespace plantjek
