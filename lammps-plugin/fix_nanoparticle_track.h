// fix nanoparticle/track: identifies particles (connected clusters of group atoms) every N
// steps, gives them persistent IDs, and records their size, centre of mass, displacement,
// radius of gyration, height and every birth, merge, split, death and atom exchange.
// Doc: docs/fix_nanoparticle_track.md.
#pragma once

#include "fix.h"

#include "event_file.h"

#include "core/particle_geometry.h"
#include "core/particle_linker.h"
#include "core/periodic_box.h"

#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

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
    bool overwrite = false;
  };
  struct Particle {
    long atoms = 0;
    bigint birth_step = 0;
    exsolve::core::Vec3 birth_com{{0.0, 0.0, 0.0}};     // unwrapped
    exsolve::core::Vec3 unwrapped_com{{0.0, 0.0, 0.0}};
    exsolve::core::Vec3 wrapped_com{{0.0, 0.0, 0.0}};   // last position in the box
    double radius_of_gyration = 0.0;
    double height = 0.0;
  };
  enum Counter { BIRTHS, MERGES, SPLITS, DEATHS, EXCHANGED, N_COUNTERS };

  // This rank's share of one cluster: summed over local atoms, merged over ranks by label.
  struct ClusterPart {
    long label = 0;                    // smallest atom ID of the cluster
    double atoms = 0.0;
    // Offsets are summed from the first atom seen, moved to the label atom if it is local
    // (one rank owns it): the merged sums are then about the same atom on any decomposition.
    exsolve::core::Vec3 reference{{0.0, 0.0, 0.0}};
    bool reference_is_label = false;
    exsolve::core::SecondMoments moments;
    // Atoms by (particle at the last identification, last particle): the key of the first
    // atom is counted here (nearly every atom of a cluster shares it), others in
    // composition_other_.
    double previous_particle = 0.0, last_particle = 0.0;
    long atoms_with_key = 0;
  };

  void parse_options(int narg, char **arg);
  void track();
  // Labels every group atom with the smallest atom ID of its cluster (label_ array).
  void label_clusters();
  // Gives every group atom (local and ghost) the smallest label of the atoms it is
  // connected to through this rank's neighbor list. first_pass: the labels are the atom
  // IDs and the neighbor list must be read; later passes only spread labels that arrived
  // from other ranks. (The Kokkos variant overrides this kernel.)
  virtual void propagate_labels_locally(bool first_pass);
  // Numbers this rank's clusters 0, 1, ... (parts_[n].label) and gives every local group
  // atom its number (cluster_of_member_), through the union-find roots of the host kernel.
  virtual void number_clusters();
  // The same from the labels alone, for kernels that keep no union-find forest.
  void number_clusters_by_label();
  // The number of the part with this label, appending a new part for a new label.
  int part_of_label(std::unordered_map<long, int> &number_of_label, long label);
  // One pass over the local group atoms: size, mass, second moments and composition of
  // every cluster part on this rank.
  void measure_cluster_parts();
  // Every rank's parts of every cluster, merged by label in rank order (the same on every
  // rank), and every rank's composition records.
  std::vector<std::pair<long, ClusterPart>> gather_clusters(std::vector<exsolve::core::ClusterComposition> &composition);
  // Clusters whose offsets from the label atom may be folded wrongly (larger than half the
  // box minus the cutoff from it) are measured again about their approximate centre: a
  // second pass over their atoms and one more gather, on the same decision on every rank.
  void recentre_ambiguous_clusters(std::vector<std::pair<long, ClusterPart>> &clusters);
  // Links identities, writes particle IDs to the atoms and renews the particle table.
  void update_particles(const std::vector<std::pair<long, ClusterPart>> &clusters,
                        const exsolve::core::LinkResult &result);
  void record_events(const exsolve::core::LinkResult &result);
  exsolve::core::OrthogonalBox current_box() const;
  void open_event_file();
  // Makes label_ hold atom->nmax values (the Kokkos variant keeps it in a dual view).
  virtual void grow_label_storage();

  Options options_;
  class NeighList *list_ = nullptr;
  bool first_build_of_run_ = true;
  double cutoff_sq_ = 0.0;

  double *particle_of_atom_ = nullptr;  // per-atom vector exposed to LAMMPS
  double *last_particle_ = nullptr;     // last particle an atom belonged to (0: none)
  double *label_ = nullptr;             // cluster labels incl. ghosts (scratch)
  int nmax_labels_ = 0;
  // Host kernel scratch, indexed by atom (local + ghost): union-find forest over the group
  // atoms (roots carry the smallest label of their component), the smallest label of each
  // component in later rounds, and the cluster number of each root (-1: not numbered yet).
  std::vector<int> component_parent_;
  std::vector<double> component_min_;
  std::vector<int> cluster_of_root_;
  std::vector<int> group_members_;  // local then ghost group atoms of this identification
  // Local group atoms of this identification: the per-atom passes visit only these (most
  // atoms of a supported-particle system are support). Non-group atoms keep particle ID 0;
  // a full pass resets them at the first identification of a run (the group may have been
  // redefined in between; LAMMPS refuses dynamic groups for fixes that do not allow them).
  std::vector<int> local_group_;
  std::vector<int> cluster_of_member_;  // cluster number of each local_group_ atom
  std::vector<ClusterPart> parts_;      // by cluster number
  std::map<std::tuple<long, long, long>, long> composition_other_;  // (label, previous, last) -> atoms
  bool reset_non_group_ = true;
  bool ghost_disagreed_ = false;    // a ghost's label differed from its owner's (reverse comm)
  // 1 for group ghosts within the cutoff of a local group atom: only their labels can
  // matter to this rank's atoms, so only they are compared with their owners (set by the
  // first pass; read only for group atoms).
  std::vector<char> ghost_connected_;

  std::map<long, Particle> particles_;  // living particles by ID
  long next_id_ = 1;
  double counters_[N_COUNTERS] = {0.0, 0.0, 0.0, 0.0, 0.0};
  bool restarted_ = false;
  bigint last_identification_step_ = -1;
  bool warned_wrapping_particle_ = false;  // a particle wrapped around the box (this run)
  exsolve::EventFile events_;
};

}  // namespace LAMMPS_NS
