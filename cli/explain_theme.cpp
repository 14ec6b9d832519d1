// plantjek explain THEME: a goal theme (rules/themes.h), what it covers and
// the minister's goals it holds, year by year, from the loaded profiles.
#include <iostream>

#include "cli/commands.h"
#include "rules/profile.h"
#include "rules/themes.h"

namespace plantjek {

bool explain_theme(std::ostream& os, const std::vector<Profile>& profiles, const std::string& id, Lang l) {
    const Theme* t = find_theme(id);
    if (!t) return false;
    const bool da = l == Lang::da;
    os << t->id << " — " << (da ? t->name.da : t->name.en) << "\n\n"
       << "  " << (da ? t->description.da : t->description.en) << "\n\n"
       << (da ? "  Ministermål i temaet, efter planår:" : "  Minister goals of the theme, by plan year:") << "\n";
    int n = 0;
    for (const auto& p : profiles)
        for (const auto& [year, goals] : p.goals)
            for (const auto& g : goals) {
                if (g.theme != t->id) continue;
                ++n;
                os << "    " << year << "  " << g.id << "  " << (da ? g.title.da : g.title.en) << "\n";
            }
    if (n == 0) os << (da ? "    (ingen mål i profilerne)" : "    (no goals in the profiles)") << "\n";
    return true;
}

}  // namespace plantjek
