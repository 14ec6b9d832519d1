// Rules are data: every pattern family a profile gives is read by the check
// it belongs to. Each test edits one family in a copy of a real profile,
// runs the same plan against the original and the edited profile, and shows
// that the verdict moves. A family no check read would leave it unmoved.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "extractor/data_dir.h"
#include "extractor/pipeline.h"
#include "rules/engine.h"
#include "rules/profile.h"

using namespace plantjek;

namespace {

std::string profiles_dir() { return data_dir() + "/rules/profiles"; }

std::string profile_text(const std::string& file) {
    std::ifstream in(profiles_dir() + "/" + file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The profile `load`, read from a fresh copy of the shipped profiles in
// which `file` holds `text`: an edit in a base profile reaches every
// profile that extends it, as it would in rules/profiles/.
Profile load_edited(const std::string& file, const std::string& text, const std::string& load) {
    static int n = 0;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("plantjek-profile-data-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    std::filesystem::create_directories(dir);
    for (const auto& e : std::filesystem::directory_iterator(profiles_dir()))
        if (e.path().extension() == ".yaml") std::filesystem::copy_file(e.path(), dir / e.path().filename());
    std::ofstream(dir / file, std::ios::trunc) << text;
    Profile p = load_profile((dir / load).string());
    std::filesystem::remove_all(dir);
    return p;
}

// The profile `load` (default: `file`) with every occurrence of `from` in
// `file` replaced by `to`; the edit must hit.
Profile edited(const std::string& file, const std::string& from, const std::string& to, std::string load = "") {
    std::string t = profile_text(file);
    std::size_t n = 0;
    for (std::size_t at = t.find(from); at != std::string::npos; at = t.find(from, at + to.size())) {
        t.replace(at, from.size(), to);
        ++n;
    }
    INFO("edit of " << file << ": '" << from << "'");
    REQUIRE(n > 0);
    return load_edited(file, t, load.empty() ? file : load);
}

// The profile `load` (default: `file`) with the text of `file` from `from`
// up to (not including) `until` replaced by `to`; both markers must be there.
Profile with_span(const std::string& file, const std::string& from, const std::string& until, const std::string& to,
                  std::string load = "") {
    std::string t = profile_text(file);
    std::size_t a = t.find(from);
    REQUIRE(a != std::string::npos);
    std::size_t b = t.find(until, a);
    REQUIRE(b != std::string::npos);
    t.replace(a, b - a, to);
    return load_edited(file, t, load.empty() ? file : load);
}

Profile original(const std::string& file) { return load_profile(profiles_dir() + "/" + file); }

EngineOutput run(const Profile& p, const std::string& txt) {
    static std::map<std::string, LoadedPlan> plans;
    auto it = plans.find(txt);
    if (it == plans.end()) {
        auto path = std::filesystem::path(PLANTJEK_TEST_SOURCE_DIR) / "corpus" / "txt" / txt;
        it = plans.emplace(txt, load_plan(path.string(), PipelineOptions{})).first;
    }
    const LoadedPlan& plan = it->second;
    std::vector<Profile> one{p};
    ProfileChoice choice = choose_profile(one, plan.identity, "", 0);
    REQUIRE(choice.profile);
    EngineInput in{&plan.doc, &plan.outline, &plan.identity, &one.front(), choice.year, Stage::final, {}};
    return run_engine(in);
}

const RequirementResult& req(const EngineOutput& o, const std::string& id) {
    auto it = std::find_if(o.requirements.begin(), o.requirements.end(), [&](const auto& q) { return q.id == id; });
    REQUIRE(it != o.requirements.end());
    return *it;
}

int findings_of(const EngineOutput& o, const std::string& rule, const std::string& fragment) {
    return static_cast<int>(std::count_if(o.findings.begin(), o.findings.end(), [&](const Finding& f) {
        return f.rule == rule && f.message.da.find(fragment) != std::string::npos;
    }));
}

const std::string k2012 = "2012-2015.yaml", aarhus = "2012-aarhus-complete.txt";
const std::string kNever = "'\\bzzqqzz'";

}  // namespace

TEST_CASE("section kind: heading and terms both decide", "[profiles][data]") {
    const std::string heading = "      - '\\budfordring'\n      - '\\b(?:lokale )?arbejdsmarkedsanalyse'\n"
                                "      - '\\b(?:status|situationen) på (?:det lokale )?arbejdsmarked(?:et)?'\n"
                                "      - '\\bdet lokale arbejdsmarked\\pL*\\b'\n    terms:";
    CHECK(req(run(original(k2012), aarhus), "challenges").status == ReqStatus::pass);
    // Heading patterns that never match: found only by its terms, a warning.
    Profile no_heading = edited(k2012, heading, "      - " + kNever + "\n    terms:");
    CHECK(req(run(no_heading, aarhus), "challenges").status == ReqStatus::warn);
}

TEST_CASE("section kind: terms decide when there is no heading", "[profiles][data]") {
    const std::string heading = "      - '\\budfordring'\n      - '\\b(?:lokale )?arbejdsmarkedsanalyse'\n"
                                "      - '\\b(?:status|situationen) på (?:det lokale )?arbejdsmarked(?:et)?'\n"
                                "      - '\\bdet lokale arbejdsmarked\\pL*\\b'\n    terms:\n      - '\\budfordring'\n"
                                "      - '\\bledighed(?:en)?\\b'\n      - '\\b(?:mangel på arbejdskraft|flaskehals)'\n"
                                "      - '\\barbejdsstyrke'\n      - '\\boffentlig forsørgelse\\b'\n";
    Profile neither = edited(k2012, heading,
                             "      - " + kNever + "\n    terms:\n      - " + kNever + "\n      - '\\bzzqqyy'\n"
                             "      - '\\bzzqqxx'\n      - '\\bzzqqww'\n      - '\\bzzqqvv'\n");
    CHECK(req(run(neither, aarhus), "challenges").status == ReqStatus::fail);
}

TEST_CASE("budget kind: the amount patterns (body) are what counts as an amount", "[profiles][data]") {
    CHECK(req(run(original(k2012), aarhus), "budget").status == ReqStatus::pass);
    const std::string body = "    body:\n      - '\\b[0-9]{1,3}(?:\\.[0-9]{3})+(?:,[0-9]+)?\\b'\n"
                             "      - '\\b[0-9]+(?:,[0-9]+)? ?(?:mio\\.?|millioner|mia\\.?|t\\.kr\\.?|kr\\.?)'\n"
                             "      - '(?:^|[|\\s])[0-9]{1,3}(?:\\.[0-9]{3})*,[0-9]{1,2}(?:$|[|\\s])'\n"
                             "      - '\\((?:i )?(?:mio\\.?|mia\\.?|1\\.000|t\\.) ?kr\\.?\\)'\n";
    const EngineOutput o = run(edited(k2012, body, "    body:\n      - " + kNever + "\n"), aarhus);
    CHECK(req(o, "budget").status == ReqStatus::fail);
    CHECK(req(o, "budget").message.da.find("ingen beløb") != std::string::npos);
}

TEST_CASE("budget kind: the unfilled patterns are what counts as an empty cell", "[profiles][data]") {
    // "i alt" stands in Aarhus' filled budget table: as an "unfilled" pattern it fails the budget.
    const std::string unfilled = "    unfilled:\n      - '(?:^|[^\\pL])(?:x{2,}|\\?{2,}|_{3,})(?:[^\\pL]|$)'\n";
    const EngineOutput o = run(edited(k2012, unfilled, "    unfilled:\n      - '\\bi alt\\b'\n"), aarhus);
    CHECK(req(o, "budget").status == ReqStatus::fail);
    CHECK(req(o, "budget").message.da.find("ikke udfyldt") != std::string::npos);
}

TEST_CASE("goal patterns decide whether a goal is addressed", "[profiles][data]") {
    // Thisted's 2017 plan leaves out goal 4 (refugees): a pattern that matches its text addresses it.
    const std::string thisted = "2017-thisted-goal-missing.txt", k2016 = "2016-2024.yaml";
    auto addressed = [](const EngineOutput& o, const std::string& id) {
        return std::any_of(o.goals.begin(), o.goals.end(), [&](const GoalResult& g) { return g.id == id && g.addressed; });
    };
    CHECK_FALSE(addressed(run(original(k2016), thisted), "goal-2017-4"));
    const EngineOutput after = run(edited(k2016, "        - '\\bflygtninge og familiesammenførte'\n",
                                          "        - '\\bflygtninge og familiesammenførte'\n        - '\\bthisted'\n"),
                                   thisted);
    CHECK(addressed(after, "goal-2017-4"));
}

TEST_CASE("target shapes decide the wording check and the value read", "[profiles][data]") {
    const EngineOutput before = run(original(k2012), aarhus);
    CHECK(findings_of(before, "goal-targets", "ministeriets formulering") == 0);
    // Aarhus' goal 1: "… skal begrænses til N personer … i december 2012, svt. et fald på P pct."
    const EngineOutput broken = run(edited(k2012, "(?:svt\\.?|svarende til|hvilket svarer til)", "(?:zzqqzz)"), aarhus);
    CHECK(findings_of(broken, "goal-targets", "ministeriets formulering") > 0);
    // Swap the value and change groups: the number read follows the profile, not the code.
    REQUIRE(!before.goals.empty());
    REQUIRE(!before.goals.front().targets.empty());
    const Target& t0 = before.goals.front().targets.front();
    REQUIRE(t0.value);
    REQUIRE(t0.change_pct);
    std::string t = profile_text(k2012);
    auto swap_all = [&](const std::string& a, const std::string& b) {
        for (std::size_t at = t.find(a); at != std::string::npos; at = t.find(a, at + b.size())) t.replace(at, a.size(), b);
    };
    swap_all("(?P<value>", "(?P<tmp>");
    swap_all("(?P<change>", "(?P<value>");
    swap_all("(?P<tmp>", "(?P<change>");
    const EngineOutput swapped = run(load_edited(k2012, t, k2012), aarhus);
    REQUIRE(!swapped.goals.front().targets.empty());
    const Target& t1 = swapped.goals.front().targets.front();
    REQUIRE(t1.value);
    CHECK(*t1.value == Approx(-*t0.change_pct));
    REQUIRE(t1.change_pct);
    CHECK(std::abs(*t1.change_pct) == Approx(*t0.value));
}

TEST_CASE("the profile's placeholder patterns are what counts as a leftover", "[profiles][data]") {
    const std::string silkeborg = "2010-silkeborg-x-placeholders.txt", k2008 = "2008-2010.yaml";
    CHECK(req(run(original(k2008), silkeborg), "no-placeholders").status == ReqStatus::fail);
    // The examples that no longer match make check_examples fail, not the load.
    // 2008-2010 inherits its placeholders from 2012-2015 (through 2011).
    const Profile p = with_span(k2012, "\nplaceholders:", "  examples:", "\nplaceholders:\n  patterns:\n    - " + kNever + "\n", k2008);
    CHECK(req(run(p, silkeborg), "no-placeholders").status == ReqStatus::pass);
}

TEST_CASE("other-actors kind: the share patterns (body) are read", "[profiles][data]") {
    const std::string odense = "2010-odense-complete.txt", k2008 = "2008-2010.yaml";
    const ReqStatus before = req(run(original(k2008), odense), "other-actors").status;
    CHECK(before == ReqStatus::pass);
    const std::string body = "    body:\n      - '\\b(?:anden|andre) aktør[^.0-9]{0,200}[0-9]+(?:,[0-9]+)? ?(?:pct|procent|%)'\n"
                             "      - '\\b[0-9]+(?:,[0-9]+)? ?(?:pct\\.?|procent|%)[^.]{0,200}(?:anden|andre) aktør'\n";
    // 2008-2010's other-actors takes its patterns from 2011's.
    CHECK(req(run(edited("2011.yaml", body, "    body:\n      - " + kNever + "\n", k2008), odense), "other-actors").status !=
          before);
}

TEST_CASE("described kind: heading, terms and body are read", "[profiles][data]") {
    const std::string hjoerring = "2020-hjoerring-complete.txt", k2016 = "2016-2024.yaml";
    CHECK(req(run(original(k2016), hjoerring), "repatriation").status == ReqStatus::pass);
    const Profile p = with_span(k2016, "    heading:\n      - '\\brepatrier'", "    min_terms: 3",
                                "    heading:\n      - " + kNever + "\n    terms:\n      - " + kNever +
                                    "\n      - '\\bzzqqyy'\n      - '\\bzzqqxx'\n");
    CHECK(req(run(p, hjoerring), "repatriation").status == ReqStatus::fail);
    // body: the sentences that only point to the description are left out.
    const Profile refs = with_span(k2016, "    body:\n      - '\\b(?:se|", "    examples:",
                                   "    body:\n      - '\\b(?:vejled|repatrier)'\n");
    CHECK(req(run(refs, hjoerring), "repatriation").status == ReqStatus::fail);
}

TEST_CASE("goals kind: a missing goal is filed in the goals chapter its heading finds", "[profiles][data]") {
    const std::string thisted = "2017-thisted-goal-missing.txt", k2016 = "2016-2024.yaml";
    const EngineOutput whole = run(original(k2016), thisted);
    const RequirementResult& r = req(whole, "minister-goals");
    REQUIRE(r.status == ReqStatus::warn);  // one of four guiding goals left out (2016-2024)
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence.front().section.find("inister") != std::string::npos);
    // 2016-2024's minister-goals takes its patterns from 2012-2015's.
    const Profile p = with_span(k2012, "    heading:\n      - '\\b(?:beskæftigelses)?minister", "    min_terms: 3",
                                "    heading:\n      - " + kNever + "\n    terms:\n      - " + kNever +
                                    "\n      - '\\bzzqqyy'\n      - '\\bzzqqxx'\n",
                                k2016);
    const EngineOutput o = run(p, thisted);
    CHECK(req(o, "minister-goals").evidence.empty());  // no chapter: the plan as a whole
}
