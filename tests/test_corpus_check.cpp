// The corpus test, checking stage: every corpus plan in every format through
// the whole check, compared with its gold file — requirement statuses,
// verdicts of conformant plans, and the targets read out of the text.
// Prints FIGURE lines (the README and the issue notes quote them) and fails
// when a figure falls below the target of issue 5.
#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/check.h"
#include "cli/writers/writer.h"
#include "report/json.h"
#include "corpus_support.h"

using namespace plantjek;
using namespace plantjek::test;

namespace {

std::string unit_key(std::string u) {
    u = utf8::lower(u);
    if (u == "procent" || u == "%" || u == "pct") return "pct.";
    return u;
}

struct Figures {
    int triples = 0, agree = 0;
    int conformant_plans = 0, conformant_judged_non = 0;
    int not_a_plan_wrong = 0;  // status not-a-plan exactly for the gold's kind other
    int targets = 0, targets_right = 0;
    std::vector<std::string> misses;
};

void compare(const GoldPlan& g, const std::string& format, const Report& r, Figures& f) {
    std::map<std::string, std::string> got;
    for (const auto& q : r.requirements) got[q.id] = req_status_name(q.status);
    bool gold_conformant = g.kind != "other";
    for (const auto& [id, want] : g.requirements) {
        if (want == "fail") gold_conformant = false;
        ++f.triples;
        std::string have = got.count(id) ? got[id] : (g.kind == "other" ? "not-applicable" : "absent");
        if (have == want)
            ++f.agree;
        else
            f.misses.push_back(g.id + "." + format + " " + id + ": gold " + want + ", got " + have);
    }
    if (gold_conformant && !g.requirements.empty()) {
        ++f.conformant_plans;
        if (r.status == Status::nonconformant || r.status == Status::not_a_plan) {
            ++f.conformant_judged_non;
            f.misses.push_back(g.id + "." + format + ": conformant in gold, judged " + status_name(r.status));
        }
    }
    // A false "not a plan" hides every defect; a document that is none is never in order.
    if ((g.kind == "other") != (r.status == Status::not_a_plan)) {
        ++f.not_a_plan_wrong;
        f.misses.push_back(g.id + "." + format + ": kind " + g.kind + " in gold, status " + status_name(r.status));
    }
    for (const auto& t : g.targets) {
        ++f.targets;
        bool ok = false;
        for (const auto& gr : r.goals) {
            if (gr.id != t.goal) continue;
            for (const auto& x : gr.targets) {
                bool value = (!t.value && !x.value) || (t.value && x.value && std::fabs(*t.value - *x.value) < 1e-6);
                bool unit = t.unit.empty() || unit_key(t.unit) == unit_key(x.unit);
                bool deadline = t.deadline.empty() || utf8::lower(t.deadline) == utf8::lower(x.deadline);
                if (value && unit && deadline) ok = true;
            }
        }
        if (ok)
            ++f.targets_right;
        else
            f.misses.push_back(g.id + "." + format + " target " + t.goal + " " +
                               (t.value ? std::to_string(*t.value) : std::string("null")) + " " + t.unit + " " +
                               t.deadline + ": not read");
    }
}

struct RoundTrips {
    int tried = 0, identical = 0;
};

// report → JSON → report → JSON gives the same bytes in each text mode, and
// the lossless form renders the same text report as the report itself.
void round_trip(const Report& r, RoundTrips& t) {
    for (JsonTexts mode : {JsonTexts::both, JsonTexts::da, JsonTexts::en}) {
        std::string once = dump_json(report_to_json(r, mode), 2);
        Report back = report_from_json(nlohmann::ordered_json::parse(once), mode);
        ++t.tried;
        if (dump_json(report_to_json(back, mode), 2) == once) ++t.identical;
        else FAIL_CHECK("JSON round trip differs: " << r.path);
        if (mode != JsonTexts::both) continue;
        for (Lang l : {Lang::da, Lang::en}) {
            std::ostringstream a, b;
            write_text(a, r, WriterOptions{l, false});
            write_text(b, back, WriterOptions{l, false});
            CHECK(a.str() == b.str());
        }
    }
}

void print_figures(const std::string& prefix, const Figures& f) {
    double req = f.triples ? double(f.agree) / f.triples : 0;
    double tgt = f.targets ? double(f.targets_right) / f.targets : 0;
    std::cout << "FIGURE " << prefix << "requirement_agreement " << req << " (" << f.agree << "/" << f.triples
              << ")\n"
              << "FIGURE " << prefix << "conformant_judged_nonconformant " << f.conformant_judged_non << " of "
              << f.conformant_plans << "\n"
              << "FIGURE " << prefix << "not_a_plan_wrong " << f.not_a_plan_wrong << "\n"
              << "FIGURE " << prefix << "targets_right " << tgt << " (" << f.targets_right << "/" << f.targets
              << ")\n";
}

}  // namespace

TEST_CASE("corpus: requirement statuses and targets agree with the gold files", "[corpus][check]") {
    auto gold = load_gold();
    REQUIRE(gold.size() >= 43);
    CheckOptions opts;
    opts.spelling = false;
    CheckSession session(opts);
    // shaped: only the plans copying a real plan's shape (gold key real_shape);
    // established: the others, which must meet the targets on their own.
    Figures f, shaped, established;
    RoundTrips roundtrips;
    int files = 0, unreadable = 0, shaped_plans = 0;
    for (const auto& g : gold) {
        if (!g.real_shape.empty()) ++shaped_plans;
        for (const auto& format : g.formats) {
            Report r = session.check(file_for(g, format));
            ++files;
            if (r.status == Status::unreadable) {
                ++unreadable;
                f.misses.push_back(g.id + "." + format + ": unreadable (" + r.error->message.en + ")");
                continue;
            }
            compare(g, format, r, f);
            compare(g, format, r, g.real_shape.empty() ? established : shaped);
            round_trip(r, roundtrips);
        }
    }
    for (const auto& m : f.misses) std::cout << "  miss: " << m << "\n";
    double req = f.triples ? double(f.agree) / f.triples : 0;
    double tgt = f.targets ? double(f.targets_right) / f.targets : 0;
    print_figures("", f);
    std::cout << "FIGURE corpus_files " << files << "\n"
              << "FIGURE corpus_unreadable " << unreadable << "\n"
              << "FIGURE real_shape_plans " << shaped_plans << "\n";
    print_figures("real_shape_", shaped);
    print_figures("established_", established);
    check_known_misses(shaped.misses, false);
    CHECK(shaped_plans >= 15);
    CHECK(shaped.not_a_plan_wrong == 0);
    std::cout << "FIGURE json_round_trips_identical " << roundtrips.identical << " of " << roundtrips.tried << "\n";
    CHECK(roundtrips.tried == 3 * files);
    CHECK(roundtrips.identical == roundtrips.tried);
    CHECK(unreadable == 0);
    (void)req, (void)tgt;
    // The targets hold on the established plans; the real-shape plans' misses are the listed defects.
    CHECK(established.triples > 0);
    CHECK(double(established.agree) / established.triples >= 0.99);
    CHECK(established.conformant_judged_non == 0);
    CHECK(established.not_a_plan_wrong == 0);
    CHECK(double(established.targets_right) / established.targets >= 0.98);
}
