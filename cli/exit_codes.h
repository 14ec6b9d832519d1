// The exit codes every plantjek command uses (README, "Exit codes").
#pragma once

namespace plantjek::exit_code {
constexpr int ok = 0;          // done; every plan conformant
constexpr int findings = 1;    // findings at or above --fail-on
constexpr int usage = 2;       // usage or configuration error
constexpr int unreadable = 3;  // at least one input could not be read
}  // namespace plantjek::exit_code
