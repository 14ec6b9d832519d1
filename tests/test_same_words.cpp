// The same plan as DOCX, ODT, PDF and TXT yields the same words in the same
// order. Compared word by word (longest common subsequence) against the
// DOCX, which is the source the other formats were made from.
#include <catch2/catch.hpp>

#include <iomanip>
#include <iostream>

#include "cli/pipeline.h"
#include "tests/corpus_support.h"

using namespace plantjek;
using namespace plantjek::test;

namespace {

std::vector<std::string> body_words(const Document& d) {
    std::vector<std::string> words;
    for (const auto& b : d.blocks) {
        if (b.kind == BlockKind::header || b.kind == BlockKind::footer || b.kind == BlockKind::footnote) continue;
        std::string text = b.number.empty() ? b.text : b.number + " " + b.text;
        std::string cur;
        std::size_t i = 0;
        while (i <= text.size()) {
            std::size_t start = i;
            char32_t cp = i < text.size() ? utf8::next(text, i) : (++i, U' ');
            if (utf8::is_letter(cp) || utf8::is_digit(cp)) {
                cur.append(text, start, i - start);
            } else if (!cur.empty()) {
                words.push_back(utf8::lower(cur));
                cur.clear();
            }
        }
    }
    return words;
}

std::size_t lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

TEST_CASE("same words: every format of a corpus plan reads as its DOCX does", "[corpus][extract]") {
    PipelineOptions po;
    double worst = 1.0;
    std::string worst_name;
    int pairs = 0;
    for (const auto& g : load_gold()) {
        auto words_docx = body_words(load_plan(file_for(g, "docx"), po).doc);
        for (const auto& f : g.formats) {
            if (f == "docx") continue;
            auto words = body_words(load_plan(file_for(g, f), po).doc);
            double sim = 2.0 * lcs(words_docx, words) / double(words_docx.size() + words.size());
            ++pairs;
            INFO(g.id << "." << f << " similarity " << sim);
            CHECK(sim >= 0.97);
            if (sim < worst) {
                worst = sim;
                worst_name = g.id + "." + f;
            }
        }
    }
    std::cout << std::fixed << std::setprecision(4) << "FIGURE same words: " << pairs
              << " format pairs, lowest similarity " << worst << " (" << worst_name << ")\n";
    CHECK(pairs >= 24);
}
