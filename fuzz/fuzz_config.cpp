// libFuzzer target: the configuration loader (plantjek.yaml: options, word
// lists, rule files, waivers) and the waivers applied to a small report.
// Bad input must end in a ConfigError naming file:line, never in a crash or
// another exception.
#include <string>

#include "cli/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plantjek;
    if (size > (256u << 10)) return 0;
    std::string yaml(reinterpret_cast<const char*>(data), size);
    Config c;
    try {
        c = load_config_from_string(yaml, "/fuzz/plantjek.yaml");
    } catch (const ConfigError&) {
        return 0;
    }
    Report r;
    r.municipalities = {"Kolding", "Århus"};
    r.years = {2012};
    for (const char* id : {"budget", "annex", "goal-1"}) {
        RequirementResult q;
        q.id = id;
        q.status = ReqStatus::fail;
        q.severity = Severity::error;
        r.requirements.push_back(q);
        Finding f;
        f.rule = id;
        f.severity = Severity::error;
        r.findings.push_back(f);
    }
    GoalResult g;
    g.id = "goal-2012-1";
    r.goals.push_back(g);
    apply_waivers(r, c.waivers);
    return 0;
}
