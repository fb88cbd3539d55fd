// The energy change of a Monte Carlo move (a set of atoms deleted, added, retyped or
// recharged) from the atoms near the changed ones, not from the whole system: the one place
// every Monte Carlo move of the plugin gets its local energy difference from.
// - Pairwise styles (PairEnergyTerms): the pair and self terms of the changed atoms, summed
//   over the atoms near them (each rank over the atoms it owns).
// - Short-ranged many-body styles (ManyBodyCluster): every energy term of EAM, SW, Tersoff,
//   SNAP belongs to one centre atom and depends only on atoms within the style's cutoff rc
//   of it. A term that involves a changed atom therefore has its centre within rc of that
//   atom and all its atoms within 2 rc. The styles' compute() runs on the free cluster of
//   the atoms within 2 rc of the changed ones, with the atoms within rc as centres (their
//   neighbor lists complete): every term that can change is evaluated whole, before and
//   after the move, and every other term evaluated (pairs counted once between a centre and
//   a non-centre atom) is the same before and after. So the difference is the system's, to
//   round-off. Where the only many-body style is EAM, EamLocalEnergy does the same from the
//   atoms within one cutoff and their densities, kept for the invocation.
// Accepted moves reach the rank's atom copy through apply(), which keeps those densities
// current.
#pragma once

#include "lmptype.h"
#include "pointers.h"

#include "atom_change.h"
#include "eam_local_energy.h"
#include "many_body_cluster.h"
#include "owned_atoms.h"
#include "pair_energy_terms.h"

#include <memory>
#include <string>
#include <vector>

namespace exsolve {

class LocalEnergy : protected LAMMPS_NS::Pointers {
 public:
  // style: the style using it, for messages ("fix reduce/oxygen").
  LocalEnergy(LAMMPS_NS::LAMMPS *lmp, const std::string &style);
  // After the pair style's init: "" when the energy change of moves that change atoms of
  // `changed_types`, lying at most `extent` Å from the move's first atom, comes exactly from
  // the atoms near them; otherwise the reason, for a user. The same on every rank.
  std::string why_not_local(const std::vector<int> &changed_types, double extent);
  // Makes ready for this run's moves; needs why_not_local(...) == "" with the same arguments.
  void setup(const std::vector<int> &changed_types, double extent);
  // How far from a changed atom delta() looks for atoms (Å): OwnedAtoms' cells must be at
  // least this wide.
  double reach() const;
  // At the start of every invocation (the box may have changed; the pair style's lists are
  // new at every run): an error on every rank if the box is too small now.
  // `atoms_as_last_computed`: this rank's atoms are as the pair style's last compute() saw
  // them, so that what it summed of them may serve (EamLocalEnergy::start_invocation).
  void start_invocation(bool atoms_as_last_computed);
  // After start_invocation(): whether this invocation's EAM densities come from the pair
  // style's last compute() (EamLocalEnergy).
  bool densities_from_pair_style() const { return eam_ && eam_->densities_from_pair_style(); }
  // The energy change of the move (eV), the same on every rank. `owned`: this rank's atoms
  // with the invocation's accepted moves applied.
  double delta(const std::vector<AtomChange> &move, const OwnedAtoms &owned);
  // Applies an accepted move to `owned`, on every rank: types and charges, removals,
  // additions (on the rank whose subdomain holds the new atom) and displacements (an atom
  // removed and added with the same ID). The atom count is the caller's.
  void apply(const std::vector<AtomChange> &move, OwnedAtoms &owned);
  // After `owned` changed other than through apply() (removals undone): what was kept of it
  // is forgotten.
  void forget(const OwnedAtoms &owned);

 private:
  double delta_pairwise(const std::vector<AtomChange> &move, const OwnedAtoms &owned);
  double delta_many_body(const std::vector<AtomChange> &move, const OwnedAtoms &owned);
  // Atoms within this distance of a changed atom are centres of the many-body cluster (Å),
  // and the cluster holds their neighbors too.
  double centre_radius() const { return cluster_.list_cutoff(); }
  double cluster_radius() const { return centre_radius() + cluster_.list_cutoff() + CLUSTER_MARGIN; }
  // "" or why the box is too small for the many-body cluster (unique nearest images).
  std::string why_box_too_small() const;
  static constexpr double CLUSTER_MARGIN = 0.01;  // Å, against round-off at the edge

  std::string style_;
  PairEnergyTerms pair_terms_;
  ManyBodyCluster cluster_;
  std::unique_ptr<EamLocalEnergy> eam_;  // where the only many-body style is EAM
  double extent_ = 0.0;
};

}  // namespace exsolve
