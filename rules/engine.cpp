#include "rules/engine.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "extractor/utf8.h"
#include "rules/checks/context.h"
#include "rules/target_parse.h"

namespace plantjek {

namespace checks {
namespace {

// "Ministermål 2", "Mål 3:", "Måltal for ministermål nr. 1" in a heading.
int goal_number_in(std::string_view text, int max) {
    static const RE2 re("(?i)(?:minister)?mål(?:tal)?\\s*(?:for\\s+ministermål\\s*)?(?:nr\\.?\\s*)?(\\d)(?:[^\\pN]|$)");
    int n = 0;
    if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re, &n) && n >= 1 && n <= max) return n;
    return 0;
}

// A row or line that starts with the goal's number: "1. Arbejdskraftreserven", "2 | …".
int leading_goal_number(std::string_view text, int max) {
    static const RE2 re("^\\s*(\\d)(?:[.)]\\s*|\\s*\\|\\s*|\\s+)\\pL");
    int n = 0;
    if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re, &n) && n >= 1 && n <= max) return n;
    return 0;
}

int goal_matching(const Context& c, std::string_view text) {
    for (const auto& g : c.profile().goals_for(c.year()))
        if (search_any(g.patterns, text)) return g.number;
    return 0;
}

// A target sentence in the ministry's prescribed shape for its goal is read
// through that shape's named groups (the profile decides which number is
// the target), and marked, so the goal check knows the wording is right.
void read_prescribed_shapes(Context& c) {
    const auto& goals = c.profile().goals_for(c.year());
    for (auto& lt : c.targets) {
        if (lt.annex || lt.goal < 1 || lt.goal > static_cast<int>(goals.size())) continue;
        for (const auto& shape : goals[lt.goal - 1].target_shapes) {
            auto t = read_with_shape(shape.pattern, lt.target.text);
            if (!t) continue;
            t->text = std::move(lt.target.text);
            t->page = lt.target.page;
            lt.target = std::move(*t);
            lt.shaped = true;
            break;
        }
    }
}

// Which blocks are body text (not header, footer, footnote, TOC or a
// heading) and which section each block belongs to.
void mark_blocks(Context& c) {
    const Document& d = c.doc();
    const Outline& o = c.outline();
    c.body.assign(d.blocks.size(), true);
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
        auto k = d.blocks[i].kind;
        if (k == BlockKind::header || k == BlockKind::footer || k == BlockKind::footnote) c.body[i] = false;
    }
    for (auto b : o.toc_blocks)
        if (b < c.body.size()) c.body[b] = false;
    c.section_of.assign(d.blocks.size(), -1);
    for (std::size_t s = 0; s < o.sections.size(); ++s) {
        const auto& sec = o.sections[s];
        if (sec.heading_block < d.blocks.size()) {
            c.section_of[sec.heading_block] = static_cast<int>(s);
            c.body[sec.heading_block] = false;  // headings are matched as headings, not as body
        }
        for (auto b : sec.blocks)
            if (b < d.blocks.size()) c.section_of[b] = static_cast<int>(s);
    }
}

// Each section's heading and body text with its descendants'. Parents come
// before children, so children are appended in reverse order; that only
// matters for excerpts, which use blocks.
void collect_section_text(Context& c) {
    const Document& d = c.doc();
    const Outline& o = c.outline();
    c.section_text.assign(o.sections.size(), {});
    for (std::size_t s = o.sections.size(); s-- > 0;) {
        const auto& sec = o.sections[s];
        std::string t = sec.heading;
        for (auto b : sec.blocks)
            if (b < d.blocks.size() && c.body[b]) t += "\n" + d.blocks[b].text;
        c.section_text[s] = t + c.section_text[s];  // children were appended to us already
        if (sec.parent >= 0) c.section_text[sec.parent] += "\n" + c.section_text[s];
    }
}

// One subsection per goal in goal order ("2.1 … 2.4" under "Ministerens
// mål"): a subsection whose heading was not recognised (a paraphrase, a word
// broken in extraction) takes its position's goal when at least half of its
// siblings sit at their own goal's position.
void goals_by_position(Context& c, int ngoals) {
    const Outline& o = c.outline();
    std::map<int, std::vector<int>> children;
    for (std::size_t s = 0; s < o.sections.size(); ++s) children[o.sections[s].parent].push_back(static_cast<int>(s));
    for (auto& [parent, kids] : children) {
        if (static_cast<int>(kids.size()) != ngoals) continue;
        int agree = 0;
        for (int k = 0; k < ngoals; ++k)
            if (c.section_goal[kids[k]] == k + 1 && (parent < 0 || c.section_goal[parent] == 0)) ++agree;
        if (2 * agree < ngoals) continue;
        for (int k = 0; k < ngoals; ++k)
            if (c.section_goal[kids[k]] == 0) c.section_goal[kids[k]] = k + 1;
    }
    for (std::size_t s = 0; s < o.sections.size(); ++s)  // children inherit again
        if (o.sections[s].parent >= 0 && c.section_goal[s] == 0) c.section_goal[s] = c.section_goal[o.sections[s].parent];
}

// The goal each section is about: named in its heading, else its parent's.
void assign_section_goals(Context& c, int ngoals) {
    const Outline& o = c.outline();
    c.section_goal.assign(o.sections.size(), 0);
    for (std::size_t s = 0; s < o.sections.size(); ++s) {
        const auto& sec = o.sections[s];
        int g = goal_number_in(sec.heading, ngoals);
        if (!g) g = goal_matching(c, sec.heading);
        if (!g && sec.parent >= 0) g = c.section_goal[sec.parent];
        c.section_goal[s] = g;
    }
    if (ngoals > 0) goals_by_position(c, ngoals);
}

LocatedTarget located(Target t, const Block& b, std::size_t block, int section, bool annex, int goal) {
    LocatedTarget lt;
    lt.target = std::move(t);
    lt.target.page = b.page;
    lt.block = block;
    lt.section = section;
    lt.annex = annex;
    lt.goal = goal;
    return lt;
}

// Goal-overview tables in an annex, read line by line: a PDF gives them
// line by line (often column by column), a text file as rows on lines, OCR
// a goal's label on one line and its values on the next ("Mål 1
// Arbejdskraftreserven" / "1.610 personer fald på 5 pct."). A label that
// names its goal by number carries that goal to the next line with values,
// once. Two labels without values between them mean the table was read
// column by column: then nothing carries in that annex (the values are
// paired by position afterwards).
class AnnexLines {
public:
    AnnexLines(const Context& c, int ngoals) : c_(c), ngoals_(ngoals) {}

    void read(const Block& b, std::size_t block, int section) {
        enter(section);
        std::size_t from = 0;
        while (from <= b.text.size()) {
            std::size_t nl = b.text.find('\n', from);
            if (nl == std::string::npos) nl = b.text.size();
            read_line(std::string_view(b.text).substr(from, nl - from), b, block, section);
            from = nl + 1;
        }
    }
    std::vector<LocatedTarget>& lines() { return lines_; }

private:
    // OCR makes specks into subheadings: the carry lives per annex.
    void enter(int s) {
        const Outline& o = c_.outline();
        int root = s;
        while (root >= 0 && o.sections[root].parent >= 0 && c_.reads_as_annex(o.sections[root].parent))
            root = o.sections[root].parent;
        if (root == carry_section_) return;
        carry_goal_ = 0;
        carry_section_ = root;
        label_pending_ = label_column_ = false;
    }

    void read_line(std::string_view line, const Block& b, std::size_t block, int section) {
        int g = goal_matching(c_, line);
        if (!g) g = goal_number_in(line, ngoals_);
        if (!g) g = leading_goal_number(line, ngoals_);
        std::vector<Target> found = parse_quantities(line);
        int numbered = goal_number_in(line, ngoals_);
        if (!numbered) numbered = leading_goal_number(line, ngoals_);
        if (numbered && found.empty()) {  // a label: "Mål 3 …" (the number beats another goal's keyword)
            if (label_pending_) label_column_ = true;
            label_pending_ = true;
            carry_goal_ = label_column_ ? 0 : numbered;
            return;
        }
        if (found.size() > 1 && read_labelled_row(line, b, block, section)) return;
        if (!g && carry_goal_ && !found.empty()) {
            g = carry_goal_;
            carry_goal_ = 0;
            found = whole_line(line);
        } else if (found.size() > 1) {
            g = 0;  // a row of several goals' values: paired by position below
        } else if (g) {
            found = whole_line(line);
        }
        if (!found.empty()) label_pending_ = false;
        for (auto& t : found) lines_.push_back(located(std::move(t), b, block, section, true, g));
    }

    // A row whose values follow their goals' labels on one line ("Unge i
    // uddannelse (mål 1) 14 pct. Tilgang til førtidspension (mål 2) 45
    // personer …", a text file's table): each value goes to the label before
    // it; a label beyond the minister's goals (a local "mål 5") takes its
    // value out of the pairing. False when the line has fewer than two labels.
    bool read_labelled_row(std::string_view line, const Block& b, std::size_t block, int section) {
        static const RE2 label("(?i)\\bmål\\s*(?:nr\\.?\\s*)?(\\d+)\\b");
        std::vector<std::pair<std::size_t, int>> at;  // end of each label, its goal number
        re2::StringPiece in(line.data(), line.size()), m;
        int n = 0;
        while (RE2::FindAndConsume(&in, label, &n)) at.push_back({static_cast<std::size_t>(in.data() - line.data()), n});
        if (at.size() < 2) return false;
        for (std::size_t k = 0; k < at.size(); ++k) {
            std::size_t from = at[k].first;
            std::size_t to = k + 1 < at.size() ? at[k + 1].first : line.size();
            std::string_view part = line.substr(from, to - from);
            int g = at[k].second >= 1 && at[k].second <= ngoals_ ? at[k].second : 0;
            std::vector<Target> found = parse_quantities(part);
            if (found.empty() || !g) continue;
            lines_.push_back(located(std::move(found.front()), b, block, section, true, g));
        }
        label_pending_ = false;
        return true;
    }

    static std::vector<Target> whole_line(std::string_view line) {
        std::vector<Target> v;
        if (auto t = parse_target_sentence(line, true); t && !t->unit.empty()) v.push_back(*t);
        return v;
    }

    const Context& c_;
    int ngoals_;
    int carry_goal_ = 0, carry_section_ = -2;
    bool label_pending_ = false, label_column_ = false;
    std::vector<LocatedTarget> lines_;
};

// The target sentences of a body paragraph, each given the goal its own
// words name, else its section's, else the paragraph's or the last one's.
// The share of the unemployed who start with another actor (the body
// patterns of the year's other-actors requirement) is that requirement's
// target, never a minister goal's, wherever it stands.
bool other_actors_share(const Context& c, std::string_view text) {
    for (const Requirement* q : c.profile().requirements_for(c.year()))
        if (q->kind == "other-actors" && search_any(q->body, text)) return true;
    return false;
}

void read_paragraph_targets(Context& c, std::size_t i, int s, int ngoals, int& last_goal) {
    const Block& b = c.doc().blocks[i];
    int para_goal = goal_matching(c, b.text);
    if (!para_goal) para_goal = goal_number_in(b.text, ngoals);
    if (para_goal) last_goal = para_goal;
    for (auto [x, y] : split_sentences(b.text)) {
        std::string_view sent = std::string_view(b.text).substr(x, y - x);
        auto t = parse_target_sentence(sent, false);
        if (!t || other_actors_share(c, sent)) continue;
        int g = goal_matching(c, sent);
        if (!g && s >= 0) g = c.section_goal[s];
        if (!g) g = para_goal ? para_goal : last_goal;
        c.targets.push_back(located(*t, b, i, s, c.reads_as_annex(s), g));
    }
}

// A table row (its cells joined by " | ") read relaxed as one target.
void read_row_target(Context& c, std::size_t i, const std::string& text, int ngoals, std::vector<LocatedTarget>& annex) {
    int s = c.section_of[i];
    auto t = parse_target_sentence(text, true);
    if (!t || other_actors_share(c, text)) return;
    int g = goal_matching(c, text);
    if (!g) g = goal_number_in(text, ngoals);
    if (!g) g = leading_goal_number(text, ngoals);
    if (!g && s >= 0) g = c.section_goal[s];
    LocatedTarget lt = located(*t, c.doc().blocks[i], i, s, c.reads_as_annex(s), g);
    (lt.annex ? annex : c.targets).push_back(std::move(lt));
}

// Values listed without their goal, one per goal in goal order (a PDF
// table read column by column): paired by position.
void pair_by_position(std::vector<LocatedTarget>& annex, int ngoals) {
    std::map<int, std::vector<LocatedTarget*>> by_section;
    for (auto& lt : annex)
        if (lt.target.value || !lt.target.filled) by_section[lt.section].push_back(&lt);
    for (auto& [sec, v] : by_section) {
        bool in_order = true;  // every value whose goal is known sits at its goal's position
        for (std::size_t k = 0; k < v.size(); ++k)
            if (v[k]->goal && v[k]->goal != static_cast<int>(k) + 1) in_order = false;
        if (in_order && static_cast<int>(v.size()) == ngoals)
            for (int k = 0; k < ngoals; ++k)
                if (!v[k]->goal) v[k]->goal = k + 1;
    }
}

// Every target in the plan: sentences of body paragraphs, rows of tables
// (relaxed) and lines of the annex's goal tables.
void collect_targets(Context& c, int ngoals) {
    const Document& d = c.doc();
    std::map<std::pair<int, int>, std::pair<std::size_t, std::string>> rows;
    AnnexLines annex(c, ngoals);
    int last_goal = 0, last_section = -2;
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
        if (!c.body[i]) continue;
        const Block& b = d.blocks[i];
        int s = c.section_of[i];
        if (s != last_section) {
            last_goal = 0;
            last_section = s;
        }
        if (b.kind == BlockKind::table_cell) {
            auto [it, fresh] = rows.try_emplace({b.table, b.row}, i, b.text);
            if (!fresh) it->second.second += " | " + b.text;
        } else if (c.reads_as_annex(s)) {
            annex.read(b, i, s);
        } else {
            read_paragraph_targets(c, i, s, ngoals, last_goal);
        }
    }
    for (auto& [key, row] : rows) read_row_target(c, row.first, row.second, ngoals, annex.lines());
    pair_by_position(annex.lines(), ngoals);
    for (auto& lt : annex.lines()) c.targets.push_back(std::move(lt));
}

// Per section: in an annex, or under a chapter whose title is what one of
// the year's annex requirements asks for (the annex by another name).
void mark_annex_like(Context& c) {
    const auto& secs = c.outline().sections;
    c.annex_like.assign(secs.size(), false);
    for (std::size_t s = 0; s < secs.size(); ++s) {
        int p = secs[s].parent;
        if (c.in_annex(static_cast<int>(s)) || (p >= 0 && c.annex_like[p])) {
            c.annex_like[s] = true;
            continue;
        }
        if (p < 0) c.annex_like[s] = named_as_annex(c, secs[s]);
    }
}

void prepare(Context& c) {
    const int ngoals = static_cast<int>(c.profile().goals_for(c.year()).size());
    mark_blocks(c);
    mark_annex_like(c);
    collect_section_text(c);
    assign_section_goals(c, ngoals);
    collect_targets(c, ngoals);
    read_prescribed_shapes(c);
    // A target without a date in a one-year plan is a target for that year.
    if (c.in.identity->years.size() <= 1)
        for (auto& lt : c.targets)
            if (lt.target.deadline.empty() && !lt.annex) {
                lt.target.deadline = std::to_string(c.year());
                lt.target.deadline_year = c.year();
            }
    std::stable_sort(c.targets.begin(), c.targets.end(),
                     [](const LocatedTarget& a, const LocatedTarget& b) { return a.block < b.block; });
    if (!c.in.identity->municipalities.empty()) c.kommune = c.in.identity->municipalities.front();
}

}  // namespace

std::string Context::section_name(int s) const {
    if (s < 0 || s >= static_cast<int>(outline().sections.size())) return "";
    return section_label(outline().sections[s]);
}

int Context::section_page(int s) const {
    if (s < 0 || s >= static_cast<int>(outline().sections.size())) return 0;
    return outline().sections[s].first_page;
}

std::string Context::excerpt(std::size_t block, std::size_t at) const {
    if (block >= doc().blocks.size()) return "";
    const std::string& t = doc().blocks[block].text;
    std::size_t b = at > 80 ? at - 80 : 0;
    while (b > 0 && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
    while (b > 0 && t[b - 1] != ' ') --b;  // start at a word
    return (b > 0 ? "…" : "") + utf8::excerpt(std::string_view(t).substr(b, 400), 200);
}

int Context::paragraph_of(std::size_t block) const {
    if (block >= doc().blocks.size() || doc().blocks[block].page != 0) return 0;
    int s = section_of[block];
    const auto& list = s >= 0 ? outline().sections[s].blocks : outline().preamble;
    int n = 0, table = -1;
    for (auto b : list) {
        if (b >= doc().blocks.size()) continue;
        const Block& x = doc().blocks[b];
        if (x.kind == BlockKind::header || x.kind == BlockKind::footer || x.kind == BlockKind::footnote) continue;
        if (x.kind != BlockKind::table_cell || x.table != table) ++n;
        table = x.kind == BlockKind::table_cell ? x.table : -1;
        if (b == block) return n;
    }
    return 0;
}

Evidence Context::evidence_for_section(int s) const {
    Evidence e;
    e.page = section_page(s);
    e.section = section_name(s);
    const auto& sec = outline().sections[s];
    for (auto b : sec.blocks)
        if (b < body.size() && body[b]) {
            e.excerpt = excerpt(b);
            break;
        }
    if (e.excerpt.empty()) e.excerpt = sec.heading;
    return e;
}

Evidence Context::evidence_for_block(std::size_t block, std::size_t at, std::string match) const {
    Evidence e;
    e.page = block < doc().blocks.size() ? doc().blocks[block].page : 0;
    e.section = block < section_of.size() ? section_name(section_of[block]) : "";
    e.paragraph = paragraph_of(block);
    e.excerpt = excerpt(block, at);
    e.match = std::move(match);
    return e;
}

bool Context::in_annex(int s) const {
    while (s >= 0) {
        if (outline().sections[s].annex) return true;
        s = outline().sections[s].parent;
    }
    return false;
}

void Context::tag_section(int s, const std::string& id) {
    if (s < 0 || s >= static_cast<int>(out.section_requirements.size())) return;
    auto& v = out.section_requirements[s];
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}

void Context::add_finding(const std::string& rule, Severity sev, Text2 message, std::size_t block, std::size_t at) {
    Finding f;
    f.rule = rule;
    f.severity = sev;
    f.message = std::move(message);
    if (block < doc().blocks.size()) {
        f.page = doc().blocks[block].page;
        f.section = section_name(section_of[block]);
        f.paragraph = paragraph_of(block);
        f.excerpt = excerpt(block, at);
    }
    out.findings.push_back(std::move(f));
}

std::string Context::deadline_date(const std::string& what) const {
    for (const auto& d : profile().deadlines_for(year()))
        if (d.what == what) return d.date;
    return "";
}

void missing(const Context& c, const Requirement& r, RequirementResult& res, const Text2& why) {
    if (c.draft() && r.draft_may_lack) {
        res.status = ReqStatus::warn;
        res.severity = Severity::warning;
        std::string date = c.deadline_date(r.due.empty() ? "publication" : r.due);
        res.message.da = why.da + " Udkast: skal være på plads" + (date.empty() ? "" : " senest " + date) +
                         " (" + r.message.da + ")";
        res.message.en = why.en + " Draft: must be in place" + (date.empty() ? "" : " by " + date) + " (" +
                         r.message.en + ")";
        return;
    }
    res.status = !r.required ? ReqStatus::not_applicable
                 : r.severity == Severity::error ? ReqStatus::fail : ReqStatus::warn;
    res.message.da = why.da + " " + r.message.da;
    res.message.en = why.en + " " + r.message.en;
}

bool named_as_annex(const Context& c, const Section& sec) {
    for (const Requirement* q : c.profile().requirements_for(c.year()))
        if (q->kind == "annex" && (search_any(q->heading, sec.title) || search_any(q->heading, sec.heading))) return true;
    return false;
}

int find_section(const Context& c, const Requirement& r, bool annex_only) {
    const auto& secs = c.outline().sections;
    for (std::size_t s = 0; s < secs.size(); ++s) {
        if (annex_only && !c.in_annex(static_cast<int>(s))) continue;
        if (search_any(r.heading, secs[s].heading) || search_any(r.heading, secs[s].title))
            return static_cast<int>(s);
    }
    return -1;
}

long find_terms(const Context& c, const Requirement& r, int within) {
    if (r.terms.empty()) return -1;
    const auto& blocks = c.doc().blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!c.body[i]) continue;
        if (within >= 0 && c.section_of[i] != within) continue;
        if (count_distinct(r.terms, blocks[i].text) >= std::max(1, r.min_terms)) return static_cast<long>(i);
    }
    return -1;
}

}  // namespace checks

namespace {

// A failed requirement is also a finding, so the list of what to act on is
// complete; so is a warned one that has no evidence to point at.
void add_requirement_findings(EngineOutput& out) {
    for (const auto& q : out.requirements) {
        if (!(q.status == ReqStatus::fail || (q.status == ReqStatus::warn && q.evidence.empty()))) continue;
        Finding f;
        f.rule = q.id;
        f.severity = q.status == ReqStatus::fail ? q.severity : Severity::warning;
        f.message = {q.title.da + ": " + q.message.da, q.title.en + ": " + q.message.en};
        f.requirement_result = true;
        if (!q.evidence.empty()) {
            f.page = q.evidence.front().page;
            f.section = q.evidence.front().section;
            f.paragraph = q.evidence.front().paragraph;
        }
        out.findings.push_back(std::move(f));
    }
}

// A duty that took effect during a plan year (Requirement::effective) binds
// a plan adopted or revised on or after that date. The date is the latest
// the plan itself states for its adoption or revision in the year before the
// plan year or the plan year; when it states none, the plan year's adoption
// deadline. Before the date the requirement fails with severity_before.
// Returns the requirement to apply (r itself, or `lenient` filled in) and
// the sentence that explains the date, for the result's message.
const Requirement& as_of_adoption(const checks::Context& c, const Requirement& r, Requirement& lenient, Text2& why) {
    if (r.effective.empty()) return r;
    const std::string from = std::to_string(c.year() - 1) + "-01-01", to = std::to_string(c.year()) + "-12-31";
    std::string date;
    for (const auto& b : c.doc().blocks) date = std::max(date, plan_adopted_or_revised(b.text, from, to));
    const bool stated = !date.empty();
    if (!stated) date = c.deadline_date("adoption");
    const std::string said = stated ? "planen angiver vedtagelse eller revision " + date
                                    : "planen angiver ingen dato; fristen for vedtagelse er " + date;
    const std::string said_en = stated ? "the plan states adoption or revision on " + date
                                       : "the plan states no date; its adoption deadline is " + date;
    if (date.empty() || date >= r.effective) {
        why = {"Kravet gælder fra " + r.effective + ", og " + said + ".", "The duty applies from " + r.effective + ", and " + said_en + "."};
        return r;
    }
    lenient = r;
    lenient.severity = r.severity_before;
    why = {"Kravet gælder planer vedtaget eller revideret fra " + r.effective + ", og " + said + ": derfor kun en advarsel.",
           "The duty binds plans adopted or revised from " + r.effective + ", and " + said_en + ": hence only a warning."};
    return lenient;
}

}  // namespace

EngineOutput run_engine(const EngineInput& in) {
    EngineOutput out;
    out.section_requirements.assign(in.outline->sections.size(), {});
    checks::Context c{in, out, {}, {}, {}, {}, {}, {}};
    checks::prepare(c);
    checks::ensure_goals(c);
    for (const Requirement* given : in.profile->requirements_for(in.year)) {
        Requirement lenient;
        Text2 dated;
        const Requirement* r = &as_of_adoption(c, *given, lenient, dated);
        RequirementResult res;
        res.id = r->id;
        res.title = r->title;
        res.legal_basis = r->legal_basis;
        res.severity = r->severity;
        if (!r->only_kommuner.empty()) {
            bool ours = false;
            for (const auto& k : r->only_kommuner)
                for (const auto& m : in.identity->municipalities)
                    if (utf8::lower(k) == utf8::lower(m)) ours = true;
            if (!ours) {
                res.status = ReqStatus::not_applicable;
                res.message = {"Gælder kun for bestemte kommuner, ikke for denne.",
                               "Applies only to certain municipalities, not to this one."};
                out.requirements.push_back(std::move(res));
                continue;
            }
        }
        if (auto fn = checks::find_kind(r->kind)) {
            fn(c, *r, res);
            if (!dated.da.empty() && res.status != ReqStatus::pass && res.status != ReqStatus::not_applicable)
                res.message = {res.message.da + " " + dated.da, res.message.en + " " + dated.en};
        } else {
            res.status = ReqStatus::warn;
            res.severity = Severity::warning;
            res.message = {"Ukendt kontroltype '" + r->kind + "' i profilen.",
                           "Unknown check kind '" + r->kind + "' in the profile."};
        }
        if (res.status != ReqStatus::not_applicable)  // where it was found, passed or not
            for (const auto& e : res.evidence)
                for (std::size_t s = 0; s < in.outline->sections.size(); ++s)
                    if (!e.section.empty() && c.section_name(static_cast<int>(s)) == e.section) c.tag_section(static_cast<int>(s), r->id);
        out.requirements.push_back(std::move(res));
    }
    // Requirements of the regime that start or end in another year than
    // this one are reported as not applicable, so results line up across years.
    for (const auto& r : in.profile->requirements) {
        bool have = false;
        for (const auto& q : out.requirements)
            if (q.id == r.id) have = true;
        if (have) continue;
        RequirementResult res;
        res.id = r.id;
        res.title = r.title;
        res.legal_basis = r.legal_basis;
        res.severity = r.severity;
        res.status = ReqStatus::not_applicable;
        int first = r.first_year ? r.first_year : in.profile->first_year;
        int last = r.last_year ? r.last_year : in.profile->last_year;
        res.message = {"Gælder for planår " + std::to_string(first) + "–" + std::to_string(last) + ", ikke " + std::to_string(in.year) + ".",
                       "Applies to plan years " + std::to_string(first) + "–" + std::to_string(last) + ", not " + std::to_string(in.year) + "."};
        out.requirements.push_back(std::move(res));
    }
    checks::check_deadlines(c);
    checks::check_revisions(c);
    std::stable_sort(out.findings.begin(), out.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.page < b.page; });
    for (const auto& t : c.targets)
        if (t.annex) out.annex_targets.push_back(t.target);
    add_requirement_findings(out);
    return out;
}

}  // namespace plantjek
