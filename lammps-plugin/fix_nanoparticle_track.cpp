// Arguments, life cycle, the tracking step and outputs of fix nanoparticle/track; its
// per-atom and restart state are in fix_nanoparticle_track_state.cpp.
#include "fix_nanoparticle_track.h"

#include "compat.h"
#include "lammps_box.h"
#include "style_arguments.h"

#include "atom.h"
#include "atom_masks.h"
#include "comm.h"
#include "domain.h"
#include "error.h"
#include "group.h"
#include "memory.h"
#include "neighbor.h"
#include "update.h"
#include "utils.h"

#include <algorithm>
#include <limits>
#include <mpi.h>
#include <string>

using namespace LAMMPS_NS;
using namespace FixConst;

static constexpr const char *SYNTAX = "fix ID group nanoparticle/track N cutoff <Å> [min_size <atoms>] [axis x|y|z] "
                                      "[file <events file>] [births <births file>] [overwrite yes|no]";

FixNanoparticleTrack::FixNanoparticleTrack(LAMMPS *lmp, int narg, char **arg)
    : Fix(lmp, narg, arg), measurement_(lmp), events_(lmp), births_(lmp)
{
  parse_options(narg, arg);
  particles_ = exsolve::ParticleTable(options_.min_size);
  labeller_.reset(new exsolve::ClusterLabeller(lmp, this, options_.cutoff));
  nevery = options_.every;

  vector_flag = 1;
  size_vector = exsolve::ParticleTable::N_VECTOR;
  extvector = 0;
  array_flag = 1;
  size_array_cols = exsolve::ParticleTable::N_ARRAY_COLUMNS;
  size_array_rows = 0;
  size_array_rows_variable = 1;
  extarray = 0;
  global_freq = nevery;
  peratom_flag = 1;
  size_peratom_cols = 0;
  peratom_freq = nevery;
  restart_global = 1;
  restart_peratom = 1;
  create_attribute = 1;
  // The group is read at every identification (atom masks), so a dynamic group works: the
  // metal of exsolution is the atoms a reduction turned into Ni(0) during the run.
  dynamic_group_allow = 1;
  comm_forward = 1;
  comm_reverse = 1;
  // In Kokkos runs: the fix reads atom data but never changes it.
  datamask_modify = EMPTY_MASK;
  maxexchange = PER_ATOM_VALUES;

  grow_arrays(atom->nmax);
  atom->add_callback(Atom::GROW);
  atom->add_callback(Atom::RESTART);
  for (int i = 0; i < atom->nlocal; ++i) particle_of_atom_[i] = last_particle_[i] = 0.0;
}

FixNanoparticleTrack::~FixNanoparticleTrack()
{
  atom->delete_callback(id, Atom::GROW);
  atom->delete_callback(id, Atom::RESTART);
  memory->destroy(particle_of_atom_);
  memory->destroy(last_particle_);
}

void FixNanoparticleTrack::parse_options(int narg, char **arg)
{
  exsolve::StyleArguments args(lmp, "fix nanoparticle/track", SYNTAX, narg, arg);
  args.require_at_least(6);
  options_.every = args.positive_int(3, "N (every how many steps)");
  for (args.start_keywords(4); !args.done();) {
    const std::string keyword = args.keyword();
    if (keyword == "cutoff") options_.cutoff = args.positive_number("a distance in Å", "Å");
    else if (keyword == "min_size")
      options_.min_size =
          static_cast<long>(args.integer(1, std::numeric_limits<long>::max(), "a number of atoms >= 1"));
    else if (keyword == "axis") options_.height_axis = args.axis();
    else if (keyword == "file") options_.event_file = args.word("an event file name");
    else if (keyword == "births") options_.births_file = args.word("a births file name");
    else if (keyword == "overwrite") options_.overwrite = args.yes_no();
    else args.unknown_keyword();
  }
  if (!args.given("cutoff")) args.missing_keyword("cutoff");
  // A 2D box keeps a thin periodic z that is no dimension of the system: a height along it
  // would be a column of zeros that looks like data.
  if (args.given("axis") && options_.height_axis == 2 && domain->dimension == 2)
    error->all(FLERR, "fix nanoparticle/track: axis z in a 2d simulation (dimension 2 has no heights along z); "
                      "give the surface normal in the plane, axis x or y");
  if (args.given("overwrite") && options_.event_file.empty() && options_.births_file.empty())
    error->all(FLERR,
               "fix nanoparticle/track: overwrite {} needs the keyword file or births (there is no file to "
               "overwrite)",
               options_.overwrite ? "yes" : "no");
  // Clusters are labelled by their smallest atom ID.
  if (!atom->tag_enable) error->all(FLERR, "fix nanoparticle/track: needs atom IDs (remove 'atom_modify id no')");
}

int FixNanoparticleTrack::setmask()
{
  return END_OF_STEP;
}

void FixNanoparticleTrack::init()
{
  // The box may have changed shape and communication settings since the fix was defined.
  if (comm->mode != Comm::SINGLE)
    error->all(FLERR, "fix nanoparticle/track: needs 'comm_modify mode single' (the ghost cutoff "
                      "of mode multi may not reach the cluster cutoff)");
  if (sizeof(tagint) > 4) {
    // Labels and particle IDs travel as doubles: atom IDs must stay exact.
    tagint local_max = 0, max_tag = 0;
    for (int i = 0; i < atom->nlocal; ++i) local_max = std::max(local_max, atom->tag[i]);
    MPI_Allreduce(&local_max, &max_tag, 1, MPI_LMP_TAGINT, MPI_MAX, world);
    if (static_cast<double>(max_tag) > 9007199254740992.0)
      error->all(FLERR, "fix nanoparticle/track: atom IDs above 2^53 are not supported");
  }
  exsolve::require_box_for_cutoff(lmp, "fix nanoparticle/track", options_.cutoff);
  const double list_cutoff = options_.cutoff + neighbor->skin;
  const double ghost_cutoff = exsolve::compat::ghost_cutoff(lmp);
  if (list_cutoff > ghost_cutoff)
    error->all(FLERR,
               "fix nanoparticle/track: cutoff {} Å plus neighbor skin {} Å exceeds the ghost-atom "
               "cutoff {} Å; add 'comm_modify cutoff {}' (or larger) before the run",
               options_.cutoff, neighbor->skin, ghost_cutoff, list_cutoff);
  if (neighbor->includegroup) {
    // Neighbor lists then hold only the include group's atoms: any other group atom would
    // be a free atom whatever its surroundings.
    const int includebit = group->bitmask[neighbor->includegroup];
    int outside = 0, any_outside = 0;
    for (int i = 0; i < atom->nlocal; ++i)
      if ((atom->mask[i] & groupbit) && !(atom->mask[i] & includebit)) outside = 1;
    MPI_Allreduce(&outside, &any_outside, 1, MPI_INT, MPI_MAX, world);
    if (any_outside)
      error->all(FLERR,
                 "fix nanoparticle/track: group {} has atoms outside the 'neigh_modify include' group {}, "
                 "which alone get neighbor lists",
                 group->names[igroup], group->names[neighbor->includegroup]);
  }
  exsolve::compat::request_occasional_full_list(neighbor, this, instance_me, list_cutoff);
  list_builds_.reset();
  reset_non_group_ = true;
  warned_wrapping_particle_ = false;
  if (!options_.event_file.empty() && !events_.is_open()) open_event_file();
  if (!options_.births_file.empty() && !births_.is_open()) open_births_file();
}

void FixNanoparticleTrack::init_list(int, NeighList *ptr)
{
  list_ = ptr;
}

void FixNanoparticleTrack::setup(int)
{
  // Track at the start of every run on a step that is a multiple of N, even if it was
  // tracked before (end of the previous run, or the step a restart file was written):
  // atoms may have been moved, created or deleted in between. On an unchanged
  // configuration this finds the same particles and no events.
  if (update->ntimestep % nevery == 0) track();
}

void FixNanoparticleTrack::end_of_step()
{
  track();
}

void FixNanoparticleTrack::track()
{
  // The box may shrink during a run (fix deform, npt).
  exsolve::require_box_for_cutoff(lmp, "fix nanoparticle/track", options_.cutoff);
  const exsolve::core::PeriodicBox box = exsolve::box_of(domain);
  labeller_->label(list_, list_builds_);
  labeller_->number_clusters(numbering_);
  measurement_.measure(labeller_->local_group(), numbering_, particle_of_atom_, last_particle_, box);

  // Identities: the same input on every rank gives the same IDs.
  std::vector<exsolve::core::ClusterComposition> composition;
  exsolve::MeasuredClusters clusters = measurement_.gather(composition, box);
  measurement_.recentre_ambiguous(clusters, labeller_->local_group(), numbering_, box, options_.cutoff);
  exsolve::core::TrackedFrame frame;
  exsolve::ParticleTable::Wrapping wrapping;
  try {
    frame = particles_.track(clusters, composition, box, update->ntimestep, options_.cutoff, options_.height_axis,
                             wrapping);
  } catch (const std::exception &e) {
    error->all(FLERR, "fix nanoparticle/track: inconsistent particle data at step {}: {}", update->ntimestep, e.what());
  }
  assign_particle_ids(numbering_, frame.particle_of_cluster);
  warn_once_about(wrapping, box);
  size_array_rows = static_cast<int>(particles_.size());
  record_events(frame);
  last_identification_step_ = update->ntimestep;
}

void FixNanoparticleTrack::assign_particle_ids(const exsolve::ClusterNumbering &numbering,
                                               const std::map<long, long> &particle_of_cluster_label)
{
  if (reset_non_group_) {
    const int *mask = atom->mask;
    for (int i = 0; i < atom->nlocal; ++i)
      if (!(mask[i] & groupbit)) particle_of_atom_[i] = 0.0;
    reset_non_group_ = false;
  }
  std::vector<long> particle_of_cluster(numbering.label_of_cluster.size());
  for (std::size_t n = 0; n < particle_of_cluster.size(); ++n)
    particle_of_cluster[n] = particle_of_cluster_label.at(numbering.label_of_cluster[n]);
  const std::vector<int> &local_group = labeller_->local_group();
  for (std::size_t k = 0; k < local_group.size(); ++k) {
    const int i = local_group[k];
    exsolve::core::remember_particle(particle_of_cluster[numbering.cluster_of_member[k]], particle_of_atom_[i],
                                     last_particle_[i]);
  }
}

void FixNanoparticleTrack::warn_once_about(const exsolve::ParticleTable::Wrapping &wrapping,
                                           const exsolve::core::PeriodicBox &box)
{
  if (wrapping.axis < 0 || warned_wrapping_particle_) return;
  warned_wrapping_particle_ = true;
  if (comm->me == 0)
    error->warning(FLERR,
                   "fix nanoparticle/track: particle {} ({} atoms) spans {:.1f} Å of the {:.1f} Å periodic "
                   "box along {} at step {}, too much for a well-defined centre (it may wrap around the box, like a "
                   "film): its centre of mass, radius of gyration and displacement are not meaningful (warned once "
                   "per run)",
                   wrapping.id, wrapping.atoms, wrapping.extent, box.length(wrapping.axis), "xyz"[wrapping.axis],
                   update -> ntimestep);
}

void FixNanoparticleTrack::record_events(const exsolve::core::TrackedFrame &frame)
{
  if (events_.writes_here()) {
    for (const exsolve::core::ParticleEvent &e : frame.events)
      events_.write(fmt::format("{} {} {} {} {} {}\n", update->ntimestep, exsolve::core::name_of(e.type), e.particle,
                                e.other, e.particle_size, e.other_size));
    for (const auto &flux : frame.exchanged)
      events_.write(fmt::format("{} {} {} {} {} 0\n", update->ntimestep, exsolve::core::event_name::exchange,
                                flux.first.second, flux.first.first, flux.second));
  }
  // On every rank: a failed write stops all of them together.
  if (events_.is_open()) events_.flush();
  if (!births_.is_open()) return;
  // Where each new particle appeared: its centre of mass (in the box) and height now.
  if (births_.writes_here())
    for (const exsolve::core::ParticleEvent &e : frame.events) {
      if (e.type != exsolve::core::ParticleEvent::BIRTH && e.type != exsolve::core::ParticleEvent::SPLIT) continue;
      for (const exsolve::core::TrackedParticle &p : frame.particles)
        if (p.id == e.particle)
          births_.write(fmt::format("{} {} {} {} {:.6f} {:.6f} {:.6f} {:.6f}\n", update->ntimestep,
                                    exsolve::core::name_of(e.type), p.id, p.atoms, p.wrapped_centre[0],
                                    p.wrapped_centre[1], p.wrapped_centre[2], p.height));
    }
  births_.flush();
}

double FixNanoparticleTrack::compute_vector(int n)
{
  return particles_.vector_value(n);
}

double FixNanoparticleTrack::compute_array(int row, int column)
{
  return particles_.array_value(row, column);
}

// ---- event file ----

void FixNanoparticleTrack::open_births_file()
{
  births_.open("fix nanoparticle/track", options_.births_file, options_.overwrite, restarted_,
               fmt::format("# exsolve fix nanoparticle/track {} (group {}): where particles appear; cutoff {} Å, "
                           "min_size {}, every {} steps\n"
                           "# step event particle atoms x y z height\n"
                           "# event: birth (from free atoms) or split (from a parent); x y z: the new particle's "
                           "centre of mass in the box; height: the extent of its atoms along axis {}\n",
                           id, group->names[igroup], options_.cutoff, options_.min_size, nevery,
                           "xyz"[options_.height_axis]));
}

void FixNanoparticleTrack::open_event_file()
{
  events_.open("fix nanoparticle/track", options_.event_file, options_.overwrite, restarted_,
               fmt::format("# exsolve fix nanoparticle/track {} (group {}): cutoff {} Å, min_size {}, every {} steps\n"
                           "# step event particle other particle_atoms other_atoms\n"
                           "# birth: new particle | merge: surviving particle, ended particle | "
                           "split: new particle, parent | death: ended particle | "
                           "exchange: receiving particle, giving particle, atoms moved\n",
                           id, group->names[igroup], options_.cutoff, options_.min_size, nevery));
}
