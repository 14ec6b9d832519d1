// Identification: kommune, plan year(s) and kind, each with its reason.
//
// Evidence is read by zone, strongest first: the title page (the blocks
// before the first heading, up to page 2), the document metadata, the
// running headers and footers, the headings, then the body. A year counts
// only in a title-like phrase, whatever the word order and with the kommune
// and jobcentre names around it taken out ("Beskæftigelsesplan 2012",
// "2015 Beskæftigelsesplan", "Beskæftigelsesplan for Jobcenter Vallensbæk
// og Ishøj 2012", a year alone on the cover, spans and lists of years);
// the target deadlines ("i december 2012") are a last resort with a reason
// that says so. Kommune names come from dictionaries/kommuner.tsv and the
// pre-2007 names of dictionaries/kommuner-foer-2007.tsv; "X Kommune", "Xs
// Kommune" and "Jobcenter X" weigh more than the bare name, and names that
// are also Danish words (Vejen, Skive, Greve, ...) or towns today (the old
// names) count only in those contexts. Names joined on the front ("Ishøj-
// Vallensbæk", "Læsø/Frederikshavn", "Fanø og Esbjerg") make a joint plan.
// A draft is told by its cover (a draft word, "forslag til", "til høring",
// a version or a dated edition) and its text (a section that awaits the
// final edition), weighed against an adoption on the cover; tracked
// changes only add weight (draft_reason). Cost: a few RE2 passes over the
// text; negligible beside reading the file.
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
    std::set<std::string> old_forms;                    // lower-case names of kommuner before 2007
    std::unique_ptr<RE2> re;                            // every form, with context groups
    bool ok = false;
};

std::string re_escape(const std::string& s) { return RE2::QuoteMeta(s); }

// The tab-separated, non-comment lines of a dictionary file, each split
// into its non-empty columns.
std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t'))
            if (!(col = utf8::squeeze_spaces(col)).empty()) cols.push_back(col);
        if (!cols.empty()) rows.push_back(std::move(cols));
    }
    return rows;
}

// One alternation of every form, longest first (RE2 takes the first
// alternative that matches), with "Høje-Taastrup" also as "Høje Taastrup"
// and "Høje - Taastrup".
std::string forms_alternation(std::vector<std::string> forms) {
    std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    std::string alt;
    for (const auto& f : forms) {
        if (!alt.empty()) alt += '|';
        for (char ch : f) {
            if (ch == '-' || ch == ' ') alt += "\\s*[- ]\\s*";
            else alt += re_escape(std::string(1, ch));
        }
    }
    return alt;
}

const KommuneDict& dict() {
    static KommuneDict d;
    static std::once_flag once;
    std::call_once(once, [] {
        std::vector<std::string> forms;
        std::map<std::string, std::size_t> by_canonical;
        for (const auto& cols : read_tsv(data_dir() + "/dictionaries/kommuner.tsv")) {
            std::size_t idx = d.canonical.size();
            d.canonical.push_back(cols[0]);
            by_canonical[cols[0]] = idx;
            for (const auto& c : cols) {
                std::string form = c;
                // "Jobcenter X" in the file: the context is matched in code.
                if (utf8::lower(form).starts_with("jobcenter ")) form = form.substr(10);
                if (d.form_to_index.emplace(utf8::lower(form), idx).second) forms.push_back(form);
            }
        }
        // The old kommuner (old name, today's kommune): a line naming no
        // kommune of today is skipped (test_identify checks there is none).
        for (const auto& cols : read_tsv(data_dir() + "/dictionaries/kommuner-foer-2007.tsv")) {
            auto it = cols.size() == 2 ? by_canonical.find(cols[1]) : by_canonical.end();
            if (it == by_canonical.end()) continue;
            const std::string key = utf8::lower(cols[0]);
            if (d.form_to_index.emplace(key, it->second).second) {
                forms.push_back(cols[0]);
                d.old_forms.insert(key);
            }
        }
        if (forms.empty()) return;
        // Groups: 1 "jobcenter ", 2 the name, 3 genitive, 4 "kommune(s|r)".
        std::string pat = "(?i)(?:^|[^0-9" PJ_L "])((?:jobcenter(?:et)?\\s+)?)(" + forms_alternation(forms) +
                          ")((?:s|')?)(?:\\s+(kommuners|kommunes?|kommuner|regionskommune))?(?:[^0-9" PJ_L "]|$)";
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
    bool strong;   // in a "Kommune"/"Jobcenter" context
    bool plural;   // "... Kommuner"
    bool old;      // a kommune from before 2007 ("Farum Kommune" → Furesø)
    bool joined;   // joined to the hit before it: "Ishøj og Vallensbæk", "Ishøj-Vallensbæk", "Læsø/Frederikshavn"
    std::size_t pos;         // the name's start in the text
    std::size_t begin, end;  // the whole phrase, "Jobcenter" and "Kommune(s)" included
    std::string form;        // the name as written
};

// The listed form a matched name stands for ("Høje - Taastrup" →
// "høje-taastrup"), or end() when it is none.
std::map<std::string, std::size_t>::const_iterator lookup_form(const KommuneDict& d, const std::string& key) {
    auto it = d.form_to_index.find(key);
    if (it != d.form_to_index.end()) return it;
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
    if (it != d.form_to_index.end()) return it;
    std::replace(k2.begin(), k2.end(), '-', ' ');
    it = d.form_to_index.find(k2);
    if (it != d.form_to_index.end()) return it;
    std::replace(k2.begin(), k2.end(), ' ', '-');
    return d.form_to_index.find(k2);
}

// Two names with nothing but a joining word or mark between them.
bool joined_by(std::string_view between) {
    static const RE2 join("\\s*(?:og|&|/|-|\\x{2013}|\\x{2014}|,)\\s*");
    return RE2::FullMatch(re2::StringPiece(between.data(), between.size()), join);
}

std::vector<KommuneHit> find_kommuner(std::string_view text) {
    const KommuneDict& d = dict();
    std::vector<KommuneHit> hits;
    if (!d.ok) return hits;
    re2::StringPiece in(text.data(), text.size());
    re2::StringPiece jc, name, gen, kom;
    const char* base = text.data();
    while (RE2::FindAndConsume(&in, *d.re, &jc, &name, &gen, &kom)) {
        // The match ends on the character after the name (a boundary): give
        // it back, so that a name right behind ("Ishøj-Vallensbæk",
        // "Læsø/Frederikshavn") has its boundary.
        const char* end = kom.empty() ? (gen.empty() ? name.data() + name.size() : gen.data() + gen.size())
                                      : kom.data() + kom.size();
        in = re2::StringPiece(end, text.size() - static_cast<std::size_t>(end - base));
        const std::string form(name.data(), name.size());
        auto it = lookup_form(d, utf8::lower(form));
        if (it == d.form_to_index.end()) continue;
        // Bare names must be capitalised as names are ("vejen" is a road).
        std::size_t i = 0;
        char32_t first = utf8::next(std::string_view(name.data(), name.size()), i);
        const bool strong = !jc.empty() || !kom.empty();
        const bool old = d.old_forms.count(it->first) > 0;
        if (!strong && !utf8::is_upper(first)) continue;
        // Old names are towns today, and some names are words: only in context.
        if (!strong && (ambiguous(d.canonical[it->second]) || old)) continue;
        const std::size_t begin = static_cast<std::size_t>((jc.empty() ? name.data() : jc.data()) - base);
        const bool joined = !hits.empty() && begin >= hits.back().end &&
                            joined_by(text.substr(hits.back().end, begin - hits.back().end));
        std::string k = utf8::lower(std::string(kom.data(), kom.size()));
        hits.push_back({it->second, strong, k.starts_with("kommuner"), old, joined, static_cast<std::size_t>(name.data() - base),
                        begin, static_cast<std::size_t>(end - base), form});
    }
    return hits;
}

std::string excerpt(std::string_view s, std::size_t max = 80) { return utf8::excerpt(s, max); }

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

// The plan years from `first` on: a span ("2019–2021", "2020-23", "2017 til
// 2020") or a list ("2022 og 2023", "2022, 2023 og 2024") that `rest` goes on
// with. Later years must ascend and lie within five years of the first; a
// two-digit end only right after a dash or slash and not as a date's day
// ("2014-15. maj").
std::vector<int> year_list(int first, std::string_view rest, std::string& phrase) {
    static const RE2 next("(\\s*(?:-|\\x{2013}|\\x{2014}|/|til|og|,)\\s*)(\\d{4}|\\d{2})(\\.?)(?:[^0-9]|$)");
    std::vector<int> years = {first};
    phrase = std::to_string(first);
    re2::StringPiece in(rest.data(), rest.size());
    std::string sep, dot;
    re2::StringPiece digits;
    while (RE2::Consume(&in, next, &sep, &digits, &dot)) {
        const std::string mark = utf8::squeeze_spaces(sep);
        const bool dash = mark == "-" || mark == "\xE2\x80\x93" || mark == "\xE2\x80\x94" || mark == "til";
        const bool tight = sep.size() == mark.size();  // no spaces: "2020-23"
        if (digits.size() == 2 && (!tight || !dot.empty() || !(dash || mark == "/"))) break;
        int y = std::atoi(std::string(digits.data(), digits.size()).c_str());
        if (digits.size() == 2) y += (first / 100) * 100;
        if (y <= years.back() || y - first > 5) break;
        if (dash)
            for (int k = years.back() + 1; k < y; ++k) years.push_back(k);
        years.push_back(y);
        // Consume ate the character after the year: give it back.
        const char* end = digits.data() + digits.size();
        in = re2::StringPiece(end, rest.size() - static_cast<std::size_t>(end - rest.data()));
    }
    if (years.size() > 1) phrase += "–" + std::to_string(years.back());
    return years;
}

// A title-like phrase with the plan year in `lower_text` (lower case, the
// kommune and jobcentre names taken out): "beskæftigelsesplan 2015",
// "beskæftigelsesplan for indsatsåret 2009", "beskæftigelsesplan august 2011"
// (the plan for the year after), the year first ("2015 beskæftigelsesplan"),
// or a year whose digits were lost ("beskæftigelsesplan 201").
std::optional<YearFind> title_years(const std::string& lower_text) {
    // What may stand between the plan word and the year once the names are
    // out: "for", the joining words of the names, "året"/"indsatsåret".
    static const RE2 after(
        "beskæftigelsesplan(?:en|er)?[\\s,.:\\x{2013}-]*(?:for\\s+)?(?:(?:og|&|/|,|-|\\x{2013})\\s*)*"
        "(?:(?:året|årene|perioden|indsatsåret|planåret|kalenderåret)\\s+)?(\\d{4})((?s:[^0-9].*)?)$");
    static const RE2 before(
        "(?:^|[^0-9])(\\d{4})((?:\\s*(?:-|\\x{2013}|\\x{2014}|/|til|og|,)\\s*(?:\\d{4}|\\d{2}))*)"
        "\\s*[\\s,.:\\x{2013}-]\\s*beskæftigelsesplan");
    static const RE2 month(
        "beskæftigelsesplan(?:en)?[\\s,:\\x{2013}-]*(?:for\\s+)?(januar|februar|marts|april|maj|juni|juli|august|"
        "september|oktober|november|december)\\s+(\\d{4})");
    static const RE2 lost("beskæftigelsesplan(?:en)?\\s*(?:for\\s+)?(\\d{1,3})(?:[^0-9.,]|$)");
    const std::string t = join_spaced_digits(lower_text);
    std::string a, m, rest;
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
    // The year after the plan word, else before it ("2019–2021 Beskæftigelsesplan").
    for (const RE2* re : {&after, &before}) {
        if (!RE2::PartialMatch(t, *re, &a, &rest) || !plausible_year(std::atoi(a.c_str()))) continue;
        f.years = year_list(std::atoi(a.c_str()), rest, f.phrase);
        return f;
    }
    if (RE2::PartialMatch(t, lost, &a) && a.size() >= 2 && a[0] == '2') {
        f.partial = a;
        return f;
    }
    return std::nullopt;
}

// A title line with the kommune and jobcentre names taken out, lower case:
// "Beskæftigelsesplan for Jobcenter Vallensbæk og Ishøj 2012" →
// "beskæftigelsesplan for   og   2012".
std::string without_names(const std::string& text) {
    std::string out;
    std::size_t from = 0;
    for (const auto& h : find_kommuner(text)) {
        out.append(text, from, h.begin - from);
        out += ' ';
        from = h.end;
    }
    out.append(text, from, std::string::npos);
    return utf8::lower(out);
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

// The title page: the blocks before the first heading (up to page 2), and
// the cover lines the segmenter took for headings: the unnumbered sections
// that open the document ("Arbejdspapir", "Fanø og Esbjerg" alone on a
// line) with their short lines, up to the first numbered or annex heading
// or the first line of prose. At most 25 lines.
std::vector<std::string> title_page_texts(const Document& doc, const Outline& outline) {
    const auto& B = doc.blocks;
    std::vector<std::string> title;
    for (std::size_t i : outline.preamble) {
        if (title.size() >= 25) break;
        const Block& b = B[i];
        if (b.page > 2 || is_running(b)) continue;
        title.push_back(b.text);
    }
    for (const auto& s : outline.sections) {
        if (!s.number.empty() || s.annex || s.first_page > 2 || title.size() >= 25) break;
        title.push_back(s.heading);
        bool prose = false;
        for (std::size_t i : s.blocks) {
            if (utf8::length(B[i].text) > 80) {
                prose = true;
                break;
            }
            if (title.size() < 25 && !is_running(B[i])) title.push_back(B[i].text);
        }
        if (prose) break;
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
    // Kommuner named together on the front ("Jobcenter Ishøj-Vallensbæk"),
    // each pair both ways, with the phrase for the reason.
    std::map<std::size_t, std::set<std::size_t>> joined;
    std::string joined_text;

    void scan(const std::string& text, double strong_w, double weak_w, const char* da, const char* en, bool title,
              bool front = false) {
        const auto hits = find_kommuner(text);
        for (std::size_t n = 0; n < hits.size(); ++n) {
            const KommuneHit& h = hits[n];
            score[h.index] += h.strong ? strong_w : weak_w;
            if (!where_da.count(h.index) || (title && !on_title.count(h.index))) {
                where_da[h.index] = std::string(da) + ", '" + excerpt(text) + "'";
                where_en[h.index] = std::string(en) + ", '" + excerpt(text) + "'";
                if (h.old) {
                    where_da[h.index] += " (" + h.form + ": navnet fra før kommunalreformen 2007)";
                    where_en[h.index] += " (" + h.form + ": the name from before the 2007 municipal reform)";
                }
            }
            if (title) on_title.insert(h.index);
            if (title && h.plural) plural = true;
            if (front && h.joined && hits[n - 1].index != h.index) {
                joined[h.index].insert(hits[n - 1].index);
                joined[hits[n - 1].index].insert(h.index);
                if (joined_text.empty()) joined_text = excerpt(text);
            }
        }
    }
};

KommuneTally tally_kommuner(const Document& doc, const Outline& outline, const Zones& z) {
    KommuneTally t;
    for (const auto& s : z.title) t.scan(s, 20, 8, "titelsiden", "title page", true, true);
    for (const auto& s : z.meta) t.scan(s, 10, 5, "dokumentets metadata", "document metadata", false, true);
    for (const auto& s : z.running) t.scan(s, 10, 5, "sidehoved/sidefod", "running header/footer", false, true);
    for (const auto& s : outline.sections) t.scan(s.heading, 3, 1.5, "en overskrift", "a heading", false);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (z.toc[i] || is_running(b)) continue;
        t.scan(b.text, 2, 0.5, "teksten", "the text", false);
    }
    return t;
}

// The kommuner named together with `first` on the front, and with those,
// in dictionary order.
std::vector<std::size_t> joined_members(const KommuneTally& t, std::size_t first) {
    std::set<std::size_t> seen = {first};
    std::vector<std::size_t> todo = {first}, members;
    while (!todo.empty()) {
        const std::size_t k = todo.back();
        todo.pop_back();
        auto it = t.joined.find(k);
        if (it == t.joined.end()) continue;
        for (std::size_t m : it->second)
            if (seen.insert(m).second) {
                todo.push_back(m);
                members.push_back(m);
            }
    }
    std::sort(members.begin(), members.end());
    return members;
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
    // A joint plan: kommuner named together on the front ("Jobcenter
    // Vallensbæk og Ishøj", "Læsø/Frederikshavn") ...
    for (std::size_t m : joined_members(t, ranked[0].second)) chosen.push_back(m);
    if (chosen.size() > 1) return chosen;
    // ... or several on the title page, said to be joint ("i samarbejde med
    // X" is a neighbour's help, not a joint plan).
    bool joint_words = t.plural || contains(title_lower, "fælles") || contains(title_lower, "forpligtende");
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
    const std::string n = std::to_string(chosen.size());
    if (chosen.size() > 1 && t.joined.count(chosen[0]))
        id.reasons.push_back({"fælles plan for " + n + " kommuner (navnene står sammen på forsiden: '" +
                                  t.joined_text + "')",
                              "joint plan of " + n + " municipalities (the names stand together on the front: '" +
                                  t.joined_text + "')"});
    else if (chosen.size() > 1)
        id.reasons.push_back({"fælles plan for " + n + " kommuner (titelsiden)",
                              "joint plan of " + n + " municipalities (title page)"});
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

// A title page whose year stands alone on a line ("2015", "2019–2021")
// beside a plan title without one.
std::optional<YearFind> lone_cover_year(const std::vector<std::string>& title, std::string& line) {
    static const RE2 lone("\\s*(\\d{4})((?:\\s*(?:-|\\x{2013}|\\x{2014}|/|til|og|,)\\s*(?:\\d{4}|\\d{2}))*)\\s*");
    bool plan_title = false;
    for (const auto& t : title) plan_title = plan_title || contains(utf8::lower(t), "beskæftigelsesplan");
    if (!plan_title) return std::nullopt;
    std::string a, rest;
    for (const auto& t : title) {
        if (!RE2::FullMatch(utf8::lower(t), lone, &a, &rest) || !plausible_year(std::atoi(a.c_str()))) continue;
        YearFind f;
        f.years = year_list(std::atoi(a.c_str()), rest, f.phrase);
        line = t;
        return f;
    }
    return std::nullopt;
}

// The year of the first title-like phrase, zone by zone (the kommune and
// jobcentre names around it taken out); `partial` gets the first phrase
// whose year is incomplete.
bool years_from_titles(const Outline& outline, const Zones& zones, Identity& id, PartialYear& partial) {
    std::vector<std::string> heads;
    for (const auto& s : outline.sections) heads.push_back(s.heading);
    const YearZone order[] = {{&zones.title, "titelsiden", "title page"},
                              {&zones.meta, "dokumentets titel (metadata)", "document title (metadata)"},
                              {&zones.running, "sidehovedet", "running header"},
                              {&heads, "en overskrift", "a heading"}};
    for (const auto& z : order) {
        for (const auto& t : *z.texts) {
            auto f = title_years(without_names(t));
            if (!f) continue;
            if (!f->partial.empty()) {
                if (partial.digits.empty()) partial = {f->partial, z.da, z.en, t};
                continue;
            }
            id.years = f->years;
            add_title_year_reason(*f, z, t, id);
            return true;
        }
        std::string line;
        if (z.texts != &zones.title) continue;
        if (auto f = lone_cover_year(zones.title, line)) {
            id.years = f->years;
            add_title_year_reason(*f, {z.texts, "titelsiden (året på sin egen linje)", "title page (the year on a line of its own)"},
                                  line, id);
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

// ---- Draft or final ------------------------------------------------------------

// One sign that the document is a draft, with its weight and where it was
// read ("'version 0.9' på forsiden").
struct DraftSign {
    int weight;
    bool decisive;  // a draft word on the cover: outweighs a final marker
    std::string da, en;
};

constexpr const char* kMonths =
    "(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)";

// The cover: the title page, the metadata and the running headers, and the
// short lines among the document's first blocks (a cover whose title is
// styled as a heading has no title page of its own), lower case, one line
// each. Prose is no cover: an introduction that "udkastet blev drøftet"
// says nothing about this document.
std::string cover_lower(const Document& doc, const Zones& z) {
    std::string cover;
    for (const auto* zone : {&z.title, &z.meta, &z.running})
        for (const auto& t : *zone) cover += utf8::lower(t) + "\n";
    std::size_t seen = 0;
    for (std::size_t i = 0; i < doc.blocks.size() && seen < 6; ++i) {
        const Block& b = doc.blocks[i];
        if (z.toc[i] || is_running(b)) continue;
        ++seen;
        if (utf8::length(b.text) <= 80) cover += utf8::lower(b.text) + "\n";
    }
    return cover;
}

// What the cover says (see DraftSign). Weights: a draft word, "forslag
// til", "til høring", a version below 1 and a dated version or edition
// ("Udgave af 3. juni 2013", "Version 2 – 12. maj 2014") 2 each, enough
// alone; a bare version number ("Oktober 2016, version 3": real plans
// number their revisions) 1.
void cover_draft_signs(const std::string& cover, std::vector<DraftSign>& signs) {
    static const RE2 word(
        "(?:^|[^" PJ_L "])((?:[0-9]+\\.\\s*|første\\s+|andet\\s+)?(?:udkast(?:et)?|høringsudkast|høringsudgave|"
        "høringsversion|høringsmateriale|foreløbig\\s+(?:udgave|version)|kladde|arbejdspapir|skitse|draft))"
        "(?:[^" PJ_L "]|$)");
    static const RE2 proposal("(?:^|[^" PJ_L "])(forslag\\s+til\\s+(?:[" PJ_L "]+\\s+)?beskæftigelsesplan)");
    static const RE2 hearing("(?:^|[^" PJ_L "])((?:har\\s+været\\s+|efter\\s+)?(?:til|i)\\s+høring)(?:[^" PJ_L "]|$)");
    static const RE2 below_one("(?:^|[^" PJ_L "])((?:version|ver\\.)\\s*0[.,]\\d+|v0[.,]\\d+)");
    static const RE2 dated(std::string("(?:^|[^" PJ_L "])((revideret|opdateret|endelig|endelige)\\s+)?((?:udgave|version)"
                                       "[^\\n]{0,30}?(?:\\d{1,2}\\.\\s*") + kMonths +
                           "\\.?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}))");
    static const RE2 number("(?:^|[^" PJ_L "])((?:version|ver\\.)\\s*[1-9]\\d*(?:[.,]\\d+)?|v[1-9][.,]\\d+|"
                            "[1-9]\\.\\s*(?:version|udgave))(?:[^0-9]|$)");
    std::string w, prefix, what;
    auto add = [&](int weight, bool decisive, const std::string& found) {
        signs.push_back({weight, decisive, "'" + found + "' på forsiden", "'" + found + "' on the cover"});
    };
    if (RE2::PartialMatch(cover, word, &w)) add(2, true, utf8::squeeze_spaces(w));
    if (RE2::PartialMatch(cover, proposal, &w)) add(2, false, utf8::squeeze_spaces(w));
    re2::StringPiece in(cover);
    while (RE2::FindAndConsume(&in, hearing, &w))
        if (!w.starts_with("har") && !w.starts_with("efter")) {
            add(2, false, utf8::squeeze_spaces(w));
            break;
        }
    if (RE2::PartialMatch(cover, below_one, &w)) {
        add(2, false, utf8::squeeze_spaces(w));
        return;
    }
    in = re2::StringPiece(cover);
    while (RE2::FindAndConsume(&in, dated, &w, &prefix, &what))
        if (prefix.empty()) {
            add(2, false, excerpt(what, 40));
            return;
        }
    if (RE2::PartialMatch(cover, number, &w)) add(1, false, utf8::squeeze_spaces(w));
}

// What the text says anywhere: a section that awaits the final edition
// ("afsnittet udfyldes i den endelige udgave") weighs 2; a note that
// something follows later ("indsættes senere", "afventer") 1, however many
// there are: final plans keep such notes too (a goal the minister has yet
// to announce), and then fail no-placeholders as final plans should.
void body_draft_signs(const std::string& body, std::vector<DraftSign>& signs) {
    static const RE2 final_edition(
        "((?:udfyldes|følger|indsættes|tilføjes|skrives|uddybes|beskrives|færdiggøres|kommer|suppleres|opdateres|"
        "udarbejdes)[^.\\n]{0,40}?i\\s+den\\s+endelige\\s+(?:udgave|version|plan))");
    static const RE2 later(
        "(?:^|[^" PJ_L "])((?:indsættes|følger|udfyldes|tilføjes|eftersendes)\\s+senere|eftersendes|afventer)"
        "(?:[^" PJ_L "]|$)");
    std::string w;
    if (RE2::PartialMatch(body, final_edition, &w))
        signs.push_back({2, false, "teksten: '" + excerpt(w, 60) + "'", "the text: '" + excerpt(w, 60) + "'"});
    else if (RE2::PartialMatch(body, later, &w))
        signs.push_back({1, false, "teksten: '" + w + "'", "the text: '" + w + "'"});
}

// A final plan says it was adopted: "Godkendt af byrådet den …", "Vedtaget
// af kommunalbestyrelsen", "Vedtaget 12.12.2018", "(endelig version)". Read
// on the cover and in the opening blocks (not further: a draft may tell of
// last year's adopted plan); the phrase, or "" when none.
std::string final_marker(const std::string& cover, const std::string& opening) {
    // A word before it that makes the adoption one to come: "forventes
    // godkendt af byrådet", "skal vedtages", "vil blive godkendt", "endnu ikke".
    static const RE2 adopted(
        "(?:^|[^" PJ_L "])(?:(forventes|forventet|skal|vil|blive|bliver|ikke|planlagt|påregnes)\\s+)?"
        "((?:godkendt|vedtaget)\\s+(?:af|i|på)\\s+(?:[" PJ_L "]+\\s+){0,2}"
        "(?:byråd|kommunalbestyrelse|borgerrepræsentation)[" PJ_L "]*|endelig\\s+(?:version|udgave))");
    static const RE2 dated("(?m)^\\s*()(vedtaget(?:\\s+den)?\\s+\\d[^\\n]{0,20})");
    std::string before, w;
    for (const std::string* text : {&cover, &opening})
        for (const RE2* re : {&adopted, &dated}) {
            re2::StringPiece in(*text);
            while (RE2::FindAndConsume(&in, *re, &before, &w))
                if (before.empty()) return utf8::squeeze_spaces(w);
        }
    return "";
}

// The first blocks of the text, lower case, one line each.
std::string opening_lower(const Document& doc, const Zones& z, std::size_t blocks) {
    std::string out;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < doc.blocks.size() && seen < blocks; ++i) {
        if (z.toc[i] || is_running(doc.blocks[i])) continue;
        ++seen;
        out += utf8::lower(doc.blocks[i].text) + "\n";
    }
    return out;
}

std::string joined_signs(const std::vector<DraftSign>& signs, bool da) {
    std::string s;
    for (const auto& x : signs) s += (s.empty() ? "" : "; ") + (da ? x.da : x.en);
    return s;
}

// Draft or final, and why. A draft word on the cover decides; otherwise
// the signs add up to 2 or more, and an adoption on the cover or the first
// page outweighs them. Tracked changes and comments add 1 to other signs
// but never make a draft alone: a final plan published with them must get
// the tracked-changes warning, not the draft's info.
std::optional<Reason> draft_reason(const Document& doc, const Zones& z, Reason& final_note) {
    std::vector<DraftSign> signs;
    const std::string cover = cover_lower(doc, z);
    cover_draft_signs(cover, signs);
    body_draft_signs(z.body_lower, signs);
    int score = 0;
    bool decisive = false;
    for (const auto& x : signs) {
        score += x.weight;
        decisive = decisive || x.decisive;
    }
    const bool revisions = doc.meta.tracked_changes || doc.meta.comments;
    if (revisions && score > 0) {
        signs.push_back({1, false, doc.meta.tracked_changes ? "registrerede ændringer" : "kommentarer",
                         doc.meta.tracked_changes ? "tracked changes" : "comments"});
        ++score;
    }
    const std::string adopted = final_marker(cover, opening_lower(doc, z, 15));
    if (decisive || (score >= 2 && adopted.empty())) {
        Reason r{"type: udkast (" + joined_signs(signs, true), "kind: draft (" + joined_signs(signs, false)};
        if (!adopted.empty()) {
            r.da += "; vejer tungere end '" + adopted + "'";
            r.en += "; outweighs '" + adopted + "'";
        }
        r.da += ")";
        r.en += ")";
        return r;
    }
    // A final plan with signs of a draft says why it is final all the same.
    if (!adopted.empty() && score > 0) {
        final_note = {"stadie: endelig plan ('" + adopted + "' vejer tungere end " + joined_signs(signs, true) + ")",
                      "stage: final plan ('" + adopted + "' outweighs " + joined_signs(signs, false) + ")"};
    } else if (score > 0 || revisions) {
        const std::string da = score > 0 ? joined_signs(signs, true) : "registrerede ændringer eller kommentarer";
        const std::string en = score > 0 ? joined_signs(signs, false) : "tracked changes or comments";
        final_note = {"stadie: endelig plan (" + da + " gør den ikke alene til et udkast)",
                      "stage: final plan (" + en + " alone do not make it a draft)"};
    }
    return std::nullopt;
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
              RE2::PartialMatch(first_title, about_re, &k.about_word) ||
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
    Reason final_note;
    if (auto reason = not_a_plan(k, id)) {
        id.kind = DocKind::other;
        id.reasons.push_back(std::move(*reason));
    } else if (k.is_annex) {
        id.kind = DocKind::annex;
        id.reasons.push_back({"type: bilag til en beskæftigelsesplan (dokumentet er kun et bilag/tillæg)",
                              "kind: annex to an employment plan (the document is only an annex)"});
    } else if (auto reason = draft_reason(doc, z, final_note)) {
        id.kind = DocKind::draft;
        id.reasons.push_back(std::move(*reason));
    } else {
        id.kind = DocKind::plan;
        id.reasons.push_back(plan_despite(k, id).value_or(Reason{"type: beskæftigelsesplan", "kind: employment plan"}));
        if (!final_note.da.empty()) id.reasons.push_back(std::move(final_note));
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
