#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the main job: the Ni/SrTiO3 exsolution
# demo (inputs/demo/run.sh) — a stoichiometric and a reducing condition side by side,
# analysed and compared in runs/demo-<date>/comparison/comparison.html. Options go to
# inputs/demo/run.sh (--quick, --steps N, --cells NX NY, --cap-radius R, --ni-o-well D,
# --np N, --kokkos T, --out DIR). Nothing existing is overwritten.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$EXSOLVE_ROOT/scripts/setup.sh"
step "main job: the Ni/SrTiO3 exsolution demo (inputs/demo/run.sh $*)"
bash "$EXSOLVE_ROOT/inputs/demo/run.sh" "$@"
step "main job finished"
