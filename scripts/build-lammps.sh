#!/usr/bin/env bash
# Configures and builds LAMMPS (shared library + lmp) from the Debian source tree prepared
# by fetch-sources.sh, in a cache directory keyed by everything that shapes the build.
# A build is marked finished only after it succeeded and lmp runs; an unmarked directory is
# resumed (ninja rebuilds what is missing), never used as is.
#
# Usage: build-lammps.sh SOURCE_TREE [--configure-only]   — prints the build directory on
# stdout. --configure-only stops after cmake (a tree the plugin can be compiled against with
# EXSOLVE_COMPILE_ONLY, as scripts/check-cuda-build.sh does); a later full build resumes it.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

source_tree=${1:?usage: build-lammps.sh SOURCE_TREE [--configure-only]}
configure_only=false
case "${2:-}" in
  "") ;;
  --configure-only) configure_only=true ;;
  *) die "build-lammps.sh: unknown option '$2' (usage: build-lammps.sh SOURCE_TREE [--configure-only])" ;;
esac
enter_sid_root_if_needed "${BASH_SOURCE[0]}" "$@"
[ -f "$source_tree/.exsolve-complete" ] || die "$source_tree is not a finished LAMMPS source tree"

# Packages: PLUGIN and KOKKOS for exsolve itself; MANYBODY (EAM Ni), KSPACE (Coulomb),
# MC (fix gcmc/atom/swap as references), EXTRA-COMPUTE and EXTRA-PAIR (born/coul/dsf,
# morse variants) for the inputs; ML-SNAP (a potential with a one-body energy), MEAM (a
# screened many-body metal model) and QEQ (charge equilibration) for fix reduce/oxygen's
# energy tests against delete_atoms. KOKKOS (OpenMP +
# Serial) where the release has a Kokkos (LAMMPS_KOKKOS, scripts/lib.sh): in-tree for 29 Sep
# 2021 (trilinos' Kokkos 3.4 in lib/kokkos), external for 4 Jul 2026 (Debian sid's Kokkos
# 5.2.2, inside the sid root; C++20, as Kokkos 5 requires). 4 Feb 2025 is host only.
cmake_options=(
  -D CMAKE_BUILD_TYPE=Release
  -D BUILD_MPI=on -D BUILD_OMP=on -D BUILD_SHARED_LIBS=on -D LAMMPS_EXCEPTIONS=on
  -D BUILD_TOOLS=off -D ENABLE_TESTING=off -D FFT=KISS
)
required_packages=(PLUGIN MANYBODY KSPACE MC ML-SNAP MEAM QEQ)
if [ "$LAMMPS_KOKKOS" = in-tree ]; then
  [ -d "$source_tree/lib/kokkos" ] || die "$source_tree has no lib/kokkos"
  cmake_options+=(-D PKG_PLUGIN=on -D PKG_KOKKOS=on -D EXTERNAL_KOKKOS=off
                  -D Kokkos_ENABLE_OPENMP=on -D Kokkos_ENABLE_SERIAL=on)
  required_packages+=(KOKKOS)
elif [ "$LAMMPS_KOKKOS" = external ]; then
  # The tool chain's Kokkos CMake package (found on CMake's default prefix path); its back
  # ends are the ones it was built with (Debian's: OpenMP + Serial).
  cmake_options+=(-D PKG_PLUGIN=on -D PKG_KOKKOS=on -D EXTERNAL_KOKKOS=on -D CMAKE_CXX_STANDARD=20
                  -D DOWNLOAD_POTENTIALS=off)
  required_packages+=(KOKKOS)
else
  # Newer releases would download potential files at build time; nothing here needs them.
  cmake_options+=(-D PKG_PLUGIN=on -D DOWNLOAD_POTENTIALS=off)
fi
cmake_options+=(-D PKG_MANYBODY=on -D PKG_KSPACE=on -D PKG_MC=on -D PKG_EXTRA-COMPUTE=on -D PKG_EXTRA-PAIR=on
               -D PKG_ML-SNAP=on -D PKG_MEAM=on -D PKG_QEQ=on)

key=$( { echo "$LAMMPS_DEB_VERSION $TRILINOS_DEB_VERSION"; printf '%s\n' "${cmake_options[@]}";
         c++ --version | head -n 1; mpicxx --showme:version 2>/dev/null || true;
         [ "$LAMMPS_KOKKOS" != external ] || dpkg-query -W -f='libkokkos-dev ${Version}\n' libkokkos-dev; } | sha256sum | cut -c1-12)
build_dir="$EXSOLVE_CACHE/build/lammps-$key"

if [ -f "$build_dir/.exsolve-complete" ] && [ -x "$build_dir/lmp" ]; then
  step "LAMMPS build: reusing $build_dir"
  echo "$build_dir"
  exit 0
fi

mkdir -p "$build_dir"
log="$build_dir/exsolve-build.log"
launcher=()
command -v ccache >/dev/null && launcher=(-D CMAKE_CXX_COMPILER_LAUNCHER=ccache -D CMAKE_C_COMPILER_LAUNCHER=ccache)

if [ "$configure_only" = true ] && [ -f "$build_dir/.exsolve-configured" ]; then
  step "LAMMPS configuration: reusing $build_dir"
  echo "$build_dir"
  exit 0
fi
step "LAMMPS build: configuring in $build_dir (log: $log)"
cmake -S "$source_tree/cmake" -B "$build_dir" -G Ninja "${cmake_options[@]}" "${launcher[@]}" >"$log" 2>&1 \
  || { tail -n 40 "$log" >&2; die "LAMMPS cmake configuration failed (full log: $log)"; }
touch "$build_dir/.exsolve-configured"
if [ "$configure_only" = true ]; then
  step "LAMMPS configuration: done, not built ($build_dir)"
  echo "$build_dir"
  exit 0
fi

jobs=${EXSOLVE_BUILD_JOBS:-$(nproc)}
step "LAMMPS build: compiling with $jobs jobs (5 to 7 minutes on 2 cores; progress every 10%)"
set +o pipefail
NINJA_STATUS='[%f/%t] ' ninja -C "$build_dir" -j "$jobs" 2>&1 | tee -a "$log" | awk '
  match($0, /^\[[0-9]+\/[0-9]+\]/) {
    split(substr($0, 2, RLENGTH - 2), a, "/"); pct = int(100 * a[1] / a[2])
    if (pct >= next_pct) { printf("[exsolve] LAMMPS build %3d%% (%d/%d)\n", pct, a[1], a[2]) > "/dev/stderr"; next_pct = pct - pct % 10 + 10 }
  }'
status=${PIPESTATUS[0]}
set -o pipefail
[ "$status" -eq 0 ] || { grep -B2 -A20 -m1 -E 'error|FAILED' "$log" >&2 || tail -n 40 "$log" >&2; die "LAMMPS build failed (full log: $log)"; }

"$build_dir/lmp" -h >"$build_dir/lmp-help.txt" 2>&1 || die "the freshly built lmp does not run (see $build_dir/lmp-help.txt)"
for pkg in "${required_packages[@]}"; do
  grep -q "$pkg" "$build_dir/lmp-help.txt" || die "the LAMMPS build lacks package $pkg"
done
touch "$build_dir/.exsolve-complete"
step "LAMMPS build: done ($build_dir)"
echo "$build_dir"
