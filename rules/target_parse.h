// Target sentences out of free text (internal to rules/; parse_targets() in
// engine.h is the public entry). Cost: a handful of RE2 searches per
// sentence.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/result.h"

namespace plantjek {

struct Pattern;  // rules/profile.h

// Sentence spans [begin, end) in bytes; a dot after a common abbreviation
// ("pct.", "svt.", "jf.") or an initial does not end a sentence.
std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view text);

// One sentence → a target, or nothing when it is not one. Strict mode needs a
// deadline (month and year), a target verb and a quantity with a unit;
// relaxed mode (a row of a goal-overview table) needs only the quantity.
std::optional<Target> parse_target_sentence(std::string_view sentence, bool relaxed);

// The sentence read through a prescribed target shape (profile.h
// TargetShape): the shape's named groups fix value, unit, deadline, change
// and direction, so the number the ministry's wording puts in the value slot
// is the target even when the sentence holds other figures (a definition's
// percentage). A group left as a placeholder ("X", "…", or an unpicked
// "stigning/et fald") makes the target unfilled. Nothing when the shape does
// not match. `page` and `text` are left to the caller.
std::optional<Target> read_with_shape(const Pattern& shape, std::string_view sentence);

// Every quantity with a unit in a line that is not a change ("fald på 4
// pct."), e.g. a row of values read column by column out of a PDF table.
std::vector<Target> parse_quantities(std::string_view line);

}  // namespace plantjek
