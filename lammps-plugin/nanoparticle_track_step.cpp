// One tracking step of fix nanoparticle/track: label clusters in parallel, measure every
// rank's part of every cluster in one pass over the group atoms, merge the parts on all
// ranks, link identities (core/particle_linker, the same rules as the analysis tools),
// and record events. Every rank ends with the same particle table, IDs and events,
// whatever the decomposition: clusters are labelled by their smallest atom ID and all
// ranks run the linking on the same gathered data.
#include "fix_nanoparticle_track.h"

#include "compat.h"
#include "lammps_box.h"
#include "core/particle_geometry.h"
#include "gather.h"

#include "atom.h"
#include "comm.h"
#include "error.h"
#include "group.h"
#include "memory.h"
#include "neigh_list.h"
#include "update.h"

#include <mpi.h>
#include <algorithm>
#include <limits>
#include <unordered_map>

using namespace LAMMPS_NS;
using exsolve::core::SecondMoments;
using exsolve::core::Vec3;

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
  std::vector<int> &parent = component_parent_;

  // The connected components of this rank's atoms are found once, by union-find over
  // the neighbor pairs within the cutoff (one pass over the list, where a label sweep
  // would need as many passes as a particle is wide). Each root is the member with the
  // smallest label, so flattening the forest labels the component.
  if (first_pass) {
    const double *const *x = atom->x;
    // -1 marks atoms outside the group: one array read per neighbor decides both.
    parent.assign(nall, -1);
    ghost_connected_.resize(nall);
    cluster_of_root_.resize(nall);
    for (int i : group_members_) {
      parent[i] = i;
      ghost_connected_[i] = 0;
    }
    for (int i : local_group_) {
      const int *neighbors = list_->firstneigh[i];
      const int n_neighbors = list_->numneigh[i];
      int root_i = find_root(parent, i);
      for (int jj = 0; jj < n_neighbors; ++jj) {
        const int j = neighbors[jj] & NEIGHMASK;
        // A full list holds local pairs twice: take each once. A list built before atoms
        // were deleted may point past the current atoms.
        if ((j < nlocal && j < i) || j >= nall || parent[j] < 0) continue;
        // Most neighbors already hang directly from i's root: skip the walk for them.
        if (parent[j] == root_i) continue;
        int root_j = find_root(parent, j);
        if (root_j == root_i) continue;
        const double dx = x[i][0] - x[j][0];
        const double dy = x[i][1] - x[j][1];
        const double dz = x[i][2] - x[j][2];
        if (dx * dx + dy * dy + dz * dz >= cutoff_sq_) continue;
        if (j >= nlocal) ghost_connected_[j] = 1;
        if (label_[root_j] < label_[root_i]) std::swap(root_i, root_j);
        parent[root_j] = root_i;
      }
    }
    for (int i : group_members_) {
      const int root = find_root(parent, i);
      parent[i] = root;
      label_[i] = label_[root];
      cluster_of_root_[i] = -1;
    }
    return;
  }

  // Later rounds: labels that arrived from other ranks spread over each component.
  component_min_.resize(nall);
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
  // Every group atom starts with its own ID as label (ghosts carry their owner's ID, as a
  // forward communication would give them). Labels of non-group atoms are never read.
  const int nlocal = atom->nlocal;
  const int nall = atom->nlocal + atom->nghost;
  const int *mask = atom->mask;
  const tagint *tag = atom->tag;
  // Branch-free compaction: group and support atoms alternate unpredictably in storage.
  group_members_.resize(nall);
  int n_members = 0, n_local_members = 0;
  for (int i = 0; i < nall; ++i) {
    group_members_[n_members] = i;
    n_members += (mask[i] & groupbit) ? 1 : 0;
    if (i == nlocal - 1) n_local_members = n_members;
  }
  group_members_.resize(n_members);
  local_group_.assign(group_members_.begin(), group_members_.begin() + n_local_members);
  for (int i : group_members_) label_[i] = static_cast<double>(tag[i]);

  // Spread the smallest label through this rank's atoms, send ghost labels back to their
  // owners and fresh ones out again, until every ghost agrees with its owner on every rank:
  // then labels are uniform over each connected cluster, and equal to its smallest atom ID
  // (labels only ever take minima of atom IDs). Owned labels only decrease, so this ends
  // even if the neighbor lists are not symmetric between ranks (atoms that moved more
  // than half the skin since the last reneighboring). Most steps need one round: a second
  // one only when a cluster's smallest ID had to travel through a rank or periodic boundary.
  // A round can only continue while some owned label still decreases, and labels are atom
  // IDs: far fewer rounds than atoms ever happen. The cap turns a bug into an error, not a hang.
  const bigint max_rounds = atom->natoms + 2;
  for (bigint round = 0;; ++round) {
    if (round == max_rounds)
      error->all(FLERR, "fix nanoparticle/track: cluster labels did not converge in {} rounds at step {} "
                 "(please report this)", max_rounds, update->ntimestep);
    if (round > 0) exsolve::compat::forward_comm(comm, this);
    propagate_labels_locally(round == 0);
    ghost_disagreed_ = false;
    exsolve::compat::reverse_comm(comm, this);
    int disagreed = ghost_disagreed_ ? 1 : 0, any_disagreed = 0;
    MPI_Allreduce(&disagreed, &any_disagreed, 1, MPI_INT, MPI_MAX, world);
    if (!any_disagreed) break;
  }
}

int FixNanoparticleTrack::part_of_label(std::unordered_map<long, int> &number_of_label, long label)
{
  auto inserted = number_of_label.emplace(label, static_cast<int>(parts_.size()));
  if (inserted.second) {
    parts_.emplace_back();
    parts_.back().label = label;
  }
  return inserted.first->second;
}

void FixNanoparticleTrack::number_clusters()
{
  // One label lookup per component root, not per atom. Several components of this rank
  // can share a label (joined through another rank or a periodic image).
  std::unordered_map<long, int> number_of_label;
  parts_.clear();
  cluster_of_member_.resize(local_group_.size());
  for (std::size_t k = 0; k < local_group_.size(); ++k) {
    const int i = local_group_[k];
    int &number = cluster_of_root_[component_parent_[i]];
    if (number < 0) number = part_of_label(number_of_label, static_cast<long>(label_[i]));
    cluster_of_member_[k] = number;
  }
}

void FixNanoparticleTrack::number_clusters_by_label()
{
  // Atoms of one cluster tend to be stored together: look a label up only when it changes.
  std::unordered_map<long, int> number_of_label;
  parts_.clear();
  cluster_of_member_.resize(local_group_.size());
  long last_label = -1;
  int number = -1;
  for (std::size_t k = 0; k < local_group_.size(); ++k) {
    const long label = static_cast<long>(label_[local_group_[k]]);
    if (label != last_label) {
      number = part_of_label(number_of_label, label);
      last_label = label;
    }
    cluster_of_member_[k] = number;
  }
}

void FixNanoparticleTrack::measure_cluster_parts()
{
  const exsolve::core::OrthogonalBox box = current_box();
  const double *const *x = atom->x;
  const tagint *tag = atom->tag;
  const double *rmass = atom->rmass;
  const double *mass_of_type = atom->mass;
  const int *type = atom->type;
  composition_other_.clear();
  for (std::size_t k = 0; k < local_group_.size(); ++k) {
    const int i = local_group_[k];
    ClusterPart &part = parts_[cluster_of_member_[k]];
    const Vec3 position{{x[i][0], x[i][1], x[i][2]}};
    const double previous = particle_of_atom_[i], last = last_particle_[i];
    if (part.atoms == 0.0) {
      part.reference = position;
      part.previous_particle = previous;
      part.last_particle = last;
    }
    if (tag[i] == part.label && !part.reference_is_label) {
      part.moments.shift(box.minimum_image(position, part.reference));
      part.reference = position;
      part.reference_is_label = true;
    }
    part.atoms += 1.0;
    part.moments.add(position, rmass ? rmass[i] : mass_of_type[type[i]], part.reference, box);
    if (previous == part.previous_particle && last == part.last_particle)
      ++part.atoms_with_key;
    else
      ++composition_other_[std::make_tuple(part.label, static_cast<long>(previous), static_cast<long>(last))];
  }
}

namespace {

// SecondMoments as 11 doubles, for gathers: mass, offset sum (3), offset^2 sum, lowest
// offsets (3), highest offsets (3). The callers send `empty` in their own record.
constexpr int MOMENTS_VALUES = 11;

void append_moments(std::vector<double> &flat, const SecondMoments &s)
{
  flat.insert(flat.end(), {s.mass, s.offset_sum[0], s.offset_sum[1], s.offset_sum[2], s.offset_sq_sum,
                           s.offset_low[0], s.offset_low[1], s.offset_low[2], s.offset_high[0], s.offset_high[1],
                           s.offset_high[2]});
}

SecondMoments read_moments(const double *r, bool empty)
{
  SecondMoments s;
  s.mass = r[0];
  for (int d = 0; d < 3; ++d) {
    s.offset_sum[d] = r[1 + d];
    s.offset_low[d] = r[5 + d];
    s.offset_high[d] = r[8 + d];
  }
  s.offset_sq_sum = r[4];
  s.empty = empty;
  return s;
}

// Every rank sends one segment: number of parts, number of further composition records,
// then per part: label, atoms, reference is label, reference (3), empty, its moments
// (MOMENTS_VALUES), and its first composition key: particle before, last particle, atoms;
// then the further records: label, particle before, last particle, atoms. One collective
// for everything the linking and measuring need.
constexpr int PART_RECORD = 7 + MOMENTS_VALUES + 3;
constexpr int COMPOSITION_RECORD = 4;

}  // namespace

std::vector<std::pair<long, FixNanoparticleTrack::ClusterPart>>
FixNanoparticleTrack::gather_clusters(std::vector<exsolve::core::ClusterComposition> &composition)
{
  std::vector<double> flat = {static_cast<double>(parts_.size()), static_cast<double>(composition_other_.size())};
  flat.reserve(2 + parts_.size() * PART_RECORD + composition_other_.size() * COMPOSITION_RECORD);
  for (const ClusterPart &p : parts_) {
    flat.insert(flat.end(), {static_cast<double>(p.label), p.atoms, p.reference_is_label ? 1.0 : 0.0,
                             p.reference[0], p.reference[1], p.reference[2], p.moments.empty ? 1.0 : 0.0});
    append_moments(flat, p.moments);
    flat.insert(flat.end(), {p.previous_particle, p.last_particle, static_cast<double>(p.atoms_with_key)});
  }
  for (const auto &entry : composition_other_)
    flat.insert(flat.end(), {static_cast<double>(std::get<0>(entry.first)), static_cast<double>(std::get<1>(entry.first)),
                             static_cast<double>(std::get<2>(entry.first)), static_cast<double>(entry.second)});
  const std::vector<double> all = exsolve::gather_on_all_ranks(flat, world, comm->nprocs);

  // Parts in gather (rank) order.
  std::vector<ClusterPart> gathered;
  composition.clear();
  for (std::size_t at = 0; at < all.size();) {
    const auto n_parts = static_cast<std::size_t>(all[at]), n_other = static_cast<std::size_t>(all[at + 1]);
    at += 2;
    for (std::size_t n = 0; n < n_parts; ++n, at += PART_RECORD) {
      const double *r = &all[at];
      ClusterPart p;
      p.label = static_cast<long>(r[0]);
      p.atoms = r[1];
      p.reference_is_label = r[2] != 0.0;
      p.reference = {{r[3], r[4], r[5]}};
      p.moments = read_moments(r + 7, r[6] != 0.0);
      const double *key = r + 7 + MOMENTS_VALUES;
      composition.push_back({p.label, static_cast<long>(key[0]), static_cast<long>(key[1]), static_cast<long>(key[2])});
      gathered.push_back(p);
    }
    for (std::size_t n = 0; n < n_other; ++n, at += COMPOSITION_RECORD)
      composition.push_back({static_cast<long>(all[at]), static_cast<long>(all[at + 1]), static_cast<long>(all[at + 2]),
                             static_cast<long>(all[at + 3])});
  }
  std::vector<std::size_t> order(gathered.size());
  for (std::size_t n = 0; n < order.size(); ++n) order[n] = n;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return gathered[a].label < gathered[b].label; });

  // Each cluster's sums are taken about its label atom, from the part of the rank that owns it.
  const exsolve::core::OrthogonalBox box = current_box();
  std::vector<std::pair<long, ClusterPart>> clusters;
  for (std::size_t first = 0; first < order.size();) {
    std::size_t end = first;
    while (end < order.size() && gathered[order[end]].label == gathered[order[first]].label) ++end;
    Vec3 reference = gathered[order[first]].reference;
    for (std::size_t n = first; n < end; ++n)
      if (gathered[order[n]].reference_is_label) {
        reference = gathered[order[n]].reference;
        break;
      }
    ClusterPart merged;
    merged.label = gathered[order[first]].label;
    merged.reference = reference;
    for (std::size_t n = first; n < end; ++n) {
      ClusterPart &p = gathered[order[n]];
      p.moments.shift(box.minimum_image(reference, p.reference));
      merged.atoms += p.atoms;
      merged.moments.merge(p.moments);
    }
    clusters.emplace_back(merged.label, merged);
    first = end;
  }
  return clusters;
}

namespace {

constexpr int MOMENTS_RECORD = 2 + MOMENTS_VALUES;  // label, empty, moments

}  // namespace

void FixNanoparticleTrack::recentre_ambiguous_clusters(std::vector<std::pair<long, ClusterPart>> &clusters)
{
  const exsolve::core::OrthogonalBox box = current_box();
  std::unordered_map<long, Vec3> centre_of_label;
  for (const auto &entry : clusters)
    if (entry.second.moments.ambiguous_axis(box, options_.cutoff) >= 0)
      centre_of_label[entry.first] = entry.second.moments.centre_of_mass(entry.second.reference, box);
  if (centre_of_label.empty()) return;  // the same on every rank: the clusters are

  std::vector<const Vec3 *> centre_of_part(parts_.size(), nullptr);
  for (std::size_t n = 0; n < parts_.size(); ++n) {
    auto found = centre_of_label.find(parts_[n].label);
    if (found != centre_of_label.end()) centre_of_part[n] = &found->second;
  }
  std::vector<SecondMoments> again(parts_.size());
  const double *const *x = atom->x;
  for (std::size_t k = 0; k < local_group_.size(); ++k) {
    const int part = cluster_of_member_[k];
    if (!centre_of_part[part]) continue;
    const int i = local_group_[k];
    const double mass = atom->rmass ? atom->rmass[i] : atom->mass[atom->type[i]];
    again[part].add(Vec3{{x[i][0], x[i][1], x[i][2]}}, mass, *centre_of_part[part], box);
  }
  std::vector<double> flat;
  for (std::size_t n = 0; n < parts_.size(); ++n) {
    if (!centre_of_part[n]) continue;
    flat.insert(flat.end(), {static_cast<double>(parts_[n].label), again[n].empty ? 1.0 : 0.0});
    append_moments(flat, again[n]);
  }
  const std::vector<double> all = exsolve::gather_on_all_ranks(flat, world, comm->nprocs);
  // Every part was summed about the same centre: merged in rank order without a shift.
  std::map<long, SecondMoments> remeasured;
  for (std::size_t at = 0; at < all.size(); at += MOMENTS_RECORD)
    remeasured[static_cast<long>(all[at])].merge(read_moments(&all[at + 2], all[at + 1] != 0.0));
  for (auto &entry : clusters) {
    auto found = centre_of_label.find(entry.first);
    if (found == centre_of_label.end()) continue;
    entry.second.moments = remeasured.at(entry.first);
    entry.second.reference = found->second;
  }
}

void FixNanoparticleTrack::track()
{
  // The box may shrink during a run (fix deform, npt).
  exsolve::require_box_for_cutoff(lmp, "fix nanoparticle/track", options_.cutoff);
  label_clusters();
  number_clusters();
  measure_cluster_parts();

  // Identities: the same input on every rank gives the same IDs.
  exsolve::core::LinkInput input;
  std::vector<std::pair<long, ClusterPart>> clusters = gather_clusters(input.composition);
  recentre_ambiguous_clusters(clusters);
  for (const auto &entry : clusters) input.clusters.emplace_back(entry.first, static_cast<long>(entry.second.atoms));
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
  update_particles(clusters, result);
  record_events(result);
  last_identification_step_ = update->ntimestep;
}

void FixNanoparticleTrack::update_particles(const std::vector<std::pair<long, ClusterPart>> &clusters,
                                            const exsolve::core::LinkResult &result)
{
  if (reset_non_group_) {
    const int *mask = atom->mask;
    for (int i = 0; i < atom->nlocal; ++i)
      if (!(mask[i] & groupbit)) particle_of_atom_[i] = 0.0;
    reset_non_group_ = false;
  }
  std::vector<double> particle_of_part(parts_.size());
  for (std::size_t n = 0; n < parts_.size(); ++n)
    particle_of_part[n] = static_cast<double>(result.particle_of_cluster.at(parts_[n].label));
  for (std::size_t k = 0; k < local_group_.size(); ++k) {
    const int i = local_group_[k];
    const double id = particle_of_part[cluster_of_member_[k]];
    particle_of_atom_[i] = id;
    if (id != 0.0) last_particle_[i] = id;
  }

  const exsolve::core::OrthogonalBox box = current_box();
  std::map<long, Particle> living;
  for (const auto &entry : clusters) {
    const long id = result.particle_of_cluster.at(entry.first);
    if (id == 0) continue;
    const ClusterPart &cluster = entry.second;
    const Vec3 com = cluster.moments.centre_of_mass(cluster.reference, box);
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
    p.atoms = static_cast<long>(cluster.atoms);
    p.radius_of_gyration = cluster.moments.radius_of_gyration();
    p.height = cluster.moments.extent(options_.height_axis);
    // Still ambiguous about its own approximate centre: too large for the box, or wrapping
    // around it (a film).
    const int wrap_axis = cluster.moments.ambiguous_axis(box, options_.cutoff);
    if (wrap_axis >= 0 && !warned_wrapping_particle_ && comm->me == 0) {
      error->warning(FLERR, "fix nanoparticle/track: particle {} ({} atoms) spans {:.1f} Å of the {:.1f} Å periodic "
                     "box along {} at step {}, too much for a well-defined centre (it may wrap around the box, like a "
                     "film): its centre of mass, radius of gyration and displacement are not meaningful (warned once "
                     "per run)", id, p.atoms, cluster.moments.extent(wrap_axis), box.length(wrap_axis),
                     "xyz"[wrap_axis], update->ntimestep);
    }
    if (wrap_axis >= 0) warned_wrapping_particle_ = true;
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
