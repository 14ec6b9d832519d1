// Where a note goes in an XML document: the paragraphs of a DOCX's or ODT's
// main part, with their text, and the paragraph each note's words stand in.
//
// Why: the annotators of the zip formats change the XML only by inserting
// marks, so they work on the part's bytes: the paragraphs are found by
// their tags (nesting counted), their text is gathered the way the reader
// does (DOCX: <w:t>; ODT: the character data), and a note is placed on the
// first paragraph at or after its section's heading whose text holds the
// note's words (at word boundaries), else the first anywhere.
//
// Cost: linear in the part; a note's search is linear in the paragraphs.
// Limits: a quote split across paragraphs is not found (it goes into the
// top note); entities other than the five XML ones and numeric ones are
// left as they are.
#pragma once

#include <string>
#include <vector>

#include "annotate/annotate.h"

namespace plantjek {

struct Para {
    std::size_t open_begin = 0, open_end = 0;  // the opening tag: '<' and one past '>'
    std::size_t close_begin = 0;               // the '<' of the closing tag
    std::string text;                          // its text, entities decoded
};

// How a format marks its paragraphs and their text.
struct ParaSyntax {
    std::vector<std::string> para;  // element names of a paragraph ("w:p"; "text:p", "text:h")
    std::string text;               // the element that holds text ("w:t"); "" = all character data
    std::vector<std::string> skip;  // elements whose content is not the paragraph's text
};

std::vector<Para> scan_paragraphs(const std::string& xml, const ParaSyntax& syntax);

// For each note, the index of its paragraph in `paras`, or -1.
std::vector<int> place_notes(const std::vector<Para>& paras, const std::vector<Note>& notes);

// Escapes text for XML character data and attributes.
std::string xml_escape(const std::string& s);

}  // namespace plantjek
