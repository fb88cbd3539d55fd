#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the exsolution study
# (inputs/exsolution/study.sh): a stoichiometric and an A-site-deficient Ni-doped SrTiO3
# host under the same reducing atmosphere, replicas of each, analysed with exsolve-analyze
# segregation and compared in runs/exsolution-<date>/comparison/comparison.html. Options go
# to inputs/exsolution/study.sh (--quick, --steps N, --replicas R, --ni-fraction X,
# --a-deficiency Y, --ni-o-well D, --seed N, --jobs J, --out DIR). Nothing existing is
# overwritten.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$EXSOLVE_ROOT/scripts/setup.sh"
step "the exsolution study (inputs/exsolution/study.sh $*)"
bash "$EXSOLVE_ROOT/inputs/exsolution/study.sh" "$@"
step "the exsolution study finished"
