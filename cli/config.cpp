#include "cli/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "cli/check.h"
#include "cli/commands.h"
#include "extractor/identify.h"
#include "extractor/utf8.h"
#include "rules/profile.h"

namespace plantjek {

namespace {

[[noreturn]] void fail(const std::string& file, const YAML::Node& n, Text2 msg) {
    int line = n.IsDefined() ? n.Mark().line + 1 : 0;
    throw ConfigError(file + ":" + std::to_string(line), std::move(msg));
}

std::string listed(const std::vector<std::string>& items) {
    std::string list;
    for (const auto& x : items) list += (list.empty() ? "" : ", ") + x;
    return list;
}

void known_keys(const std::string& file, const YAML::Node& map, const std::set<std::string>& keys) {
    std::set<std::string> seen;
    for (const auto& kv : map) {
        std::string k = kv.first.as<std::string>();
        // yaml-cpp keeps both and answers with the first: the second would be ignored unseen.
        if (!seen.insert(k).second)
            fail(file, kv.first, {"nøglen '" + k + "' står der to gange", "the key '" + k + "' appears twice"});
        if (!keys.count(k)) {
            const std::vector<std::string> known(keys.begin(), keys.end());
            const std::string list = listed(known), near = utf8::closest(k, known);
            fail(file, kv.first,
                 {"ukendt nøgle '" + k + "'" + (near.empty() ? "" : " (mente du '" + near + "'?)") + "; kendte: " + list,
                  "unknown key '" + k + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") + "; known: " + list});
        }
    }
}

std::string str(const std::string& file, const YAML::Node& n, const std::string& what) {
    if (!n.IsScalar()) fail(file, n, {what + " skal være en tekst", what + " must be a string"});
    return n.as<std::string>();
}

std::string one_of(const std::string& file, const YAML::Node& n, const std::string& what,
                   const std::vector<std::string>& allowed) {
    std::string v = str(file, n, what);
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
        fail(file, n, {what + " skal være en af " + listed(allowed) + ", ikke '" + v + "'",
                       what + " must be one of " + listed(allowed) + ", not '" + v + "'"});
    return v;
}

bool boolean(const std::string& file, const YAML::Node& n, const std::string& what) {
    try {
        return n.as<bool>();
    } catch (const YAML::Exception&) {
        fail(file, n, {what + " skal være true eller false", what + " must be true or false"});
    }
}

std::vector<std::string> paths(const std::string& file, const YAML::Node& n, const std::string& what) {
    std::vector<std::string> out;
    auto base = std::filesystem::path(file).parent_path();
    auto add = [&](const YAML::Node& x) {
        std::filesystem::path p = str(file, x, what);
        out.push_back(p.is_absolute() || base.empty() ? p.string() : (base / p).string());
    };
    if (n.IsSequence())
        for (const auto& x : n) add(x);
    else
        add(n);
    return out;
}

}  // namespace

namespace {

Config parse_config(const YAML::Node& y, const std::string& file) {
    Config c;
    c.path = file;
    if (y.IsNull()) return c;
    if (!y.IsMap()) fail(file, y, {"konfigurationen skal være en række nøgler med værdier", "the configuration must be a mapping of options"});
    known_keys(file, y, {"lang", "format", "profile", "fail-on", "color", "stage", "spelling", "spelling-severity", "suggestions", "rules",
                         "words", "waivers", "region-name", "region-contact"});
    if (y["lang"]) c.lang = one_of(file, y["lang"], "lang", {"da", "en"});
    if (y["format"]) c.format = str(file, y["format"], "format");
    if (y["profile"]) c.profile = str(file, y["profile"], "profile");
    if (y["fail-on"]) c.fail_on = one_of(file, y["fail-on"], "fail-on", {"error", "warning", "never"});
    if (y["color"]) c.color = one_of(file, y["color"], "color", {"auto", "always", "never"});
    if (y["stage"]) c.stage = one_of(file, y["stage"], "stage", {"draft", "final"});
    if (y["spelling"]) c.spelling = boolean(file, y["spelling"], "spelling");
    if (y["spelling-severity"])
        c.spelling_severity = one_of(file, y["spelling-severity"], "spelling-severity", {"warning", "error"});
    if (y["suggestions"]) c.suggestions = boolean(file, y["suggestions"], "suggestions");
    if (y["region-name"]) c.region_name = str(file, y["region-name"], "region-name");
    if (y["region-contact"]) c.region_contact = str(file, y["region-contact"], "region-contact");
    if (y["rules"]) c.rules_files = paths(file, y["rules"], "rules");
    if (y["words"]) c.word_lists = paths(file, y["words"], "words");
    if (y["waivers"]) {
        if (!y["waivers"].IsSequence()) fail(file, y["waivers"], {"waivers skal være en liste", "waivers must be a list"});
        for (const auto& w : y["waivers"]) {
            if (!w.IsMap())
                fail(file, w, {"en dispensation har nøglerne requirement, kommune, year og reason",
                               "a waiver is a mapping (requirement, kommune, year, reason)"});
            known_keys(file, w, {"requirement", "kommune", "year", "reason"});
            Waiver v;
            v.file = file;
            v.line = w.Mark().line + 1;
            if (!w["requirement"]) fail(file, w, {"en dispensation skal have 'requirement'", "a waiver needs 'requirement'"});
            if (!w["reason"])
                fail(file, w, {"en dispensation skal have 'reason' (den vises i rapporten)",
                               "a waiver needs 'reason' (it is shown in the report)"});
            v.requirement = str(file, w["requirement"], "requirement");
            v.reason = str(file, w["reason"], "reason");
            if (w["kommune"]) v.kommune = str(file, w["kommune"], "kommune");
            if (w["year"]) {
                try {
                    v.year = w["year"].as<int>();
                } catch (const YAML::Exception&) {
                    fail(file, w["year"], {"year skal være et årstal", "year must be a number"});
                }
            }
            c.waivers.push_back(v);
        }
    }
    return c;
}

// yaml-cpp reports most bad shapes through exceptions of its own (a key
// that is a sequence, a tag it cannot convert); every one becomes a
// ConfigError with the line, as the profile loader does.
Config parse_guarded(const std::string& file, const std::function<YAML::Node()>& load) {
    try {
        return parse_config(load(), file);
    } catch (const ConfigError&) {
        throw;
    } catch (const YAML::BadFile&) {
        throw ConfigError(file + ":0", {"kan ikke læses", "cannot be read"});
    } catch (const YAML::Exception& e) {
        throw ConfigError(file + ":" + std::to_string(e.mark.is_null() ? 0 : e.mark.line + 1),
                          {"ikke gyldig YAML (" + e.msg + ")", "not valid YAML (" + e.msg + ")"});
    }
}

}  // namespace

void merge_config(const Config& c, const GivenOnCommandLine& given, CommonOptions& common, CheckOptions& ck) {
    if (c.lang && !given.lang) common.lang = *c.lang == "en" ? Lang::en : Lang::da;
    if (c.format && !given.format) ck.format = *c.format;
    if (c.profile && !given.profile) ck.profile = *c.profile;
    if (c.fail_on && !given.fail_on) ck.fail_on = fail_on_from_name(*c.fail_on);
    if (c.color && !given.color) ck.color = *c.color;
    if (c.stage && !given.stage) {
        ck.report.stage = stage_from_name(*c.stage);
        ck.report.stage_given = true;
    }
    if (c.spelling && !given.spelling) ck.spelling = *c.spelling;
    if (c.suggestions && !given.suggestions) ck.suggestions = *c.suggestions;
    if (c.region_name) ck.sender_name = *c.region_name;
    if (c.region_contact) ck.sender_contact = *c.region_contact;
    if (c.spelling_severity) ck.report.spelling_errors = *c.spelling_severity == "error";
    ck.rules_files.insert(ck.rules_files.begin(), c.rules_files.begin(), c.rules_files.end());
    ck.word_lists.insert(ck.word_lists.begin(), c.word_lists.begin(), c.word_lists.end());
    ck.report.waivers = c.waivers;
}

void validate_waivers(const std::vector<Waiver>& waivers, const std::vector<Profile>& profiles,
                      const std::vector<std::string>& rules_files) {
    if (waivers.empty()) return;
    std::vector<std::string> ids;
    auto add = [&](const std::string& id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    };
    for (const auto& p : profiles) {
        for (const auto& r : p.requirements) add(r.id);
        for (const auto& [year, goals] : p.goals)
            for (const auto& g : goals) add(g.id);
    }
    if (!profiles.empty())
        for (const auto& f : rules_files) {
            Profile extra = profiles.front();
            add_rules_file(extra, f);
            for (const auto& r : extra.requirements) add(r.id);
        }
    auto fail_at = [&](const Waiver& w, Text2 msg, const std::string& near) {
        if (!near.empty()) {
            msg.da += "; mente du '" + near + "'?";
            msg.en += "; did you mean '" + near + "'?";
        }
        throw ConfigError(w.file + ":" + std::to_string(w.line), std::move(msg));
    };
    for (const auto& w : waivers) {
        if (std::find(ids.begin(), ids.end(), w.requirement) == ids.end())
            fail_at(w,
                    {"dispensationen nævner et ukendt krav eller mål '" + w.requirement + "'",
                     "the waiver names an unknown requirement or goal '" + w.requirement + "'"},
                    utf8::closest(w.requirement, ids));
        if (!w.kommune.empty() && canonical_kommune(w.kommune).empty())
            fail_at(w,
                    {"dispensationen nævner '" + w.kommune + "', som ikke er en af de 98 kommuner",
                     "the waiver names '" + w.kommune + "', which is not one of the 98 kommuner"},
                    utf8::closest(w.kommune, kommune_names()));
    }
}

Config load_config(const std::string& file) {
    return parse_guarded(file, [&] { return YAML::LoadFile(file); });
}

Config load_config_from_string(const std::string& yaml, const std::string& name) {
    return parse_guarded(name, [&] { return YAML::Load(yaml); });
}

}  // namespace plantjek
