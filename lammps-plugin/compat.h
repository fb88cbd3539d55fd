// Every LAMMPS call exsolve makes whose API differs between LAMMPS 29 Sep 2021 (the
// version exsolve is built and tested against) and later releases. Supporting a new
// release means adding its branch here and nowhere else.
//
// No LAMMPS release has a numeric version macro, so CMake reads src/version.h and defines
// EXSOLVE_LAMMPS_VERSION_NUMBER (YYYYMMDD). Known differences, checked in the sources:
// - 24 Mar 2022: NeighRequest fields became protected; Neighbor::add_request() with
//   NeighConst::REQ_* flags and setters replaced the field assignments.
// - 22 Jul 2024 (first in stable 29 Aug 2024): Neighbor::build_one() lost its preflag.
#pragma once

#include "comm.h"
#include "compute.h"
#include "fix.h"
#include "force.h"
#include "lammps.h"
#include "modify.h"
#include "neigh_list.h"
#include "neigh_request.h"
#include "neighbor.h"
#include "pair.h"
#include "version.h"

#include <algorithm>
#include <string>
#include <type_traits>

#ifndef EXSOLVE_LAMMPS_VERSION_NUMBER
#error "EXSOLVE_LAMMPS_VERSION_NUMBER must be defined by the build (cmake/LAMMPSTree.cmake)"
#endif
#define EXSOLVE_LAMMPS_ADD_REQUEST (EXSOLVE_LAMMPS_VERSION_NUMBER >= 20220324)
#define EXSOLVE_LAMMPS_BUILD_ONE_PREFLAG (EXSOLVE_LAMMPS_VERSION_NUMBER < 20240722)

namespace exsolve {
namespace compat {

// Requests an occasional full neighbor list for `requestor` (a Compute or Fix; pass its
// protected instance_me) whose cutoff is `list_cutoff` (the interaction cutoff plus the
// neighbor skin, as LAMMPS's own computes with a cutoff keyword do).
template <class Requestor>
inline void request_occasional_full_list(LAMMPS_NS::Neighbor *neighbor, Requestor *requestor,
                                         int instance_me, double list_cutoff)
{
#if EXSOLVE_LAMMPS_ADD_REQUEST
  (void) instance_me;
  auto request = neighbor->add_request(requestor, LAMMPS_NS::NeighConst::REQ_FULL |
                                                      LAMMPS_NS::NeighConst::REQ_OCCASIONAL);
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
  (void) requestor;
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

// Brings an occasional list up to date with the current atom positions.
// Neighbor::build_one() alone skips the build when the list was built on the step of the
// last reneighboring. When atoms were moved between runs (displace_atoms, read_dump,
// create/delete_atoms, set) the new run reneighbors on that same step, and the list would
// keep pointing at the old atom indices. Callers pass force_build = true for their first
// build after init() (which LAMMPS calls at the start of every run); later builds in a run
// follow the normal rule. LAMMPS releases from 22 Jul 2024 on have no way to force the
// build: there, build_one() is all that can be done.
inline void build_occasional_list(LAMMPS_NS::Neighbor *neighbor, LAMMPS_NS::NeighList *list,
                                  bool force_build)
{
#if EXSOLVE_LAMMPS_BUILD_ONE_PREFLAG
  neighbor->build_one(list, force_build ? 1 : 0);
#else
  (void) force_build;
  neighbor->build_one(list);
#endif
}

// Fix or compute by ID, nullptr when there is none (newer LAMMPS: Modify::get_fix_by_id).
inline LAMMPS_NS::Fix *find_fix(LAMMPS_NS::Modify *modify, const std::string &id)
{
  const int index = modify->find_fix(id);
  return index < 0 ? nullptr : modify->fix[index];
}

inline LAMMPS_NS::Compute *find_compute(LAMMPS_NS::Modify *modify, const std::string &id)
{
  const int index = modify->find_compute(id);
  return index < 0 ? nullptr : modify->compute[index];
}

}  // namespace compat
}  // namespace exsolve
