// fix nanoparticle/track/kk: fix nanoparticle/track with its cluster identification (the
// costly part) on a Kokkos execution space (ClusterLabellerKokkos); measuring, linking and
// output are the host fix's, so IDs and events are identical.
#pragma once

#include "fix_nanoparticle_track.h"

#include "kokkos_type.h"

namespace LAMMPS_NS {

template <class DeviceType>
class FixNanoparticleTrackKokkos : public FixNanoparticleTrack {
 public:
  typedef DeviceType device_type;
  typedef ArrayTypes<DeviceType> AT;

  FixNanoparticleTrackKokkos(class LAMMPS *, int, char **);
  void post_constructor() override;
  void init() override;
};

}  // namespace LAMMPS_NS
