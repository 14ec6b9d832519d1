#include "rules/spelling.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_set>

#include "extractor/shared_work.h"
#include "extractor/utf8.h"

namespace plantjek {

namespace {

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::u32string to_u32(std::string_view s) {
    std::u32string r;
    std::size_t i = 0;
    while (i < s.size()) r.push_back(utf8::next(s, i));
    return r;
}

std::string to_utf8(std::u32string_view s) {
    std::string r;
    for (char32_t c : s) utf8::append(r, c);
    return r;
}

// Upper case for the Latin letters Danish text uses (ASCII, Latin-1).
char32_t upper_cp(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    return c;
}

enum class Casing { lower, capital, upper, mixed };

Casing casing_of(std::u32string_view w) {
    bool first_upper = !w.empty() && utf8::is_upper(w[0]);
    bool any_lower = false, rest_upper = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (!utf8::is_letter(w[i])) continue;
        if (utf8::is_upper(w[i])) {
            if (i > 0) rest_upper = true;
        } else {
            any_lower = true;
        }
    }
    if (!any_lower && (first_upper || rest_upper)) return Casing::upper;
    if (first_upper && !rest_upper) return Casing::capital;
    if (!first_upper && !rest_upper) return Casing::lower;
    return Casing::mixed;
}

// A lower-case word in the casing c (mixed: left lower case).
std::u32string recase(std::u32string w, Casing c) {
    if (c == Casing::capital && !w.empty()) w[0] = upper_cp(w[0]);
    if (c == Casing::upper)
        for (auto& ch : w) ch = upper_cp(ch);
    return w;
}

// A single part of a hyphenated word.
bool part_known(const std::string& part, bool last, bool dot_after, Lexicon& lex) {
    if (part.empty() || has_digit(part)) return true;
    if (utf8::length(part) <= 1) return true;
    if (is_all_caps_word(part) && utf8::length(part) <= 5) return true;
    if (lex.is_word(part)) return true;
    if (last && dot_after && lex.is_word(part + ".")) return true;
    if (!last && part.size() > 2 && part.back() == 's' && lex.is_word(part.substr(0, part.size() - 1))) return true;
    return false;
}

std::vector<std::string> split_hyphens(const std::string& w) {
    std::vector<std::string> parts;
    std::size_t s = 0;
    for (std::size_t i = 0; i <= w.size(); ++i)
        if (i == w.size() || w[i] == '-') {
            parts.push_back(w.substr(s, i - s));
            s = i + 1;
        }
    return parts;
}

// The edit a candidate came from, most likely first (ties in ranking).
enum EditKind { ed_special = 0, ed_transpose, ed_delete, ed_substitute, ed_insert, ed_ending, ed_repeat,
                ed_last = ed_repeat };

const std::u32string kAlphabet = U"abcdefghijklmnopqrstuvwxyzæøåé";
const std::vector<std::u32string> kEndings = {U"",    U"e",   U"n",  U"r",   U"s",    U"t",     U"en",
                                              U"er",  U"et",  U"es", U"ne",  U"de",   U"te",    U"ede",
                                              U"ene", U"ens", U"ers", U"ets", U"nes", U"ende", U"erne",
                                              U"ernes", U"endes", U"ernes"};

// Candidates one edit away from w (lower case), with their edit kind.
std::vector<std::pair<std::u32string, EditKind>> edits1(const std::u32string& w) {
    std::vector<std::pair<std::u32string, EditKind>> out;
    const std::size_t n = w.size();
    // ae/oe/aa written for æ/ø/å, and the other way round
    for (std::size_t i = 0; i + 1 < n; ++i) {
        char32_t a = w[i], b = w[i + 1];
        char32_t rep = 0;
        if (a == U'a' && b == U'e') rep = U'æ';
        else if (a == U'o' && b == U'e') rep = U'ø';
        else if (a == U'a' && b == U'a') rep = U'å';
        if (rep) out.push_back({w.substr(0, i) + rep + w.substr(i + 2), ed_special});
    }
    for (std::size_t i = 0; i < n; ++i) {
        std::u32string rep;
        if (w[i] == U'æ') rep = U"ae";
        else if (w[i] == U'ø') rep = U"oe";
        else if (w[i] == U'å') rep = U"aa";
        if (!rep.empty()) out.push_back({w.substr(0, i) + rep + w.substr(i + 1), ed_special});
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (w[i] == w[i + 1]) continue;
        std::u32string t = w;
        std::swap(t[i], t[i + 1]);
        out.push_back({std::move(t), ed_transpose});
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && w[i] == w[i - 1]) continue;  // the same deletion
        out.push_back({w.substr(0, i) + w.substr(i + 1), ed_delete});
    }
    for (std::size_t i = 0; i < n; ++i)
        for (char32_t c : kAlphabet)
            if (c != w[i]) {
                std::u32string t = w;
                t[i] = c;
                out.push_back({std::move(t), ed_substitute});
            }
    for (std::size_t i = 0; i <= n; ++i)
        for (char32_t c : kAlphabet) {
            if (i > 0 && w[i - 1] == c) continue;  // same as inserting after
            out.push_back({w.substr(0, i) + c + w.substr(i), ed_insert});
        }
    // a run of two or three letters typed twice ("evaluereret", "medmedarbejder")
    for (std::size_t len = 2; len <= 3; ++len)
        for (std::size_t i = 0; i + 2 * len <= n; ++i)
            if (w.compare(i, len, w, i + len, len) == 0) out.push_back({w.substr(0, i) + w.substr(i + len), ed_repeat});
    for (const auto& e1 : kEndings) {
        if (e1.size() >= n || w.compare(n - e1.size(), e1.size(), e1) != 0) continue;
        std::u32string stem = w.substr(0, n - e1.size());
        if (stem.size() < 3) continue;
        for (const auto& e2 : kEndings)
            if (e2 != e1) out.push_back({stem + e2, ed_ending});
    }
    return out;
}

bool checked_kind(const Block& b, bool footnotes) {
    switch (b.kind) {
        case BlockKind::paragraph:
        case BlockKind::heading:
        case BlockKind::list_item:
        case BlockKind::table_cell: return true;
        case BlockKind::footnote: return footnotes;
        case BlockKind::header:
        case BlockKind::footer: return false;
    }
    return false;
}

// Letters in the order Danish text uses them (da_DK's TRY line): among
// insertions or substitutions, the commoner letter is the likelier typo.
int letter_rank(char32_t c) {
    static const std::u32string order = U"esrntliadkogmufbvphæøyjåczéwxq";
    std::size_t p = order.find(c);
    return p == std::u32string::npos ? static_cast<int>(order.size()) : static_cast<int>(p);
}

// Neighbouring keys on a Danish keyboard: 1 on the same row (da_DK's KEY
// line), 2 on the row above or below (staggered by a quarter and half a
// key), the keys a finger slips to; 0 otherwise.
int key_neighbours(char32_t a, char32_t b) {
    static const std::u32string rows[] = {U"qwertyuiopå", U"asdfghjklæø", U"zxcvbnm"};
    static const double offset[] = {0.0, 0.25, 0.75};
    int ra = -1, rb = -1;
    double xa = 0, xb = 0;
    for (int r = 0; r < 3; ++r) {
        if (auto p = rows[r].find(a); p != std::u32string::npos) ra = r, xa = static_cast<double>(p) + offset[r];
        if (auto p = rows[r].find(b); p != std::u32string::npos) rb = r, xb = static_cast<double>(p) + offset[r];
    }
    if (ra < 0 || rb < 0 || a == b) return 0;
    double d = xb - xa;
    if (ra == rb) return d == 1.0 || d == -1.0 ? 1 : 0;
    return (ra - rb == 1 || rb - ra == 1) && d > -1.0 && d < 1.0 ? 2 : 0;
}

// How likely a one-edit candidate is as the intended word, smaller first:
// Hunspell's own order of edits (swapped letters, a neighbouring key on the
// row, a letter too many, one missing, a key above or below, another
// letter, another ending), with a doubled or undoubled letter ("uddanelse",
// "rekrutere") ahead of the rest. Then the commoner letter. Lower-case word
// and candidate.
std::pair<int, int> edit_rank(const std::u32string& w, const std::u32string& c, EditKind kind) {
    std::size_t p = 0;
    while (p < w.size() && p < c.size() && w[p] == c[p]) ++p;
    auto doubled = [](const std::u32string& s, std::size_t i) {
        return i < s.size() && ((i > 0 && s[i - 1] == s[i]) || (i + 1 < s.size() && s[i + 1] == s[i]));
    };
    switch (kind) {
        case ed_special: return {0, 0};
        case ed_transpose: return {2, 0};
        case ed_delete: return {doubled(w, p) ? 1 : 4, 0};  // w had a letter too many
        case ed_insert: return {doubled(c, p) ? 1 : 5, p < c.size() ? letter_rank(c[p]) : 0};
        case ed_substitute: {
            int k = p < w.size() && p < c.size() ? key_neighbours(w[p], c[p]) : 0;
            return {k == 1 ? 3 : k == 2 ? 6 : 7, p < c.size() ? letter_rank(c[p]) : 0};
        }
        case ed_repeat: return {1, 0};
        case ed_ending: return {8, 0};
    }
    return {9, 0};
}

// The edits typists make most: everything but an arbitrary letter put in
// place of another (edit_rank 7). Those are 2 in 5 of the candidates; the
// one-edit search tries them only when the likely edits give no word.
bool likely_edit(const std::u32string& w, const std::u32string& c, EditKind kind) {
    return edit_rank(w, c, kind).first != 7;
}

// The one-edit candidates of `word` that the lexicon accepts, likely edits first.
std::vector<std::pair<std::string, EditKind>> one_edit_words(const std::string& word, Lexicon& lex) {
    std::vector<std::pair<std::string, EditKind>> ok;
    std::u32string w = to_u32(word);
    Casing c = casing_of(w);
    std::u32string low = to_u32(utf8::lower(word));
    std::unordered_set<std::string> seen;
    auto cands = edits1(low);
    for (int pass = 0; pass < 2 && ok.empty(); ++pass)
        for (auto& [cand, kind] : cands) {
            if (cand.empty() || likely_edit(low, cand, kind) != (pass == 0)) continue;
            std::string s = to_utf8(recase(cand, c));
            if (!seen.insert(s).second) continue;
            if (lex.is_word(s)) ok.push_back({s, kind});
        }
    return ok;
}

// "kind word" lines: how the candidates travel between workers.
std::string encode(const std::vector<std::pair<std::string, EditKind>>& ok) {
    std::string s;
    for (const auto& [w, kind] : ok) s += std::to_string(static_cast<int>(kind)) + " " + w + "\n";
    return s;
}
std::vector<std::pair<std::string, EditKind>> decode(const std::string& s) {
    std::vector<std::pair<std::string, EditKind>> ok;
    std::istringstream in(s);
    std::string w;
    int k = 0;
    while (in >> k && in.get() == ' ' && std::getline(in, w))
        if (k >= ed_special && k <= ed_last) ok.emplace_back(w, static_cast<EditKind>(k));
    return ok;
}

// One-edit candidates the lexicon accepts, cached per word across documents.
class EditCache {
public:
    const std::vector<std::pair<std::string, EditKind>>& get(const std::string& word, Lexicon& lex) {
        std::lock_guard<std::mutex> lock(mu_);
        auto key = std::make_pair(lex.id(), word);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        if (cache_.size() > 20000) {
            cache_.clear();
            fresh_.clear();
        }
        // Another worker of the scan may have it, or be working it out (extractor/shared_work.h).
        bool fresh = true;
        const std::string shared = shared_answer(lex.work_share(), "e\x1f" + word, [&] { return encode(one_edit_words(word, lex)); }, &fresh);
        std::vector<std::pair<std::string, EditKind>> ok = decode(shared);
        if (!fresh) return cache_.emplace(key, std::move(ok)).first->second;  // the others have it
        fresh_.push_back(key);
        return cache_.emplace(key, std::move(ok)).first->second;
    }

    std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>> take_new(Lexicon& lex) {
        std::lock_guard<std::mutex> lock(mu_);
        std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>> out;
        for (const auto& key : fresh_) {
            auto it = cache_.find(key);
            if (key.first != lex.id() || it == cache_.end()) continue;
            std::vector<std::pair<std::string, int>> v;
            for (const auto& [w, k] : it->second) v.emplace_back(w, static_cast<int>(k));
            out.emplace_back(key.second, std::move(v));
        }
        fresh_.clear();
        return out;
    }

    void put(Lexicon& lex, const std::string& word, const std::vector<std::pair<std::string, int>>& v) {
        std::lock_guard<std::mutex> lock(mu_);
        if (cache_.size() > 20000) cache_.clear();
        std::vector<std::pair<std::string, EditKind>> ok;
        for (const auto& [w, k] : v)
            if (k >= ed_special && k <= ed_last) ok.emplace_back(w, static_cast<EditKind>(k));
        cache_.try_emplace(std::make_pair(lex.id(), word), std::move(ok));
    }

private:
    std::mutex mu_;
    std::map<std::pair<std::uint64_t, std::string>, std::vector<std::pair<std::string, EditKind>>> cache_;
    std::vector<std::pair<std::uint64_t, std::string>> fresh_;
};

EditCache& edit_cache() {
    static EditCache c;
    return c;
}

}  // namespace

SuggestionMemo take_suggestion_memo(Lexicon& lex) {
    SuggestionMemo m;
    m.hunspell = lex.take_new_suggestions();
    m.edits = edit_cache().take_new(lex);
    return m;
}

void add_suggestion_memo(Lexicon& lex, const SuggestionMemo& memo) {
    for (const auto& [w, list] : memo.hunspell) lex.add_suggestions(w, list);
    for (const auto& [w, v] : memo.edits) edit_cache().put(lex, w, v);
}

namespace {

// Suggestions for a plain word (no hyphens).
std::vector<std::string> suggest_plain(const std::string& word, Lexicon& lex, std::size_t max,
                                       const std::unordered_map<std::string, int>* context) {
    std::vector<std::string> out;
    if (max == 0 || word.empty()) return out;
    const auto& edits = edit_cache().get(word, lex);
    auto push = [&](const std::string& s) {
        if (out.size() < max && s != word && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    // 1. One edit away and used correctly elsewhere in the document (any
    // edit: a hash lookup each, no lexicon).
    std::u32string low32 = to_u32(utf8::lower(word));
    if (context && !context->empty()) {
        Casing c = casing_of(to_u32(word));
        std::vector<std::tuple<int, int, std::string>> ranked;  // -count, kind, word
        std::unordered_set<std::u32string> seen;
        for (const auto& [cand, kind] : edits1(low32)) {
            if (cand.empty() || !seen.insert(cand).second) continue;
            auto it = context->find(to_utf8(cand));
            if (it != context->end() && it->second > 0)
                ranked.push_back({-it->second, kind, to_utf8(recase(cand, c))});
        }
        std::sort(ranked.begin(), ranked.end());
        for (const auto& r : ranked) push(std::get<2>(r));
    }
    // 2. The other one-edit words: dictionary words before words Hunspell
    // accepts only as compounds (it never suggests those), then by edit_rank
    // (æ/ø/å written as ae/oe/aa first: almost always what was meant).
    std::vector<std::tuple<bool, std::pair<int, int>, std::size_t>> ranked;  // compound, rank, index
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const auto& [s, kind] = edits[i];
        ranked.push_back({kind != ed_special && lex.is_compound(s), edit_rank(low32, to_u32(utf8::lower(s)), kind), i});
    }
    std::stable_sort(ranked.begin(), ranked.end());
    for (const auto& r : ranked) push(edits[std::get<2>(r)].first);
    if (!out.empty()) return out;
    // 3. Nothing one edit away: Hunspell's suggestions (~80 ms a word, cached
    // in the lexicon), which reach further (its n-gram search). Asked only
    // here: its one-edit words are among ours, and words two edits away
    // beside a one-edit word are noise more often than help.
    for (const auto& s : lex.suggest(word, max)) push(s);
    return out;
}

std::string lower_key(std::string_view s) { return utf8::lower(s); }

// a and b one deletion, insertion, substitution or adjacent transposition apart.
bool one_edit(const std::u32string& a, const std::u32string& b) {
    const std::u32string& s = a.size() <= b.size() ? a : b;
    const std::u32string& l = a.size() <= b.size() ? b : a;
    if (l.size() - s.size() > 1) return false;
    std::size_t p = 0;
    while (p < s.size() && s[p] == l[p]) ++p;
    if (s.size() == l.size()) {
        if (p == s.size()) return false;
        if (s.compare(p + 1, std::u32string::npos, l, p + 1, std::u32string::npos) == 0) return true;
        return p + 1 < s.size() && s[p] == l[p + 1] && s[p + 1] == l[p] &&
               s.compare(p + 2, std::u32string::npos, l, p + 2, std::u32string::npos) == 0;
    }
    return s.compare(p, std::u32string::npos, l, p + 1, std::u32string::npos) == 0;
}

std::size_t common_suffix(const std::u32string& a, const std::u32string& b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
    return n;
}

// A correct word of the document: how often, where, first seen.
struct Seen {
    int count = 0;
    std::vector<int> pages;
    std::size_t first = 0;
    std::string shown;  // the first spelling seen
};

// Near-miss compounds (SpellingOptions::is_compound): returns lower-case
// word → the more frequent neighbour.
std::map<std::string, std::string> near_miss_compounds(const std::unordered_map<std::string, Seen>& seen,
                                                       const std::function<bool(std::string_view)>& is_compound) {
    std::map<std::string, std::string> out;
    // Deletion index of the frequent words (SymSpell, distance 1).
    std::unordered_map<std::u32string, std::vector<const std::string*>> index;
    std::unordered_map<const std::string*, std::u32string> wide;
    for (const auto& [w, s] : seen) {
        if (s.count < 2 || w.find('-') != std::string::npos || w.find('\'') != std::string::npos) continue;
        std::u32string u = to_u32(w);
        if (u.size() < 5) continue;
        wide[&w] = u;
        index[u].push_back(&w);
        for (std::size_t i = 0; i < u.size(); ++i) index[u.substr(0, i) + u.substr(i + 1)].push_back(&w);
    }
    if (index.empty()) return out;
    for (const auto& [w, s] : seen) {
        if (w.find('-') != std::string::npos || w.find('\'') != std::string::npos) continue;
        std::u32string u = to_u32(w);
        if (u.size() < 5) continue;
        const std::string* best = nullptr;
        int best_count = 0;
        auto consider = [&](const std::u32string& key) {
            auto it = index.find(key);
            if (it == index.end()) return;
            for (const std::string* v : it->second) {
                if (*v == w) continue;
                int n = seen.at(*v).count;
                if (n < 2 || n <= s.count || n <= best_count) continue;
                const std::u32string& vu = wide[v];
                if (common_suffix(u, vu) < 3 || !one_edit(u, vu)) continue;
                best = v;
                best_count = n;
            }
        };
        consider(u);
        for (std::size_t i = 0; i < u.size(); ++i) consider(u.substr(0, i) + u.substr(i + 1));
        if (best && is_compound(s.shown)) out[w] = *best;
    }
    return out;
}

}  // namespace

void load_word_lists(Lexicon& lex, const std::vector<std::string>& paths) {
    static std::mutex mu;
    static std::set<std::pair<std::uint64_t, std::string>> loaded;
    std::lock_guard<std::mutex> lock(mu);
    for (const auto& p : paths) {
        if (loaded.count({lex.id(), p})) continue;
        lex.add_word_list(p);
        loaded.insert({lex.id(), p});
    }
}

bool token_known(const Token& t, Lexicon& lex) {
    switch (t.kind) {
        case TokenKind::acronym:
        case TokenKind::number:
        case TokenKind::code:
        case TokenKind::url:
        case TokenKind::email:
        case TokenKind::filename: return true;
        case TokenKind::abbreviation:
            // Letter groups of at most four letters with inner full stops
            // (f.eks., bl.a., t.o.m., a.m.b.a.): accepted unchecked, known or not.
            return true;
        case TokenKind::prefix: {
            if (has_digit(t.word)) return true;
            auto parts = split_hyphens(t.word);
            for (std::size_t i = 0; i < parts.size(); ++i)
                if (!part_known(parts[i], false, false, lex)) return false;
            return true;
        }
        case TokenKind::word: break;
    }
    const std::string& w = t.word;
    if (utf8::length(w) <= 1) return true;
    if (lex.is_word(w)) return true;
    if (t.dot_after && lex.is_word(w + ".")) return true;  // "jf.", "svt."
    if (w.find('-') != std::string::npos) {
        auto parts = split_hyphens(w);
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (!part_known(parts[i], i + 1 == parts.size(), t.dot_after, lex)) return false;
        return true;
    }
    return false;
}

std::string token_display(const Token& t) {
    if (t.kind == TokenKind::prefix) return t.word + "-";
    return t.word;
}

std::vector<UnknownWord> unknown_words(std::string_view text, Lexicon& lex, int* words) {
    std::vector<UnknownWord> out;
    int n = 0;
    for (const auto& t : tokenize_words(text)) {
        if (!t.is_word_like()) continue;
        ++n;
        if (!token_known(t, lex)) out.push_back({t.begin, t.end, token_display(t)});
    }
    if (words) *words = n;
    return out;
}

std::vector<std::string> spelling_suggestions(std::string_view word_in, Lexicon& lex, std::size_t max,
                                              const std::unordered_map<std::string, int>* context) {
    std::string word(word_in);
    // A suspended compound's first part: suggest for the stem.
    if (word.size() > 1 && word.back() == '-') {
        auto r = spelling_suggestions(word.substr(0, word.size() - 1), lex, max, context);
        for (auto& s : r) s.push_back('-');
        return r;
    }
    if (word.find('-') != std::string::npos) {
        auto parts = split_hyphens(word);
        std::vector<std::size_t> bad;
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (!part_known(parts[i], i + 1 == parts.size(), false, lex)) bad.push_back(i);
        if (bad.size() == 1) {
            std::vector<std::string> out;
            for (const auto& s : suggest_plain(parts[bad[0]], lex, max, context)) {
                std::string whole;
                for (std::size_t i = 0; i < parts.size(); ++i) {
                    if (i) whole.push_back('-');
                    whole += i == bad[0] ? s : parts[i];
                }
                out.push_back(whole);
            }
            return out;
        }
    }
    return suggest_plain(word, lex, max, context);
}

namespace {

// Which blocks are checked: the kinds the options ask for, not OCR'd text
// (its misreadings are not the municipality's misspellings: counted, not
// checked) and not tables with more numbers than words (tables of figures).
class CheckedBlocks {
public:
    CheckedBlocks(const Document& doc, const SpellingOptions& opts, SpellingResult& r) : opts_(opts), r_(r) {
        for (const auto& b : doc.blocks) {
            if (b.kind != BlockKind::table_cell) continue;
            auto& c = tables_[b.table];
            for (const auto& t : tokenize_words(b.text)) {
                if (t.is_word_like()) ++c.first;
                else if (t.kind == TokenKind::number || t.kind == TokenKind::code) ++c.second;
            }
        }
    }
    bool operator()(const Block& b) const {
        if (!checked_kind(b, opts_.footnotes)) return false;
        if (b.ocr) {
            for (const auto& t : tokenize_words(b.text))
                if (t.is_word_like()) ++r_.ocr_words_not_checked;
            return false;
        }
        if (b.kind == BlockKind::table_cell) {
            auto it = tables_.find(b.table);
            if (it != tables_.end() && it->second.second > it->second.first) return false;
        }
        return true;
    }
    // Like operator() but without counting OCR words again.
    bool quiet(const Block& b) const { return !b.ocr && (*this)(b); }

private:
    const SpellingOptions& opts_;
    SpellingResult& r_;
    std::map<int, std::pair<int, int>> tables_;  // table → (words, numbers)
};

// The unknown words of a document, each once with its count and pages, and
// the correct words seen (for near misses and as suggestion context).
struct Collected {
    std::vector<SpellingEntry> entries;
    std::vector<std::size_t> firsts;  // word position of each entry's first occurrence
    std::vector<bool> near;           // entry is a near-miss compound, already suggested
    std::unordered_map<std::string, Seen> seen;
};

Collected collect_words(const Document& doc, const CheckedBlocks& checked, Lexicon& lex, const SpellingOptions& opts,
                        SpellingResult& r) {
    Collected col;
    std::unordered_map<std::string, std::size_t> index;  // lower-case word → entry
    std::size_t pos = 0;
    for (const auto& b : doc.blocks) {
        if (!checked(b)) continue;
        for (const auto& t : tokenize_words(b.text)) {
            if (!t.is_word_like()) continue;
            ++r.words_checked;
            ++pos;
            if (token_known(t, lex)) {
                if (t.kind != TokenKind::word) continue;
                auto& s = col.seen[lower_key(t.word)];
                if (s.count++ == 0) {
                    s.first = pos;
                    s.shown = t.word;
                }
                if (opts.is_compound && b.page > 0) s.pages.push_back(b.page);
                continue;
            }
            std::string shown = token_display(t);
            auto [it, fresh] = index.emplace(lower_key(shown), col.entries.size());
            if (fresh) {
                SpellingEntry e;
                e.word = shown;
                col.entries.push_back(std::move(e));
                col.firsts.push_back(pos);
            }
            auto& e = col.entries[it->second];
            ++e.count;
            if (b.page > 0) e.pages.push_back(b.page);  // 0: not known (a DOCX without page breaks)
        }
    }
    col.near.assign(col.entries.size(), false);
    return col;
}

// Correct words written apart from a more frequent compound (or the other
// way round): entries with that compound as their one suggestion.
void add_near_misses(Collected& col, const SpellingOptions& opts) {
    if (!opts.is_compound) return;
    for (const auto& [w, v] : near_miss_compounds(col.seen, opts.is_compound)) {
        const Seen& s = col.seen[w];
        SpellingEntry e;
        e.word = s.shown;
        e.count = s.count;
        e.pages = s.pages;
        e.suggestions.push_back(to_utf8(recase(to_u32(v), casing_of(to_u32(s.shown)))));
        if (!opts.suggestions || opts.max_suggestions == 0) e.suggestions.clear();
        col.entries.push_back(std::move(e));
        col.firsts.push_back(s.first);
        col.near.push_back(true);
    }
}

// Suggestions for the first max_suggested_words unknown words, the
// document's own correct words weighing in. A word another worker of the
// scan is on right now comes last: by then its answer is there
// (extractor/shared_work.h).
void add_suggestions(Collected& col, Lexicon& lex, const SpellingOptions& opts) {
    if (!opts.suggestions) return;
    std::unordered_map<std::string, int> context;  // correct words → count
    context.reserve(col.seen.size());
    for (const auto& [w, s] : col.seen) context[w] = s.count;
    std::vector<std::size_t> todo, later;
    for (std::size_t i = 0; i < col.entries.size() && todo.size() < opts.max_suggested_words; ++i)
        if (!col.near[i]) todo.push_back(i);
    {
        WorkShare::Defer defer(lex.work_share());
        for (std::size_t i : todo) {
            try {
                col.entries[i].suggestions = spelling_suggestions(col.entries[i].word, lex, opts.max_suggestions, &context);
            } catch (const WorkShare::Busy&) {
                later.push_back(i);
            }
        }
    }
    for (std::size_t i : later)
        col.entries[i].suggestions = spelling_suggestions(col.entries[i].word, lex, opts.max_suggestions, &context);
}

std::vector<SpellingEntry> in_document_order(Collected& col) {
    std::vector<std::size_t> order(col.entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return col.firsts[x] < col.firsts[y]; });
    std::vector<SpellingEntry> sorted;
    sorted.reserve(col.entries.size());
    for (std::size_t i : order) sorted.push_back(std::move(col.entries[i]));
    return sorted;
}

// Footnote digits detached from a word by normalisation: a note, not a misspelling.
std::vector<SpellingEntry> footnote_marks(const Document& doc, const NormaliseReport& norm, const CheckedBlocks& checked) {
    std::unordered_map<std::string, std::size_t> marks;
    std::vector<SpellingEntry> notes;
    for (const auto& m : norm.footnote_markers) {
        if (m.block >= doc.blocks.size() || !checked.quiet(doc.blocks[m.block])) continue;
        std::string shown = m.word + m.digits;
        auto [it, fresh] = marks.emplace(shown, notes.size());
        if (fresh) {
            SpellingEntry e;
            e.word = shown;
            e.footnote_marker = true;
            notes.push_back(std::move(e));
        }
        ++notes[it->second].count;
        if (m.page > 0) notes[it->second].pages.push_back(m.page);
    }
    return notes;
}

}  // namespace

SpellingResult check_spelling(const Document& doc, const NormaliseReport& norm, Lexicon& lex,
                              const SpellingOptions& opts) {
    load_word_lists(lex, opts.word_lists);
    SpellingResult r;
    r.checked = true;
    const CheckedBlocks checked(doc, opts, r);
    Collected col = collect_words(doc, checked, lex, opts, r);
    add_near_misses(col, opts);
    add_suggestions(col, lex, opts);
    std::vector<SpellingEntry> entries = in_document_order(col);
    for (auto& e : footnote_marks(doc, norm, checked)) entries.push_back(std::move(e));
    for (auto& e : entries) {
        std::sort(e.pages.begin(), e.pages.end());
        e.pages.erase(std::unique(e.pages.begin(), e.pages.end()), e.pages.end());
    }
    r.unknown = std::move(entries);
    return r;
}

}  // namespace plantjek
