#include "local_move_energy.h"

#include "atom.h"

using namespace LAMMPS_NS;

namespace exsolve {

LocalMoveEnergy::LocalMoveEnergy(LAMMPS *lmp, const std::string &style, OwnedAtoms &owned)
    : MoveEnergy(lmp), owned_(owned), local_(lmp, style)
{
}

std::string LocalMoveEnergy::why_not_local(const std::vector<int> &changed_types, double extent)
{
  return local_.why_not_local(changed_types, extent);
}

void LocalMoveEnergy::setup(const std::vector<int> &changed_types, double extent)
{
  local_.setup(changed_types, extent);
}

void LocalMoveEnergy::accept(const std::vector<AtomChange> &move)
{
  local_.apply(move, owned_);
  atom->natoms += atom_count_change(move);
  pending_ = true;
}

void LocalMoveEnergy::write_back()
{
  if (pending_) owned_.write_back();
  pending_ = false;
}

}  // namespace exsolve
