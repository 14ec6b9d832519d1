#include "report/json.h"

#include <cmath>

namespace plantjek {

namespace {

using J = nlohmann::ordered_json;

// Writing and reading in the same mode; `both` is the lossless one.
struct Texts {
    JsonTexts mode;
    bool lossless() const { return mode == JsonTexts::both; }

    J put(const Text2& t) const {
        if (mode == JsonTexts::both) return J{{"da", t.da}, {"en", t.en}};
        return mode == JsonTexts::da ? t.da : t.en;
    }
    Text2 get(const J& j) const {
        if (mode == JsonTexts::both) return {j.at("da").get<std::string>(), j.at("en").get<std::string>()};
        std::string s = j.get<std::string>();
        return {s, s};
    }
};

// `suggestion` (report/suggest.h) is written only where there is one, and
// read back as empty where it is absent (reports written before it).
void put_suggestion(J& j, const Text2& s, const Texts& tx) {
    if (!s.da.empty() || !s.en.empty()) j["suggestion"] = tx.put(s);
}
Text2 get_suggestion(const J& j, const Texts& tx) { return j.contains("suggestion") ? tx.get(j.at("suggestion")) : Text2{}; }

J optional_number(const std::optional<double>& v) { return v ? J(*v) : J(nullptr); }
std::optional<double> optional_number(const J& j) {
    if (j.is_null()) return std::nullopt;
    return j.get<double>();
}

// A location's page is written only where it is known (> 0) and its
// paragraph only where it is set (rules/result.h): a DOCX without page
// breaks has no pages, and "page": 0 would read as a page. Read back as 0.
void put_page(J& j, int page) {
    if (page > 0) j["page"] = page;
}
void put_paragraph(J& j, int paragraph) {
    if (paragraph > 0) j["paragraph"] = paragraph;
}
int get_page(const J& j) { return j.value("page", 0); }
int get_paragraph(const J& j) { return j.value("paragraph", 0); }

J target_json(const Target& t, const Texts& tx) {
    J j;
    j["text"] = t.text;
    j["value"] = optional_number(t.value);
    j["unit"] = t.unit;
    j["deadline"] = t.deadline;
    if (tx.lossless()) j["deadline_year"] = t.deadline_year;
    j["change_pct"] = optional_number(t.change_pct);
    j["direction"] = t.direction;
    j["filled"] = t.filled;
    put_page(j, t.page);
    return j;
}

Target target_from(const J& j, const Texts& tx) {
    Target t;
    t.text = j.at("text");
    t.value = optional_number(j.at("value"));
    t.unit = j.at("unit");
    t.deadline = j.at("deadline");
    if (tx.lossless()) t.deadline_year = j.at("deadline_year");
    t.change_pct = optional_number(j.at("change_pct"));
    t.direction = j.at("direction");
    t.filled = j.at("filled");
    t.page = get_page(j);
    return t;
}

// ------------------------------------------------------------ writing

J input_json(const Report& r, const Texts& tx) {
    J in = {{"path", r.path}, {"sha256", r.sha256}, {"format", r.format.empty() ? std::string("unknown") : r.format},
            {"bytes", r.bytes}, {"pages", r.pages}, {"words", r.words}};
    if (!r.ocr_pages.empty()) {  // scanned pages read by OCR, and how sure it was (0–100)
        in["ocr_pages"] = r.ocr_pages;
        in["ocr_confidence"] = tx.lossless() ? r.ocr_confidence : std::round(r.ocr_confidence * 10) / 10;
    }
    return in;
}

J plan_json(const Report& r, const Texts& tx) {
    J reasons = J::array();
    for (const auto& x : r.reasons) reasons.push_back(tx.put({x.da, x.en}));
    return {{"municipality", r.municipalities.empty() ? J(nullptr) : J(r.municipalities.front())},
            {"municipalities", r.municipalities},
            {"years", r.years},
            {"kind", doc_kind_name(r.kind)},
            {"profile", r.profile},
            {"stage", stage_name(r.stage)},
            {"reasons", reasons}};
}

J summary_json(const Summary& s) {
    return {{"requirements", s.requirements}, {"passed", s.passed}, {"failed", s.failed},
            {"warned", s.warned},             {"waived", s.waived}, {"errors", s.errors},
            {"warnings", s.warnings},         {"misspellings", s.misspellings}};
}

J outline_json(const Report& r) {
    J outline = J::array();
    for (const auto& s : r.outline) {
        J e = {{"level", s.level}, {"number", s.number}, {"title", s.title}};
        put_page(e, s.page);
        e["annex"] = s.annex;
        e["requirements"] = s.requirements;
        outline.push_back(std::move(e));
    }
    return outline;
}

J requirements_json(const Report& r, const Texts& tx) {
    J reqs = J::array();
    for (const auto& q : r.requirements) {
        J ev = J::array();
        for (const auto& e : q.evidence) {
            J x;
            put_page(x, e.page);
            x["section"] = e.section;
            put_paragraph(x, e.paragraph);
            x["excerpt"] = e.excerpt;
            x["match"] = e.match;
            ev.push_back(std::move(x));
        }
        J x = {{"id", q.id}, {"title", tx.put(q.title)}, {"legal_basis", q.legal_basis},
               {"severity", severity_name(q.severity)}, {"status", req_status_name(q.status)},
               {"evidence", ev}, {"message", tx.put(q.message)}};
        put_suggestion(x, q.suggestion, tx);
        reqs.push_back(std::move(x));
    }
    return reqs;
}

J goals_json(const Report& r, const Texts& tx) {
    J goals = J::array();
    for (const auto& g : r.goals) {
        J targets = J::array();
        for (const auto& t : g.targets) targets.push_back(target_json(t, tx));
        J goal = {{"id", g.id}, {"title", tx.put(g.title)}, {"addressed", g.addressed}, {"pending", g.pending},
                  {"target", g.targets.empty() ? J(nullptr) : target_json(g.targets.front(), tx)},
                  {"targets", targets}};
        put_page(goal, g.page);
        goal["section"] = g.section;
        if (!g.waived.empty()) goal["waived"] = g.waived;  // the waiver's reason
        if (!g.theme.empty()) goal["theme"] = g.theme;     // rules/themes.h
        put_suggestion(goal, g.suggestion, tx);
        goals.push_back(std::move(goal));
    }
    return goals;
}

J findings_json(const Report& r, const Texts& tx) {
    J findings = J::array();
    for (const auto& f : r.findings) {
        J x = {{"rule", f.rule}, {"severity", severity_name(f.severity)}, {"message", tx.put(f.message)}};
        put_page(x, f.page);
        x["section"] = f.section;
        put_paragraph(x, f.paragraph);
        x["excerpt"] = f.excerpt;
        if (f.requirement_result) x["requirement_result"] = true;
        put_suggestion(x, f.suggestion, tx);
        findings.push_back(std::move(x));
    }
    return findings;
}

J deadlines_json(const Report& r, const Texts& tx) {
    J deadlines = J::array();
    for (const auto& d : r.deadlines) deadlines.push_back({{"what", d.what}, {"title", tx.put(d.title)}, {"date", d.date}});
    return deadlines;
}

J spelling_json(const SpellingResult& sp) {
    J unknown = J::array();
    for (const auto& w : sp.unknown)
        unknown.push_back({{"word", w.word}, {"count", w.count}, {"suggestions", w.suggestions},
                           {"pages", w.pages}, {"footnote_marker", w.footnote_marker}});
    J j = {{"checked", sp.checked}, {"words_checked", sp.words_checked}, {"unknown", unknown}};
    if (sp.ocr_words_not_checked) j["ocr_words_not_checked"] = sp.ocr_words_not_checked;
    return j;
}

// ------------------------------------------------------------ reading

void read_input(const J& in, Report& r) {
    r.path = in.at("path");
    r.sha256 = in.at("sha256");
    r.format = in.at("format");
    if (r.format == "unknown") r.format.clear();
    r.bytes = in.at("bytes");
    r.pages = in.at("pages");
    r.words = in.at("words");
    if (in.contains("ocr_pages")) {
        r.ocr_pages = in.at("ocr_pages").get<std::vector<int>>();
        r.ocr_confidence = in.at("ocr_confidence");
    }
}

void read_plan(const J& p, Report& r, const Texts& tx) {
    r.municipalities = p.at("municipalities").get<std::vector<std::string>>();
    r.years = p.at("years").get<std::vector<int>>();
    r.kind = doc_kind_from_name(p.at("kind").get<std::string>());
    r.profile = p.at("profile");
    r.stage = stage_from_name(p.at("stage").get<std::string>());
    for (const auto& x : p.at("reasons")) {
        Text2 t = tx.get(x);
        r.reasons.push_back({t.da, t.en});
    }
}

// warned and waived were added to plantjek.report/1 later: 0 when absent.
Summary read_summary(const J& s) {
    Summary out;
    out.requirements = s.at("requirements");
    out.passed = s.at("passed");
    out.failed = s.at("failed");
    out.warned = s.value("warned", 0);
    out.waived = s.value("waived", 0);
    out.errors = s.at("errors");
    out.warnings = s.at("warnings");
    out.misspellings = s.at("misspellings");
    return out;
}

void read_outline(const J& a, Report& r) {
    for (const auto& x : a) {
        OutlineEntry e;
        e.level = x.at("level");
        e.number = x.at("number");
        e.title = x.at("title");
        e.page = get_page(x);
        e.annex = x.at("annex");
        e.requirements = x.at("requirements").get<std::vector<std::string>>();
        r.outline.push_back(std::move(e));
    }
}

void read_requirements(const J& a, Report& r, const Texts& tx) {
    for (const auto& x : a) {
        RequirementResult q;
        q.id = x.at("id");
        q.title = tx.get(x.at("title"));
        q.legal_basis = x.at("legal_basis");
        q.severity = severity_from_name(x.at("severity").get<std::string>());
        q.status = req_status_from_name(x.at("status").get<std::string>());
        for (const auto& e : x.at("evidence"))
            q.evidence.push_back({get_page(e), e.at("section"), e.at("excerpt"), e.at("match"), get_paragraph(e)});
        q.message = tx.get(x.at("message"));
        q.suggestion = get_suggestion(x, tx);
        r.requirements.push_back(std::move(q));
    }
}

void read_goals(const J& a, Report& r, const Texts& tx) {
    for (const auto& x : a) {
        GoalResult g;
        g.id = x.at("id");
        g.title = tx.get(x.at("title"));
        g.addressed = x.at("addressed");
        g.pending = x.at("pending");
        for (const auto& t : x.at("targets")) g.targets.push_back(target_from(t, tx));
        g.page = get_page(x);
        g.section = x.at("section");
        g.waived = x.value("waived", std::string());
        g.theme = x.value("theme", std::string());
        g.suggestion = get_suggestion(x, tx);
        r.goals.push_back(std::move(g));
    }
}

void read_findings(const J& a, Report& r, const Texts& tx) {
    for (const auto& x : a) {
        Finding f;
        f.rule = x.at("rule");
        f.severity = severity_from_name(x.at("severity").get<std::string>());
        f.message = tx.get(x.at("message"));
        f.page = get_page(x);
        f.section = x.at("section");
        f.paragraph = get_paragraph(x);
        f.excerpt = x.at("excerpt");
        f.requirement_result = x.value("requirement_result", false);
        f.suggestion = get_suggestion(x, tx);
        r.findings.push_back(std::move(f));
    }
}

void read_spelling(const J& sp, SpellingResult& out) {
    out.checked = sp.at("checked");
    out.words_checked = sp.at("words_checked");
    out.ocr_words_not_checked = sp.value("ocr_words_not_checked", 0);
    for (const auto& x : sp.at("unknown")) {
        SpellingEntry w;
        w.word = x.at("word");
        w.count = x.at("count");
        w.suggestions = x.at("suggestions").get<std::vector<std::string>>();
        w.pages = x.at("pages").get<std::vector<int>>();
        w.footnote_marker = x.at("footnote_marker");
        out.unknown.push_back(std::move(w));
    }
}

}  // namespace

nlohmann::ordered_json report_to_json(const Report& r, JsonTexts texts) {
    const Texts tx{texts};
    J j;
    j["schema"] = kReportSchema;
    j["tool"] = {{"name", "plantjek"}, {"version", PLANTJEK_VERSION}};
    j["input"] = input_json(r, tx);
    j["plan"] = plan_json(r, tx);
    j["status"] = status_name(r.status);
    if (r.error) j["error"] = {{"kind", r.error->kind}, {"message", tx.put(r.error->message)}};
    j["summary"] = summary_json(r.summary);
    j["outline"] = outline_json(r);
    j["requirements"] = requirements_json(r, tx);
    j["goals"] = goals_json(r, tx);
    j["findings"] = findings_json(r, tx);
    j["deadlines"] = deadlines_json(r, tx);
    j["spelling"] = spelling_json(r.spelling);
    return j;
}

Report report_from_json(const nlohmann::ordered_json& j, JsonTexts texts) {
    const Texts tx{texts};
    if (j.at("schema") != kReportSchema)
        throw std::invalid_argument("not a " + std::string(kReportSchema) + " report");
    Report r;
    read_input(j.at("input"), r);
    read_plan(j.at("plan"), r, tx);
    r.status = status_from_name(j.at("status").get<std::string>());
    if (j.contains("error")) r.error = ReportError{j["error"].at("kind"), tx.get(j["error"].at("message"))};
    r.summary = read_summary(j.at("summary"));
    read_outline(j.at("outline"), r);
    read_requirements(j.at("requirements"), r, tx);
    read_goals(j.at("goals"), r, tx);
    read_findings(j.at("findings"), r, tx);
    for (const auto& x : j.at("deadlines")) r.deadlines.push_back({x.at("what"), tx.get(x.at("title")), x.at("date")});
    read_spelling(j.at("spelling"), r.spelling);
    return r;
}

std::string dump_json(const nlohmann::ordered_json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace plantjek
