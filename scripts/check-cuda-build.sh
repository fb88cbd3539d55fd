#!/usr/bin/env bash
# Compiles the exsolve plugin, host and /kk styles, for an NVIDIA GPU through the project's
# own CMake: LAMMPS 29 Sep 2021 (the release with a Kokkos source here) configured with
# Kokkos 3.4 CUDA (Ampere 80, CUDA lambdas, nvcc_wrapper over g++-11), only its Kokkos
# libraries built (all of LAMMPS with nvcc would take over an hour on 2 cores), then exsolve
# with EXSOLVE_COMPILE_ONLY=on. Passes when every plugin object compiles and the /kk objects
# carry GPU code (.nv_fatbin). No GPU is needed.
#
# Debian bookworm's CUDA 11.8 and g++-11 (scripts/cuda-toolchain.sh); a newer CUDA in
# /usr/local/cuda is kept out of this build's environment: Kokkos 3.4 predates it.
#
# Usage: scripts/check-cuda-build.sh     (build trees: $EXSOLVE_CACHE/build/lammps-cuda-<key>,
#                                         <repo>/build-cuda; a second call reuses both)
#        EXSOLVE_LAMMPS=2026 scripts/check-cuda-build.sh   (Kokkos 5.2.2 and CUDA 12.4:
#                                         scripts/check-cuda-build-kokkos5.sh)
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=cuda-toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/cuda-toolchain.sh"
# shellcheck source=plugin-compile-only.sh
source "$(dirname "${BASH_SOURCE[0]}")/plugin-compile-only.sh"
# LAMMPS 4 Jul 2026: Kokkos 5 and CUDA 12 in the sid root (a script of its own).
if [ "$EXSOLVE_LAMMPS" = 2026 ]; then exec bash "$EXSOLVE_ROOT/scripts/check-cuda-build-kokkos5.sh"; fi
[ "$EXSOLVE_LAMMPS" = 2021 ] || die "the CUDA check is for LAMMPS 29 Sep 2021 (EXSOLVE_LAMMPS=2021) and 4 Jul 2026 (EXSOLVE_LAMMPS=2026)"

step "CUDA check 1/4: nvidia-cuda-toolkit (CUDA 11.8) and g++-11 from bookworm (main, non-free)"
use_debian_cuda_11_8
nvcc_version=$CUDA_NVCC_VERSION
cuda_include=$CUDA_11_8_INCLUDE

step "CUDA check 2/4: LAMMPS source with Kokkos"
source_tree=$(bash "$EXSOLVE_ROOT/scripts/fetch-sources.sh")
nvcc_wrapper="$source_tree/lib/kokkos/bin/nvcc_wrapper"
[ -x "$nvcc_wrapper" ] || die "$nvcc_wrapper missing"

cmake_options=(
  -D CMAKE_BUILD_TYPE=Release -D CMAKE_CXX_COMPILER="$nvcc_wrapper"
  -D BUILD_MPI=on -D BUILD_OMP=on -D BUILD_SHARED_LIBS=on -D LAMMPS_EXCEPTIONS=on
  -D BUILD_TOOLS=off -D ENABLE_TESTING=off
  -D PKG_PLUGIN=on -D PKG_KOKKOS=on -D EXTERNAL_KOKKOS=off -D FFT_KOKKOS=KISS
  -D PKG_ML-SNAP=on -D PKG_MEAM=on  # the plugin then compiles its SNAP energy and its MEAM host call as well
  -D Kokkos_ENABLE_CUDA=on -D Kokkos_ENABLE_CUDA_LAMBDA=on -D Kokkos_ARCH_AMPERE80=on
  -D CUDAToolkit_ROOT=/usr  # Debian: /usr/bin/nvcc, headers in /usr/include, libraries in /usr/lib/<arch>
  -D Kokkos_ENABLE_OPENMP=on -D Kokkos_ENABLE_SERIAL=on
  -D CMAKE_CXX_FLAGS="-I$cuda_include"
)
key=$( { echo "$LAMMPS_DEB_VERSION $TRILINOS_DEB_VERSION $nvcc_version"; printf '%s\n' "${cmake_options[@]}";
         g++-11 --version | head -n 1; } | sha256sum | cut -c1-12)
lammps_build="$EXSOLVE_CACHE/build/lammps-cuda-$key"
log="$lammps_build/exsolve-build.log"
mkdir -p "$lammps_build"
step "CUDA check 3/4: configuring LAMMPS with Kokkos CUDA and building its Kokkos libraries in $lammps_build (log: $log)"
if [ ! -f "$lammps_build/.exsolve-kokkos-complete" ]; then
  cmake -S "$source_tree/cmake" -B "$lammps_build" -G Ninja "${cmake_options[@]}" >"$log" 2>&1 \
    || { tail -n 40 "$log" >&2; die "configuring LAMMPS with Kokkos CUDA failed (log: $log)"; }
  ninja -C "$lammps_build" -j "${EXSOLVE_BUILD_JOBS:-$(nproc)}" kokkoscore kokkoscontainers >>"$log" 2>&1 \
    || { grep -m1 -A20 -E 'error|FAILED' "$log" >&2 || tail -n 40 "$log" >&2; die "building Kokkos CUDA failed (log: $log)"; }
  touch "$lammps_build/.exsolve-kokkos-complete"
fi

build_dir="$EXSOLVE_ROOT/build-cuda"
step "CUDA check 4/4: the plugin through exsolve's CMake (EXSOLVE_COMPILE_ONLY) in $build_dir"
compile_plugin_only "$build_dir" "CUDA (Kokkos 3.4)" -D CMAKE_CXX_FLAGS="-I$cuda_include" \
  -D LAMMPS_SOURCE_DIR="$source_tree" -D LAMMPS_BUILD_DIR="$lammps_build"
# An nvcc object carries its GPU code in an .nv_fatbin section.
has_fatbin() { readelf -S "$1" | grep nv_fatbin >/dev/null; }
objects=$(count_plugin_objects "$build_dir" "$source_tree" has_fatbin)
step "CUDA check passed: $objects plugin objects compiled with nvcc $nvcc_version for sm_80 (log: $build_dir/exsolve-check.log)"
