// libFuzzer target: the PDF reader (Poppler, layout, bookmarks), then the
// analysis stages. Poppler itself is not instrumented: the feedback comes
// from plantjek's own code, the crash detection covers both.
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        Document doc = read_pdf(bytes, fuzz::fuzz_options());
        fuzz::analyse(doc);
    } catch (const ReadError&) {
    }
    return 0;
}
