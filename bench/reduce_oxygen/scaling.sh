#!/usr/bin/env bash
# ms per Monte Carlo attempt against the system size (scaling.in): fix gcmc full_energy,
# fix reduce/oxygen energy full and energy local, on 1 and 2 ranks; loop times are the best
# of REPEATS runs. Full energies: (loop time with the fix - loop time without) / attempts.
# Local energies: the marginal cost of an attempt, (loop time with 5 000 attempts per
# invocation - with 500) / 4 500, and the fixed cost of an invocation: (loop time with 500 -
# without) - 500 attempts, per invocation (of the two invocations, the first copies the atoms
# into cells, the second keeps that copy: fixed_cost.sh resolves the two). Prints a
# Markdown table for docs/performance.md.
# Usage: bench/reduce_oxygen/scaling.sh [cells...]   (default 6 10 14 20: 1 728 to 64 000 atoms)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
sizes=("${@:-6 10 14 20}")
read -ra sizes <<<"${sizes[*]}"
# Full-energy attempts cost a whole-system evaluation: few of them.
steps=2 full_attempts=5 few=500 many=5000
loop_time() {  # cells mode attempts launch-args...
  local cells=$1 mode=$2 attempts=$3
  shift 3
  best_loop_time "$here/scaling.in" "$@" -var cells "$cells" -var mode "$mode" -var steps $steps -var attempts "$attempts"
}
echo "| atoms | launch | fix gcmc full_energy (ms/attempt) | reduce/oxygen full (ms/attempt) | reduce/oxygen local (ms/attempt) | local: fixed cost per invocation (ms) | gcmc / local |"
echo "|---|---|---|---|---|---|---|"
for cells in "${sizes[@]}"; do
  for launch in "1 rank|" "2 MPI ranks|-np 2"; do
    IFS='|' read -r label args <<<"$launch"
    # shellcheck disable=SC2086
    base=$(loop_time "$cells" none 0 $args)
    # shellcheck disable=SC2086
    gcmc=$(loop_time "$cells" reference $full_attempts $args)
    # shellcheck disable=SC2086
    full=$(loop_time "$cells" full $full_attempts $args)
    # shellcheck disable=SC2086
    local_few=$(loop_time "$cells" local $few $args)
    # shellcheck disable=SC2086
    local_many=$(loop_time "$cells" local $many $args)
    awk -v n=$((8 * cells * cells * cells)) -v l="$label" -v b="$base" -v g="$gcmc" -v f="$full" \
        -v lf="$local_few" -v lm="$local_many" -v s=$steps -v a=$full_attempts -v few=$few -v many=$many 'BEGIN {
      g_ms = 1000 * (g - b) / (s * a); f_ms = 1000 * (f - b) / (s * a)
      l_ms = 1000 * (lm - lf) / (s * (many - few)); fixed = 1000 * (lf - b) / s - few * l_ms
      printf "| %d | %s | %.4g | %.4g | %.4g | %.3g | %.0f |\n", n, l, g_ms, f_ms, l_ms, fixed, g_ms / l_ms }'
  done
done
