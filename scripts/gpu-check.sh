#!/usr/bin/env bash
# The GPU check: exsolve's /kk styles on a real NVIDIA GPU, in two stages.
#
#   scripts/gpu-check.sh prepare [sm_XX]   on the build machine (no GPU needed; measured on 2
#                                          shared cores: 35 min the first time, 2 min 40 s with
#                                          LAMMPS cached): LAMMPS 29 Sep 2021 with
#                                          Kokkos 3.4 CUDA for that GPU architecture (default
#                                          sm_90, the H100/H200), serial (no MPI: the GPU
#                                          machine has no MPI), the exsolve plugin and tests
#                                          against it, packed into <repo>/gpu-bundle/ (20 MB,
#                                          git-ignored) for the GPU machine.
#   scripts/gpu-check.sh run [OUT_DIR]     on the GPU machine, in a copy of the checkout that
#                                          holds gpu-bundle/ (no network, needs only bash,
#                                          xz, tar and the NVIDIA driver; ctest comes along): unpacks the builds at
#                                          the paths they were built at, runs every single-rank
#                                          Kokkos test of the suite with "-k on g 1 -sf kk" on
#                                          the device, then bench/gpu (compute interface/bonds/kk
#                                          and fix nanoparticle/track/kk against compute
#                                          coord/atom/kk and cluster/atom on 100 000 and 1 000 000
#                                          atoms). Logs and tables go to OUT_DIR (default
#                                          gpu-results/). Exits non-zero when a test fails.
#
# Why built elsewhere: the GPU machines lent to this project carry CUDA 13 only, which Kokkos
# 3.4 (the only Kokkos source reachable here) predates, and have minutes, not the hour a CUDA
# LAMMPS build takes. Kokkos 3.4 knows no GPU newer than Ampere (sm_86) and aborts when the
# code it runs was compiled for another major compute capability, so Kokkos is told Ampere 80
# (its tuning constants) and nvcc is told the real target through NVCC_APPEND_FLAGS (the last
# -arch wins; nvcc warns about the redefinition on every file).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=cuda-toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/cuda-toolchain.sh"

bundle_dir="$EXSOLVE_ROOT/gpu-bundle"
gpu_build_dir="$EXSOLVE_ROOT/build-gpu"

prepare() {
  local arch=${1:-sm_90}
  [[ "$arch" =~ ^sm_[0-9]+$ ]] || die "prepare: GPU architecture '$arch' is not of the form sm_XX (e.g. sm_90)"
  [ "$EXSOLVE_LAMMPS" = 2021 ] || die "the GPU check builds LAMMPS 29 Sep 2021 (EXSOLVE_LAMMPS=2021): only it has a Kokkos source here"

  step "GPU check prepare 1/4: CUDA 11.8 tool chain"
  use_debian_cuda_11_8
  export NVCC_APPEND_FLAGS="-arch=$arch"

  step "GPU check prepare 2/4: LAMMPS with Kokkos CUDA for $arch"
  local source_tree nvcc_wrapper
  source_tree=$(bash "$EXSOLVE_ROOT/scripts/fetch-sources.sh")
  nvcc_wrapper="$source_tree/lib/kokkos/bin/nvcc_wrapper"
  [ -x "$nvcc_wrapper" ] || die "$nvcc_wrapper missing"
  # The packages of the suite's Kokkos tests (MANYBODY: EAM; KSPACE, EXTRA-PAIR: the
  # demo model's Coulomb and pair terms; MC, EXTRA-COMPUTE: reference styles). ML-SNAP and QEQ
  # are left out, and with them their tests (the SNAP energy tests' -sf kk launches among them).
  local cmake_options=(
    -D CMAKE_BUILD_TYPE=Release -D CMAKE_CXX_COMPILER="$nvcc_wrapper"
    -D BUILD_MPI=off -D BUILD_OMP=off -D BUILD_SHARED_LIBS=on -D LAMMPS_EXCEPTIONS=on
    -D BUILD_TOOLS=off -D ENABLE_TESTING=off -D WITH_JPEG=off -D WITH_PNG=off -D WITH_FFMPEG=off
    -D FFT=KISS -D FFT_KOKKOS=KISS
    -D PKG_PLUGIN=on -D PKG_KOKKOS=on -D EXTERNAL_KOKKOS=off
    -D PKG_MANYBODY=on -D PKG_KSPACE=on -D PKG_MC=on -D PKG_EXTRA-PAIR=on -D PKG_EXTRA-COMPUTE=on
    -D Kokkos_ENABLE_CUDA=on -D Kokkos_ENABLE_CUDA_LAMBDA=on -D Kokkos_ARCH_AMPERE80=on
    -D Kokkos_ENABLE_SERIAL=on -D Kokkos_ENABLE_OPENMP=off
    -D CUDAToolkit_ROOT=/usr  # Debian: /usr/bin/nvcc, headers in /usr/include, libraries in /usr/lib/<arch>
    -D CMAKE_CXX_FLAGS="-I$CUDA_11_8_INCLUDE"
    -D CMAKE_PROJECT_lammps_INCLUDE="$EXSOLVE_ROOT/cmake/LAMMPSCudaHostOnly.cmake"
  )
  local key lammps_build log
  key=$( { echo "$LAMMPS_DEB_VERSION $TRILINOS_DEB_VERSION $CUDA_NVCC_VERSION $NVCC_APPEND_FLAGS";
           printf '%s\n' "${cmake_options[@]}"; cat "$EXSOLVE_ROOT/cmake/LAMMPSCudaHostOnly.cmake";
           g++-11 --version | head -n 1; } | sha256sum | cut -c1-12)
  lammps_build="$EXSOLVE_CACHE/build/lammps-gpu-$key"
  log="$lammps_build/exsolve-build.log"
  mkdir -p "$lammps_build"
  if [ ! -f "$lammps_build/.exsolve-complete" ]; then
    step "building in $lammps_build (log: $log)"
    cmake -S "$source_tree/cmake" -B "$lammps_build" -G Ninja "${cmake_options[@]}" >"$log" 2>&1 \
      || { tail -n 40 "$log" >&2; die "configuring LAMMPS with Kokkos CUDA failed (log: $log)"; }
    ninja -C "$lammps_build" -j "${EXSOLVE_BUILD_JOBS:-$(nproc)}" >>"$log" 2>&1 \
      || { grep -m1 -A20 -E 'error|FAILED' "$log" >&2 || tail -n 40 "$log" >&2; die "building LAMMPS with Kokkos CUDA failed (log: $log)"; }
    [ -x "$lammps_build/lmp" ] || die "$lammps_build/lmp was not built"
    touch "$lammps_build/.exsolve-complete"
  fi

  step "GPU check prepare 3/4: exsolve against it in $gpu_build_dir"
  mkdir -p "$gpu_build_dir"
  local exsolve_log="$gpu_build_dir/exsolve-gpu.log"
  cmake -S "$EXSOLVE_ROOT" -B "$gpu_build_dir" -G Ninja -D CMAKE_BUILD_TYPE=Release \
    -D CMAKE_CXX_FLAGS="-I$CUDA_11_8_INCLUDE" -D EXSOLVE_KOKKOS_ARGS="-k;on;g;1;-sf;kk" \
    -D LAMMPS_SOURCE_DIR="$source_tree" -D LAMMPS_BUILD_DIR="$lammps_build" >"$exsolve_log" 2>&1 \
    || { tail -n 40 "$exsolve_log" >&2; die "configuring exsolve against the CUDA LAMMPS failed (log: $exsolve_log)"; }
  cmake --build "$gpu_build_dir" -j "${EXSOLVE_BUILD_JOBS:-$(nproc)}" >>"$exsolve_log" 2>&1 \
    || { grep -m1 -A30 -E 'error|FAILED' "$exsolve_log" >&2 || tail -n 40 "$exsolve_log" >&2
         die "building exsolve against the CUDA LAMMPS failed (log: $exsolve_log)"; }

  step "GPU check prepare 4/4: the bundle in $bundle_dir"
  rm -rf "$bundle_dir" && mkdir -p "$bundle_dir"
  # The libraries the trees' programs load from the system, but for the C and C++ runtimes
  # (a newer system's serve): the CUDA 11.8 runtime, and Debian's yaml-cpp, fmt, zlib and the
  # like, which the GPU machine's image may lack or hold in other versions.
  mkdir -p "$bundle_dir/lib"
  local library
  while IFS= read -r library; do
    cp -L "$library" "$bundle_dir/lib/" || die "copying $library into the bundle failed"
  done < <(find "$lammps_build" "$gpu_build_dir" -type f \( -name 'lmp' -o -name '*.so*' -o -perm -u+x \) ! -path '*/CMakeFiles/*' \
             -exec sh -c 'file -b "$1" | grep -q ELF && ldd "$1"' sh {} \; 2>/dev/null \
           | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u \
           | grep -vE "/(libc|libm|libpthread|libdl|librt|libstdc\+\+|libgcc_s|ld-linux-x86-64)\.so|^$EXSOLVE_CACHE/|^$EXSOLVE_ROOT/")
  # CMake's test driver too: the GPU machine's image need not have CMake.
  { mkdir -p "$bundle_dir/bin" && cp -L "$(command -v ctest)" "$bundle_dir/bin/"; } || die "copying ctest into the bundle failed"
  while IFS= read -r library; do
    [ -e "$bundle_dir/lib/$(basename "$library")" ] || cp -L "$library" "$bundle_dir/lib/" || die "copying $library failed"
  done < <(ldd "$(command -v ctest)" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' \
           | grep -vE "/(libc|libm|libpthread|libdl|librt|libstdc\+\+|libgcc_s|ld-linux-x86-64)\.so")
  compgen -G "$bundle_dir/lib/libcudart*" >/dev/null || die "no CUDA runtime library among the trees' dependencies (ldd found none)"
  # Build trees without objects, at their absolute paths (their CMake and ctest files name
  # them).
  (cd / && find "${lammps_build#/}" "${gpu_build_dir#/}" -type f ! -name '*.o' ! -name '*.a' ! -name '.ninja_*' \
     ! -path '*/CMakeFiles/*' -print0 | tar --null -T - -cf - | xz -T0 -6 >"$bundle_dir/trees.tar.xz") \
    || die "packing the build trees failed"
  # The libraries and ctest packed too (81 MB loose, 19 MB packed: what travels to the GPU
  # machine is limited to 64 MiB).
  (cd "$bundle_dir" && tar -cf - lib bin | xz -T0 -6 >runtime.tar.xz && rm -rf lib bin) \
    || die "packing the bundle's libraries failed"
  cat >"$bundle_dir/paths.sh" <<PATHS
# Written by scripts/gpu-check.sh prepare: where the bundle's trees were built.
bundle_repo="$EXSOLVE_ROOT"
bundle_cache="$EXSOLVE_CACHE"
bundle_lammps_build="$lammps_build"
bundle_arch="$arch"
PATHS
  step "bundle ready: $(du -sh "$bundle_dir" | cut -f1) in $bundle_dir; on the GPU machine: scripts/gpu-check.sh run"
}

# The suite's single-rank Kokkos tests that can run on one GPU. Left out, with the reason:
# *_mpiN (the CUDA build is serial: no MPI on the GPU machine); demo_quick_kokkos and
# plugin_kokkos_single_copy (their scripts launch Kokkos OpenMP threads, "-k on t N");
# potentials_same_on_ranks_and_kokkos (it compares against a 2-rank run).
gpu_tests_include='_kokkos($|_)'
gpu_tests_exclude='mpi[0-9]|demo_quick_kokkos|plugin_kokkos_single_copy|same_on_ranks_and_kokkos'

run() {
  local out_dir=${1:-$EXSOLVE_ROOT/gpu-results}
  { [ -f "$bundle_dir/paths.sh" ] && [ -f "$bundle_dir/trees.tar.xz" ] && [ -f "$bundle_dir/runtime.tar.xz" ]; } \
    || die "no bundle in $bundle_dir: run 'scripts/gpu-check.sh prepare' on a build machine and bring gpu-bundle/ along"
  { command -v nvidia-smi >/dev/null && nvidia-smi -L >/dev/null 2>&1; } || die "no NVIDIA GPU here (nvidia-smi -L failed)"
  mkdir -p "$out_dir"
  # shellcheck source=/dev/null
  source "$bundle_dir/paths.sh"
  # shellcheck disable=SC2154 # bundle_arch is set by the bundle's paths.sh (written by prepare, sourced above)
  step "GPU check run 1/3: $(nvidia-smi -L | head -n 1); bundle built for $bundle_arch"
  # The trees name the checkout and the cache by the paths they were built at: make those
  # paths lead here.
  # shellcheck disable=SC2154 # bundle_repo is set by the bundle's paths.sh (written by prepare, sourced above)
  if [ "$(readlink -f "$bundle_repo" 2>/dev/null)" != "$EXSOLVE_ROOT" ]; then
    [ ! -e "$bundle_repo" ] || die "$bundle_repo exists and is not this checkout ($EXSOLVE_ROOT): run where the bundle's paths are free"
    mkdir -p "$(dirname "$bundle_repo")" && ln -s "$EXSOLVE_ROOT" "$bundle_repo"
  fi
  (cd / && xz -dc "$bundle_dir/trees.tar.xz" | tar -xf -) || die "unpacking $bundle_dir/trees.tar.xz failed"
  (cd "$bundle_dir" && xz -dc runtime.tar.xz | tar -xf -) || die "unpacking $bundle_dir/runtime.tar.xz failed"
  export LD_LIBRARY_PATH="$bundle_dir/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  local ctest="$bundle_dir/bin/ctest"
  "$ctest" --version >/dev/null || die "the bundle's ctest does not start"
  export EXSOLVE_BUILD_DIR="$bundle_repo/build-gpu" CUDA_MODULE_LOADING=LAZY
  # shellcheck disable=SC2154 # bundle_lammps_build is set by the bundle's paths.sh (written by prepare, sourced above)
  "$bundle_lammps_build/lmp" -h >"$out_dir/lmp-help.txt" 2>&1 || { tail -n 20 "$out_dir/lmp-help.txt" >&2; die "the bundle's lmp does not start"; }

  step "GPU check run 2/3: the suite's Kokkos tests on the GPU (-k on g 1 -sf kk)"
  local status=0
  (cd "$bundle_repo" && "$ctest" --test-dir build-gpu -R "$gpu_tests_include" -E "$gpu_tests_exclude" \
     -j "${EXSOLVE_TEST_JOBS:-4}" --output-on-failure --timeout 300) >"$out_dir/ctest.txt" 2>&1 || status=$?
  tail -n 40 "$out_dir/ctest.txt" >&2
  grep -q "tests passed" "$out_dir/ctest.txt" || die "ctest ran no tests (see $out_dir/ctest.txt)"

  step "GPU check run 3/3: bench/gpu (100 000 and 1 000 000 atoms)"
  (cd "$bundle_repo" && bash bench/gpu/run.sh) >"$out_dir/bench.md" 2>"$out_dir/bench.err" \
    || { tail -n 30 "$out_dir/bench.err" >&2; die "bench/gpu/run.sh failed (see $out_dir/bench.err)"; }
  cat "$out_dir/bench.md" >&2
  [ "$status" -eq 0 ] || die "Kokkos tests failed on the GPU (see $out_dir/ctest.txt)"
  step "GPU check passed: results in $out_dir"
}

case "${1:-}" in
  prepare) shift; prepare "$@" ;;
  run) shift; run "$@" ;;
  *) die "usage: scripts/gpu-check.sh prepare [sm_XX] | run [OUT_DIR]" ;;
esac
