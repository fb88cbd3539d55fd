#include "fix_reduce_oxygen_kokkos.h"

#include "atom_kokkos.h"
#include "atom_masks.h"
#include "comm.h"
#include "kokkos.h"
#include "kokkos_type.h"
#include "update.h"
#include "utils.h"

#include <type_traits>

using namespace LAMMPS_NS;

namespace {

// While it lives, the host copy of all atom data is the current one: synced to the host on
// entry, kept current through the Kokkos styles called meanwhile (auto_sync makes their
// device syncs start from the host and their device writes come back to it), and marked
// modified on the host on exit, also when an error unwinds the stack.
class HostAtomAccess {
 public:
  explicit HostAtomAccess(LAMMPS *lmp) : lmp_(lmp), atom_(static_cast<AtomKokkos *>(lmp->atom))
  {
    atom_->sync(Host, ALL_MASK);
    saved_auto_sync_ = lmp_->kokkos->auto_sync;
    lmp_->kokkos->auto_sync = 1;
  }
  ~HostAtomAccess()
  {
    lmp_->kokkos->auto_sync = saved_auto_sync_;
    atom_->modified(Host, ALL_MASK);
  }
  HostAtomAccess(const HostAtomAccess &) = delete;
  HostAtomAccess &operator=(const HostAtomAccess &) = delete;

 private:
  LAMMPS *lmp_;
  AtomKokkos *atom_;
  int saved_auto_sync_ = 1;
};

}  // namespace

template <class DeviceType>
FixReduceOxygenKokkos<DeviceType>::FixReduceOxygenKokkos(LAMMPS *lmp, int narg, char **arg)
    : FixReduceOxygen(lmp, narg, arg)
{
  kokkosable = 1;
  atomKK = static_cast<AtomKokkos *>(atom);
  execution_space = Host;
  // What LAMMPS syncs around every call; the steps that act sync for themselves.
  datamask_read = EMPTY_MASK;
  datamask_modify = EMPTY_MASK;
}

template <class DeviceType>
void FixReduceOxygenKokkos<DeviceType>::post_constructor()
{
  // Restart files match fix state by ID and style: keep the host style's name, so that a
  // run can be continued with or without -sf kk (as fix nanoparticle/track/kk does).
  delete[] style;
  style = utils::strdup("reduce/oxygen");
  if (comm->me == 0)
    utils::logmesg(lmp,
                   "fix reduce/oxygen {}: Kokkos variant, moves on the host (atom data synced with the "
                   "Kokkos {} only on the steps it acts)\n",
                   id, std::is_same<DeviceType, LMPDeviceType>::value ? "device" : "host space");
}

template <class DeviceType>
bool FixReduceOxygenKokkos<DeviceType>::may_act() const
{
  return update->ntimestep == next_invocation_ || moves_pending();
}

template <class DeviceType>
void FixReduceOxygenKokkos<DeviceType>::init()
{
  // init() reads types, charges and group masks (neutrality, candidates).
  HostAtomAccess access(lmp);
  FixReduceOxygen::init();
}

template <class DeviceType>
void FixReduceOxygenKokkos<DeviceType>::post_integrate()
{
  if (!may_act()) return;
  HostAtomAccess access(lmp);
  FixReduceOxygen::post_integrate();
}

template <class DeviceType>
void FixReduceOxygenKokkos<DeviceType>::pre_exchange()
{
  if (!may_act()) return;
  HostAtomAccess access(lmp);
  FixReduceOxygen::pre_exchange();
}

namespace LAMMPS_NS {
template class FixReduceOxygenKokkos<LMPDeviceType>;
#ifdef LMP_KOKKOS_GPU
template class FixReduceOxygenKokkos<LMPHostType>;
#endif
}  // namespace LAMMPS_NS
