// Every LAMMPS call exsolve makes whose API differs between the releases it supports
// (29 Sep 2021, 4 Feb 2025, 4 Jul 2026; docs/building.md has the tested matrix). Supporting a
// new release means adding its branch here and nowhere else: no style calls a
// version-dependent LAMMPS API directly.
//
// No LAMMPS release has a numeric version macro, so CMake reads src/version.h and defines
// EXSOLVE_LAMMPS_VERSION_NUMBER (YYYYMMDD). Differences with a date (LAMMPS
// doc/src/Developer_updating.rst and the sources of the three releases):
// - 24 Mar 2022: NeighRequest fields became protected; Neighbor::add_request() with
//   NeighConst::REQ_* flags and setters replaced the field assignments.
//   Comm::forward_comm(Fix *) / reverse_comm(Fix *) replaced forward_comm_fix / reverse_comm_fix.
// - 22 Jul 2024 (first in stable 29 Aug 2024): Neighbor::build_one() lost its preflag.
// - 4 Jul 2026 with Kokkos: NeighborKokkos no longer marks occasional lists out of date when it
//   reneighbors (OccasionalListBuilds).
// - 12 Jun 2025: Domain::minimum_image() takes FLERR first.
// - 22 Jul 2025: Error::message() removed: exsolve writes information with utils::logmesg()
//   (present in every supported release) and needs no branch.
// Differences that Developer_updating.rst does not date are selected by whether the member
// exists (detected at compile time below), so that any release in between gets the right one:
// - Domain::get_region_by_id() instead of find_region() and regions[];
// - Modify::get_fix_by_id() / get_compute_by_id() instead of find_fix() + fix[];
// - Modify::get_fix_list() instead of nfix + fix[];
// - Modify::n_post_force_any (n_post_force became protected).
// Protected members read through pointers to members (which a derived class may form), the
// same in every release: NeighRequest's full (public before 24 Mar 2022),
// CommBrick's nswap (CommTiled's is private).
#pragma once

#include "atom.h"
#include "atom_vec.h"
#include "comm.h"
#include "comm_brick.h"
#include "compute.h"
#include "domain.h"
#include "fix.h"
#include "force.h"
#include "kspace.h"
#include "lammps.h"
#include "modify.h"
#include "neigh_list.h"
#include "neigh_request.h"
#include "neighbor.h"
#include "pair.h"
#include "region.h"
#include "version.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#ifndef EXSOLVE_LAMMPS_VERSION_NUMBER
#error "EXSOLVE_LAMMPS_VERSION_NUMBER must be defined by the build (cmake/LAMMPSTree.cmake)"
#endif
#define EXSOLVE_LAMMPS_ADD_REQUEST (EXSOLVE_LAMMPS_VERSION_NUMBER >= 20220324)
#define EXSOLVE_LAMMPS_BUILD_ONE_PREFLAG (EXSOLVE_LAMMPS_VERSION_NUMBER < 20240722)
#define EXSOLVE_LAMMPS_COMM_BY_POINTER (EXSOLVE_LAMMPS_VERSION_NUMBER >= 20220324)
#define EXSOLVE_LAMMPS_MINIMUM_IMAGE_FLERR (EXSOLVE_LAMMPS_VERSION_NUMBER >= 20250612)

namespace exsolve {
namespace compat {

namespace detail {
// std::void_t is C++17; the plugin is C++14 where LAMMPS 29 Sep 2021 is.
template <class...>
struct make_void {
  using type = void;
};
template <class... T>
using void_t = typename make_void<T...>::type;

// Member detection: true_type where the (accessible) member exists in this LAMMPS.
template <class D, class = void>
struct has_get_region_by_id : std::false_type {
};
template <class D>
struct has_get_region_by_id<D, void_t<decltype(std::declval<const D &>().get_region_by_id(std::string()))>>
    : std::true_type {
};
template <class M, class = void>
struct has_get_fix_by_id : std::false_type {
};
template <class M>
struct has_get_fix_by_id<M, void_t<decltype(std::declval<const M &>().get_fix_by_id(std::string())),
                                   decltype(std::declval<const M &>().get_compute_by_id(std::string()))>>
    : std::true_type {
};
template <class M, class = void>
struct has_get_fix_list : std::false_type {
};
template <class M>
struct has_get_fix_list<M, void_t<decltype(std::declval<const M &>().get_fix_list())>> : std::true_type {
};
template <class M, class = void>
struct has_post_force_any : std::false_type {
};
template <class M>
struct has_post_force_any<M, void_t<decltype(std::declval<const M &>().n_post_force_any)>> : std::true_type {
};

// Each pair: the newer API (true_type) and the older one (false_type). Templates, so that
// only the chosen body is compiled against this release's headers.
template <class D>
LAMMPS_NS::Region *region_by_id(D *domain, const std::string &id, std::true_type)
{
  return domain->get_region_by_id(id);
}
template <class D>
LAMMPS_NS::Region *region_by_id(D *domain, const std::string &id, std::false_type)
{
  const int index = domain->find_region(id);
  return index < 0 ? nullptr : domain->regions[index];
}
template <class M>
LAMMPS_NS::Fix *fix_by_id(M *modify, const std::string &id, std::true_type)
{
  return modify->get_fix_by_id(id);
}
template <class M>
LAMMPS_NS::Fix *fix_by_id(M *modify, const std::string &id, std::false_type)
{
  const int index = modify->find_fix(id);
  return index < 0 ? nullptr : modify->fix[index];
}
template <class M>
LAMMPS_NS::Compute *compute_by_id(M *modify, const std::string &id, std::true_type)
{
  return modify->get_compute_by_id(id);
}
template <class M>
LAMMPS_NS::Compute *compute_by_id(M *modify, const std::string &id, std::false_type)
{
  const int index = modify->find_compute(id);
  return index < 0 ? nullptr : modify->compute[index];
}
template <class M>
std::vector<LAMMPS_NS::Fix *> fixes(M *modify, std::true_type)
{
  return modify->get_fix_list();
}
template <class M>
std::vector<LAMMPS_NS::Fix *> fixes(M *modify, std::false_type)
{
  return std::vector<LAMMPS_NS::Fix *>(modify->fix, modify->fix + modify->nfix);
}
template <class M>
bool any_post_force(const M *modify, std::true_type)
{
  return modify->n_post_force_any > 0;
}
template <class M>
bool any_post_force(const M *modify, std::false_type)
{
  return modify->n_post_force > 0;
}
}  // namespace detail

// Requests an occasional full neighbor list for `requestor` (a Compute or Fix; pass its
// protected instance_me) whose cutoff is `list_cutoff` (the interaction cutoff plus the
// neighbor skin, as LAMMPS's own computes with a cutoff keyword do).
template <class Requestor>
inline void request_occasional_full_list(LAMMPS_NS::Neighbor *neighbor, Requestor *requestor, int instance_me,
                                         double list_cutoff)
{
#if EXSOLVE_LAMMPS_ADD_REQUEST
  (void)instance_me;
  auto request =
      neighbor->add_request(requestor, LAMMPS_NS::NeighConst::REQ_FULL | LAMMPS_NS::NeighConst::REQ_OCCASIONAL);
  request->set_cutoff(list_cutoff);
#else
  const int irequest = neighbor->request(requestor, instance_me);
  LAMMPS_NS::NeighRequest *request = neighbor->requests[irequest];
  request->pair = 0;
  request->half = 0;
  request->full = 1;
  request->occasional = 1;
  request->cut = 1;
  request->cutoff = list_cutoff;
  if (std::is_base_of<LAMMPS_NS::Fix, Requestor>::value) {
    request->fix = 1;
  } else {
    request->compute = 1;
  }
#endif
}

// Marks the most recent neighbor request as a Kokkos list living in the execution space
// of DeviceType; call right after request_occasional_full_list. HostType and DeviceSpace
// are LAMMPS's LMPHostType and LMPDeviceType (passed in, so that this header compiles
// without Kokkos).
template <class DeviceType, class HostType, class DeviceSpace, class Requestor>
inline void mark_last_request_kokkos(LAMMPS_NS::Neighbor *neighbor, Requestor *requestor)
{
  const bool on_device = std::is_same<DeviceType, DeviceSpace>::value;
  const bool on_host = std::is_same<DeviceType, HostType>::value && !on_device;
#if EXSOLVE_LAMMPS_ADD_REQUEST
  auto request = neighbor->find_request(requestor);
  request->set_kokkos_host(on_host);
  request->set_kokkos_device(on_device);
#else
  (void)requestor;
  LAMMPS_NS::NeighRequest *request = neighbor->requests[neighbor->nrequest - 1];
  request->kokkos_host = on_host ? 1 : 0;
  request->kokkos_device = on_device ? 1 : 0;
#endif
}

// Distance up to which ghost atoms are present, as Neighbor and Comm will set it up at
// the next run (a style's init() runs before theirs, so it is computed from the inputs).
inline double ghost_cutoff(LAMMPS_NS::LAMMPS *lmp)
{
  const double pair_part = lmp->force->pair ? lmp->force->pair->cutforce + lmp->neighbor->skin : 0.0;
  return std::max(pair_part, lmp->comm->cutghostuser);
}

// Keeps an occasional neighbor list up to date with the current atom positions.
// Neighbor::build_one() skips the build when the list was built on or after the step of the
// last reneighboring. That is wrong when atoms were moved between runs (displace_atoms,
// read_dump, create/delete_atoms, set): the new run reneighbors on that same step, and the
// list would keep pointing at the old atom indices. Host LAMMPS marks every occasional list
// out of date when it reneighbors; NeighborKokkos does not on 4 Jul 2026. So the owner
// remembers Neighbor::ncalls (reneighborings counted by both builds since init(), which every
// run calls) at the list's last build, and the list is built whenever that count changed,
// also on the step of the last reneighboring: with build_one()'s force flag before 22 Jul
// 2024, after it (no flag) by presenting build_one() a last reneighboring after this step
// for the call. reset() belongs in the owner's init().
class OccasionalListBuilds {
 public:
  void reset() { ncalls_at_build_ = -1; }

  void build(LAMMPS_NS::Neighbor *neighbor, LAMMPS_NS::NeighList *list, LAMMPS_NS::bigint ntimestep)
  {
    const bool reneighbored = neighbor->ncalls != ncalls_at_build_;
    ncalls_at_build_ = neighbor->ncalls;
#if EXSOLVE_LAMMPS_BUILD_ONE_PREFLAG
    (void)ntimestep;
    neighbor->build_one(list, reneighbored ? 1 : 0);
#else
    if (!reneighbored) {
      neighbor->build_one(list);
      return;
    }
    struct RestoreLastCall {
      LAMMPS_NS::Neighbor *neighbor;
      LAMMPS_NS::bigint lastcall;
      ~RestoreLastCall() { neighbor->lastcall = lastcall; }
    } restore{neighbor, neighbor->lastcall};
    neighbor->lastcall = ntimestep + 1;
    neighbor->build_one(list);
#endif
  }

 private:
  LAMMPS_NS::bigint ncalls_at_build_ = -1;
};

// The most values one atom's pack_exchange() writes: the atom style's declared share, plus
// the slack LAMMPS's own exchange buffers keep for the atom style's fields (Comm's BUFEXTRA,
// 1000), which every release needs: AtomVec declares no size of its own before 2022.
inline int atom_style_exchange_size(LAMMPS_NS::Atom *atom)
{
  return atom->avec->maxexchange + 1024;
}

// Fix, compute or region by ID, nullptr when there is none.
inline LAMMPS_NS::Fix *find_fix(LAMMPS_NS::Modify *modify, const std::string &id)
{
  return detail::fix_by_id(modify, id, detail::has_get_fix_by_id<LAMMPS_NS::Modify>{});
}

// Every fix, in the order they were defined.
inline std::vector<LAMMPS_NS::Fix *> fixes(LAMMPS_NS::Modify *modify)
{
  return detail::fixes(modify, detail::has_get_fix_list<LAMMPS_NS::Modify>{});
}

inline LAMMPS_NS::Compute *find_compute(LAMMPS_NS::Modify *modify, const std::string &id)
{
  return detail::compute_by_id(modify, id, detail::has_get_fix_by_id<LAMMPS_NS::Modify>{});
}

// Every compute, in the order they were defined (ncompute and compute[] in every supported
// release; get_compute_list() only from 2023).
inline std::vector<LAMMPS_NS::Compute *> computes(LAMMPS_NS::Modify *modify)
{
  return {modify->compute, modify->compute + modify->ncompute};
}

inline LAMMPS_NS::Region *region_by_id(LAMMPS_NS::Domain *domain, const std::string &id)
{
  return detail::region_by_id(domain, id, detail::has_get_region_by_id<LAMMPS_NS::Domain>{});
}

// Forward (owned -> ghost) and reverse (ghost -> owner) communication of a fix's per-atom
// buffers (its pack/unpack_forward_comm and pack/unpack_reverse_comm).
inline void forward_comm(LAMMPS_NS::Comm *comm, LAMMPS_NS::Fix *fix)
{
#if EXSOLVE_LAMMPS_COMM_BY_POINTER
  comm->forward_comm(fix);
#else
  comm->forward_comm_fix(fix);
#endif
}

inline void reverse_comm(LAMMPS_NS::Comm *comm, LAMMPS_NS::Fix *fix)
{
#if EXSOLVE_LAMMPS_COMM_BY_POINTER
  comm->reverse_comm(fix);
#else
  comm->reverse_comm_fix(fix);
#endif
}

// Domain::minimum_image on a displacement; file and line (pass FLERR) name the caller in
// the error LAMMPS raises for a displacement too large to fold, where the release can.
inline void minimum_image(LAMMPS_NS::Domain *domain, const char *file, int line, double *delta)
{
#if EXSOLVE_LAMMPS_MINIMUM_IMAGE_FLERR
  domain->minimum_image(file, line, delta);
#else
  (void)file;
  (void)line;
  domain->minimum_image(delta);
#endif
}

// The energy and forces of the current configuration as fix gcmc's energy_full() of each
// release evaluates them: atoms into the box and onto their ranks, ghosts and neighbor lists
// rebuilt, forces zeroed, the pre_force fixes (charge equilibration), pair and kspace with
// the global energy, the post_force fixes (whose counter became protected:
// detail::any_post_force). The potential energy compute reads the result.
inline void evaluate_energy(LAMMPS_NS::LAMMPS *lmp)
{
  LAMMPS_NS::Atom *atom = lmp->atom;
  LAMMPS_NS::Modify *modify = lmp->modify;
  lmp->domain->pbc();
  lmp->comm->exchange();
  atom->nghost = 0;
  lmp->comm->borders();
  if (modify->n_pre_neighbor) modify->pre_neighbor();
  lmp->neighbor->build(1);
  const int eflag = 1, vflag = 0;
  const size_t nbytes = sizeof(double) * (atom->nlocal + atom->nghost);
  if (nbytes) std::memset(&atom->f[0][0], 0, 3 * nbytes);
  if (modify->n_pre_force) modify->pre_force(vflag);
  if (lmp->force->pair) lmp->force->pair->compute(eflag, vflag);
  if (lmp->force->kspace) lmp->force->kspace->compute(eflag, vflag);
  if (detail::any_post_force(modify, detail::has_post_force_any<LAMMPS_NS::Modify>{})) modify->post_force(vflag);
}

namespace detail {
struct RequestMembers : LAMMPS_NS::NeighRequest {
  static bool is_full(const LAMMPS_NS::NeighRequest *r) { return (r->*(&RequestMembers::full)) != 0; }
};
struct BrickSwaps : LAMMPS_NS::CommBrick {
  static int &count(LAMMPS_NS::CommBrick *comm) { return comm->*(&BrickSwaps::nswap); }
};
}  // namespace detail

// A neighbor list a pair style asked for: the id it gave (Pair::init_list's first
// argument), whether it is a full list, and the list Neighbor handed it for this run.
struct PairListRequest {
  int id;
  bool full;
  LAMMPS_NS::NeighList *list;
};
// Every list `style` requested, valid after Neighbor::init (the start of a run). A list
// knows its requestor and id; whether it is full is in the request, of which Neighbor keeps
// a copy made before its own changes (old_requests, in the order of the lists; the lists
// it adds for itself come after them).
inline std::vector<PairListRequest> pair_list_requests(LAMMPS_NS::Neighbor *neighbor, const LAMMPS_NS::Pair *style)
{
  std::vector<PairListRequest> found;
  const int n = std::min(neighbor->nlist, neighbor->old_nrequest);
  for (int i = 0; i < n; ++i) {
    LAMMPS_NS::NeighList *list = neighbor->lists[i];
    if (list->requestor != static_cast<const void *>(style)) continue;
    found.push_back({list->id, detail::RequestMembers::is_full(neighbor->old_requests[i]), list});
  }
  return found;
}

// While it lives, the forward and reverse communications of every style do nothing (no
// swap with another rank, no copy into ghost slots): for a pair style evaluated on atoms
// that are all local to this rank and have no ghosts (ManyBodyCluster). Restores the swap
// count when it goes out of scope, also when the evaluation throws. comm_style brick only
// (CommKokkos is one); active() is false for comm_style tiled.
class CommSwapsOff {
 public:
  explicit CommSwapsOff(LAMMPS_NS::Comm *comm)
  {
    if (auto *brick = dynamic_cast<LAMMPS_NS::CommBrick *>(comm)) swaps_ = &detail::BrickSwaps::count(brick);
    if (swaps_) {
      saved_ = *swaps_;
      *swaps_ = 0;
    }
  }
  ~CommSwapsOff()
  {
    if (swaps_) *swaps_ = saved_;
  }
  CommSwapsOff(const CommSwapsOff &) = delete;
  CommSwapsOff &operator=(const CommSwapsOff &) = delete;
  // false for comm_style tiled (no swap count to set to zero)
  bool active() const { return swaps_ != nullptr; }

 private:
  int *swaps_ = nullptr;
  int saved_ = 0;
};

}  // namespace compat
}  // namespace exsolve
