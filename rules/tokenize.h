// Words of Danish plan text, as the spelling check sees them.
//
// Why: a general tokenizer (or Hunspell's own) flags what every plan is full
// of — account codes (5.68.90), URLs, e-mail addresses, file names,
// abbreviations with dots (jf., f.eks., bl.a.), acronym endings (LBR's,
// RBR'erne) and suspended compounds (kontanthjælps- og …). This one knows
// those shapes, so the check only ever asks the lexicon about real words.
//
// Rules, in order, for each white-space separated chunk:
//   - surrounding punctuation (quotes, brackets, commas, a final full stop)
//     is not part of the token; a full stop right after it is remembered;
//   - URLs (scheme://, www., a name ending in a known top-level domain such
//     as jobindsats.dk), e-mail addresses and file names (report.pdf,
//     paths) are skipped;
//   - the rest is split at '/' and other inner punctuation (og/eller);
//   - no letters → number (2019, 1.000, 5.68.90, 25-30): skipped;
//   - letters and digits glued (FOLK1A, 3F, 2a) → code: skipped, except
//     hyphenated compounds whose numeric parts are skipped (25-årige);
//   - an apostrophe ending of at most five lower-case letters is removed
//     (LBR's → LBR, RBR'erne → RBR); ’ ´ ` count as apostrophes;
//   - inner full stops between short letter groups make an abbreviation
//     (f.eks., bl.a., m.fl.); the final full stop is kept in `word`;
//   - a trailing hyphen before white space makes the first part of a
//     suspended compound ("kontanthjælps- og …") → TokenKind::prefix;
//   - a leading hyphen ("… og -konsulenter") is dropped;
//   - all capitals, 2 to 5 letters → TokenKind::acronym (accepted unchecked),
//     also with a Danish ending and no apostrophe ("LBRs", "STARs").
//   - a decimal comma between digits stays inside the number ("1.234,5").
// Cost: linear in the text, one small allocation per token.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plantjek {

enum class TokenKind {
    word,          // checked against the lexicon (may contain hyphens: "IT-systemer")
    abbreviation,  // letters with inner full stops ("f.eks.", "bl.a.")
    acronym,       // all capitals, 2..5 letters ("LBR", "STAR"): accepted
    prefix,        // first part of a suspended compound ("kontanthjælps-")
    number,        // no letters: 2019, 1.000, 5.68.90, 12,5, 25-30
    code,          // letters glued to digits: FOLK1A, REGK53, 3F
    url,           // https://…, www.…, jobindsats.dk
    email,         // navn@kommune.dk
    filename,      // plan.pdf, C:\data\x.docx, /dir/file
};

const char* token_kind_name(TokenKind k);

struct Token {
    std::size_t begin = 0, end = 0;  // byte range in the text, without surrounding punctuation
    std::string word;                // the form to look up: apostrophe ending removed, an
                                     // abbreviation's final full stop kept, a prefix without '-'
    TokenKind kind = TokenKind::word;
    bool dot_after = false;          // a full stop directly follows (kept in `word` only for
                                     // abbreviations; "jf." is looked up as "jf." when "jf" fails)
    bool apostrophe = false;         // an apostrophe ending was removed ("LBR's")

    // Word-like tokens count as words and are checked (acronyms count, but pass).
    bool is_word_like() const {
        return kind == TokenKind::word || kind == TokenKind::abbreviation || kind == TokenKind::acronym ||
               kind == TokenKind::prefix;
    }
};

// All tokens of `text` (UTF-8), in order, including the skipped kinds.
std::vector<Token> tokenize_words(std::string_view text);

// True when s (UTF-8) has letters, all of them capitals.
bool is_all_caps_word(std::string_view s);

}  // namespace plantjek
