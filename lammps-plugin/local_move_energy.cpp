#include "local_move_energy.h"

#include "lammps_box.h"

#include "atom.h"
#include "domain.h"

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
  for (const AtomChange &a : move) {
    if (!a.present_before) {
      // An added atom belongs to the rank whose subdomain holds it.
      if (in_subdomain(domain, a.x))
        owned_.add({{a.x[0], a.x[1], a.x[2]}, a.tag, a.type_after, a.mask, a.q_after, true, -1});
      continue;
    }
    const int index = owned_.find(a.tag);
    if (index < 0) continue;  // another rank's atom
    if (a.present_after) owned_.set_type_and_charge(index, a.type_after, a.q_after);
    else owned_.remove(index);
  }
  atom->natoms += atom_count_change(move);
  pending_ = true;
}

void LocalMoveEnergy::write_back()
{
  if (pending_) owned_.write_back();
  pending_ = false;
}

}  // namespace exsolve
