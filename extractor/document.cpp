#include "extractor/document.h"
#include "extractor/error.h"

namespace plantjek {

const char* format_name(Format f) {
    switch (f) {
        case Format::pdf: return "pdf";
        case Format::docx: return "docx";
        case Format::odt: return "odt";
        case Format::txt: return "txt";
        case Format::doc: return "doc";
        case Format::rtf: return "rtf";
        case Format::unknown: break;
    }
    return "unknown";
}

const char* block_kind_name(BlockKind k) {
    switch (k) {
        case BlockKind::paragraph: return "paragraph";
        case BlockKind::heading: return "heading";
        case BlockKind::list_item: return "list-item";
        case BlockKind::table_cell: return "table-cell";
        case BlockKind::footnote: return "footnote";
        case BlockKind::header: return "header";
        case BlockKind::footer: return "footer";
    }
    return "paragraph";
}

const char* error_kind_name(ErrorKind k) {
    switch (k) {
        case ErrorKind::io: return "io";
        case ErrorKind::empty: return "empty";
        case ErrorKind::unsupported: return "unsupported";
        case ErrorKind::corrupt: return "corrupt";
        case ErrorKind::encrypted: return "encrypted";
        case ErrorKind::no_text: return "no-text";
        case ErrorKind::too_large: return "too-large";
        case ErrorKind::hostile: return "hostile";
    }
    return "io";
}

void forget_pages(Document& doc) {
    for (auto& b : doc.blocks) b.page = 0;
    doc.meta.pages = 0;
    doc.notes.push_back("no page breaks recorded: pages unknown, locations by section");
}

}  // namespace plantjek
