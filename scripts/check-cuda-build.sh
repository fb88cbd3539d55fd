#!/usr/bin/env bash
# Compiles the exsolve plugin, host and /kk styles, for an NVIDIA GPU through the project's
# own CMake: LAMMPS 29 Sep 2021 (the release with a Kokkos source here) configured with
# Kokkos 3.4 CUDA (Ampere 80, CUDA lambdas, nvcc_wrapper over g++-11), only its Kokkos
# libraries built (all of LAMMPS with nvcc would take over an hour on 2 cores), then exsolve
# with EXSOLVE_COMPILE_ONLY=on. Passes when every plugin object compiles and the /kk objects
# carry GPU code (.nv_fatbin). No GPU is needed.
#
# Debian bookworm's CUDA 11.8 (nvidia-cuda-toolkit, non-free) and g++-11 are installed through
# a project-private deb822 sources file and apt state (the system's apt configuration is not
# touched). A newer CUDA in /usr/local/cuda (CUDA_HOME, PATH) is kept out of this build's
# environment: Kokkos 3.4 predates it.
#
# Usage: scripts/check-cuda-build.sh     (build trees: $EXSOLVE_CACHE/build/lammps-cuda-<key>,
#                                         <repo>/build-cuda; a second call reuses both)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ "$EXSOLVE_LAMMPS" = 2021 ] || die "the CUDA check needs LAMMPS 29 Sep 2021 (EXSOLVE_LAMMPS=2021): only it has a Kokkos source here"

step "CUDA check 1/4: nvidia-cuda-toolkit (CUDA 11.8) and g++-11 from bookworm (main, non-free)"
bash "$EXSOLVE_ROOT/scripts/install-packages.sh"
if ! { dpkg-query -W -f='${Status}' nvidia-cuda-toolkit 2>/dev/null | grep -q "install ok installed" \
       && dpkg-query -W -f='${Status}' g++-11 2>/dev/null | grep -q "install ok installed"; }; then
  apt_dir="$EXSOLVE_CACHE/apt-cuda"
  mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  uri=$(system_debian_uri | head -n 1)
  [ -n "$uri" ] || die "could not find a Debian bookworm archive URI in /etc/apt/sources.list{,.d}"
  cat >"$apt_dir/sources/debian.sources" <<SOURCES
Types: deb
URIs: $uri
Suites: bookworm bookworm-updates
Components: main contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/sources"
            -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get "${apt_opts[@]}" update -qq || die "apt-get update of the private bookworm non-free list failed"
  step "installing nvidia-cuda-toolkit g++-11 (about 1.6 GB to download)"
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends \
    nvidia-cuda-toolkit g++-11 || die "apt-get install nvidia-cuda-toolkit g++-11 failed"
fi

# This build's environment: Debian's CUDA 11.8 first on PATH (nvcc_wrapper calls `nvcc`, nvcc
# calls `ptxas`, which Debian puts in /usr/bin), never the newer CUDA (/usr/local/cuda and its
# links such as /usr/local/bin/nvcc and /usr/local/bin/ptxas).
debian_cuda=/usr/lib/nvidia-cuda-toolkit/bin
[ -x "$debian_cuda/nvcc" ] || die "$debian_cuda/nvcc missing: nvidia-cuda-toolkit did not install"
unset CUDA_HOME CUDA_PATH CUDA_ROOT
drop_cuda() { printf '%s' "${1:-}" | tr ':' '\n' | grep -v '^/usr/local/cuda' | paste -sd: || true; }
PATH="$debian_cuda:/usr/bin:$(drop_cuda "$PATH")"
LIBRARY_PATH=$(drop_cuda "${LIBRARY_PATH:-}")
LD_LIBRARY_PATH=$(drop_cuda "${LD_LIBRARY_PATH:-}")
export PATH LIBRARY_PATH LD_LIBRARY_PATH NVCC_WRAPPER_DEFAULT_COMPILER=g++-11
nvcc_version=$(nvcc --version | grep -o 'release [0-9.]*') || die "nvcc (Debian's CUDA toolkit) does not run"
[ "$nvcc_version" = "release 11.8" ] || die "nvcc on PATH is $nvcc_version, expected Debian's 11.8 ($(type -P nvcc))"
ptxas --version | grep 'release 11.8' >/dev/null || die "ptxas on PATH ($(type -P ptxas)) is not Debian's CUDA 11.8"
step "using nvcc $nvcc_version with host compiler $(g++-11 --version | head -n 1)"
# Some machines link the newer CUDA's headers into /usr/local/include, which every compiler
# searches before /usr/include: Kokkos 3.4 then meets CUDA 13's cuda_fp16.h and fails. A
# directory of links to Debian's own headers of the same names, searched first (-I), keeps
# this build on CUDA 11.8's headers.
cuda_include="$EXSOLVE_CACHE/cuda-11.8-include"
rm -rf "$cuda_include" && mkdir -p "$cuda_include"
for entry in /usr/local/include/*; do
  [ -L "$entry" ] && [[ "$(readlink -f "$entry")" == /usr/local/cuda* ]] || continue
  name=$(basename "$entry")
  [ -e "/usr/include/$name" ] && ln -s "/usr/include/$name" "$cuda_include/$name"
done

step "CUDA check 2/4: LAMMPS source with Kokkos"
source_tree=$(bash "$EXSOLVE_ROOT/scripts/fetch-sources.sh")
nvcc_wrapper="$source_tree/lib/kokkos/bin/nvcc_wrapper"
[ -x "$nvcc_wrapper" ] || die "$nvcc_wrapper missing"

cmake_options=(
  -D CMAKE_BUILD_TYPE=Release -D CMAKE_CXX_COMPILER="$nvcc_wrapper"
  -D BUILD_MPI=on -D BUILD_OMP=on -D BUILD_SHARED_LIBS=on -D LAMMPS_EXCEPTIONS=on
  -D BUILD_TOOLS=off -D ENABLE_TESTING=off
  -D PKG_PLUGIN=on -D PKG_KOKKOS=on -D EXTERNAL_KOKKOS=off -D FFT_KOKKOS=KISS
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
mkdir -p "$build_dir"
step "CUDA check 4/4: the plugin through exsolve's CMake (EXSOLVE_COMPILE_ONLY) in $build_dir"
cmake -S "$EXSOLVE_ROOT" -B "$build_dir" -G Ninja -D CMAKE_BUILD_TYPE=Release -D EXSOLVE_COMPILE_ONLY=on \
  -D CMAKE_CXX_FLAGS="-I$cuda_include" \
  -D LAMMPS_SOURCE_DIR="$source_tree" -D LAMMPS_BUILD_DIR="$lammps_build" >"$build_dir/exsolve-check.log" 2>&1 \
  || { tail -n 40 "$build_dir/exsolve-check.log" >&2; die "configuring exsolve against the CUDA LAMMPS tree failed (log: $build_dir/exsolve-check.log)"; }
cmake --build "$build_dir" --target exsolveplugin -j "${EXSOLVE_BUILD_JOBS:-$(nproc)}" >>"$build_dir/exsolve-check.log" 2>&1 \
  || { grep -m1 -A30 -E 'error|FAILED' "$build_dir/exsolve-check.log" >&2 || tail -n 40 "$build_dir/exsolve-check.log" >&2
       die "compiling the plugin for CUDA failed (log: $build_dir/exsolve-check.log)"; }

# Every plugin source has its object (a stale object of a removed source cannot stand in),
# and every /kk object carries GPU code.
objects_dir="$build_dir/lammps-plugin/CMakeFiles/exsolveplugin.dir"
objects=0
for source in "$EXSOLVE_ROOT"/lammps-plugin/*.cpp "$EXSOLVE_ROOT"/lammps-plugin/kokkos/*.cpp; do
  relative=${source#"$EXSOLVE_ROOT/lammps-plugin/"}
  object="$objects_dir/$relative.o"
  [ -f "$object" ] || die "no object for lammps-plugin/$relative"
  objects=$((objects + 1))
  case "$relative" in
    kokkos/*) readelf -S "$object" | grep nv_fatbin >/dev/null \
                || die "$object carries no GPU code (.nv_fatbin): not compiled by nvcc" ;;
  esac
done
step "CUDA check passed: $objects plugin objects compiled with nvcc $nvcc_version for sm_80 (log: $build_dir/exsolve-check.log)"
