// DOCX is recognised by sniffing but not yet read: this reader says so plainly.
#include "extractor/reader.h"
namespace plantjek {
Document read_docx(std::string_view, const ReadOptions&) {
    throw ReadError(ErrorKind::unsupported, "DOCX-filer kan endnu ikke læses af denne version af plantjek",
                    "DOCX files cannot be read by this version of plantjek yet");
}
}  // namespace plantjek
