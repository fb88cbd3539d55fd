#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the main job. Until the Ni/SrTiO3
# exsolution demo lands (inputs/demo/), the main job is the plugin smoke run
# (inputs/smoke.in): load the plugin, define every exsolve style, check one number
# against LAMMPS's own compute coord/atom. Output goes to a new directory under
# $EXSOLVE_RUNS (default <repo>/runs); nothing existing is overwritten.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$EXSOLVE_ROOT/scripts/setup.sh"

runs=${EXSOLVE_RUNS:-$EXSOLVE_ROOT/runs}
run_dir="$runs/smoke-$(date +%Y%m%d-%H%M%S)"
n=1
while [ -e "$run_dir" ]; do run_dir="$runs/smoke-$(date +%Y%m%d-%H%M%S)-$n"; n=$((n + 1)); done
mkdir -p "$run_dir"
step "main job: inputs/smoke.in in $run_dir"
cd "$run_dir"
"$EXSOLVE_ROOT/bin/exsolve-lmp" -in "$EXSOLVE_ROOT/inputs/smoke.in" -log log.lammps | tee screen.txt
if grep -q 'EXSOLVE_CHECK FAIL' screen.txt; then die "the smoke run's checks failed (see $run_dir/screen.txt)"; fi
step "main job finished: $run_dir/log.lammps"
