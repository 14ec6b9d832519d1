// The same plan as DOCX, ODT, PDF and TXT yields the same words in the same
// order. Compared word by word (longest common subsequence) against the
// DOCX, which is the source the other formats were made from. Tables are
// the exception: a PDF gives a table column by column, so the words of the
// DOCX's tables are compared as a multiset, and the running text without them
// in order.
#include <catch2/catch.hpp>

#include <iomanip>
#include <iostream>
#include <map>

#include "extractor/pipeline.h"
#include "corpus_support.h"

using namespace plantjek;
using namespace plantjek::test;

namespace {

std::vector<std::string> body_words(const Document& d, int tables = 0) {  // 0 all, 1 only table cells, -1 no table cells
    std::vector<std::string> words;
    for (const auto& b : d.blocks) {
        if (b.kind == BlockKind::header || b.kind == BlockKind::footer || b.kind == BlockKind::footnote) continue;
        if ((tables == 1) != (b.kind == BlockKind::table_cell) && tables != 0) continue;
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
        Document docx = load_plan(file_for(g, "docx"), po).doc;
        auto words_docx = body_words(docx, -1);
        std::map<std::string, int> table_words;
        for (const auto& w : body_words(docx, 1)) ++table_words[w];
        for (const auto& f : g.formats) {
            if (f == "docx") continue;
            auto all = body_words(load_plan(file_for(g, f), po).doc);
            // Running text: every DOCX word outside tables, in order.
            double sim = double(lcs(words_docx, all)) / double(words_docx.size());
            // Everything (tables included) as a multiset, both ways.
            std::map<std::string, int> bag_docx, bag;
            for (const auto& w : body_words(docx)) ++bag_docx[w];
            for (const auto& w : all) ++bag[w];
            long common = 0, n_docx = 0, n = 0;
            for (const auto& [w, k] : bag_docx) {
                n_docx += k;
                auto it = bag.find(w);
                if (it != bag.end()) common += std::min(k, it->second);
            }
            for (const auto& [w, k] : bag) n += k;
            double bag_sim = 2.0 * common / double(n_docx + n);
            INFO(g.id << "." << f << " multiset similarity " << bag_sim);
            // LibreOffice clipped the value column of this two-column plan's
            // annex table when it made the PDF: the values are not in the file
            // (pdftotext finds none either), so the multiset cannot agree.
            if (g.id + "." + f == "2013-herning-challenges-missing.pdf")
                CHECK(bag_sim >= 0.95);
            else
                CHECK(bag_sim >= 0.97);
            ++pairs;
            INFO(g.id << "." << f << " running text in order " << sim);
            CHECK(sim >= 0.97);
            if (sim < worst) {
                worst = sim;
                worst_name = g.id + "." + f;
            }
        }
    }
    std::cout << std::fixed << std::setprecision(4) << "FIGURE same words: " << pairs
              << " format pairs, lowest share of the running text in order " << worst << " (" << worst_name << ")\n";
    CHECK(pairs >= 24);
}
