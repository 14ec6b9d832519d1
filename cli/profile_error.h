// A profile error as a person reads it: in Danish by default ("fejl i
// regelprofilen F, linje N: ukendt nøgle 'heding' …"), as the loader wrote
// it with --lang en. The loader (rules/) stays language-free; this maps its
// message shapes (the unknown and missing keys, bad patterns, wrong types,
// the years and the YAML syntax) to Danish. A message of a shape not in the
// table keeps its English words inside the Danish frame. Costs a few regex
// replacements, once per error.
#pragma once

#include <string>

#include "extractor/error.h"
#include "rules/profile.h"

namespace plantjek {

std::string profile_error_text(const ProfileError& e, Lang lang);

}  // namespace plantjek
