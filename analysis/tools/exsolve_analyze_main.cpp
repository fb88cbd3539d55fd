// exsolve-analyze: post-run analysis of LAMMPS dumps. This first version only carries the
// command-line frame (version, help); the subcommands arrive with the analysis issue.
#include "tool_version.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

int main(int argc, char **argv)
{
  CLI::App app{"exsolve-analyze: particle sizes, interface bonds, socket depths, migration and "
               "coarsening from LAMMPS dumps"};
  bool show_version = false;
  app.add_flag("--version", show_version, "print the version and exit");
  CLI11_PARSE(app, argc, argv);
  if (show_version) {
    fmt::print("exsolve-analyze {}\n", EXSOLVE_TOOL_VERSION);
    return 0;
  }
  fmt::print(stderr, "exsolve-analyze: no subcommand given (this build has none yet); see --help\n");
  return 2;
}
