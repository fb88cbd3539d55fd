// What a Kokkos library says of itself: its version and back ends, read from the text of
// Kokkos::print_configuration() ("Kokkos Version: 3.4.1", "  KOKKOS_ENABLE_CUDA: yes"; the
// same lines in Kokkos 3.4 and 5.2). Free of LAMMPS and Kokkos, so that it is unit tested.
#pragma once

#include <set>
#include <string>

namespace exsolve {

struct KokkosConfiguration {
  std::string version;             // "3.4.1"; empty when the text names none
  std::set<std::string> backends;  // "CUDA", "OPENMP", "SERIAL", ...

  std::string describe() const;  // "3.4.1 (OPENMP, SERIAL)"
};

// The back ends are the execution spaces Kokkos lists as enabled (KOKKOS_ENABLE_<NAME>: yes);
// option lines of the same form (KOKKOS_ENABLE_OPENMP_ATOMICS, KOKKOS_ENABLE_CUDA_LAMBDA...) are
// not back ends and are skipped.
KokkosConfiguration parse_kokkos_configuration(const std::string &text);

// Why a plugin compiled against `built` cannot run inside a LAMMPS whose Kokkos is `running`:
// another version or another set of back ends (the device and host types of every /kk class
// follow from them). Empty when they agree, or when `running` names no version (a format
// this parser does not know: nothing can be said).
std::string kokkos_mismatch(const KokkosConfiguration &built, const KokkosConfiguration &running);

}  // namespace exsolve
