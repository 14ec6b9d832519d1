// Text recognition (OCR) of PDF pages that are images: scanned plans.
//
// Why: many plans from 2007–2012 survive only as scans. A page is rendered
// with poppler-cpp's page_renderer (grey, 300 dpi), read by Tesseract
// (libtesseract, LSTM engine) with Debian's Danish model `dan`
// (package tesseract-ocr-dan), and its words come back with boxes in PDF
// points, turned upright by the skew Tesseract measured, so that the PDF
// reader lays them out into blocks like a text layer (pdf_layout.h).
// Cost: about 1–3 s per A4 page on one core (docs/ocr.md has the figures);
// the engine loads its model once per process (~0.3 s) and is shared behind
// a mutex. Memory: one 8-bit page image (A4 at 300 dpi ≈ 9 MB) at a time.
#pragma once

#include <string>
#include <vector>

#include "extractor/pdf_layout.h"

namespace poppler {
class page;
}

namespace plantjek::ocr {

struct PageText {
    std::vector<pdf::Word> words;  // in points of the displayed page, upright; size per line (½ pt)
    double width = 0, height = 0;  // the displayed page in points
    double confidence = 0;         // mean word confidence 0–100 (0 when no words)
    double skew_degrees = 0;       // the skew Tesseract measured (informative)
};

// A page whose mean word confidence is below this is not used (its text
// would be mostly wrong: a 40 dpi image read as confidence ~20). Clean
// 300 dpi scans read at 90–96.
inline constexpr double kMinPageConfidence = 35;

// True when Tesseract and its Danish model can be loaded; otherwise false
// and `why` says what to install (English).
bool available(std::string* why = nullptr);

// Reads one page. Throws std::runtime_error when the engine cannot be
// loaded (see available()); a page without recognisable text gives no words.
PageText read_page(const poppler::page& page, int dpi = 300);

// The size Tesseract measures varies ±10 % from line to line of one font
// (descenders, noise), which would make body lines look like headings to
// the segmenter. Over all OCR'd pages of a document, sizes within 20 % of
// the body size (the median over characters) become exactly the body size.
void even_sizes(const std::vector<std::vector<pdf::Word>*>& pages);

// Reads an 8-bit grey image (row stride `bytes_per_row`) taken at `dpi`;
// boxes are returned in points (72 per inch). For tests and benchmarks.
PageText read_gray(const unsigned char* data, int width, int height, int bytes_per_row, int dpi);

}  // namespace plantjek::ocr
