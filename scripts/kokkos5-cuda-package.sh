#!/usr/bin/env bash
# A Kokkos 5 CUDA package for compiling only (scripts/check-cuda-build.sh, EXSOLVE_LAMMPS=2026),
# made inside the Debian sid root from Debian's libkokkos-dev. That package is built for
# OpenMP, but it installs the headers of every back end (Cuda/, decl/, fwd/, setup/); what a
# CUDA build of the same Kokkos generates differently is five configuration headers. Here
# they are edited as Kokkos's CMake would write them for an OpenMP + CUDA build of one GPU
# architecture (KokkosCore_config.h: the CUDA back end, constexpr support and the arch
# macros; the back-end lists of KokkosCore_Config_{Declare,Fwd,Setup}Backend.hpp; desul's
# CUDA atomics), and a CMake package describes it as a Kokkos compiled as CMake's CUDA
# language (Kokkos_ENABLE_COMPILE_AS_CMAKE_LANGUAGE): users' Kokkos sources compile with
# nvcc, with extended lambdas. There are no libraries: nothing built against it links.
#
# Usage (inside the sid root): kokkos5-cuda-package.sh ARCH   (80: Ampere, 90: Hopper)
# Prints the package's CMake directory (Kokkos_DIR) on stdout.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
inside_sid_root || die "kokkos5-cuda-package.sh runs inside the sid root (scripts/check-cuda-build.sh)"
arch=${1:?usage: kokkos5-cuda-package.sh ARCH (80 or 90)}
case "$arch" in
  80) family=AMPERE ;;
  90) family=HOPPER ;;
  *) die "kokkos5-cuda-package.sh: architecture '$arch' is not one of 80 (Ampere), 90 (Hopper)" ;;
esac
# shellcheck disable=SC2016 # ${Version} is dpkg-query's format field
version=$(dpkg-query -W -f='${Version}' libkokkos-dev 2>/dev/null) || true
[ -n "$version" ] || die "libkokkos-dev is not installed in the sid root"
version_file=$(dpkg -L libkokkos-dev | grep '/cmake/Kokkos/KokkosConfigVersion.cmake$') \
  || die "libkokkos-dev $version ships no CMake package (KokkosConfigVersion.cmake)"
# Keyed by this script too: a changed edit makes a new package.
script_key=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)
package="$EXSOLVE_CACHE/kokkos5-cuda/$version-sm$arch-$script_key"
if [ -f "$package/.exsolve-complete" ]; then
  echo "$package/lib/cmake/Kokkos"
  exit 0
fi

partial="$package.partial"
rm -rf "$partial"
mkdir -p "$partial/include" "$partial/lib/cmake/Kokkos"
cp -a /usr/include/kokkos "$partial/include/kokkos"
headers="$partial/include/kokkos"
# edit FILE FROM TO: replaces the line FROM (whole line) by TO, which must then be there.
edit() {
  local file="$headers/$1"
  grep -qxF -- "$2" "$file" || die "$1 of libkokkos-dev $version has no line '$2': not the header this script edits"
  FROM=$2 TO=$3 awk '$0 == ENVIRON["FROM"] { print ENVIRON["TO"]; next } { print }' "$file" >"$file.new"
  mv "$file.new" "$file"
}
edit KokkosCore_config.h '/* #undef KOKKOS_ENABLE_CUDA */' '#define KOKKOS_ENABLE_CUDA'
edit KokkosCore_config.h '/* #undef KOKKOS_ENABLE_CUDA_CONSTEXPR */' '#define KOKKOS_ENABLE_CUDA_CONSTEXPR'
edit KokkosCore_config.h "/* #undef KOKKOS_ARCH_$family */" "#define KOKKOS_ARCH_$family"
edit KokkosCore_config.h "/* #undef KOKKOS_ARCH_$family$arch */" "#define KOKKOS_ARCH_$family$arch"
# Back ends in Kokkos's order (OpenMP before CUDA), as its CMake lists them.
edit KokkosCore_Config_DeclareBackend.hpp '#include <decl/Kokkos_Declare_OPENMP.hpp>' \
  "$(printf '%s\n%s' '#include <decl/Kokkos_Declare_OPENMP.hpp>' '#include <decl/Kokkos_Declare_CUDA.hpp>')"
edit KokkosCore_Config_FwdBackend.hpp '#include <fwd/Kokkos_Fwd_OPENMP.hpp>' \
  "$(printf '%s\n%s' '#include <fwd/Kokkos_Fwd_OPENMP.hpp>' '#include <fwd/Kokkos_Fwd_CUDA.hpp>')"
edit KokkosCore_Config_SetupBackend.hpp '#define KOKKOS_SETUP_HPP_' \
  "$(printf '%s\n%s' '#define KOKKOS_SETUP_HPP_' '#include <setup/Kokkos_Setup_Cuda.hpp>')"
edit desul/atomics/Config.hpp '/* #undef DESUL_ATOMICS_ENABLE_CUDA */' '#define DESUL_ATOMICS_ENABLE_CUDA'

cp "$version_file" "$partial/lib/cmake/Kokkos/"
cat >"$partial/lib/cmake/Kokkos/KokkosConfig.cmake" <<CONFIG
# Debian's Kokkos $version headers configured for OpenMP + CUDA sm_$arch, compile only
# (made by exsolve's scripts/kokkos5-cuda-package.sh; no libraries).
get_filename_component(_kokkos_prefix "\${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(Kokkos_DEVICES OPENMP;CUDA)
set(Kokkos_ENABLE_OPENMP ON)
set(Kokkos_ENABLE_CUDA ON)
set(Kokkos_ARCH ${family}${arch})
set(Kokkos_CUDA_ARCHITECTURES ${arch})
set(Kokkos_CXX_STANDARD 20)
set(Kokkos_COMPILE_LANGUAGE CUDA)
if(NOT TARGET Kokkos::kokkos)
  add_library(Kokkos::kokkos INTERFACE IMPORTED)
  set_target_properties(Kokkos::kokkos PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "\${_kokkos_prefix}/include/kokkos"
    INTERFACE_COMPILE_FEATURES cxx_std_20
    INTERFACE_COMPILE_OPTIONS "\$<\$<COMPILE_LANGUAGE:CUDA>:--extended-lambda;--expt-relaxed-constexpr;-Xcompiler=-fopenmp>")
endif()
unset(_kokkos_prefix)
CONFIG
touch "$partial/.exsolve-complete"
rm -rf "$package"
mv "$partial" "$package"
echo "$package/lib/cmake/Kokkos"
