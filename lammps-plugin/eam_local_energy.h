// The energy change of a move under one EAM style (eam, eam/alloy, eam/fs or their /kk,
// alone or under pair hybrid) from the atoms within one cutoff rc of the changed atoms, with
// the electron density of each such atom kept for the rest of the Monte Carlo invocation.
//
// An EAM energy is sum_i F_i(rho_i) + 1/2 sum_ij phi_ij(r_ij) with rho_i = sum_j f_j(r_ij). A
// move changes the pair terms of the changed atoms, their own embedding terms, and the
// embedding terms of the unchanged atoms within rc of them, whose density changes by the
// changed atoms' contributions alone: F(rho + drho) - F(rho). Everything but rho of those
// unchanged atoms comes from the atoms within rc of the changed ones; rho needs their
// neighbours, up to 2 rc away, and is what is kept: computed the first time a trial needs
// it, and brought up to date by an accepted move from its own trial (rho + drho, and the
// changed atoms' densities after it). fix sgcmc's atomic/energy mode keeps the densities
// of the last force evaluation the same way; here for moves of any kind and in the
// positions of this step. A trial with every density known costs
// the search of the atoms within rc of the changed ones and a few spline evaluations each.
//
// In parallel, the atoms within rc are gathered on every rank in rank order and the missing
// densities summed over the ranks' owned atoms (one MPI_Allreduce): every rank keeps the
// same densities and computes the same energy change.
#pragma once

#include "atom_change.h"
#include "eam_tables.h"
#include "many_body_cluster.h"
#include "owned_atoms.h"

#include "lmptype.h"
#include "pointers.h"

#include <array>
#include <cstdint>
#include <vector>

namespace exsolve {

class EamLocalEnergy : protected LAMMPS_NS::Pointers {
 public:
  // After the pair style's init; `style`: the EAM (sub-)style and the type pairs it acts on.
  EamLocalEnergy(LAMMPS_NS::LAMMPS *lmp, const ManyBodyCluster::Style &style);
  EamLocalEnergy(const EamLocalEnergy &) = delete;
  EamLocalEnergy &operator=(const EamLocalEnergy &) = delete;
  // Whether the densities not known yet come from the pair style (start_invocation), until
  // forget().
  bool densities_from_pair_style() const { return computed_density_ != nullptr; }
  // The style's cutoff (Å): energy_change() searches `owned` this far around changed atoms.
  double cutoff() const { return cutoff_; }
  // At the start of every invocation: the atoms moved since the last one, no density holds,
  // unless `atoms_as_last_computed`: this rank's atoms are as the pair style's last compute()
  // saw them (no atom moved, changed type, came or went since). Where that holds on every
  // rank and the style keeps its densities on the host, a density not known yet is the
  // style's own (a collective).
  void start_invocation(bool atoms_as_last_computed);
  // The energy change of the move (eV), the same on every rank (a collective where a density
  // is not known yet). `owned`: this rank's atoms, with the accepted moves so far applied
  // through applied().
  double energy_change(const std::vector<AtomChange> &move, const OwnedAtoms &owned);
  // After `move` was applied to `owned` on every rank: forgets the densities it changed.
  void applied(const std::vector<AtomChange> &move, const OwnedAtoms &owned);
  // After the atoms changed otherwise (e.g. removals undone): forgets every density.
  void forget(const OwnedAtoms &owned);

 private:
  // An unchanged atom within rc of a changed one, relative to the move's first atom (its
  // nearest image; distances to the changed atoms are taken between nearest images again;
  // on one rank the place is not needed), and its index in this rank's copy (-1: not known
  // here, as after the gather).
  struct Near {
    LAMMPS_NS::tagint tag;
    int type;
    int index;
    double x[3];
  };
  // On one rank, a move of one atom (a change of type or charge, a removal, an addition):
  // its energy change in one pass over the atoms within rc of it, with the general path's
  // arithmetic in its order (the result does not depend on which ran), without the records
  // of the near atoms the general path makes (most of its cost). A density not known yet is
  // the pair style's where it serves. False, for the general path, where a density is not
  // known and the style's does not serve (the general path sums it), or where the changed
  // atom has no near list (it is not at its place in the copy). With `Record` (applied(),
  // where the trial was accepted: the same pass again, the near atoms and their densities
  // unchanged by the move), what applied() keeps goes to after_.
  template <bool Record>
  bool one_changed_atom_on_one_rank(const std::vector<AtomChange> &move, const OwnedAtoms &owned, double &change);
  // The unchanged atoms within rc of a changed atom and their distances to each changed atom,
  // from the searches around the changed atoms (gathered on every rank where several).
  void find_near(const std::vector<AtomChange> &move, const OwnedAtoms &owned);
  void find_densities(const OwnedAtoms &owned, const double *origin);
  // The density at an atom this rank holds, not known yet: the style's where it serves, else
  // from this rank's other atoms (all there are on one rank; the owner's share on several).
  double density_here(const OwnedAtoms::Atom &a, const OwnedAtoms &owned) const;
  // The density at an atom of this ID and type at x from this rank's other atoms.
  double owned_density_at(const double *x, LAMMPS_NS::tagint tag, int type, const OwnedAtoms &owned) const;
  // The embedding terms of the near atoms and what each adds to the changed atoms' densities
  // and pair terms (density_of_changed_, pair_of_changed_), each spline evaluated once per
  // pair of atoms.
  double change_of_near_atoms(const std::vector<AtomChange> &move);
  // The terms of the changed atoms (pair and embedding); their densities after the move.
  double change_of_changed_atoms(const std::vector<AtomChange> &move, const OwnedAtoms &owned);
  void remember(LAMMPS_NS::tagint tag, double density, double embedding);
  bool known(LAMMPS_NS::tagint tag) const
  {
    return tag < static_cast<LAMMPS_NS::tagint>(known_.size()) && known_[tag].epoch == epoch_;
  }
  void forget_tag(LAMMPS_NS::tagint tag)
  {
    if (tag < static_cast<LAMMPS_NS::tagint>(known_.size())) known_[tag].epoch = 0;
  }
  // The atoms must change only through applied()/forget(): a check of that contract.
  void require_unchanged(const OwnedAtoms &owned) const;

  // Whether the style's compute() sums the densities on the host in the run's steps.
  bool computes_host_densities() const;

  LAMMPS_NS::Pair *pair_;
  const EamTables eam_;                     // the style's spline tables, made once per run
  std::vector<std::vector<bool>> acts_on_;  // [itype][jtype]
  std::vector<char> has_embedding_;         // per type: the style's ilist holds its atoms (bytes: read per near atom)
  double cutoff_ = 0.0, cutoff_sq_ = 0.0;

  // The densities known in this invocation and their embedding terms, by atom ID: valid where
  // the epoch is current (together: a trial reads all three of each near atom).
  struct Known {
    std::uint64_t epoch;
    double density, embedding;
  };
  std::vector<Known> known_;
  std::uint64_t epoch_ = 1;
  // The style's densities by local index, where they hold for this invocation; else null.
  // Only those no accepted move changed are read (the others are known).
  const double *computed_density_ = nullptr;
  // OwnedAtoms::changes() when the densities were last brought up to date; NONE: not yet.
  static constexpr std::uint64_t NONE = ~std::uint64_t(0);
  std::uint64_t owned_changes_ = NONE;

  // The last trial: its move, its changed atoms relative to its first one and their
  // densities after it, its near atoms with their densities and embedding terms before and
  // after it (what applied() keeps).
  std::vector<AtomChange> move_;
  std::vector<std::array<double, 3>> changed_x_;
  std::vector<double> density_after_;
  std::vector<Near> near_;
  std::vector<double> density_, embedding_, density_change_, embedding_after_;
  // [near atom][changed atom]: squared distances (< 0: beyond rc) and their table places.
  std::vector<double> rsq_;
  std::vector<EamTables::Distance> distance_;
  // [changed atom][before, after]: the density and pair terms the near atoms give it.
  std::vector<std::array<double, 2>> density_of_changed_, pair_of_changed_;
  // What a changed atom in one state and a near atom of one type share, looked up once per
  // trial: [(changed atom * 2 + state) * (ntypes + 1) + near type].
  struct ChangedTerms {
    bool acts;  // present in that state, and the style acts on the two types
    EamTables::Rows density_at_changed, density_at_near, pair;  // splines
    double pair_scale;
  };
  std::vector<ChangedTerms> changed_terms_;
  void find_changed_terms(const std::vector<AtomChange> &move);
  // An accepted trial of one_changed_atom_on_one_rank (the last, where
  // last_trial_one_atom_): the IDs of its near atoms with their densities and embedding
  // terms after it.
  struct After {
    LAMMPS_NS::tagint tag;
    double density, embedding;
  };
  std::vector<After> after_;
  bool last_trial_one_atom_ = false;
  // Scratch: per owned atom, the trial that last listed it and its place in near_; the near
  // atoms without density.
  std::vector<std::uint64_t> listed_in_trial_;
  std::vector<int> near_slot_;
  std::uint64_t trial_ = 0;
  std::vector<int> missing_;
  std::vector<double> rows_, missing_density_, summed_density_;
};

}  // namespace exsolve
