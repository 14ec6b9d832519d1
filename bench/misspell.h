// The misspelling generator of the spelling quality bench (issue 6), shared
// by bench/spelling_quality.cpp (`generate`) and the corpus recall test in
// tests/test_spelling.cpp. Header-only; needs Hunspell and the extractor and
// rules libraries. Reproducible: the same corpus words and seed give the same
// misspellings on every platform.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <unistd.h>

#include <hunspell/hunspell.hxx>

#include "extractor/data_dir.h"
#include "extractor/document.h"
#include "extractor/lexicon.h"
#include "extractor/utf8.h"
#include "rules/spelling.h"
#include "rules/tokenize.h"

namespace plantjek::bench {

struct Rng {  // splitmix64: the same sequence on every platform
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
};

inline std::u32string u32(std::string_view s) {
    std::u32string r;
    std::size_t i = 0;
    while (i < s.size()) r.push_back(utf8::next(s, i));
    return r;
}
inline std::string u8(std::u32string_view s) {
    std::string r;
    for (char32_t c : s) utf8::append(r, c);
    return r;
}

// A Danish keyboard: neighbours of a key (same row ±1, the rows above and below).
inline const std::vector<std::u32string> kRows = {U"qwertyuiopå", U"asdfghjklæø", U"zxcvbnm"};
inline std::u32string neighbours(char32_t c) {
    const double off[] = {0.0, 0.25, 0.75};
    double x = -1;
    int row = -1;
    for (int r = 0; r < 3; ++r) {
        auto p = kRows[r].find(c);
        if (p != std::u32string::npos) {
            row = r;
            x = p + off[r];
        }
    }
    std::u32string out;
    if (row < 0) return out;
    for (int r = std::max(0, row - 1); r <= std::min(2, row + 1); ++r)
        for (std::size_t i = 0; i < kRows[r].size(); ++i) {
            double d = (i + off[r]) - x;
            if (kRows[r][i] == c) continue;
            if ((r == row && (d == 1.0 || d == -1.0)) || (r != row && d > -1.0 && d < 1.0)) out.push_back(kRows[r][i]);
        }
    return out;
}

inline bool is_vowel(char32_t c) { return std::u32string_view(U"aeiouyæøå").find(c) != std::u32string_view::npos; }
inline bool is_cons(char32_t c) { return c >= U'a' && c <= U'z' && !is_vowel(c); }

// Endings confused with each other in Danish writing.
inline const std::vector<std::pair<std::u32string, std::u32string>> kEndingSwaps = {
    {U"ende", U"ede"}, {U"ede", U"ende"},   {U"ene", U"erne"}, {U"erne", U"ene"}, {U"ernes", U"enes"},
    {U"enes", U"ernes"}, {U"et", U"ede"},   {U"ede", U"et"},   {U"te", U"de"},    {U"de", U"te"},
    {U"ere", U"er"},   {U"er", U"ere"},     {U"ige", U"igt"},  {U"igt", U"ige"},  {U"lig", U"ligt"},
    {U"ligt", U"lig"}, {U"ende", U"ene"},   {U"else", U"elser"}, {U"elser", U"else"}, {U"ning", U"ninger"},
    {U"ninger", U"ning"}, {U"heden", U"hed"}, {U"en", U"et"},  {U"et", U"en"},    {U"tet", U"tede"},
    {U"ere", U"erer"}, {U"rer", U"re"}, {U"ens", U"ers"}, {U"ers", U"ens"}};

inline constexpr const char* kKinds[] = {"deletion", "insertion", "transposition", "substitution",
                        "ae-oe-aa", "doubled-consonant", "missing-consonant", "ending"};

// One misspelling of w (lower case code points) of the given kind, or empty.
inline std::u32string misspell(const std::u32string& w, int kind, Rng& rng) {
    const std::size_t n = w.size();
    switch (kind) {
        case 0: {  // deletion
            std::size_t i = rng.below(n);
            return w.substr(0, i) + w.substr(i + 1);
        }
        case 1: {  // insertion: a neighbouring key or a repeated letter
            std::size_t i = rng.below(n);
            char32_t c = w[i];
            auto nb = neighbours(c);
            char32_t ins = (nb.empty() || rng.below(3) == 0) ? c : nb[rng.below(nb.size())];
            return w.substr(0, i + 1) + ins + w.substr(i + 1);
        }
        case 2: {  // transposition of two different neighbours
            for (int tries = 0; tries < 10; ++tries) {
                std::size_t i = rng.below(n - 1);
                if (w[i] == w[i + 1]) continue;
                std::u32string t = w;
                std::swap(t[i], t[i + 1]);
                return t;
            }
            return {};
        }
        case 3: {  // substitution by a neighbouring key
            std::size_t i = rng.below(n);
            auto nb = neighbours(w[i]);
            if (nb.empty()) return {};
            std::u32string t = w;
            t[i] = nb[rng.below(nb.size())];
            return t;
        }
        case 4: {  // æ/ø/å written ae/oe/aa
            std::vector<std::size_t> at;
            for (std::size_t i = 0; i < n; ++i)
                if (w[i] == U'æ' || w[i] == U'ø' || w[i] == U'å') at.push_back(i);
            if (at.empty()) return {};
            std::size_t i = at[rng.below(at.size())];
            const char32_t* rep = w[i] == U'æ' ? U"ae" : w[i] == U'ø' ? U"oe" : U"aa";
            return w.substr(0, i) + rep + w.substr(i + 1);
        }
        case 5: {  // a single consonant doubled (not the first letter)
            std::vector<std::size_t> at;
            for (std::size_t i = 1; i < n; ++i)
                if (is_cons(w[i]) && w[i - 1] != w[i] && (i + 1 == n || w[i + 1] != w[i])) at.push_back(i);
            if (at.empty()) return {};
            std::size_t i = at[rng.below(at.size())];
            return w.substr(0, i + 1) + w[i] + w.substr(i + 1);
        }
        case 6: {  // a double consonant made single
            std::vector<std::size_t> at;
            for (std::size_t i = 0; i + 1 < n; ++i)
                if (is_cons(w[i]) && w[i] == w[i + 1]) at.push_back(i);
            if (at.empty()) return {};
            std::size_t i = at[rng.below(at.size())];
            return w.substr(0, i) + w.substr(i + 1);
        }
        case 7: {  // wrong inflection ending
            std::vector<std::size_t> ok;
            for (std::size_t k = 0; k < kEndingSwaps.size(); ++k) {
                const auto& e = kEndingSwaps[k].first;
                if (n > e.size() + 2 && w.compare(n - e.size(), e.size(), e) == 0) ok.push_back(k);
            }
            if (ok.empty()) return {};
            const auto& [from, to] = kEndingSwaps[ok[rng.below(ok.size())]];
            return w.substr(0, n - from.size()) + to;
        }
    }
    return {};
}

// da_DK without compounding: "is this a listed Danish word form?"
inline std::unique_ptr<Hunspell> plain_hunspell(const std::filesystem::path& tmp) {
    std::string dir = "/usr/share/hunspell";
    if (const char* env = std::getenv("PLANTJEK_HUNSPELL_DIR"); env && *env) dir = env;
    std::ifstream in(dir + "/da_DK.aff");
    std::ofstream out(tmp / "da_plain.aff");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("COMPOUNDBEGIN", 0) == 0 || line.rfind("COMPOUNDMIDDLE", 0) == 0 ||
            line.rfind("COMPOUNDEND", 0) == 0 || line.rfind("COMPOUNDFLAG", 0) == 0 ||
            line.rfind("COMPOUNDPERMITFLAG", 0) == 0 || line.rfind("COMPOUNDRULE", 0) == 0)
            continue;
        out << line << "\n";
    }
    out.close();
    return std::make_unique<Hunspell>((tmp / "da_plain.aff").c_str(), (dir + "/da_DK.dic").c_str());
}

// The blocks the check reads (same rule as check_spelling: body kinds, and
// table cells unless the table has more numbers than words).
inline std::vector<const Block*> body_blocks(const Document& doc) {
    std::map<int, std::pair<int, int>> tables;
    for (const auto& b : doc.blocks)
        if (b.kind == BlockKind::table_cell)
            for (const auto& t : tokenize_words(b.text)) {
                if (t.is_word_like()) ++tables[b.table].first;
                else if (t.kind == TokenKind::number || t.kind == TokenKind::code) ++tables[b.table].second;
            }
    std::vector<const Block*> out;
    for (const auto& b : doc.blocks) {
        if (b.kind == BlockKind::header || b.kind == BlockKind::footer || b.kind == BlockKind::footnote) continue;
        if (b.kind == BlockKind::table_cell && tables[b.table].second > tables[b.table].first) continue;
        out.push_back(&b);
    }
    return out;
}

struct CorpusWords {
    std::vector<std::pair<std::string, std::string>> tokens;  // word, plan id
    std::unordered_set<std::string> known;                   // lower-case correct words of the corpus
};

// Adds the correct words of one normalised plan (its injected typos, lower
// case, left out): every known word to `known`; to `tokens` the words of four
// or more letters only, not all capitals, without hyphen or apostrophe.
inline void add_corpus_words(CorpusWords& cw, const Document& doc, const std::string& plan,
                             const std::set<std::string>& typos, Lexicon& lex) {
    for (const Block* b : body_blocks(doc))
        for (const auto& t : tokenize_words(b->text)) {
            if (t.kind != TokenKind::word) continue;
            std::string low = utf8::lower(t.word);
            if (typos.count(low) || !token_known(t, lex)) continue;
            cw.known.insert(low);
            if (t.word.find('-') != std::string::npos || t.apostrophe) continue;
            if (utf8::length(t.word) < 4 || is_all_caps_word(t.word)) continue;
            bool letters = true;
            for (char32_t c : u32(t.word)) letters = letters && utf8::is_letter(c);
            if (letters) cw.tokens.push_back({t.word, plan});
        }
}

// Calls f with each entry of the domain word lists (<data_dir>/dictionaries/
// *.txt): a line without its '#' comment and trailing space, when not empty.
template <class F>
void for_each_domain_word(F f) {
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(data_dir()) / "dictionaries")) {
        if (e.path().extension() != ".txt") continue;
        std::ifstream in(e.path());
        std::string line;
        while (std::getline(in, line)) {
            if (auto h = line.find('#'); h != std::string::npos) line.erase(h);
            while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
            if (!line.empty()) f(line);
        }
    }
}

// The domain words, lower case.
inline std::unordered_set<std::string> domain_words() {
    std::unordered_set<std::string> domain;
    for_each_domain_word([&](const std::string& w) { domain.insert(utf8::lower(w)); });
    return domain;
}

struct Misspelling {
    std::string misspelling, intended, kind, plan;
};

struct Generated {
    std::vector<Misspelling> typos;
    std::map<std::string, int> kept, excluded;  // per kind; excluded = valid words left out
    int valid_left_out() const {
        int n = 0;
        for (const auto& [k, v] : excluded) n += v;
        return n;
    }
};

// n misspellings of words of cw.tokens (the kinds in turn), reproducible from
// seed. A misspelling that is valid Danish — a word form of da_DK without
// compounding, a word the corpus uses, or a domain word — is left out and
// counted, as is a repeat.
inline Generated generate_misspellings(const CorpusWords& cw, int n, std::uint64_t seed) {
    Generated g;
    if (cw.tokens.empty()) return g;
    namespace fs = std::filesystem;
    fs::path tmp = fs::temp_directory_path() / ("spelling_quality_" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    auto plain = plain_hunspell(tmp);
    // Domain words count as valid.
    std::unordered_set<std::string> domain = domain_words();
    Rng rng{seed};
    std::set<std::string> seen;
    int made = 0, attempts = 0;
    const int kinds = 8;
    while (made < n && attempts < n * 200) {
        int kind = made % kinds;
        ++attempts;
        const auto& [word, plan] = cw.tokens[rng.below(cw.tokens.size())];
        std::u32string w = u32(word);
        bool cap = utf8::is_upper(w[0]);
        std::u32string low = u32(utf8::lower(word));
        std::u32string m = misspell(low, kind, rng);
        if (m.empty() || m == low || m.size() < 2) continue;
        if (cap) {
            char32_t c = m[0];
            if (c >= U'a' && c <= U'z') m[0] = c - 32;
            else if (c >= 0xE0 && c <= 0xFE) m[0] = c - 32;
        }
        std::string ms = u8(m);
        if (!seen.insert(ms).second) continue;
        std::string mlow = utf8::lower(ms);
        if (plain->spell(ms) || cw.known.count(mlow) || domain.count(mlow)) {
            ++g.excluded[kKinds[kind]];
            continue;
        }
        ++g.kept[kKinds[kind]];
        ++made;
        g.typos.push_back({ms, word, kKinds[kind], plan});
    }
    fs::remove_all(tmp);
    return g;
}

}  // namespace plantjek::bench
