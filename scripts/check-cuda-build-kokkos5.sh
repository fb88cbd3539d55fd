#!/usr/bin/env bash
# The CUDA check of LAMMPS 4 Jul 2026 (scripts/check-cuda-build.sh with EXSOLVE_LAMMPS=2026):
# the plugin, host and /kk styles, compiled for NVIDIA GPUs with Kokkos 5.2.2 and CUDA 12.4,
# both from Debian sid, inside the sid root. Debian has no CUDA build of Kokkos and no Kokkos
# source: the Kokkos is Debian's headers configured for OpenMP + CUDA
# (scripts/kokkos5-cuda-package.sh), compiled as CMake's CUDA language for sm_80 and then
# sm_90, with nvcc 12.4 over g++-13 (nvidia-cuda-toolkit-gcc, sid non-free), through exsolve's
# CMake against LAMMPS 4 Jul 2026 configured (not built) with KOKKOS. Compile only: there
# are no Kokkos CUDA libraries to link. Passes when every plugin source compiles and every
# /kk object carries GPU code for the architecture. No GPU is needed.
#
# Usage: EXSOLVE_LAMMPS=2026 scripts/check-cuda-build.sh   (build trees: <repo>/build-cuda-kokkos5-sm80,
#        -sm90; the CUDA toolkit and the Kokkos packages are kept in the sid root and $EXSOLVE_CACHE)
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=plugin-compile-only.sh
source "$(dirname "${BASH_SOURCE[0]}")/plugin-compile-only.sh"
[ "$EXSOLVE_LAMMPS" = 2026 ] || die "check-cuda-build-kokkos5.sh is the check of EXSOLVE_LAMMPS=2026"
prepare_sid_root
enter_sid_root_if_needed "${BASH_SOURCE[0]}" "$@"

step "CUDA check (Kokkos 5) 1/4: nvidia-cuda-toolkit and its g++ from sid non-free, in the sid root"
# shellcheck disable=SC2016 # ${Status} is dpkg-query's format field
toolkit_status=$(dpkg-query -W -f='${Status}' nvidia-cuda-toolkit-gcc 2>/dev/null) || true
if [ "$toolkit_status" != "install ok installed" ]; then
  uri=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
  [ -n "$uri" ] || die "the sid root's /etc/apt/sources.list names no archive"
  cat >/etc/apt/sources.list.d/exsolve-non-free.sources <<SOURCES
Types: deb
URIs: $uri
Suites: sid
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  apt-get update -qq || die "apt-get update with sid non-free failed in the sid root"
  step "installing nvidia-cuda-toolkit-gcc in the sid root (about 1.9 GB to download, 5 GB installed)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nvidia-cuda-toolkit-gcc >&2 \
    || die "apt-get install nvidia-cuda-toolkit-gcc failed in the sid root"
fi
nvcc_version=$(nvcc --version | grep -o 'release [0-9.]*') || die "nvcc does not run in the sid root"
nvcc_major=${nvcc_version#release }
nvcc_major=${nvcc_major%%.*}
[ "$nvcc_major" -ge 12 ] || die "nvcc is $nvcc_version, the check needs CUDA 12 or later (Kokkos 5)"
host_compiler=cuda-g++  # nvidia-cuda-toolkit-gcc's link to the g++ this nvcc supports
command -v "$host_compiler" >/dev/null || die "$host_compiler missing (nvidia-cuda-toolkit-gcc)"
step "using nvcc $nvcc_version with host compiler $("$host_compiler" --version | head -n 1)"

step "CUDA check (Kokkos 5) 2/4: LAMMPS 4 Jul 2026 configured with Debian's Kokkos (not built)"
source_tree=$(bash "$EXSOLVE_ROOT/scripts/fetch-sources.sh")
lammps_build=$(bash "$EXSOLVE_ROOT/scripts/build-lammps.sh" "$source_tree" --configure-only)

# Whether an object holds code for the GPU of this round (a cubin of sm_$arch).
has_arch_code() { [[ "$(cuobjdump --list-elf "$1" 2>/dev/null || true)" == *".sm_$arch."* ]]; }
objects=0
for arch in 80 90; do
  step "CUDA check (Kokkos 5) 3/4: Kokkos 5 CUDA package for sm_$arch"
  kokkos_dir=$(bash "$EXSOLVE_ROOT/scripts/kokkos5-cuda-package.sh" "$arch")
  build_dir="$EXSOLVE_ROOT/build-cuda-kokkos5-sm$arch"
  step "CUDA check (Kokkos 5) 4/4: the plugin for sm_$arch through exsolve's CMake (EXSOLVE_COMPILE_ONLY) in $build_dir"
  compile_plugin_only "$build_dir" "CUDA sm_$arch (Kokkos 5)" \
    -D LAMMPS_SOURCE_DIR="$source_tree" -D LAMMPS_BUILD_DIR="$lammps_build" -D Kokkos_DIR="$kokkos_dir" \
    -D CMAKE_CUDA_HOST_COMPILER="$host_compiler" -D CMAKE_CUDA_ARCHITECTURES="$arch"
  arch_objects=$(count_plugin_objects "$build_dir" "$source_tree" has_arch_code)
  objects=$((objects + arch_objects))
done
step "CUDA check (Kokkos 5) passed: $objects plugin objects (sm_80 and sm_90) compiled with nvcc $nvcc_version against Kokkos $(dpkg-query -W -f='${Version}' libkokkos-dev)"
