// report → suggestions: what a municipality can write or do to fix each
// failed or warned requirement, each goal without a usable target, and each
// finding.
//
// Why: a checker that only marks problems leaves the reader to work out the
// fix. The suggestion is an added field of plantjek.report/1 (`suggestion`
// on requirements, goals and findings), shown by the text and HTML writers
// and used as the comment text of an annotated document (annotate/).
//
// What it reads: only the finished Report — requirement results, goal
// results with their targets, findings with their locations, the plan
// year's deadlines. It never changes a status or a verdict. Target
// sentences follow the shape the ministry prescribed for the plan year
// (2010, 2012; DOMAIN.md §3), filled with the plan's own numbers where
// another target of the same goal (the goal annex, the text) has them, else
// with marked fields such as `[antal personer]` that a person fills in.
//
// Cost: linear in the report; no I/O. Limits: the wording is the project's
// own; for plan years without a prescribed shape (2013–2024) the sentence
// is a neutral one with marked fields.
#pragma once

#include "report/report.h"

namespace plantjek {

// Sets `suggestion` on every failed or warned requirement, every goal that
// is not addressed or has a target that is unfilled or off its shape, and
// every finding. Leaves passed, waived and not-applicable ones empty.
// assemble() calls it last.
void add_suggestions(Report& r);

// The sentence for one goal's target in the plan year's prescribed shape,
// with the plan's own numbers where `g` has them and marked fields where it
// does not. `year` is the plan year. Danish and English.
Text2 target_sentence(const GoalResult& g, int year);

}  // namespace plantjek
