// libFuzzer target: the DOCX reader (zip + XML), then the analysis stages.
// Input: a zip as it stands, or a bundle of parts (fuzz_common.h) that is
// zipped here so that mutations reach the XML instead of breaking CRCs.
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    std::string bytes = fuzz::package_bytes(data, size);
    if (bytes.empty()) return 0;
    try {
        Document doc = read_docx(bytes, fuzz::fuzz_options());
        fuzz::analyse(doc);
    } catch (const ReadError&) {
    }
    return 0;
}
