#!/usr/bin/env bash
# Cost of compute particle/chemical_potential on the demo's system against the system size
# (bench.in; the two caps stay the same, the slab grows): per evaluation (atoms at rest,
# evaluated every step: loop time with it - with fix nanoparticle/track alone, per step),
# per particle atom, and as a share of the MD it would be evaluated in every 1 000 steps
# (MD cost per step from an MD run without either). Loop times: best of REPEATS runs.
# Prints a Markdown table for docs/performance.md.
# Usage: bench/particle_chemical_potential/run.sh [launch arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
steps=20
echo "| slab cells | atoms | MD (ms/step) | compute (ms/evaluation) | per particle atom (ms) | share at every 1 000 steps |"
echo "|---|---|---|---|---|---|"
for cells in "14 8" "28 16" "56 32" "80 48"; do
  read -r cx cy <<<"$cells"
  args=(-var cells_x "$cx" -var cells_y "$cy" -var steps "$steps" "$@")
  none=$(best_loop_time "$here/bench.in" "${args[@]}" -var every $steps -var mode none)
  reference=$(best_loop_time "$here/bench.in" "${args[@]}" -var every 1 -var md no -var mode reference)
  ours=$(best_loop_time "$here/bench.in" "${args[@]}" -var every 1 -var md no -var mode exsolve)
  # 3 cells deep, 5 atoms per cell, plus 272 Ni.
  awk -v cx="$cx" -v cy="$cy" -v n=$((cx * cy * 3 * 5 + 272)) -v a="$none" -v r="$reference" -v o="$ours" \
      -v s=$steps 'BEGIN {
    md = 1000 * a / s; per = 1000 * (o - r) / s
    printf "| %d x %d | %d | %.3g | %.3g | %.3g | %.2f %% |\n", cx, cy, n, md, per, per / 272, 100 * per / (1000 * md) }'
done
