// Identification on synthetic documents: one test per kommune, year and
// kind rule. The kommune dictionary is the real dictionaries/kommuner.tsv.
#include <catch2/catch.hpp>

#include <fstream>

#include "extractor/data_dir.h"
#include "extractor/identify.h"
#include "extractor/utf8.h"

using namespace plantjek;

namespace {

const std::string kBody =
    "Jobcentret vil styrke indsatsen over for de ledige, og planen beskriver de vigtigste tiltag i det kommende år.";

Block para(std::string text, int page = 1, BlockKind k = BlockKind::paragraph) {
    Block b;
    b.text = std::move(text);
    b.page = page;
    b.kind = k;
    b.all_caps = utf8::all_caps(b.text);
    return b;
}

// A plan: title-page lines, then "1. Indledning" and body text.
Document plan(std::vector<std::string> title_page, std::vector<std::string> body = {kBody}) {
    Document d;
    d.format = Format::txt;
    for (auto& t : title_page) d.blocks.push_back(para(t));
    d.blocks.push_back(para("1. Indledning", 2));
    for (auto& t : body) d.blocks.push_back(para(t, 2));
    return d;
}

Identity run(const Document& d) { return identify(d, segment(d)); }

bool reason_has(const Identity& id, const std::string& da_part) {
    for (const auto& r : id.reasons)
        if (r.da.find(da_part) != std::string::npos) return true;
    return false;
}

using S = std::vector<std::string>;
using Y = std::vector<int>;

}  // namespace

TEST_CASE("identify: the kommune dictionary has the 98 kommuner", "[identify][kommune]") {
    std::ifstream in(data_dir() + "/dictionaries/kommuner.tsv");
    REQUIRE(in);
    int n = 0;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') ++n;
    CHECK(n == 98);
}

TEST_CASE("identify: kommune from the title page", "[identify][kommune]") {
    SECTION("X Kommune") {
        auto id = run(plan({"Beskæftigelsesplan 2012", "Aarhus Kommune"}));
        CHECK(id.municipalities == S{"Aarhus"});
        CHECK(reason_has(id, "kommune Aarhus: titelsiden"));
    }
    SECTION("old spelling Århus") { CHECK(run(plan({"Beskæftigelsesplan 2008", "Århus Kommune"})).municipalities == S{"Aarhus"}); }
    SECTION("Åbenrå and a genitive") {
        CHECK(run(plan({"Åbenrå Kommunes beskæftigelsesplan 2009"})).municipalities == S{"Aabenraa"});
    }
    SECTION("Jobcenter X") {
        CHECK(run(plan({"Beskæftigelsesplan 2013", "Jobcenter Lolland"})).municipalities == S{"Lolland"});
    }
    SECTION("hyphen or space") {
        CHECK(run(plan({"Beskæftigelsesplan 2014", "Høje Taastrup Kommune"})).municipalities == S{"Høje-Taastrup"});
    }
    SECTION("jobcentre name that differs from the kommune's") {
        CHECK(run(plan({"Beskæftigelsesplan 2014", "Jobcenter Nordfyn"})).municipalities == S{"Nordfyns"});
    }
}

TEST_CASE("identify: the title page outweighs kommuner named in the text", "[identify][kommune]") {
    auto id = run(plan({"Beskæftigelsesplan 2012", "Jobcenter Kolding"},
                       {"Vi samarbejder med Vejle Kommune og Fredericia Kommune om virksomhedsservice.",
                        "Vejle Kommune og Middelfart Kommune deltager også."}));
    CHECK(id.municipalities == S{"Kolding"});
}

TEST_CASE("identify: running headers name the kommune when the title page does not", "[identify][kommune]") {
    Document d = plan({"Beskæftigelsesplan 2019"});
    d.blocks.insert(d.blocks.begin(), para("Ringsted Kommune – Beskæftigelsesplan 2019", 1, BlockKind::header));
    auto id = run(d);
    CHECK(id.municipalities == S{"Ringsted"});
    CHECK(reason_has(id, "sidehoved"));
}

TEST_CASE("identify: names that are Danish words count only as 'X Kommune' or 'Jobcenter X'", "[identify][kommune]") {
    auto none = run(plan({"Beskæftigelsesplan 2019"}, {"Vejen til job går gennem uddannelse. Greve og baroner."}));
    CHECK(none.municipalities.empty());
    CHECK(reason_has(none, "ikke fundet"));
    CHECK(run(plan({"Beskæftigelsesplan 2019", "Greve Kommune"})).municipalities == S{"Greve"});
    CHECK(run(plan({"Beskæftigelsesplan 2019", "Jobcenter Vejen"})).municipalities == S{"Vejen"});
}

TEST_CASE("identify: a lone bare mention in the body is enough when nothing else is named", "[identify][kommune]") {
    auto id = run(plan({"Beskæftigelsesplan 2020"}, {"Virksomhederne i Hjørring efterspørger faglærte."}));
    CHECK(id.municipalities == S{"Hjørring"});
}

TEST_CASE("identify: a joint plan names all its members", "[identify][kommune][joint]") {
    SECTION("'X Kommune og Y Kommune' with 'Fælles'") {
        auto id = run(plan({"Fælles beskæftigelsesplan 2014", "Frederikshavn Kommune og Læsø Kommune"}));
        auto m = id.municipalities;
        std::sort(m.begin(), m.end());
        CHECK(m == S{"Frederikshavn", "Læsø"});
        CHECK(reason_has(id, "fælles plan"));
    }
    SECTION("'X og Y Kommuner'") {
        auto id = run(plan({"Beskæftigelsesplan 2010", "Esbjerg og Fanø Kommuner"}));
        auto m = id.municipalities;
        std::sort(m.begin(), m.end());
        CHECK(m == S{"Esbjerg", "Fanø"});
    }
    SECTION("a neighbour on the title page of a single plan is not a member") {
        auto id = run(plan({"Beskæftigelsesplan 2010", "Jobcenter Odense", "Udarbejdet med bistand fra Jobcenter Kerteminde"},
                           {"Odense Kommune vil styrke indsatsen. Odense Kommune har mange ledige."}));
        CHECK(id.municipalities == S{"Odense"});
    }
}

TEST_CASE("identify: plan year from the title", "[identify][year]") {
    SECTION("one year") {
        auto id = run(plan({"Beskæftigelsesplan 2012", "Aarhus Kommune"}));
        CHECK(id.years == Y{2012});
        CHECK(reason_has(id, "planår 2012: titelsiden, 'Beskæftigelsesplan 2012'"));
    }
    SECTION("a span") { CHECK(run(plan({"Beskæftigelsesplan 2019–2022"})).years == Y{2019, 2020, 2021, 2022}); }
    SECTION("a span written short") { CHECK(run(plan({"Beskæftigelsesplan 2013-14"})).years == Y{2013, 2014}); }
    SECTION("'for'") { CHECK(run(plan({"Beskæftigelsesplan for 2010 for Esbjerg Kommune"})).years == Y{2010}); }
    SECTION("the month of writing: the plan for the following year") {
        auto id = run(plan({"Beskæftigelsesplan August 2011", "Næstved Kommune"}));
        CHECK(id.years == Y{2012});
        CHECK(reason_has(id, "følgende år"));
    }
    SECTION("a January title is that year's plan") {
        CHECK(run(plan({"Beskæftigelsesplan januar 2012"})).years == Y{2012});
    }
    SECTION("spaced digits") { CHECK(run(plan({"Beskæftigelsesplan 2 0 1 2"})).years == Y{2012}); }
    SECTION("the metadata title when the title page has none") {
        Document d = plan({"Jobcenter Horsens"});
        d.meta.title = "Beskæftigelsesplan 2011";
        auto id = run(d);
        CHECK(id.years == Y{2011});
        CHECK(reason_has(id, "metadata"));
    }
}

TEST_CASE("identify: years merely mentioned in the body do not count", "[identify][year]") {
    auto id = run(plan({"Beskæftigelsesplan 2012"},
                       {"I 2010 og 2011 steg ledigheden. Resultaterne fra 2010 viser, at 2009 var værre. 2010 2010 2010."}));
    CHECK(id.years == Y{2012});
}

TEST_CASE("identify: digits lost in extraction are completed from the text", "[identify][year]") {
    auto id = run(plan({"Beskæftigelsesplan 201"},
                       {"Antallet skal begrænses til 400 personer i december 2013, svt. et fald fra december 2011 "
                        "til december 2013."}));
    CHECK(id.years == Y{2013});
    CHECK(reason_has(id, "cifre tabt"));
}

TEST_CASE("identify: without a title, plan-year phrases in the text, then target deadlines (uncertain)",
          "[identify][year]") {
    SECTION("'beskæftigelsesplanen for 2014'") {
        auto id = run(plan({"Jobcenter Herning"}, {"Beskæftigelsesplanen for 2014 bygger på ministerens mål.",
                                                    "Planen for 2014 er drøftet i LBR."}));
        CHECK(id.years == Y{2014});
        CHECK(reason_has(id, "teksten"));
    }
    SECTION("target deadlines only") {
        auto id = run(plan({"Jobcenter Herning"}, {"Ledigheden skal ned til 300 personer i december 2013.",
                                                    "Tilgangen skal begrænses til 90 personer i december 2013."}));
        CHECK(id.years == Y{2013});
        CHECK(reason_has(id, "usikkert"));
    }
    SECTION("nothing at all") {
        auto id = run(plan({"Jobcenter Herning"}));
        CHECK(id.years.empty());
        CHECK(reason_has(id, "planår: ikke fundet"));
    }
}

TEST_CASE("identify: kind", "[identify][kind]") {
    SECTION("a plan") {
        auto id = run(plan({"Beskæftigelsesplan 2012", "Aarhus Kommune"}));
        CHECK(id.kind == DocKind::plan);
        CHECK(std::string(doc_kind_name(id.kind)) == "plan");
    }
    SECTION("udkast on the title page") {
        auto id = run(plan({"UDKAST – Beskæftigelsesplan 2019", "Middelfart Kommune"}));
        CHECK(id.kind == DocKind::draft);
        CHECK(reason_has(id, "udkast"));
    }
    SECTION("høringsudgave") {
        CHECK(run(plan({"Beskæftigelsesplan 2013", "Høringsudgave"})).kind == DocKind::draft);
    }
    SECTION("tracked changes alone do not make a draft") {
        Document d = plan({"Beskæftigelsesplan 2013"});
        d.meta.tracked_changes = true;
        auto id = run(d);
        CHECK(id.kind == DocKind::plan);
        CHECK(reason_has(id, "stadie: endelig plan (registrerede ændringer eller kommentarer gør den ikke alene til et udkast)"));
    }
    SECTION("only an annex") {
        auto id = run(plan({"Bilag til Beskæftigelsesplan 2012", "Aarhus Kommune"}));
        CHECK(id.kind == DocKind::annex);
        CHECK(id.years == Y{2012});
    }
    SECTION("a follow-up note about a plan") {
        auto id = run(plan({"Opfølgning på beskæftigelsesplan 2015", "Furesø Kommune – notat til Beskæftigelsesudvalget"}));
        CHECK(id.kind == DocKind::other);
        CHECK(std::string(doc_kind_name(id.kind)) == "unknown");
        CHECK(id.municipalities == S{"Furesø"});
        CHECK(id.years == Y{2015});
    }
    SECTION("an agenda that never mentions a plan") {
        auto id = run(plan({"Dagsorden", "Beskæftigelsesudvalget, Roskilde Kommune"}, {"Punkt 1: Godkendelse af referat."}));
        CHECK(id.kind == DocKind::other);
        CHECK(reason_has(id, "forekommer ikke"));
    }
    SECTION("a committee item approving a plan") {
        // the item is the first "heading", its first page holds the recommendation
        Document d = plan({"Godkendelse af Beskæftigelsesplan 2009"},
                          {"Forvaltningen indstiller, at udvalget godkender Beskæftigelsesplan 2009."});
        for (auto& b : d.blocks) b.page = 1;
        CHECK(run(d).kind == DocKind::other);
    }
}

namespace {
// A document of paragraphs, all on one page unless a line says "\f" (next page).
Document pages(const std::vector<std::string>& lines) {
    Document d;
    d.format = Format::txt;
    int page = 1;
    for (const auto& t : lines) {
        if (t == "\f") {
            ++page;
            continue;
        }
        d.blocks.push_back(para(t, page));
    }
    return d;
}
}  // namespace

// Issue 20: the kind weighs every signal. A note about a plan is no plan even
// when it names the plan and its year; a real plan is one even when its
// chapters do not follow the template or its front reads like a committee's.
TEST_CASE("identify: documents about a plan are not plans", "[identify][kind][not-a-plan]") {
    struct Case {
        const char* what;
        S lines;
        const char* reason;  // a part of the kind's reason
    };
    const Case cases[] = {
        {"a committee's decision that sends the plan to hearing",
         {"Beskæftigelsesudvalget", "Punkt 5. Beskæftigelsesplan 2014",
          "Beslutning: Udvalget godkender udkastet til Beskæftigelsesplan 2014 med de ændringer, der blev drøftet på "
          "mødet. Beskæftigelsesplanen sendes i høring i Det Lokale Beskæftigelsesråd og hos Regionen.",
          "Planen tager udgangspunkt i beskæftigelsesministerens fire mål for 2014.", "Fraværende: Ingen."},
         "beslutning"},
        {"a position paper on the plan",
         {"Holdningspapir", "LBR Vejle om Beskæftigelsesplan 2015",
          "Det Lokale Beskæftigelsesråd mener, at beskæftigelsesplanen for 2015 skal give de unge uden uddannelse en "
          "højere prioritet.",
          "Rådet anbefaler, at jobcentret styrker samarbejdet med erhvervsskolerne, og at virksomhederne inddrages "
          "tidligere i forløbene.",
          "Rådet vil følge planens mål tæt og drøfte dem på sine møder."},
         "holdningspapir"},
        {"a statement of position whose title says what it is about",
         {"Det Lokale Beskæftigelsesråds synspunkter om beskæftigelsesplanen 2015",
          "Rådet finder, at planen bør prioritere de langtidsledige højere.",
          "Rådet foreslår, at jobcentret opretter flere virksomhedspraktikker."},
         "om beskæftigelsesplan"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto id = run(pages(c.lines));
        CHECK(id.kind == DocKind::other);
        CHECK(reason_has(id, c.reason));
    }
}

TEST_CASE("identify: a real plan with few template signals is still a plan", "[identify][kind][not-a-plan]") {
    SECTION("chapters of its own, and a foreword that reads like a committee's recommendation") {
        auto id = run(pages({"Beskæftigelsesplan 2016",
                             "Svendborg Kommune",
                             "Forord",
                             "Beskæftigelsesudvalget indstiller planen til godkendelse i Byrådet den 23. juni 2015.",
                             "\f",
                             "1. Vores vej til flere i job",
                             "Vi vil have flere borgere i job og uddannelse, og vi tager udgangspunkt i "
                             "beskæftigelsesministerens mål for 2016.",
                             "2. Sådan hjælper vi borgerne",
                             "Den borgerrettede indsats bygger på tidlige samtaler og virksomhedspraktik.",
                             "3. Sammen med virksomhederne",
                             "Den virksomhedsrettede indsats samler vi i ét virksomhedsteam.",
                             "4. Det vil vi nå i 2016",
                             "Antallet af langtidsledige skal nedbringes til 310 personer i december 2016.",
                             "Bilag 1. Målene i tal",
                             "Tabellen viser målene for 2016."}));
        CHECK(id.kind == DocKind::plan);
        CHECK(id.years == Y{2016});
    }
    SECTION("a plan whose cover is lost: the word 'beskæftigelsesplan' never occurs") {
        auto id = run(pages({"1. Ministerens mål for 2013",
                             "Planen for 2013 tager udgangspunkt i ministerens mål. Antallet af personer i "
                             "arbejdskraftreserven skal begrænses til 640 personer i december 2013.",
                             "2. Strategi for den borgerrettede indsats",
                             "Jobcentret giver de ledige en tidlig indsats.",
                             "3. Strategi for den virksomhedsrettede indsats",
                             "Jobcentret besøger virksomhederne.",
                             "Tillæg 1. Målopfølgningsskema",
                             "Skemaet gentager måltallene."}));
        CHECK(id.kind == DocKind::plan);
        CHECK(reason_has(id, "ministerens mål"));
    }
    SECTION("the plan's own title with chapters of its own is a plan, not a note about one") {
        auto id = run(pages({"Beskæftigelsesplan 2019", "Lejre Kommune", "\f", "Flere i job", "Vi vil have flere i job.",
                             "Unge på vej", "De unge skal i uddannelse.", "Bilag", "Målene i tal."}));
        CHECK(id.kind == DocKind::plan);
    }
}

// Issue 20 point 2: drafts by what real drafts write on their cover and in
// their text, weighed against what a final plan writes about its adoption.
TEST_CASE("identify: drafts by their cover and their text", "[identify][kind][draft]") {
    struct Case {
        const char* what;
        S cover;
        S body;
        DocKind kind;
        const char* reason;  // a part of the kind's reason
    };
    const std::string pending = "Afsnittet om budgettet udfyldes i den endelige udgave af planen.";
    const Case cases[] = {
        {"'Forslag til' in the title", {"Forslag til Beskæftigelsesplan 2015", "Gribskov Kommune"}, {kBody},
         DocKind::draft, "'forslag til beskæftigelsesplan' på forsiden"},
        {"sent to hearing", {"Beskæftigelsesplan 2014", "Til høring i LBR"}, {kBody}, DocKind::draft,
         "'til høring' på forsiden"},
        {"høringsudkast", {"Beskæftigelsesplan 2014 – høringsudkast"}, {kBody}, DocKind::draft, "'høringsudkast'"},
        {"'Første udkast' after the title", {"Beskæftigelsesplan for Jobcenter Halsnæs 2013 Første udkast"}, {kBody},
         DocKind::draft, "'første udkast'"},
        {"'2. udkast' after a comma", {"Halsnæs Kommune Beskæftigelsesplanen for 2013, 2. udkast"}, {kBody},
         DocKind::draft, "'2. udkast'"},
        {"kladde", {"Beskæftigelsesplan 2018", "Kladde"}, {kBody}, DocKind::draft, "'kladde'"},
        {"arbejdspapir", {"Arbejdspapir", "Beskæftigelsesplan 2018"}, {kBody}, DocKind::draft, "'arbejdspapir'"},
        {"a version below 1", {"Beskæftigelsesplan 2017", "version 0.9"}, {kBody}, DocKind::draft, "'version 0.9'"},
        {"a dated version", {"Beskæftigelsesplan 2015", "Version 2 – 12. maj 2014"}, {kBody}, DocKind::draft,
         "'version 2 – 12. maj 2014'"},
        {"an edition date", {"Beskæftigelsesplan 2014", "Udgave af 3. juni 2013"}, {kBody}, DocKind::draft,
         "'udgave af 3. juni 2013'"},
        {"a section that awaits the final edition", {"Beskæftigelsesplan 2014"}, {kBody, pending}, DocKind::draft,
         "teksten: 'udfyldes i den endelige udgave'"},
        {"'indsættes senere' with a version number", {"Beskæftigelsesplan 2016", "Version 3"},
         {kBody, "Budgettet indsættes senere."}, DocKind::draft, "'version 3' på forsiden; teksten: 'indsættes senere'"},
        // What does not make a draft.
        {"a bare version number: real plans number their revisions", {"Beskæftigelsesplan 2016", "Oktober 2016, version 3"},
         {kBody}, DocKind::plan, "stadie: endelig plan ('version 3' på forsiden gør den ikke alene til et udkast)"},
        {"one note that a goal awaits the minister", {"Beskæftigelsesplan 2019"},
         {kBody, "Målet afventer ministerens udmelding."}, DocKind::plan, "(teksten: 'afventer' gør den ikke alene til et udkast)"},
        {"a month on the cover", {"Beskæftigelsesplan 2016", "November 2015"}, {kBody}, DocKind::plan,
         "type: beskæftigelsesplan"},
        {"'(endelig version)'", {"Beskæftigelsesplan 2013 (endelig version)", "Version 4"}, {kBody}, DocKind::plan,
         "'endelig version' vejer tungere end 'version 4'"},
        {"adopted by the byråd: wins over a version number and a dated edition",
         {"Beskæftigelsesplan 2015", "Version 2 – 12. maj 2014", "Godkendt af byrådet den 24. september 2014"}, {kBody},
         DocKind::plan, "'godkendt af byrådet' vejer tungere end 'version 2 – 12. maj 2014'"},
        {"'Vedtaget' and a date", {"Beskæftigelsesplan 2019", "Vedtaget 12.12.2018"}, {kBody, pending}, DocKind::plan,
         "'vedtaget 12.12.2018' vejer tungere"},
        {"an adoption still to come is no adoption",
         {"Beskæftigelsesplan 2015", "Version 2 – 12. maj 2014", "Forventes godkendt af byrådet den 24. september 2014"},
         {kBody}, DocKind::draft, "'version 2 – 12. maj 2014' på forsiden"},
        {"a plan that has been heard", {"Beskæftigelsesplan 2013", "Planen har været i høring i LBR"}, {kBody},
         DocKind::plan, "type: beskæftigelsesplan"},
        {"an introduction that tells of the draft is no cover",
         {"Beskæftigelsesplan 2013"},
         {"Udkastet blev drøftet i LBR i juni, og rådets bemærkninger er indarbejdet i den plan, som byrådet nu har "
          "vedtaget."},
         DocKind::plan, "type: beskæftigelsesplan"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto id = run(plan(c.cover, c.body));
        for (const auto& r : id.reasons) INFO(r.da);
        CHECK(id.kind == c.kind);
        CHECK(reason_has(id, c.reason));
    }
}

TEST_CASE("identify: a draft word on the cover outweighs an adoption, tracked changes add to other signs",
          "[identify][kind][draft]") {
    auto word = run(plan({"UDKAST", "Beskæftigelsesplan 2019", "Godkendt af byrådet den 5. december 2018"}));
    CHECK(word.kind == DocKind::draft);
    CHECK(reason_has(word, "vejer tungere end 'godkendt af byrådet'"));

    Document d = plan({"Beskæftigelsesplan 2016", "Version 3"});
    CHECK(run(d).kind == DocKind::plan);
    d.meta.tracked_changes = true;
    auto with_changes = run(d);
    CHECK(with_changes.kind == DocKind::draft);
    CHECK(reason_has(with_changes, "'version 3' på forsiden; registrerede ændringer"));
    CHECK(run(plan({"Beskæftigelsesplan 2016", "Version 3", "Vedtaget af kommunalbestyrelsen den 8. december 2015"}))
              .kind == DocKind::plan);
}

// Issue 20 point 3: the year whatever the word order, the case or the names
// around it; every year of a multi-year plan.
TEST_CASE("identify: plan year in any word order and around a jobcentre's name", "[identify][year]") {
    struct Case {
        S cover;
        Y years;
    };
    const Case cases[] = {
        {{"2015 Beskæftigelsesplan", "Ballerup Kommune"}, {2015}},
        {{"BESKÆFTIGELSESPLAN 2015", "BALLERUP KOMMUNE"}, {2015}},
        {{"Jobcenter Ishøj – Beskæftigelsesplan 2016"}, {2016}},
        {{"Beskæftigelsesplan for Jobcenter Vallensbæk og Ishøj 2012"}, {2012}},
        {{"Jobcenter Vordingborg Beskæftigelsesplan 2013"}, {2013}},
        {{"Beskæftigelsesplan for Esbjerg Kommune 2010"}, {2010}},
        {{"Jobcenter Gladsaxe. Beskæftigelsesplan for indsatsåret 2009"}, {2009}},
        {{"Beskæftigelsesplan", "2015", "Hvidovre Kommune"}, {2015}},
        {{"Beskæftigelsesplan 2019–2021", "Holstebro Kommune"}, {2019, 2020, 2021}},
        {{"Beskæftigelsesplan 2021-2024"}, {2021, 2022, 2023, 2024}},
        {{"Beskæftigelsesplanen 2020-23"}, {2020, 2021, 2022, 2023}},
        {{"Beskæftigelsesplan for årene 2022 og 2023"}, {2022, 2023}},
        {{"Beskæftigelsesplan 2022, 2023 og 2024"}, {2022, 2023, 2024}},
        {{"2019–2021 Beskæftigelsesplan"}, {2019, 2020, 2021}},
        {{"Beskæftigelsesplan 2014 – 15. maj 2013"}, {2014}},
        {{"Beskæftigelsesplan 2015 og resultatrevision 2013"}, {2015}},
    };
    for (const auto& c : cases) {
        INFO(c.cover.front());
        CHECK(run(plan(c.cover)).years == c.years);
    }
    CHECK(reason_has(run(plan({"Beskæftigelsesplan", "2015"})), "året på sin egen linje"));
    CHECK(reason_has(run(plan({"Beskæftigelsesplan for årene 2022 og 2023"})), "planår 2022–2023"));
}

TEST_CASE("identify: kommuner from before 2007 map to today's kommune, only in context", "[identify][kommune]") {
    struct Case {
        const char* cover;
        const char* kommune;
    };
    const Case cases[] = {
        {"Frederiksværk-Hundested Kommune", "Halsnæs"}, {"Jobcenter Nørre Alslev", "Guldborgsund"},
        {"Århus Kommune", "Aarhus"},                    {"Farum Kommune", "Furesø"},
        {"Værløse Kommune", "Furesø"},                  {"Nykøbing Falster Kommune", "Guldborgsund"},
        {"Galten Kommune", "Skanderborg"},              {"Skanderborg Kommune", "Skanderborg"},
        {"Jobcenter Skagen", "Frederikshavn"},          {"Birkerød Kommunes beskæftigelsesplan", "Rudersdal"},
    };
    for (const auto& c : cases) {
        INFO(c.cover);
        auto id = run(plan({"Beskæftigelsesplan 2008", c.cover}));
        CHECK(id.municipalities == S{c.kommune});
    }
    CHECK(reason_has(run(plan({"Beskæftigelsesplan 2008", "Farum Kommune"})), "før kommunalreformen 2007"));
    // A town today: the bare name is no kommune.
    auto town = run(plan({"Beskæftigelsesplan 2016"}, {"Virksomhederne i Nakskov mangler faglærte."}));
    CHECK(town.municipalities.empty());
    // Every old name in the file names a kommune of today.
    std::ifstream in(data_dir() + "/dictionaries/kommuner-foer-2007.tsv");
    REQUIRE(in);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        ++n;
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        INFO(line);
        CHECK(canonical_kommune(line.substr(tab + 1)) == line.substr(tab + 1));
        CHECK(canonical_kommune(line.substr(0, tab)) == line.substr(tab + 1));
    }
    CHECK(n >= 30);
}

TEST_CASE("identify: a joint plan by names that stand together on the front", "[identify][kommune][joint]") {
    struct Case {
        S cover;
        S kommuner;  // sorted
    };
    const Case cases[] = {
        {{"Beskæftigelsesplan 2016", "Jobcenter Ishøj-Vallensbæk"}, {"Ishøj", "Vallensbæk"}},
        {{"Beskæftigelsesplan for Jobcenter Vallensbæk og Ishøj 2012"}, {"Ishøj", "Vallensbæk"}},
        {{"Beskæftigelsesplan 2012", "Fanø og Esbjerg"}, {"Esbjerg", "Fanø"}},
        {{"Beskæftigelsesplan 2013", "Jobcenter Læsø/Frederikshavn"}, {"Frederikshavn", "Læsø"}},
        {{"Ishøj og Vallensbæk Kommuners Beskæftigelsesplan 2011"}, {"Ishøj", "Vallensbæk"}},
        {{"Beskæftigelsesplan 2012 for det forpligtende samarbejde", "Ishøj Kommune", "Vallensbæk Kommune"},
         {"Ishøj", "Vallensbæk"}},
    };
    for (const auto& c : cases) {
        INFO(c.cover.back());
        auto id = run(plan(c.cover));
        auto m = id.municipalities;
        std::sort(m.begin(), m.end());
        CHECK(m == c.kommuner);
        CHECK(reason_has(id, "fælles plan for 2 kommuner"));
    }
    // Two kommuner apart on the cover of a single plan are not joint.
    auto single = run(plan({"Beskæftigelsesplan 2014", "Jobcenter Kolding", "I samarbejde med Vejle Kommune om virksomhedsservice"},
                           {"Kolding Kommune vil styrke indsatsen."}));
    CHECK(single.municipalities == S{"Kolding"});
}
