// Which MoveEnergy a run of fix reduce/oxygen uses (move_energy.h): local where it is exact
// for the model (energy auto or local), else the whole system's (energy full, or auto's
// fallback, said once in the log).
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "full_move_energy.h"
#include "local_move_energy.h"

#include "comm.h"
#include "error.h"
#include "modify.h"
#include "utils.h"

using namespace LAMMPS_NS;

std::unique_ptr<exsolve::MoveEnergy> FixReduceOxygen::choose_energy()
{
  if (options_.energy != EnergyMode::FULL) {
    std::vector<int> changed_types = {options_.candidates.oxygen_type};
    for (const Reduction &r : options_.reductions) changed_types.insert(changed_types.end(), {r.from_type, r.to_type});
    auto local = std::make_unique<exsolve::LocalMoveEnergy>(lmp, "fix reduce/oxygen", owned_);
    // A move changes an oxygen and cations within `cutoff` of it.
    const std::string why_not = local->why_not_local(changed_types, options_.cutoff);
    if (why_not.empty()) {
      local->setup(changed_types, options_.cutoff);
      return local;
    }
    if (options_.energy == EnergyMode::LOCAL)
      error->all(FLERR, "fix reduce/oxygen: energy local is not exact for this model: {}; use energy full", why_not);
    if (!fallback_said_ && comm->me == 0)
      utils::logmesg(lmp,
                     "fix reduce/oxygen {}: whole-system energies for every attempt (local energies would not be "
                     "exact: {})\n",
                     id, why_not);
    fallback_said_ = true;
  }
  Compute *pe = exsolve::compat::find_compute(modify, "thermo_pe");
  if (!pe) error->all(FLERR, "fix reduce/oxygen: needs the thermo_pe compute");
  return std::make_unique<exsolve::FullMoveEnergy>(lmp, pe, owned_, options_.cutoff);
}
