#!/usr/bin/env bash
# ms per Monte Carlo attempt of a many-body move against the system size (many_body.in):
# fix gcmc full_energy, fix reduce/oxygen energy full and energy local, EAM, SNAP and MEAM
# (MODELS="eam snap meam"), 1 rank.
# Loop times are the best of REPEATS runs. Full energies: (loop time with the fix - without)
# / attempts. Local energies: the marginal cost of an attempt, (loop time with `many`
# attempts per invocation - with `few`) / (many - few), and the fixed cost of an invocation
# whose attempts are all rejected: (loop time with `few` - without) / invocations - few
# attempts. Prints a Markdown table for docs/performance.md.
# Usage: [MODELS="eam snap"] bench/reduce_oxygen/many_body.sh [launch arguments...]   (e.g. -np 2,
# or -var skin 0.3)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
# cells per model: about 2 000, 8 000, 22 000 and 64 000 atoms (fcc: 4 per cell, bcc: 2).
declare -A sizes=([eam]="8 13 18 25" [meam]="9 13 18 25" [snap]="10 16 22 32")
steps=2 full_attempts=2 few=20 many=220
loop_time() {  # model cells mode attempts
  best_loop_time "$here/many_body.in" "$@" -var model "$1" -var cells "$2" -var mode "$3" -var steps $steps \
    -var attempts "$4"
}
echo "| model | atoms | fix gcmc full_energy (ms/attempt) | reduce/oxygen full (ms/attempt) | reduce/oxygen local (ms/attempt) | local: fixed cost per invocation (ms) | full / local | gcmc / local |"
echo "|---|---|---|---|---|---|---|---|"
read -ra models <<<"${MODELS:-eam snap}"
for model in "${models[@]}"; do
  atoms_per_cell=$([ "$model" = snap ] && echo 2 || echo 4)
  for cells in ${sizes[$model]}; do
    base=$(loop_time "$model" "$cells" none 0 "$@")
    gcmc=$(loop_time "$model" "$cells" reference $full_attempts "$@")
    full=$(loop_time "$model" "$cells" full $full_attempts "$@")
    local_few=$(loop_time "$model" "$cells" local $few "$@")
    local_many=$(loop_time "$model" "$cells" local $many "$@")
    awk -v m="$model" -v n=$((atoms_per_cell * cells * cells * cells)) -v b="$base" -v g="$gcmc" -v f="$full" \
        -v lf="$local_few" -v lm="$local_many" -v s=$steps -v a=$full_attempts -v few=$few -v many=$many 'BEGIN {
      g_ms = 1000 * (g - b) / (s * a); f_ms = 1000 * (f - b) / (s * a)
      l_ms = 1000 * (lm - lf) / (s * (many - few)); fixed = 1000 * (lf - b) / s - few * l_ms
      printf "| %s | %d | %.4g | %.4g | %.4g | %.3g | %.0f | %.0f |\n", m, n, g_ms, f_ms, l_ms, fixed, f_ms / l_ms, g_ms / l_ms }'
  done
done
