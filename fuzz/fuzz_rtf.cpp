// libFuzzer target: the in-process RTF parser (legacy_reader.cpp), then the
// analysis stages. (Word 97-2003 goes to antiword in a child process and is
// not fuzzed here.)
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        Document doc = read_rtf(bytes, fuzz::fuzz_options());
        fuzz::analyse(doc);
    } catch (const ReadError&) {
    }
    return 0;
}
