#!/usr/bin/env bash
# One-command set-up: Debian packages, LAMMPS (+ Kokkos) sources from Debian, the LAMMPS
# build (cached in $EXSOLVE_CACHE, default ~/.cache/exsolve), and the exsolve build
# (plugin, analysis tools, tests) in $EXSOLVE_BUILD_DIR (default <repo>/build, or
# <repo>/build-lammps<release> for a release other than the default).
# EXSOLVE_LAMMPS=2021|2025|2026 chooses the LAMMPS release (scripts/lib.sh; default 2021).
# Idempotent: a second call reuses everything that is already built.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if needs_sid_root && ! inside_sid_root; then
  step "set-up 0/4: the Debian sid root with Kokkos 5 (scripts/sid-root.sh), then the rest inside it"
  prepare_sid_root
  enter_sid_root_if_needed "${BASH_SOURCE[0]}" "$@"
fi

build_dir=$EXSOLVE_BUILD_DIR
step "LAMMPS release: EXSOLVE_LAMMPS=$EXSOLVE_LAMMPS (Debian $LAMMPS_SUITE lammps $LAMMPS_DEB_VERSION)"

step "set-up 1/4: Debian packages"
bash "$EXSOLVE_ROOT/scripts/install-packages.sh"

step "set-up 2/4: LAMMPS sources (Debian source packages)"
source_tree=$(bash "$EXSOLVE_ROOT/scripts/fetch-sources.sh")

step "set-up 3/4: LAMMPS"
lammps_build=$(bash "$EXSOLVE_ROOT/scripts/build-lammps.sh" "$source_tree")
# Default LAMMPS location for a plain `cmake -S . -B build` (cmake/LAMMPSTree.cmake), per release.
cat >"$EXSOLVE_CACHE/lammps-paths-$EXSOLVE_LAMMPS.cmake" <<PATHS
set(LAMMPS_SOURCE_DIR "$source_tree" CACHE PATH "LAMMPS source tree (top level, holds src/)")
set(LAMMPS_BUILD_DIR "$lammps_build" CACHE PATH "LAMMPS CMake build tree (holds CMakeCache.txt)")
PATHS

# The Python module and its tests (python/, tests/python) on bookworm's Python; not in the
# Debian sid root: the venv's pins are for Python 3.11 (freud 3.4.0 is the last freud for it)
# and were not tried on sid's Python.
python_options=(-D EXSOLVE_PYTHON=OFF)
if ! needs_sid_root; then
  step "set-up 3b/4: the Python venv of the module's tests (scripts/python-env.sh)"
  python=$(bash "$EXSOLVE_ROOT/scripts/python-env.sh")
  python_options=(-D EXSOLVE_PYTHON=ON -D Python_EXECUTABLE="$python"
                  -D pybind11_DIR="$("$python" -m pybind11 --cmakedir)")
fi

step "set-up 4/4: exsolve (plugin, analysis tools, Python module, tests) in $build_dir"
launcher=()
command -v ccache >/dev/null && launcher=(-D CMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$EXSOLVE_ROOT" -B "$build_dir" -G Ninja -D CMAKE_BUILD_TYPE=Release \
  -D LAMMPS_SOURCE_DIR="$source_tree" -D LAMMPS_BUILD_DIR="$lammps_build" "${launcher[@]}" "${python_options[@]}" >&2 \
  || die "configuring exsolve failed"
cmake --build "$build_dir" -j "${EXSOLVE_BUILD_JOBS:-$(nproc)}" >&2 || die "building exsolve failed"
step "set-up done: run LAMMPS with $EXSOLVE_ROOT/bin/exsolve-lmp"
