// The corpus test: every plan in every format against its gold file, stage
// by stage. It prints the figures (lines starting "FIGURE") and fails where
// a finished stage falls below the target its issue sets. A format whose
// reader is not written yet (it throws ErrorKind::unsupported) is skipped
// and said to be skipped; it never counts as passing. While corpus/gold does
// not exist yet, the stage tests pass vacuously with a message.
#include <catch2/catch.hpp>

#include <array>
#include <iomanip>
#include <iostream>
#include <set>
#include <tuple>

#include "extractor/pipeline.h"
#include "tests/corpus_support.h"

using namespace plantjek;
using namespace plantjek::test;

namespace {

struct Loaded {
    const GoldPlan* gold;
    std::string format;
    LoadedPlan plan;
};

struct Corpus {
    std::vector<GoldPlan> gold;
    std::vector<Loaded> loaded;
    std::set<std::string> skipped_formats;          // reader says "unsupported"
    std::vector<std::string> unreadable;            // other read errors: real failures
    bool exists = false;
};

bool corpus_exists() {
    std::error_code ec;
    return std::filesystem::is_directory(corpus_dir() / "gold", ec);
}

const Corpus& corpus() {
    static Corpus c = [] {
        Corpus c;
        c.exists = corpus_exists();
        if (!c.exists) return c;
        c.gold = load_gold();
        c.loaded.reserve(c.gold.size() * 4);
        PipelineOptions po;
        for (const auto& g : c.gold)
            for (const auto& f : g.formats) {
                std::string path = file_for(g, f);
                if (!std::filesystem::exists(path)) continue;  // not built yet: the completeness test says so
                if (c.skipped_formats.count(f)) continue;
                try {
                    c.loaded.push_back({&g, f, load_plan(path, po)});
                } catch (const ReadError& e) {
                    if (e.kind() == ErrorKind::unsupported) c.skipped_formats.insert(f);
                    else c.unreadable.push_back(g.id + "." + f + ": " + e.what());
                }
            }
        for (const auto& f : c.skipped_formats)
            std::cout << "SKIPPED format " << f << ": its reader is not written yet (unsupported)\n";
        for (const auto& u : c.unreadable) std::cout << "UNREADABLE " << u << "\n";
        return c;
    }();
    return c;
}

}  // namespace

TEST_CASE("corpus: gold files are complete and every listed file exists", "[corpus][gold]") {
    if (!corpus_exists()) {
        WARN("corpus/gold does not exist yet");
        return;
    }
    auto gold = load_gold();
    CHECK(gold.size() >= 43);
    std::set<std::string> regimes;
    for (const auto& g : gold) {
        INFO(g.id);
        regimes.insert(g.regime);
        CHECK(!g.formats.empty());
        CHECK(std::find(g.formats.begin(), g.formats.end(), "docx") != g.formats.end());
        CHECK(std::find(g.formats.begin(), g.formats.end(), "pdf") != g.formats.end());
        for (const auto& f : g.formats) CHECK(std::filesystem::exists(file_for(g, f)));
        if (g.kind != "other") {
            CHECK(!g.outline.empty());
            CHECK(!g.requirements.empty());
        }
    }
    CHECK(regimes.count("2008-2010") == 1);
    CHECK(regimes.count("2012-2015") == 1);
    CHECK(regimes.count("2016-2024") == 1);
}

// Issue 20 point 10: at least 15 plans copy the shape of a real plan studied
// in docs/real-plans.md (gold key real_shape names the study's entry), spread
// over all four regimes, drafts and multi-year and joint plans among them.
TEST_CASE("corpus: plans in the shapes of real plans", "[corpus][gold][real-shape]") {
    if (!corpus_exists()) return;
    std::set<std::string> regimes, kinds;
    int shaped = 0, multi_year = 0, joint = 0;
    for (const auto& g : load_gold()) {
        if (g.real_shape.empty()) continue;
        INFO(g.id);
        ++shaped;
        CHECK(g.real_shape.find("docs/real-plans.md") != std::string::npos);
        regimes.insert(g.regime);
        kinds.insert(g.kind);
        if (g.years.size() > 1) ++multi_year;
        if (g.municipalities.size() > 1) ++joint;
    }
    CHECK(shaped >= 15);
    CHECK(regimes == std::set<std::string>{"2008-2010", "2011", "2012-2015", "2016-2024"});
    CHECK(kinds.count("draft") == 1);
    CHECK(multi_year >= 2);
    CHECK(joint >= 1);
}

TEST_CASE("corpus: headings — precision and recall over all plans and formats", "[corpus][outline]") {
    const Corpus& c = corpus();
    if (!c.exists) {
        WARN("corpus/gold does not exist yet: nothing to measure");
        return;
    }
    REQUIRE(!c.gold.empty());
    CHECK(c.unreadable.empty());
    std::size_t tp = 0, predicted = 0, expected = 0;
    std::map<std::string, std::array<std::size_t, 3>> per_format;
    for (const auto& l : c.loaded) {
        std::multiset<std::tuple<int, std::string, std::string>> gold;
        for (const auto& h : l.gold->outline) gold.insert({h.level, h.number, title_key(h.title)});
        std::size_t hit = 0;
        std::vector<std::string> extra;
        for (const auto& s : l.plan.outline.sections) {
            auto it = gold.find({s.level, s.number, title_key(s.title)});
            if (it != gold.end()) {
                gold.erase(it);
                ++hit;
            } else {
                extra.push_back(std::to_string(s.level) + " [" + s.number + "] " + s.title + "  <" + s.signal + ">");
            }
        }
        if (!extra.empty() || !gold.empty()) {
            std::cout << "  outline " << l.gold->id << "." << l.format << ":";
            for (const auto& e : extra) std::cout << "\n    + " << e;
            for (const auto& [lv, n, t] : gold) std::cout << "\n    - " << lv << " [" << n << "] " << t;
            std::cout << "\n";
        }
        tp += hit;
        predicted += l.plan.outline.sections.size();
        expected += l.gold->outline.size();
        auto& pf = per_format[l.format];
        pf[0] += hit;
        pf[1] += l.plan.outline.sections.size();
        pf[2] += l.gold->outline.size();
    }
    double precision = predicted ? double(tp) / predicted : 0, recall = expected ? double(tp) / expected : 0;
    std::cout << std::fixed << std::setprecision(3) << "FIGURE headings: precision " << precision << ", recall "
              << recall << " (" << tp << " right of " << predicted << " found, " << expected << " in gold; "
              << c.loaded.size() << " files)\n";
    for (const auto& [f, v] : per_format)
        std::cout << "FIGURE headings " << f << ": precision " << (v[1] ? double(v[0]) / v[1] : 0) << ", recall "
                  << (v[2] ? double(v[0]) / v[2] : 0) << " (" << v[0] << "/" << v[1] << " found, " << v[2]
                  << " in gold)\n";
    for (const auto& f : c.skipped_formats) std::cout << "FIGURE headings " << f << ": skipped (no reader)\n";
    if (expected == 0) return;  // only "other" documents so far
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.95);
}

TEST_CASE("corpus: kommune and plan year right for every plan and format", "[corpus][identity]") {
    const Corpus& c = corpus();
    if (!c.exists) {
        WARN("corpus/gold does not exist yet: nothing to measure");
        return;
    }
    REQUIRE(!c.gold.empty());
    std::size_t right_k = 0, right_y = 0, right_kind = 0, n = 0;
    std::size_t known_k = 0, known_y = 0;  // misses of real-shape plans listed in corpus/known-misses.txt
    std::vector<std::string> shaped_misses;
    const auto known = load_known_misses();
    auto join = [](const auto& v) {
        std::string s;
        for (const auto& x : v) {
            std::ostringstream o;
            o << x;
            s += (s.empty() ? "" : ",") + o.str();
        }
        return s.empty() ? std::string("-") : s;
    };
    for (const auto& l : c.loaded) {
        ++n;
        const Identity& id = l.plan.identity;
        auto want = l.gold->municipalities;
        auto got = id.municipalities;
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        std::string kind = doc_kind_name(id.kind);
        if (kind == "unknown") kind = "other";
        bool ok = true;
        const std::string at = l.gold->id + "." + l.format + ": got ";
        auto miss = [&](const std::string& m, std::size_t& known_count) {
            ok = false;
            std::cout << "  " << m << "\n";
            if (l.gold->real_shape.empty()) return;
            shaped_misses.push_back(m);
            if (known.count(m)) ++known_count;
        };
        std::size_t unused = 0;
        if (got == want) ++right_k;
        else miss("kommune " + at + join(got) + ", want " + join(want), known_k);
        if (id.years == l.gold->years) ++right_y;
        else miss("years " + at + join(id.years) + ", want " + join(l.gold->years), known_y);
        if (kind == l.gold->kind) ++right_kind;
        else miss("kind " + at + kind + ", want " + l.gold->kind, unused);
        if (!ok)
            for (const auto& r : id.reasons) std::cout << "      " << r.en << "\n";
    }
    std::cout << "FIGURE identity: kommune " << right_k << "/" << n << ", plan year " << right_y << "/" << n
              << ", kind " << right_kind << "/" << n << "\n";
    for (const auto& f : c.skipped_formats) std::cout << "FIGURE identity " << f << ": skipped (no reader)\n";
    std::cout << "FIGURE identity real-shape misses listed in corpus/known-misses.txt: kommune " << known_k
              << ", plan year " << known_y << "\n";
    check_known_misses(shaped_misses, true);
    CHECK(right_k + known_k == n);
    CHECK(right_y + known_y == n);
}

// Not a target of its own: how far the other signals carry when the
// strongest is withheld — PDF bookmarks dropped (typography, numbering and
// the table of contents only), DOCX/ODT heading styles dropped (numbering,
// caps and layout only). Printed for the record, never asserted.
TEST_CASE("corpus: headings with the source's own marks withheld (informational)", "[corpus][outline][ablation]") {
    const Corpus& c = corpus();
    if (!c.exists) return;
    std::map<std::string, std::array<std::size_t, 3>> per_format;
    for (const auto& l : c.loaded) {
        if (l.format == "txt") continue;
        Document d = l.plan.doc;
        d.bookmarks.clear();
        for (auto& b : d.blocks)
            if (b.kind == BlockKind::heading) {
                b.kind = BlockKind::paragraph;
                b.outline_level = 0;
                b.style.clear();
            }
        Outline o = segment(d);
        std::multiset<std::tuple<int, std::string, std::string>> gold;
        for (const auto& h : l.gold->outline) gold.insert({h.level, h.number, title_key(h.title)});
        std::size_t hit = 0;
        for (const auto& s : o.sections) {
            auto it = gold.find({s.level, s.number, title_key(s.title)});
            if (it != gold.end()) gold.erase(it), ++hit;
            else std::cout << "  without marks " << l.gold->id << "." << l.format << ": + " << s.level << " ["
                           << s.number << "] " << s.title << " <" << s.signal << ">\n";
        }
        for (const auto& [lv, n, t] : gold)
            std::cout << "  without marks " << l.gold->id << "." << l.format << ": - " << lv << " [" << n << "] " << t
                      << "\n";
        auto& pf = per_format[l.format];
        pf[0] += hit;
        pf[1] += o.sections.size();
        pf[2] += l.gold->outline.size();
    }
    for (const auto& [f, v] : per_format)
        std::cout << std::fixed << std::setprecision(3) << "FIGURE headings " << f
                  << " without styles/bookmarks: precision " << (v[1] ? double(v[0]) / v[1] : 0) << ", recall "
                  << (v[2] ? double(v[0]) / v[2] : 0) << "\n";
    SUCCEED();
}
