// Identification: kommune, plan year(s) and kind, each with its reason.
//
// Evidence is read by zone, strongest first: the title page (the blocks
// before the first heading, up to page 2), the document metadata, the
// running headers and footers, the headings, then the body. A year counts
// only in a title-like phrase ("Beskæftigelsesplan 2012", "planen for
// 2012"); the target deadlines ("i december 2012") are a last resort with a
// reason that says so. Kommune names come from dictionaries/kommuner.tsv;
// "X Kommune", "Xs Kommune" and "Jobcenter X" weigh more than the bare name,
// and names that are also Danish words (Vejen, Skive, Greve, ...) count
// only in those contexts.
#include "extractor/identify.h"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "extractor/data_dir.h"
#include "extractor/utf8.h"

namespace plantjek {

const char* doc_kind_name(DocKind k) {
    switch (k) {
        case DocKind::plan: return "plan";
        case DocKind::draft: return "draft";
        case DocKind::annex: return "annex";
        case DocKind::other: return "unknown";
    }
    return "unknown";
}

namespace {

#define PJ_L "A-Za-z\\x{C0}-\\x{24F}"

// ---- The kommune dictionary ------------------------------------------------

struct KommuneDict {
    std::vector<std::string> canonical;
    std::map<std::string, std::size_t> form_to_index;  // lower-case form → index
    std::unique_ptr<RE2> re;                            // every form, with context groups
    bool ok = false;
};

std::string re_escape(const std::string& s) { return RE2::QuoteMeta(s); }

const KommuneDict& dict() {
    static KommuneDict d;
    static std::once_flag once;
    std::call_once(once, [] {
        std::ifstream in(data_dir() + "/dictionaries/kommuner.tsv");
        std::string line;
        std::vector<std::string> forms;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty() || line[0] == '#') continue;
            std::vector<std::string> cols;
            std::stringstream ss(line);
            std::string col;
            while (std::getline(ss, col, '\t'))
                if (!(col = utf8::squeeze_spaces(col)).empty()) cols.push_back(col);
            if (cols.empty()) continue;
            std::size_t idx = d.canonical.size();
            d.canonical.push_back(cols[0]);
            for (const auto& c : cols) {
                std::string form = c;
                // "Jobcenter X" in the file: the context is matched in code.
                if (utf8::lower(form).starts_with("jobcenter ")) form = form.substr(10);
                std::string key = utf8::lower(form);
                if (d.form_to_index.emplace(key, idx).second) forms.push_back(form);
            }
        }
        if (forms.empty()) return;
        std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() > b.size() : a < b;
        });
        std::string alt;
        for (const auto& f : forms) {
            if (!alt.empty()) alt += '|';
            // "Høje-Taastrup" also as "Høje Taastrup" / "Høje - Taastrup".
            std::string esc;
            for (char ch : f) {
                if (ch == '-' || ch == ' ') esc += "\\s*[- ]\\s*";
                else esc += re_escape(std::string(1, ch));
            }
            alt += esc;
        }
        // Groups: 1 "jobcenter ", 2 the name, 3 genitive, 4 "kommune(s|r)".
        std::string pat = "(?i)(?:^|[^0-9" PJ_L "])((?:jobcenter(?:et)?\\s+)?)(" + alt + ")((?:s|')?)(?:\\s+(" +
                          "kommunes?|kommuner|regionskommune))?(?:[^0-9" PJ_L "]|$)";
        RE2::Options o;
        o.set_max_mem(64 << 20);
        d.re = std::make_unique<RE2>(pat, o);
        d.ok = d.re->ok();
    });
    return d;
}

// Names that are also ordinary Danish words or place names inside other
// kommuner: they count only as "X Kommune" or "Jobcenter X".
bool ambiguous(const std::string& canonical) {
    static const std::set<std::string> a = {"Vejen", "Skive", "Greve", "Odder", "Varde", "Faxe",
                                            "Rebild", "Struer", "Langeland", "Lyngby-Taarbæk"};
    return a.count(canonical) > 0;
}

struct KommuneHit {
    std::size_t index;
    bool strong;  // in a "Kommune"/"Jobcenter" context
    bool plural;  // "... Kommuner"
    std::size_t pos;
};

std::vector<KommuneHit> find_kommuner(std::string_view text) {
    const KommuneDict& d = dict();
    std::vector<KommuneHit> hits;
    if (!d.ok) return hits;
    re2::StringPiece in(text.data(), text.size());
    re2::StringPiece jc, name, gen, kom;
    const char* base = text.data();
    while (RE2::FindAndConsume(&in, *d.re, &jc, &name, &gen, &kom)) {
        std::string key = utf8::lower(std::string(name.data(), name.size()));
        // normalise "Høje - Taastrup" → the listed form
        auto it = d.form_to_index.find(key);
        if (it == d.form_to_index.end()) {
            std::string k2;
            for (std::size_t i = 0; i < key.size(); ++i) {
                if (key[i] == ' ' || key[i] == '-') {
                    char sep = key[i];
                    while (i + 1 < key.size() && (key[i + 1] == ' ' || key[i + 1] == '-')) {
                        if (key[i + 1] == '-') sep = '-';
                        ++i;
                    }
                    k2 += sep;
                } else {
                    k2 += key[i];
                }
            }
            it = d.form_to_index.find(k2);
            if (it == d.form_to_index.end()) {
                std::replace(k2.begin(), k2.end(), '-', ' ');
                it = d.form_to_index.find(k2);
            }
            if (it == d.form_to_index.end()) {
                std::replace(k2.begin(), k2.end(), ' ', '-');
                it = d.form_to_index.find(k2);
            }
            if (it == d.form_to_index.end()) continue;
        }
        // Bare names must be capitalised as names are ("vejen" is a road).
        std::size_t i = 0;
        char32_t first = utf8::next(std::string_view(name.data(), name.size()), i);
        bool strong = !jc.empty() || !kom.empty();
        if (!strong && !utf8::is_upper(first)) continue;
        if (!strong && ambiguous(d.canonical[it->second])) continue;
        std::string k = utf8::lower(std::string(kom.data(), kom.size()));
        hits.push_back({it->second, strong, k == "kommuner", static_cast<std::size_t>(name.data() - base)});
        // The trailing boundary character was consumed: step back one so
        // that "Aarhus og Odense" finds both (FindAndConsume moved past it).
        if (!in.empty() && in.data() > base) {
            // nothing: separators between names are at least one character wide
        }
    }
    return hits;
}

std::string excerpt(std::string_view s, std::size_t max = 80) {
    std::string t = utf8::squeeze_spaces(s);
    if (utf8::length(t) <= max) return t;
    std::string out;
    std::size_t i = 0, n = 0;
    while (i < t.size() && n < max) {
        std::size_t st = i;
        utf8::next(t, i);
        out.append(t, st, i - st);
        ++n;
    }
    return out + "…";
}

// ---- Years ------------------------------------------------------------------

// "2 0 1 2" → "2012"; "20 12" stays.
std::string join_spaced_digits(std::string_view s) {
    static const RE2 spaced("(\\d) (\\d) (\\d) (\\d)");
    std::string t(s);
    RE2::GlobalReplace(&t, spaced, "\\1\\2\\3\\4");
    return t;
}

int month_number(const std::string& m) {
    static const char* months[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                   "juli",   "august",  "september", "oktober", "november", "december"};
    for (int i = 0; i < 12; ++i)
        if (m == months[i]) return i + 1;
    return 0;
}

bool plausible_year(int y) { return y >= 2006 && y <= 2030; }

struct YearFind {
    std::vector<int> years;
    std::string phrase;
    bool month_rule = false;
    std::string partial;  // digits lost: "201"
};

// A title-like phrase with the plan year in `text` (lower case expected).
std::optional<YearFind> title_years(const std::string& lower_text) {
    static const RE2 range(
        "beskæftigelsesplan(?:en|er)?\\s*(?:for\\s+)?(?:året\\s+|årene\\s+|perioden\\s+)?(\\d{4})"
        "(?:\\s*(?:-|\\x{2013}|\\x{2014}|/|til|og)\\s*(\\d{4}|\\d{2}))?(?:[^0-9]|$)");
    static const RE2 month(
        "beskæftigelsesplan(?:en)?[\\s,:\\x{2013}-]*(?:for\\s+)?(januar|februar|marts|april|maj|juni|juli|august|"
        "september|oktober|november|december)\\s+(\\d{4})");
    static const RE2 lost("beskæftigelsesplan(?:en)?\\s*(?:for\\s+)?(\\d{1,3})(?:[^0-9.,]|$)");
    std::string t = join_spaced_digits(lower_text);
    std::string a, b, m;
    re2::StringPiece in(t);
    YearFind f;
    if (RE2::PartialMatch(t, month, &m, &a)) {
        int y = std::atoi(a.c_str());
        int mo = month_number(m);
        if (plausible_year(y) && mo) {
            f.years = {mo >= 4 ? y + 1 : y};
            f.month_rule = mo >= 4;
            f.phrase = m + " " + a;
            return f;
        }
    }
    if (RE2::PartialMatch(t, range, &a, &b)) {
        int y1 = std::atoi(a.c_str());
        if (plausible_year(y1)) {
            int y2 = y1;
            if (!b.empty()) {
                y2 = std::atoi(b.c_str());
                if (b.size() == 2) y2 += (y1 / 100) * 100;
            }
            if (y2 < y1 || y2 - y1 > 5) y2 = y1;
            for (int y = y1; y <= y2; ++y) f.years.push_back(y);
            f.phrase = b.empty() ? a : a + "–" + std::to_string(y2);
            return f;
        }
    }
    if (RE2::PartialMatch(t, lost, &a) && a.size() >= 2 && a[0] == '2') {
        f.partial = a;
        return f;
    }
    return std::nullopt;
}

// Year counts in body phrases that name the plan's year.
std::map<int, int> body_plan_years(const std::string& lower_text) {
    static const RE2 re(
        "(?:beskæftigelsesplan(?:en)?|planen|indsatsen|mål(?:ene)?|ministermål(?:ene)?|måltal(?:let)?)\\s+"
        "(?:for\\s+|i\\s+)(\\d{4})(?:[^0-9]|$)");
    std::map<int, int> c;
    re2::StringPiece in(lower_text);
    std::string y;
    while (RE2::FindAndConsume(&in, re, &y)) {
        int v = std::atoi(y.c_str());
        if (plausible_year(v)) ++c[v];
    }
    return c;
}

std::map<int, int> deadline_years(const std::string& lower_text) {
    static const RE2 re("(?:^|[^0-9" PJ_L "])(?:i|til|inden|ultimo|udgangen af)\\s+december\\s+(\\d{4})");
    std::map<int, int> c;
    re2::StringPiece in(lower_text);
    std::string y;
    while (RE2::FindAndConsume(&in, re, &y)) {
        int v = std::atoi(y.c_str());
        if (plausible_year(v)) ++c[v];
    }
    return c;
}

int most_frequent(const std::map<int, int>& m, const std::string& prefix = "") {
    int best = 0, cnt = 0;
    for (auto& [y, c] : m) {
        if (!prefix.empty() && !std::to_string(y).starts_with(prefix)) continue;
        if (c > cnt || (c == cnt && y > best)) cnt = c, best = y;
    }
    return best;
}

bool contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

bool is_running(const Block& b) { return b.kind == BlockKind::header || b.kind == BlockKind::footer; }

// ---- Zones -------------------------------------------------------------------

// The evidence, by zone; the `_lower` texts are the zones in lower case, one
// line per block.
struct Zones {
    std::vector<std::string> title;    // visible title page texts, in order
    std::vector<std::string> meta;     // document title and subject
    std::vector<std::string> running;  // distinct running headers and footers
    std::vector<char> toc;             // per block: a table-of-contents line
    std::string title_lower, body_lower, headings_lower, first_page_lower;
};

std::vector<std::string> title_page_texts(const Document& doc, const Outline& outline) {
    const auto& B = doc.blocks;
    std::vector<std::string> title;
    for (std::size_t i : outline.preamble) {
        if (title.size() >= 25) break;
        const Block& b = B[i];
        if (b.page > 2 || is_running(b)) continue;
        title.push_back(b.text);
    }
    if (title.empty() && !outline.sections.empty()) title.push_back(outline.sections[0].heading);
    if (title.empty() && !B.empty()) title.push_back(B[0].text);
    return title;
}

Zones read_zones(const Document& doc, const Outline& outline) {
    const auto& B = doc.blocks;
    Zones z;
    z.title = title_page_texts(doc, outline);
    if (!doc.meta.title.empty()) z.meta.push_back(doc.meta.title);
    if (!doc.meta.subject.empty()) z.meta.push_back(doc.meta.subject);
    std::set<std::string> seen;
    for (const auto& b : B)
        if (is_running(b) && seen.insert(b.text).second) z.running.push_back(b.text);
    for (const auto& t : z.title) z.title_lower += utf8::lower(t) + "\n";
    z.toc.assign(B.size(), 0);
    for (std::size_t i : outline.toc_blocks) z.toc[i] = 1;
    for (std::size_t i = 0; i < B.size(); ++i) {
        const Block& b = B[i];
        if (z.toc[i] || is_running(b)) continue;
        z.body_lower += utf8::lower(b.text) + "\n";
        if (b.page <= 1) z.first_page_lower += utf8::lower(b.text) + "\n";
    }
    for (const auto& s : outline.sections) z.headings_lower += utf8::lower(s.heading) + "\n";
    return z;
}

// ---- Kommune -----------------------------------------------------------------

// How strongly each kommune (by dictionary index) is named, and where.
struct KommuneTally {
    std::map<std::size_t, double> score;
    std::map<std::size_t, std::string> where_da, where_en;
    std::set<std::size_t> on_title;
    bool plural = false;  // the title page names kommuner in the plural

    void scan(const std::string& text, double strong_w, double weak_w, const char* da, const char* en, bool title) {
        for (const auto& h : find_kommuner(text)) {
            score[h.index] += h.strong ? strong_w : weak_w;
            if (!where_da.count(h.index) || (title && !on_title.count(h.index))) {
                where_da[h.index] = std::string(da) + ", '" + excerpt(text) + "'";
                where_en[h.index] = std::string(en) + ", '" + excerpt(text) + "'";
            }
            if (title) on_title.insert(h.index);
            if (title && h.plural) plural = true;
        }
    }
};

KommuneTally tally_kommuner(const Document& doc, const Outline& outline, const Zones& z) {
    KommuneTally t;
    for (const auto& s : z.title) t.scan(s, 20, 8, "titelsiden", "title page", true);
    for (const auto& s : z.meta) t.scan(s, 10, 5, "dokumentets metadata", "document metadata", false);
    for (const auto& s : z.running) t.scan(s, 10, 5, "sidehoved/sidefod", "running header/footer", false);
    for (const auto& s : outline.sections) t.scan(s.heading, 3, 1.5, "en overskrift", "a heading", false);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (z.toc[i] || is_running(b)) continue;
        t.scan(b.text, 2, 0.5, "teksten", "the text", false);
    }
    return t;
}

// The kommune (or, for a joint plan, the kommuner) the tally settles on.
std::vector<std::size_t> choose_kommuner(const KommuneTally& t, const std::string& title_lower) {
    const KommuneDict& d = dict();
    std::vector<std::pair<double, std::size_t>> ranked;
    for (auto& [k, v] : t.score) ranked.push_back({v, k});
    std::sort(ranked.begin(), ranked.end(), [&](auto& a, auto& b) {
        return a.first != b.first ? a.first > b.first : d.canonical[a.second] < d.canonical[b.second];
    });
    std::vector<std::size_t> chosen;
    // A kommune needs some weight; a lone bare mention in the body is
    // enough only when no other kommune is named at all.
    const bool enough = !ranked.empty() && (ranked[0].first >= 2 || (ranked.size() == 1 && ranked[0].first > 0) ||
                                            (ranked.size() > 1 && ranked[0].first >= 2 * ranked[1].first + 0.5));
    if (!enough) return chosen;
    chosen.push_back(ranked[0].second);
    // A joint plan: several kommuner on the title page, said to be joint.
    bool joint_words = t.plural || contains(title_lower, "fælles") || contains(title_lower, "samarbejde") ||
                       contains(title_lower, "forpligtende");
    if (t.on_title.count(ranked[0].second) && joint_words) {
        for (std::size_t k = 1; k < ranked.size(); ++k)
            if (t.on_title.count(ranked[k].second) && ranked[k].first >= 0.25 * ranked[0].first)
                chosen.push_back(ranked[k].second);
    }
    return chosen;
}

void identify_kommune(const Document& doc, const Outline& outline, const Zones& z, Identity& id) {
    const KommuneDict& d = dict();
    const KommuneTally t = tally_kommuner(doc, outline, z);
    const std::vector<std::size_t> chosen = choose_kommuner(t, z.title_lower);
    for (std::size_t k : chosen) {
        id.municipalities.push_back(d.canonical[k]);
        id.reasons.push_back({"kommune " + d.canonical[k] + ": " + t.where_da.at(k),
                              "municipality " + d.canonical[k] + ": " + t.where_en.at(k)});
    }
    if (chosen.size() > 1)
        id.reasons.push_back({"fælles plan for " + std::to_string(chosen.size()) + " kommuner (titelsiden)",
                              "joint plan of " + std::to_string(chosen.size()) + " municipalities (title page)"});
    if (chosen.empty())
        id.reasons.push_back({"kommune: ikke fundet (ingen kendt kommune på titelsiden eller i teksten)",
                              "municipality: not found (no known municipality on the title page or in the text)"});
}

// ---- Plan year(s) ------------------------------------------------------------

struct YearZone {
    const std::vector<std::string>* texts;
    const char *da, *en;
};

// The first title phrase whose year lost digits ("201"), with where it stood.
struct PartialYear {
    std::string digits;
    const char *da = "", *en = "";
    std::string text;
};

void add_title_year_reason(const YearFind& f, const YearZone& z, const std::string& t, Identity& id) {
    const std::string& ys = f.phrase;
    if (f.month_rule) {
        id.reasons.push_back({"planår " + std::to_string(id.years[0]) + ": " + z.da + ", '" + excerpt(t) +
                                  "' (skrevet i " + ys + ", altså planen for det følgende år)",
                              "plan year " + std::to_string(id.years[0]) + ": " + z.en + ", '" + excerpt(t) +
                                  "' (written in " + ys + ", so the plan for the following year)"});
        return;
    }
    std::string list = std::to_string(id.years.front());
    if (id.years.size() > 1) list += "–" + std::to_string(id.years.back());
    id.reasons.push_back({"planår " + list + ": " + z.da + ", '" + excerpt(t) + "'",
                          "plan year " + list + ": " + z.en + ", '" + excerpt(t) + "'"});
}

// The year of the first title-like phrase, zone by zone; `partial` gets the
// first phrase whose year is incomplete.
bool years_from_titles(const Outline& outline, const Zones& zones, Identity& id, PartialYear& partial) {
    std::vector<std::string> heads;
    for (const auto& s : outline.sections) heads.push_back(s.heading);
    const YearZone order[] = {{&zones.title, "titelsiden", "title page"},
                              {&zones.meta, "dokumentets titel (metadata)", "document title (metadata)"},
                              {&zones.running, "sidehovedet", "running header"},
                              {&heads, "en overskrift", "a heading"}};
    for (const auto& z : order) {
        for (const auto& t : *z.texts) {
            auto f = title_years(utf8::lower(t));
            if (!f) continue;
            if (!f->partial.empty()) {
                if (partial.digits.empty()) partial = {f->partial, z.da, z.en, t};
                continue;
            }
            id.years = f->years;
            add_title_year_reason(*f, z, t, id);
            return true;
        }
    }
    return false;
}

// Digits lost in extraction: complete from the body's plan-year phrases.
bool complete_partial_year(const PartialYear& partial, const std::map<int, int>& body_counts,
                           const std::map<int, int>& deadlines, Identity& id) {
    std::map<int, int> merged = body_counts;
    for (auto& [y, c] : deadlines) merged[y] += c;
    int y = most_frequent(merged, partial.digits);
    if (!y) return false;
    id.years = {y};
    id.reasons.push_back({"planår " + std::to_string(y) + ": " + partial.da + ", '" + excerpt(partial.text) +
                              "' (cifre tabt ved udtræk; fuldendt fra teksten)",
                          "plan year " + std::to_string(y) + ": " + partial.en + ", '" + excerpt(partial.text) +
                              "' (digits lost in extraction; completed from the text)"});
    return true;
}

void year_from_body_phrases(const std::map<int, int>& body_counts, Identity& id) {
    int y = most_frequent(body_counts);
    const std::string n = std::to_string(body_counts.at(y));
    id.years = {y};
    id.reasons.push_back({"planår " + std::to_string(y) + ": teksten ('beskæftigelsesplanen for " +
                              std::to_string(y) + "' o.l., " + n + " gange)",
                          "plan year " + std::to_string(y) + ": the text ('beskæftigelsesplanen for " +
                              std::to_string(y) + "' and similar, " + n + " times)"});
}

void year_from_deadlines(const std::map<int, int>& deadlines, Identity& id) {
    int y = most_frequent(deadlines);
    const std::string n = std::to_string(deadlines.at(y));
    id.years = {y};
    id.reasons.push_back({"planår " + std::to_string(y) + " (usikkert): kun udledt af måldatoerne ('december " +
                              std::to_string(y) + "', " + n + " gange)",
                          "plan year " + std::to_string(y) +
                              " (uncertain): inferred only from target deadlines ('december " + std::to_string(y) +
                              "', " + n + " times)"});
}

void identify_years(const Outline& outline, const Zones& z, Identity& id) {
    const std::map<int, int> body_counts = body_plan_years(z.body_lower);
    const std::map<int, int> deadlines = deadline_years(z.body_lower);
    PartialYear partial;
    if (years_from_titles(outline, z, id, partial)) return;
    if (!partial.digits.empty() && complete_partial_year(partial, body_counts, deadlines, id)) return;
    if (!body_counts.empty()) {
        year_from_body_phrases(body_counts, id);
        return;
    }
    if (!deadlines.empty()) {
        year_from_deadlines(deadlines, id);
        return;
    }
    id.reasons.push_back({"planår: ikke fundet (intet 'Beskæftigelsesplan ÅÅÅÅ' på titelsiden)",
                          "plan year: not found (no 'Beskæftigelsesplan YYYY' on the title page)"});
}

// ---- Kind --------------------------------------------------------------------

// What the front matter says about the kind of document.
struct KindSignals {
    std::string front;            // title page, metadata and running lines, lower case
    bool plan_word_front = false;
    bool plan_word_anywhere = false;
    bool is_annex = false;
    bool other_marker = false;    // a report or minutes word on the front
    std::string other_word;
    bool about = false;           // the title starts with a report word
    std::string about_word;
    bool committee = false;       // a recommendation to a committee on the first page
    bool decision = false;        // a committee's decision on the first page ("Beslutning: Udvalget godkender")
    bool title_is_plan = false;
    // What the plan itself contains and a note about one seldom does
    // (plan_content): each found counts once, by its name for the reason.
    std::vector<std::string> content_da, content_en;
};

// The contents of a plan found in the body and the headings: the minister's
// goals, a target sentence, the citizen- and the business-oriented
// strategy, an annex (Tillæg, Bilag), a budget. Three of them make a plan of
// a document whose title or word is lost; four outweigh a front page that
// reads like a committee's (a foreword that "indstiller" the plan).
void read_plan_content(const Outline& outline, const Zones& z, KindSignals& k) {
    static const RE2 goals("(?:ministerens|ministerielle|ministeriets)\\s+(?:[" PJ_L "]+\\s+){0,2}mål|ministermål");
    static const RE2 target(
        "(?:begrænses|nedbringes|reduceres|øges|forøges|hæves|sænkes|bringes ned|ned)\\s+(?:til|med)\\s+"
        "(?:højst\\s+|mindst\\s+|maksimalt\\s+|ca\\.\\s+)?\\d");
    static const RE2 citizen("borgerrettede?\\s+indsats");
    static const RE2 business("virksomhedsrettede?\\s+indsats");
    bool annex = false, budget = false;
    for (const auto& s : outline.sections) {
        if (s.annex) annex = true;
        const std::string h = utf8::lower(s.heading);
        if (contains(h, "budget") || contains(h, "økonomi")) budget = true;
    }
    const std::string& text = z.body_lower;
    const struct {
        bool found;
        const char *da, *en;
    } items[] = {
        {RE2::PartialMatch(text, goals), "ministerens mål", "the minister's goals"},
        {RE2::PartialMatch(text, target), "måltal", "a target sentence"},
        {RE2::PartialMatch(text, citizen), "den borgerrettede indsats", "the citizen-oriented effort"},
        {RE2::PartialMatch(text, business), "den virksomhedsrettede indsats", "the business-oriented effort"},
        {annex, "tillæg/bilag", "an annex"},
        {budget, "budget", "a budget"},
    };
    for (const auto& i : items)
        if (i.found) {
            k.content_da.push_back(i.da);
            k.content_en.push_back(i.en);
        }
}

const RE2& re_draft() {
    static const RE2 re(
        "(?:^|[^" PJ_L "])(udkast|høringsudgave|høringsudkast|høringsversion|høringsmateriale|foreløbig udgave|"
        "draft)(?:[^" PJ_L "]|$)");
    return re;
}

// The title: the first title-zone line (else the metadata title), and the
// title line proper: the first title-zone line naming the plan, else that.
std::pair<std::string, std::string> title_lines(const Zones& z) {
    std::string first_title = z.title.empty() ? "" : utf8::lower(z.title[0]);
    if (first_title.empty() && !z.meta.empty()) first_title = utf8::lower(z.meta[0]);
    std::string plan_title = first_title;
    for (std::size_t k = 0; k < z.title.size() && k < 4; ++k)
        if (contains(utf8::lower(z.title[k]), "beskæftigelsesplan")) {
            plan_title = utf8::lower(z.title[k]);
            break;
        }
    return {first_title, plan_title};
}

KindSignals read_kind_signals(const Outline& outline, const Zones& z) {
    static const RE2 annex_re("^\\s*(bilag|tillæg|appendiks)(?:[^" PJ_L "]|$)");
    static const RE2 other_re(
        "(?:^|[^" PJ_L "])(dagsorden|referat|indstilling|beslutningsprotokol|resultatrevision|"
        "opfølgning|høringssvar|notat|mødedato|sagsnr|pressemeddelelse|kvartalsrapport|"
        "målopfølgning|holdningspapir|positionspapir|debatoplæg)(?:[^" PJ_L "]|$)");
    // A document about a plan rather than the plan: its title starts with a report word.
    static const RE2 about_re(
        "^\\s*(?:\\d+\\.\\s*)?(opfølgning|status|statusnotat|notat|referat|dagsorden|resultatrevision|"
        "høringssvar|evaluering|indstilling|godkendelse|beslutning|orientering|midtvejsstatus|holdningspapir|"
        "positionspapir|debatoplæg)(?:[^" PJ_L "]|$)");
    // ... or it says what it is about: "Rådets synspunkter om beskæftigelsesplanen 2015".
    static const RE2 about_plan_re("(?:^|[^" PJ_L "])((?:om|vedrørende|vedr\\.)\\s+(?:den\\s+|kommunens\\s+)?"
                                   "beskæftigelsesplan)");
    // A committee's decision: "Beslutning: Udvalget godkender …, og planen sendes i høring".
    static const RE2 decision_re(
        "(?:^|\\n)\\s*beslutning\\s*(?::|\\n|i\\s+[" PJ_L "]*udvalget)[^\\n]*(?:godkend|tiltræd|sendes\\s+i\\s+høring|"
        "vedtag|tog\\s+[" PJ_L "]+\\s+til\\s+efterretning)");
    KindSignals k;
    std::string meta_lower, running_lower, word;
    for (const auto& t : z.meta) meta_lower += utf8::lower(t) + "\n";
    for (const auto& t : z.running) running_lower += utf8::lower(t) + "\n";
    k.front = z.title_lower + meta_lower + running_lower;
    k.plan_word_front = contains(k.front, "beskæftigelsesplan") || contains(z.headings_lower, "beskæftigelsesplan");
    k.plan_word_anywhere = contains(z.body_lower, "beskæftigelsesplan") || k.plan_word_front;
    const auto [first_title, plan_title] = title_lines(z);
    k.is_annex = RE2::PartialMatch(first_title, annex_re, &word);
    if (!k.is_annex && !outline.sections.empty() && !contains(first_title, "beskæftigelsesplan")) {
        bool all_annex = true;
        for (const auto& s : outline.sections)
            if (s.parent < 0 && !s.annex) all_annex = false;
        if (all_annex) k.is_annex = true;
    }
    k.other_marker = RE2::PartialMatch(z.title_lower + meta_lower, other_re, &k.other_word);
    k.about = RE2::PartialMatch(plan_title, about_re, &k.about_word) ||
              RE2::PartialMatch(plan_title, about_plan_re, &k.about_word);
    k.committee = contains(z.first_page_lower, "indstiller") ||
                  (contains(z.first_page_lower, "indstilling") && contains(z.first_page_lower, "beslutning"));
    k.decision = RE2::PartialMatch(z.first_page_lower, decision_re);
    k.title_is_plan = contains(plan_title, "beskæftigelsesplan") && !k.about;
    read_plan_content(outline, z, k);
    return k;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// Not an employment plan: the reason, or none when the document is one.
// Every signal is weighed: what the front says (the plan's title, a report
// word, a committee's recommendation or decision) against what the body
// holds (read_plan_content). A false "not a plan" hides every defect, so the
// plan's own contents win over its front.
std::optional<Reason> not_a_plan(const KindSignals& k, const Identity& id) {
    const std::size_t content = k.content_da.size();
    const bool reads_as_plan = content >= 3;  // enough for a plan whose title or word is lost
    const bool is_plan = content >= 4;        // a plan, whatever its front page says
    if (!k.plan_word_anywhere && !reads_as_plan)
        return Reason{"type: ikke en beskæftigelsesplan (ordet 'beskæftigelsesplan' forekommer ikke)",
                      "kind: not an employment plan (the word 'beskæftigelsesplan' does not occur)"};
    if (!k.plan_word_front && id.years.empty() && !reads_as_plan)
        return Reason{"type: ikke en beskæftigelsesplan (hverken plantitel eller planår)",
                      "kind: not an employment plan (neither a plan title nor a plan year)"};
    if (is_plan) return std::nullopt;
    if (k.about)
        return Reason{"type: ikke en beskæftigelsesplan, men et dokument om en (titlen begynder med '" +
                          k.about_word + "')",
                      "kind: not an employment plan but a document about one (the title begins with '" +
                          k.about_word + "')"};
    if (k.decision)
        return Reason{"type: ikke en beskæftigelsesplan, men et udvalgs beslutning om en (beslutning på første side)",
                      "kind: not an employment plan but a committee's decision on one (decision on the first page)"};
    if (k.committee)
        return Reason{"type: ikke en beskæftigelsesplan, men en sag til et udvalg (indstilling på første side)",
                      "kind: not an employment plan but a committee item (recommendation on the first page)"};
    if (k.other_marker && !k.title_is_plan)
        return Reason{"type: ikke en beskæftigelsesplan ('" + k.other_word + "' på forsiden, ingen plantitel)",
                      "kind: not an employment plan ('" + k.other_word + "' on the front page, no plan title)"};
    return std::nullopt;
}

// Why a document is a plan although its front or its words say otherwise.
std::optional<Reason> plan_despite(const KindSignals& k, const Identity& id) {
    const bool front_against = !k.plan_word_anywhere || (!k.plan_word_front && id.years.empty()) || k.about ||
                               k.decision || k.committee || (k.other_marker && !k.title_is_plan);
    if (!front_against) return std::nullopt;
    return Reason{"type: beskæftigelsesplan efter indholdet (" + joined(k.content_da) + ")",
                  "kind: employment plan by its contents (" + joined(k.content_en) + ")"};
}

void identify_kind(const Document& doc, const Outline& outline, const Zones& z, Identity& id) {
    const KindSignals k = read_kind_signals(outline, z);
    std::string word;
    if (auto reason = not_a_plan(k, id)) {
        id.kind = DocKind::other;
        id.reasons.push_back(std::move(*reason));
    } else if (k.is_annex) {
        id.kind = DocKind::annex;
        id.reasons.push_back({"type: bilag til en beskæftigelsesplan (dokumentet er kun et bilag/tillæg)",
                              "kind: annex to an employment plan (the document is only an annex)"});
    } else if (RE2::PartialMatch(k.front, re_draft(), &word)) {
        id.kind = DocKind::draft;
        id.reasons.push_back({"type: udkast ('" + word + "' på titelsiden)", "kind: draft ('" + word +
                                                                             "' on the title page)"});
    } else if (doc.meta.tracked_changes || doc.meta.comments) {
        id.kind = DocKind::draft;
        id.reasons.push_back({std::string("type: udkast (dokumentet indeholder ") +
                                  (doc.meta.tracked_changes ? "registrerede ændringer" : "kommentarer") + ")",
                              std::string("kind: draft (the document contains ") +
                                  (doc.meta.tracked_changes ? "tracked changes" : "comments") + ")"});
    } else {
        id.kind = DocKind::plan;
        id.reasons.push_back(plan_despite(k, id).value_or(Reason{"type: beskæftigelsesplan", "kind: employment plan"}));
    }
}

}  // namespace

Identity identify(const Document& doc, const Outline& outline) {
    Identity id;
    const Zones zones = read_zones(doc, outline);
    identify_kommune(doc, outline, zones, id);
    identify_years(outline, zones, id);
    identify_kind(doc, outline, zones, id);
    return id;
}

const std::vector<std::string>& kommune_names() { return dict().canonical; }

std::string canonical_kommune(std::string_view name) {
    std::string key = utf8::lower(utf8::squeeze_spaces(name));
    if (key.starts_with("jobcenter ")) key = key.substr(10);
    const auto& d = dict();
    auto it = d.form_to_index.find(key);
    return it == d.form_to_index.end() ? std::string() : d.canonical[it->second];
}

}  // namespace plantjek
