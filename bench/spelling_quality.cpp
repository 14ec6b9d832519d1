// The measurements behind docs/spelling.md (issue 6). Driven by
// scripts/spelling-quality, which builds this file against a build's
// libraries; the subcommands can be run by hand too:
//
//   spelling_quality plans CORPUS FORMAT DUMPDIR
//       Checks every corpus plan (gold/<id>.yaml, file <format>/<id>.<format>)
//       without suggestions; prints per plan: words, flags, false alarms
//       (flags that are not the plan's injected typos) and injected typos
//       missed; writes the checked body text to DUMPDIR/<id>.txt (for the
//       hunspell/aspell runs) and DUMPDIR/<id>.typos (the injected typos).
//   spelling_quality texts DUMPDIR FILE...
//       The same for plain texts without gold (the seed texts): prints every
//       flag with its count, to be judged by a person.
//   spelling_quality generate CORPUS FORMAT N SEED OUT.tsv
//       N realistic misspellings of words of the corpus plans (deletion,
//       insertion, transposition, substitution, æ/ø/å → ae/oe/aa, doubled
//       and missing consonant, wrong inflection ending), reproducible from
//       SEED. Misspellings that are valid Danish — a word form of da_DK
//       without compounding, a domain word, or a word the corpus uses — are
//       left out and counted. OUT.tsv: misspelling, intended, kind, plan.
//   spelling_quality recall CORPUS FORMAT IN.tsv [--no-suggestions]
//       Recall and suggestion hit rate of plantjek's check on IN.tsv.
//   spelling_quality speed FILE [RUNS]
//       Time of reading + normalising + segmenting + identifying + the
//       rules engine of one plan, against the spelling check without (and
//       with) suggestions, each run with a fresh (cold) lexicon.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <hunspell/hunspell.hxx>
#include <yaml-cpp/yaml.h>

#include "bench/misspell.h"
#include "extractor/data_dir.h"
#include "extractor/identify.h"
#include "extractor/lexicon.h"
#include "extractor/normalise.h"
#include "extractor/reader.h"
#include "extractor/segment.h"
#include "extractor/utf8.h"
#include "rules/engine.h"
#include "rules/profile.h"
#include "rules/spelling.h"
#include "rules/tokenize.h"

using namespace plantjek;
using namespace plantjek::bench;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Plan {
    std::string id, kind, file;
    std::vector<std::pair<std::string, std::string>> typos;  // word, intended
};

std::vector<Plan> load_plans(const fs::path& corpus, const std::string& format) {
    std::vector<fs::path> golds;
    for (const auto& e : fs::directory_iterator(corpus / "gold"))
        if (e.path().extension() == ".yaml") golds.push_back(e.path());
    std::sort(golds.begin(), golds.end());
    std::vector<Plan> plans;
    for (const auto& g : golds) {
        YAML::Node y = YAML::LoadFile(g.string());
        Plan p;
        p.id = y["id"].as<std::string>();
        p.kind = y["kind"].as<std::string>("plan");
        for (const auto& m : y["misspellings"])
            p.typos.push_back({m["word"].as<std::string>(), m["intended"].as<std::string>("")});
        fs::path f = corpus / format / (p.id + "." + format);
        if (!fs::exists(f)) continue;
        p.file = f.string();
        plans.push_back(std::move(p));
    }
    return plans;
}

Document load(const std::string& file, Lexicon& lex, NormaliseReport* norm = nullptr) {
    Document doc = read_document(file);
    NormaliseOptions no;
    no.is_word = [&lex](std::string_view w) { return lex.is_word(w); };
    auto r = normalise(doc, no);
    if (norm) *norm = r;
    return doc;
}

// "Accepted only as a compound?" — Hunspell::spell's SPELL_COMPOUND, from a
// second instance with the same dictionaries (the Lexicon does not expose it).
class CompoundOracle {
public:
    CompoundOracle() {
        std::string dir = "/usr/share/hunspell";
        if (const char* env = std::getenv("PLANTJEK_HUNSPELL_DIR"); env && *env) dir = env;
        hs_ = std::make_unique<Hunspell>((dir + "/da_DK.aff").c_str(), (dir + "/da_DK.dic").c_str());
        for_each_domain_word([this](const std::string& line) {
            std::size_t st = line.find_first_not_of(" \t");
            if (st != std::string::npos) hs_->add(line.substr(st));
        });
    }
    bool operator()(std::string_view w) {
        int info = 0;
        return hs_->spell(std::string(w), &info) && (info & SPELL_COMPOUND);
    }

private:
    std::unique_ptr<Hunspell> hs_;
};

CompoundOracle& oracle() {
    static CompoundOracle o;
    return o;
}

SpellingOptions bench_options(bool suggestions) {
    SpellingOptions o;
    o.suggestions = suggestions;
    if (!std::getenv("NO_NEAR_MISS")) o.is_compound = [](std::string_view w) { return oracle()(w); };
    return o;
}

void dump_text(const Document& doc, const fs::path& out) {
    std::ofstream o(out);
    for (const Block* b : body_blocks(doc)) o << b->text << "\n";
}

// ---- plans / texts ----------------------------------------------------------

int cmd_plans(const fs::path& corpus, const std::string& format, const fs::path& dump) {
    fs::create_directories(dump);
    auto& lex = Lexicon::shared();
    long words = 0, alarms = 0, distinct_alarms = 0, injected = 0, found = 0;
    std::cout << "# plan\twords\tflags\tfalse_alarms\tinjected\tfound\n";
    std::ostringstream detail;
    for (const auto& p : load_plans(corpus, format)) {
        NormaliseReport norm;
        Document doc = load(p.file, lex, &norm);
        auto r = check_spelling(doc, norm, lex, bench_options(false));
        std::set<std::string> typos;
        for (const auto& [w, i] : p.typos) typos.insert(utf8::lower(w));
        std::set<std::string> seen;
        long flags = 0, fa = 0;
        for (const auto& e : r.unknown) {
            if (e.footnote_marker) continue;
            flags += e.count;
            std::string k = utf8::lower(e.word);
            if (typos.count(k)) {
                seen.insert(k);
                continue;
            }
            fa += e.count;
            ++distinct_alarms;
            detail << "  false alarm\t" << p.id << "\t" << e.word << "\t" << e.count << "\n";
        }
        for (const auto& t : typos)
            if (!seen.count(t)) detail << "  missed typo\t" << p.id << "\t" << t << "\n";
        words += r.words_checked;
        alarms += fa;
        injected += typos.size();
        found += seen.size();
        std::cout << p.id << "\t" << r.words_checked << "\t" << flags << "\t" << fa << "\t" << typos.size() << "\t"
                  << seen.size() << "\n";
        dump_text(doc, dump / (p.id + ".txt"));
        std::ofstream t(dump / (p.id + ".typos"));
        for (const auto& w : typos) t << w << "\n";
    }
    std::cout << detail.str();
    std::printf("TOTAL\twords=%ld\tfalse_alarms=%ld\tdistinct=%ld\tper_1000=%.2f\tinjected=%ld\tfound=%ld\n", words,
                alarms, distinct_alarms, words ? 1000.0 * alarms / words : 0.0, injected, found);
    return 0;
}

int cmd_texts(const fs::path& dump, const std::vector<std::string>& files) {
    fs::create_directories(dump);
    auto& lex = Lexicon::shared();
    long words = 0, flags = 0;
    for (const auto& f : files) {
        NormaliseReport norm;
        Document doc = load(f, lex, &norm);
        auto r = check_spelling(doc, norm, lex, bench_options(true));
        words += r.words_checked;
        std::string id = fs::path(f).stem().string();
        for (const auto& e : r.unknown) {
            if (e.footnote_marker) continue;
            flags += e.count;
            std::cout << "  flag\t" << id << "\t" << e.word << "\t" << e.count << "\t";
            for (const auto& x : e.suggestions) std::cout << x << " ";
            std::cout << "\n";
        }
        dump_text(doc, dump / (id + ".txt"));
    }
    std::printf("TOTAL\twords=%ld\tflags=%ld\n", words, flags);
    return 0;
}

// ---- generate ---------------------------------------------------------------

CorpusWords corpus_words(const fs::path& corpus, const std::string& format) {
    auto& lex = Lexicon::shared();
    CorpusWords cw;
    for (const auto& p : load_plans(corpus, format)) {
        std::set<std::string> typos;
        for (const auto& [w, i] : p.typos) typos.insert(utf8::lower(w));
        add_corpus_words(cw, load(p.file, lex), p.id, typos, lex);
    }
    return cw;
}

int cmd_generate(const fs::path& corpus, const std::string& format, int n, std::uint64_t seed, const fs::path& out) {
    CorpusWords cw = corpus_words(corpus, format);
    if (cw.tokens.empty()) {
        std::cerr << "no corpus words\n";
        return 1;
    }
    Generated g = generate_misspellings(cw, n, seed);
    std::ofstream o(out);
    o << "# misspelling\tintended\tkind\tplan\n";
    for (const auto& t : g.typos) o << t.misspelling << "\t" << t.intended << "\t" << t.kind << "\t" << t.plan << "\n";
    std::cout << "generated\t" << g.typos.size() << "\n";
    for (auto k : kKinds)
        std::cout << "kind\t" << k << "\tkept=" << g.kept[k] << "\tvalid_left_out=" << g.excluded[k] << "\n";
    std::cout << "valid_left_out\t" << g.valid_left_out() << "\n";
    return 0;
}

// ---- recall -----------------------------------------------------------------

int cmd_recall(const fs::path& corpus, const std::string& format, const fs::path& in, bool suggestions) {
    auto& lex = Lexicon::shared();
    std::map<std::string, Document> docs;
    for (const auto& p : load_plans(corpus, format)) docs[p.id] = load(p.file, lex);
    std::ifstream f(in);
    std::string line;
    std::map<std::string, std::pair<int, int>> by_kind;  // kind → (total, flagged)
    int total = 0, flagged = 0, alone = 0, hit = 0, hit1 = 0, suggested_for = 0;
    double sug_ms = 0;
    std::ostringstream misses, nohits;
    while (std::getline(f, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> col;
        std::stringstream ss(line);
        std::string c;
        while (std::getline(ss, c, '\t')) col.push_back(c);
        if (col.size() < 4) continue;
        const std::string &m = col[0], &intended = col[1], &kind = col[2], &plan = col[3];
        ++total;
        ++by_kind[kind].first;
        if (!unknown_words(m, lex).empty()) ++alone;
        // The typo put in place of the first occurrence of the intended word.
        Document doc = docs[plan];
        bool placed = false;
        for (auto& b : doc.blocks) {
            for (const auto& t : tokenize_words(b.text))
                if (t.kind == TokenKind::word && t.word == intended && !t.apostrophe) {
                    b.text = b.text.substr(0, t.begin) + m + b.text.substr(t.end);
                    placed = true;
                    break;
                }
            if (placed) break;
        }
        if (!placed) {
            Block b;
            b.text = m;
            doc.blocks.push_back(b);
        }
        auto t0 = Clock::now();
        auto r = check_spelling(doc, {}, lex, bench_options(suggestions));
        double ms = ms_since(t0);
        const SpellingEntry* e = nullptr;
        for (const auto& x : r.unknown)
            if (x.word == m) e = &x;
        if (!e) {
            misses << "  miss\t" << kind << "\t" << m << "\t" << intended << "\n";
            continue;
        }
        ++flagged;
        ++by_kind[kind].second;
        if (!suggestions) continue;
        sug_ms += ms;
        ++suggested_for;
        bool h = false;
        for (std::size_t i = 0; i < e->suggestions.size(); ++i)
            if (e->suggestions[i] == intended) {
                h = true;
                if (i == 0) ++hit1;
            }
        if (h) ++hit;
        else {
            nohits << "  no-hit\t" << kind << "\t" << m << "\t" << intended << "\t";
            for (const auto& x : e->suggestions) nohits << x << " ";
            nohits << "\n";
        }
    }
    std::cout << misses.str() << nohits.str();
    for (auto& [k, v] : by_kind)
        std::printf("kind\t%s\t%d/%d\t%.1f%%\n", k.c_str(), v.second, v.first, 100.0 * v.second / std::max(1, v.first));
    std::printf("RECALL_ALONE\t%d/%d\t%.1f%%\t(the word checked on its own)\n", alone, total,
                100.0 * alone / std::max(1, total));
    std::printf("RECALL\t%d/%d\t%.1f%%\t(in its plan)\n", flagged, total, 100.0 * flagged / std::max(1, total));
    if (suggestions)
        std::printf("SUGGEST\thit3=%d/%d\t%.1f%%\thit1=%.1f%%\tmean_check_ms=%.1f\n", hit, suggested_for,
                    100.0 * hit / std::max(1, suggested_for), 100.0 * hit1 / std::max(1, suggested_for),
                    sug_ms / std::max(1, suggested_for));
    return 0;
}

// ---- speed ------------------------------------------------------------------

int cmd_speed(const std::string& file, int runs) {
    std::vector<Profile> profiles;
    try {
        profiles = load_profiles((fs::path(data_dir()) / "rules" / "profiles").string());
    } catch (const std::exception& e) {
        std::printf("note\tprofiles not loaded (%s): the rules engine is left out of the rest\n", e.what());
    }
    std::vector<double> rest, spell, spell_warm, spell_sugg;
    int words = 0, unknown = 0, pages = 0;
    double load_ms = 0;
    for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        Lexicon lex;  // cold caches every run
        load_ms = ms_since(t0);
        t0 = Clock::now();
        NormaliseReport norm;
        Document doc = load(file, lex, &norm);
        Outline outline = segment(doc);
        Identity id = identify(doc, outline);
        int year = id.years.empty() ? 2012 : id.years.front();
        const Profile* prof = profile_for_year(profiles, year);
        if (prof) {
            EngineInput in;
            in.doc = &doc;
            in.outline = &outline;
            in.identity = &id;
            in.profile = prof;
            in.year = year;
            auto out = run_engine(in);
            (void)out;
        }
        rest.push_back(ms_since(t0));
        pages = doc.meta.pages;
        SpellingOptions o = bench_options(false);
        oracle();  // loaded outside the timing (in plantjek the Lexicon answers)
        t0 = Clock::now();
        auto s = check_spelling(doc, norm, lex, o);
        spell.push_back(ms_since(t0));
        t0 = Clock::now();
        s = check_spelling(doc, norm, lex, o);
        spell_warm.push_back(ms_since(t0));
        words = s.words_checked;
        unknown = static_cast<int>(s.unknown.size());
        if (r == 0) {
            o.suggestions = true;
            t0 = Clock::now();
            check_spelling(doc, norm, lex, o);
            spell_sugg.push_back(ms_since(t0));
        }
    }
    auto med = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("file\t%s\tpages=%d\twords=%d\tunknown_distinct=%d\n", file.c_str(), pages, words, unknown);
    std::printf("lexicon_load_ms\t%.1f\n", load_ms);
    std::printf("rest_ms\t%.1f\n", med(rest));
    std::printf("spelling_cold_ms\t%.1f\n", med(spell));
    std::printf("spelling_warm_ms\t%.1f\n", med(spell_warm));
    std::printf("spelling_with_suggestions_cold_first_run_ms\t%.1f\n", spell_sugg.empty() ? 0.0 : spell_sugg[0]);
    std::printf("SPEED\tspelling adds %.1f%% (cold), %.1f%% (warm) to %.0f ms\n", 100.0 * med(spell) / med(rest),
                100.0 * med(spell_warm) / med(rest), med(rest));
    return 0;
}

int usage() {
    std::cerr << "usage: spelling_quality plans|texts|generate|recall|speed … (see the source)\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> a(argv + 1, argv + argc);
    if (a.empty()) return usage();
    try {
        if (a[0] == "plans" && a.size() == 4) return cmd_plans(a[1], a[2], a[3]);
        if (a[0] == "texts" && a.size() >= 3) return cmd_texts(a[1], {a.begin() + 2, a.end()});
        if (a[0] == "generate" && a.size() == 6)
            return cmd_generate(a[1], a[2], std::stoi(a[3]), std::stoull(a[4]), a[5]);
        if (a[0] == "recall" && (a.size() == 4 || a.size() == 5))
            return cmd_recall(a[1], a[2], a[3], !(a.size() == 5 && a[4] == "--no-suggestions"));
        if (a[0] == "speed" && (a.size() == 2 || a.size() == 3))
            return cmd_speed(a[1], a.size() == 3 ? std::stoi(a[2]) : 5);
    } catch (const std::exception& e) {
        std::cerr << "spelling_quality: " << e.what() << "\n";
        return 1;
    }
    return usage();
}
