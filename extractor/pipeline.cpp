#include "extractor/pipeline.h"

#include "extractor/lexicon.h"

namespace plantjek {

LoadedPlan load_plan(const std::string& path, const PipelineOptions& opts, std::string* bytes) {
    LoadedPlan p;
    p.doc = read_document(path, opts.read, bytes);
    if (opts.normalise) {
        NormaliseOptions no;
        if (opts.use_dictionary) {
            Lexicon* lex = &Lexicon::shared();
            no.is_word = [lex](std::string_view w) { return lex->is_word(w); };
        }
        p.norm = normalise(p.doc, no);
    }
    if (opts.analyse) {
        p.outline = segment(p.doc);
        p.identity = identify(p.doc, p.outline);
    }
    return p;
}

}  // namespace plantjek
