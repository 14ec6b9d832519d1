#include "annotate/annotate.h"

#include <filesystem>

namespace plantjek {

std::string annotate_docx(std::string_view original, const Notes& notes, const AnnotateOptions& opts);

namespace {

// The registry: one line an annotated format.
const Annotator kAnnotators[] = {
    {"docx", annotate_docx},
};

const std::string& pick(const Text2& t, Lang l) { return l == Lang::da ? t.da : t.en; }
std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

std::string verdict(const Report& r, Lang l) {
    switch (r.status) {
        case Status::conformant: return tr(l, "I ORDEN", "CONFORMANT");
        case Status::nonconformant: return tr(l, "IKKE I ORDEN", "NONCONFORMANT");
        case Status::not_a_plan: return tr(l, "IKKE EN BESKÆFTIGELSESPLAN", "NOT AN EMPLOYMENT PLAN");
        case Status::unreadable: return tr(l, "KUNNE IKKE LÆSES", "UNREADABLE");
    }
    return "";
}

std::string with_suggestion(const std::string& message, const Text2& suggestion, Lang l) {
    if (pick(suggestion, l).empty()) return message;
    return message + " " + tr(l, "Forslag: ", "Suggestion: ") + pick(suggestion, l);
}

std::vector<std::string> summary_lines(const Report& r, Lang l) {
    std::vector<std::string> s;
    std::string head = "plantjek: " + verdict(r, l);
    if (!r.years.empty()) head += tr(l, " · planår ", " · plan year ") + std::to_string(r.years.front());
    if (!r.profile.empty()) head += tr(l, " · profil ", " · profile ") + r.profile;
    s.push_back(head + " · " + std::to_string(r.summary.passed) + "/" + std::to_string(r.summary.requirements) +
                tr(l, " krav opfyldt", " requirements met"));
    for (const auto& q : r.requirements) {
        if (q.status != ReqStatus::fail && q.status != ReqStatus::warn) continue;
        std::string mark = q.status == ReqStatus::fail ? "✗ " : "! ";
        s.push_back(mark + pick(q.title, l) + ": " + with_suggestion(pick(q.message, l), q.suggestion, l) + " [" +
                    q.legal_basis + "]");
    }
    if (!r.deadlines.empty()) {
        std::string d = tr(l, "Frister: ", "Deadlines: ");
        for (std::size_t i = 0; i < r.deadlines.size(); ++i)
            d += (i ? "; " : "") + r.deadlines[i].date + " " + pick(r.deadlines[i].title, l);
        s.push_back(d + ".");
    }
    return s;
}

// The words to anchor a note on: a long excerpt is cut to its first words
// (the document's own line may differ after them).
std::string quote_of(std::string q) {
    while (!q.empty() && (q.back() == ' ' || q.back() == '.')) q.pop_back();
    const std::string ellipsis = "…";
    if (q.size() >= ellipsis.size() && q.compare(q.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0)
        q.resize(q.size() - ellipsis.size());
    if (q.compare(0, ellipsis.size(), ellipsis) == 0) {  // "…end tre måneders": the cut word is left out
        std::size_t space = q.find(' ');
        q = space == std::string::npos ? q.substr(ellipsis.size()) : q.substr(space + 1);
    }
    if (q.size() > 60) {
        std::size_t cut = q.rfind(' ', 60);
        q.resize(cut == std::string::npos || cut < 20 ? 60 : cut);
        while (!q.empty() && (static_cast<unsigned char>(q.back()) & 0xC0) == 0x80) q.pop_back();  // a whole character
        if (!q.empty() && static_cast<unsigned char>(q.back()) >= 0xC0) q.pop_back();
    }
    return q;
}

void requirement_notes(const Report& r, Lang l, Notes& n) {
    for (const auto& q : r.requirements) {
        if (q.status != ReqStatus::fail && q.status != ReqStatus::warn) continue;
        // A requirement whose findings are placed already is said in the summary only.
        bool has_findings = false;
        for (const auto& f : r.findings) has_findings = has_findings || (f.rule == q.id && !f.requirement_result);
        if (has_findings || q.evidence.empty()) continue;
        const Evidence& e = q.evidence.front();
        std::string words = quote_of(e.match.empty() ? e.excerpt : e.match);
        if (words.empty()) continue;
        n.placed.push_back({words, e.section, e.page,
                            pick(q.title, l) + ": " + with_suggestion(pick(q.message, l), q.suggestion, l)});
    }
}

// Whether a finding already quotes this sentence (its note carries the goal's suggestion).
bool quoted(const Report& r, const std::string& sentence) {
    for (const auto& f : r.findings)
        if (!f.requirement_result && !f.excerpt.empty() && (f.excerpt == sentence || f.excerpt.find(sentence) != std::string::npos))
            return true;
    return false;
}

void goal_notes(const Report& r, Lang l, Notes& n) {
    for (const auto& g : r.goals) {
        if (pick(g.suggestion, l).empty()) continue;
        for (const auto& t : g.targets) {
            if (t.filled || quoted(r, t.text)) continue;
            n.placed.push_back({quote_of(t.text), g.section, t.page,
                                tr(l, "Måltallet er ikke udfyldt. ", "The target is not filled in. ") +
                                    tr(l, "Forslag: ", "Suggestion: ") + pick(g.suggestion, l)});
            break;
        }
    }
}

void spelling_notes(const Report& r, Lang l, Notes& n) {
    for (const auto& w : r.spelling.unknown) {
        if (w.footnote_marker) continue;
        std::string text = tr(l, "Ukendt ord: »", "Unknown word: \"") + w.word + tr(l, "«.", "\".");
        if (!w.suggestions.empty()) {
            text += tr(l, " Forslag: ", " Suggestion: ");
            for (std::size_t i = 0; i < w.suggestions.size() && i < 3; ++i) text += (i ? ", " : "") + w.suggestions[i];
        }
        n.placed.push_back({w.word, "", w.pages.empty() ? 0 : w.pages.front(), text});
    }
}

}  // namespace

Notes notes_for(const Report& r, const AnnotateOptions& opts) {
    const Lang l = opts.lang;
    Notes n;
    n.summary = summary_lines(r, l);
    for (const auto& f : r.findings) {
        if (f.requirement_result || f.severity == Severity::info) continue;
        n.placed.push_back({quote_of(f.excerpt), f.section, f.page, with_suggestion(pick(f.message, l), f.suggestion, l)});
    }
    requirement_notes(r, l, n);
    goal_notes(r, l, n);
    if (opts.spelling) spelling_notes(r, l, n);
    return n;
}

const Annotator* find_annotator(const std::string& format) {
    for (const auto& a : kAnnotators)
        if (format == a.format) return &a;
    return nullptr;
}

std::string annotated_path(const std::string& input, const std::string& folder) {
    std::filesystem::path p(input);
    std::filesystem::path out = p.parent_path() / (p.stem().string() + ".plantjek" + p.extension().string());
    if (!folder.empty()) out = std::filesystem::path(folder) / out.filename();
    return out.string();
}

}  // namespace plantjek
