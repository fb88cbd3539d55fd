#include "io/pair_table_file.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace io {

namespace {

[[noreturn]] void fail(const std::string &path, int line, const std::string &what)
{
  throw std::runtime_error(fmt::format("{}:{}: {}", path, line, what));
}

bool is_table_keyword(const std::string &name)
{
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

}  // namespace

std::vector<PedoneSection> read_pedone_parameters(const std::string &path)
{
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot open parameter file {}", path));
  std::vector<PedoneSection> sections;
  std::set<std::string> names;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    PedoneSection section;
    if (!(words >> section.name)) continue;
    auto &p = section.parameters;
    if (!(words >> p.well_depth_ev >> p.stiffness_per_a >> p.equilibrium_distance_a >> p.wall_ev_a12))
      fail(path, line_number, "expected: name D(eV) a(1/A) r0(A) C(eV A^12)");
    std::string extra;
    if (words >> extra) fail(path, line_number, fmt::format("unexpected '{}' after the five values", extra));
    if (!is_table_keyword(section.name))
      fail(path, line_number, fmt::format("section name '{}' must be letters, digits, _ or -", section.name));
    if (!names.insert(section.name).second)
      fail(path, line_number, fmt::format("section {} appears twice", section.name));
    if (!(p.well_depth_ev >= 0 && p.stiffness_per_a > 0 && p.equilibrium_distance_a > 0 && p.wall_ev_a12 >= 0))
      fail(path, line_number, "need D >= 0, a > 0, r0 > 0, C >= 0");
    sections.push_back(section);
  }
  if (sections.empty()) throw std::runtime_error(fmt::format("{}: no parameter lines", path));
  return sections;
}

void write_pair_table(std::ostream &out, const std::vector<PedoneSection> &sections, const TableGrid &grid,
                      const std::string &provenance)
{
  if (!(grid.r_min_a > 0 && grid.r_max_a > grid.r_min_a && grid.points >= 2))
    throw std::runtime_error("table grid: need 0 < rmin < rmax and at least 2 points");
  out << "# UNITS: metal  Pedone short-range terms D[(1-exp(-a(r-r0)))^2-1] + C/r^12 (eV, A, eV/A)\n";
  out << "# " << provenance << "\n";
  if (grid.shift_to_zero_at_cutoff) out << "# energies shifted by -U(rmax): zero at the cutoff\n";
  const double spacing = (grid.r_max_a - grid.r_min_a) / (grid.points - 1);
  for (const auto &section : sections) {
    const auto &p = section.parameters;
    const double shift = grid.shift_to_zero_at_cutoff ? core::pedone_energy(p, grid.r_max_a) : 0.0;
    out << fmt::format("\n{}\n# D {} a {} r0 {} C {}\nN {} R {:.17g} {:.17g}\n\n", section.name, p.well_depth_ev,
                       p.stiffness_per_a, p.equilibrium_distance_a, p.wall_ev_a12, grid.points, grid.r_min_a,
                       grid.r_max_a);
    for (int i = 0; i < grid.points; ++i) {
      // The same r LAMMPS computes from the R keyword, so the file's column is exact.
      const double r = grid.r_min_a + i * spacing;
      out << fmt::format("{} {:.17g} {:.17g} {:.17g}\n", i + 1, r, core::pedone_energy(p, r) - shift,
                         core::pedone_force(p, r));
    }
  }
  if (!out) throw std::runtime_error("writing the table failed");
}

}  // namespace io
}  // namespace exsolve
