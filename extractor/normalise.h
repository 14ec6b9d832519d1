// Normalisation: one clean text model from whatever the reader produced.
//
// Why: readers hand over text as the source had it — ligatures, soft and
// non-breaking spaces, typographic apostrophes, PDF lines with end-of-line
// hyphens, running headers and page numbers between paragraphs, footnote
// digits glued to words ("kommunen1"). Segmentation, the rules and the
// spelling check must all see the same clean words, and every change keeps
// the block (hence page and source position) it came from, so a finding
// still points at the original place.
//
// Cost: linear in the text; the optional word test is called once per
// hyphenated line end (a few hundred times in a long plan).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/document.h"

namespace plantjek {

struct NormaliseOptions {
    // Is this a word? Used to decide whether "beskæf-⏎tigelse" is rejoined
    // as "beskæftigelse" or kept as "beskæf-tigelse". Without it, a lower-case
    // continuation is rejoined.
    std::function<bool(std::string_view)> is_word;
    // Mark text repeated at the top or bottom of most pages (running headers,
    // footers) and bare page numbers as header/footer blocks.
    bool running_lines = true;
};

struct FootnoteMarker {
    std::size_t block = 0;  // index after normalisation
    int page = 0;
    std::string word;       // "kommunen"
    std::string digits;     // "1"
};

struct NormaliseReport {
    std::vector<FootnoteMarker> footnote_markers;
    int hyphens_rejoined = 0;  // "beskæf-⏎tigelse" → "beskæftigelse"
    int hyphens_kept = 0;      // "a-⏎kasse" → "a-kasse", "Beskæftigelses-⏎og" → "Beskæftigelses- og"
    int running_lines = 0;     // blocks marked as header/footer
};

// Character-level clean-up of one string: NFC, ligatures expanded, soft
// hyphens and zero-width characters removed, every kind of space made an
// ASCII space, typographic apostrophes made "'".
std::string normalise_chars(std::string_view s);

// Joins a block's visual lines ('\n'-separated) into running text, deciding
// each end-of-line hyphen as described for NormaliseOptions::is_word.
std::string join_lines(std::string_view s, const NormaliseOptions& opts, NormaliseReport* report = nullptr);

// The whole pass over a document, in place. Empty blocks are removed.
NormaliseReport normalise(Document& doc, const NormaliseOptions& opts = {});

}  // namespace plantjek
