// Which oxygens a removal of fix reduce/oxygen may pick: type and group, region, surface,
// and the interface shells of tracked particles (near/far), ordered by position on every
// rank.
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "gather.h"
#include "lammps_box.h"
#include "fix_nanoparticle_track.h"

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "modify.h"
#include "region.h"
#include "update.h"
#include "utils.h"

#include <algorithm>
#include <cmath>
#include <mpi.h>

using namespace LAMMPS_NS;

bool FixReduceOxygen::ParticleShell::contains(const double *x) const
{
  const exsolve::core::Vec3 point{{x[0], x[1], x[2]}};
  bool found = false;
  cells->for_each_candidate(point, [&](std::size_t m) {
    if (!found && box.distance_sq(point, atoms[m]) <= distance * distance) found = true;
  });
  return found;
}

std::vector<FixReduceOxygen::ParticleShell> FixReduceOxygen::particle_shells()
{
  std::vector<ParticleShell> shells;
  for (const ParticleFilter &filter : options_.particle_filters) {
    const char *keyword = filter.near ? "near" : "far";
    Fix *fix = exsolve::compat::find_fix(modify, filter.track_id);
    auto *tracker = dynamic_cast<FixNanoparticleTrack *>(fix);
    if (!tracker)
      error->all(FLERR, "fix reduce/oxygen: {}: fix '{}' no longer exists or is no fix nanoparticle/track", keyword,
                 filter.track_id);
    if (tracker->last_identification_step() < 0)
      error->all(FLERR, "fix reduce/oxygen: {}: fix '{}' has not identified particles yet at step {} (it does at the "
                 "start of a run on a multiple of its N, and every N steps): start the run on such a step",
                 keyword, filter.track_id, update->ntimestep);
    // Every atom of a particle, on every rank (the per-atom particle IDs of the last
    // identification travel with the atoms).
    std::vector<double> local;
    for (int i = 0; i < atom->nlocal; ++i)
      if (fix->vector_atom[i] > 0.0) local.insert(local.end(), {atom->x[i][0], atom->x[i][1], atom->x[i][2]});
    const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
    ParticleShell shell;
    shell.near = filter.near;
    shell.distance = filter.distance;
    shell.box = exsolve::box_of(domain);
    std::vector<std::size_t> members;
    for (std::size_t k = 0; k < all.size(); k += 3) {
      members.push_back(shell.atoms.size());
      shell.atoms.push_back({{all[k], all[k + 1], all[k + 2]}});
    }
    shell.cells = std::make_shared<exsolve::core::CellList>(shell.atoms, members, shell.box, filter.distance);
    shells.push_back(std::move(shell));
  }
  return shells;
}

double FixReduceOxygen::surface_top() const
{
  double local_top = -1e300, top = -1e300;
  for (const exsolve::OwnedAtoms::Atom &a : owned_.atoms())
    if (a.present && (a.mask & groupbit)) local_top = std::max(local_top, a.x[options_.surface_axis]);
  MPI_Allreduce(&local_top, &top, 1, MPI_DOUBLE, MPI_MAX, world);
  return top;
}

const std::vector<FixReduceOxygen::OxygenSite> &FixReduceOxygen::candidates(bool particle_filters)
{
  if (candidates_valid_) return candidates_;
  // Reduction happens where the gas touches the oxide: optionally only in a region and
  // only near the current outermost oxide atoms.
  Region *region = nullptr;
  if (!options_.region.empty()) {
    region = exsolve::compat::region_by_id(domain, options_.region);
    if (!region) error->all(FLERR, "fix reduce/oxygen: region '{}' no longer exists", options_.region);
    region->prematch();
  }
  const double surface_limit = options_.surface_axis >= 0 ? surface_top() - options_.surface_depth : 0.0;
  const std::vector<ParticleShell> shells = particle_filters ? particle_shells() : std::vector<ParticleShell>();
  std::vector<double> local;  // x, y, z, ID, charge, mask
  for (const exsolve::OwnedAtoms::Atom &a : owned_.atoms()) {
    if (!a.present || a.type != options_.oxygen_type || !(a.mask & groupbit)) continue;
    if (region && !region->match(a.x[0], a.x[1], a.x[2])) continue;
    if (options_.surface_axis >= 0 && a.x[options_.surface_axis] < surface_limit) continue;
    bool selected = true;
    for (const ParticleShell &shell : shells)
      if (shell.contains(a.x) != shell.near) selected = false;
    if (!selected) continue;
    local.insert(local.end(), {a.x[0], a.x[1], a.x[2], static_cast<double>(a.tag), a.q, static_cast<double>(a.mask)});
  }
  // Gathered on every rank and ordered by position: the same draw picks the same oxygen
  // whatever the decomposition or the local order of atoms (Kokkos sorts them).
  const std::vector<double> all = exsolve::gather_on_all_ranks(local, world, comm->nprocs);
  candidates_.clear();
  for (std::size_t k = 0; k < all.size(); k += 6)
    candidates_.push_back({{all[k], all[k + 1], all[k + 2]}, static_cast<tagint>(all[k + 3]), all[k + 4],
                           static_cast<int>(all[k + 5])});
  std::sort(candidates_.begin(), candidates_.end(),
            [](const OxygenSite &a, const OxygenSite &b) { return exsolve::position_key(a.x) < exsolve::position_key(b.x); });
  candidates_valid_ = true;
  return candidates_;
}

