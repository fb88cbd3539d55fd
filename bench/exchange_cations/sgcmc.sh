#!/usr/bin/env bash
# ms per type-change trial on an EAM alloy (sgcmc.in): fix sgcmc's trial (one atom changes
# type; LAMMPS releases from 22 Dec 2022, i.e. EXSOLVE_LAMMPS=2025 or 2026) against fix
# exchange/cations deltamu's (the same move) and fix exchange/cations' exchange (two atoms
# swap types), all with local energies, each with `decide before_forces` (post_integrate, the
# default) and `after_forces` (post_force, fix sgcmc's moment), at 4 000 and 10 976 atoms.
# Per trial at N trials per invocation (fix sgcmc's most: one per atom): (loop time with the
# fix - without) / trials; and the marginal cost of a trial, from invocations of N/10 and of
# N trials (what an invocation costs whatever its trials drops out: the densities and near
# lists made the first time they are needed). Without MD (the atoms at rest: exsolve takes
# the densities the pair style summed) and with NVE MD between the invocations (the atoms
# moved since: before the forces exsolve sums the densities it needs, after them it takes
# the pair style's). Best of REPEATS rounds, the runs of a row alternating.
# Usage: EXSOLVE_LAMMPS=2025 bench/exchange_cations/sgcmc.sh [launch arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=20
# The fixes compared with fix sgcmc (reference): sgcmc.in's mode and exsolve's decide.
kinds=(semi_grand:before_forces semi_grand:after_forces exsolve:before_forces exsolve:after_forces)
echo "| MD | atoms | trial | fix sgcmc (ms/trial) | exsolve (ms/trial) | exsolve / sgcmc | marginal: fix sgcmc (ms/trial) | marginal: exsolve (ms/trial) | marginal: exsolve / sgcmc |"
echo "|---|---|---|---|---|---|---|---|---|"
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
      for kind in reference:before_forces "${kinds[@]}"; do
        for n in "$atoms" "$few"; do
          t=$(one_loop_time "$here/sgcmc.in" "${args[@]}" -var attempts "$n" -var mode "${kind%%:*}" -var decide "${kind#*:}")
          best[$kind.$n]=$(min_time "$t" "${best[$kind.$n]:-}")
        done
      done
    done
    for kind in "${kinds[@]}"; do
      case $kind in
        semi_grand:*) trial="deltamu, ${kind#*:}" ;;
        *) trial="swap, ${kind#*:}" ;;
      esac
      echo "$md $atoms ${best[reference:before_forces.$atoms]} ${best[reference:before_forces.$few]} ${best[$kind.$atoms]} ${best[$kind.$few]}" |
        awk -v b="${best[base]}" -v steps="$steps" -v trial="$trial" '{
          n = $2; few = int(n / 10)
          for (k = 0; k < 2; k++) {
            per[k] = 1000 * ($(3 + 2 * k) - b) / (steps * n)
            marginal[k] = 1000 * ($(3 + 2 * k) - $(4 + 2 * k)) / (steps * (n - few))
          }
          printf "| %s | %d | %s | %.4g | %.4g | %.2f | %.4g | %.4g | %.2f |\n", $1, n, trial, per[0], per[1], per[1] / per[0],
            marginal[0], marginal[1], marginal[1] / marginal[0] }'
    done
    unset best
  done
done
