#include "oxygen_candidates.h"

#include "compat.h"
#include "fix_nanoparticle_track.h"
#include "gather.h"
#include "lammps_box.h"

#include "core/cell_list.h"
#include "core/periodic_box.h"

#include "atom.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "modify.h"
#include "region.h"
#include "update.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mpi.h>

using namespace LAMMPS_NS;

namespace exsolve {

// The particle atoms of a near/far filter, gathered from every rank, in cells.
struct OxygenCandidates::ParticleShell {
  bool near;
  double distance;
  core::PeriodicBox box;
  std::vector<core::Vec3> atoms;
  std::shared_ptr<core::CellList> cells;
  // Some particle atom within `distance` of x.
  bool contains(const double *x) const
  {
    const core::Vec3 point{{x[0], x[1], x[2]}};
    bool found = false;
    cells->for_each_candidate(point, [&](std::size_t m) {
      if (!found && box.distance_sq(point, atoms[m]) <= distance * distance) found = true;
    });
    return found;
  }
};

void OxygenCandidates::check_filters() const
{
  for (const ParticleFilter &filter : rules_.particle_filters) {
    Fix *fix = compat::find_fix(modify, filter.track_id);
    const char *keyword = filter.near ? "near" : "far";
    if (!fix) error->all(FLERR, "fix reduce/oxygen: {}: no fix with ID '{}'", keyword, filter.track_id);
    if (!dynamic_cast<FixNanoparticleTrack *>(fix))
      error->all(FLERR, "fix reduce/oxygen: {}: fix '{}' is a fix {}, expected a fix nanoparticle/track", keyword,
                 filter.track_id, fix->style);
  }
}

std::vector<OxygenCandidates::ParticleShell> OxygenCandidates::particle_shells() const
{
  std::vector<ParticleShell> shells;
  for (const ParticleFilter &filter : rules_.particle_filters) {
    const char *keyword = filter.near ? "near" : "far";
    Fix *fix = compat::find_fix(modify, filter.track_id);
    auto *tracker = dynamic_cast<FixNanoparticleTrack *>(fix);
    if (!tracker)
      error->all(FLERR, "fix reduce/oxygen: {}: fix '{}' no longer exists or is no fix nanoparticle/track", keyword,
                 filter.track_id);
    if (tracker->last_identification_step() < 0)
      error->all(FLERR,
                 "fix reduce/oxygen: {}: fix '{}' has not identified particles yet at step {} (it does at the "
                 "start of a run on a multiple of its N, and every N steps): start the run on such a step",
                 keyword, filter.track_id, update->ntimestep);
    // Every atom of a particle, on every rank (the per-atom particle IDs of the last
    // identification travel with the atoms).
    std::vector<double> local;
    for (int i = 0; i < atom->nlocal; ++i)
      if (fix->vector_atom[i] > 0.0) local.insert(local.end(), {atom->x[i][0], atom->x[i][1], atom->x[i][2]});
    const std::vector<double> all = gather_on_all_ranks(local, world, comm->nprocs);
    ParticleShell shell;
    shell.near = filter.near;
    shell.distance = filter.distance;
    shell.box = box_of(domain);
    std::vector<std::size_t> members;
    for (std::size_t k = 0; k < all.size(); k += 3) {
      members.push_back(shell.atoms.size());
      shell.atoms.push_back({{all[k], all[k + 1], all[k + 2]}});
    }
    shell.cells = std::make_shared<core::CellList>(shell.atoms, members, shell.box, filter.distance);
    shells.push_back(std::move(shell));
  }
  return shells;
}

double OxygenCandidates::surface_top() const
{
  double local_top = -1e300, top = -1e300;
  for (const OwnedAtoms::Atom &a : owned_.atoms())
    if (a.present && (a.mask & rules_.groupbit)) local_top = std::max(local_top, a.x[rules_.surface_axis]);
  MPI_Allreduce(&local_top, &top, 1, MPI_DOUBLE, MPI_MAX, world);
  return top;
}

namespace {

// A well-mixed 64-bit value of an atom ID (splitmix64's finalizer): summed over the
// candidates, it tells a changed set from the listed one with certainty short of 2^-64.
std::uint64_t mixed(tagint tag)
{
  std::uint64_t z = static_cast<std::uint64_t>(tag) + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

void OxygenCandidates::gather_sites(bool particle_filters)
{
  // Reduction happens where the gas touches the oxide: optionally only in a region and
  // only near the current outermost oxide atoms.
  Region *region = nullptr;
  if (!rules_.region.empty()) {
    region = compat::region_by_id(domain, rules_.region);
    if (!region) error->all(FLERR, "fix reduce/oxygen: region '{}' no longer exists", rules_.region);
    region->prematch();
  }
  const double surface_limit = rules_.surface_axis >= 0 ? surface_top() - rules_.surface_depth : 0.0;
  const std::vector<ParticleShell> shells = particle_filters ? particle_shells() : std::vector<ParticleShell>();
  std::vector<double> local;  // x, y, z, ID, charge, mask
  for (const OwnedAtoms::Atom &a : owned_.atoms()) {
    if (!is_candidate(a)) continue;
    if (region && !region->match(a.x[0], a.x[1], a.x[2])) continue;
    if (rules_.surface_axis >= 0 && a.x[rules_.surface_axis] < surface_limit) continue;
    bool selected = true;
    for (const ParticleShell &shell : shells)
      if (shell.contains(a.x) != shell.near) selected = false;
    if (!selected) continue;
    local.insert(local.end(), {a.x[0], a.x[1], a.x[2], static_cast<double>(a.tag), a.q, static_cast<double>(a.mask)});
  }
  const std::vector<double> all = gather_on_all_ranks(local, world, comm->nprocs);
  sites_.clear();
  for (std::size_t k = 0; k < all.size(); k += 6)
    sites_.push_back(
        {{all[k], all[k + 1], all[k + 2]}, static_cast<tagint>(all[k + 3]), all[k + 4], static_cast<int>(all[k + 5])});
  sort_by_position(sites_, [](const OxygenSite &site) { return site.x; });
  if (!by_type_and_group()) return;
  tags_.clear();
  tags_hash_ = 0;
  for (const OxygenSite &site : sites_) {
    tags_.push_back(site.tag);
    tags_hash_ += mixed(site.tag);
  }
  sites_.clear();
}

bool OxygenCandidates::list_holds() const
{
  std::uint64_t mine[2] = {0, 0}, all[2] = {0, 0};  // count, hash
  for (const OwnedAtoms::Atom &a : owned_.atoms())
    if (is_candidate(a)) {
      ++mine[0];
      mine[1] += mixed(a.tag);
    }
  MPI_Allreduce(mine, all, 2, MPI_UINT64_T, MPI_SUM, world);
  return all[0] == tags_.size() && all[1] == tags_hash_;
}

void OxygenCandidates::start_invocation(bool atoms_rebuilt)
{
  // Filters by place: the atoms moved since the last invocation.
  if (!by_type_and_group()) valid_ = false;
  else if (atoms_rebuilt) check_list_ = true;
}

int OxygenCandidates::count(bool particle_filters)
{
  if (!particle_filters && !rules_.particle_filters.empty()) {
    gather_sites(false);
    valid_ = false;
    return static_cast<int>(sites_.size());
  }
  if (by_type_and_group()) {
    if (valid_ && check_list_ && !list_holds()) valid_ = false;
    check_list_ = false;
    if (!valid_) gather_sites(true);
    valid_ = true;
    return static_cast<int>(tags_.size());
  }
  if (!valid_) gather_sites(true);
  valid_ = true;
  return static_cast<int>(sites_.size());
}

OxygenSite OxygenCandidates::site(int k)
{
  if (!by_type_and_group()) return sites_[k];
  // The owner's row (x, y, z, charge, mask, 1); the sum over ranks is that row once.
  const tagint tag = tags_[k];
  double mine[6] = {0, 0, 0, 0, 0, 0}, all[6];
  const int index = owned_.find(tag);
  if (index >= 0 && is_candidate(owned_.atom_at(index))) {
    const OwnedAtoms::Atom &a = owned_.atom_at(index);
    const double row[6] = {a.x[0], a.x[1], a.x[2], a.q, static_cast<double>(a.mask), 1.0};
    std::copy(row, row + 6, mine);
  }
  MPI_Allreduce(mine, all, 6, MPI_DOUBLE, MPI_SUM, world);
  // Types and groups change in LAMMPS with a neighbor list build (fix atom/swap, fix gcmc),
  // between runs, or through exsolve's own moves; all of them make the list be checked.
  if (all[5] != 1.0)
    error->all(FLERR,
               "fix reduce/oxygen: oxygen {}, a candidate at the last check, is no longer an atom of type {} in "
               "the group at step {}: atom types or groups changed without a neighbor list build; use "
               "region or surface (which gather the candidates anew on every invocation) with such a fix",
               tag, rules_.oxygen_type, update->ntimestep);
  return {{all[0], all[1], all[2]}, tag, all[3], static_cast<int>(all[4])};
}

void OxygenCandidates::removed(int k, bool atoms_in_place)
{
  if (by_type_and_group()) {
    // The others stay candidates wherever they are.
    tags_hash_ -= mixed(tags_[k]);
    tags_.erase(tags_.begin() + k);
    return;
  }
  if (atoms_in_place && rules_.surface_axis < 0 && valid_) sites_.erase(sites_.begin() + k);
  else valid_ = false;
}

}  // namespace exsolve
