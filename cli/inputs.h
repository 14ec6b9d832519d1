// The paths a user typed, checked before any work starts: a file that does
// not exist is a typo more often than not, and a folder given to `check`
// was meant for `scan`. Both are usage errors (exit 2) with a sentence that
// says what to do — the near matches in the file's folder, or the command
// to use — so that a batch is not half done when the mistake shows.
//
// Cost: one stat per path; the folder of a missing file is listed once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractor/error.h"

namespace plantjek {

enum class InputKind { file, file_or_folder };

// The problem with `path` in the user's language, or nothing. A missing
// path names up to three near matches in its folder ("mente du …?").
std::optional<std::string> input_problem(const std::string& path, InputKind kind, Lang lang);

// The entries of `path`'s folder whose names are near its file name, best first.
std::vector<std::string> near_files(const std::string& path, std::size_t max = 3);

// ", " between the items, " eller " / " or " before the last.
std::string join_or(const std::vector<std::string>& items, Lang lang);

}  // namespace plantjek
