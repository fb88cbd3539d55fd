// One tracking step of fix nanoparticle/track: label clusters in parallel, gather what
// every cluster is made of, link identities (core/particle_linker, the same rules as the
// analysis tools), measure the particles (core/particle_geometry) and record events.
// Every rank ends with the same particle table, IDs and events, whatever the
// decomposition: clusters are labelled by their smallest atom ID and all ranks run the
// linking on the same gathered data.
#include "fix_nanoparticle_track.h"

#include "compat.h"
#include "core/particle_geometry.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "group.h"
#include "memory.h"
#include "neigh_list.h"
#include "update.h"

#include <mpi.h>
#include <limits>
#include <tuple>

using namespace LAMMPS_NS;
using exsolve::core::FirstMoments;
using exsolve::core::SecondMoments;
using exsolve::core::Vec3;

namespace {

// Concatenation of every rank's `local` values, on every rank, in rank order.
std::vector<double> gather_on_all_ranks(const std::vector<double> &local, MPI_Comm world, int nprocs)
{
  int local_size = static_cast<int>(local.size());
  std::vector<int> sizes(nprocs), offsets(nprocs, 0);
  MPI_Allgather(&local_size, 1, MPI_INT, sizes.data(), 1, MPI_INT, world);
  for (int p = 1; p < nprocs; ++p) offsets[p] = offsets[p - 1] + sizes[p - 1];
  std::vector<double> all(static_cast<std::size_t>(offsets.back()) + sizes.back());
  MPI_Allgatherv(local.data(), local_size, MPI_DOUBLE, all.data(), sizes.data(), offsets.data(), MPI_DOUBLE, world);
  return all;
}

constexpr int FIRST_RECORD = 7;    // label, atoms, mass, reference atom ID, its position (3)
constexpr int COMPOSITION_RECORD = 4;  // label, previous particle, last particle, atoms
constexpr int SECOND_RECORD = 9;   // particle, mass, offset(3), offset^2, min, max, empty

}  // namespace

void FixNanoparticleTrack::grow_label_storage()
{
  if (atom->nmax > nmax_labels_) {
    memory->destroy(label_);
    nmax_labels_ = atom->nmax;
    memory->create(label_, nmax_labels_, "nanoparticle/track:label");
  }
}

namespace {

int find_root(std::vector<int> &parent, int node)
{
  while (parent[node] != node) {
    const int grandparent = parent[parent[node]];
    // Path halving, without rewriting entries that already point at their root (most of
    // them: writes to unchanged cache lines cost as much as the lookups).
    if (parent[node] != grandparent) parent[node] = grandparent;
    node = grandparent;
  }
  return node;
}

}  // namespace

void FixNanoparticleTrack::propagate_labels_locally(bool first_pass)
{
  const int nlocal = atom->nlocal;
  const int nall = atom->nlocal + atom->nghost;
  const int *mask = atom->mask;
  std::vector<int> &parent = component_parent_;

  // The connected components of this rank's atoms are found once, by union-find over
  // the neighbor pairs within the cutoff (one pass over the list, where a label sweep
  // would need as many passes as a particle is wide).
  if (first_pass) {
    const double *const *x = atom->x;
    parent.assign(nall, -1);
    ghost_connected_.assign(nall, 0);
    group_members_.clear();
    for (int i = 0; i < nall; ++i)
      if (mask[i] & groupbit) {
        parent[i] = i;
        group_members_.push_back(i);
      }
    for (int ii = 0; ii < list_->inum; ++ii) {
      const int i = list_->ilist[ii];
      if (i >= nlocal || parent[i] < 0) continue;
      const int *neighbors = list_->firstneigh[i];
      int root_i = find_root(parent, i);
      for (int jj = 0; jj < list_->numneigh[i]; ++jj) {
        const int j = neighbors[jj] & NEIGHMASK;
        // A full list holds local pairs twice: take each once. A list built before atoms
        // were deleted may point past the current atoms.
        if ((j < nlocal && j < i) || j >= nall || parent[j] < 0) continue;
        const int root_j = find_root(parent, j);
        if (root_j == root_i) continue;
        const double dx = x[i][0] - x[j][0];
        const double dy = x[i][1] - x[j][1];
        const double dz = x[i][2] - x[j][2];
        if (dx * dx + dy * dy + dz * dz >= cutoff_sq_) continue;
        if (j >= nlocal) ghost_connected_[j] = 1;
        const int root = std::min(root_i, root_j);
        parent[std::max(root_i, root_j)] = root;
        root_i = root;
      }
    }
    // Flatten the forest: later passes read each member's root directly.
    for (int i : group_members_) parent[i] = find_root(parent, i);
    component_min_.resize(nall);
  }

  // Every group atom takes the smallest label in its component (only group atoms are
  // visited: most atoms of a supported-particle system are support).
  for (int i : group_members_) component_min_[parent[i]] = std::numeric_limits<double>::infinity();
  for (int i : group_members_) {
    double &smallest = component_min_[parent[i]];
    smallest = std::min(smallest, label_[i]);
  }
  for (int i : group_members_) label_[i] = component_min_[parent[i]];
}

void FixNanoparticleTrack::label_clusters()
{
  grow_label_storage();
  exsolve::compat::build_occasional_list(neighbor, list_, first_build_of_run_);
  first_build_of_run_ = false;
  // Labels of non-group atoms are never read (propagation and the reverse communication
  // skip them), so only group atoms get one.
  local_group_.clear();
  for (int i = 0; i < atom->nlocal; ++i)
    if (atom->mask[i] & groupbit) local_group_.push_back(i);
  for (int i : local_group_) label_[i] = static_cast<double>(atom->tag[i]);

  // Spread the smallest label through this rank's atoms, send ghost labels back to their
  // owners and fresh ones out again, until every ghost agrees with its owner on every rank:
  // then labels are uniform over each connected cluster, and equal to its smallest atom ID
  // (labels only ever take minima of atom IDs). Owned labels only decrease, so this ends
  // even if the neighbor lists are not symmetric between ranks (atoms that moved more
  // than half the skin since the last reneighboring). Most steps need one round: a second
  // one only when a cluster's smallest ID had to travel through a rank or periodic boundary.
  bool first_pass = true;
  // A round can only continue while some owned label still decreases, and labels are atom
  // IDs: far fewer rounds than atoms ever happen. The cap turns a bug into an error, not a hang.
  const bigint max_rounds = atom->natoms + 2;
  for (bigint round = 0;; ++round) {
    if (round == max_rounds)
      error->all(FLERR, "fix nanoparticle/track: cluster labels did not converge in {} rounds at step {} "
                 "(please report this)", max_rounds, update->ntimestep);
    comm->forward_comm_fix(this);
    propagate_labels_locally(first_pass);
    first_pass = false;
    ghost_disagreed_ = false;
    comm->reverse_comm_fix(this);
    int disagreed = ghost_disagreed_ ? 1 : 0, any_disagreed = 0;
    MPI_Allreduce(&disagreed, &any_disagreed, 1, MPI_INT, MPI_MAX, world);
    if (!any_disagreed) break;
  }
}

void FixNanoparticleTrack::track()
{
  label_clusters();

  const int nlocal = atom->nlocal;
  const int *mask = atom->mask;
  const int *type = atom->type;
  auto mass_of = [&](int i) { return atom->rmass ? atom->rmass[i] : atom->mass[type[i]]; };
  auto position = [&](int i) { return Vec3{{atom->x[i][0], atom->x[i][1], atom->x[i][2]}}; };

  // Pass 1: what each cluster is made of, summed over all ranks.
  // Atoms of one cluster tend to be stored together: remember the last map entries used.
  std::map<long, FirstMoments> first_local;
  std::map<std::tuple<long, long, long>, long> composition_local;
  FirstMoments *moments = nullptr;
  long *count = nullptr;
  std::tuple<long, long, long> last_key{-1, -1, -1};
  for (int i : local_group_) {
    const std::tuple<long, long, long> key{static_cast<long>(label_[i]), static_cast<long>(particle_of_atom_[i]),
                                           static_cast<long>(last_particle_[i])};
    if (key != last_key) {
      if (std::get<0>(key) != std::get<0>(last_key)) moments = &first_local[std::get<0>(key)];
      count = &composition_local[key];
      last_key = key;
    }
    moments->add(static_cast<long>(atom->tag[i]), position(i), mass_of(i));
    ++*count;
  }
  std::vector<double> flat;
  for (const auto &entry : first_local) {
    const FirstMoments &f = entry.second;
    flat.insert(flat.end(), {static_cast<double>(entry.first), f.atoms, f.mass, static_cast<double>(f.reference_id)});
    flat.insert(flat.end(), f.reference.begin(), f.reference.end());
  }
  const std::vector<double> first_all = gather_on_all_ranks(flat, world, comm->nprocs);
  std::map<long, FirstMoments> first;
  for (std::size_t k = 0; k < first_all.size(); k += FIRST_RECORD) {
    FirstMoments f;
    f.atoms = first_all[k + 1];
    f.mass = first_all[k + 2];
    f.reference_id = static_cast<long>(first_all[k + 3]);
    for (int d = 0; d < 3; ++d) f.reference[d] = first_all[k + 4 + d];
    first[static_cast<long>(first_all[k])].merge(f);
  }
  flat.clear();
  for (const auto &entry : composition_local)
    flat.insert(flat.end(), {static_cast<double>(std::get<0>(entry.first)), static_cast<double>(std::get<1>(entry.first)),
                             static_cast<double>(std::get<2>(entry.first)), static_cast<double>(entry.second)});
  const std::vector<double> composition_all = gather_on_all_ranks(flat, world, comm->nprocs);

  // Identities: the same input on every rank gives the same IDs.
  exsolve::core::LinkInput input;
  for (const auto &entry : first) input.clusters.emplace_back(entry.first, static_cast<long>(entry.second.atoms));
  for (std::size_t k = 0; k < composition_all.size(); k += COMPOSITION_RECORD)
    input.composition.push_back({static_cast<long>(composition_all[k]), static_cast<long>(composition_all[k + 1]),
                                 static_cast<long>(composition_all[k + 2]), static_cast<long>(composition_all[k + 3])});
  for (const auto &entry : particles_) input.previous_sizes[entry.first] = entry.second.atoms;
  input.min_size = options_.min_size;
  input.next_id = next_id_;
  exsolve::core::LinkResult result;
  try {
    result = exsolve::core::link_particles(input);
  } catch (const std::exception &e) {
    error->all(FLERR, "fix nanoparticle/track: inconsistent particle data at step {}: {}", update->ntimestep, e.what());
  }
  next_id_ = result.next_id;

  if (reset_non_group_ || group->dynamic[igroup]) {
    for (int i = 0; i < nlocal; ++i)
      if (!(mask[i] & groupbit)) particle_of_atom_[i] = 0.0;
    reset_non_group_ = false;
  }
  // Atoms of one cluster tend to be stored together: look a label up only when it changes.
  long last_label = -1, id = 0;
  for (int i : local_group_) {
    const long label = static_cast<long>(label_[i]);
    if (label != last_label) {
      id = result.particle_of_cluster.at(label);
      last_label = label;
    }
    particle_of_atom_[i] = static_cast<double>(id);
    if (id != 0) last_particle_[i] = static_cast<double>(id);
  }
  measure_particles(result.particle_of_cluster, first);
  record_events(result);
}

void FixNanoparticleTrack::measure_particles(const std::map<long, long> &particle_of_cluster,
                                             const std::map<long, FirstMoments> &cluster_moments)
{
  const exsolve::core::OrthogonalBox box = current_box();
  std::map<long, Vec3> reference;
  std::map<long, long> atoms;
  for (const auto &entry : particle_of_cluster) {
    if (entry.second == 0) continue;
    const FirstMoments &moments = cluster_moments.at(entry.first);
    reference[entry.second] = moments.reference;
    atoms[entry.second] = static_cast<long>(moments.atoms);
  }

  std::map<long, SecondMoments> second_local;
  long last_id = 0;
  SecondMoments *moments = nullptr;
  const Vec3 *origin = nullptr;
  for (int i : local_group_) {
    const long id = static_cast<long>(particle_of_atom_[i]);
    if (id == 0) continue;
    if (id != last_id) {
      moments = &second_local[id];
      origin = &reference.at(id);
      last_id = id;
    }
    const double mass = atom->rmass ? atom->rmass[i] : atom->mass[atom->type[i]];
    moments->add(Vec3{{atom->x[i][0], atom->x[i][1], atom->x[i][2]}}, mass, *origin, box, options_.height_axis);
  }
  std::vector<double> flat;
  for (const auto &entry : second_local) {
    const SecondMoments &s = entry.second;
    flat.insert(flat.end(), {static_cast<double>(entry.first), s.mass, s.offset_sum[0], s.offset_sum[1],
                             s.offset_sum[2], s.offset_sq_sum, s.axis_min, s.axis_max, s.empty ? 1.0 : 0.0});
  }
  const std::vector<double> all = gather_on_all_ranks(flat, world, comm->nprocs);
  std::map<long, SecondMoments> second;
  for (std::size_t k = 0; k < all.size(); k += SECOND_RECORD) {
    SecondMoments s;
    s.mass = all[k + 1];
    for (int d = 0; d < 3; ++d) s.offset_sum[d] = all[k + 2 + d];
    s.offset_sq_sum = all[k + 5];
    s.axis_min = all[k + 6];
    s.axis_max = all[k + 7];
    s.empty = all[k + 8] != 0.0;
    second[static_cast<long>(all[k])].merge(s);
  }

  std::map<long, Particle> living;
  for (const auto &entry : reference) {
    const long id = entry.first;
    const SecondMoments &s = second.at(id);
    const Vec3 com = s.centre_of_mass(entry.second, box);
    auto previous = particles_.find(id);
    Particle p;
    if (previous != particles_.end()) {
      // Follow the particle through periodic boundaries: it moved by the minimum image of
      // the change of its wrapped centre (less than half a box between invocations).
      p = previous->second;
      const Vec3 step = box.minimum_image(p.wrapped_com, com);
      for (int d = 0; d < 3; ++d) p.unwrapped_com[d] += step[d];
    } else {
      p.birth_step = update->ntimestep;
      p.birth_com = p.unwrapped_com = com;
    }
    p.wrapped_com = com;
    p.atoms = atoms.at(id);
    p.radius_of_gyration = s.radius_of_gyration();
    p.height = s.extent();
    living[id] = p;
  }
  particles_.swap(living);
  size_array_rows = static_cast<int>(particles_.size());
}

void FixNanoparticleTrack::record_events(const exsolve::core::LinkResult &result)
{
  using exsolve::core::ParticleEvent;
  static const char *const NAMES[] = {"birth", "merge", "split", "death"};
  static const Counter COUNTERS[] = {BIRTHS, MERGES, SPLITS, DEATHS};
  for (const ParticleEvent &e : result.events) {
    counters_[COUNTERS[e.type]] += 1.0;
    if (events_.file())
      fmt::print(events_.file(), "{} {} {} {} {} {}\n", update->ntimestep, NAMES[e.type], e.particle, e.other,
                 e.particle_size, e.other_size);
  }
  for (const auto &flux : result.exchanged) {
    counters_[EXCHANGED] += static_cast<double>(flux.second);
    if (events_.file())
      fmt::print(events_.file(), "{} exchange {} {} {} 0\n", update->ntimestep, flux.first.second,
                 flux.first.first, flux.second);
  }
  events_.flush();
}
