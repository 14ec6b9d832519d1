// Danish spelling of a plan's body text: Hunspell (da_DK) plus the domain
// word lists in dictionaries/, with a tokenizer that knows plan text.
//
// Why: a municipality only reads a spelling report that flags real errors.
// The check therefore
//   - reads body text only: paragraphs, headings, list items, and the cells
//     of tables that are mostly words (a table with more numbers than words
//     is a table of figures and is skipped); never running headers/footers,
//     and not footnotes (source references, URLs and titles of publications,
//     often in English) unless SpellingOptions::footnotes is set;
//   - skips what is not a word (see rules/tokenize.h): numbers, account
//     codes, URLs, e-mail addresses, file names, letters glued to digits
//     (FOLK1A, 3F), and accepts acronyms of 2–5 capitals (LBR, RBR'erne);
//   - reports footnote digits that normalisation detached from a word
//     ("kommunen1") as separate entries with footnote_marker set, never as
//     misspellings;
//   - reports each unknown word once (case-insensitively grouped, first
//     spelling shown) with its count, its pages and up to three suggestions,
//     in order of first occurrence.
//
// Suggestions: words one edit away (deletion, insertion, substitution,
// transposition, ae/oe/aa → æ/ø/å, a run of letters typed twice, another
// inflection ending) that the lexicon accepts, compounds included (Hunspell
// never suggests compounds: MAXCPDSUGS 0 in da_DK). Those used correctly
// elsewhere in the same document come first (any edit: a hash lookup each),
// then dictionary words before compounds, each group in the order Hunspell
// ranks its own edits (a doubled or undoubled letter, swapped letters, a
// neighbouring key, a letter too many, one missing, another letter). An
// arbitrary letter in place of another (not a neighbouring key) — two in
// five of the candidates, and the usual source of nonsense compounds — is
// tried only when the likely edits give no word. Only when nothing is one
// edit away is Hunspell's suggest() asked (~80 ms a word; its n-gram search
// reaches further). The one-edit search costs ~25 ms a word on average, up
// to ~150 ms for a long compound. Both are cached across the documents of a
// run, and at most `max_suggested_words` distinct words per document get
// suggestions. Without suggestions the check costs a few milliseconds per
// page (one cached lexicon lookup per distinct word).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/document.h"
#include "extractor/lexicon.h"
#include "extractor/normalise.h"
#include "rules/result.h"
#include "rules/tokenize.h"

namespace plantjek {

struct SpellingOptions {
    bool suggestions = true;                 // --no-suggestions turns this off
    std::size_t max_suggestions = 3;         // per word
    std::size_t max_suggested_words = 150;   // per document; the rest get none
    std::vector<std::string> word_lists;     // --words FILE and the config's lists
    bool footnotes = false;                  // also check footnote text
    // Near-miss compounds. Hunspell's compounding accepts some typos
    // ("borgerettede" = borge+rettede, "landplan"). When this is set (true
    // when Hunspell accepts the word only as a compound: Hunspell::spell's
    // SPELL_COMPOUND), a word accepted only as a compound is reported when a
    // word one edit away (not in the last three letters, so inflections such
    // as -en/-ens/-er never count) occurs at least twice and more often in the
    // same document. Costs one hash lookup per letter of each distinct word.
    std::function<bool(std::string_view)> is_compound;
};

// Loads user word lists into the lexicon, each path once per lexicon.
// Throws std::runtime_error when a list cannot be read.
void load_word_lists(Lexicon& lex, const std::vector<std::string>& paths);

// Is this word-like token correct? (numbers, URLs etc. are always "known").
bool token_known(const Token& t, Lexicon& lex);

// The word as the report shows it ("kontanthjælps-" for a prefix).
std::string token_display(const Token& t);

struct UnknownWord {
    std::size_t begin = 0, end = 0;  // bytes in the text
    std::string word;                // as reported
};

// The unknown words of one text, in order. `words` (optional) receives the
// number of word-like tokens.
std::vector<UnknownWord> unknown_words(std::string_view text, Lexicon& lex, int* words = nullptr);

// Up to `max` corrections for `word`, best first (see above). `context`
// (optional) maps words known to occur correctly in the same document to
// their counts.
std::vector<std::string> spelling_suggestions(std::string_view word, Lexicon& lex, std::size_t max = 3,
                                              const std::unordered_map<std::string, int>* context = nullptr);

// The suggestion work done since the last call, for the other workers of a
// scan: Hunspell's lists and the one-edit words the lexicon accepts, per
// unknown word. Both depend only on the word and the word lists, never on
// the document, so a worker given them suggests exactly what it would have
// found itself — sooner.
struct SuggestionMemo {
    std::vector<std::pair<std::string, std::vector<std::string>>> hunspell;
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>> edits;
    bool empty() const { return hunspell.empty() && edits.empty(); }
};
SuggestionMemo take_suggestion_memo(Lexicon& lex);
void add_suggestion_memo(Lexicon& lex, const SuggestionMemo& memo);

// The check of one normalised document.
SpellingResult check_spelling(const Document& doc, const NormaliseReport& norm, Lexicon& lex,
                              const SpellingOptions& opts = {});

}  // namespace plantjek
