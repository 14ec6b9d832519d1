#include "cli/profile_error.h"

#include <regex>
#include <utility>
#include <vector>

namespace plantjek {

namespace {

// English shape → Danish, applied in order; the context prefixes first.
const std::vector<std::pair<std::regex, std::string>>& table() {
    static const std::vector<std::pair<std::regex, std::string>> t = [] {
        std::vector<std::pair<std::string, std::string>> src = {
            {"^requirement '([^']*)': ", "kravet '$1': "},
            {"^requirement: ", "et krav: "},
            {"^goal '([^']*)': ", "målet '$1': "},
            {"^goal ([0-9]+): ", "et mål for $1: "},
            {"^deadline ([0-9]+): ", "en frist for $1: "},
            {"^placeholders: ", "pladsholderne: "},
            {"unknown key '([^']*)' \\(allowed: (.*)\\)$", "ukendt nøgle '$1' (tilladt: $2)"},
            {"missing key '([^']*)'$", "nøglen '$1' mangler"},
            {"bad pattern '(.*)': (.*)$", "ugyldigt mønster '$1': $2"},
            {"^no such file$", "filen findes ikke"},
            {"YAML syntax error: ", "YAML-syntaksfejl: "},
            {"expected a mapping$", "her skal stå nøgler med værdier (en mapping)"},
            {"'([a-z_]+)' must not be empty$", "'$1' må ikke være tom"},
            {"'([a-z_]+)' must be a whole number, not '(.*)'$", "'$1' skal være et helt tal, ikke '$2'"},
            {"'([a-z_]+)' must be a whole number$", "'$1' skal være et helt tal"},
            {"'([a-z_]+)' must be true or false, not '(.*)'$", "'$1' skal være true eller false, ikke '$2'"},
            {"'([a-z_]+)' must be true or false$", "'$1' skal være true eller false"},
            {"'([a-z_]+)' must be a list of patterns$", "'$1' skal være en liste af mønstre"},
            {"'([a-z_]+)' must be a list$", "'$1' skal være en liste"},
            {"'([a-z_]+)': every entry must be a string$", "'$1': hver post skal være en tekst"},
            {"'([a-z_]+)' patterns need examples that match and that must not match$",
             "mønstrene i '$1' skal have eksempler, der skal passe, og eksempler, der ikke må passe"},
            {"'years' must be \\[first, last\\]$", "'years' skal være [første år, sidste år]"},
            {"'years': first after last$", "'years': det første år ligger efter det sidste"},
            {"empty pattern$", "tomt mønster"},
            {"a pattern must be a string$", "et mønster skal være en tekst"},
            {"a profile is a mapping$", "en profil skal bestå af nøgler med værdier"},
            {"a profile cannot extend itself$", "en profil kan ikke bygge på sig selv"},
            {"'([a-z_]+)' must be a mapping \\{da: …, en: …\\}$", "'$1' skal have en dansk og en engelsk tekst {da: …, en: …}"},
            {"kind '([^']*)' needs '([^']*)' patterns$", "arten '$1' skal have mønstre i '$2'"},
            {"draft_may_lack needs 'due' \\(the deadline to name\\)$", "draft_may_lack kræver 'due' (fristen, der skal nævnes)"},
            {"no requirement '([^']*)' in the base profile '([^']*)' \\(a new one needs its kind\\)$",
             "grundprofilen '$2' har intet krav '$1' (et nyt krav skal have sin 'kind')"},
            {"'extends' names a profile id \\(lowercase, digits and '-'\\)$",
             "'extends' skal nævne en profils id (små bogstaver, cifre og '-')"},
            {"'extends' chain longer than 4 \\(a cycle\\?\\)$", "'extends' bygger på mere end 4 led (en løkke?)"},
            {"'extends: ([^']*)': no profile (.*)$", "'extends: $1': profilen $2 findes ikke"},
            {"'goals' must map a plan year to its list of goals$", "'goals' skal knytte hvert planår til en liste af mål"},
            {"no goals for plan year ([0-9]+)$", "ingen mål for planåret $1"},
            {"'deadlines' must map a plan year to its list of deadlines$", "'deadlines' skal knytte hvert planår til en liste af frister"},
            {"no deadlines for plan year ([0-9]+)$", "ingen frister for planåret $1"},
            {"a 'placeholders' requirement needs the 'placeholders' patterns$", "et krav om pladsholdere kræver mønstrene i 'placeholders'"},
            {"^YAML: ", "YAML-fejl: "},
            {"a rules file is a mapping \\{requirements: \\[…\\]\\}$", "en regelfil skal have formen {requirements: […]}"},
            {"^cannot read the profile directory: ", "kan ikke læse mappen med profiler: "},
        };
        std::vector<std::pair<std::regex, std::string>> out;
        for (auto& [from, to] : src) out.emplace_back(std::regex(from), to);
        return out;
    }();
    return t;
}

}  // namespace

std::string profile_error_text(const ProfileError& e, Lang lang) {
    if (lang == Lang::en) return e.what();
    std::string detail = e.detail;
    for (const auto& [re, to] : table()) detail = std::regex_replace(detail, re, to, std::regex_constants::format_first_only);
    std::string where = "fejl i regelprofilen " + e.file;
    if (e.line > 0) where += ", linje " + std::to_string(e.line);
    return where + ": " + detail;
}

}  // namespace plantjek
