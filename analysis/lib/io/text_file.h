// Whole text files read back as they are: a table copied into another directory, a JSON
// sidecar or an event file parsed afterwards.
#pragma once

#include <string>

namespace exsolve {
namespace io {

// The whole file; throws std::runtime_error "cannot read <path>".
std::string read_text_file(const std::string &path);

}  // namespace io
}  // namespace exsolve
