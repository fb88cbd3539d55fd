#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the whole test suite with ctest.
# Extra arguments go to ctest (e.g. -R interface_bonds, -L lammps). EXSOLVE_LAMMPS chooses
# the LAMMPS release (2021, the default; 2025; 2026), each set up and built separately.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# 2026: everything (set-up and ctest) runs inside the Debian sid root, whose glibc the
# binaries need.
prepare_sid_root
enter_sid_root_if_needed "${BASH_SOURCE[0]}" "$@"
bash "$EXSOLVE_ROOT/scripts/setup.sh"
build_dir=$EXSOLVE_BUILD_DIR
step "running the test suite against LAMMPS release $EXSOLVE_LAMMPS (ctest in $build_dir)"
# --no-tests=error: a suite that ran nothing is a failure, not a pass.
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j "${EXSOLVE_TEST_JOBS:-2}" "$@"
