// The output directory of an analysis: created fresh; an existing one is an error unless
// the user asked to overwrite (--force), so that no earlier result is lost by accident.
#pragma once

#include <stdexcept>
#include <string>

namespace exsolve {
namespace io {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Creates `path` (and its parents). Throws OutputError if it exists and !overwrite, or if
// it cannot be created. Returns whether it created the directory: a failed analysis
// removes only a directory it created (an existing one, given with --force, stays).
bool prepare_output_directory(const std::string &path, bool overwrite);

}  // namespace io
}  // namespace exsolve
