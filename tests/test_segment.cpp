// Segmentation on synthetic documents: one test per signal and per thing
// that must not become a heading.
#include <catch2/catch.hpp>

#include <chrono>

#include "extractor/segment.h"
#include "extractor/utf8.h"

using namespace plantjek;

namespace {

const std::string kBody =
    "Jobcentret vil styrke indsatsen over for de ledige, og planen beskriver de vigtigste tiltag i det kommende år.";

Block para(std::string text, int page = 1, double size = 0, bool bold = false) {
    Block b;
    b.text = std::move(text);
    b.page = page;
    b.font_size = size;
    b.bold = bold;
    b.all_caps = utf8::all_caps(b.text);
    return b;
}

Block styled(std::string text, int level, int page = 1, std::string number = "") {
    Block b = para(std::move(text), page);
    b.kind = BlockKind::heading;
    b.outline_level = level;
    b.number = std::move(number);
    b.style = "heading " + std::to_string(level);
    return b;
}

Block kind(Block b, BlockKind k) {
    b.kind = k;
    return b;
}

Document make(Format f, std::vector<Block> blocks) {
    Document d;
    d.format = f;
    d.blocks = std::move(blocks);
    for (std::size_t i = 0; i < d.blocks.size(); ++i) d.blocks[i].source_index = i;
    return d;
}

// "level [number] title" per section, for compact assertions.
std::vector<std::string> tree(const Outline& o) {
    std::vector<std::string> v;
    for (const auto& s : o.sections) v.push_back(std::to_string(s.level) + " [" + s.number + "] " + s.title);
    return v;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("parse_heading: the numbering patterns", "[segment][parse]") {
    struct Case {
        std::string text, number, title;
        int depth;
        bool annex;
    };
    std::vector<Case> cases = {
        {"Kapitel 3 - Budget", "3", "Budget", 1, false},
        {"Kapitel 3: Budget", "3", "Budget", 1, false},
        {"KAPITEL 12 – Andre aktører", "12", "Andre aktører", 1, false},
        {"3. Budget", "3", "Budget", 1, false},
        {"3 Budget", "3", "Budget", 1, false},
        {"2.4. Unge", "2.4", "Unge", 2, false},
        {"2.4 Unge", "2.4", "Unge", 2, false},
        {"1.2.3 Mentorer", "1.2.3", "Mentorer", 3, false},
        {"Tillæg nr. 1 Målopfølgning", "1", "Målopfølgning", 1, true},
        {"Tillæg 1: Målopfølgningsskema", "1", "Målopfølgningsskema", 1, true},
        {"TILLÆG 2: LBR'S PLAN", "2", "LBR'S PLAN", 1, true},
        {"Tillæg 2a - Jobkonsulenter", "2a", "Jobkonsulenter", 1, true},
        {"Bilag 2", "2", "", 1, true},
        {"Bilag 1 Tillæg 1: Målopfølgning", "1", "Målopfølgning", 1, true},
        {"Bilag: Budget", "", "Budget", 1, true},
        {"Bilagsoversigt", "", "Bilagsoversigt", 0, false},
        {"Indledning", "", "Indledning", 0, false},
        {"2012 blev et godt år", "", "2012 blev et godt år", 0, false},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        HeadingParts h = parse_heading(c.text);
        CHECK(h.number == c.number);
        CHECK(h.title == c.title);
        CHECK(h.depth == c.depth);
        CHECK(h.annex == c.annex);
        CHECK_FALSE(h.list_marker);
    }
    CHECK(parse_heading("Kapitel 3 - Budget").chapter);
    CHECK(parse_heading("3. Budget").dotted);
    CHECK_FALSE(parse_heading("3 Budget").dotted);
    for (std::string t : {"1) Beskæftigelsesministerens mål", "(2) Budget", "a) Unge", "• Unge", "- Unge"}) {
        INFO(t);
        CHECK(parse_heading(t).list_marker);
    }
    CHECK(heading_key("  Budget for  2012: ") == "budget for 2012");
    CHECK(heading_key("INDLEDNING –") == "indledning");
}

TEST_CASE("segment: DOCX/ODT heading styles give the tree, levels and numbering labels", "[segment][style]") {
    Document d = make(Format::docx, {
                                        para("Beskæftigelsesplan 2012"),
                                        para("Aarhus Kommune"),
                                        styled("Indledning", 1, 1, "1"),
                                        para(kBody),
                                        styled("Lovgrundlag", 2, 1, "1.1."),
                                        para(kBody, 2),
                                        styled("Kapitel 2 - Budget", 1, 3),
                                        para(kBody, 3),
                                        para(kBody, 4),
                                        styled("Tillæg 1: Målopfølgningsskema", 1, 5),
                                        para(kBody, 5),
                                    });
    Outline o = segment(d);
    CHECK(tree(o) == V{"1 [1] Indledning", "2 [1.1] Lovgrundlag", "1 [2] Budget", "1 [1] Målopfølgningsskema"});
    REQUIRE(o.sections.size() == 4);
    CHECK(o.sections[0].signal == "style");
    CHECK(o.sections[0].heading == "1 Indledning");
    CHECK(o.sections[1].parent == 0);
    CHECK(o.sections[2].parent == -1);
    CHECK(o.sections[3].annex);
    CHECK_FALSE(o.sections[2].annex);
    // pages: a chapter spans its subsections
    CHECK(o.sections[0].first_page == 1);
    CHECK(o.sections[0].last_page == 2);
    CHECK(o.sections[1].last_page == 2);
    CHECK(o.sections[2].first_page == 3);
    CHECK(o.sections[2].last_page == 4);
    // blocks: the title page is the preamble, body blocks sit under their heading
    CHECK(o.preamble == std::vector<std::size_t>{0, 1});
    CHECK(o.sections[0].blocks == std::vector<std::size_t>{3});
    CHECK(o.sections[2].blocks == std::vector<std::size_t>{7, 8});
    CHECK(o.sections[2].heading_block == 6);
    CHECK(section_label(o.sections[1]) == "1.1 Lovgrundlag");
}

TEST_CASE("segment: with styles present, an unstyled 'Tillæg' line counts only with strong support", "[segment][style]") {
    Document d = make(Format::docx, {
                          styled("1. Indledning", 1),
                          para(kBody),
                          para("Tillæg 2: LBR's plan", 2, 0, true),  // bold, typed by hand
                          para(kBody, 2),
                          para("Indsatsen for unge", 2, 0, true),     // bold lead-in: not enough with styles
                          para(kBody, 2),
                      });
    CHECK(tree(segment(d)) == V{"1 [1] Indledning", "1 [2] LBR's plan"});
}

TEST_CASE("segment: PDF bookmarks mark the headings, the bookmark title wins over split text", "[segment][bookmark]") {
    Document d = make(Format::pdf, {
                                       para("Beskæftigelsesplan 2013", 1, 20, true),
                                       styled("1. Indledning", 1),
                                       para(kBody, 1, 12),
                                       // the reader could not match this one: the PDF split a word
                                       para("2. Flere unge skal have en erhvervskompetencegivend e uddannelse", 2, 14,
                                            true),
                                       para(kBody, 2, 12),
                                   });
    for (auto& b : d.blocks) b.font_size = b.font_size ? b.font_size : 12;
    d.blocks[1].font_size = 16;
    d.bookmarks = {{1, "1. Indledning", 1},
                   {1, "2. Flere unge skal have en erhvervskompetencegivende uddannelse", 0}};
    Outline o = segment(d);
    CHECK(tree(o) == V{"1 [1] Indledning", "1 [2] Flere unge skal have en erhvervskompetencegivende uddannelse"});
    REQUIRE(o.sections.size() == 2);
    CHECK(o.sections[0].signal == "bookmark");
    CHECK(o.sections[1].signal == "bookmark");
    CHECK(o.preamble == std::vector<std::size_t>{0});
}

TEST_CASE("segment: typography — larger type and bold short lines against the body size", "[segment][typography]") {
    Document d = make(Format::pdf, {
                                       para("Beskæftigelsesplan 2016", 1, 22, true),  // the title: not a heading
                                       para("Sønderborg Kommune", 1, 16, true),
                                       para(kBody, 1, 11),
                                       para("Indledning", 2, 16, true),
                                       para(kBody, 2, 11),
                                       para(kBody, 2, 11),
                                       para("Baggrund", 2, 13, true),
                                       para(kBody, 2, 11),
                                       para("Udfordringer", 3, 16, true),
                                       para(kBody, 3, 11),
                                       para("Indsatsen for unge", 3, 11, true),  // bold short line at body size
                                       para(kBody, 3, 11),
                                   });
    Outline o = segment(d);
    CHECK(tree(o) ==
          V{"1 [] Indledning", "2 [] Baggrund", "1 [] Udfordringer", "2 [] Indsatsen for unge"});
    REQUIRE(o.sections.size() == 4);
    CHECK(o.sections[0].signal == "typography");
}

TEST_CASE("segment: numbering levels and sizes agree, unnumbered headings take the level of their size",
          "[segment][typography][numbering]") {
    Document d = make(Format::pdf, {
                                       para("1. Indledning", 1, 16, true),
                                       para(kBody, 1, 12),
                                       para("1.1 Baggrund", 1, 14, true),
                                       para(kBody, 1, 12),
                                       para("Lovgrundlag", 1, 14, true),
                                       para(kBody, 1, 12),
                                       para("2. Budget", 2, 16, true),
                                       para(kBody, 2, 12),
                                   });
    CHECK(tree(segment(d)) == V{"1 [1] Indledning", "2 [1.1] Baggrund", "2 [] Lovgrundlag", "1 [2] Budget"});
}

TEST_CASE("segment: TXT — numbering patterns without any styles", "[segment][numbering][txt]") {
    Document d = make(Format::txt, {
                                       para("Beskæftigelsesplan 2010"),
                                       para("Vedtaget af Odense Byråd den 7. oktober 2009"),
                                       para("Kapitel 1 - Indledning"),
                                       para(kBody),
                                       para("1.1. Baggrund"),
                                       para(kBody),
                                       para("Kapitel 2: Ministerens mål"),
                                       para(kBody),
                                       para("2.1 Unge"),
                                       para(kBody),
                                       para("Tillæg nr. 1 Målopfølgning"),
                                       para(kBody),
                                       para("Bilag 2"),
                                       para(kBody),
                                   });
    Outline o = segment(d);
    CHECK(tree(o) == V{"1 [1] Indledning", "2 [1.1] Baggrund", "1 [2] Ministerens mål", "2 [2.1] Unge",
                       "1 [1] Målopfølgning", "1 [2] "});
    REQUIRE(o.sections.size() == 6);
    CHECK(o.sections[0].signal == "numbering");
    CHECK(o.sections[4].annex);
    CHECK(o.sections[5].annex);
    CHECK(o.preamble == std::vector<std::size_t>{0, 1});
}

TEST_CASE("segment: numbered lists and table rows that restart at 1 are not chapters", "[segment][numbering]") {
    Document d = make(Format::txt, {
                                       para("1. Indledning"),
                                       para(kBody),
                                       para("2. Ministerens mål"),
                                       para(kBody),
                                       para("1. Mål"),  // a list restarting inside chapter 2
                                       para("Ledige skal hurtigt tilbage i job"),
                                       para("3. Udfordringer"),
                                       para(kBody),
                                       para("Tillæg 1: Målopfølgning"),
                                       para("1. Arbejdskraftreserven"),  // a table row after the annexes began
                                       para("2. Unge under 30 år"),
                                   });
    CHECK(tree(segment(d)) ==
          V{"1 [1] Indledning", "1 [2] Ministerens mål", "1 [3] Udfordringer", "1 [1] Målopfølgning"});
}

TEST_CASE("segment: short ALL-CAPS lines are headings, mixed-case short lines below them", "[segment][caps][txt]") {
    Document d = make(Format::txt, {
                                       para("Beskæftigelsesplan 2011 – Jobcenter Viborg"),
                                       para("INDLEDNING"),
                                       para(kBody),
                                       para("STRATEGI FOR BORGERE OG VIRKSOMHEDER"),
                                       para("Den borgerrettede indsats"),
                                       para(kBody),
                                       para("TILLÆG 1: OVERSIGT OVER MÅL"),
                                       para(kBody),
                                   });
    Outline o = segment(d);
    CHECK(tree(o) == V{"1 [] INDLEDNING", "1 [] STRATEGI FOR BORGERE OG VIRKSOMHEDER", "2 [] Den borgerrettede indsats",
                       "1 [1] OVERSIGT OVER MÅL"});
    REQUIRE(o.sections.size() == 4);
    CHECK(o.sections[0].signal == "caps");
    CHECK(o.preamble == std::vector<std::size_t>{0});
}

TEST_CASE("segment: TXT without numbering or caps — short stand-alone lines, 'Mål N:' one level down",
          "[segment][txt][layout]") {
    Document d = make(Format::txt, {
                                       para("Beskæftigelsesplan 2017"),
                                       para("Indledning"),
                                       para(kBody),
                                       para("Ministerens mål for 2017"),
                                       para("Mål 1: Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft"),
                                       para(kBody),
                                       para("Målene er:"),  // a lead-in, not a heading
                                       para(kBody),
                                       para("Økonomi"),
                                       para(kBody),
                                   });
    Outline o = segment(d);
    CHECK(tree(o) == V{"1 [] Indledning", "1 [] Ministerens mål for 2017",
                       "2 [] Mål 1: Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft",
                       "1 [] Økonomi"});
    REQUIRE(!o.sections.empty());
    CHECK(o.sections[0].signal == "layout");
}

TEST_CASE("segment: the table of contents confirms headings and is left out of the body", "[segment][toc]") {
    Document d = make(Format::txt, {
                                       para("Beskæftigelsesplan 2009"),
                                       para("Indholdsfortegnelse"),
                                       para("1. Indledning ........ 3"),
                                       para("2. Udfordringer ...... 4"),
                                       para("Budget ........ 6"),
                                       para("1. Indledning", 3),
                                       para(kBody, 3),
                                       para("2. Udfordringer", 4),
                                       para(kBody, 4),
                                       para("Budget", 6),  // unnumbered, but listed in the TOC
                                       para(kBody, 6),
                                   });
    Outline o = segment(d);
    CHECK(tree(o) == V{"1 [1] Indledning", "1 [2] Udfordringer", "1 [] Budget"});
    CHECK(o.toc_blocks == std::vector<std::size_t>{1, 2, 3, 4});
    REQUIRE(o.toc.size() == 3);
    CHECK(o.toc[0].number == "1");
    CHECK(o.toc[0].title == "Indledning");
    CHECK(o.toc[0].page == 3);
    CHECK(o.toc[2].title == "Budget");
    CHECK(o.toc[2].page == 6);
    REQUIRE(o.sections.size() == 3);
    CHECK(o.sections[2].signal == "toc");
    CHECK(o.preamble == std::vector<std::size_t>{0});  // the TOC is in neither preamble nor body
}

TEST_CASE("segment: a PDF table of contents joined into one block is split into entries", "[segment][toc]") {
    Document d = make(Format::pdf, {
                                       para("Indhold", 1, 16, true),
                                       para("1. Indledning 3 2. Udfordringer 5 Tillæg 1: Mål for 2009 9", 1, 12),
                                       para("1. Indledning", 2, 16, true),
                                       para(kBody, 2, 12),
                                   });
    Outline o = segment(d);
    REQUIRE(o.toc.size() == 3);
    CHECK(o.toc[1].number == "2");
    CHECK(o.toc[1].title == "Udfordringer");
    CHECK(o.toc[1].page == 5);
    CHECK(o.toc[2].title == "Mål for 2009");
    CHECK(o.toc[2].page == 9);
    CHECK(o.toc_blocks == std::vector<std::size_t>{0, 1});
    CHECK(tree(o) == V{"1 [1] Indledning"});
}

TEST_CASE("segment: the TOC heading itself is never a section, even when styled", "[segment][toc]") {
    Document d = make(Format::docx, {styled("Indholdsfortegnelse", 1), styled("Indledning", 1, 2), para(kBody, 2)});
    Outline o = segment(d);
    CHECK(tree(o) == V{"1 [] Indledning"});
    CHECK(o.toc_blocks == std::vector<std::size_t>{0});
}

TEST_CASE("segment: things that are never headings", "[segment][negative]") {
    SECTION("numbered list items and list blocks") {
        Document d = make(Format::txt, {para("1. Indledning"), para(kBody), para("1) Beskæftigelsesministerens mål"),
                                        para("2) En beskrivelse af udfordringerne"),
                                        kind(para("Budget for beskæftigelsesindsatsen"), BlockKind::list_item)});
        CHECK(tree(segment(d)) == V{"1 [1] Indledning"});
    }
    SECTION("table cells, even bold or numbered ones") {
        Block cell = kind(para("2. Langtidsledige", 1, 12, true), BlockKind::table_cell);
        Block cell2 = kind(para("MÅLTAL", 1, 12, true), BlockKind::table_cell);
        Document d = make(Format::docx, {styled("1. Indledning", 1), para(kBody), cell, cell2});
        CHECK(tree(segment(d)) == V{"1 [1] Indledning"});
    }
    SECTION("sentences: a full stop, many words, or a lower-case start") {
        Document d = make(Format::txt, {para("1. Indledning"), para(kBody), para("Det er vigtigt at nå målene."),
                                        para("DER SKAL VÆRE FOKUS PÅ DE UNGE, SOM HVERKEN ER I UDDANNELSE ELLER JOB."),
                                        para("3. kvartal viste en stigning"), para("se også bilag 2")});
        CHECK(tree(segment(d)) == V{"1 [1] Indledning"});
    }
    SECTION("numbers in tables and bare page numbers") {
        Document d = make(Format::pdf, {para("1. Indledning", 1, 16, true), para(kBody, 1, 12),
                                        para("1.172", 1, 12, true), para("456", 1, 16), para("12", 1, 12)});
        CHECK(tree(segment(d)) == V{"1 [1] Indledning"});
    }
    SECTION("running headers and footers") {
        Document d = make(Format::pdf, {kind(para("BESKÆFTIGELSESPLAN 2012", 1, 9), BlockKind::header),
                                        para("1. Indledning", 1, 16, true), para(kBody, 1, 12),
                                        kind(para("Side 1 af 3", 1, 9), BlockKind::footer),
                                        kind(para("Kapitel 2 - Budget", 2, 12, true), BlockKind::footnote)});
        Outline o = segment(d);
        CHECK(tree(o) == V{"1 [1] Indledning"});
        CHECK(o.sections[0].blocks == std::vector<std::size_t>{2, 4});
    }
    SECTION("a line that runs on into the next block") {
        Document d = make(Format::pdf, {para("1. Indledning", 1, 16, true), para(kBody, 1, 12),
                                        para("Mål 1: Ledige skal hurtigt tilbage i job – Langtidsledigheden skal", 1,
                                             12, true),
                                        para("bekæmpes, og jobcentret vil derfor styrke indsatsen.", 1, 12)});
        CHECK(tree(segment(d)) == V{"1 [1] Indledning"});
    }
}

TEST_CASE("segment: empty and heading-less documents", "[segment]") {
    CHECK(segment(Document{}).sections.empty());
    Document d = make(Format::txt, {para(kBody), para(kBody)});
    Outline o = segment(d);
    CHECK(o.sections.empty());
    CHECK(o.preamble == std::vector<std::size_t>{0, 1});
}

TEST_CASE("segment: a 2,000-page plan of 20,000 blocks is segmented whole", "[segment][large]") {
    std::vector<Block> blocks;
    for (int ch = 1; ch <= 2000; ++ch) {
        blocks.push_back(para(std::to_string(ch % 90 + 1) + ". Kapitel om emne", ch / 10 + 1));
        for (int k = 0; k < 9; ++k) blocks.push_back(para(kBody, ch / 10 + 1));
    }
    Document d = make(Format::txt, std::move(blocks));
    Outline o = segment(d);  // speed is measured by bench/, never asserted here
    // Repeated numbers (1–90 over and over) are only taken while in sequence.
    REQUIRE(o.sections.size() >= 80);
    CHECK(o.sections.back().last_page == 201);
}

// Real plans number chapters without a dot ("1 Indledning", docs/real-plans.md
// #3, #8); in plain text the line is judged by its title, not by the digit.
TEST_CASE("segment: plain text — chapters numbered without a dot are headings", "[segment][layout]") {
    Document d = make(Format::txt, {para("1 Indledning"), para(kBody), para("2 De vigtigste udfordringer"),
                                    para(kBody), para("3 Budget"), para(kBody)});
    CHECK(tree(segment(d)) ==
          std::vector<std::string>{"1 [1] Indledning", "1 [2] De vigtigste udfordringer", "1 [3] Budget"});
}

// Plain text with dotted sub-numbers ("2.1") and chapters numbered without a
// dot: "1 Indledning" and "3 Budget" continue the numbering and stand alone,
// so they are chapters even though "2.1" alone would carry the numbering.
TEST_CASE("segment: plain text — undotted chapters beside dotted sections", "[segment][layout]") {
    Document d = make(Format::txt, {para("1 Indledning"), para(kBody), para("2 Ministerens mål"),
                                    para("2.1 Flere unge i uddannelse"), para(kBody), para("2.2 Færre langtidsledige"),
                                    para(kBody), para("3 Budget"), para(kBody)});
    CHECK(tree(segment(d)) == V{"1 [1] Indledning", "1 [2] Ministerens mål", "2 [2.1] Flere unge i uddannelse",
                                "2 [2.2] Færre langtidsledige", "1 [3] Budget"});
}

// Under numbered chapters, an unnumbered stand-alone line followed by body
// text is a sub-heading one level down; short lines without body text after
// them (the address at the end) are not.
TEST_CASE("segment: plain text — unnumbered sub-headings under numbered chapters", "[segment][layout]") {
    Document d = make(Format::txt, {para("Kapitel 1 - Indledning"), para(kBody), para("Kapitel 2 - Strategier"),
                                    para("Borgerrettet indsats"), para(kBody), para("Virksomhedsrettet indsats"),
                                    para(kBody), para("Kapitel 3 - Budget"), para(kBody),
                                    para("Jobcenter Syd"), para("Torvet 1")});
    CHECK(tree(segment(d)) == V{"1 [1] Indledning", "1 [2] Strategier", "2 [] Borgerrettet indsats",
                                "2 [] Virksomhedsrettet indsats", "1 [3] Budget"});
}

// "Tillæg nr. 1 til beskæftigelsesplanen 2014" starts its title lower-case
// and is still the annex's heading; its unnumbered sub-heading lies in it.
TEST_CASE("segment: plain text — an annex named after the plan, with a sub-heading", "[segment][layout]") {
    Document d = make(Format::txt, {para("1. Indledning"), para(kBody), para("2. Budget"), para(kBody),
                                    para("Tillæg nr. 1 til beskæftigelsesplanen 2014"),
                                    para("Samlet oversigt over mål"), para(kBody)});
    auto o = segment(d);
    CHECK(tree(o) == V{"1 [1] Indledning", "1 [2] Budget", "1 [1] til beskæftigelsesplanen 2014",
                       "2 [] Samlet oversigt over mål"});
    REQUIRE(o.sections.size() == 4);
    CHECK(o.sections[2].annex);
    CHECK(o.sections[3].parent == 2);
}

// "Ministermål N Title" (no separator) is a goal's heading; after a chapter
// that is not about the goals it stands beside it, with its own sub-headings
// below it, and the next numbered chapter closes it.
TEST_CASE("segment: plain text — 'Ministermål N' headings with their own sub-headings", "[segment][layout]") {
    Document d = make(Format::txt, {para("1. Indledning"), para(kBody), para("2. Udfordringer"), para(kBody),
                                    para("Ministermål 1 Flere unge skal have en uddannelse"), para("Udfordringen"),
                                    para(kBody), para("Målet"), para(kBody),
                                    para("Ministermål 2 Langtidsledigheden skal bekæmpes"), para("Målet"),
                                    para(kBody), para("3. Budget"), para(kBody)});
    CHECK(tree(segment(d)) == V{"1 [1] Indledning", "1 [2] Udfordringer",
                                "1 [] Ministermål 1 Flere unge skal have en uddannelse", "2 [] Udfordringen",
                                "2 [] Målet", "1 [] Ministermål 2 Langtidsledigheden skal bekæmpes", "2 [] Målet",
                                "1 [3] Budget"});
    // Under a chapter about the goals, the goals are its sections.
    Document e = make(Format::txt, {para("1. Indledning"), para(kBody), para("2. Ministerens mål"), para(kBody),
                                    para("Ministermål 1 Flere unge skal have en uddannelse"), para(kBody),
                                    para("3. Budget"), para(kBody)});
    CHECK(tree(segment(e)) == V{"1 [1] Indledning", "1 [2] Ministerens mål",
                                "2 [] Ministermål 1 Flere unge skal have en uddannelse", "1 [3] Budget"});
}

// Without numbering: a heading followed at once by another heading is a
// chapter, and the headings after it are its sections (so it is not empty).
TEST_CASE("segment: plain text — a heading with no text of its own takes the next headings", "[segment][layout]") {
    Document d = make(Format::txt, {para("Udviklingen på området"), para(kBody), para("Ministerens mål"),
                                    para("Flere i beskæftigelse"), para(kBody), para("Færre på forsørgelse"),
                                    para(kBody)});
    auto o = segment(d);
    CHECK(tree(o) == V{"1 [] Udviklingen på området", "1 [] Ministerens mål", "2 [] Flere i beskæftigelse",
                       "2 [] Færre på forsørgelse"});
    REQUIRE(o.sections.size() == 4);
    CHECK(o.sections[2].parent == 1);
}
