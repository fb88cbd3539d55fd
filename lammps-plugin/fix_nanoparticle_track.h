// fix nanoparticle/track: identifies particles (connected clusters of group atoms) every N
// steps, gives them persistent IDs, and records their size, centre of mass, displacement,
// radius of gyration, height and every birth, merge, split, death and atom exchange.
// Doc: docs/fix_nanoparticle_track.md.
//
// One identification: ClusterLabeller labels the clusters in parallel (the part the /kk
// variant replaces), ClusterMeasurement measures and gathers them, ParticleTable feeds
// them to core::ParticleTracker (identities, events, unwrapped centres: the tracker of the
// analysis tools too) and keeps the living particles. This class holds the per-atom
// particle IDs, outputs, restart state and the event file.
#pragma once

#include "fix.h"

#include "cluster_labeller.h"
#include "cluster_measurement.h"
#include "event_file.h"
#include "particle_table.h"

#include <cstdio>
#include <map>
#include <memory>
#include <string>

namespace LAMMPS_NS {

class FixNanoparticleTrack : public Fix {
 public:
  FixNanoparticleTrack(class LAMMPS *, int, char **);
  ~FixNanoparticleTrack() override;
  int setmask() override;
  void init() override;
  void init_list(int, class NeighList *) override;
  void setup(int) override;
  void end_of_step() override;
  double compute_vector(int) override;
  double compute_array(int, int) override;

  // Per-atom state (particle ID now, last particle ID) migrates with the atoms.
  double memory_usage() override;
  void grow_arrays(int) override;
  void copy_arrays(int, int, int) override;
  void set_arrays(int) override;
  int pack_exchange(int, double *) override;
  int unpack_exchange(int, double *) override;
  int pack_restart(int, double *) override;
  void unpack_restart(int, int) override;
  int size_restart(int) override;
  int maxsize_restart() override;
  void write_restart(FILE *) override;
  void restart(char *) override;

  // Step of the last identification (-1: none yet): the per-atom particle IDs are from it.
  bigint last_identification_step() const { return last_identification_step_; }

  // Cluster labels travel through these (ClusterLabeller's rounds).
  int pack_forward_comm(int, int *, double *, int, int *) override;
  void unpack_forward_comm(int, int, double *) override;
  int pack_reverse_comm(int, int, double *) override;
  void unpack_reverse_comm(int, int *, double *) override;

 protected:
  struct Options {
    int every = 1;
    double cutoff = 0.0;
    long min_size = 1;
    int height_axis = 2;
    std::string event_file;
    std::string births_file;  // where new particles appear (births and splits)
    bool overwrite = false;
  };

  const Options &options() const { return options_; }
  // The Kokkos variant installs its own labeller.
  void replace_labeller(std::unique_ptr<exsolve::ClusterLabeller> labeller) { labeller_ = std::move(labeller); }

 private:
  static constexpr int PER_ATOM_VALUES = 2;  // particle ID now, last particle ID

  void parse_options(int narg, char **arg);
  void track();
  // Writes particle IDs to the local group atoms (and 0 to the others at a run's first
  // identification).
  void assign_particle_ids(const exsolve::ClusterNumbering &numbering,
                           const std::map<long, long> &particle_of_cluster_label);
  void record_events(const exsolve::core::TrackedFrame &frame);
  void warn_once_about(const exsolve::ParticleTable::Wrapping &wrapping, const exsolve::core::PeriodicBox &box);
  void open_event_file();
  void open_births_file();

  Options options_;
  std::unique_ptr<exsolve::ClusterLabeller> labeller_;
  exsolve::ClusterMeasurement measurement_;
  exsolve::ParticleTable particles_;
  exsolve::ClusterNumbering numbering_;
  class NeighList *list_ = nullptr;
  exsolve::compat::OccasionalListBuilds list_builds_;

  double *particle_of_atom_ = nullptr;  // per-atom vector exposed to LAMMPS
  double *last_particle_ = nullptr;     // last particle an atom belonged to (0: none)
  // Non-group atoms keep particle ID 0; a full pass resets them at the first identification
  // of a run (the group may have been redefined in between; LAMMPS refuses dynamic groups
  // for fixes that do not allow them).
  bool reset_non_group_ = true;
  bool restarted_ = false;
  bigint last_identification_step_ = -1;
  bool warned_wrapping_particle_ = false;  // a particle wrapped around the box (this run)
  exsolve::EventFile events_;
  exsolve::EventFile births_;
};

}  // namespace LAMMPS_NS
