// Reading target sentences. The shapes of the numbers (Danish thousands dots,
// decimal commas, placeholders, month names) are parsing, not law, so they
// live here; which goals need a target, and the prescribed sentence shapes,
// live in the profiles.
#include <re2/re2.h>

#include <cstdlib>
#include <map>

#include "extractor/utf8.h"
#include "rules/engine.h"
#include "rules/matcher.h"
#include "rules/profile.h"
#include "rules/target_parse.h"

namespace plantjek {

namespace {

RE2::Options opts() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
}

const RE2& deadline_re() {
    static const RE2 re(
        "(?:^|[^\\pL])(fra\\s+|til\\s+)?(januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
        "november|december|udgangen\\s+af|ultimo|primo|medio)\\s+(20\\d\\d)(?:[^\\pN]|$)",
        opts());
    return re;
}

// A number (Danish or plain), or a placeholder, followed by a unit.
const RE2& quantity_re() {
    static const RE2 re(
        "(?:^|[^\\pL\\pN.,])((?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?|x{1,4}|…|\\.\\.\\.)\\s*"
        "(fuldtidspersoner|fuldtidspersoner|helårspersoner|personer|forløb|sygedagpengeforløb|procentpoint|"
        "pct\\.?|procent|%|unge|borgere|virksomheder|ledige|modtagere|kursister|elever)"
        "(?:[^\\pL]|$)",
        opts());
    return re;
}

const RE2& year_deadline_re() {
    static const RE2 re(
        "(?:^|[^\\pL])(?:i\\s+løbet\\s+af|inden\\s+udgangen\\s+af|ved\\s+udgangen\\s+af|senest\\s+i|inden|i|frem\\s+mod)"
        "\\s+(20\\d\\d)(?:[^\\pN]|$)",
        opts());
    return re;
}

// A target that needs no date ("Målet er, at 40 pct. …", "mindst 200 ledige").
const RE2& undated_target_re() {
    static const RE2 re(
        "(?:^|[^\\pL])(målet\\s+er|målsætningen\\s+er|mindst|højst|maksimalt|minimum|"
        "skal\\s+(?:falde|stige|øges|nedbringes|reduceres|hæves)\\s+med)(?:[^\\pL]|$)",
        opts());
    return re;
}

const RE2& target_verb_re() {
    static const RE2 re(
        "(?:^|[^\\pL])(skal|begrænses|nedbringes|nedbringe|reduceres|reducere|øges|øge|forøges|hæves|sænkes|målet|måltal|målsætning|"
        "højst|maksimalt|mindst|minimum|forventes|sigter|mål\\s*:)(?:[^\\pL]|$)",
        opts());
    return re;
}

const RE2& change_word_re() {
    static const RE2 re(
        "(?:^|[^\\pL])(fald|faldet|stigning|stigningen|reduktion|nedgang|forøgelse|øgning|"
        "(?:nedbringes|nedbringe|reduceres|reducere|øges|øge|forøges|falde|stige|sænkes|mindskes)\\s+med)(?:[^\\pL]|$)", opts());
    return re;
}

const RE2& down_re() {
    static const RE2 re("(fald|reduktion|nedgang|nedbring|reducer|falde|sænke|mindske|begrænse)", opts());
    return re;
}
const RE2& up_re() {
    static const RE2 re("(stigning|forøgelse|øgning|øges|forøges|stige|hæve)", opts());
    return re;
}

// "Mål 3 Unge …", "nr. 2 personer": a label's number, not a quantity.
bool after_label(std::string_view s, std::size_t qstart) {
    std::size_t e = qstart;
    while (e > 0 && s[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '(' && s[b - 1] != '|') --b;
    std::string w(s.substr(b, e - b));
    for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const char* l : {"mål", "ministermål", "nr.", "nr", "tillæg", "bilag", "kapitel", "måltal", "punkt"})
        if (w == l) return true;
    return false;
}

// "… nedbringe antallet af personer på offentlig forsørgelse med 3 pct.": "med" right before the quantity.
bool ends_with_med(std::string_view before) {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    return before.size() >= 3 && before.substr(before.size() - 3) == "med" &&
           (before.size() == 3 || before[before.size() - 4] == ' ');
}

// "Antallet af fuldtidspersoner … skal falde til 3.400 i december 2019": a
// bare number after "til"/"på", its unit taken from the subject.
const RE2& bare_value_re() {
    static const RE2 re("(?:^|[^\\pL])(?:til|på)\\s+((?:\\d{1,3}(?:\\.\\d{3})+|\\d{1,3})(?:,\\d+)?|x{1,4})(?:\\s|[.,;]|$)", opts());
    return re;
}
const RE2& subject_unit_re() {
    static const RE2 re("(?:^|[^\\pL])antallet\\s+af\\s+(fuldtidspersoner|helårspersoner|personer|forløb|unge|borgere|ledige|virksomheder|modtagere)", opts());
    return re;
}

bool is_placeholder(std::string_view v) {
    if (v == "…" || v == "...") return true;
    for (char ch : v)
        if (ch != 'x' && ch != 'X') return false;
    return !v.empty();
}

// "matchgruppe 4–5 Unge under 30 år": a capitalised noun after a number starts a new cell, it is no unit.
bool capital_noun_unit(std::string_view unit) {
    return !unit.empty() && std::isupper(static_cast<unsigned char>(unit[0])) && unit.size() > 3 &&
           unit.substr(1, 2) != "CT" && unit.substr(1, 2) != "ct";
}

std::string unit_name(std::string u) {
    for (auto& ch : u) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (u == "procent" || u == "%" || u == "pct") return "pct.";
    return u;
}

double parse_number(std::string_view s) {
    std::string t;
    for (char ch : s) {
        if (ch == '.') continue;
        t.push_back(ch == ',' ? '.' : ch);
    }
    return std::strtod(t.c_str(), nullptr);
}

bool is_abbrev_before(std::string_view text, std::size_t dot) {
    static const char* abbr[] = {"pct", "svt", "ca", "jf", "bl.a", "f.eks", "nr", "mio", "mia", "kr", "inkl",
                                 "evt", "mv", "dvs", "m.fl", "ift", "iht", "vedr", "ekskl", "pkt", "stk"};
    std::size_t b = dot;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
    std::string w(text.substr(b, dot - b));
    for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const char* a : abbr)
        if (w == a) return true;
    return w.size() == 1;  // initials, "a. b."
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        bool end = false;
        if (ch == '\n') end = true;
        if ((ch == '.' || ch == '!' || ch == '?') && i + 2 < text.size() && text[i + 1] == ' ') {
            unsigned char nx = static_cast<unsigned char>(text[i + 2]);
            bool upper = std::isupper(nx) || nx == 0xC3;  // ÆØÅ start with 0xC3 (so do æøå: harmless)
            bool bullet = (nx == '-' || nx == '*') && i + 3 < text.size() && text[i + 3] == ' ';
            if ((upper || bullet) && !(ch == '.' && !bullet && is_abbrev_before(text, i))) end = true;
        }
        if (end) {
            out.emplace_back(start, i + 1);
            start = i + 1;
            while (start < text.size() && text[start] == ' ') ++start;
        }
    }
    if (start < text.size()) out.emplace_back(start, text.size());
    return out;
}

namespace {

struct TargetDate {
    std::string text;  // "december 2012", "2012"
    int year = 0;
};

// The first month-year not introduced by "fra" (a baseline), else a bare
// year after "i", "inden", "frem mod" ….
TargetDate find_deadline(re2::StringPiece in) {
    re2::StringPiece rest = in;
    std::string from, month, year;
    while (RE2::FindAndConsume(&rest, deadline_re(), &from, &month, &year)) {
        if (!from.empty() && (from[0] == 'f' || from[0] == 'F')) continue;
        std::string m = month;
        for (auto& ch : m) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (m.rfind("udgangen", 0) == 0 || m == "ultimo") m = "december";
        if (m == "primo") m = "januar";
        if (m == "medio") m = "juni";
        return {m + " " + year, std::atoi(year.c_str())};
    }
    if (RE2::PartialMatch(in, year_deadline_re(), &year)) return {year, std::atoi(year.c_str())};
    return {};
}

// "… skal begrænses til 1.200 personer": the quantity the sentence fixes.
bool after_til(std::string_view before) {
    static const RE2 re("(?:^|[^\\pL])til\\s+(?:ca\\.?|cirka|højst|maksimalt|mindst|under|over)?\\s*$", opts());
    return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), re);
}

// One number with a unit in the sentence, and the text since the previous one.
struct Quantity {
    std::string num, unit;  // unit as unit_name() gives it
    std::string_view before;
    bool change = false;    // a percentage given as a change ("et fald på 5 pct.")
};

std::vector<Quantity> quantities(std::string_view s) {
    std::vector<Quantity> out;
    re2::StringPiece in(s.data(), s.size());
    std::size_t prev_end = 0, pos = 0;
    re2::StringPiece g[3];
    while (pos < s.size() && quantity_re().Match(in, pos, s.size(), RE2::UNANCHORED, g, 3)) {
        const std::string unit(g[2].data(), g[2].size());
        const std::size_t qstart = static_cast<std::size_t>(g[1].data() - s.data());
        const std::size_t qend = static_cast<std::size_t>(g[2].data() + g[2].size() - s.data());
        pos = qend;
        if (after_label(s, qstart) || capital_noun_unit(unit)) continue;
        Quantity q{std::string(g[1].data(), g[1].size()), unit_name(unit), s.substr(prev_end, qstart - prev_end)};
        re2::StringPiece bp(q.before.data(), q.before.size());
        q.change = (q.unit == "pct." || q.unit == "procentpoint") &&
                   (RE2::PartialMatch(bp, change_word_re()) ||
                    (ends_with_med(q.before) && (RE2::PartialMatch(bp, down_re()) || RE2::PartialMatch(bp, up_re()))));
        out.push_back(std::move(q));
        prev_end = qend;
    }
    return out;
}

// The first change sets change_pct and its direction.
void read_change(const Quantity& q, Target& t, bool& placeholder) {
    if (is_placeholder(q.num)) {
        placeholder = true;
        return;
    }
    double v = parse_number(q.num);
    re2::StringPiece bp(q.before.data(), q.before.size());
    const bool down = RE2::PartialMatch(bp, down_re()), up = RE2::PartialMatch(bp, up_re());
    if (down && !up) {
        t.direction = "fald";
        v = -v;
    } else if (up && !down) {
        t.direction = "stigning";
    }
    t.change_pct = v;
}

void read_value(const std::string& num, const std::string& unit, Target& t, bool& placeholder) {
    t.unit = unit;
    if (is_placeholder(num))
        placeholder = true;
    else
        t.value = parse_number(num);
}

}  // namespace

std::optional<Target> parse_target_sentence(std::string_view s, bool relaxed) {
    re2::StringPiece in(s.data(), s.size());
    const TargetDate deadline = find_deadline(in);
    if (!relaxed) {
        if (!RE2::PartialMatch(in, target_verb_re())) return std::nullopt;
        if (deadline.text.empty() && !RE2::PartialMatch(in, undated_target_re())) return std::nullopt;
    }
    Target t;
    t.text = std::string(s.substr(0, 400));
    t.deadline = deadline.text;
    t.deadline_year = deadline.year;
    bool value_placeholder = false, change_placeholder = false;
    // The value: the quantity after "til" when there is one (beside a
    // definition's percentage, "… mindst 80 pct. af tiden, skal begrænses
    // til 1.200 personer"), else the first that is not a change.
    const std::vector<Quantity> qs = quantities(s);
    const Quantity* value = nullptr;
    for (const auto& q : qs) {
        if (q.change && !t.change_pct && !change_placeholder) read_change(q, t, change_placeholder);
        if (q.change) continue;
        if (!value || (after_til(q.before) && !after_til(value->before))) value = &q;
    }
    bool have_value = value != nullptr;
    if (value) read_value(value->num, value->unit, t, value_placeholder);
    if (!have_value && !relaxed) {
        std::string num, unit;
        if (RE2::PartialMatch(in, bare_value_re(), &num) && RE2::PartialMatch(in, subject_unit_re(), &unit)) {
            have_value = true;
            read_value(num, unit_name(unit), t, value_placeholder);
        }
    }
    if (!have_value && !t.change_pct && !change_placeholder) return std::nullopt;
    if (!have_value && t.change_pct) t.unit = "pct.";  // "nedbringes med 10 pct. i december 2010": the change is the target
    if (t.direction.empty()) {
        const bool down = RE2::PartialMatch(in, down_re()), up = RE2::PartialMatch(in, up_re());
        if (down && !up) t.direction = "fald";
        if (up && !down) t.direction = "stigning";
        if (t.change_pct && t.direction == "fald" && *t.change_pct > 0) t.change_pct = -*t.change_pct;
    }
    t.filled = !value_placeholder && !change_placeholder && (have_value ? t.value.has_value() : true);
    return t;
}

std::optional<Target> read_with_shape(const Pattern& shape, std::string_view sentence) {
    std::map<std::string, std::string> g;
    if (!search_groups(shape, sentence, nullptr, &g)) return std::nullopt;
    Target t;
    bool placeholder = false;
    auto number = [&](const std::string& name) -> std::optional<double> {
        auto it = g.find(name);
        if (it == g.end()) return std::nullopt;
        if (is_placeholder(it->second)) {
            placeholder = true;
            return std::nullopt;
        }
        return parse_number(it->second);
    };
    t.value = number("value");
    if (g.count("unit")) t.unit = unit_name(g["unit"]);
    if (g.count("year") && !is_placeholder(g["year"])) {
        t.deadline_year = std::atoi(g["year"].c_str());
        t.deadline = g.count("month") ? utf8::lower(g["month"]) + " " + g["year"] : g["year"];
    } else if (g.count("year")) {
        placeholder = true;
    }
    const std::string dir = utf8::lower(g.count("direction") ? g["direction"] : std::string());
    if (dir.find('/') != std::string::npos) placeholder = true;  // "stigning/et fald": not picked
    re2::StringPiece dp(dir.data(), dir.size());
    bool down = RE2::PartialMatch(dp, down_re()), up = RE2::PartialMatch(dp, up_re());
    if (down != up) t.direction = down ? "fald" : "stigning";
    t.change_pct = number("change");
    if (t.change_pct && t.direction == "fald") t.change_pct = -*t.change_pct;
    t.filled = !placeholder;
    return t;
}

std::vector<Target> parse_quantities(std::string_view line) {
    std::vector<Target> out;
    re2::StringPiece in(line.data(), line.size());
    re2::StringPiece g[3];
    std::size_t pos = 0, prev_end = 0;
    while (pos < line.size() && quantity_re().Match(in, pos, line.size(), RE2::UNANCHORED, g, 3)) {
        std::size_t qstart = static_cast<std::size_t>(g[1].data() - line.data());
        std::size_t qend = static_cast<std::size_t>(g[2].data() + g[2].size() - line.data());
        std::string num(g[1].data(), g[1].size());
        std::string u = unit_name(std::string(g[2].data(), g[2].size()));
        std::string_view before = line.substr(prev_end, qstart - prev_end);
        bool change = (u == "pct." || u == "procentpoint") &&
                      RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), change_word_re());
        if (!change && !after_label(line, qstart) && !capital_noun_unit(std::string_view(g[2].data(), g[2].size()))) {
            Target t;
            t.text = std::string(line.substr(qstart, qend - qstart));
            t.unit = u;
            if (is_placeholder(num))
                t.filled = false;
            else
                t.value = parse_number(num);
            out.push_back(std::move(t));
        }
        prev_end = pos = qend;
    }
    return out;
}

std::vector<Target> parse_targets(std::string_view text) {
    std::vector<Target> out;
    for (auto [b, e] : split_sentences(text))
        if (auto t = parse_target_sentence(text.substr(b, e - b), false)) out.push_back(std::move(*t));
    return out;
}

}  // namespace plantjek
