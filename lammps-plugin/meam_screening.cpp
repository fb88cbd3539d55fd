#include "meam_screening.h"

#include "meam.h"
#include "pair_meam.h"

#include <algorithm>
#include <cmath>

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// PairMEAM::meam_inst and MEAM::ebound_meam are private in LAMMPS 29 Sep 2021 and protected
// later, so a derived class cannot name them in every release. Access is not checked on the
// arguments of an explicit instantiation ([temp.spec]): Expose's instantiation below hands the
// member pointers to a friend function, the same in every release.
#ifdef maxelt
constexpr int MEAM_ELEMENTS = maxelt;  // 29 Sep 2021: a macro
#else
constexpr int MEAM_ELEMENTS = MAXELT;
#endif

struct MeamInstance {
  using type = MEAM *PairMEAM::*;
  friend type member_pointer(MeamInstance);
};
struct MeamEbound {
  using type = double (MEAM::*)[MEAM_ELEMENTS][MEAM_ELEMENTS];
  friend type member_pointer(MeamEbound);
};
template <class Tag, typename Tag::type Member>
struct Expose {
  friend typename Tag::type member_pointer(Tag) { return Member; }
};
template struct Expose<MeamInstance, &PairMEAM::meam_inst>;
template struct Expose<MeamEbound, &MEAM::ebound_meam>;

}  // namespace

double meam_screening_reach_factor(Pair *meam)
{
  const MEAM *instance = static_cast<PairMEAM *>(meam)->*member_pointer(MeamInstance());
  const auto &ebound = instance->*member_pointer(MeamEbound());
  // Every entry: those of element pairs the model lacks keep the default (Cmax 2.8) or 0, so
  // the largest is at least the model's own.
  double largest = 0.0;
  for (int i = 0; i < MEAM_ELEMENTS; ++i)
    for (int j = 0; j < MEAM_ELEMENTS; ++j) largest = std::max(largest, ebound[i][j]);
  return std::sqrt(std::max(largest, 1.0));
}

}  // namespace exsolve
