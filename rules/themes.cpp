// The goal themes (see themes.h). The descriptions are this project's own
// summaries of the goals each theme holds.
#include "rules/themes.h"

namespace plantjek {

const std::vector<Theme>& themes() {
    static const std::vector<Theme> all = {
        {"long-term-unemployment",
         {"Langtidsledighed", "Long-term unemployment"},
         {"Færre ledige skal blive langtidsledige, og de, der er det, skal hurtigt tilbage i arbejde. Målet måles "
          "typisk som antallet af langtidsledige eller personer i arbejdskraftreserven på et bestemt tidspunkt.",
          "Fewer unemployed people should become long-term unemployed, and those who are should get back to work "
          "quickly. Usually measured as the number of long-term unemployed or people in the labour reserve."}},
        {"youth-education",
         {"Unge i uddannelse", "Young people in education"},
         {"Unge på offentlig forsørgelse skal i uddannelse eller job, så færre unge ender uden en "
          "erhvervskompetencegivende uddannelse.",
          "Young people on public support should move into education or work, so that fewer end up without a "
          "vocational qualification."}},
        {"sick-leave",
         {"Sygefravær", "Sickness absence"},
         {"Sygefraværet skal ned: færre og kortere sygedagpengeforløb.",
          "Sickness absence should fall: fewer and shorter spells on sickness benefit."}},
        {"permanent-support",
         {"Permanent forsørgelse", "Permanent support"},
         {"Færre skal gå på permanente ydelser som førtidspension og fleksjob; tilgangen til dem skal begrænses.",
          "Fewer people should move onto permanent benefits such as disability pension and flexi-jobs; the "
          "inflow should be limited."}},
        {"vulnerable-unemployed",
         {"Udsatte ledige og borgere på kanten", "Vulnerable unemployed people"},
         {"Borgere langt fra arbejdsmarkedet – kontanthjælpsmodtagere, aktivitetsparate og langvarigt forsørgede "
          "– skal have en (ofte tværfaglig) indsats, der bringer dem tættere på eller ind på arbejdsmarkedet.",
          "Citizens far from the labour market – recipients of social assistance, those not ready for work and "
          "long-term recipients of support – should get an (often cross-disciplinary) effort that brings them "
          "closer to or into work."}},
        {"labour-supply-companies",
         {"Arbejdskraft til virksomhederne", "Labour for businesses"},
         {"Virksomhederne skal have den arbejdskraft, de har brug for: tæt kontakt og dialog med virksomhederne "
          "og et bedre match mellem ledige og ledige stillinger.",
          "Businesses should get the labour they need: close contact and dialogue with businesses and a better "
          "match between the unemployed and vacancies."}},
        {"immigrants-employment",
         {"Indvandrere og efterkommere i job", "Immigrants and descendants in work"},
         {"Flere indvandrere og efterkommere (særligt fra ikke-vestlige lande) skal i job i stedet for at være på "
          "offentlig forsørgelse. Efterfølges fra 2017 af temaet refugees-self-support.",
          "More immigrants and descendants (especially from non-Western countries) should get work instead of "
          "public support. Followed from 2017 by the theme refugees-self-support."}},
        {"refugees-self-support",
         {"Flygtninge bliver selvforsørgende", "Refugees become self-supporting"},
         {"Flere flygtninge og familiesammenførte skal være selvforsørgende gennem job eller uddannelse.",
          "More refugees and reunified family members should support themselves through work or education."}},
        {"self-support",
         {"Beskæftigelse frem for forsørgelse", "Work instead of public support"},
         {"Flere personer i alle grupper skal i beskæftigelse eller uddannelse i stedet for at være på offentlig "
          "forsørgelse; et bredt mål uden én bestemt målgruppe.",
          "More people in every group should be in work or education instead of on public support; a broad goal "
          "without one particular group."}},
        {"fraud-control",
         {"Socialt bedrageri og fejludbetalinger", "Benefit fraud and erroneous payments"},
         {"Kommunen skal styrke kontrollen med socialt bedrageri og fejludbetalinger.",
          "The kommune should strengthen its control of benefit fraud and erroneous payments."}},
        {"disability-employment",
         {"Personer med handicap i job", "People with disabilities in work"},
         {"Flere personer med handicap skal i beskæftigelse.", "More people with disabilities should get work."}},
        {"dignified-casework",
         {"Værdig sagsbehandling", "Dignified case handling"},
         {"Alle ledige skal mødes med en værdig sagsbehandling, der tager udgangspunkt i den enkeltes situation.",
          "Every unemployed person should meet dignified case handling based on their own situation."}},
        {"upskilling",
         {"Opkvalificering af ledige", "Upskilling the unemployed"},
         {"Flere ledige skal opkvalificeres, så deres kompetencer passer til virksomhedernes behov.",
          "More unemployed people should be upskilled so that their skills fit businesses' needs."}},
    };
    return all;
}

const Theme* find_theme(const std::string& id) {
    for (const auto& t : themes())
        if (id == t.id) return &t;
    return nullptr;
}

}  // namespace plantjek
