// compute interface/bonds: metal–oxygen bonds between a metal group (the particles) and an
// oxygen group (the support), per atom, in total, per interface atom, as a histogram and
// per particle. Doc: docs/compute_interface_bonds.md.
#pragma once

#include "compat.h"
#include "compute.h"

#include "core/bond_tally.h"
#include "core/pair_cutoffs.h"

#include <string>
#include <vector>

namespace LAMMPS_NS {

class ComputeInterfaceBonds : public Compute {
 public:
  ComputeInterfaceBonds(class LAMMPS *, int, char **);
  ~ComputeInterfaceBonds() override;
  void init() override;
  void init_list(int, class NeighList *) override;
  void compute_peratom() override;
  void compute_vector() override;
  void compute_array() override;
  // For fix ave/time mode vector: the current number of rows; averaging rows over
  // several steps is refused.
  int lock_length() override;
  void lock_enable() override;
  double memory_usage() override;

 protected:
  struct Options {
    int oxygen_group_bit = 0;
    std::string oxygen_group;
    exsolve::core::PairCutoffs cutoffs{1};
    int histogram_max = -1;       // -1: no histogram
    std::string particle_source;  // fix or compute ID of per-atom particle IDs ("" = none)
    bool particle_source_is_fix = false;
  };
  void parse_options(int narg, char **arg);
  void check_groups_disjoint();
  const double *particle_ids_per_atom();

  // Fills bonds_per_atom for the local atoms and local_tally_ with this rank's metal atoms
  // (the kernel; the Kokkos variant overrides it).
  virtual void count_bonds();
  // count_bonds() after checking the box against the cutoff (every compute_* calls this).
  void count_bonds_in_current_box();
  void grow_per_atom_storage();

  Options options_;
  class NeighList *list_ = nullptr;
  exsolve::compat::OccasionalListBuilds list_builds_;
  int nmax_ = 0;
  double *bonds_per_atom_ = nullptr;  // the per-atom vector LAMMPS exposes
  exsolve::core::BondTally local_tally_{-1};
  std::vector<int> extensive_list_;
};

}  // namespace LAMMPS_NS
