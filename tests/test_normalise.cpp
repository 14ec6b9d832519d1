#include <catch2/catch.hpp>

#include <set>

#include "extractor/normalise.h"

using namespace plantjek;

namespace {
Block para(std::string text, int page = 1) {
    Block b;
    b.text = std::move(text);
    b.page = page;
    return b;
}
}  // namespace

TEST_CASE("normalise_chars: ligatures, soft hyphens, spaces, apostrophes", "[normalise]") {
    CHECK(normalise_chars("e\xEF\xAC\x80" "ekt") == "effekt");                 // ﬀ
    CHECK(normalise_chars("be\xC2\xADskæftigelse") == "beskæftigelse");    // soft hyphen
    CHECK(normalise_chars("12\xC2\xA0" "000") == "12 000");                // NBSP
    CHECK(normalise_chars("LBR\xE2\x80\x99s") == "LBR's");                 // ’
    CHECK(normalise_chars("LBR\xC2\xB4s") == "LBR's");                     // ´
    CHECK(normalise_chars("a\xCC\x8A") == "å");                            // NFC
    CHECK(normalise_chars("x\xE2\x80\x8By") == "xy");                      // zero-width space
}

TEST_CASE("join_lines: hyphenated line breaks rejoined only where the joined form is a word", "[normalise]") {
    std::set<std::string> words = {"beskæftigelse", "a-kasse", "indsats"};
    NormaliseOptions o;
    o.is_word = [&](std::string_view w) { return words.count(std::string(w)) > 0; };
    NormaliseReport r;
    CHECK(join_lines("beskæf-\ntigelse", o, &r) == "beskæftigelse");
    CHECK(join_lines("a-\nkasse", o, &r) == "a-kasse");
    CHECK(r.hyphens_rejoined == 1);
    CHECK(r.hyphens_kept == 1);
}

TEST_CASE("join_lines: suspended compounds, acronyms and year ranges keep their hyphen", "[normalise]") {
    NormaliseOptions o;
    CHECK(join_lines("Beskæftigelses-\nog integrationsudvalget", o) == "Beskæftigelses- og integrationsudvalget");
    CHECK(join_lines("kontanthjælps-\neller dagpengemodtagere", o) == "kontanthjælps- eller dagpengemodtagere");
    CHECK(join_lines("EU-\nborgere", o) == "EU-borgere");
    CHECK(join_lines("perioden 2019-\n2022", o) == "perioden 2019-2022");
    CHECK(join_lines("første linje\nanden linje", o) == "første linje anden linje");
    CHECK(join_lines("uden ordbog beskæf-\ntigelse", o) == "uden ordbog beskæftigelse");
}

TEST_CASE("normalise: footnote digits glued to words are detached and recorded", "[normalise]") {
    Document d;
    d.format = Format::txt;
    d.blocks.push_back(para("Det gælder for kommunen1 og de nye strategier12. Se også tid.2 her."));
    d.blocks.push_back(para("Koderne FOLK1A og REGK53 samt 3F og CO2 er ikke fodnoter."));
    auto r = normalise(d);
    CHECK(d.blocks[0].text == "Det gælder for kommunen og de nye strategier. Se også tid. her.");
    REQUIRE(r.footnote_markers.size() == 3);
    CHECK(r.footnote_markers[0].word == "kommunen");
    CHECK(r.footnote_markers[0].digits == "1");
    CHECK(r.footnote_markers[1].word == "strategier");
    CHECK(r.footnote_markers[1].digits == "12");
    CHECK(r.footnote_markers[2].word == "tid");
    CHECK(d.blocks[1].text == "Koderne FOLK1A og REGK53 samt 3F og CO2 er ikke fodnoter.");
}

TEST_CASE("normalise: running headers, footers and page numbers are marked, body kept", "[normalise]") {
    Document d;
    d.format = Format::pdf;
    for (int p = 1; p <= 5; ++p) {
        d.blocks.push_back(para("Beskæftigelsesplan 2019 · Lejre Kommune", p));
        d.blocks.push_back(para(std::string(p % 2 ? "Ledigheden faldt" : "Indsatsen virker") + " i kvartal " +
                                    std::to_string(p) + ".", p));
        d.blocks.push_back(para(std::string(p % 2 ? "Flere unge" : "Virksomhederne") + " er med.", p));
        d.blocks.push_back(para("Side " + std::to_string(p) + " af 5", p));
    }
    auto r = normalise(d);
    CHECK(r.running_lines == 10);
    CHECK(d.blocks[0].kind == BlockKind::header);
    CHECK(d.blocks[3].kind == BlockKind::footer);
    CHECK(d.blocks[1].kind == BlockKind::paragraph);
    CHECK(d.blocks[2].kind == BlockKind::paragraph);
}

TEST_CASE("normalise: DOCX blocks are not taken for running lines, empty blocks go, caps flagged", "[normalise]") {
    Document d;
    d.format = Format::docx;
    d.blocks.push_back(para("BUDGET", 1));
    d.blocks.push_back(para("  \n ", 1));
    d.blocks.push_back(para("BUDGET", 2));
    auto r = normalise(d);
    REQUIRE(d.blocks.size() == 2);
    CHECK(r.running_lines == 0);
    CHECK(d.blocks[0].all_caps);
    CHECK(d.blocks[0].kind == BlockKind::paragraph);
}
