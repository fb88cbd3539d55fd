// Symmetric table of distance cutoffs per pair of atom types (types 1..n, as in LAMMPS).
// Shared by compute interface/bonds and the analysis tools so that "is this a bond" has
// one definition: two atoms are bonded when their distance is strictly less than the
// cutoff of their type pair (the convention of LAMMPS compute coord/atom).
//
// Plain C++14, no I/O: it is compiled into the LAMMPS plugin as well.
#pragma once

#include <vector>

namespace exsolve {
namespace core {

class PairCutoffs {
 public:
  explicit PairCutoffs(int n_types);

  int n_types() const { return n_types_; }
  // Sets every type pair to cutoff_angstrom.
  void set_all(double cutoff_angstrom);
  // Sets one pair (both orders). Types are 1-based; throws std::out_of_range otherwise.
  void set(int type_i, int type_j, double cutoff_angstrom);

  double cutoff(int type_i, int type_j) const { return cutoff_[index(type_i, type_j)]; }
  double cutoff_sq(int type_i, int type_j) const { return cutoff_sq_[index(type_i, type_j)]; }
  double max_cutoff() const;
  // The squared cutoffs as one row-major table for pair kernels: entry
  // type_i * table_stride() + type_j (row and column 0 unused).
  const std::vector<double> &cutoff_sq_table() const { return cutoff_sq_; }
  int table_stride() const { return n_types_ + 1; }
  bool bonded(int type_i, int type_j, double distance_sq) const
  {
    return distance_sq < cutoff_sq_[index(type_i, type_j)];
  }

 private:
  int index(int type_i, int type_j) const { return type_i * (n_types_ + 1) + type_j; }
  void check_type(int type) const;

  int n_types_;
  std::vector<double> cutoff_;  // (n_types+1)^2, row/column 0 unused
  std::vector<double> cutoff_sq_;
};

}  // namespace core
}  // namespace exsolve
