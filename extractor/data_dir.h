// Where plantjek's data files (rules/, dictionaries/) are found at run time.
//
// Order: $PLANTJEK_DATA_DIR; the directory holding rules/ next to or above
// the executable (an installed share/plantjek or the source tree a build
// sits in); the source tree the binary was built from. Cost: a few stat()s,
// once per process.
#pragma once

#include <string>

namespace plantjek {

// The data root (it contains rules/ and dictionaries/). Never empty: falls
// back to the compiled-in source directory.
const std::string& data_dir();

}  // namespace plantjek
