#include "rules/result.h"

namespace plantjek {

namespace {

// "4.2 Borgere på kanten" → "4.2"; "Budget", "Tillæg 1 Måloversigt" stay.
std::string section_short(const std::string& label) {
    std::string first = label.substr(0, label.find(' '));
    bool number = first.find_first_not_of("0123456789.") == std::string::npos &&
                  first.find_first_of("0123456789") != std::string::npos;
    return number ? first : label;
}

}  // namespace

Text2 location_text(int page, const std::string& section, int paragraph, bool with_section) {
    if (page > 0) return {"s. " + std::to_string(page), "p. " + std::to_string(page)};
    Text2 t;
    if (with_section && !section.empty()) {
        std::string s = section_short(section);
        t = {"afsnit " + s, "section " + s};
    }
    if (paragraph > 0) {
        std::string n = std::to_string(paragraph);
        std::string sep = t.da.empty() ? "" : ", ";
        t.da += sep + "tekstafsnit " + n;
        t.en += sep + "paragraph " + n;
        if (section.empty()) {
            t.da += " før første overskrift";
            t.en += " before the first heading";
        }
    }
    return t;
}

}  // namespace plantjek
