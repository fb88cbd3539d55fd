// Reading a short-range parameter file and writing a LAMMPS `pair_style table` file from it.
// The parameter file lists one pair per line: section name, D (eV), a (1/Å), r0 (Å),
// C (eV Å^12); '#' starts a comment. Used by exsolve-pair-table to express the Pedone
// potential, which LAMMPS 29Sep2021 has no pair style for.
#pragma once

#include "core/pedone_pair.h"

#include <ostream>
#include <string>
#include <vector>

namespace exsolve {
namespace io {

struct PedoneSection {
  std::string name;  // the LAMMPS table keyword, e.g. TI_O
  core::PedoneParameters parameters;
};

// Throws std::runtime_error naming the file, the line and what was wrong.
std::vector<PedoneSection> read_pedone_parameters(const std::string &path);

struct TableGrid {
  double r_min_a = 0.5, r_max_a = 5.5;
  int points = 20000;
  // Subtract U(r_max) so that the energy is continuous at the cutoff (as pair_modify shift
  // yes does for built-in styles); forces are unchanged.
  bool shift_to_zero_at_cutoff = false;
};

// Writes every section on the grid (`N n R rmin rmax`, energies in eV, forces in eV/Å);
// the first line carries the UNITS tag LAMMPS checks. `provenance` goes into the header.
void write_pair_table(std::ostream &out, const std::vector<PedoneSection> &sections, const TableGrid &grid,
                      const std::string &provenance);

}  // namespace io
}  // namespace exsolve
