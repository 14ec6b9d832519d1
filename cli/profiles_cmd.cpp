// plantjek profiles [show ID | check FILE] and plantjek explain ID: the rules
// as a person reads them.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/profile_error.h"
#include "cli/writers/writer.h"
#include "extractor/data_dir.h"
#include "rules/profile.h"

namespace plantjek {

namespace {

const std::string& tr(Lang l, const Text2& t) { return l == Lang::da ? t.da : t.en; }
const char* tr(Lang l, const char* da, const char* en) { return l == Lang::da ? da : en; }

std::string years(int a, int b) { return a == b ? std::to_string(a) : std::to_string(a) + "–" + std::to_string(b); }

void print_requirement(std::ostream& os, const Requirement& r, const Profile& p, Lang l, bool patterns) {
    int a = r.first_year ? r.first_year : p.first_year, b = r.last_year ? r.last_year : p.last_year;
    os << "  " << r.id << " — " << tr(l, r.title) << "\n"
       << "      " << tr(l, "lovgrundlag: ", "legal basis: ") << r.legal_basis << "\n"
       << "      " << tr(l, "planår: ", "plan years: ") << years(a, b) << " · " << tr(l, "alvor: ", "severity: ")
       << severity_label(r.severity, l) << (r.required ? "" : tr(l, " (kun hvis relevant)", " (only where relevant)"))
       << (r.draft_may_lack ? tr(l, " · må mangle i et udkast", " · may be missing in a draft") : "") << "\n";
    if (!r.only_kommuner.empty()) {
        os << "      " << tr(l, "kun for: ", "only for: ");
        for (std::size_t i = 0; i < r.only_kommuner.size(); ++i) os << (i ? ", " : "") << r.only_kommuner[i];
        os << "\n";
    }
    if (!patterns) return;
    os << "      " << tr(l, "krav: ", "requirement: ") << tr(l, r.message) << "\n"
       << "      " << tr(l, "kontrol: ", "check kind: ") << r.kind << "\n";
    if (!r.heading.empty()) {
        os << "      " << tr(l, "overskrifter der genkendes:", "headings recognised:") << "\n";
        for (const auto& x : r.heading) os << "        " << x.source << "\n";
    }
    if (!r.terms.empty()) {
        os << "      " << tr(l, "nøgleord (mindst ", "key terms (at least ") << r.min_terms
           << tr(l, " i samme afsnit):", " in one passage):") << "\n";
        for (const auto& x : r.terms) os << "        " << x.source << "\n";
    }
    if (!r.heading_examples.match.empty()) {
        os << "      " << tr(l, "eksempler: ", "examples: ");
        for (std::size_t i = 0; i < r.heading_examples.match.size() && i < 4; ++i)
            os << (i ? " · " : "") << "\"" << r.heading_examples.match[i] << "\"";
        os << "\n";
    }
}

}  // namespace

int run_profiles(const CommonOptions& common, const ProfilesOptions& opts) {
    const Lang l = common.lang;
    try {
        if (!opts.check_file.empty()) {
            Profile p = load_profile(opts.check_file);
            int count = 0;
            auto failures = check_examples(p, &count);
            for (const auto& f : failures) std::cerr << f << "\n";
            std::cout << opts.check_file << ": " << p.requirements.size() << tr(l, " krav, ", " requirements, ") << count
                      << tr(l, " eksempler kørt, ", " examples run, ") << failures.size() << tr(l, " fejl", " failures")
                      << "\n";
            return failures.empty() ? exit_code::ok : exit_code::usage;
        }
        auto all = load_profiles(data_dir() + "/rules/profiles");
        if (opts.show.empty()) {
            for (const auto& p : all)
                std::cout << p.id << "  " << years(p.first_year, p.last_year) << "  " << tr(l, p.title) << "\n    "
                          << p.legal_basis << " · " << p.requirements.size() << tr(l, " krav", " requirements") << "\n";
            return exit_code::ok;
        }
        for (const auto& p : all) {
            if (p.id != opts.show) continue;
            std::cout << p.id << " — " << tr(l, p.title) << " (" << years(p.first_year, p.last_year) << ")\n"
                      << p.legal_basis << "\n\n"
                      << tr(l, "Krav", "Requirements") << "\n";
            for (const auto& r : p.requirements) print_requirement(std::cout, r, p, l, false);
            std::cout << "\n" << tr(l, "Ministerens mål", "Minister goals") << "\n";
            for (const auto& [year, goals] : p.goals)
                for (const auto& g : goals)
                    std::cout << "  " << g.id << (g.pending ? tr(l, " (udmeldt senere)", " (announced later)") : "")
                              << "  " << tr(l, g.title) << "\n";
            return exit_code::ok;
        }
        std::cerr << "plantjek: " << tr(l, "ukendt profil: ", "unknown profile: ") << opts.show << "\n";
        return exit_code::usage;
    } catch (const ProfileError& e) {
        std::cerr << "plantjek: " << profile_error_text(e, common.lang) << "\n";
        return exit_code::usage;
    }
}

int run_explain(const CommonOptions& common, const std::string& id) {
    const Lang l = common.lang;
    std::vector<Profile> all;
    try {
        all = load_profiles(data_dir() + "/rules/profiles");
    } catch (const ProfileError& e) {
        std::cerr << "plantjek: " << profile_error_text(e, common.lang) << "\n";
        return exit_code::usage;
    }
    bool found = false;
    for (const auto& p : all) {
        for (const auto& r : p.requirements) {
            if (r.id != id) continue;
            if (!found) std::cout << id << "\n";
            found = true;
            std::cout << "\n" << p.id << " (" << years(p.first_year, p.last_year) << ")\n";
            print_requirement(std::cout, r, p, l, true);
        }
        for (const auto& [year, goals] : p.goals)
            for (const auto& g : goals) {
                if (g.id != id) continue;
                found = true;
                std::cout << g.id << " — " << tr(l, g.title) << "\n"
                          << tr(l, "  profil: ", "  profile: ") << p.id << " · " << tr(l, "sikkerhed: ", "confidence: ")
                          << g.confidence << (g.pending ? tr(l, " · udmeldt senere", " · announced later") : "") << "\n"
                          << tr(l, "  genkendes ved:", "  recognised by:") << "\n";
                for (const auto& x : g.patterns) std::cout << "    " << x.source << "\n";
                if (!g.target_shapes.empty()) {
                    std::cout << tr(l, "  ministeriets målformulering:", "  the ministry's target sentence:") << "\n";
                    for (const auto& t : g.target_shapes)
                        for (const auto& e : t.examples.match) std::cout << "    \"" << e << "\"\n";
                }
            }
    }
    if (!found && explain_theme(std::cout, all, id, l)) found = true;
    if (!found) {
        std::cerr << "plantjek: " << tr(l, "intet krav, mål eller tema med id '", "no requirement, goal or theme with id '") << id
                  << "'\n";
        return exit_code::usage;
    }
    return exit_code::ok;
}

}  // namespace plantjek
