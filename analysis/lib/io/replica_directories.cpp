#include "io/replica_directories.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <regex>
#include <stdexcept>

namespace exsolve {
namespace io {

std::vector<std::string> replica_directories(const std::string &directory, const std::string &run_file)
{
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(directory, error)) throw std::runtime_error(fmt::format("{} is not a directory", directory));
  std::map<long, std::string> replicas;
  const std::regex replica_name(std::string(replica_prefix) + "([1-9][0-9]{0,5})");
  for (fs::directory_iterator entry(directory, error), end; !error && entry != end; entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (name.rfind(replica_prefix, 0) != 0) continue;
    std::smatch match;
    if (!std::regex_match(name, match, replica_name))
      throw std::runtime_error(fmt::format("{}: '{}' is not a replica directory name ({}1, {}2, ...)", directory, name,
                                           replica_prefix, replica_prefix));
    if (!entry->is_directory())
      throw std::runtime_error(fmt::format("{}/{} is not a directory (a replica is a run directory)", directory, name));
    replicas[std::stol(match[1])] = entry->path().string();
  }
  if (error) throw std::runtime_error(fmt::format("cannot read directory {}: {}", directory, error.message()));
  if (replicas.empty()) return {directory};
  if (fs::exists(fs::path(directory) / run_file))
    throw std::runtime_error(fmt::format("{} holds both {} and {}* directories: a condition is one run or its "
                                         "replicas, not both",
                                         directory, run_file, replica_prefix));
  std::vector<std::string> runs;
  for (const auto &[number, path] : replicas) {
    const long expected = static_cast<long>(runs.size()) + 1;
    if (number != expected)
      throw std::runtime_error(fmt::format("{}: {}{} missing ({}{} exists): replicas are numbered from 1 without gaps",
                                           directory, replica_prefix, expected, replica_prefix, number));
    runs.push_back(path);
  }
  return runs;
}

}  // namespace io
}  // namespace exsolve
