// Page layout for PDF text: words with boxes → lines → blocks in reading order.
//
// Why: Poppler gives words (text_list) in its own reading order, and that
// order interleaves side-by-side columns when their paragraphs line up
// (measured: LibreOffice two-column sections come out 1, 6, 2, 7, ...).
// This module builds lines from Poppler's words, finds column gutters
// (tall empty vertical bands with several full text lines on both sides;
// tables with short cells do not qualify and keep Poppler's row order), and
// groups lines into blocks by vertical gap, indentation, bullets and font.
// It knows nothing about Poppler, so it can be tested with plain numbers.
// Cost: O(n log n) in the words of a page plus one pass over the page width.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/document.h"

namespace plantjek::pdf {

// One word as Poppler reports it; coordinates in points, y grows downwards.
struct Word {
    std::string text;  // UTF-8
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double size = 0;   // font size in points
    bool bold = false;
    bool space_after = true;
    int rotation = 0;  // text direction in quarter turns clockwise (Poppler's text_box::rotation)
};

// True when a PDF font name denotes a bold face: "ABCDEF+Carlito-Bold",
// "Arial,Bold", "Helvetica-Black", "OpenSans-SemiBold" (subset prefix ignored).
bool is_bold_font(std::string_view font_name);

// Blocks of one page in reading order, `page` set on each. Lines lying
// entirely in the top or bottom 6 % of the page become header/footer
// blocks (first and last); everything else is a paragraph block whose
// lines are joined with '\n', end-of-line hyphens kept. Width and height
// are those of the page as displayed (after /Rotate), the space Poppler's
// boxes are in. Words are turned upright by their rotation first; the most
// common rotation is laid out first, the others (margin labels, a rotated
// table) after it.
std::vector<Block> layout_page(const std::vector<Word>& words, double page_width, double page_height,
                               int page);

}  // namespace plantjek::pdf
