#include "io/output_directory.h"

#include <filesystem>

namespace exsolve {
namespace io {

bool prepare_output_directory(const std::string &path, bool overwrite)
{
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(path, error)) {
    if (!overwrite)
      throw OutputError("output directory '" + path + "' exists; choose another one or pass --force to overwrite");
    if (!fs::is_directory(path, error)) throw OutputError("output path '" + path + "' exists and is not a directory");
    return false;
  }
  fs::create_directories(path, error);
  if (error) throw OutputError("cannot create output directory '" + path + "': " + error.message());
  return true;
}

}  // namespace io
}  // namespace exsolve
