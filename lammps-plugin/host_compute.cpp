#include "host_compute.h"

#ifdef EXSOLVE_WITH_MEAM_KOKKOS
#include "meam_on_host.h"
#endif

#include "pair.h"
#include "pair_sw.h"
#include "pair_tersoff.h"

using namespace LAMMPS_NS;

namespace exsolve {

bool HostCompute::possible(Pair *pair)
{
#ifdef EXSOLVE_WITH_MEAM_KOKKOS
  if (MeamOnHost::applies(pair)) return true;
#endif
  return !pair->kokkosable || dynamic_cast<PairSW *>(pair) || dynamic_cast<PairTersoff *>(pair);
}

HostCompute::HostCompute(LAMMPS *lmp, Pair *pair) : Pointers(lmp), pair_(pair)
{
#ifdef EXSOLVE_WITH_MEAM_KOKKOS
  if (MeamOnHost::applies(pair)) meam_ = std::make_unique<MeamOnHost>(lmp, pair);
#endif
}

HostCompute::~HostCompute() = default;

void HostCompute::start_invocation()
{
#ifdef EXSOLVE_WITH_MEAM_KOKKOS
  if (meam_) meam_->start_invocation();
#endif
}

void HostCompute::compute(int eflag)
{
  constexpr int NO_VIRIAL = 0;
#ifdef EXSOLVE_WITH_MEAM_KOKKOS
  if (meam_) return meam_->compute(eflag);
#endif
  if (pair_->kokkosable) {
    // The qualified calls skip the /kk override.
    if (auto *sw = dynamic_cast<PairSW *>(pair_)) return sw->PairSW::compute(eflag, NO_VIRIAL);
    if (auto *tersoff = dynamic_cast<PairTersoff *>(pair_)) return tersoff->PairTersoff::compute(eflag, NO_VIRIAL);
  }
  pair_->compute(eflag, NO_VIRIAL);
}

}  // namespace exsolve
