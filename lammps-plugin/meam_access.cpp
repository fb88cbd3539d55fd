#include "meam_access.h"

#include "pair_meam.h"

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// Access is not checked on the arguments of an explicit instantiation ([temp.spec]): Expose's
// instantiations below hand the member pointers to friend functions, the same in every
// release.
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

MEAM *&meam_instance(PairMEAM &pair)
{
  return pair.*member_pointer(MeamInstance());
}

const double (&meam_ebound(const MEAM &meam))[MEAM_ELEMENTS][MEAM_ELEMENTS]
{
  return meam.*member_pointer(MeamEbound());
}

}  // namespace exsolve
