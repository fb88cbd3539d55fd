#include "kokkos_runtime_check.h"

#include "kokkos_configuration.h"

#include "error.h"
#include "lammps.h"

#include <Kokkos_Core.hpp>

#include <sstream>
#include <string>

namespace exsolve {

namespace {
// The Kokkos this file is compiled against (the plugin's), from its configuration macros.
KokkosConfiguration compiled_configuration()
{
  KokkosConfiguration configuration;
  configuration.version = std::to_string(KOKKOS_VERSION / 10000) + "." + std::to_string(KOKKOS_VERSION % 10000 / 100) +
                          "." + std::to_string(KOKKOS_VERSION % 100);
#ifdef KOKKOS_ENABLE_CUDA
  configuration.backends.insert("CUDA");
#endif
#ifdef KOKKOS_ENABLE_HIP
  configuration.backends.insert("HIP");
#endif
#ifdef KOKKOS_ENABLE_SYCL
  configuration.backends.insert("SYCL");
#endif
#ifdef KOKKOS_ENABLE_OPENMPTARGET
  configuration.backends.insert("OPENMPTARGET");
#endif
#ifdef KOKKOS_ENABLE_OPENMP
  configuration.backends.insert("OPENMP");
#endif
#ifdef KOKKOS_ENABLE_THREADS
  configuration.backends.insert("THREADS");
#endif
#ifdef KOKKOS_ENABLE_HPX
  configuration.backends.insert("HPX");
#endif
#ifdef KOKKOS_ENABLE_SERIAL
  configuration.backends.insert("SERIAL");
#endif
  return configuration;
}
}  // namespace

void refuse_other_kokkos(LAMMPS_NS::LAMMPS *lmp)
{
  if (!Kokkos::is_initialized()) return;
  // print_configuration() is compiled into the Kokkos library LAMMPS runs with, so its text
  // describes that library, whatever headers this plugin saw.
  std::ostringstream text;
  Kokkos::print_configuration(text);
  const KokkosConfiguration built = compiled_configuration();
  const KokkosConfiguration running = parse_kokkos_configuration(text.str());
  const std::string why = kokkos_mismatch(built, running);
  if (!why.empty())
    lmp->error->all(FLERR,
                    "exsolve plugin was built with Kokkos {} but this LAMMPS runs Kokkos {} ({}); rebuild "
                    "exsolve against the Kokkos of this LAMMPS (cmake -DLAMMPS_BUILD_DIR=... or -DKokkos_DIR=...)",
                    built.describe(), running.describe(), why);
}

}  // namespace exsolve
