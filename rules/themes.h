// Goal themes: a stable id that links the minister's goals of different plan
// years and regimes that pursue the same aim ("long-term-unemployment" is
// goal-2011-1, goal-2012-1, goal-2013-3 … goal-2016-3).
//
// Why: goal ids are per year, so a researcher following one aim across years
// would otherwise match titles by hand. Each goal in rules/profiles/*.yaml
// names its theme (`theme:`); the loader accepts only the ids listed here, so
// a typo fails when the profile is loaded, not silently in a query.
//
// What it costs: a static table, looked up linearly (a dozen entries).
// Limits: a theme is an editorial grouping by this project (docs/codebook.md
// and `plantjek explain THEME` say which goals it holds); the ministry did
// not number its goals this way, and neighbouring themes overlap in aim
// (permanent-support vs disability-employment).
#pragma once

#include <string>
#include <vector>

#include "rules/result.h"

namespace plantjek {

struct Theme {
    const char* id;
    Text2 name;         // a short name
    Text2 description;  // what the theme covers, in a few sentences
};

// Every theme, in a fixed order (the order of the charts and explanations).
const std::vector<Theme>& themes();

// The theme of this id, or nullptr.
const Theme* find_theme(const std::string& id);

}  // namespace plantjek
