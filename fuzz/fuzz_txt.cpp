// libFuzzer target: format sniffing and the text reader (encoding
// detection: UTF-8 with/without BOM, UTF-16, Windows-1252, double-encoded
// repair; line ends; form feeds), through read_document_bytes for input
// that sniffs as text, and read_txt directly for everything.
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string what;
    Format f = sniff_format(bytes, &what);
    try {
        Document doc = read_txt(bytes, fuzz::fuzz_options());
        if (f == Format::txt) read_document_bytes(bytes, fuzz::fuzz_options());
    } catch (const ReadError&) {
    }
    return 0;
}
