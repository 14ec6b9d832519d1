// Rule profiles: what the law and the ministry required of a plan year, as
// data (rules/profiles/*.yaml, schema in rules/README.md).
//
// Why data: the requirements change by plan year, are tied to a legal text,
// and must be reviewable by someone who does not read C++. The loader is
// strict — an unknown key, a missing field, a bad regex or a bad severity is
// a ProfileError naming file:line — so a typo in a profile can never silently
// turn a check off. Every pattern is compiled once here (see matcher.h for
// the options and the Danish-aware \b); the engine only matches.
//
// Everything in a Profile is immutable after loading and safe to share
// between threads (RE2 objects are thread-safe for matching).
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/result.h"  // Text2, Severity, Deadline (the report's)
#include "extractor/identify.h"  // Identity, for choose_profile

namespace re2 { class RE2; }

namespace plantjek {

// One compiled pattern. `source` is the text as written in the YAML file (with
// `\b` as the author wrote it); `re` is the compiled, rewritten form
// (case-insensitive, UTF-8, Danish-aware boundaries — matcher.h). Match it with
// the functions in matcher.h, not with RE2 directly, so boundary characters
// are handled. Never null after loading.
struct Pattern {
    std::string source;
    std::shared_ptr<const re2::RE2> re;
    int line = 0;  // line in the YAML file where the pattern stands
};

// Sample texts the test suite runs against a list of patterns: every `match`
// string must be matched by at least one pattern of the list, no `no_match`
// string by any.
struct Examples {
    std::vector<std::string> match, no_match;
};

// One required item of a regime (DESIGN.md §2 lists the canonical ids).
struct Requirement {
    std::string id;  // canonical id: minister-goals, goal-targets, challenges,
                     // citizen-strategy, company-strategy, other-actors, budget,
                     // annex-goal-overview, annex-lbr-plan, annex-jobconsultants,
                     // repatriation, no-placeholders, targets-consistent; a
                     // --rules file may add its own ids (lowercase-kebab)
    std::string kind;  // the check kind that applies it (rules/kinds.h lists
                       // them and the pattern families each one reads)
    Text2 title;       // short name, Danish and English
    Text2 message;     // what is wrong when it fails, Danish and English
    std::string legal_basis;  // "bek. nr. 1157 af 4.10.2007 § 20, nr. 5"
    Severity severity = Severity::error;  // severity when it fails
    bool required = true;  // false: never fails — pass when found, otherwise
                           // not-applicable (e.g. the jobkonsulent annex from
                           // 2011, needed only if the grant plan was adjusted)
    int first_year = 0;    // plan years it applies to within the profile;
    int last_year = 0;     // 0 = the profile's own first_year/last_year. The same
                           // id may appear twice with disjoint year spans
                           // (e.g. repatriation: warning 2019, error 2020–2024)
    bool draft_may_lack = false;  // in a draft its absence is a warning "must
                                  // be in place by <deadline `due`>", not `severity`
    std::string due;  // deadline `what` (DeadlineRule) named in that draft
                      // warning, e.g. "publication"; empty unless draft_may_lack
    std::string effective;  // ISO date a duty took effect during a plan year
                      // ("2019-03-01"); "" for none. A plan adopted or revised
                      // before it gets `severity_before` instead of `severity`
    Severity severity_before = Severity::warning;  // with `effective`
    int missing_goals_warning = 0;  // kind goals: when at least one goal is
                      // addressed and at most this many are not, a warning
                      // instead of `severity` (LOOB's goals are guiding: 1);
                      // none addressed is always `severity`
    std::vector<std::string> only_kommuner;  // non-empty: the requirement applies
                      // only to these kommuner (names as in DOMAIN.md, e.g. the
                      // 15 jobkonsulent kommuner); others get not-applicable
    std::vector<Pattern> heading;  // a section heading (or annex title) that
                                   // matches any of these → the item is there
    std::vector<Pattern> terms;    // key terms: a passage of body text with at
                                   // least `min_terms` DISTINCT term patterns
                                   // matching → warn "found in the text, not as
                                   // its own section"
    int min_terms = 2;
    std::vector<Pattern> body;  // further body patterns where the kind needs
                                // them (budget: an amount; other-actors: the
                                // target share; placeholders: see Profile)
    std::vector<Pattern> unfilled;  // budget: a template cell left empty ("xxx")
    Examples heading_examples;  // run against `heading`
    Examples terms_examples;    // run against `terms` (each must-match string
                                // must hit >= min_terms distinct terms; no
                                // no-match string may reach min_terms)
    Examples body_examples;     // run against `body`
    Examples unfilled_examples; // run against `unfilled`
    int line = 0;               // line in the YAML file
    std::string file;           // the YAML file it came from (profile or --rules)
};

// A target-sentence shape the ministry prescribed (2010, 2012). The regex has
// named groups the engine reads (any may be absent from a shape):
//   value  — the number ("1.234", "X" if left as placeholder)
//   unit   — "personer", "forløb", "procent", "pct." ...
//   month  — deadline month ("december")
//   year   — deadline year ("2012")
//   change — the percentage change ("5,0", "X")
//   direction — "stigning" | "fald" | "nedbringes" | ...
struct TargetShape {
    Pattern pattern;
    Examples examples;
};

// One of the minister's goals of a plan year.
struct Goal {
    int year = 0;
    int number = 0;        // 1-based, as the ministry numbered them
    std::string id;        // "goal-<year>-<number>", e.g. "goal-2012-1"
    Text2 title;           // da: as the ministry wrote it; en: a translation
    std::string theme;     // rules/themes.h id linking goals across years; "" when the profile gives none
    std::vector<Pattern> patterns;  // title or a recognisable paraphrase → addressed
    std::vector<TargetShape> target_shapes;  // empty: no prescribed shape
    bool pending = false;  // announced after the plan template (2019 goal 7)
    std::string confidence;  // "H", "M" or "L" (DOMAIN.md)
    Examples examples;     // run against `patterns`
    int line = 0;
};

// A deadline of the plan cycle. Dates are absolute ISO dates (the loader
// checks the form YYYY-MM-DD); most fall in the year before the plan year.
struct DeadlineRule {
    std::string what;  // "hearing" (draft to LBR), "remarks" (LBR/region
                       // remarks), "adoption" (kommunalbestyrelse), "approval"
                       // (the state side of a joint jobcentre, 2008–2009),
                       // "sending" (to RBR), "publication"
    Text2 label;       // for the report
    std::string date;  // "2011-10-15"
    bool approximate = false;  // DOMAIN.md gives it as "~" or "end of month"
};

struct Profile {
    std::string id;      // "bek-1157-2007" ... = the file name without .yaml
    Text2 title;
    int first_year = 0;  // plan years this profile covers, inclusive
    int last_year = 0;
    std::string legal_basis;  // the regime's legal basis in one line
    std::vector<Requirement> requirements;  // in file order
    std::map<int, std::vector<Goal>> goals;  // plan year → its goals, by number
    std::map<int, std::vector<DeadlineRule>> deadlines;  // plan year → deadlines
    std::vector<Pattern> placeholders;  // template leftovers anywhere in the
                                        // text: "X personer", "xxx", "[indsæt …]",
                                        // "afventer …", "udarbejdes, når …"
    Examples placeholder_examples;      // run against `placeholders`
    std::string placeholders_file;      // the file they stand in (a base profile's when inherited)
    std::string extends;                // the base profile's id (`extends:`), "" for none
    std::vector<std::string> source_files;  // the profile file, its bases (extends), then --rules files

    // Convenience lookups (nullptr / empty when absent).
    // The requirements that apply to plan year `year`, in file order (at most
    // one per id). This is what the engine should iterate.
    std::vector<const Requirement*> requirements_for(int year) const;
    // The requirement with that id applying to `year` (0: first with the id).
    const Requirement* requirement(const std::string& id, int year = 0) const;
    const std::vector<Goal>& goals_for(int year) const;
    const std::vector<DeadlineRule>& deadlines_for(int year) const;
};

// A profile file that is not valid. what() is "file:line: message", e.g.
// "rules/profiles/x.yaml:42: requirement 'budget': unknown key 'heding'".
struct ProfileError : std::runtime_error {
    std::string file;
    int line = 0;        // 1-based; 0 when the error is about the whole file
    std::string detail;  // the message without file:line
    ProfileError(std::string file, int line, std::string detail);
};

// Loads one profile file. `extends: <id>` makes it build on the profile
// <id>.yaml in the same folder: it inherits the base's `placeholders` (unless
// it gives its own), and each entry of its `requirements` is either a whole
// requirement (with `kind`), or `{id: …}` plus any of title, message,
// legal_basis, severity, required, years, draft_may_lack, due, only_kommuner,
// missing_goals_warning, effective, severity_before:
// the base's requirement with those fields replaced (its patterns, examples,
// file and line stay the base's). The list is the whole of what the regime
// requires, in report order: a base requirement not listed is not inherited.
// Goals and deadlines belong to plan years and are never inherited. Strict: unknown keys, missing required fields, a
// wrong type, a regex RE2 rejects (its error text is in the message), a bad
// severity, a non-canonical requirement id, a duplicate id, a YAML syntax
// error → ProfileError with file and line. Examples are NOT run here (the
// test suite and `plantjek profiles --test` run them: check_examples()).
Profile load_profile(const std::string& path);

// The same from YAML text already in memory (the fuzz target, tests).
// `name` stands for the path: messages name it, the profile id must equal
// its stem ("2016-2024.yaml" → "2016-2024"), and an `extends:` base is
// looked for in its folder.
Profile load_profile_from_string(const std::string& yaml, const std::string& name);

// All *.yaml in dir, sorted by first_year. Throws ProfileError for the first
// bad file, and when two profiles cover the same year.
std::vector<Profile> load_profiles(const std::string& dir);

// The profile whose [first_year, last_year] contains year, or nullptr.
const Profile* profile_for_year(const std::vector<Profile>& profiles, int year);

// Which profile a plan is checked against, for which plan year, or why none.
struct ProfileChoice {
    enum class Problem { none, not_a_plan, no_year, no_profile };
    const Profile* profile = nullptr;  // points into the vector given to choose_profile
    int year = 0;                      // the plan year the profile is applied for (0: unknown)
    Problem problem = Problem::none;   // none exactly when profile is set
    int covered_first = 0, covered_last = 0;  // the plan years all profiles cover, for messages
};
// The identified years' first (or `forced_year`), and the profile covering
// it; `forced_id` (--profile) wins over the year and is applied even to a
// document that does not look like a plan. Throws std::invalid_argument
// for a forced id that is not among `profiles`.
ProfileChoice choose_profile(const std::vector<Profile>& profiles, const Identity& identity, const std::string& forced_id,
                             int forced_year);

// --rules FILE: a region's own extra requirements, same requirement schema,
// file form `{ requirements: [ … ] }`. Ids may be new (lowercase-kebab) but
// must not repeat one already in the profile. Appends, and records the file
// in source_files. Throws ProfileError.
void add_rules_file(Profile& profile, const std::string& path);
// The same from YAML text in memory, named `name` in messages.
void add_rules_from_string(Profile& profile, const std::string& yaml, const std::string& name);

// The canonical requirement ids of DESIGN.md §2, in that order.
const std::vector<std::string>& canonical_requirement_ids();

// Runs every example of the profile (requirements, goals, target shapes,
// placeholders). Returns one line per failure, "file:line: <id>: must match
// '<example>'" / "must not match"; empty when all pass. `count` (optional)
// receives the number of examples run.
std::vector<std::string> check_examples(const Profile& profile, int* count = nullptr);

}  // namespace plantjek
