// -f letter: the region's letter to the kommune about one plan, as a
// printable HTML page (A4, one to two pages for a corpus plan), and the
// composing both letter formats share (letter.h).
#include "cli/writers/letter.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace plantjek {

namespace {

std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

const char* kMonths[] = {"januar", "februar", "marts", "april", "maj", "juni",
                         "juli", "august", "september", "oktober", "november", "december"};
const char* kMonthsEn[] = {"January", "February", "March", "April", "May", "June",
                           "July", "August", "September", "October", "November", "December"};

std::string date_words(int y, int m, int d, Lang l) {
    return l == Lang::da ? std::to_string(d) + ". " + kMonths[m - 1] + " " + std::to_string(y)
                         : std::to_string(d) + " " + kMonthsEn[m - 1] + " " + std::to_string(y);
}

// "5. december 2026" (English "5 December 2026").
std::string letter_date(Lang l) {
    std::time_t t = std::time(nullptr);
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
    std::tm tm{};
    gmtime_r(&t, &tm);
    return date_words(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, l);
}

// "2011-10-15" → "15. oktober 2011" ("15 October 2011"); as given when not a date.
std::string long_date(const std::string& iso, Lang l) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) return iso;
    return date_words(y, m, d, l);
}

std::string kommune_name(const Report& r, Lang l) {
    std::string m = municipalities_label(r.municipalities);
    if (m.empty()) return tr(l, "Kommunen", "The municipality");
    return m + (r.municipalities.size() > 1 ? tr(l, " Kommuner", " municipalities") : tr(l, " Kommune", " Municipality"));
}

LetterItem item(const RequirementResult& q, Lang l) {
    LetterItem it{pick(q.title, l), pick(q.message, l), "", pick(q.suggestion, l), ""};
    if (!q.evidence.empty())
        it.where = pick(location_text(q.evidence.front().page, q.evidence.front().section, q.evidence.front().paragraph), l);
    if (it.fix.find(q.legal_basis) == std::string::npos) it.basis = q.legal_basis;  // a suggestion may cite it already
    return it;
}

void add_requirements(Letter& t, const Report& r, ReqStatus want, const char* da, const char* en, Lang l) {
    LetterSection s{tr(l, da, en), true, {}};
    for (const auto& q : r.requirements)
        if (q.status == want) s.items.push_back(item(q, l));
    if (!s.items.empty()) t.sections.push_back(std::move(s));
}

// The opening paragraph: what was read, against what, and the outcome.
std::string opening(const Report& r, Lang l) {
    const std::string year = years_label(r.years), file = std::filesystem::path(r.path).filename().string();
    const std::string received = tr(l, "Regionen har modtaget filen ", "The region has received the file ") + file;
    if (r.status == Status::unreadable)
        return received + tr(l, ", men den kan ikke læses: ", ", but it cannot be read: ") +
               (r.error ? pick(r.error->message, l) : "") + ". " +
               tr(l, "Vi beder kommunen sende planen igen, fx som PDF eller Word-dokument.",
                  "Please send the plan again, for instance as PDF or a Word document.");
    if (r.status == Status::not_a_plan)
        return received +
               tr(l, ", men efter vores gennemgang er det ikke en beskæftigelsesplan: ",
                  ", but on our reading it is not an employment plan: ") +
               plan_reasons(r, l) + " " + tr(l, "Vi beder kommunen sende selve planen.", "Please send the plan itself.");
    // The region's folders mean nothing to the kommune: the file by its name.
    std::string s = tr(l, "Regionen har gennemgået kommunens beskæftigelsesplan", "The region has reviewed the municipality's employment plan") +
                    (year.empty() ? "" : " " + tr(l, "for ", "for ") + year) + " (" + file + ")" +
                    tr(l, " efter de krav, der gælder for planåret", " against the requirements for the plan year") +
                    (r.stage == Stage::draft ? tr(l, ", som et udkast", ", as a draft") : "") + ". ";
    return s + (r.status == Status::conformant
                    ? tr(l, "Planen opfylder kravene.", "The plan meets the requirements.")
                    : tr(l, "Planen opfylder ikke alle krav. Vi beder kommunen rette de forhold, der er nævnt nedenfor, og sende den rettede plan til regionen.",
                         "The plan does not meet every requirement. Please correct the points below and send the corrected plan to the region."));
}

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

std::string maybe_blank(const std::string& s, bool blank) {
    return blank ? "<span class=\"fill\">" + html_escape(s) + "</span>" : html_escape(s);
}

void section_html(std::ostream& os, const LetterSection& s, Lang l) {
    const char* tag = s.numbered ? "ol" : "ul";
    os << "<h2>" << html_escape(s.heading) << "</h2>\n<" << tag << ">\n";
    for (const auto& it : s.items) {
        os << "<li>";
        if (!it.title.empty()) os << "<strong>" << html_escape(it.title) << ".</strong> ";
        os << html_escape(it.text);
        if (!it.where.empty()) os << " <span class=\"where\">(" << html_escape(it.where) << ")</span>";
        if (!it.fix.empty()) os << "<span class=\"fix\">" << tr(l, "Forslag: ", "Suggestion: ") << html_escape(it.fix) << "</span>";
        if (!it.basis.empty())
            os << "<span class=\"basis fix\">" << tr(l, "Hjemmel: ", "Legal basis: ") << html_escape(it.basis) << "</span>";
        os << "</li>\n";
    }
    os << "</" << tag << ">\n";
}

}  // namespace

Letter compose_letter(const Report& r, const WriterOptions& o) {
    const Lang l = o.lang;
    Letter t;
    t.lang = l == Lang::da ? "da" : "en";
    t.sender_name_blank = o.sender_name.empty();
    t.sender_contact_blank = o.sender_contact.empty();
    t.sender_name = t.sender_name_blank ? tr(l, "[Regionens navn]", "[The region's name]") : o.sender_name;
    t.sender_contact = t.sender_contact_blank ? tr(l, "[Kontaktperson, telefon, e-mail]", "[Contact, telephone, e-mail]")
                                              : o.sender_contact;
    t.recipient = kommune_name(r, l);
    t.jobcentre = tr(l, "Jobcentret", "The jobcentre");
    t.date = letter_date(l);
    const std::string year = years_label(r.years);
    t.subject = tr(l, "Beskæftigelsesplan", "Employment plan") + (year.empty() ? "" : " " + year) + " — " +
                tr(l, "regionens bemærkninger", "the region's remarks");
    t.opening = opening(r, l);
    if (r.status == Status::conformant || r.status == Status::nonconformant) {
        add_requirements(t, r, ReqStatus::fail, "Det skal rettes", "To be corrected", l);
        add_requirements(t, r, ReqStatus::warn, "Det anbefaler vi", "What we recommend", l);
        LetterSection d{tr(l, "Frister for planåret", "Deadlines of the plan year"), false, {}};
        for (const auto& x : r.deadlines) d.items.push_back({"", long_date(x.date, l) + ": " + pick(x.title, l), "", "", ""});
        if (!d.items.empty()) t.sections.push_back(std::move(d));
    }
    t.closing = tr(l, "Har kommunen spørgsmål til gennemgangen, er I velkomne til at kontakte os.",
                   "If you have questions about the review, please contact us.");
    t.greeting = tr(l, "Med venlig hilsen", "Yours sincerely");
    return t;
}

void write_letter(std::ostream& os, const Report& r, const WriterOptions& o) {
    const Letter t = compose_letter(r, o);
    os << "<!DOCTYPE html>\n<html lang=\"" << t.lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<title>" << html_escape(tr(o.lang, "Brev til ", "Letter to ") + t.recipient) << "</title>\n<style>" << kLetterCss
       << "</style>\n</head>\n<body>\n";
    os << "<div class=\"from\">" << maybe_blank(t.sender_name, t.sender_name_blank) << "\n"
       << maybe_blank(t.sender_contact, t.sender_contact_blank) << "</div>\n";
    os << "<div class=\"to\">" << html_escape(t.recipient) << "\n" << html_escape(t.jobcentre) << "</div>\n";
    os << "<div class=\"date\">" << html_escape(t.date) << "</div>\n";
    os << "<h1>" << html_escape(t.subject) << "</h1>\n<p>" << html_escape(t.opening) << "</p>\n";
    for (const auto& s : t.sections) section_html(os, s, o.lang);
    os << "<p>" << html_escape(t.closing) << "</p>\n<div class=\"sign\">" << html_escape(t.greeting) << "\n\n"
       << maybe_blank(t.sender_name, t.sender_name_blank) << "</div>\n</body>\n</html>\n";
}

}  // namespace plantjek
