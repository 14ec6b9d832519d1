// libFuzzer target: the annotators' input side. The bytes (a zip, or a
// bundle of parts zipped here, fuzz_common.h) go through the DOCX annotator
// with a fixed set of notes, some of whose words stand in typical plans;
// it must refuse bad input with a ReadError and never crash, and what it
// writes must read back through the DOCX reader.
#include "annotate/annotate.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    std::string bytes = fuzz::package_bytes(data, size);
    if (bytes.empty()) return 0;
    Notes notes;
    notes.summary = {"plantjek: IKKE I ORDEN", "Frister: 2011-10-15 Vedtagelse"};
    notes.placed = {{"xxx", "5 Budget", 0, "Pladsholder <&> står tilbage."},
                    {"Kapitel 1", "", 0, "Overskrift"},
                    {"", "Budget", 0, "Intet sted"}};
    AnnotateOptions opts;
    opts.limits = fuzz::fuzz_options().limits;
    try {
        std::string out = find_annotator("docx")->annotate(bytes, notes, opts);
        read_docx(out, fuzz::fuzz_options());
    } catch (const ReadError&) {
    }
    return 0;
}
