#include "meam_on_host.h"

#include "meam_access.h"

#include "atom.h"
#include "force.h"
#include "pair_meam.h"

using namespace LAMMPS_NS;

namespace exsolve {

// A host MEAM with the model of `model`: its parameters copied, its pair tables (phir, ...)
// those of `model` (read only by the compute), its work arrays its own: whatever `model`
// holds there (MEAMKokkos keeps its arrays as Kokkos views and these pointers null), the
// copy starts without any, so that MEAM::meam_dens_setup makes host arrays at the first
// compute and ~MEAM frees only those.
class HostMeam : public MEAM {
 public:
  explicit HostMeam(const MEAM &model) : MEAM(model)
  {
    copymode = 0;
    nmax = 0;
    rho = rho0 = rho1 = rho2 = rho3 = frhop = nullptr;
    gamma = dgamma1 = dgamma2 = dgamma3 = arho2b = nullptr;
    arho1 = arho2 = arho3 = arho3b = t_ave = tsq_ave = nullptr;
    arho2mb = nullptr;
    arho1m = arho2m = arho3m = arho3mb = nullptr;
    maxneigh = 0;
    scrfcn = dscrfcn = fcpair = nullptr;
  }
  ~HostMeam() override
  {
    // The tables are the model's to free.
    phir = phirar = phirar1 = phirar2 = phirar3 = phirar4 = phirar5 = phirar6 = nullptr;
  }
  HostMeam(const HostMeam &) = delete;
  HostMeam &operator=(const HostMeam &) = delete;
};

namespace {

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

MeamOnHost::MeamOnHost(LAMMPS *lmp, Pair *pair) : Pointers(lmp), pair_(dynamic_cast<PairMEAM *>(pair)) {}

MeamOnHost::~MeamOnHost() = default;

void MeamOnHost::start_invocation()
{
  host_.reset();
}

void MeamOnHost::compute(int eflag)
{
  if (!host_) host_ = std::make_unique<HostMeam>(*meam_instance(*pair_));
  constexpr int NO_VIRIAL = 0;
  ModelSwap swap(*pair_, host_.get());
  // MEAM sizes its work arrays by atom->nmax, which the cluster leaves at the rank's
  // (ManyBodyCluster): here the cluster's size is enough.
  const int rank_nmax = atom->nmax;
  atom->nmax = atom->nlocal + atom->nghost;
  pair_->PairMEAM::compute(eflag & ENERGY_GLOBAL, NO_VIRIAL);  // qualified: not the /kk override
  atom->nmax = rank_nmax;
}

}  // namespace exsolve
