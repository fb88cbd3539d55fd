// Metal–oxygen bond counts accumulated per particle (atoms, interface atoms, bonds), in
// particle-ID order. Partial tables from several MPI ranks or threads are combined with
// flatten()/merge_flat(). Plain C++14, no I/O: compiled into the LAMMPS plugin as well.
#pragma once

#include <map>
#include <vector>

namespace exsolve {
namespace core {

struct ParticleBondRow {
  long particle_id = 0;
  double atoms = 0.0;
  double interface_atoms = 0.0;  // atoms with at least one bond
  double bonds = 0.0;
  double bonds_per_interface_atom() const { return interface_atoms > 0.0 ? bonds / interface_atoms : 0.0; }
};

class ParticleBondTable {
 public:
  void add_atom(long particle_id, int n_bonds);
  // [id, atoms, interface atoms, bonds] per particle, concatenated.
  std::vector<double> flatten() const;
  // Adds rows given in flatten()'s layout (throws std::invalid_argument on a bad length).
  void merge_flat(const std::vector<double> &flat);
  std::vector<ParticleBondRow> rows() const;

 private:
  std::map<long, ParticleBondRow> rows_;
};

}  // namespace core
}  // namespace exsolve
