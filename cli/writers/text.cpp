// The report for a terminal: verdict first, then the checklist, the
// minister goals and their targets, other findings by section, spelling.
#include <iomanip>
#include <map>
#include <sstream>

#include "cli/writers/writer.h"
#include "extractor/utf8.h"

namespace plantjek {

namespace {

struct Style {
    bool on;
    std::string red() const { return on ? "\x1b[31m" : ""; }
    std::string green() const { return on ? "\x1b[32m" : ""; }
    std::string yellow() const { return on ? "\x1b[33m" : ""; }
    std::string bold() const { return on ? "\x1b[1m" : ""; }
    std::string dim() const { return on ? "\x1b[2m" : ""; }
    std::string off() const { return on ? "\x1b[0m" : ""; }
};

std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

// Pads by code points, so æøå line up.
std::string pad(const std::string& s, std::size_t width) {
    std::size_t n = utf8::length(s);
    return n >= width ? s : s + std::string(width - n, ' ');
}

std::string pages_list(const std::vector<int>& pages) {
    std::string s;
    for (std::size_t i = 0; i < pages.size() && i < 8; ++i) s += (i ? ", " : "") + std::to_string(pages[i]);
    if (pages.size() > 8) s += ", …";
    return s;
}

void write_columns(std::ostream& os, const Report& r, const WriterOptions& o);

}  // namespace

// The columns are padded; a line's padding at its end is dropped.
void write_text(std::ostream& os, const Report& r, const WriterOptions& o) {
    std::ostringstream text;
    write_columns(text, r, o);
    const std::string s = text.str();
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        std::size_t end = nl == std::string::npos ? s.size() : nl;
        std::size_t keep = end;
        while (keep > start && s[keep - 1] == ' ') --keep;
        os.write(s.data() + start, static_cast<std::streamsize>(keep - start));
        if (nl == std::string::npos) break;
        os.put('\n');
        start = nl + 1;
    }
}

namespace {

// One report being written: the stream, the report, the language, the colours.
struct Out {
    std::ostream& os;
    const Report& r;
    Lang l;
    Style st;
    std::string tr(const char* da, const char* en) const { return plantjek::tr(l, da, en); }
    void title(const char* da, const char* en) const { os << "\n" << st.bold() << tr(da, en) << st.off() << "\n"; }
};

// The file, and whose plan it is: kommune, plan year, kind, profile.
void identity_line(const Out& o) {
    const Report& r = o.r;
    const std::string kommune = municipalities_label(r.municipalities), years = years_label(r.years);
    o.os << o.tr("Kommune: ", "Municipality: ") << (kommune.empty() ? "?" : kommune) << " · "
         << o.tr("Planår: ", "Plan year: ") << (years.empty() ? "?" : years) << " · " << o.tr("Type: ", "Kind: ")
         << doc_kind_label(r.kind, o.l) << " · " << o.tr("Profil: ", "Profile: ") << (r.profile.empty() ? "—" : r.profile)
         << "\n";
}

// The verdict with the counts (the same words as every writer's), or, for a
// document that is no plan, the verdict and why.
void verdict_line(const Out& o) {
    const Report& r = o.r;
    const Style& st = o.st;
    if (r.status == Status::not_a_plan) {
        o.os << st.dim() << st.bold() << status_banner(r.status, o.l) << st.off() << " — "
             << o.tr("kravene er ikke kontrolleret", "the requirements were not checked") << "\n";
        for (const auto& x : r.reasons) o.os << "  " << st.dim() << pick(Text2{x.da, x.en}, o.l) << st.off() << "\n";
        return;
    }
    o.os << (r.status == Status::conformant ? st.green() : st.red()) << st.bold() << status_banner(r.status, o.l)
         << st.off() << " — " << requirement_counts(r.summary, o.l) << " · " << finding_counts(r.summary, o.l) << "\n";
    if (!r.ocr_pages.empty())  // scanned pages: their text is less sure, and kept out of the spelling check
        o.os << o.tr("Sider læst med OCR: ", "Pages read by OCR: ") << pages_list(r.ocr_pages) << " ("
             << o.tr("sikkerhed ", "confidence ") << format_number(r.ocr_confidence, o.l) << ")\n";
}

std::string mark_colour(ReqStatus s, const Style& st) {
    switch (s) {
        case ReqStatus::pass: return st.green();
        case ReqStatus::fail: return st.red();
        case ReqStatus::warn: return st.yellow();
        case ReqStatus::waived:
        case ReqStatus::not_applicable: return st.dim();
    }
    return "";
}

// "Forslag: …" under what it fixes, where there is one (report/suggest.h).
void suggestion(const Out& o, const Text2& s, const char* indent) {
    if (!pick(s, o.l).empty()) o.os << indent << o.tr("Forslag: ", "Suggestion: ") << pick(s, o.l) << "\n";
}

// The checklist: a mark and the page for each requirement, the message and
// legal basis under those not simply met.
void requirements(const Out& o) {
    if (o.r.requirements.empty()) return;
    o.title("Krav", "Requirements");
    for (const auto& q : o.r.requirements) {
        o.os << "  " << mark_colour(q.status, o.st) << req_status_mark(q.status) << o.st.off() << " "
             << pad(pick(q.title, o.l), 44);
        if (!q.evidence.empty()) {
            const Evidence& e = q.evidence.front();
            const std::string at = pick(location_text(e.page, e.section, e.paragraph), o.l);
            if (!at.empty()) o.os << " " << at;
        }
        o.os << "\n";
        if (q.status == ReqStatus::fail || q.status == ReqStatus::warn || q.status == ReqStatus::waived)
            o.os << "      " << pick(q.message, o.l) << o.st.dim() << "  [" << q.legal_basis << "]" << o.st.off()
                 << "\n";
        suggestion(o, q.suggestion, "      ");
    }
}

// A title cut to 60 characters (57 and an ellipsis).
std::string short_title(const std::string& title) { return utf8::length(title) <= 60 ? title : utf8::excerpt(title, 57); }

// The minister's goals, each with its targets (target_label: a change-only
// target as its change).
void goals(const Out& o) {
    if (o.r.goals.empty()) return;
    const Style& st = o.st;
    o.title("Ministerens mål", "Minister's goals");
    for (const auto& g : o.r.goals) {
        o.os << "  " << (g.addressed ? st.green() + "✓" : st.red() + "✗") << st.off() << " " << pad(g.id, 14)
             << pad(short_title(pick(g.title, o.l)), 62);
        if (g.pending) o.os << o.tr(" (afventer)", " (pending)");
        o.os << "\n";
        for (const auto& t : g.targets) {
            o.os << "      → ";
            if (target_missing(t)) o.os << st.red() << target_label(t, o.l) << st.off();
            else o.os << target_label(t, o.l);
            if (!t.deadline.empty()) o.os << ", " << t.deadline;
            if (t.change_pct && t.value) o.os << ", " << change_label(*t.change_pct, o.l);
            if (t.page) o.os << o.tr(" (s. ", " (p. ") << t.page << ")";
            o.os << "\n";
        }
        suggestion(o, g.suggestion, "      ");
    }
}

// The findings by section, in document order; a requirement's own finding
// is left to the checklist, so that the list matches "fund: N fejl".
void findings(const Out& o) {
    std::map<std::string, std::vector<const Finding*>> by_section;
    std::vector<std::string> order;
    for (const auto& f : o.r.findings) {
        if (f.requirement_result) continue;
        if (!by_section.count(f.section)) order.push_back(f.section);
        by_section[f.section].push_back(&f);
    }
    if (order.empty()) return;
    const Style& st = o.st;
    o.title("Fund", "Findings");
    for (const auto& sec : order) {
        o.os << "  " << (sec.empty() ? o.tr("(hele planen)", "(whole plan)") : o.tr("Afsnit ", "Section ") + sec) << "\n";
        for (const Finding* f : by_section[sec]) {
            const std::string colour = f->severity == Severity::error     ? st.red()
                                       : f->severity == Severity::warning ? st.yellow()
                                                                          : st.dim();
            o.os << "    " << colour << severity_label(f->severity, o.l) << st.off() << ": " << pick(f->message, o.l);
            const std::string at = pick(location_text(f->page, f->section, f->paragraph, false), o.l);
            if (!at.empty()) o.os << " (" << at << ")";
            o.os << "\n";
            if (!f->excerpt.empty()) o.os << "      " << st.dim() << "»" << f->excerpt << "«" << st.off() << "\n";
            suggestion(o, f->suggestion, "      ");
        }
    }
}

void deadlines(const Out& o) {
    if (o.r.deadlines.empty()) return;
    o.title("Frister for planåret", "Deadlines for the plan year");
    for (const auto& d : o.r.deadlines) o.os << "  " << pad(d.date, 12) << pick(d.title, o.l) << "\n";
}

// The unknown words with their count, suggestions and pages.
void spelling(const Out& o) {
    const SpellingResult& sp = o.r.spelling;
    if (!sp.checked) return;
    o.os << "\n" << o.st.bold() << o.tr("Stavning", "Spelling") << o.st.off() << " (" << sp.words_checked
         << o.tr(" ord kontrolleret", " words checked") << ")\n";
    if (sp.unknown.empty()) o.os << "  " << o.tr("Ingen ukendte ord.", "No unknown words.") << "\n";
    for (const auto& w : sp.unknown) {
        o.os << "  " << pad(w.word, 24) << "×" << w.count;
        if (w.footnote_marker) o.os << o.tr("  fodnotemarkør?", "  footnote marker?");
        if (!w.suggestions.empty()) {
            o.os << o.tr("  forslag: ", "  suggestions: ");
            for (std::size_t i = 0; i < w.suggestions.size(); ++i) o.os << (i ? ", " : "") << w.suggestions[i];
        }
        if (!w.pages.empty()) o.os << o.tr("  s. ", "  p. ") << pages_list(w.pages);
        o.os << "\n";
    }
}

// The report, section by section: who and what, the verdict, then the
// details (none for an unreadable file or a document that is no plan).
void write_columns(std::ostream& os, const Report& r, const WriterOptions& wo) {
    const Out o{os, r, wo.lang, Style{wo.color}};
    os << o.st.bold() << r.path << o.st.off() << "\n";
    if (r.status == Status::unreadable) {
        os << o.st.red() << status_banner(r.status, o.l) << o.st.off() << ": "
           << (r.error ? pick(r.error->message, o.l) : "") << "\n";
        return;
    }
    identity_line(o);
    verdict_line(o);
    if (r.status == Status::not_a_plan) return;
    requirements(o);
    goals(o);
    findings(o);
    deadlines(o);
    spelling(o);
}

}  // namespace

}  // namespace plantjek
