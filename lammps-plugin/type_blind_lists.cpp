#include "type_blind_lists.h"

#include "compat.h"
#include "lammps_internals.h"

#include "atom.h"
#include "force.h"
#include "neigh_list.h"
#include "neighbor.h"
#include "pair.h"
#include "pair_hybrid.h"

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// The pair style's name, or its sub-styles' under pair hybrid.
std::vector<std::string> pair_style_names(LAMMPS *lmp)
{
  Force *force = lmp->force;
  if (!force->pair) return {};
  const std::string name = force->pair_style;
  if (name.rfind("hybrid", 0) != 0) return {name};
  auto *hybrid = static_cast<PairHybrid *>(force->pair);
  std::vector<std::string> names;
  for (int m = 0; m < internals::HybridMembers::count(hybrid); ++m)
    names.push_back(internals::HybridMembers::keyword(hybrid, m));
  return names;
}

bool ends_with(const std::string &name, const std::string &suffix)
{
  return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
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
  for (const std::string &name : pair_style_names(lmp))
    if (ends_with(name, "/gpu") || ends_with(name, "/intel"))
      return fmt::format("pair style {} copies atom types at neighbor builds only", name);
  const int ntypes = lmp->atom->ntypes;
  for (int t : types)
    for (int k = 1; k <= ntypes; ++k)
      if (neighbor->cutneighsq[t][k] != neighbor->cutneighsq[types.front()][k])
        return fmt::format("the neighbor cutoffs of types {} and {} differ (with type {})", types.front(), t, k);
  return "";
}

}  // namespace exsolve
