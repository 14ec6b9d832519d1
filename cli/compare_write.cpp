// The renderings of a comparison (compare.h): text, JSON and an HTML page
// (inline style, no script, no network).
#include <cstdio>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/compare.h"
#include "cli/writers/writer.h"
#include "rules/themes.h"

namespace plantjek {

namespace {

using J = nlohmann::ordered_json;

struct Say {
    Lang l;
    const char* operator()(const char* da, const char* en) const { return l == Lang::da ? da : en; }
};

std::string num(const std::optional<double>& v) {
    if (!v) return "–";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", *v);
    return buf;
}

std::string signed_num(const std::optional<double>& v) {
    if (!v) return "";
    return (*v > 0 ? "+" : "") + num(v);
}

std::string section_text(const std::string& number, const std::string& title) {
    return number.empty() ? title : number + " " + title;
}

std::string theme_name(const std::string& id, Lang l) {
    const Theme* t = find_theme(id);
    return t ? (l == Lang::da ? t->name.da : t->name.en) : id;
}

J opt(const std::optional<double>& v) { return v ? J(*v) : J(nullptr); }

J to_json(const Comparison& c) {
    auto sections = [](const std::vector<SectionChange>& v, bool renamed) {
        J a = J::array();
        for (const auto& s : v) {
            J x = {{"number", s.number}, {"title", s.title}};
            if (renamed) x["old"] = {{"number", s.old_number}, {"title", s.old_title}};
            a.push_back(x);
        }
        return a;
    };
    J themes = J::array();
    for (const auto& t : c.themes)
        themes.push_back({{"theme", t.theme},
                          {"old", {{"goal", t.old_goal}, {"value", opt(t.old_value)}, {"unit", t.old_unit}}},
                          {"new", {{"goal", t.new_goal}, {"value", opt(t.new_value)}, {"unit", t.new_unit}}},
                          {"change", opt(t.change)}});
    auto reqs = [](const std::vector<RequirementChange>& v) {
        J a = J::array();
        for (const auto& q : v) a.push_back({{"id", q.id}, {"old", q.old_status}, {"new", q.new_status}});
        return a;
    };
    return {{"schema", "plantjek.compare/1"},
            {"old", {{"path", c.old_path}, {"municipalities", c.old_kommuner}, {"years", c.old_years}}},
            {"new", {{"path", c.new_path}, {"municipalities", c.new_kommuner}, {"years", c.new_years}}},
            {"sections", {{"added", sections(c.added, false)}, {"removed", sections(c.removed, false)},
                          {"renamed", sections(c.renamed, true)}}},
            {"themes", themes},
            {"requirements", {{"newly_failing", reqs(c.newly_failing)}, {"newly_met", reqs(c.newly_met)}}}};
}

void write_text(std::ostream& os, const Comparison& c, Lang l) {
    const Say say{l};
    os << say("Sammenligning", "Comparison") << ": " << c.old_path << " → " << c.new_path << "\n\n";
    auto list = [&](const char* da, const char* en, const std::vector<SectionChange>& v, bool renamed) {
        os << say(da, en) << " (" << v.size() << ")\n";
        for (const auto& s : v)
            os << "  " << (renamed ? section_text(s.old_number, s.old_title) + " → " : "")
               << section_text(s.number, s.title) << "\n";
    };
    list("Afsnit tilføjet", "Sections added", c.added, false);
    list("Afsnit fjernet", "Sections removed", c.removed, false);
    list("Afsnit omdøbt", "Sections renamed", c.renamed, true);
    os << "\n" << say("Mål efter tema (gammel → ny)", "Targets by theme (old → new)") << "\n";
    for (const auto& t : c.themes)
        os << "  " << t.theme << ": " << num(t.old_value) << (t.old_unit.empty() ? "" : " " + t.old_unit) << " → "
           << num(t.new_value) << (t.new_unit.empty() ? "" : " " + t.new_unit)
           << (t.change ? "  (" + signed_num(t.change) + ")" : "") << "  [" << (t.old_goal.empty() ? "–" : t.old_goal)
           << " → " << (t.new_goal.empty() ? "–" : t.new_goal) << "]\n";
    auto reqs = [&](const char* da, const char* en, const std::vector<RequirementChange>& v) {
        os << "\n" << say(da, en) << " (" << v.size() << ")\n";
        for (const auto& q : v) os << "  " << q.id << ": " << (q.old_status.empty() ? "–" : q.old_status) << " → " << q.new_status << "\n";
    };
    reqs("Krav, der nu ikke er opfyldt", "Requirements newly failing", c.newly_failing);
    reqs("Krav, der nu er opfyldt", "Requirements newly met", c.newly_met);
}

void write_html(std::ostream& os, const Comparison& c, Lang l) {
    const Say say{l};
    auto e = [](const std::string& s) { return html_escape(s); };
    os << "<!DOCTYPE html>\n<html lang=\"" << say("da", "en") << "\"><head><meta charset=\"utf-8\"><title>"
       << say("Sammenligning af planer", "Comparison of plans")
       << "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
          "td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left}.up{color:#a40}.down{color:#060}</style>"
          "</head><body>\n<h1>"
       << say("Sammenligning af planer", "Comparison of plans") << "</h1>\n<p>" << e(c.old_path) << " → " << e(c.new_path)
       << "</p>\n";
    auto list = [&](const char* da, const char* en, const std::vector<SectionChange>& v, bool renamed) {
        os << "<h2>" << say(da, en) << " (" << v.size() << ")</h2>\n<ul>\n";
        for (const auto& s : v)
            os << "<li>" << (renamed ? e(section_text(s.old_number, s.old_title)) + " → " : "")
               << e(section_text(s.number, s.title)) << "</li>\n";
        os << "</ul>\n";
    };
    list("Afsnit tilføjet", "Sections added", c.added, false);
    list("Afsnit fjernet", "Sections removed", c.removed, false);
    list("Afsnit omdøbt", "Sections renamed", c.renamed, true);
    os << "<h2>" << say("Mål efter tema", "Targets by theme") << "</h2>\n<table><tr><th>" << say("Tema", "Theme")
       << "</th><th>" << say("Før", "Before") << "</th><th>" << say("Nu", "Now") << "</th><th>"
       << say("Ændring", "Change") << "</th></tr>\n";
    for (const auto& t : c.themes)
        os << "<tr><td>" << e(theme_name(t.theme, l)) << "</td><td>" << e(num(t.old_value) + " " + t.old_unit)
           << "</td><td>" << e(num(t.new_value) + " " + t.new_unit) << "</td><td"
           << (t.change ? (*t.change > 0 ? " class=\"up\"" : " class=\"down\"") : "") << ">" << e(signed_num(t.change))
           << "</td></tr>\n";
    os << "</table>\n";
    auto reqs = [&](const char* da, const char* en, const std::vector<RequirementChange>& v) {
        os << "<h2>" << say(da, en) << " (" << v.size() << ")</h2>\n<ul>\n";
        for (const auto& q : v)
            os << "<li>" << e(q.id) << ": " << e(q.old_status.empty() ? "–" : q.old_status) << " → " << e(q.new_status) << "</li>\n";
        os << "</ul>\n";
    };
    reqs("Krav, der nu ikke er opfyldt", "Requirements newly failing", c.newly_failing);
    reqs("Krav, der nu er opfyldt", "Requirements newly met", c.newly_met);
    os << "</body></html>\n";
}

}  // namespace

void write_comparison(std::ostream& os, const Comparison& c, const std::string& format, Lang l) {
    if (format == "json") os << to_json(c).dump(2) << "\n";
    else if (format == "html") write_html(os, c, l);
    else write_text(os, c, l);
}

}  // namespace plantjek
