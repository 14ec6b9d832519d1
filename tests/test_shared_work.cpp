// The table through which the workers of a scan share work (extractor/shared_work.h).
// Each test case runs in its own process (ctest), so each enables its own table.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>

#include "extractor/shared_work.h"

using namespace plantjek;
namespace sw = plantjek::shared_work;

namespace {

// Runs f in a forked child; returns its exit code (f's return value).
template <class F>
pid_t fork_child(F f) {
    pid_t pid = ::fork();
    if (pid == 0) ::_exit(f());
    return pid;
}

int exit_code(pid_t pid) {
    int st = 0;
    ::waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

void put(int fd, char c) { REQUIRE(::write(fd, &c, 1) == 1); }
char get(int fd) {
    char c = 0;
    return ::read(fd, &c, 1) == 1 ? c : 0;
}

}  // namespace

TEST_CASE("shared work: without a table every lookup says compute it yourself", "[shared_work]") {
    std::string v;
    CHECK_FALSE(sw::enabled());
    CHECK(sw::lookup("h\x1fplanen", &v) == sw::Look::off);
    sw::publish("h\x1fplanen", "x");  // nothing claimed: no effect
    CHECK(sw::lookup("h\x1fplanen", &v) == sw::Look::off);
}

TEST_CASE("shared work: one worker computes a word, the other defers it and then takes its answer", "[shared_work]") {
    REQUIRE(sw::enable(1u << 20));
    int up[2], down[2];
    REQUIRE(::pipe(up) == 0);
    REQUIRE(::pipe(down) == 0);
    pid_t child = fork_child([&] {
        std::string v;
        if (sw::lookup("h\x1f" "beskæftigelsesplan", &v) != sw::Look::mine) return 1;
        char c = 'c';
        if (::write(up[1], &c, 1) != 1) return 2;
        if (::read(down[0], &c, 1) != 1) return 3;  // the parent has seen it busy
        sw::publish("h\x1f" "beskæftigelsesplan", "beskæftigelses plan\nbeskæftigelsesplaner");
        return 0;
    });
    REQUIRE(get(up[0]) == 'c');
    std::string v;
    {
        sw::DeferBusy defer;
        CHECK_THROWS_AS(sw::lookup("h\x1f" "beskæftigelsesplan", &v), sw::Busy);
        // A key nobody has is ours to compute, deferring or not.
        CHECK(sw::lookup("h\x1f" "jobcentret", &v) == sw::Look::mine);
    }
    sw::publish("h\x1f" "jobcentret", "");
    put(down[1], 'g');
    CHECK(sw::lookup("h\x1f" "beskæftigelsesplan", &v) == sw::Look::found);  // waits for the child's answer
    CHECK(v == "beskæftigelses plan\nbeskæftigelsesplaner");
    CHECK(exit_code(child) == 0);
    // An empty answer is an answer, and the child sees ours.
    pid_t reader = fork_child([] {
        std::string w = "?";
        return sw::lookup("h\x1f" "jobcentret", &w) == sw::Look::found && w.empty() ? 0 : 1;
    });
    CHECK(exit_code(reader) == 0);
}

TEST_CASE("shared work: a word whose worker died is computed by the others, not waited for", "[shared_work]") {
    REQUIRE(sw::enable(1u << 20));
    pid_t child = fork_child([] {
        std::string v;
        return sw::lookup("e\x1fkommunalbestyrelsen", &v) == sw::Look::mine ? 0 : 1;  // claims, never answers
    });
    REQUIRE(exit_code(child) == 0);
    std::string v;
    CHECK(sw::lookup("e\x1fkommunalbestyrelsen", &v) == sw::Look::off);
    sw::DeferBusy defer;  // dead is not busy
    CHECK(sw::lookup("e\x1fkommunalbestyrelsen", &v) == sw::Look::off);
}

TEST_CASE("shared work: asking again for a word one is computing oneself does not wait", "[shared_work]") {
    REQUIRE(sw::enable(1u << 20));
    std::string v;
    REQUIRE(sw::lookup("h\x1fmålgruppe", &v) == sw::Look::mine);
    CHECK(sw::lookup("h\x1fmålgruppe", &v) == sw::Look::off);
    sw::abandon("h\x1fmålgruppe");
    pid_t other = fork_child([] {
        std::string w;
        return sw::lookup("h\x1fmålgruppe", &w) == sw::Look::off ? 0 : 1;  // given up: compute it yourself
    });
    CHECK(exit_code(other) == 0);
}

TEST_CASE("shared work: a full table says compute it yourself", "[shared_work]") {
    REQUIRE(sw::enable(12 * 1024));  // a few slots, an arena of some 11 KB
    std::string big(1000, 'x'), v;
    int mine = 0, off = 0;
    for (int i = 0; i < 40; ++i) {
        std::string key = "h\x1f" + std::to_string(i) + big;
        auto look = sw::lookup(key, &v);
        if (look == sw::Look::mine) {
            ++mine;
            sw::publish(key, "svar");
        } else {
            CHECK(look == sw::Look::off);
            ++off;
        }
    }
    CHECK(mine >= 5);
    CHECK(off >= 20);
    // What got in is still found.
    CHECK(sw::lookup("h\x1f" "0" + big, &v) == sw::Look::found);
    CHECK(v == "svar");
}

TEST_CASE("shared work: shared_answer computes here without a share, else once for all, and gives up a failed claim", "[shared_work]") {
    int calls = 0;
    auto compute = [&] {
        ++calls;
        return std::string("svar");
    };
    bool fresh = false;
    CHECK(plantjek::shared_answer(nullptr, "k", compute, &fresh) == "svar");  // check, scan --jobs 1
    CHECK(fresh);
    CHECK(sw::table_share() == nullptr);
    REQUIRE(sw::enable(1u << 20));
    plantjek::WorkShare* share = sw::table_share();
    REQUIRE(share);
    CHECK(plantjek::shared_answer(share, "e\x1fplan", compute, &fresh) == "svar");
    CHECK(fresh);
    CHECK(calls == 2);
    // Published: another worker forked now finds it without computing.
    pid_t other = fork_child([&] {
        bool f = true;
        std::string v = plantjek::shared_answer(sw::table_share(), "e\x1fplan", [] { return std::string("anden"); }, &f);
        return v == "svar" && !f ? 0 : 1;
    });
    CHECK(exit_code(other) == 0);
    // A computation that throws gives the key up: the next asker computes it.
    CHECK_THROWS(plantjek::shared_answer(share, "e\x1f" "budget", []() -> std::string { throw std::runtime_error("x"); }));
    CHECK(plantjek::shared_answer(share, "e\x1f" "budget", compute, &fresh) == "svar");
    CHECK(fresh);
}
