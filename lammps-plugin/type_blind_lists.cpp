#include "type_blind_lists.h"

#include "compat.h"
#include "lammps_internals.h"

#include "atom.h"
#include "force.h"
#include "neigh_list.h"
#include "neighbor.h"
#include "pair.h"
#include "pair_hybrid.h"
#include "suffix.h"

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// The pair style, or its sub-styles under pair hybrid, with their names.
std::vector<std::pair<Pair *, std::string>> pair_styles(LAMMPS *lmp)
{
  Force *force = lmp->force;
  if (!force->pair) return {};
  const std::string name = force->pair_style;
  if (name.rfind("hybrid", 0) != 0) return {{force->pair, name}};
  auto *hybrid = static_cast<PairHybrid *>(force->pair);
  std::vector<std::pair<Pair *, std::string>> styles;
  for (int m = 0; m < internals::HybridMembers::count(hybrid); ++m)
    styles.emplace_back(internals::HybridMembers::style(hybrid, m), internals::HybridMembers::keyword(hybrid, m));
  return styles;
}

// Whether two types have the same rows of a per-type-pair table of squared cutoffs.
bool same_rows(double **cutoff_sq, int a, int b, int ntypes)
{
  for (int k = 1; k <= ntypes; ++k)
    if (cutoff_sq[a][k] != cutoff_sq[b][k]) return false;
  return true;
}

}  // namespace

std::string why_type_changes_need_rebuild(LAMMPS *lmp, const std::vector<int> &types)
{
  Neighbor *neighbor = lmp->neighbor;
  if (neighbor->exclude) return "neigh_modify exclude";
  for (int k = 0; k < neighbor->nlist; ++k) {
    const NeighList *list = neighbor->lists[k];
    if (list && (list->iskip || list->ijskip))
      return "a neighbor list keeps the atoms of some types only (a pair hybrid sub-style's)";
  }
  // By the package's flag, not the name: under pair hybrid, a suffix from -sf or the suffix
  // command is not part of the sub-styles' names. INTEL styles copy types into their own
  // buffers at neighbor builds only; GPU styles keep a device copy too (refused to be safe).
  for (const auto &style : pair_styles(lmp))
    if (internals::PairMembers::packages(style.first) & (Suffix::GPU | Suffix::INTEL))
      return fmt::format("pair style {} (INTEL or GPU package) keeps its own copy of the atom types", style.second);
  const int ntypes = lmp->atom->ntypes;
  for (int t : types) {
    if (!same_rows(neighbor->cutneighsq, types.front(), t, ntypes))
      return fmt::format("the neighbor cutoffs of types {} and {} differ", types.front(), t);
    if (neighbor->cutneighghostsq && !same_rows(neighbor->cutneighghostsq, types.front(), t, ntypes))
      return fmt::format("the ghost neighbor cutoffs of types {} and {} differ", types.front(), t);
  }
  return "";
}

}  // namespace exsolve
