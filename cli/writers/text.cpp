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

void write_columns(std::ostream& os, const Report& r, const WriterOptions& o) {
    const Lang l = o.lang;
    Style st{o.color};
    os << st.bold() << r.path << st.off() << "\n";
    if (r.status == Status::unreadable) {
        os << st.red() << tr(l, "KAN IKKE LÆSES", "UNREADABLE") << st.off() << ": "
           << (r.error ? pick(r.error->message, l) : "") << "\n";
        return;
    }
    std::string kommune;
    for (std::size_t i = 0; i < r.municipalities.size(); ++i) kommune += (i ? ", " : "") + r.municipalities[i];
    std::string years;
    for (std::size_t i = 0; i < r.years.size(); ++i) years += (i ? "–" : "") + std::to_string(r.years[i]);
    if (r.years.size() > 2) years = std::to_string(r.years.front()) + "–" + std::to_string(r.years.back());
    os << tr(l, "Kommune: ", "Municipality: ") << (kommune.empty() ? "?" : kommune) << " · "
       << tr(l, "Planår: ", "Plan year: ") << (years.empty() ? "?" : years) << " · "
       << tr(l, "Type: ", "Kind: ") << doc_kind_label(r.kind, l) << " · " << tr(l, "Profil: ", "Profile: ")
       << (r.profile.empty() ? "—" : r.profile) << "\n";
    const auto& s = r.summary;
    if (r.status == Status::not_a_plan) {
        os << st.dim() << st.bold() << status_banner(r.status, l) << st.off() << " — "
           << tr(l, "kravene er ikke kontrolleret", "the requirements were not checked") << "\n";
        for (const auto& x : r.reasons) os << "  " << st.dim() << pick(Text2{x.da, x.en}, l) << st.off() << "\n";
        return;
    }
    os << (r.status == Status::conformant ? st.green() : st.red()) << st.bold() << status_banner(r.status, l)
       << st.off();
    os << " — " << requirement_counts(s, l) << " · " << finding_counts(s, l) << "\n";

    if (!r.requirements.empty()) {
        os << "\n" << st.bold() << tr(l, "Krav", "Requirements") << st.off() << "\n";
        for (const auto& q : r.requirements) {
            std::string mark, colour;
            switch (q.status) {
                case ReqStatus::pass: mark = "✓"; colour = st.green(); break;
                case ReqStatus::fail: mark = "✗"; colour = st.red(); break;
                case ReqStatus::warn: mark = "!"; colour = st.yellow(); break;
                case ReqStatus::waived: mark = "~"; colour = st.dim(); break;
                case ReqStatus::not_applicable: mark = "–"; colour = st.dim(); break;
            }
            os << "  " << colour << mark << st.off() << " " << pad(pick(q.title, l), 44);
            if (!q.evidence.empty() && q.evidence.front().page > 0)
                os << tr(l, " s. ", " p. ") << q.evidence.front().page;
            os << "\n";
            if (q.status == ReqStatus::fail || q.status == ReqStatus::warn || q.status == ReqStatus::waived)
                os << "      " << pick(q.message, l) << st.dim() << "  [" << q.legal_basis << "]" << st.off()
                   << "\n";
        }
    }

    if (!r.goals.empty()) {
        os << "\n" << st.bold() << tr(l, "Ministerens mål", "Minister's goals") << st.off() << "\n";
        for (const auto& g : r.goals) {
            std::string title = pick(g.title, l);
            if (utf8::length(title) > 60) {
                std::size_t i = 0, n = 0;
                while (i < title.size() && n < 57) {
                    utf8::next(title, i);
                    ++n;
                }
                title = title.substr(0, i) + "…";
            }
            os << "  " << (g.addressed ? st.green() + "✓" : st.red() + "✗") << st.off() << " " << pad(g.id, 14)
               << pad(title, 62);
            if (g.pending) os << tr(l, " (afventer)", " (pending)");
            os << "\n";
            for (const auto& t : g.targets) {
                os << "      → ";
                if (target_missing(t)) os << st.red() << target_label(t, l) << st.off();
                else os << target_label(t, l);
                if (!t.deadline.empty()) os << ", " << t.deadline;
                if (t.change_pct && t.value) os << ", " << change_label(*t.change_pct, l);
                if (t.page) os << tr(l, " (s. ", " (p. ") << t.page << ")";
                os << "\n";
            }
        }
    }

    std::map<std::string, std::vector<const Finding*>> by_section;
    std::vector<std::string> order;
    for (const auto& f : r.findings) {
        if (f.requirement_result) continue;  // shown, with its message, in the checklist
        if (!by_section.count(f.section)) order.push_back(f.section);
        by_section[f.section].push_back(&f);
    }
    if (!order.empty()) {
        os << "\n" << st.bold() << tr(l, "Fund", "Findings") << st.off() << "\n";
        for (const auto& sec : order) {
            os << "  " << (sec.empty() ? tr(l, "(hele planen)", "(whole plan)") : tr(l, "Afsnit ", "Section ") + sec)
               << "\n";
            for (const Finding* f : by_section[sec]) {
                std::string sev = (f->severity == Severity::error     ? st.red()
                                   : f->severity == Severity::warning ? st.yellow()
                                                                      : st.dim()) +
                                  severity_label(f->severity, l);
                os << "    " << sev << st.off() << ": " << pick(f->message, l);
                if (f->page) os << tr(l, " (s. ", " (p. ") << f->page << ")";
                os << "\n";
                if (!f->excerpt.empty()) os << "      " << st.dim() << "»" << f->excerpt << "«" << st.off() << "\n";
            }
        }
    }

    if (!r.deadlines.empty()) {
        os << "\n" << st.bold() << tr(l, "Frister for planåret", "Deadlines for the plan year") << st.off() << "\n";
        for (const auto& d : r.deadlines) os << "  " << pad(d.date, 12) << pick(d.title, l) << "\n";
    }

    if (r.spelling.checked) {
        os << "\n" << st.bold() << tr(l, "Stavning", "Spelling") << st.off() << " (" << r.spelling.words_checked
           << tr(l, " ord kontrolleret", " words checked") << ")\n";
        if (r.spelling.unknown.empty()) os << "  " << tr(l, "Ingen ukendte ord.", "No unknown words.") << "\n";
        for (const auto& w : r.spelling.unknown) {
            os << "  " << pad(w.word, 24) << "×" << w.count;
            if (w.footnote_marker) os << tr(l, "  fodnotemarkør?", "  footnote marker?");
            if (!w.suggestions.empty()) {
                os << tr(l, "  forslag: ", "  suggestions: ");
                for (std::size_t i = 0; i < w.suggestions.size(); ++i) os << (i ? ", " : "") << w.suggestions[i];
            }
            os << tr(l, "  s. ", "  p. ") << pages_list(w.pages) << "\n";
        }
    }
}

}  // namespace

}  // namespace plantjek
