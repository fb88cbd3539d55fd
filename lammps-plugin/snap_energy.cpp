#include "snap_energy.h"

#include "lammps_internals.h"

#include "atom.h"
#include "lammps.h"
#include "neigh_list.h"

#include <typeinfo>

namespace exsolve {
namespace snap {

bool energy_of_list(LAMMPS_NS::LAMMPS *lmp, LAMMPS_NS::Pair *pair, double &energy)
{
#ifdef EXSOLVE_WITH_ML_SNAP
  if (typeid(*pair) != typeid(LAMMPS_NS::PairSNAP)) return false;
  using internals::SnapMembers;
  auto *style = static_cast<LAMMPS_NS::PairSNAP *>(pair);
  double **bispectrum = SnapMembers::bispectrum_of_list(lmp->memory, style);
  const LAMMPS_NS::NeighList *list = style->list;
  const int *type = lmp->atom->type;
  const int ncoeff = style->ncoeff;
  energy = 0.0;
  for (int ii = 0; ii < list->inum; ++ii) {
    const int itype = type[list->ilist[ii]];
    const double *coefficient = SnapMembers::coefficients(style, itype);
    const double *b = bispectrum[ii];
    double e = coefficient[0];
    for (int k = 0; k < ncoeff; ++k) e += coefficient[k + 1] * b[k];
    if (style->quadraticflag) {
      int c = ncoeff + 1;
      for (int k = 0; k < ncoeff; ++k) {
        e += 0.5 * coefficient[c++] * b[k] * b[k];
        for (int l = k + 1; l < ncoeff; ++l) e += coefficient[c++] * b[k] * b[l];
      }
    }
    energy += e * SnapMembers::energy_scale(style, itype);
  }
  return true;
#else
  (void)lmp;
  (void)pair;
  (void)energy;
  return false;
#endif
}

}  // namespace snap
}  // namespace exsolve
