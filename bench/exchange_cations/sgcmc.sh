#!/usr/bin/env bash
# ms per type-swap trial on an EAM alloy (sgcmc.in): fix sgcmc's trial (one atom changes
# type; LAMMPS releases from 22 Dec 2022, i.e. EXSOLVE_LAMMPS=2025 or 2026) against fix
# exchange/cations' trial (two atoms swap types), both with local energies, at 4 000 and
# 10 976 atoms; (loop time with the fix - without) / trials, best of REPEATS runs.
# Usage: EXSOLVE_LAMMPS=2026 bench/exchange_cations/sgcmc.sh [launch arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=5 attempts=2000
echo "| atoms | fix sgcmc (ms/trial) | fix exchange/cations (ms/trial) | exchange / sgcmc |"
echo "|---|---|---|---|"
for cells in 10 14; do
  args=(-var cells "$cells" -var steps "$steps" -var attempts "$attempts" "$@")
  base=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var mode none)
  reference=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var mode reference)
  ours=$(best_loop_time "$here/sgcmc.in" "${args[@]}" -var mode exsolve)
  awk -v n=$((4 * cells * cells * cells)) -v b="$base" -v r="$reference" -v o="$ours" -v t=$((steps * attempts)) 'BEGIN {
    r_ms = 1000 * (r - b) / t; o_ms = 1000 * (o - b) / t
    printf "| %d | %.4g | %.4g | %.2f |\n", n, r_ms, o_ms, o_ms / r_ms }'
done
