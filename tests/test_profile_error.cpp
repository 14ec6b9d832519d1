// A broken profile is reported in Danish (English with --lang en): each
// message shape the loader writes, made by breaking a copy of a real profile,
// comes out with the Danish frame and Danish words.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/profile_error.h"

using namespace plantjek;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

// The 2011 profile (with the bases it extends beside it), changed by `edit`,
// loaded; the error it throws.
ProfileError broken(const std::string& from, const std::string& to) {
    fs::path dir = fs::temp_directory_path() / "plantjek-profilfejl";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::path src = fs::path(PLANTJEK_TEST_SOURCE_DIR) / "rules/profiles";
    for (const auto& e : fs::directory_iterator(src)) fs::copy_file(e.path(), dir / e.path().filename());
    std::ofstream(dir / "2011.yaml", std::ios::binary) << replace_once(slurp(src / "2011.yaml"), from, to);
    try {
        load_profile((dir / "2011.yaml").string());
    } catch (const ProfileError& e) {
        return e;
    }
    FAIL("the broken profile loaded");
    throw;
}

}  // namespace

TEST_CASE("profile errors: every shape in Danish, the loader's words with --lang en", "[profiles][lang]") {
    struct Case {
        const char* from;
        const char* to;
        const char* danish;
    };
    const Case cases[] = {
        {"legal_basis: 'bek. nr. 735", "foo: 1\nlegal_basis: 'bek. nr. 735", "ukendt nøgle 'foo' (tilladt: "},
        {"years: [2011, 2011]", "years: [2011, 2010]", "'years': det første år ligger efter det sidste"},
        {"years: [2011, 2011]", "years: 2011", "'years' skal være [første år, sidste år]"},
        {"      - '\\budlicitering'", "      - '(udlicitering'", "kravet 'other-actors': ugyldigt mønster '(udlicitering'"},
        {"title: {da: 'Beskæftigelsesplan 2011", "title: 'x'\n#",
         "'title' skal have en dansk og en engelsk tekst"},
        {"    severity: warning\n    heading:", "    severity: warning\n    heding:", "kravet 'other-actors': ukendt nøgle 'heding'"},
        {"extends: '2012-2015'", "extends: '2099'", "'extends: 2099': profilen "},
        {"extends: '2012-2015'", "extends: '2011'", "en profil kan ikke bygge på sig selv"},
        {"id: '2011'", "id: [2011", "YAML-syntaksfejl: "},
    };
    for (const auto& c : cases) {
        INFO(c.to);
        ProfileError e = broken(c.from, c.to);
        std::string da = profile_error_text(e, Lang::da), en = profile_error_text(e, Lang::en);
        INFO(da);
        CHECK(da.rfind("fejl i regelprofilen ", 0) == 0);
        CHECK(da.find("2011.yaml, linje " + std::to_string(e.line) + ": ") != std::string::npos);
        CHECK(da.find(c.danish) != std::string::npos);
        const std::string detail = da.substr(da.find(": ") + 2);
        for (const char* english : {" must ", "unknown key", "missing key", " needs ", "requirement '", "no profile", "error"})
            CHECK(detail.find(english) == std::string::npos);
        CHECK(en == e.what());
    }
}

TEST_CASE("profile errors: a missing file has no line", "[profiles][lang]") {
    try {
        load_profile("/nonexistent/x.yaml");
        FAIL("loaded");
    } catch (const ProfileError& e) {
        CHECK(profile_error_text(e, Lang::da) == "fejl i regelprofilen /nonexistent/x.yaml: filen findes ikke");
        CHECK(profile_error_text(e, Lang::en) == "/nonexistent/x.yaml: no such file");
    }
}
