// The LAMMPS simulation box as the core's PeriodicBox (tilt factors included), and the box
// rule the plugin styles share with exsolve-analyze (core::PeriodicBox::axis_shorter_than_twice).
#pragma once

#include "core/periodic_box.h"

#include <string>

#include "domain.h"
#include "error.h"
#include "lammps.h"
#include "update.h"

namespace exsolve {

// In 2D, LAMMPS keeps z periodic and thin, but it is no dimension of the system: not
// periodic here (no extent, wrap or image along it).
inline core::PeriodicBox box_of(const LAMMPS_NS::Domain *domain)
{
  core::PeriodicBox box;
  for (int k = 0; k < 3; ++k) {
    box.lo[k] = domain->boxlo[k];
    box.hi[k] = domain->boxhi[k];
    box.periodic[k] = domain->periodicity[k] != 0 && (k < 2 || domain->dimension == 3);
  }
  if (domain->triclinic) {
    box.xy = domain->xy;
    box.xz = domain->xz;
    box.yz = domain->yz;
  }
  return box;
}

// Whether this rank's subdomain holds x (orthogonal box): the rank that owns an atom put there.
inline bool in_subdomain(const LAMMPS_NS::Domain *domain, const double *x)
{
  for (int d = 0; d < 3; ++d)
    if (x[d] < domain->sublo[d] || x[d] >= domain->subhi[d]) return false;
  return true;
}

// An error on all ranks if a periodic axis of the current box is shorter than twice
// `cutoff` Å (also when a cutoff beyond half the box would otherwise end in a neighbor-list
// overflow), naming the style, the axis, its length, the cutoff and the step.
inline void require_box_for_cutoff(LAMMPS_NS::LAMMPS *lmp, const char *style, double cutoff)
{
  const core::PeriodicBox box = box_of(lmp->domain);
  const int k = box.axis_shorter_than_twice(cutoff);
  if (k < 0) return;
  const std::string extent =
      box.triclinic() ? fmt::format("the periodic cell is {:.6g} Å wide across the faces crossed by cell vector {}",
                                    box.width(k), "abc"[k])
                      : fmt::format("the periodic box is {:.6g} Å along {}", box.length(k), "xyz"[k]);
  lmp->error->all(FLERR,
                  "{}: {} at step {}, less than twice the cutoff {} Å: an atom could meet two images of "
                  "another within the cutoff (exsolve-analyze refuses such a box too); use a larger box or a "
                  "smaller cutoff",
                  style, extent, lmp->update->ntimestep, cutoff);
}

}  // namespace exsolve
