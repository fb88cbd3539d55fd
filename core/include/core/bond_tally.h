// Summary statistics of metal–oxygen bond counts, in the order compute interface/bonds
// reports them. The raw sums are a flat array of doubles so that a parallel caller can
// add the per-rank tallies with one MPI_Allreduce before asking for the summary.
//
// Plain C++14, no I/O: compiled into the LAMMPS plugin as well.
#pragma once

#include <vector>

namespace exsolve {
namespace core {

class BondTally {
 public:
  // histogram_max: metal atoms with 0..histogram_max bonds are counted (a last bin holds
  // histogram_max; atoms with more bonds are counted there too). -1: no histogram.
  explicit BondTally(int histogram_max = -1);

  void add_metal_atom(int n_bonds)
  {
    add_sums(n_bonds, n_bonds > 0 ? 1.0 : 0.0, 1.0);
    add_to_histogram(n_bonds, 1.0);
  }
  // The same for many metal atoms at once, as a parallel kernel gathers them: the sums of
  // bonds, of interface atoms (those with a bond) and of metal atoms, and the number of
  // atoms with exactly n_bonds bonds (atoms above the last bin go to the last bin).
  void add_sums(double total_bonds, double interface_atoms, double metal_atoms);
  void add_to_histogram(int n_bonds, double n_atoms);

  // Raw sums: [total bonds, interface atoms, metal atoms, histogram...].
  std::vector<double> &raw() { return raw_; }
  const std::vector<double> &raw() const { return raw_; }

  double total_bonds() const { return raw_[0]; }
  double interface_atoms() const { return raw_[1]; }
  double metal_atoms() const { return raw_[2]; }
  // 0 when there is no interface atom (no division by zero in thermo output).
  double bonds_per_interface_atom() const;
  double bonds_per_metal_atom() const;
  int histogram_bins() const { return static_cast<int>(raw_.size()) - 3; }
  double histogram(int n_bonds) const { return raw_[3 + n_bonds]; }

 private:
  std::vector<double> raw_;
};

}  // namespace core
}  // namespace exsolve
