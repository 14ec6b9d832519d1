// What every check kind sees: the plan, prepared once per run (body text per
// block and per section, the targets read out of the text, which goal each
// section belongs to), and helpers to build evidence and findings.
// Internal to rules/: the public interface is rules/engine.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine.h"
#include "rules/matcher.h"

namespace plantjek::checks {

struct LocatedTarget {
    Target target;
    std::size_t block = 0;
    int section = -1;
    int goal = 0;        // goal number it belongs to, 0 = unknown
    bool annex = false;  // read in an annex (goal overview), not the main text
    bool shaped = false; // read through one of its goal's prescribed target shapes
};

struct Context {
    const EngineInput& in;
    EngineOutput& out;

    std::vector<bool> body;               // per block: body text (not header/footer/TOC/footnote)
    std::vector<int> section_of;          // per block: innermost section, -1 = preamble
    std::vector<std::string> section_text;  // per section: heading + own blocks + descendants' blocks
    std::vector<int> section_goal;        // per section: the goal number its heading (or an ancestor's) names, 0 = none
    std::vector<bool> annex_like;         // per section: reads as an annex (see reads_as_annex)
    std::vector<LocatedTarget> targets;   // every target sentence in document order
    std::string kommune;                  // first identified kommune ("" when unknown)

    const Document& doc() const { return *in.doc; }
    const Outline& outline() const { return *in.outline; }
    const Profile& profile() const { return *in.profile; }
    int year() const { return in.year; }
    bool draft() const { return in.stage == Stage::draft; }
    // A waiver takes this goal out of the goal checks (EngineInput::waived_goals).
    bool goal_waived(const std::string& goal_id) const {
        for (const auto& id : in.waived_goals)
            if (id == goal_id) return true;
        return false;
    }

    // "3.1 Unge" or "Tillæg 1 …" for a section index, "" for -1.
    std::string section_name(int s) const;
    int section_page(int s) const;
    // The first ~200 characters around byte offset `at` of a block's text.
    std::string excerpt(std::size_t block, std::size_t at = 0) const;
    // Where the page of a block is not known (Block::page 0): its 1-based
    // position among its section's paragraphs (the preamble's before the
    // first heading), a table counting as one; else 0. Linear in the section.
    int paragraph_of(std::size_t block) const;
    Evidence evidence_for_section(int s) const;
    Evidence evidence_for_block(std::size_t block, std::size_t at = 0, std::string match = {}) const;
    // Is s (or an ancestor of s) an annex section?
    bool in_annex(int s) const;
    // Is s in an annex, or in a chapter that is what an annex requirement
    // asks for under another name ("7 Opsummering af mål" as the goal
    // overview)? Its targets are then read as the overview's, not the text's.
    bool reads_as_annex(int s) const { return s >= 0 && s < static_cast<int>(annex_like.size()) && annex_like[s]; }
    void tag_section(int s, const std::string& requirement_id);

    void add_finding(const std::string& rule, Severity sev, Text2 message, std::size_t block, std::size_t at = 0);
    // The date of the profile's deadline `what` for the plan year ("" if none).
    std::string deadline_date(const std::string& what) const;
};

// Sets a requirement result to "missing": fail with the requirement's
// severity, or — in a draft when the profile allows it — a warning that
// names the date by which it must be in place.
void missing(const Context& c, const Requirement& r, RequirementResult& res, const Text2& why);

// True when one of the plan year's annex requirements recognises the
// section's title or heading (what an annex holds, whatever it is called).
bool named_as_annex(const Context& c, const Section& sec);

// Looks for a section whose heading matches r.heading (annex_only: only
// annex sections). Returns the first section index or -1.
int find_section(const Context& c, const Requirement& r, bool annex_only = false);
// Looks for a block whose text hits at least r.min_terms distinct terms.
// Returns the block index or -1.
long find_terms(const Context& c, const Requirement& r, int within_section = -1);

// One function per check kind (rules/checks/<kind>.cpp). Each fills `res`
// (status, evidence, message) and may add findings.
using CheckFn = void (*)(Context&, const Requirement&, RequirementResult&);
void check_section(Context&, const Requirement&, RequirementResult&);
void check_annex(Context&, const Requirement&, RequirementResult&);
void check_goals(Context&, const Requirement&, RequirementResult&);
void check_targets(Context&, const Requirement&, RequirementResult&);
void check_budget(Context&, const Requirement&, RequirementResult&);
void check_other_actors(Context&, const Requirement&, RequirementResult&);
void check_placeholders(Context&, const Requirement&, RequirementResult&);
void check_consistency(Context&, const Requirement&, RequirementResult&);
void check_described(Context&, const Requirement&, RequirementResult&);
// The function of a kind (rules/checks/kinds.cpp, the registry), or nullptr.
CheckFn find_kind(std::string_view name);

// Not a requirement: the plan year's deadlines into the report, and a
// warning when an adoption/publication date stated in the plan is late.
void check_deadlines(Context&);
// Not a requirement: tracked changes and comments left in the document
// (Metadata::revisions), a warning in a final plan, info in a draft.
void check_revisions(Context&);

// Goal bookkeeping shared by "goals", "targets" and "consistency": fills
// out.goals once (addressed, page, section, targets of the main text).
void ensure_goals(Context&);

}  // namespace plantjek::checks
