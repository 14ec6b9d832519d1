// libFuzzer target: the strict profile loader (YAML → requirements, goals,
// deadlines, placeholders; every pattern compiled with RE2) and the --rules
// loader on top of it. Bad input must end in a ProfileError naming
// file:line, never in a crash or another exception.
//
// The profile id must equal the file's stem, so the name given to the
// loader is taken from the input's own "id:" line, in the shipped profiles'
// folder: an `extends:` then finds the real base profiles.
#include <string>

#include "extractor/data_dir.h"
#include "rules/profile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    if (size > (256u << 10)) return 0;
    std::string yaml(reinterpret_cast<const char*>(data), size);
    std::string id = "fuzz";
    if (auto p = yaml.find("\nid: "); p != std::string::npos) {
        std::size_t e = yaml.find('\n', p + 5);
        id = yaml.substr(p + 5, (e == std::string::npos ? yaml.size() : e) - p - 5);
        if (id.empty() || id.find('/') != std::string::npos || id.find('\0') != std::string::npos) id = "fuzz";
    }
    try {
        Profile p = load_profile_from_string(yaml, data_dir() + "/rules/profiles/" + id + ".yaml");
        (void)check_examples(p);
        (void)p.requirements_for(p.first_year);
    } catch (const ProfileError&) {
    }
    // The same text as a --rules file added to an empty profile.
    try {
        Profile base;
        base.id = "base";
        base.first_year = 2016;
        base.last_year = 2024;
        add_rules_from_string(base, yaml, "rules.yaml");
    } catch (const ProfileError&) {
    }
    return 0;
}
