// fix reduce/oxygen: Monte Carlo removal of lattice oxygen at a controlled oxygen chemical
// potential, with charge compensation by reducing the nearest reducible cations (an MD/MC
// hybrid: every N steps, M attempts between MD steps). Energy differences come from a
// MoveEnergy chosen per run: local (the atoms near the changed ones) or full (the whole
// system before and after a real deletion). Doc: docs/fix_reduce_oxygen.md.
#pragma once

#include "fix.h"

#include "event_file.h"
#include "move_energy.h"
#include "oxygen_candidates.h"
#include "owned_atoms.h"

#include <memory>
#include <string>
#include <vector>

namespace LAMMPS_NS {

class FixReduceOxygen : public Fix {
 public:
  FixReduceOxygen(class LAMMPS *, int, char **);
  ~FixReduceOxygen() override;
  int setmask() override;
  void init() override;
  void post_integrate() override;
  void pre_exchange() override;
  double compute_vector(int) override;
  void write_restart(FILE *) override;
  void restart(char *) override;

 protected:
  // Charges are neutral, and charge changes balance, to this tolerance (charge units).
  static constexpr double CHARGE_TOLERANCE = 1e-8;

  struct Reduction {
    int from_type, to_type;
    double new_charge;  // without charges: the electrons the cation takes
  };
  enum class Atmosphere { NONE, PO2, H2_H2O };
  enum class EnergyMode { AUTO, LOCAL, FULL };
  // The arguments as given (parse_arguments); their checks against each other and the
  // system are validate_options'.
  struct Options {
    int every = 1, attempts = 1, seed = 0;
    // Which oxygens a removal may pick: type, group (the fix's), region, surface, near/far.
    exsolve::CandidateRules candidates;
    bool mu_given = false;
    double mu_ev = 0.0;
    Atmosphere atmosphere = Atmosphere::NONE;
    double temperature_k = 0.0;  // MC temperature (the atmosphere's, or keyword temperature)
    double po2_atm = 0.0, h2_over_h2o = 0.0;
    double reference_ev = 0.0;
    double cutoff = 3.5;     // Å: cations farther from the oxygen are not reduced
    std::string event_file;  // "" = none
    bool overwrite = false;
    bool reversible = false;               // also re-oxidation moves into the vacancy sites
    EnergyMode energy = EnergyMode::AUTO;  // AUTO: local where it is exact, else full
    bool uncharged = false;                // charges are not part of the move (set when there are none)
    std::vector<Reduction> reductions;
    double limit = -1.0;  // no attempt at all once this many removals were accepted (-1: none)
    bool temperature_given = false, reference_given = false, uncharged_given = false;
  };
  // One reducible cation near the removed oxygen, as every rank sees it.
  struct Candidate {
    double distance;
    tagint tag;
    double charge_change;  // without charges: minus the electrons the cation takes
    int from_type;
    double old_charge;
    double x[3];
  };
  using ChangedAtom = exsolve::AtomChange;

  void parse_arguments(int narg, char **arg);
  void validate_options();  // an error for arguments that do not fit each other or the system
  void check_neutrality_possible();
  // The energy of this run's moves: local where it is exact (an error for `energy local`
  // where it is not; the fallback to full said once in the log).
  std::unique_ptr<exsolve::MoveEnergy> choose_energy();
  // One invocation: `attempts` removal (or refill) attempts; schedules the next.
  void invoke();
  void attempt_removal();
  void attempt_refill();
  // Cells of the owned-atom copy: wide enough for the cation search and the energy's reach.
  double cell_size() const;
  // Whether this fix has accepted moves that wait for the write-back in pre_exchange.
  bool moves_pending() const { return energy_ && energy_->changes_pending(); }
  bool limit_reached() const { return options_.limit >= 0.0 && accepted_ >= options_.limit; }
  // Nearest reducible cations whose charge changes add up to the oxygen's charge (false:
  // impossible within the cutoff).
  bool choose_cations(const double *oxygen_x, double oxygen_charge, std::vector<Candidate> &chosen);
  // The present atoms with these IDs (any rank), in that order; false if one is missing.
  bool find_atoms(const std::vector<tagint> &tags, std::vector<exsolve::OwnedAtoms::Atom> &found);
  const Reduction *reduction_of(int type) const;
  bool charged() const { return !options_.uncharged; }
  // The ID of a fix that equilibrates the charges (fix qeq/*, acks2), "" if none: it sets
  // every charge after a move, so no cation is recharged by hand.
  std::string charge_equilibration_fix() const;

  Options options_;
  class RanPark *random_ = nullptr;
  double mu_oxygen_ev_ = 0.0;
  double beta_ = 0.0;
  bigint next_invocation_ = 0;  // the step of the next invocation
  bool fallback_said_ = false;
  bool charges_equilibrated_ = false;
  exsolve::OwnedAtoms owned_;
  std::unique_ptr<exsolve::MoveEnergy> energy_;  // this run's
  exsolve::OxygenCandidates candidates_;
  // attempts, accepted, removed, mu, pO2, ratio, cations reduced, neutrality rejections,
  // re-oxidations, dU of the last accepted removal, invocations' wall time
  double attempts_ = 0, accepted_ = 0, cations_reduced_ = 0, neutrality_rejections_ = 0, last_delta_u_ = 0;
  // wall time of the invocations since the fix was defined (s; not carried by restarts)
  double invocation_seconds_ = 0;
  // Invocations that kept the atom copy of the last one (OwnedAtoms::refresh).
  double kept_copies_ = 0;
  bool restarted_ = false;
  // A vacancy left by an accepted removal (the same list on every rank): where the
  // oxygen was, what it was, and the cations its removal reduced.
  struct Vacancy {
    double x[3];
    tagint oxygen_tag;
    int oxygen_type, oxygen_mask;
    double oxygen_charge;
    std::vector<tagint> cation_tags;
    std::vector<int> cation_types;       // before the reduction
    std::vector<double> cation_charges;  // before the reduction
  };
  std::vector<Vacancy> vacancies_;
  double refills_ = 0;
  exsolve::EventFile events_;
};

}  // namespace LAMMPS_NS
