// EamLocalEnergy's path for a move of one atom on one rank (fix exchange/cations' change of
// type, a removal by compute particle/chemical_potential): one pass over the changed atom's
// near list that sums what the general path sums, in the same order, with the splines of
// each type of near atom looked up once per trial (find_changed_terms). It makes none of the general path's
// per-atom records (near_, rsq_, distance_, density_...), whose writes and reads cost more
// than the energy terms themselves.
#include "eam_local_energy.h"

#include "atom.h"
#include "error.h"

using namespace LAMMPS_NS;

namespace exsolve {

template <bool Record>
bool EamLocalEnergy::one_changed_atom_on_one_rank(const std::vector<AtomChange> &move, const OwnedAtoms &owned,
                                                  double &change)
{
  const AtomChange &changed = move.front();
  // [state * stride + near type]: the changed atom's terms before (0) and after (1).
  find_changed_terms(move);
  const std::size_t stride = atom->ntypes + 1;
  // change_of_near_atoms() for one changed atom, its sums in locals (registers).
  std::array<double, 2> density_of_changed = {0.0, 0.0}, pair_of_changed = {0.0, 0.0};
  double near_change = 0.0;
  if (Record) after_.clear();
  // A near atom's terms; false where its density is not known and the pair style's does not
  // serve (the general path sums it from the atoms around).
  auto add_near = [&](const OwnedAtoms::Atom &a, double rsq) {
    if (!known(a.tag)) {
      if (!computed_density_) return false;
      // What find_densities() takes on one rank.
      const double density = density_here(a, owned);
      remember(a.tag, density, has_embedding_[a.type] ? eam_.embedding(a.type, density) : 0.0);
    }
    const int u = a.type;
    const EamTables::Distance d = eam_.distance(rsq);
    const double recip = 1.0 / d.r;
    double delta = 0.0;
    // The density at the changed atom, evaluated again only where its spline changed with
    // the move (one spline per near type in eam/alloy).
    EamTables::Rows at_changed_spline = nullptr;
    double at_changed = 0.0;
    for (int s = 0; s < 2; ++s) {
      const ChangedTerms &terms = changed_terms_[s * stride + u];
      if (!terms.acts) continue;
      if (terms.density_at_changed != at_changed_spline) {
        at_changed_spline = terms.density_at_changed;
        at_changed = EamTables::value(at_changed_spline, d);
      }
      density_of_changed[s] += at_changed;
      pair_of_changed[s] += EamTables::pair_of_value(EamTables::value(terms.pair, d), terms.pair_scale, recip);
      const double to_near = EamTables::value(terms.density_at_near, d);
      delta += s == 0 ? -to_near : to_near;
    }
    const Known &before = known_[a.tag];
    double embedding_after = before.embedding;
    if (has_embedding_[u] && delta != 0.0) {
      embedding_after = eam_.embedding(u, before.density + delta);
      near_change += embedding_after - before.embedding;
    }
    if (Record) after_.push_back({a.tag, before.density + delta, embedding_after});
    return true;
  };
  // The near atoms as the general path's find_near() lists them.
  if (Record) {
    // After the move (a removed atom has no near list of its own): every density is known.
    owned.for_each_within_atom(changed.tag, changed.x, cutoff_, [&](const OwnedAtoms::Atom &a, double rsq) {
      if (rsq < cutoff_sq_ && a.tag != changed.tag && !add_near(a, rsq))
        error->one(FLERR, "exsolve local energies (EAM): internal error: a density an accepted trial read is no "
                          "longer known");
    });
  } else {
    // The near list for_each_within_atom() walks, in a loop of its own (a lambda that
    // for_each_within_atom() calls keeps the sums in memory); the general path where it
    // searches the cells instead.
    const std::vector<OwnedAtoms::NearEntry> *list = owned.near_list_for(changed.tag, changed.x, cutoff_);
    if (!list) return false;
    const double list_cutoff_sq = cutoff_ * cutoff_;
    for (const OwnedAtoms::NearEntry &entry : *list) {
      if (entry.rsq >= list_cutoff_sq || entry.rsq >= cutoff_sq_) continue;
      const OwnedAtoms::Atom *a = owned.present_atom_at(entry.index);
      if (a && a->tag != changed.tag && !add_near(*a, entry.rsq)) return false;
    }
  }
  density_of_changed_.assign(1, density_of_changed);
  pair_of_changed_.assign(1, pair_of_changed);
  change = change_of_changed_atoms(move, owned) + near_change;
  return true;
}

template bool EamLocalEnergy::one_changed_atom_on_one_rank<false>(const std::vector<AtomChange> &, const OwnedAtoms &,
                                                                  double &);
template bool EamLocalEnergy::one_changed_atom_on_one_rank<true>(const std::vector<AtomChange> &, const OwnedAtoms &,
                                                                 double &);

}  // namespace exsolve
