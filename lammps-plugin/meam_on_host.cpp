#include "meam_on_host.h"

#include "meam_access.h"

#include "error.h"
#include "force.h"
#include "pair_meam.h"

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// A host MEAM with the model of `model`: its parameters copied, its pair tables (phir, ...)
// those of `model` (read only by the compute), its work arrays its own. MEAMKokkos leaves the
// base MEAM's work-array pointers null (its arrays are Kokkos views) and sizes its views by
// the base's nmax and maxneigh: at 0 here, MEAM::meam_dens_setup makes host arrays at the
// first compute, and ~MEAM frees them.
class HostMeam : public MEAM {
 public:
  explicit HostMeam(const MEAM &model) : MEAM(model)
  {
    nmax = 0;
    maxneigh = 0;
  }
  ~HostMeam() override
  {
    // The tables are the model's to free.
    phir = phirar = phirar1 = phirar2 = phirar3 = phirar4 = phirar5 = phirar6 = nullptr;
  }
  HostMeam(const HostMeam &) = delete;
  HostMeam &operator=(const HostMeam &) = delete;
};

// While it lives, the style's model is the host copy; the Kokkos one comes back when it goes
// out of scope, also when compute() throws.
class ModelSwap {
 public:
  ModelSwap(PairMEAM &pair, MEAM *host) : model_(meam_instance(pair)), kokkos_(model_) { model_ = host; }
  ~ModelSwap() { model_ = kokkos_; }
  ModelSwap(const ModelSwap &) = delete;
  ModelSwap &operator=(const ModelSwap &) = delete;

 private:
  MEAM *&model_;
  MEAM *kokkos_;
};

}  // namespace

bool MeamOnHost::applies(Pair *pair)
{
  return pair->kokkosable && dynamic_cast<PairMEAM *>(pair);
}

MeamOnHost::MeamOnHost(LAMMPS *lmp, Pair *pair) : Pointers(lmp), pair_(dynamic_cast<PairMEAM *>(pair))
{
  const MEAM &model = *meam_instance(*pair_);
  // The copy takes over the model's pointers: work arrays of the model's own would be freed twice.
  if (model.rho0 || model.arho1 || model.scrfcn)
    error->all(FLERR,
               "exsolve local energies: the model of pair style {} holds host work arrays, which this "
               "plugin expects only of the host meam (meam_on_host.h): not supported for local energies",
               force->pair_style);
  host_ = std::make_unique<HostMeam>(model);
}

MeamOnHost::~MeamOnHost() = default;

void MeamOnHost::compute(int eflag)
{
  constexpr int NO_VIRIAL = 0;
  ModelSwap swap(*pair_, host_.get());
  pair_->PairMEAM::compute(eflag, NO_VIRIAL);  // qualified: not the /kk override
}

}  // namespace exsolve
