// report → annotated document: the findings inside a copy of the user's own
// file, as comments where something is wrong, each with what to write
// instead (the report's `suggestion`, report/suggest.h), and one note at the
// top with the verdict, the requirements not met with their legal basis, and
// the plan year's deadlines.
//
// Why: a municipality writes its plan in Word (or Writer) and a region reads
// the PDF; both would rather see the findings where they work than in a
// separate report. The annotation is a rendering of the finished Report: it
// never re-derives a verdict.
//
// One annotator a format (annotate/docx.cpp, …), registered by one line in
// annotate/annotate.cpp. Each takes the original bytes and the notes and
// returns the annotated bytes. Formats that cannot carry comments (TXT, RTF,
// DOC) have no annotator: find_annotator() returns nullptr and the caller
// says so.
//
// Limits: the input is read through the extractor's SafeZip / safe XML with
// the same Limits as the readers; a note whose words are not found in the
// document goes into the top note. Deterministic: fixed comment dates,
// author "plantjek" and ids.
//
// Cost: one pass over the main XML part; memory a few times the part size.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/error.h"
#include "extractor/reader.h"
#include "report/report.h"

namespace plantjek {

struct AnnotateOptions {
    bool spelling = false;  // --annotate spelling: a comment on each unknown word
    Lang lang = Lang::da;   // the language of the comments
    Limits limits;
};

// One comment to place: the words to anchor it on and its text.
struct Note {
    std::string quote;    // the words as the report quotes them; "" = no place in the text
    std::string section;  // the section label the finding names, "" = anywhere
    int page = 0;         // 1-based, 0 = unknown
    std::string text;     // the comment: the message, then "Forslag: …"
};

// What goes into one annotated document.
struct Notes {
    std::vector<std::string> summary;  // the top note, one line a paragraph
    std::vector<Note> placed;          // in report order
};

// The notes for a finished report: a note for each finding (other than a
// requirement's own restatement) and each failed or warned requirement with
// a place, for each goal with an unfilled target, and (opts.spelling) for
// each unknown word; the summary for the rest.
Notes notes_for(const Report& r, const AnnotateOptions& opts);

// An annotator: the original bytes and the notes → the annotated bytes.
// Throws ReadError (Danish and English) for input it cannot annotate.
using AnnotateFn = std::string (*)(std::string_view original, const Notes& notes, const AnnotateOptions& opts);

struct Annotator {
    const char* format;  // format_name(): "docx", "odt", "pdf"
    AnnotateFn annotate;
};

// The annotator for a report's format ("docx", …), or nullptr.
const Annotator* find_annotator(const std::string& format);

// "plan.docx" → "plan.plantjek.docx" (in `folder` when it is not empty).
std::string annotated_path(const std::string& input, const std::string& folder = "");

// The comment date every annotation carries (ISO 8601), so that the output
// is the same for the same input and report.
inline constexpr const char* kAnnotationDate = "2000-01-01T00:00:00Z";

}  // namespace plantjek
