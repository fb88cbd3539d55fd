#include "snap_energy.h"

#include "lammps_internals.h"

#include "neigh_list.h"

#include <typeinfo>

namespace exsolve {

#ifdef EXSOLVE_WITH_ML_SNAP

bool SnapEnergy::applies(LAMMPS_NS::Pair *pair)
{
  return dynamic_cast<LAMMPS_NS::PairSNAP *>(pair) != nullptr;
}

std::shared_ptr<SnapEnergy> SnapEnergy::of(LAMMPS_NS::Pair *pair)
{
  if (!applies(pair)) return nullptr;
  auto *style = static_cast<LAMMPS_NS::PairSNAP *>(pair);
  // The Kokkos variants read the coefficients into the host style (PairSNAP::coeff) but
  // make their own bispectrum tables on the device: the host ones are made here.
  if (typeid(*pair) != typeid(LAMMPS_NS::PairSNAP)) internals::SnapMembers::make_host_tables(style);
  return std::shared_ptr<SnapEnergy>(new SnapEnergy(pair));
}

double SnapEnergy::energy_of_list(const int *type)
{
  using internals::SnapMembers;
  auto *style = static_cast<LAMMPS_NS::PairSNAP *>(pair_);
  const LAMMPS_NS::NeighList *list = style->list;
  const int ncoeff = style->ncoeff;
  values_.resize(static_cast<std::size_t>(list->inum) * ncoeff);
  rows_.resize(list->inum);
  for (int ii = 0; ii < list->inum; ++ii) rows_[ii] = values_.data() + static_cast<std::size_t>(ii) * ncoeff;
  SnapMembers::bispectrum_of_list(style, rows_.data());
  double energy = 0.0;
  for (int ii = 0; ii < list->inum; ++ii) {
    const int itype = type[list->ilist[ii]];
    const double *coefficient = SnapMembers::coefficients(style, itype);
    const double *b = rows_[ii];
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
  return energy;
}

#else

bool SnapEnergy::applies(LAMMPS_NS::Pair *)
{
  return false;
}

std::shared_ptr<SnapEnergy> SnapEnergy::of(LAMMPS_NS::Pair *)
{
  return nullptr;
}

// Never called: of() makes no SnapEnergy in such a build.
double SnapEnergy::energy_of_list(const int *)
{
  return 0.0;
}

#endif

}  // namespace exsolve
