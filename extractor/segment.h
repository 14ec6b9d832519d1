// Segmentation: the plan's chapters as a tree of sections.
//
// Why: every requirement asks "is there a section about X?", so the checks
// need the chapters — in PDFs without styles, in Word files with automatic
// numbering, in plans of every vintage. The segmenter combines every signal
// there is (heading styles and outline levels, PDF bookmarks, font size and
// weight against the body text, numbering patterns such as "Kapitel 3 -",
// "2.4.", "Tillæg nr. 1", "Bilag 2", short all-caps lines, and the table of
// contents, which confirms headings and is then left out of the body).
// Cost: linear in the number of blocks; a 200-page plan takes milliseconds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/document.h"

namespace plantjek {

struct Section {
    int level = 1;            // 1 = chapter; annexes are level 1
    std::string number;       // the label as written, normalised: "3", "2.4", "1" for "Tillæg nr. 1"; "" if none
    std::string title;        // heading text without its number ("Budget")
    std::string heading;      // the heading line as it stands ("Kapitel 5 - Budget")
    int first_page = 0, last_page = 0;
    std::size_t heading_block = 0;     // index into Document::blocks
    std::vector<std::size_t> blocks;   // body blocks directly under this heading (not in subsections)
    int parent = -1;                   // index into Outline::sections, -1 for top level
    bool annex = false;                // Tillæg / Bilag / Appendix
    std::string signal;                // what made it a heading: style, bookmark, toc, numbering, typography, caps
};

struct TocEntry {
    std::string number, title;
    int page = 0;
};

struct Outline {
    std::vector<Section> sections;      // document order (pre-order), parents before children
    std::vector<std::size_t> preamble;  // blocks before the first heading (title page, colophon)
    std::vector<std::size_t> toc_blocks;  // table-of-contents lines, left out of the body
    std::vector<TocEntry> toc;
};

Outline segment(const Document& doc);

// A heading line taken apart: "Kapitel 3 - Budget" → number "3", title
// "Budget"; "Tillæg nr. 1: Målopfølgning" → number "1", annex; "2.4. Unge"
// → number "2.4", depth 2. Used by segment() and exposed for the tests and
// the checks (which compare section titles).
struct HeadingParts {
    std::string number;     // normalised label ("" when none)
    std::string title;      // the text after the label
    int depth = 0;          // numbering depth ("2.4" → 2; "Kapitel 3", annexes → 1; 0 = unnumbered)
    bool annex = false;     // Tillæg / Bilag / Appendiks / Anneks
    bool chapter = false;   // "Kapitel N"
    bool dotted = false;    // "3." written with a trailing dot
    bool list_marker = false;  // "1)", "(a)", "a)", a bullet: a list item, never a heading
};
HeadingParts parse_heading(std::string_view text);

// Lower case, single spaces, without trailing punctuation: how titles are
// compared (with the table of contents, with bookmarks, with gold files).
std::string heading_key(std::string_view text);

// "2.1 Title" for a section (number and title joined as a reader sees them).
std::string section_label(const Section& s);

}  // namespace plantjek
