#!/usr/bin/env bash
# ms per type-swap trial on an EAM alloy (sgcmc.in): fix sgcmc's trial (one atom changes
# type; LAMMPS releases from 22 Dec 2022, i.e. EXSOLVE_LAMMPS=2025 or 2026) against fix
# exchange/cations' trial (two atoms swap types), both with local energies, at 4 000 and
# 10 976 atoms. Per trial at N trials per invocation (fix sgcmc's most: one per atom):
# (loop time with the fix - without) / trials; and the marginal cost of a trial, from
# invocations of N/10 and of N trials (what an invocation costs whatever its trials drops
# out: the densities and near lists made the first time they are needed). Best of REPEATS
# runs.
# Usage: EXSOLVE_LAMMPS=2025 bench/exchange_cations/sgcmc.sh [launch arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=5
echo "| atoms | fix sgcmc (ms/trial) | fix exchange/cations (ms/trial) | exchange / sgcmc | fix sgcmc, marginal (ms/trial) | fix exchange/cations, marginal (ms/trial) | exchange / sgcmc, marginal |"
echo "|---|---|---|---|---|---|---|"
for cells in 10 14; do
  atoms=$((4 * cells * cells * cells))
  few=$((atoms / 10))
  args=(-var cells "$cells" -var steps "$steps" "$@")
  base=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$atoms" -var mode none)
  reference_few=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$few" -var mode reference)
  reference=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$atoms" -var mode reference)
  ours_few=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$few" -var mode exsolve)
  ours=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$atoms" -var mode exsolve)
  awk -v n="$atoms" -v few="$few" -v steps="$steps" -v b="$base" -v rf="$reference_few" -v r="$reference" \
    -v of="$ours_few" -v o="$ours" 'BEGIN {
    r_ms = 1000 * (r - b) / (steps * n); o_ms = 1000 * (o - b) / (steps * n)
    rm_ms = 1000 * (r - rf) / (steps * (n - few)); om_ms = 1000 * (o - of) / (steps * (n - few))
    printf "| %d | %.4g | %.4g | %.2f | %.4g | %.4g | %.2f |\n", n, r_ms, o_ms, o_ms / r_ms, rm_ms, om_ms, om_ms / rm_ms }'
done
