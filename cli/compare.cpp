// The comparison of two reports (compare.h) and its three renderings.
#include "cli/compare.h"

#include <map>
#include <ostream>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/writers/writer.h"
#include "extractor/utf8.h"
#include "rules/themes.h"

namespace plantjek {

namespace {

std::string title_key(const std::string& t) {
    std::string s = utf8::lower(utf8::squeeze_spaces(t));
    while (!s.empty() && (s.back() == '.' || s.back() == ':' || s.back() == ' ')) s.pop_back();
    return s;
}

void compare_sections(const Report& a, const Report& b, Comparison& c) {
    std::multiset<std::string> old_titles, new_titles;
    for (const auto& s : a.outline) old_titles.insert(title_key(s.title));
    for (const auto& s : b.outline) new_titles.insert(title_key(s.title));
    std::vector<const OutlineEntry*> gone, come;
    for (const auto& s : a.outline)
        if (!new_titles.count(title_key(s.title))) gone.push_back(&s);
    for (const auto& s : b.outline)
        if (!old_titles.count(title_key(s.title))) come.push_back(&s);
    std::set<const OutlineEntry*> paired;
    for (const auto* n : come) {
        const OutlineEntry* match = nullptr;
        for (const auto* o : gone)
            if (!paired.count(o) && !n->number.empty() && o->number == n->number && o->annex == n->annex) {
                match = o;
                break;
            }
        if (match) {
            paired.insert(match);
            c.renamed.push_back({n->number, n->title, match->number, match->title});
        } else {
            c.added.push_back({n->number, n->title, "", ""});
        }
    }
    for (const auto* o : gone)
        if (!paired.count(o)) c.removed.push_back({o->number, o->title, "", ""});
}

// A theme's first goal and first filled target value in a report.
void theme_side(const Report& r, const std::string& theme, std::string& goal, std::optional<double>& value,
                std::string& unit) {
    for (const auto& g : r.goals) {
        if (g.theme != theme) continue;
        if (goal.empty()) goal = g.id;
        for (const auto& t : g.targets)
            if (t.filled && t.value && !value) {
                value = t.value;
                unit = t.unit;
                goal = g.id;
            }
    }
}

void compare_themes(const Report& a, const Report& b, Comparison& c) {
    for (const auto& th : themes()) {
        ThemeChange x;
        x.theme = th.id;
        theme_side(a, th.id, x.old_goal, x.old_value, x.old_unit);
        theme_side(b, th.id, x.new_goal, x.new_value, x.new_unit);
        if (x.old_goal.empty() && x.new_goal.empty()) continue;
        if (x.old_value && x.new_value && x.old_unit == x.new_unit) x.change = *x.new_value - *x.old_value;
        c.themes.push_back(x);
    }
}

bool failing(const std::string& s) { return s == "fail" || s == "warn"; }
bool met(const std::string& s) { return s == "pass" || s == "waived"; }

void compare_requirements(const Report& a, const Report& b, Comparison& c) {
    std::map<std::string, std::string> before;
    for (const auto& q : a.requirements) before[q.id] = req_status_name(q.status);
    for (const auto& q : b.requirements) {
        const std::string now = req_status_name(q.status);
        const std::string was = before.count(q.id) ? before[q.id] : "";
        if (failing(now) && !failing(was)) c.newly_failing.push_back({q.id, was, now});
        if (met(now) && failing(was)) c.newly_met.push_back({q.id, was, now});
    }
}

}  // namespace

Comparison compare_reports(const Report& a, const Report& b) {
    Comparison c;
    c.old_path = a.path;
    c.new_path = b.path;
    c.old_kommuner = a.municipalities;
    c.new_kommuner = b.municipalities;
    c.old_years = a.years;
    c.new_years = b.years;
    compare_sections(a, b, c);
    compare_themes(a, b, c);
    compare_requirements(a, b, c);
    return c;
}

}  // namespace plantjek
