#!/usr/bin/env bash
# ms per Monte Carlo attempt against the system size (scaling.in): fix gcmc full_energy,
# fix reduce/oxygen energy full and energy local, on 1 and 2 ranks. Each cost is (loop time
# with the fix - loop time without) / attempts, the best of REPEATS runs. Prints a Markdown
# table for docs/performance.md.
# Usage: bench/reduce_oxygen/scaling.sh [cells...]   (default 6 10 14 20: 1 728 to 64 000 atoms)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
sizes=("${@:-6 10 14 20}")
read -ra sizes <<<"${sizes[*]}"
# Full-energy attempts cost a whole-system evaluation: few of them; local ones: many, so
# that the per-invocation set-up (copying the owned atoms, ordering the candidates) is
# shared as in a production run.
full_steps=2 full_attempts=5 local_steps=2 local_attempts=2000
ms_per_attempt() {  # cells mode steps attempts launch-args...
  local cells=$1 mode=$2 steps=$3 attempts=$4 base with
  shift 4
  base=$(best_loop_time "$here/scaling.in" "$@" -var cells "$cells" -var mode none -var steps "$steps")
  with=$(best_loop_time "$here/scaling.in" "$@" -var cells "$cells" -var mode "$mode" -var steps "$steps" \
                        -var attempts "$attempts")
  awk -v b="$base" -v w="$with" -v n=$((steps * attempts)) 'BEGIN { printf "%.4g", 1000 * (w - b) / n }'
}
echo "| atoms | launch | fix gcmc full_energy (ms/attempt) | reduce/oxygen full (ms/attempt) | reduce/oxygen local (ms/attempt) | gcmc / local |"
echo "|---|---|---|---|---|---|"
for cells in "${sizes[@]}"; do
  for launch in "1 rank|" "2 MPI ranks|-np 2"; do
    IFS='|' read -r label args <<<"$launch"
    # shellcheck disable=SC2086
    gcmc=$(ms_per_attempt "$cells" reference $full_steps $full_attempts $args)
    # shellcheck disable=SC2086
    full=$(ms_per_attempt "$cells" full $full_steps $full_attempts $args)
    # shellcheck disable=SC2086
    local_ms=$(ms_per_attempt "$cells" local $local_steps $local_attempts $args)
    awk -v n=$((8 * cells * cells * cells)) -v l="$label" -v g="$gcmc" -v f="$full" -v o="$local_ms" \
      'BEGIN { printf "| %d | %s | %s | %s | %s | %.0f |\n", n, l, g, f, o, g / o }'
  done
done
