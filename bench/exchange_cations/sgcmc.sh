#!/usr/bin/env bash
# ms per type-change trial on an EAM alloy (sgcmc.in): fix sgcmc's trial (one atom changes
# type; LAMMPS releases from 22 Dec 2022, i.e. EXSOLVE_LAMMPS=2025 or 2026) against fix
# exchange/cations deltamu's (the same move) and fix exchange/cations' exchange (two atoms
# swap types), all with local energies, at 4 000 and 10 976 atoms. Per trial at N trials
# per invocation (fix sgcmc's most: one per atom): (loop time with the fix - without) /
# trials; and the marginal cost of a trial, from invocations of N/10 and of N trials (what
# an invocation costs whatever its trials drops out: the densities and near lists made the
# first time they are needed). Without MD (the atoms at rest: exsolve takes the densities
# the pair style summed) and with NVE MD between the invocations (the atoms moved since:
# exsolve sums the densities it needs). Best of REPEATS rounds, the runs of a row alternating.
# Usage: EXSOLVE_LAMMPS=2025 bench/exchange_cations/sgcmc.sh [launch arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=20
echo "| MD | atoms | fix sgcmc (ms/trial) | exchange/cations deltamu (ms/trial) | deltamu / sgcmc | exchange/cations swap (ms/trial) | swap / sgcmc | marginal: fix sgcmc (ms/trial) | marginal: deltamu (ms/trial) | marginal: deltamu / sgcmc | marginal: swap (ms/trial) | marginal: swap / sgcmc |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for md in no yes; do
  for cells in 10 14; do
    atoms=$((4 * cells * cells * cells))
    few=$((atoms / 10))
    args=(-var cells "$cells" -var steps "$steps" -var md "$md" "$@")
    # The runs of one row alternate, REPEATS rounds, best of each: this machine's speed drifts
    # by a fifth within minutes, and runs of one kind back to back would take their best from
    # different moments.
    declare -A best=()
    for ((round = 0; round < REPEATS; round++)); do
      best[base]=$(min_time "$(one_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$atoms" -var mode none)" "${best[base]:-}")
      for mode in reference semi_grand exsolve; do
        for n in "$atoms" "$few"; do
          t=$(one_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$n" -var mode "$mode")
          best[$mode.$n]=$(min_time "$t" "${best[$mode.$n]:-}")
        done
      done
    done
    row="$md $atoms"
    for mode in reference semi_grand exsolve; do row="$row ${best[$mode.$atoms]} ${best[$mode.$few]}"; done
    echo "$row" | awk -v b="${best[base]}" -v steps="$steps" '{
      n = $2; few = int(n / 10)
      for (k = 0; k < 3; k++) {
        per[k] = 1000 * ($(3 + 2 * k) - b) / (steps * n)
        marginal[k] = 1000 * ($(3 + 2 * k) - $(4 + 2 * k)) / (steps * (n - few))
      }
      printf "| %s | %d | %.4g | %.4g | %.2f | %.4g | %.2f | %.4g | %.4g | %.2f | %.4g | %.2f |\n", $1, n, per[0], per[1], per[1] / per[0],
        per[2], per[2] / per[0], marginal[0], marginal[1], marginal[1] / marginal[0], marginal[2], marginal[2] / marginal[0] }'
    unset best
  done
done
