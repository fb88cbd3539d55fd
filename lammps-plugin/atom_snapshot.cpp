#include "atom_snapshot.h"

#include "compat.h"

#include "atom.h"
#include "atom_vec.h"
#include "error.h"
#include "fix.h"
#include "modify.h"

using namespace LAMMPS_NS;

namespace exsolve {

void AtomSnapshot::take()
{
  // The most values one atom packs into: its atom style's and every fix's.
  int per_atom = compat::atom_style_exchange_size(atom);
  for (Fix *fix : compat::fixes(modify)) per_atom += fix->maxexchange;
  packed_.clear();
  std::size_t used = 0;
  for (int i = 0; i < atom->nlocal; ++i) {
    packed_.resize(used + per_atom + 1);
    used += static_cast<std::size_t>(atom->avec->pack_exchange(i, &packed_[used]));
  }
  packed_.resize(used);
  natoms_ = atom->natoms;
  taken_ = true;
}

void AtomSnapshot::restore()
{
  if (!taken_) error->one(FLERR, "exsolve: internal error: an atom snapshot restored before it was taken");
  atom->nlocal = 0;
  atom->nghost = 0;
  std::size_t used = 0;
  while (used < packed_.size()) used += static_cast<std::size_t>(atom->avec->unpack_exchange(&packed_[used]));
  atom->natoms = natoms_;
  if (atom->map_style != Atom::MAP_NONE) {
    atom->map_init();
    atom->map_set();
  }
}

}  // namespace exsolve
