// The first stages as one call: read → normalise → segment → identify.
//
// Why: every command (extract, outline, check, scan) and the report tests
// run the same stages in the same order; wiring them once keeps them thin.
// Cost: that of the stages (dominated by reading a PDF and loading Hunspell
// once).
#pragma once

#include <string>

#include "extractor/document.h"
#include "extractor/error.h"
#include "extractor/identify.h"
#include "extractor/normalise.h"
#include "extractor/reader.h"
#include "extractor/segment.h"

namespace plantjek {

struct PipelineOptions {
    ReadOptions read;
    bool normalise = true;
    bool use_dictionary = true;  // Hunspell decides hyphenated line breaks
    bool analyse = true;         // segment and identify (after normalisation)
};

struct LoadedPlan {
    Document doc;
    NormaliseReport norm;
    Outline outline;    // empty unless PipelineOptions::analyse
    Identity identity;
};

// Reads, normalises, segments and identifies. Throws ReadError.
// `bytes`: see read_document().
LoadedPlan load_plan(const std::string& path, const PipelineOptions& opts, std::string* bytes = nullptr);

}  // namespace plantjek
