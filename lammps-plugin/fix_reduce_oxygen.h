// fix reduce/oxygen: Monte Carlo removal of lattice oxygen at a controlled oxygen chemical
// potential, with charge compensation by reducing the nearest reducible cations (an MD/MC
// hybrid: every N steps, M attempts between MD steps). Doc: docs/fix_reduce_oxygen.md.
#pragma once

#include "fix.h"

#include "event_file.h"

#include <string>
#include <vector>

namespace LAMMPS_NS {

class FixReduceOxygen : public Fix {
 public:
  FixReduceOxygen(class LAMMPS *, int, char **);
  ~FixReduceOxygen() override;
  int setmask() override;
  void init() override;
  void pre_exchange() override;
  double compute_vector(int) override;
  void write_restart(FILE *) override;
  void restart(char *) override;

 protected:
  // Charges are neutral, and charge changes balance, to this tolerance (charge units).
  static constexpr double CHARGE_TOLERANCE = 1e-8;

  struct Reduction {
    int from_type, to_type;
    double new_charge;
  };
  enum class Atmosphere { NONE, PO2, H2_H2O };
  struct Options {
    int every = 1, attempts = 1, seed = 0, oxygen_type = 0;
    bool mu_given = false;
    double mu_ev = 0.0;
    Atmosphere atmosphere = Atmosphere::NONE;
    double temperature_k = 0.0;  // MC temperature (the atmosphere's, or keyword temperature)
    double po2_atm = 0.0, h2_over_h2o = 0.0;
    double reference_ev = 0.0;
    double cutoff = 3.5;         // Å: cations farther from the oxygen are not reduced
    std::string region;          // candidates inside this region only ("" = anywhere)
    std::string event_file;      // "" = none
    bool overwrite = false;
    bool reversible = false;     // also re-oxidation moves into the vacancy sites
    int surface_axis = -1;       // candidates within surface_depth of the outermost
    double surface_depth = 0.0;  //   group atom along this axis (-1 = anywhere)
    std::vector<Reduction> reductions;
  };
  // One reducible cation near the removed oxygen, as every rank sees it.
  struct Candidate {
    double distance;
    tagint tag;
    double charge_change;
    int from_type;
    double old_charge;
  };

  void parse_options(int narg, char **arg);
  void check_neutrality_possible();
  double energy_full();
  void attempt_removal();
  void attempt_refill();
  // Local indices of the oxygens a removal may pick (type, group, region, surface).
  std::vector<int> local_candidates();
  // Their number on all ranks.
  int count_candidates();
  int pick_oxygen();  // local index of the chosen oxygen on its owner, -1 elsewhere, -2: none
  // Nearest reducible cations whose charge changes add up to the oxygen's charge (false:
  // impossible within the cutoff).
  bool choose_cations(const double *oxygen_x, double oxygen_charge, std::vector<Candidate> &chosen);
  const Reduction *reduction_of(int type) const;
  int local_index_of(tagint tag) const;  // -1 if not a local atom
  // Highest coordinate of a group atom along the surface axis, on all ranks.
  double surface_top() const;

  Options options_;
  class RanPark *random_ = nullptr;
  class Compute *pe_ = nullptr;
  double mu_oxygen_ev_ = 0.0;
  double beta_ = 0.0;
  int exclusion_bit_ = 0;
  double energy_stored_ = 0.0;
  // attempts, accepted, removed, mu, pO2, ratio, cations reduced, neutrality rejections,
  // re-oxidations, dU of the last accepted removal
  double attempts_ = 0, accepted_ = 0, cations_reduced_ = 0, neutrality_rejections_ = 0, last_delta_u_ = 0;
  bool restarted_ = false;
  // A vacancy left by an accepted removal (the same list on every rank): where the
  // oxygen was, what it was, and the cations its removal reduced.
  struct Vacancy {
    double x[3];
    tagint oxygen_tag;
    int oxygen_type, oxygen_mask;
    double oxygen_charge;
    std::vector<tagint> cation_tags;
    std::vector<int> cation_types;         // before the reduction
    std::vector<double> cation_charges;    // before the reduction
  };
  std::vector<Vacancy> vacancies_;
  double refills_ = 0;
  int n_candidates_ = 0;  // candidate oxygens at the last pick, all ranks
  exsolve::EventFile events_;
};

}  // namespace LAMMPS_NS
