// fix reduce/oxygen/kk: fix reduce/oxygen in Kokkos runs under the KOKKOS package's data
// contract. The moves stay on the host (a few per invocation, each decided the same way on
// every rank), so the fix declares no atom data for the steps where it does nothing (empty
// masks: no copies between host and device on those steps, where a fix that is not
// kokkosable gets all atom data synced to the host and marked modified around every call),
// and on the steps where it acts it brings all atom data to the host first, has the Kokkos
// styles it calls on the way (pair and kspace compute, comm exchange and borders, neighbor
// builds of the full energies) read and leave the host copy current (auto_sync, as LAMMPS
// does for a host fix), and marks all atom data modified on the host afterwards: removal
// and re-oxidation delete, add, retype, recharge and reorder atoms. The atom data of Kokkos
// fixes that store per-atom values (fix property/atom/kk) are synced along with the atoms'.
#pragma once

#include "fix_reduce_oxygen.h"

namespace LAMMPS_NS {

template <class DeviceType>
class FixReduceOxygenKokkos : public FixReduceOxygen {
 public:
  FixReduceOxygenKokkos(class LAMMPS *, int, char **);
  void post_constructor() override;
  void init() override;
  void post_integrate() override;
  void pre_exchange() override;

 private:
  // Whether this call may change atoms: the invocation step, or accepted local moves that
  // wait for pre_exchange.
  bool may_act() const;
};

}  // namespace LAMMPS_NS
