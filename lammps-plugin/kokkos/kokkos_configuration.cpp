#include "kokkos_configuration.h"

#include <regex>
#include <sstream>

namespace exsolve {

namespace {
// The execution spaces Kokkos 3.4 to 5.2 can be built with.
const std::set<std::string> &known_backends()
{
  static const std::set<std::string> names = {"CUDA",         "HIP",     "SYCL", "OPENMP",
                                              "OPENMPTARGET", "THREADS", "HPX",  "SERIAL"};
  return names;
}
}  // namespace

std::string KokkosConfiguration::describe() const
{
  std::string text = version.empty() ? std::string("(unknown version)") : version;
  text += " (";
  bool first = true;
  for (const std::string &backend : backends) {
    text += (first ? "" : ", ") + backend;
    first = false;
  }
  return text + ")";
}

KokkosConfiguration parse_kokkos_configuration(const std::string &text)
{
  static const std::regex version_line(R"(^\s*Kokkos Version:\s*(\S+)\s*$)");
  static const std::regex backend_line(R"(^\s*KOKKOS_ENABLE_([A-Z_]+):\s*yes\s*$)");
  KokkosConfiguration configuration;
  std::istringstream lines(text);
  std::string line;
  std::smatch match;
  while (std::getline(lines, line)) {
    if (configuration.version.empty() && std::regex_match(line, match, version_line)) configuration.version = match[1];
    else if (std::regex_match(line, match, backend_line) && known_backends().count(match[1]))
      configuration.backends.insert(match[1]);
  }
  return configuration;
}

std::string kokkos_mismatch(const KokkosConfiguration &built, const KokkosConfiguration &running)
{
  if (running.version.empty()) return "";
  if (built.version != running.version) return "the Kokkos versions differ";
  if (built.backends != running.backends) return "the Kokkos back ends differ";
  return "";
}

}  // namespace exsolve
