// exsolve-analyze: post-run analysis of LAMMPS dumps. A thin front end over analysis/lib:
// parses the command line, loads the configuration, prepares the output directory and
// hands over to the report functions.
#include "io/analysis_config.h"
#include "io/dump_reader.h"
#include "io/output_directory.h"
#include "report/particles_report.h"
#include "tool_version.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <iostream>

int main(int argc, char **argv)
{
  CLI::App app{"exsolve-analyze: particle sizes, interface bonds, socket depths, migration and "
               "coarsening from LAMMPS dumps"};
  app.set_version_flag("--version", std::string("exsolve-analyze ") + EXSOLVE_TOOL_VERSION);
  app.require_subcommand(1);

  std::string config_path, output_override;
  std::vector<std::string> dumps;
  bool force = false;
  CLI::App *particles = app.add_subcommand(
      "particles", "per frame: particles with size, equivalent diameter, centre of mass, radius of gyration, "
                   "height; free atoms; number density per nm^2; size distribution");
  particles->add_option("-c,--config", config_path, "YAML configuration (types, cutoffs, output)")
      ->required()
      ->check(CLI::ExistingFile);
  particles->add_option("-o,--output", output_override, "output directory (overrides the configuration's)");
  particles->add_flag("--force", force, "overwrite an existing output directory");
  particles->add_option("dumps", dumps, "LAMMPS text dumps (plain or .gz), read in this order")
      ->required()
      ->check(CLI::ExistingFile);

  CLI11_PARSE(app, argc, argv);

  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  try {
    exsolve::io::AnalysisConfig config = exsolve::io::load_analysis_config(config_path);
    if (!output_override.empty()) config.output = output_override;
    exsolve::io::prepare_output_directory(config.output, force);
    const exsolve::report::RunInfo info{EXSOLVE_TOOL_VERSION, command_line};
    const auto summary = exsolve::report::run_particles(config, dumps, info, std::cerr);
    fmt::print("exsolve-analyze particles: {} frames analysed; tables in {}\n", summary.frames_analysed,
               config.output);
  } catch (const std::exception &e) {
    fmt::print(stderr, "exsolve-analyze: error: {}\n", e.what());
    return 1;
  }
  return 0;
}
