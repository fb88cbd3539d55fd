// fix exchange/cations: Monte Carlo exchange of two cation species (e.g. a Ni2+ dopant and a
// Ti4+ host cation): the two atoms swap types and charges (so the system stays neutral),
// accepted with the Metropolis rule and exact local energy differences (LocalEnergy), the
// slow equilibration of a dopant profile that MD cannot reach. With `deltamu`, the exchange
// is with a reservoir instead (semi-grand canonical): one atom changes type at a given
// chemical potential difference, as fix sgcmc's flips. Doc: docs/fix_exchange_cations.md.
#pragma once

#include "fix_local_monte_carlo.h"

#include <string>
#include <vector>

namespace LAMMPS_NS {

class FixExchangeCations : public FixLocalMonteCarlo {
 public:
  FixExchangeCations(class LAMMPS *, int, char **);
  void init() override;
  void setup(int) override;
  // 1-3 as FixLocalMonteCarlo; 4 invocations whose EAM densities came from the pair style.
  double compute_vector(int) override;

 private:
  struct Options {
    int every = 1, attempts = 1, seed = 0;
    int type_a = 0, type_b = 0;  // the dopant and the host cation
    double temperature_k = 0.0;
    double distance = -1.0;     // partner within this distance (Å) of the first atom; < 0: anywhere
    bool semi_grand = false;    // deltamu given: one atom changes type per attempt
    double deltamu = 0.0;       // mu of type_b - mu of type_a (eV)
    bool after_forces = false;  // decide after_forces: in post_force
    std::string event_file;
    bool overwrite = false;
  };
  // A group atom of one of the two types, as every rank sees it.
  struct Site {
    double x[3];
    tagint tag;
    double q;
  };
  void parse_options(int narg, char **arg);
  // The event file's header: the settings and the columns of the moves of this mode.
  std::string header() const;
  // Group atoms of `type` (this rank's owned copy) other than `excluded`, all or those
  // within `within` Å of the site `centre`, gathered on every rank, ordered by position: the
  // same list whatever the decomposition.
  std::vector<Site> gathered_sites(int type, const Site *centre, double within, tagint excluded);
  // How many sites gathered_sites(type, &centre, within, excluded) would list (summed over the
  // ranks, nothing gathered: what the reverse move's probability needs).
  int count_sites(int type, const Site &centre, double within, tagint excluded);
  // Whether an atom of this rank's copy is a site of `type` other than `excluded`.
  bool is_site(const exsolve::OwnedAtoms::Atom &a, int type, tagint excluded) const
  {
    return a.present && a.type == type && (a.mask & groupbit) && a.tag != excluded;
  }
  double cell_size() const override;
  void start_invocation() override;
  void attempt() override;
  // Two atoms of the two types swap types and charges.
  void attempt_exchange();
  // One atom of either type takes the other (semi-grand canonical).
  void attempt_change_of_type();
  // A semi-grand canonical change keeps the atom's charge: the same on every site of the two
  // types, or an error naming them (a change would make the system charged).
  void require_one_charge() const;
  // After an accepted move: every changed atom keeps its kinetic energy, as fix atom/swap
  // (ke yes) and fix sgcmc do: its velocity scales by sqrt(m_before / m_after) on its owner.
  void keep_kinetic_energy(const std::vector<exsolve::AtomChange> &move);

  // On one rank, the sites of an invocation from the atoms of either type in the copy, in
  // gathered_sites()'s order (by position), sorted again only where the copy was not kept
  // unchanged: an invocation of as many trials as atoms spent a twentieth of its time in the
  // two sorts.
  void sites_from_copy();

  Options options_;
  std::vector<Site> sites_a_, sites_b_;  // this invocation's atoms of the two types
  // sites_from_copy()'s atoms of either type (indices in the copy) by position; empty: to be
  // sorted (the copy was built anew).
  std::vector<int> by_position_;
};

}  // namespace LAMMPS_NS
