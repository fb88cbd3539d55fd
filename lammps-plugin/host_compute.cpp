#include "host_compute.h"

#include "pair.h"
#include "pair_sw.h"
#include "pair_tersoff.h"

using namespace LAMMPS_NS;

namespace exsolve {

bool computes_on_host(Pair *pair)
{
  return !pair->kokkosable || dynamic_cast<PairSW *>(pair) || dynamic_cast<PairTersoff *>(pair);
}

void compute_on_host(Pair *pair, int eflag)
{
  constexpr int NO_VIRIAL = 0;
  if (pair->kokkosable) {
    // The qualified calls skip the /kk override.
    if (auto *sw = dynamic_cast<PairSW *>(pair)) return sw->PairSW::compute(eflag, NO_VIRIAL);
    if (auto *tersoff = dynamic_cast<PairTersoff *>(pair)) return tersoff->PairTersoff::compute(eflag, NO_VIRIAL);
  }
  pair->compute(eflag, NO_VIRIAL);
}

}  // namespace exsolve
