// exsolve-pair-table: writes a LAMMPS `pair_style table` file for Pedone short-range pairs
// (Morse + C/r^12) from a parameter file such as potentials/pedone_2006.txt. LAMMPS
// 29Sep2021 has no pair style pedone; the build runs this tool so that the table is made
// from the parameters in the repository, never committed.
#include "io/atomic_output_file.h"
#include "io/pair_table_file.h"
#include "io/pending_outputs.h"
#include "tool_version.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <filesystem>
#include <sstream>

int main(int argc, char **argv)
{
  exsolve::io::handle_termination_signals("exsolve-pair-table");
  CLI::App app{"exsolve-pair-table: LAMMPS pair_style table file for Pedone short-range terms"};
  app.set_version_flag("--version", std::string("exsolve-pair-table ") + EXSOLVE_TOOL_VERSION);
  std::string parameter_path, output_path;
  exsolve::io::TableGrid grid;
  bool force = false;
  app.add_option("parameters", parameter_path, "parameter file: name D(eV) a(1/A) r0(A) C(eV A^12) per line")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("-o,--output", output_path, "table file to write")->required();
  app.add_option("--rmin", grid.r_min_a, "first distance (A)")->capture_default_str();
  app.add_option("--rmax", grid.r_max_a, "last distance = cutoff (A)")->capture_default_str();
  app.add_option("--points", grid.points, "points per section")->capture_default_str()->check(CLI::Range(2, 10000000));
  app.add_flag("--shift", grid.shift_to_zero_at_cutoff, "shift energies to zero at rmax (forces unchanged)");
  app.add_flag("--force", force, "overwrite an existing output file");
  CLI11_PARSE(app, argc, argv);

  try {
    if (std::filesystem::exists(output_path) && !force)
      throw std::runtime_error(fmt::format("{} exists (use --force to overwrite it)", output_path));
    const auto sections = exsolve::io::read_pedone_parameters(parameter_path);
    std::ostringstream table;
    exsolve::io::write_pair_table(table, sections, grid,
                                  fmt::format("written by exsolve-pair-table {} from {}", EXSOLVE_TOOL_VERSION,
                                              std::filesystem::path(parameter_path).filename().string()));
    exsolve::io::write_file_atomically(output_path, table.str());
    fmt::print("exsolve-pair-table: {} sections x {} points ({} to {} A) in {}\n", sections.size(), grid.points,
               grid.r_min_a, grid.r_max_a, output_path);
  } catch (const std::exception &e) {
    fmt::print(stderr, "exsolve-pair-table: error: {}\n", e.what());
    return 1;
  }
  return 0;
}
