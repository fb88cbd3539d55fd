// Registration of the exsolve styles with LAMMPS (`plugin load exsolveplugin.so`).
// Nothing but registration lives here.
#include "lammpsplugin.h"

#include "compute_interface_bonds.h"
#include "compute_particle_chemical_potential.h"
#include "fix_exchange_cations.h"
#include "fix_nanoparticle_track.h"
#include "fix_particle_samples.h"
#include "fix_reduce_oxygen.h"
#include "fix_vacancy_hop.h"
#include "exsolve_version.h"

#include "error.h"
#include "group.h"
#include "lammps.h"
#include "version.h"

#include <cstring>
#include <string>
#include <deque>

#ifdef EXSOLVE_WITH_KOKKOS
#include "kokkos/compute_interface_bonds_kokkos.h"
#include "kokkos/fix_nanoparticle_track_kokkos.h"
#include "kokkos/fix_reduce_oxygen_kokkos.h"
#include "kokkos/kokkos_runtime_check.h"
#endif

using namespace LAMMPS_NS;

namespace {

const char *const AUTHOR = "the exsolve developers";

// LAMMPS's Compute base class stops at an unknown group with "Could not find compute group
// ID", which before 4 Jul 2026 does not say which: check it before it runs, and name it.
// (For fixes, Modify::add_fix checks the group before any style code runs; from 4 Feb 2025
// on its message names the group.)
template <class Style>
Compute *create_compute(LAMMPS *lmp, int narg, char **arg)
{
  if (narg >= 3 && lmp->group->find(arg[1]) < 0)
    lmp->error->all(FLERR, "compute {} {}: group '{}' does not exist", arg[0], arg[2], arg[1]);
  return new Style(lmp, narg, arg);
}

template <class Style>
Fix *create_fix(LAMMPS *lmp, int narg, char **arg)
{
  return new Style(lmp, narg, arg);
}

// style: "compute" or "fix" (both are created with the (lmp, narg, arg) factory).
void register_style(lammpsplugin_regfunc register_plugin, void *lmp, void *handle, const char *style, const char *name,
                    lammpsplugin_factory2 *creator)
{
  lammpsplugin_t plugin;
  plugin.version = LAMMPS_VERSION;
  plugin.style = style;
  plugin.name = name;
  plugin.info = EXSOLVE_PLUGIN_INFO;
  plugin.author = AUTHOR;
  plugin.creator.v2 = creator;
  plugin.handle = handle;
  (*register_plugin)(&plugin, lmp);
}

#ifdef EXSOLVE_WITH_KOKKOS
// Kokkos styles in a plugin must be registered by hand under all three suffixed names.
void register_kokkos_styles(lammpsplugin_regfunc register_plugin, void *lmp, void *handle, const char *style,
                            const std::string &name, lammpsplugin_factory2 *device, lammpsplugin_factory2 *host)
{
  // The plugin API keeps the name pointers: a deque never moves its strings.
  static std::deque<std::string> names;
  for (const char *suffix : {"/kk", "/kk/device", "/kk/host"}) names.push_back(name + suffix);
  const std::size_t n = names.size();
  register_style(register_plugin, lmp, handle, style, names[n - 3].c_str(), device);
  register_style(register_plugin, lmp, handle, style, names[n - 2].c_str(), device);
  register_style(register_plugin, lmp, handle, style, names[n - 1].c_str(), host);
}
#endif

}  // namespace

extern "C" void lammpsplugin_init(void *lmp_pointer, void *handle, void *regfunc)
{
  auto *lmp = static_cast<LAMMPS *>(lmp_pointer);
  // A plugin built against other LAMMPS headers would corrupt memory in subtle ways:
  // refuse to load instead of failing later.
  if (std::strcmp(lmp->version, LAMMPS_VERSION) != 0)
    lmp->error->all(FLERR,
                    "exsolve plugin {} was built for LAMMPS '{}' but is loaded into LAMMPS '{}'; "
                    "rebuild exsolve against this LAMMPS (cmake -DLAMMPS_SOURCE_DIR=... -DLAMMPS_BUILD_DIR=...)",
                    EXSOLVE_VERSION_STRING, LAMMPS_VERSION, lmp->version);
#ifdef EXSOLVE_WITH_KOKKOS
  exsolve::refuse_other_kokkos(lmp);
#endif

  auto register_plugin = reinterpret_cast<lammpsplugin_regfunc>(regfunc);
  register_style(register_plugin, lmp, handle, "compute", "interface/bonds",
                 reinterpret_cast<lammpsplugin_factory2 *>(&create_compute<ComputeInterfaceBonds>));
  register_style(register_plugin, lmp, handle, "compute", "particle/chemical_potential",
                 reinterpret_cast<lammpsplugin_factory2 *>(&create_compute<ComputeParticleChemicalPotential>));
  register_style(register_plugin, lmp, handle, "fix", "exchange/cations",
                 reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixExchangeCations>));
  register_style(register_plugin, lmp, handle, "fix", "nanoparticle/track",
                 reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixNanoparticleTrack>));
  register_style(register_plugin, lmp, handle, "fix", FixParticleSamples::STYLE,
                 reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixParticleSamples>));
  register_style(register_plugin, lmp, handle, "fix", "reduce/oxygen",
                 reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixReduceOxygen>));
  register_style(register_plugin, lmp, handle, "fix", "vacancy/hop",
                 reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixVacancyHop>));
#ifdef EXSOLVE_WITH_KOKKOS
  register_kokkos_styles(
      register_plugin, lmp, handle, "compute", "interface/bonds",
      reinterpret_cast<lammpsplugin_factory2 *>(&create_compute<ComputeInterfaceBondsKokkos<LMPDeviceType>>),
      reinterpret_cast<lammpsplugin_factory2 *>(&create_compute<ComputeInterfaceBondsKokkos<LMPHostType>>));
  register_kokkos_styles(
      register_plugin, lmp, handle, "fix", "nanoparticle/track",
      reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixNanoparticleTrackKokkos<LMPDeviceType>>),
      reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixNanoparticleTrackKokkos<LMPHostType>>));
  register_kokkos_styles(register_plugin, lmp, handle, "fix", "reduce/oxygen",
                         reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixReduceOxygenKokkos<LMPDeviceType>>),
                         reinterpret_cast<lammpsplugin_factory2 *>(&create_fix<FixReduceOxygenKokkos<LMPHostType>>));
#endif
}
