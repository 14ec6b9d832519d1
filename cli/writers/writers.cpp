#include "cli/writers/writer.h"

namespace plantjek {

namespace {
// The registry: one line per format.
const Writer kWriters[] = {
    {"text", "txt", {"tekst til terminalen", "text for a terminal"}, &write_text, nullptr, nullptr},
    {"json", "json", {"plantjek.report/1", "plantjek.report/1"}, &write_json, nullptr, nullptr},
    {"html", "html", {"side til browseren; oversigt for flere planer", "page for a browser; overview for several plans"},
     &write_html, nullptr, nullptr},
    {"letter", "brev.html", {"brev fra regionen til kommunen", "a letter from the region to the kommune"}, &write_letter, nullptr, nullptr},
    {"letter-docx", "brev.docx", {"samme brev som Word-dokument", "the same letter as a Word document"}, &write_letter_docx, nullptr, nullptr},
    {"csv", "csv", {"én række pr. plan og krav, én fil for alle", "a row per plan and requirement, one file for all"},
     &write_csv, &write_csv_header, &write_csv_rows},
    {"jsonl", "jsonl", {"én linje JSON pr. plan, én fil for alle", "a line of JSON per plan, one file for all"},
     &write_jsonl, nullptr, &write_jsonl},
    {"xlsx", "xlsx", {"regneark for alle planer (plantjek.xlsx)", "a spreadsheet of all plans (plantjek.xlsx)"}, &write_xlsx_report, nullptr, nullptr, &write_xlsx},
};
}  // namespace

std::vector<std::string> split_format_list(const std::string& list) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : list + ",") {
        if (ch == ',') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (ch != ' ') {
            cur.push_back(ch);
        }
    }
    return out;
}

const Writer* find_writer(const std::string& name) {
    for (const auto& w : kWriters)
        if (name == w.name) return &w;
    return nullptr;
}

std::vector<std::string> writer_names() {
    std::vector<std::string> n;
    for (const auto& w : kWriters) n.push_back(w.name);
    return n;
}

std::string writer_list(Lang lang) {
    std::string s;
    for (const auto& w : kWriters) s += (s.empty() ? "" : ", ") + std::string(w.name) + " (" + pick(w.summary, lang) + ")";
    return s;
}

}  // namespace plantjek

#include <cstdio>

#include "extractor/utf8.h"

namespace plantjek {

namespace {
std::string tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }
}  // namespace

std::string format_number(double v, Lang l) {
    if (v == static_cast<double>(static_cast<long long>(v)) && v > -1e15 && v < 1e15) {
        long long n = static_cast<long long>(v);
        std::string digits = std::to_string(n < 0 ? -n : n), out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0) out.push_back(l == Lang::da ? '.' : ',');
            out.push_back(digits[i]);
        }
        return (n < 0 ? "-" : "") + out;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (l == Lang::da)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string years_label(const std::vector<int>& years) {
    if (years.empty()) return "";
    if (years.size() == 1) return std::to_string(years.front());
    return std::to_string(years.front()) + "–" + std::to_string(years.back());
}

std::string municipalities_label(const std::vector<std::string>& m) {
    std::string s;
    for (std::size_t i = 0; i < m.size(); ++i) s += (i ? ", " : "") + m[i];
    return s;
}

// The verdict in words, in each language, plain and in capitals.
struct StatusWords {
    Status status;
    const char *da, *en, *da_caps, *en_caps;
};
constexpr StatusWords kStatusWords[] = {
    {Status::conformant, "I orden", "Conformant", "I ORDEN", "CONFORMANT"},
    {Status::nonconformant, "Ikke i orden", "Nonconformant", "IKKE I ORDEN", "NONCONFORMANT"},
    {Status::not_a_plan, "Ikke en beskæftigelsesplan", "Not an employment plan", "IKKE EN BESKÆFTIGELSESPLAN",
     "NOT AN EMPLOYMENT PLAN"},
    {Status::unreadable, "Kan ikke læses", "Unreadable", "KAN IKKE LÆSES", "UNREADABLE"},
};

const StatusWords& status_words(Status s) {
    for (const auto& w : kStatusWords)
        if (w.status == s) return w;
    return kStatusWords[3];
}

std::string status_label(Status s, Lang l) { return tr(l, status_words(s).da, status_words(s).en); }

std::string status_banner(Status s, Lang l) { return tr(l, status_words(s).da_caps, status_words(s).en_caps); }

std::string count_noun(int n, Lang l, const char* da_one, const char* da_many, const char* en_one,
                       const char* en_many) {
    return std::to_string(n) + " " + (n == 1 ? tr(l, da_one, en_one) : tr(l, da_many, en_many));
}

std::string requirement_counts(const Summary& s, Lang l) {
    std::string out = count_noun(s.requirements, l, "krav", "krav", "requirement", "requirements") + ": " +
                      std::to_string(s.passed - s.waived) + tr(l, " opfyldt, ", " met, ") + std::to_string(s.failed) +
                      tr(l, " ikke opfyldt, ", " not met, ") + std::to_string(s.warned) +
                      tr(l, " med advarsel", s.warned == 1 ? " with a warning" : " with warnings");
    if (s.waived) out += ", " + std::to_string(s.waived) + tr(l, " fritaget", " waived");
    return out;
}

std::string finding_counts(const Summary& s, Lang l) {
    return tr(l, "fund: ", "findings: ") + count_noun(s.errors, l, "fejl", "fejl", "error", "errors") + ", " +
           count_noun(s.warnings, l, "advarsel", "advarsler", "warning", "warnings");
}

std::string change_label(double pct, Lang l) {
    const std::string n = format_number(pct < 0 ? -pct : pct, l);
    return (pct < 0 ? "\u2212" : pct > 0 ? "+" : "") + n + " pct.";
}

bool target_missing(const Target& t) { return !t.value && !(t.filled && t.change_pct); }

std::string target_label(const Target& t, Lang l) {
    if (t.value) return format_number(*t.value, l) + (t.unit.empty() ? "" : " " + t.unit);
    if (t.filled && t.change_pct) return change_label(*t.change_pct, l);
    return t.filled ? tr(l, "intet tal", "no figure") : tr(l, "ikke udfyldt", "not filled in");
}

std::string severity_label(Severity s, Lang l) {
    switch (s) {
        case Severity::error: return tr(l, "fejl", "error");
        case Severity::warning: return tr(l, "advarsel", "warning");
        case Severity::info: return tr(l, "info", "info");
    }
    return "";
}

std::string doc_kind_label(DocKind k, Lang l) {
    switch (k) {
        case DocKind::plan: return tr(l, "beskæftigelsesplan", "employment plan");
        case DocKind::draft: return tr(l, "udkast", "draft");
        case DocKind::annex: return tr(l, "bilag", "annex");
        case DocKind::other: return tr(l, "ikke en beskæftigelsesplan", "not an employment plan");
    }
    return "";
}

std::string stage_label(Stage s, Lang l) { return s == Stage::draft ? tr(l, "udkast", "draft") : tr(l, "endelig", "final"); }

const char* req_status_mark(ReqStatus s) {
    switch (s) {
        case ReqStatus::pass: return "✓";
        case ReqStatus::fail: return "✗";
        case ReqStatus::warn: return "!";
        case ReqStatus::waived: return "~";
        case ReqStatus::not_applicable: return "–";
    }
    return "?";
}

std::string req_status_label(ReqStatus s, Lang l) {
    switch (s) {
        case ReqStatus::pass: return tr(l, "opfyldt", "met");
        case ReqStatus::fail: return tr(l, "ikke opfyldt", "not met");
        case ReqStatus::warn: return tr(l, "advarsel", "warning");
        case ReqStatus::waived: return tr(l, "fritaget", "waived");
        case ReqStatus::not_applicable: return tr(l, "ikke relevant", "not applicable");
    }
    return "";
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                case '\t':
                case '\n': out.push_back(static_cast<char>(c)); break;
                case '\r': out.push_back(' '); break;
                default:
                    if (c >= 0x20 && c != 0x7f) out.push_back(static_cast<char>(c));
            }
            continue;
        }
        char32_t cp = utf8::next(s, i);
        if ((cp >= 0x80 && cp < 0xa0) || (cp >= 0xd800 && cp < 0xe000)) continue;  // C1 controls, surrogates
        utf8::append(out, cp);
    }
    return out;
}

}  // namespace plantjek
