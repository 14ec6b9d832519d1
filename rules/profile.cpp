// The strict profile loader. Schema: rules/README.md.
#include "rules/profile.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "rules/kinds.h"
#include "rules/themes.h"
#include "rules/matcher.h"

namespace plantjek {

namespace {

std::string where(const std::string& file, int line) {
    return line > 0 ? file + ":" + std::to_string(line) : file;
}

}  // namespace

ProfileError::ProfileError(std::string f, int l, std::string d)
    : std::runtime_error(where(f, l) + ": " + d), file(std::move(f)), line(l), detail(std::move(d)) {}

const std::vector<std::string>& canonical_requirement_ids() {
    static const std::vector<std::string> ids = {
        "minister-goals",      "goal-targets",   "challenges",           "citizen-strategy",
        "company-strategy",    "other-actors",   "budget",               "annex-goal-overview",
        "annex-lbr-plan",      "annex-jobconsultants", "repatriation",   "no-placeholders",
        "targets-consistent"};
    return ids;
}

namespace {

const std::set<std::string> kDeadlineWhats = {"hearing", "remarks", "adoption", "approval", "sending", "publication"};

// Reading context: the file, and a prefix naming what is being read.
struct Ctx {
    std::string file;
    std::string what;  // "requirement 'budget'" (empty at top level)

    [[noreturn]] void fail(const YAML::Node& n, const std::string& msg) const {
        int line = n.IsDefined() ? static_cast<int>(n.Mark().line) + 1 : 0;
        fail(line, msg);
    }
    [[noreturn]] void fail(int line, const std::string& msg) const {
        throw ProfileError(file, line, what.empty() ? msg : what + ": " + msg);
    }
    Ctx sub(const std::string& w) const { return Ctx{file, w}; }
};

int line_of(const YAML::Node& n) { return n.IsDefined() ? static_cast<int>(n.Mark().line) + 1 : 0; }

// A map with only the allowed keys (no duplicates); `required` must be there.
void check_keys(const Ctx& c, const YAML::Node& map, const std::set<std::string>& allowed,
                const std::set<std::string>& required) {
    if (!map.IsMap()) c.fail(map, "expected a mapping");
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar()) c.fail(it->first, "a key must be a plain word");
        std::string k = it->first.Scalar();
        if (!allowed.count(k)) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            c.fail(it->first, "unknown key '" + k + "' (allowed: " + list + ")");
        }
        if (!seen.insert(k).second) c.fail(it->first, "duplicate key '" + k + "'");
    }
    for (const auto& r : required)
        if (!seen.count(r)) c.fail(map, "missing key '" + r + "'");
}

std::string get_string(const Ctx& c, const YAML::Node& n, const std::string& key, bool nonempty = true) {
    const YAML::Node v = n[key];
    if (!v.IsScalar()) c.fail(v.IsDefined() ? v : n, "'" + key + "' must be a string");
    std::string s = v.Scalar();
    if (nonempty && s.empty()) c.fail(v, "'" + key + "' must not be empty");
    return s;
}

int get_int(const Ctx& c, const YAML::Node& v, const std::string& key) {
    if (!v.IsScalar()) c.fail(v, "'" + key + "' must be a whole number");
    try {
        size_t used = 0;
        int x = std::stoi(v.Scalar(), &used);
        if (used != v.Scalar().size()) throw std::invalid_argument("trailing");
        return x;
    } catch (const std::exception&) {
        c.fail(v, "'" + key + "' must be a whole number, not '" + v.Scalar() + "'");
    }
}

bool get_bool(const Ctx& c, const YAML::Node& v, const std::string& key) {
    if (!v.IsScalar()) c.fail(v, "'" + key + "' must be true or false");
    const std::string& s = v.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
    c.fail(v, "'" + key + "' must be true or false, not '" + s + "'");
}

Text2 get_text2(const Ctx& c, const YAML::Node& parent, const std::string& key) {
    const YAML::Node v = parent[key];
    if (!v.IsMap()) c.fail(v.IsDefined() ? v : parent, "'" + key + "' must be a mapping {da: …, en: …}");
    Ctx cc = c.sub(c.what.empty() ? key : c.what + ": " + key);
    check_keys(cc, v, {"da", "en"}, {"da", "en"});
    return Text2{get_string(cc, v, "da"), get_string(cc, v, "en")};
}

std::vector<std::string> get_strings(const Ctx& c, const YAML::Node& v, const std::string& key) {
    std::vector<std::string> out;
    if (!v.IsSequence()) c.fail(v, "'" + key + "' must be a list");
    for (const auto& e : v) {
        if (!e.IsScalar()) c.fail(e, "'" + key + "': every entry must be a string");
        out.push_back(e.Scalar());
    }
    return out;
}

Pattern make_pattern(const Ctx& c, const YAML::Node& e) {
    if (!e.IsScalar()) c.fail(e, "a pattern must be a string");
    const std::string& src = e.Scalar();
    if (src.empty()) c.fail(e, "empty pattern");
    for (unsigned char ch : src)
        if (ch < 0x20 && ch != '\t')
            c.fail(e,
                   "control character in pattern (a double-quoted \"\\b\" is a backspace): write "
                   "patterns in single quotes");
    std::string err;
    auto re = compile_pattern(src, &err);
    if (!re) c.fail(e, "bad pattern '" + src + "': " + err);
    return Pattern{src, std::move(re), line_of(e)};
}

std::vector<Pattern> get_patterns(const Ctx& c, const YAML::Node& v, const std::string& key) {
    if (!v.IsSequence()) c.fail(v, "'" + key + "' must be a list of patterns");
    std::vector<Pattern> out;
    for (const auto& e : v) out.push_back(make_pattern(c, e));
    return out;
}

Examples get_examples(const Ctx& c, const YAML::Node& v, const std::string& key) {
    Ctx cc = c.sub(c.what + ": examples " + key);
    check_keys(cc, v, {"match", "no_match"}, {"match", "no_match"});
    Examples ex;
    ex.match = get_strings(cc, v["match"], "match");
    ex.no_match = get_strings(cc, v["no_match"], "no_match");
    return ex;
}

// A non-empty pattern list must come with examples of both kinds.
void require_examples(const Ctx& c, const YAML::Node& at, const std::vector<Pattern>& ps,
                      const Examples& ex, const std::string& key) {
    if (ps.empty()) return;
    if (ex.match.empty() || ex.no_match.empty())
        c.fail(at, "'" + key + "' patterns need examples that match and that must not match");
}

bool kebab(const std::string& s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    return std::all_of(s.begin(), s.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    });
}

bool iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::string known_kinds() {
    std::string list;
    for (const auto& k : check_kinds()) list += (list.empty() ? "" : ", ") + std::string(k.name);
    return " (known: " + list + ")";
}

// One pattern family of a requirement: its key, the flag of rules/kinds.h,
// where it goes, and its examples.
struct Family {
    const char* key;
    KindReads flag;
    std::vector<Pattern> Requirement::*patterns;
    Examples Requirement::*examples;
};
const Family kFamilies[] = {
    {"heading", reads_heading, &Requirement::heading, &Requirement::heading_examples},
    {"terms", reads_terms, &Requirement::terms, &Requirement::terms_examples},
    {"body", reads_body, &Requirement::body, &Requirement::body_examples},
    {"unfilled", reads_unfilled, &Requirement::unfilled, &Requirement::unfilled_examples},
};

// The pattern families a requirement gives, checked against what its kind
// reads: a family the kind never looks at is an error, so no pattern in a
// profile is dead; one the kind needs must be there.
void read_pattern_families(const Ctx& c, const YAML::Node& n, Requirement& r) {
    const KindInfo& kind = *find_check_kind(r.kind);
    const YAML::Node ex = n["examples"];
    if (ex) {
        std::set<std::string> keys;
        for (const auto& f : kFamilies) keys.insert(f.key);
        check_keys(c, ex, keys, {});
    }
    for (const auto& f : kFamilies) {
        if (n[f.key] && !(kind.reads & f.flag))
            c.fail(n[f.key], "kind '" + r.kind + "' does not read '" + f.key + "' patterns (remove them, or use a kind that does)");
        if (ex && ex[f.key] && !n[f.key]) c.fail(ex[f.key], std::string("examples for '") + f.key + "' but no such patterns");
        if (n[f.key]) r.*f.patterns = get_patterns(c, n[f.key], f.key);
        if ((kind.needs & f.flag) && (r.*f.patterns).empty())
            c.fail(n, "kind '" + r.kind + "' needs '" + f.key + "' patterns");
        if (ex && ex[f.key]) r.*f.examples = get_examples(c, ex[f.key], f.key);
        require_examples(c, n, r.*f.patterns, r.*f.examples, f.key);
    }
    if (n["min_terms"]) {
        if (r.terms.empty()) c.fail(n["min_terms"], "'min_terms' without 'terms'");
        r.min_terms = get_int(c, n["min_terms"], "min_terms");
        if (r.min_terms < 1 || r.min_terms > static_cast<int>(r.terms.size()))
            c.fail(n["min_terms"], "min_terms must be between 1 and the number of terms");
    }
}

// The fields of a requirement besides its id, kind and patterns; an entry
// that inherits from the base profile (no `kind`) may give only these, and
// each one it gives replaces the base's.
const std::set<std::string> kRequirementFields = {"title", "message", "legal_basis", "severity", "required",
                                                  "years", "draft_may_lack", "due", "only_kommuner",
                                                  "missing_goals_warning", "effective", "severity_before"};

Severity read_severity(const Ctx& c, const YAML::Node& n, const std::string& key) {
    std::string sev = get_string(c, n, key);
    if (sev == "error") return Severity::error;
    if (sev == "warning") return Severity::warning;
    if (sev == "info") return Severity::info;
    c.fail(n[key], key + " must be error, warning or info, not '" + sev + "'");
}

void read_requirement_fields(const Ctx& c, const YAML::Node& n, Requirement& r) {
    if (n["title"]) r.title = get_text2(c, n, "title");
    if (n["message"]) r.message = get_text2(c, n, "message");
    if (n["legal_basis"]) r.legal_basis = get_string(c, n, "legal_basis");
    if (n["severity"]) r.severity = read_severity(c, n, "severity");
    if (n["required"]) r.required = get_bool(c, n["required"], "required");
    if (n["years"]) {
        const YAML::Node y = n["years"];
        if (!y.IsSequence() || y.size() != 2) c.fail(y, "'years' must be [first, last]");
        r.first_year = get_int(c, y[0], "years");
        r.last_year = get_int(c, y[1], "years");
        if (r.first_year > r.last_year) c.fail(y, "'years': first after last");
    }
    if (n["draft_may_lack"]) r.draft_may_lack = get_bool(c, n["draft_may_lack"], "draft_may_lack");
    if (n["due"]) {
        r.due = get_string(c, n, "due");
        if (!kDeadlineWhats.count(r.due)) c.fail(n["due"], "unknown deadline '" + r.due + "'");
    }
    if (r.draft_may_lack && r.due.empty()) c.fail(n, "draft_may_lack needs 'due' (the deadline to name)");
    if (!r.draft_may_lack && !r.due.empty()) c.fail(n["due"], "'due' only goes with draft_may_lack: true");
    if (n["only_kommuner"]) r.only_kommuner = get_strings(c, n["only_kommuner"], "only_kommuner");
    if (n["effective"]) {
        r.effective = get_string(c, n, "effective");
        if (!iso_date(r.effective)) c.fail(n["effective"], "'effective' must be YYYY-MM-DD, not '" + r.effective + "'");
        if (!n["severity_before"]) c.fail(n["effective"], "'effective' needs 'severity_before' (the severity before that date)");
    }
    if (n["severity_before"]) {
        if (r.effective.empty()) c.fail(n["severity_before"], "'severity_before' needs 'effective' (the date it gives way)");
        r.severity_before = read_severity(c, n, "severity_before");
    }
    if (n["missing_goals_warning"]) {
        if (r.kind != "goals") c.fail(n["missing_goals_warning"], "'missing_goals_warning' only goes with kind 'goals'");
        r.missing_goals_warning = get_int(c, n["missing_goals_warning"], "missing_goals_warning");
        if (r.missing_goals_warning < 0) c.fail(n["missing_goals_warning"], "'missing_goals_warning' must be 0 or more");
    }
}

// An entry without `kind` in a profile that `extends` another: the base's
// requirement with that id, with the fields given here replacing its own.
// Its patterns and examples stay the base's, and so do file and line.
Requirement inherit_requirement(const Ctx& c, const YAML::Node& n, const std::string& id, const Profile& base) {
    std::set<std::string> allowed = kRequirementFields;
    allowed.insert("id");
    check_keys(c, n, allowed, {"id"});
    const Requirement* found = nullptr;
    for (const auto& r : base.requirements)
        if (r.id == id) {
            if (found)
                c.fail(n, "the base profile '" + base.id + "' has '" + id +
                              "' more than once (by years): give the whole requirement here, with its kind");
            found = &r;
        }
    if (!found) c.fail(n, "no requirement '" + id + "' in the base profile '" + base.id + "' (a new one needs its kind)");
    Requirement r = *found;
    read_requirement_fields(c, n, r);
    return r;
}

Requirement read_requirement(const Ctx& top, const YAML::Node& n, bool canonical_only, const Profile* base = nullptr) {
    Ctx c0 = top.sub("requirement");
    if (!n.IsMap()) c0.fail(n, "expected a mapping");
    std::string id = n["id"].IsScalar() ? n["id"].Scalar() : std::string();
    Ctx c = top.sub(id.empty() ? "requirement" : "requirement '" + id + "'");
    if (base && !n["kind"] && !id.empty()) return inherit_requirement(c, n, id, *base);
    std::set<std::string> allowed = kRequirementFields;
    allowed.insert({"id", "kind", "heading", "terms", "min_terms", "body", "unfilled", "examples"});
    check_keys(c, n, allowed, {"id", "kind", "title", "message", "legal_basis", "severity"});
    Requirement r;
    r.id = get_string(c, n, "id");
    r.line = line_of(n);
    r.file = top.file;
    const auto& canon = canonical_requirement_ids();
    bool is_canon = std::find(canon.begin(), canon.end(), r.id) != canon.end();
    if (canonical_only && !is_canon)
        c.fail(n["id"], "'" + r.id + "' is not a canonical requirement id (DESIGN.md §2)");
    if (!kebab(r.id)) c.fail(n["id"], "an id is lowercase-kebab-case");
    r.kind = get_string(c, n, "kind");
    if (!find_check_kind(r.kind)) c.fail(n["kind"], "unknown kind '" + r.kind + "'" + known_kinds());
    read_requirement_fields(c, n, r);
    read_pattern_families(c, n, r);
    return r;
}

Goal read_goal(const Ctx& top, const YAML::Node& n, int year) {
    Ctx c = top.sub("goal " + std::to_string(year));
    check_keys(c, n, {"number", "title", "theme", "patterns", "target_shapes", "pending", "confidence", "examples"},
               {"number", "title", "patterns", "examples"});
    Goal g;
    g.year = year;
    g.number = get_int(c, n["number"], "number");
    g.id = "goal-" + std::to_string(year) + "-" + std::to_string(g.number);
    c = top.sub("goal '" + g.id + "'");
    g.line = line_of(n);
    g.title = get_text2(c, n, "title");
    if (n["theme"]) {
        g.theme = get_string(c, n, "theme");
        if (!find_theme(g.theme)) c.fail(n["theme"], "unknown theme '" + g.theme + "' (rules/themes.cpp lists them)");
    }
    g.patterns = get_patterns(c, n["patterns"], "patterns");
    if (g.patterns.empty()) c.fail(n["patterns"], "a goal needs at least one pattern");
    if (n["pending"]) g.pending = get_bool(c, n["pending"], "pending");
    if (n["confidence"]) {
        g.confidence = get_string(c, n, "confidence");
        if (g.confidence != "H" && g.confidence != "M" && g.confidence != "L")
            c.fail(n["confidence"], "confidence is H, M or L");
    }
    g.examples = get_examples(c, n["examples"], "");
    require_examples(c, n, g.patterns, g.examples, "patterns");
    if (n["target_shapes"]) {
        const YAML::Node ts = n["target_shapes"];
        if (!ts.IsSequence()) c.fail(ts, "'target_shapes' must be a list");
        for (const auto& t : ts) {
            Ctx tc = c.sub(c.what + ": target shape");
            check_keys(tc, t, {"pattern", "examples"}, {"pattern", "examples"});
            TargetShape s;
            s.pattern = make_pattern(tc, t["pattern"]);
            s.examples = get_examples(tc, t["examples"], "");
            require_examples(tc, t, {s.pattern}, s.examples, "pattern");
            bool has_value = false;
            for (const auto& [name, idx] : s.pattern.re->NamedCapturingGroups()) {
                (void)idx;
                static const std::set<std::string> known = {"value", "unit", "month", "year", "change",
                                                            "direction"};
                if (name.rfind("pjb", 0) == 0) continue;
                if (!known.count(name)) tc.fail(t["pattern"], "unknown named group '" + name + "'");
                if (name == "value") has_value = true;
            }
            if (!has_value) tc.fail(t["pattern"], "a target shape needs a (?P<value>…) group");
            g.target_shapes.push_back(std::move(s));
        }
    }
    return g;
}

DeadlineRule read_deadline(const Ctx& top, const YAML::Node& n, int year) {
    Ctx c = top.sub("deadline " + std::to_string(year));
    check_keys(c, n, {"what", "label", "date", "approximate"}, {"what", "label", "date"});
    DeadlineRule d;
    d.what = get_string(c, n, "what");
    if (!kDeadlineWhats.count(d.what)) c.fail(n["what"], "unknown deadline '" + d.what + "'");
    d.label = get_text2(c, n, "label");
    d.date = get_string(c, n, "date");
    if (!iso_date(d.date)) c.fail(n["date"], "date must be YYYY-MM-DD, not '" + d.date + "'");
    if (n["approximate"]) d.approximate = get_bool(c, n["approximate"], "approximate");
    return d;
}

// `text` null: read the file `path`; otherwise parse `*text`, named `path`.
YAML::Node load_yaml(const std::string& path, const std::string* text = nullptr) {
    if (!text && !std::filesystem::is_regular_file(path)) throw ProfileError(path, 0, "no such file");
    try {
        return text ? YAML::Load(*text) : YAML::LoadFile(path);
    } catch (const YAML::ParserException& e) {
        throw ProfileError(path, e.mark.line + 1, "YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
        throw ProfileError(path, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.msg);
    }
}

void check_unique_ids(const Ctx& c, const std::vector<Requirement>& reqs, const Requirement& r) {
    for (const auto& o : reqs) {
        if (o.id != r.id) continue;
        bool disjoint = o.first_year && r.first_year &&
                        (o.last_year < r.first_year || r.last_year < o.first_year);
        if (!disjoint)
            c.fail(r.line, "requirement '" + r.id + "' is already defined at line " + std::to_string(o.line) +
                               " for overlapping years (give both disjoint 'years')");
    }
}

Profile load_profile_impl(const std::string& path, const std::string* text, int depth = 0);
void add_rules_impl(Profile& profile, const std::string& path, const std::string* text);

}  // namespace

namespace {

// Any yaml-cpp exception the checks above did not foresee (InvalidNode,
// BadConversion, ... — fuzz_profile found one) is a ProfileError too.
template <class F>
auto yaml_guard(const std::string& path, F f) -> decltype(f()) {
    try {
        return f();
    } catch (const YAML::Exception& e) {
        throw ProfileError(path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "YAML: " + e.msg);
    }
}

}  // namespace

Profile load_profile(const std::string& path) {
    return yaml_guard(path, [&] { return load_profile_impl(path, nullptr); });
}

Profile load_profile_from_string(const std::string& yaml, const std::string& name) {
    return yaml_guard(name, [&] { return load_profile_impl(name, &yaml); });
}

namespace {

// While load_profiles runs (on this thread): the profiles it has loaded,
// by canonical path, so that a base that several profiles extend is read
// and its patterns compiled once, not once per profile that extends it.
thread_local std::map<std::string, Profile>* loaded_by_path = nullptr;

std::string path_key(const std::filesystem::path& p) {
    std::error_code ec;
    auto canon = std::filesystem::weakly_canonical(p, ec);
    return ec ? p.string() : canon.string();
}

// `path` loaded, or the copy load_profiles already holds.
Profile load_once(const std::string& path, int depth) {
    if (!loaded_by_path) return load_profile_impl(path, nullptr, depth);
    const std::string key = path_key(path);
    if (auto it = loaded_by_path->find(key); it != loaded_by_path->end()) return it->second;
    Profile p = load_profile_impl(path, nullptr, depth);
    loaded_by_path->emplace(key, p);
    return p;
}

// `extends: <id>`: the profile <id>.yaml beside this one, loaded (and
// checked) on its own. A chain is at most a few long; deeper is a cycle.
std::optional<Profile> load_base(const Ctx& c, const YAML::Node& root, const std::string& path, const std::string& own_id,
                                 int depth) {
    const YAML::Node e = root["extends"];
    if (!e) return std::nullopt;
    if (!e.IsScalar() || !kebab(e.Scalar())) c.fail(e, "'extends' names a profile id (lowercase, digits and '-')");
    if (e.Scalar() == own_id) c.fail(e, "a profile cannot extend itself");
    if (depth >= 4) c.fail(e, "'extends' chain longer than 4 (a cycle?)");
    auto base_path = std::filesystem::path(path).parent_path() / (e.Scalar() + ".yaml");
    if (!std::filesystem::is_regular_file(base_path))
        c.fail(e, "'extends: " + e.Scalar() + "': no profile " + base_path.string());
    return load_once(base_path.string(), depth + 1);
}

// id, title, years and legal basis.
void read_header(const Ctx& c, const YAML::Node& root, const std::string& path, Profile& p) {
    p.id = get_string(c, root, "id");
    std::string stem = std::filesystem::path(path).stem().string();
    if (p.id != stem) c.fail(root["id"], "id '" + p.id + "' must equal the file name '" + stem + "'");
    p.title = get_text2(c, root, "title");
    const YAML::Node y = root["years"];
    if (!y.IsSequence() || y.size() != 2) c.fail(y, "'years' must be [first, last]");
    p.first_year = get_int(c, y[0], "years");
    p.last_year = get_int(c, y[1], "years");
    if (p.first_year > p.last_year) c.fail(y, "'years': first after last");
    p.legal_basis = get_string(c, root, "legal_basis");
    p.source_files.push_back(path);
}

void read_requirements(const Ctx& c, const YAML::Node& root, const Profile* base, Profile& p) {
    const YAML::Node reqs = root["requirements"];
    if (!reqs.IsSequence()) c.fail(reqs, "'requirements' must be a list");
    for (const auto& n : reqs) {
        Requirement r = read_requirement(c, n, true, base);
        if (r.first_year && (r.first_year < p.first_year || r.last_year > p.last_year))
            c.fail(r.line, "requirement '" + r.id + "': years outside the profile's");
        check_unique_ids(c, p.requirements, r);
        p.requirements.push_back(std::move(r));
    }
}

// The minister's goals of every plan year, numbered 1, 2, 3 … in order.
void read_goals(const Ctx& c, const YAML::Node& root, Profile& p) {
    const YAML::Node goals = root["goals"];
    if (!goals.IsMap()) c.fail(goals, "'goals' must map a plan year to its list of goals");
    for (auto it = goals.begin(); it != goals.end(); ++it) {
        int year = get_int(c, it->first, "goals year");
        if (year < p.first_year || year > p.last_year)
            c.fail(it->first, "goals for " + std::to_string(year) + ", outside the profile's years");
        if (p.goals.count(year)) c.fail(it->first, "goals for " + std::to_string(year) + " given twice");
        if (!it->second.IsSequence() || it->second.size() == 0)
            c.fail(it->second, "goals " + std::to_string(year) + ": expected a non-empty list");
        auto& list = p.goals[year];
        // A copy: it->second lives in a proxy that dies before a range-for body runs.
        const YAML::Node items = it->second;
        for (const auto& g : items) {
            list.push_back(read_goal(c, g, year));
            if (list.back().number != static_cast<int>(list.size()))
                c.fail(list.back().line, "goals " + std::to_string(year) + ": numbers must run 1, 2, 3 … in order");
        }
    }
    for (int y = p.first_year; y <= p.last_year; ++y)
        if (!p.goals.count(y)) c.fail(goals, "no goals for plan year " + std::to_string(y));
}

// The deadlines of every plan year; a requirement's `due` must be among them.
void read_deadlines(const Ctx& c, const YAML::Node& root, Profile& p) {
    const YAML::Node dl = root["deadlines"];
    if (!dl.IsMap()) c.fail(dl, "'deadlines' must map a plan year to its list of deadlines");
    for (auto it = dl.begin(); it != dl.end(); ++it) {
        int year = get_int(c, it->first, "deadlines year");
        if (year < p.first_year || year > p.last_year)
            c.fail(it->first, "deadlines for " + std::to_string(year) + ", outside the profile's years");
        if (p.deadlines.count(year)) c.fail(it->first, "deadlines for " + std::to_string(year) + " given twice");
        if (!it->second.IsSequence()) c.fail(it->second, "expected a list");
        const YAML::Node items = it->second;  // see read_goals: not it->second in a range-for
        for (const auto& d : items) p.deadlines[year].push_back(read_deadline(c, d, year));
    }
    for (int y = p.first_year; y <= p.last_year; ++y)
        if (!p.deadlines.count(y)) c.fail(dl, "no deadlines for plan year " + std::to_string(y));
    for (const auto& r : p.requirements)
        if (!r.due.empty()) {
            for (int y = r.first_year ? r.first_year : p.first_year; y <= (r.last_year ? r.last_year : p.last_year); ++y) {
                const auto& ds = p.deadlines[y];
                if (std::none_of(ds.begin(), ds.end(), [&](const DeadlineRule& d) { return d.what == r.due; }))
                    c.fail(r.line, "requirement '" + r.id + "': due '" + r.due + "' but plan year " +
                                       std::to_string(y) + " has no such deadline");
            }
        }
}

// The profile's own placeholder patterns, else the base's.
void read_placeholders(const Ctx& c, const YAML::Node& root, const std::string& path, const Profile* base, Profile& p) {
    if (base && !root["placeholders"]) {
        p.placeholders = base->placeholders;
        p.placeholder_examples = base->placeholder_examples;
        p.placeholders_file = base->placeholders_file;
    }
    if (root["placeholders"]) {
        const YAML::Node ph = root["placeholders"];
        Ctx pc = c.sub("placeholders");
        check_keys(pc, ph, {"patterns", "examples"}, {"patterns", "examples"});
        p.placeholders = get_patterns(pc, ph["patterns"], "patterns");
        p.placeholders_file = path;
        p.placeholder_examples = get_examples(pc, ph["examples"], "");
        require_examples(pc, ph, p.placeholders, p.placeholder_examples, "patterns");
    }
}

// Patterns no check would read are an error: placeholders without a
// placeholders requirement, target shapes without a targets requirement.
void check_read(const Ctx& c, const YAML::Node& root, const Profile& p) {
    auto has_kind = [&](const char* kind) {
        return std::any_of(p.requirements.begin(), p.requirements.end(), [&](const Requirement& r) { return r.kind == kind; });
    };
    const bool wants_placeholders = has_kind("placeholders");
    if (wants_placeholders && p.placeholders.empty())
        c.fail(root, "a 'placeholders' requirement needs the 'placeholders' patterns");
    if (!wants_placeholders && root["placeholders"])
        c.fail(root["placeholders"], "'placeholders' patterns but no requirement of kind 'placeholders' reads them");
    const bool wants_shapes = has_kind("targets");
    for (const auto& [year, goals] : p.goals)
        for (const auto& g : goals)
            if (!g.target_shapes.empty() && !wants_shapes)
                c.fail(g.line, "goal '" + g.id + "': 'target_shapes' but no requirement of kind 'targets' reads them");
}

Profile load_profile_impl(const std::string& path, const std::string* text, int depth) {
    YAML::Node root = load_yaml(path, text);
    Ctx c{path, ""};
    if (!root.IsMap()) throw ProfileError(path, line_of(root), "a profile is a mapping");
    check_keys(c, root,
               {"id", "title", "years", "legal_basis", "extends", "requirements", "goals", "deadlines", "placeholders"},
               {"id", "title", "years", "legal_basis", "requirements", "goals", "deadlines"});
    Profile p;
    read_header(c, root, path, p);
    const std::optional<Profile> base = load_base(c, root, path, p.id, depth);
    if (base) {
        p.extends = base->id;
        // What the profile is made of: a change to a base changes it too (scan's profile_version).
        p.source_files.insert(p.source_files.end(), base->source_files.begin(), base->source_files.end());
    }
    read_requirements(c, root, base ? &*base : nullptr, p);
    read_goals(c, root, p);
    read_deadlines(c, root, p);
    read_placeholders(c, root, path, base ? &*base : nullptr, p);
    check_read(c, root, p);
    return p;
}

}  // namespace

std::vector<Profile> load_profiles(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path().string());
    if (ec) throw ProfileError(dir, 0, "cannot read the profile directory: " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<Profile> out;
    std::map<std::string, Profile> loaded;
    loaded_by_path = &loaded;
    struct Reset {
        ~Reset() { loaded_by_path = nullptr; }
    } reset;
    for (const auto& f : files) out.push_back(yaml_guard(f, [&] { return load_once(f, 0); }));
    std::sort(out.begin(), out.end(), [](const Profile& a, const Profile& b) { return a.first_year < b.first_year; });
    for (size_t i = 1; i < out.size(); ++i)
        if (out[i].first_year <= out[i - 1].last_year)
            throw ProfileError(out[i].source_files.front(), 0,
                               "plan years overlap with " + out[i - 1].source_files.front());
    return out;
}

const Profile* profile_for_year(const std::vector<Profile>& profiles, int year) {
    for (const auto& p : profiles)
        if (year >= p.first_year && year <= p.last_year) return &p;
    return nullptr;
}

ProfileChoice choose_profile(const std::vector<Profile>& profiles, const Identity& identity, const std::string& forced_id,
                             int forced_year) {
    ProfileChoice c;
    for (const auto& p : profiles) {
        if (!c.covered_first || p.first_year < c.covered_first) c.covered_first = p.first_year;
        c.covered_last = std::max(c.covered_last, p.last_year);
    }
    c.year = forced_year ? forced_year : (identity.years.empty() ? 0 : identity.years.front());
    if (!forced_id.empty()) {
        for (const auto& p : profiles)
            if (p.id == forced_id) c.profile = &p;
        if (!c.profile) throw std::invalid_argument("unknown profile '" + forced_id + "'");
        if (!c.year) c.year = c.profile->first_year;
        return c;
    }
    if (identity.kind == DocKind::other) {
        c.problem = ProfileChoice::Problem::not_a_plan;
        return c;
    }
    if (c.year) c.profile = profile_for_year(profiles, c.year);
    if (!c.profile) c.problem = c.year ? ProfileChoice::Problem::no_profile : ProfileChoice::Problem::no_year;
    return c;
}

void add_rules_file(Profile& profile, const std::string& path) {
    yaml_guard(path, [&] { add_rules_impl(profile, path, nullptr); });
}

void add_rules_from_string(Profile& profile, const std::string& yaml, const std::string& name) {
    yaml_guard(name, [&] { add_rules_impl(profile, name, &yaml); });
}

namespace {

void add_rules_impl(Profile& profile, const std::string& path, const std::string* text) {
    YAML::Node root = load_yaml(path, text);
    Ctx c{path, ""};
    if (!root.IsMap()) throw ProfileError(path, line_of(root), "a rules file is a mapping {requirements: […]}");
    check_keys(c, root, {"requirements"}, {"requirements"});
    const YAML::Node reqs = root["requirements"];
    if (!reqs.IsSequence()) c.fail(reqs, "'requirements' must be a list");
    std::vector<Requirement> added;
    for (const auto& n : reqs) {
        Requirement r = read_requirement(c, n, false);
        if (r.kind == "placeholders" && profile.placeholders.empty())
            c.fail(r.line, "a 'placeholders' requirement needs a profile with placeholder patterns");
        for (const auto& o : profile.requirements)
            if (o.id == r.id)
                c.fail(r.line, "requirement '" + r.id + "' is already defined in " + o.file + ":" +
                                   std::to_string(o.line));
        check_unique_ids(c, added, r);
        added.push_back(std::move(r));
    }
    for (auto& r : added) profile.requirements.push_back(std::move(r));
    profile.source_files.push_back(path);
}

}  // namespace

std::vector<const Requirement*> Profile::requirements_for(int year) const {
    std::vector<const Requirement*> out;
    for (const auto& r : requirements) {
        int f = r.first_year ? r.first_year : first_year;
        int l = r.last_year ? r.last_year : last_year;
        if (year >= f && year <= l) out.push_back(&r);
    }
    return out;
}

const Requirement* Profile::requirement(const std::string& id, int year) const {
    for (const auto& r : requirements) {
        if (r.id != id) continue;
        if (year == 0) return &r;
        int f = r.first_year ? r.first_year : first_year;
        int l = r.last_year ? r.last_year : last_year;
        if (year >= f && year <= l) return &r;
    }
    return nullptr;
}

const std::vector<Goal>& Profile::goals_for(int year) const {
    static const std::vector<Goal> none;
    auto it = goals.find(year);
    return it == goals.end() ? none : it->second;
}

const std::vector<DeadlineRule>& Profile::deadlines_for(int year) const {
    static const std::vector<DeadlineRule> none;
    auto it = deadlines.find(year);
    return it == deadlines.end() ? none : it->second;
}

namespace {

void run_examples(const std::vector<Pattern>& ps, const Examples& ex, int min_hits, const std::string& file,
                  int line, const std::string& label, std::vector<std::string>* fails, int* count) {
    auto hits = [&](const std::string& s) {
        if (min_hits <= 1) return search_any(ps, s) ? 1 : 0;
        return count_distinct(ps, s);
    };
    int need = std::max(1, min_hits);
    for (const auto& s : ex.match) {
        ++*count;
        if (hits(s) < need) fails->push_back(where(file, line) + ": " + label + ": must match '" + s + "'");
    }
    for (const auto& s : ex.no_match) {
        ++*count;
        if (hits(s) >= need) fails->push_back(where(file, line) + ": " + label + ": must not match '" + s + "'");
    }
}

}  // namespace

std::vector<std::string> check_examples(const Profile& p, int* count) {
    std::vector<std::string> fails;
    int n = 0;
    for (const auto& r : p.requirements) {
        run_examples(r.heading, r.heading_examples, 1, r.file, r.line, r.id + " heading", &fails, &n);
        run_examples(r.terms, r.terms_examples, r.min_terms, r.file, r.line, r.id + " terms", &fails, &n);
        run_examples(r.body, r.body_examples, 1, r.file, r.line, r.id + " body", &fails, &n);
        run_examples(r.unfilled, r.unfilled_examples, 1, r.file, r.line, r.id + " unfilled", &fails, &n);
    }
    const std::string& file = p.source_files.empty() ? p.id : p.source_files.front();
    for (const auto& [year, goals] : p.goals)
        for (const auto& g : goals) {
            run_examples(g.patterns, g.examples, 1, file, g.line, g.id, &fails, &n);
            for (const auto& t : g.target_shapes)
                run_examples({t.pattern}, t.examples, 1, file, t.pattern.line, g.id + " target shape", &fails, &n);
        }
    run_examples(p.placeholders, p.placeholder_examples, 1, p.placeholders_file.empty() ? file : p.placeholders_file,
                 p.placeholders.empty() ? 0 : p.placeholders.front().line, "placeholders", &fails, &n);
    if (count) *count = n;
    return fails;
}

}  // namespace plantjek
