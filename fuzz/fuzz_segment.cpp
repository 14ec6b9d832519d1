// libFuzzer target: normalisation (with the Hunspell word test the CLI
// uses), segmentation and identification, from text. The text is read as a
// .txt file, then each block's first characters give it the structure the
// other readers would (so headings, styles, fonts and tables are reached):
//   '#'×n  heading with outline level n     '!'  bold, 16 pt
//   '@'    running header                   '~'  footer
//   '|'    table cell (row = block index)   '-'  list item
//   '^'    footnote                         '%'  a bookmark with this title
#include "extractor/lexicon.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    if (size > (1u << 20)) return 0;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Document doc;
    try {
        doc = read_txt(bytes, fuzz::fuzz_options());
    } catch (const ReadError&) {
        return 0;
    }
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        Block& b = doc.blocks[i];
        std::size_t k = 0;
        while (k < b.text.size() && k < 12 && b.text[k] == '#') ++k;
        if (k) {
            b.kind = BlockKind::heading;
            b.outline_level = static_cast<int>(k);
            b.text.erase(0, k);
            continue;
        }
        if (b.text.empty()) continue;
        char c = b.text[0];
        switch (c) {
            case '!': b.bold = true; b.font_size = 16; break;
            case '@': b.kind = BlockKind::header; break;
            case '~': b.kind = BlockKind::footer; break;
            case '|': b.kind = BlockKind::table_cell; b.table = 0; b.row = static_cast<int>(i / 3); b.col = static_cast<int>(i % 3); break;
            case '-': b.kind = BlockKind::list_item; break;
            case '^': b.kind = BlockKind::footnote; break;
            case '%': doc.bookmarks.push_back({1 + static_cast<int>(i % 3), b.text.substr(1), 0}); break;
            default: b.font_size = 11; continue;
        }
        b.text.erase(0, 1);
    }
    NormaliseOptions no;
    no.is_word = [](std::string_view w) { return Lexicon::shared().is_word(w); };
    normalise(doc, no);
    Outline outline = segment(doc);
    for (const auto& s : outline.sections) (void)section_label(s);
    Identity id = identify(doc, outline);
    (void)id;
    return 0;
}
