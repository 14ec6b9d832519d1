// What `plantjek serve` parses itself, without a server: the security
// helpers (cli/serve/security.h) and the batch zip (cli/serve/unpack.h).
// The same functions over HTTP: tests/serve/test_serve.py.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "cli/serve/security.h"
#include "cli/serve/unpack.h"

using namespace plantjek;
using namespace plantjek::serve;

namespace {

// A zip made by libzip in a temporary file (deflated entries).
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    char path[] = "/tmp/plantjek-serve-zip-XXXXXX";
    const int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    close(fd);
    int err = 0;
    zip_t* za = zip_open(path, ZIP_TRUNCATE, &err);
    REQUIRE(za);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* src = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
        REQUIRE(zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(za) == 0);
    std::ifstream in(path, std::ios::binary);
    std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::remove(path);
    return out;
}

const std::string kTok = "0123456789abcdef0123456789abcdef";

}  // namespace

TEST_CASE("serve: tokens are 128 random bits, and only their own shape is a token", "[serve]") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string t = random_token();
        REQUIRE(is_token(t));
        seen.insert(t);
    }
    CHECK(seen.size() == 200);
    CHECK(is_token(kTok));
    CHECK_FALSE(is_token("0123456789ABCDEF0123456789abcdef"));
    CHECK_FALSE(is_token(kTok.substr(1)));
    CHECK_FALSE(is_token(kTok + "0"));
    CHECK_FALSE(is_token("../../etc/passwd/0123456789abcdef"));
    CHECK(same_secret("hemmelig-nøgle-1", "hemmelig-nøgle-1"));
    CHECK_FALSE(same_secret("hemmelig-nøgle-1", "hemmelig-nøgle-2"));
    CHECK_FALSE(same_secret("hemmelig", "hemmelig-nøgle"));
    CHECK_FALSE(same_secret("", "x"));
}

TEST_CASE("serve: a client's file name is cleaned for display and never a path", "[serve]") {
    CHECK(clean_name("../../etc/passwd") == "passwd");
    CHECK(clean_name("C:\\Users\\x\\Ærø plan.DOCX") == "Ærø plan.DOCX");
    CHECK(clean_name("..\\..\\.bashrc") == "bashrc");
    CHECK(clean_name("\"<script>\".pdf") == "script.pdf");
    CHECK(clean_name("a\x01\x7f" "b.txt") == "ab.txt");
    CHECK(clean_name("") == "dokument");
    CHECK(clean_name("../") == "dokument");
    CHECK(clean_name("plan \xff\xfe.pdf").find('\xff') == std::string::npos);
    std::string long_name(200, 'x');
    for (int i = 0; i < 60; ++i) long_name += "æ";
    std::string cut = clean_name(long_name);
    CHECK(cut.size() <= 120);
    CHECK(cut.substr(0, 120 > cut.size() ? cut.size() : 120) == cut);
    CHECK(known_extension("Plan.DOCX") == ".docx");
    CHECK(known_extension("plan.exe") == "");
    CHECK(known_extension("plan") == "");
    CHECK(ascii_name("Ærø \"plan\";2024.pdf") == "__r__ _plan__2024.pdf");
}

TEST_CASE("serve: the Origin check names this server exactly", "[serve]") {
    CHECK(same_origin("http://127.0.0.1:8080", "127.0.0.1:8080"));
    CHECK(same_origin("https://plantjek.region.dk", "plantjek.region.dk"));
    CHECK_FALSE(same_origin("http://127.0.0.1:8080.evil.example", "127.0.0.1:8080"));
    CHECK_FALSE(same_origin("http://evil.example", "127.0.0.1:8080"));
    CHECK_FALSE(same_origin("null", "127.0.0.1:8080"));
    CHECK_FALSE(same_origin("", ""));
    CHECK_FALSE(same_origin("http://", ""));
}

TEST_CASE("serve: cookies and the list of own checks", "[serve]") {
    const std::string h = "pj_form2=zzz; pj_form=" + kTok + ";pj_mine=" + kTok + ".nope." + kTok + "..x";
    CHECK(cookie_value(h, "pj_form") == kTok);
    CHECK(cookie_value(h, "pj_form2") == "zzz");
    CHECK(cookie_value(h, "pj_admin") == "");
    CHECK(cookie_value("pj_form", "pj_form") == "");
    CHECK(cookie_value("", "pj_form") == "");
    CHECK(token_list(cookie_value(h, "pj_mine")) == std::vector<std::string>{kTok, kTok});
    CHECK(token_list("").empty());
    CHECK(token_list("....").empty());
}

TEST_CASE("serve: the access log keeps 6 digits of a token and no control character", "[serve]") {
    CHECK(log_path("/c/" + kTok + "/1.json") == "/c/012345…/1.json");
    CHECK(log_path("/c/" + kTok) == "/c/012345…");
    CHECK(log_path("/upload") == "/upload");
    CHECK(log_path("/a\"b\r\nc") == "/a_b__c");
}

TEST_CASE("serve: a batch is a zip named .zip, and its plans come out by their cleaned names", "[serve]") {
    const std::string z = zip_of({{"planer/2012-aarhus.docx", "DOCX"},
                                  {"planer/", ""},
                                  {"__MACOSX/planer/._2012-aarhus.docx", "fork"},
                                  {"planer/.DS_Store", "Bud1"},
                                  {"../../evil/2013-vejle.pdf", "%PDF"}});
    CHECK(is_batch_zip("Planer.ZIP", z));
    CHECK_FALSE(is_batch_zip("plan.docx", z));
    CHECK_FALSE(is_batch_zip("planer.zip", "%PDF-1.4"));
    CHECK_FALSE(is_batch_zip(".zip", "PK"));
    std::vector<UnpackedFile> out;
    Text2 why;
    REQUIRE(unpack_zip(z, {1 << 20, 8, 4 << 20}, out, why));
    REQUIRE(out.size() == 2);
    CHECK(out[0].name == "2012-aarhus.docx");
    CHECK(out[0].bytes == "DOCX");
    CHECK(out[1].name == "2013-vejle.pdf");
    CHECK(why.da.empty());
}

TEST_CASE("serve: a batch zip over a limit or damaged is refused with the reason in Danish", "[serve]") {
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i < 4; ++i) many.push_back({"plan" + std::to_string(i) + ".txt", "plan"});
    std::vector<UnpackedFile> out;
    Text2 why;
    CHECK_FALSE(unpack_zip(zip_of(many), {1 << 20, 3, 4 << 20}, out, why));
    CHECK(why.da.find("flere planer end de 3") != std::string::npos);
    CHECK(why.en.find("more plans than the 3") != std::string::npos);

    out.clear();
    why = {};
    const std::string bomb = zip_of({{"stor.txt", std::string(3 << 20, 'a')}});
    CHECK(bomb.size() < 100000);
    CHECK_FALSE(unpack_zip(bomb, {8 << 20, 8, 1 << 20}, out, why));
    CHECK(why.da.rfind("Zip-filen kan ikke pakkes ud: ", 0) == 0);
    CHECK(out.empty());

    why = {};
    std::string damaged = zip_of(many);
    damaged.resize(damaged.size() / 2);
    CHECK_FALSE(unpack_zip(damaged, {1 << 20, 8, 4 << 20}, out, why));
    CHECK(why.da.rfind("Zip-filen kan ikke pakkes ud: ", 0) == 0);
}
