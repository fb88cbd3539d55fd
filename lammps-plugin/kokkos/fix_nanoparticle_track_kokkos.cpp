#include "fix_nanoparticle_track_kokkos.h"

#include "cluster_labeller_kokkos.h"

#include "compat.h"

#include "atom_kokkos.h"
#include "atom_masks.h"
#include "comm.h"
#include "neighbor.h"
#include "utils.h"

using namespace LAMMPS_NS;

template <class DeviceType>
FixNanoparticleTrackKokkos<DeviceType>::FixNanoparticleTrackKokkos(LAMMPS *lmp, int narg, char **arg)
    : FixNanoparticleTrack(lmp, narg, arg)
{
  atomKK = (AtomKokkos *)atom;
  // Measuring, gathering and linking run on the host and read these atom data; the
  // labelling kernel syncs what it reads to its own space. Nothing of the atoms is written,
  // so LAMMPS syncs only these to the host at each identification and copies nothing back
  // (a fix that is not kokkosable gets all atom data synced to the host and marked modified).
  kokkosable = 1;
  execution_space = Host;
  datamask_read = X_MASK | TAG_MASK | TYPE_MASK | MASK_MASK | RMASS_MASK;
  datamask_modify = EMPTY_MASK;
  replace_labeller(std::unique_ptr<exsolve::ClusterLabeller>(
      new exsolve::ClusterLabellerKokkos<DeviceType>(lmp, this, options().cutoff)));
}

template <class DeviceType>
void FixNanoparticleTrackKokkos<DeviceType>::post_constructor()
{
  // Restart files match fix state by ID and style, and LAMMPS sets the suffixed style
  // name after construction: go by the host style's name from here on, so that a run can
  // be continued with or without -sf kk.
  delete[] style;
  style = utils::strdup("nanoparticle/track");
  if (comm->me == 0)
    utils::logmesg(lmp, "fix nanoparticle/track {}: Kokkos variant, cluster identification on the {}\n", id,
                   std::is_same<DeviceType, LMPDeviceType>::value ? "Kokkos device" : "Kokkos host");
}

template <class DeviceType>
void FixNanoparticleTrackKokkos<DeviceType>::init()
{
  FixNanoparticleTrack::init();
  exsolve::compat::mark_last_request_kokkos<DeviceType, LMPHostType, LMPDeviceType>(neighbor, this);
}

namespace LAMMPS_NS {
template class FixNanoparticleTrackKokkos<LMPDeviceType>;
#ifdef LMP_KOKKOS_GPU
template class FixNanoparticleTrackKokkos<LMPHostType>;
#endif
}  // namespace LAMMPS_NS
