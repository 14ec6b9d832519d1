#include "extractor/lexicon.h"

#include <hunspell/atypes.hxx>
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "extractor/data_dir.h"
#include "extractor/utf8.h"
#include "extractor/shared_work.h"

namespace plantjek {

namespace fs = std::filesystem;

DictionaryMissing::DictionaryMissing(const std::string& dir)
    : std::runtime_error("the Danish dictionary (Hunspell da_DK) is not in " + dir +
                         "; install the Debian package hunspell-da (scripts/setup does)"),
      da_("den danske ordbog (Hunspell da_DK) findes ikke i " + dir +
          "; installér Debian-pakken hunspell-da (det gør scripts/setup)") {}

Lexicon::Lexicon() : id_([] {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}()) {
    std::string dir = "/usr/share/hunspell";
    if (const char* env = std::getenv("PLANTJEK_HUNSPELL_DIR"); env && *env) dir = env;
    std::string aff = dir + "/da_DK.aff", dic = dir + "/da_DK.dic";
    std::error_code ec;
    if (!fs::exists(aff, ec) || !fs::exists(dic, ec)) throw DictionaryMissing(dir);
    hs_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    fs::path words = fs::path(data_dir()) / "dictionaries";
    if (fs::is_directory(words, ec)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(words, ec))
            if (e.path().extension() == ".txt") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) add_word_list(f.string());
    }
}

Lexicon::~Lexicon() = default;

int Lexicon::add_word_list(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read word list " + path);
    int n = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::string_view word = utf8::trim(line);
        if (word.empty()) continue;
        add_word(std::string(word));
        ++n;
    }
    return n;
}

void Lexicon::add_word(const std::string& word) {
    hs_->add(word);
    spell_cache_.erase(word);
}

bool Lexicon::is_word(std::string_view word) { return lookup(word) != 0; }

bool Lexicon::is_compound(std::string_view word) { return lookup(word) == 2; }

// 0 unknown, 1 a word, 2 a word Hunspell accepts only by compounding.
int Lexicon::lookup(std::string_view word) {
    std::string w(word);
    auto it = spell_cache_.find(w);
    if (it != spell_cache_.end()) return it->second;
    int info = 0;
    int v = hs_->spell(w, &info) ? ((info & SPELL_COMPOUND) ? 2 : 1) : 0;
    spell_cache_.emplace(std::move(w), v);
    return v;
}

std::vector<std::string> Lexicon::suggest(std::string_view word, std::size_t max) {
    std::string w(word);
    auto it = suggest_cache_.find(w);
    if (it == suggest_cache_.end()) {
        // Another worker of the scan may have it, or be working it out (shared_work.h).
        bool fresh = true;
        const std::string shared = shared_answer(
            share_, "h\x1f" + w,
            [&] {
                std::string joined;
                for (const auto& s : hs_->suggest(w)) joined += (joined.empty() ? "" : "\n") + s;
                return joined;
            },
            &fresh);
        std::vector<std::string> list;
        for (std::size_t a = 0; a < shared.size();) {
            std::size_t b = shared.find('\n', a);
            if (b == std::string::npos) b = shared.size();
            list.push_back(shared.substr(a, b - a));
            a = b + 1;
        }
        it = suggest_cache_.emplace(w, std::move(list)).first;
        if (fresh) {
            if (new_suggestions_.size() > 20000) new_suggestions_.clear();  // nobody is taking them (check, not scan)
            new_suggestions_.push_back(w);
        }
    }
    std::vector<std::string> out = it->second;
    if (out.size() > max) out.resize(max);
    return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> Lexicon::take_new_suggestions() {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (auto& w : new_suggestions_) out.emplace_back(w, suggest_cache_[w]);
    new_suggestions_.clear();
    return out;
}

void Lexicon::add_suggestions(const std::string& word, std::vector<std::string> list) {
    suggest_cache_.try_emplace(word, std::move(list));
}

Lexicon& Lexicon::shared() {
    static Lexicon* lex = new Lexicon;  // never destroyed (lexicon.h)
    return *lex;
}

}  // namespace plantjek
