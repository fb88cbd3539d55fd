#!/usr/bin/env bash
# ms per Monte Carlo attempt of a many-body removal (many_body.in, energy local, every
# attempt rejected) as in MD, where fix reduce/oxygen keeps its copy of the atoms between
# LAMMPS's neighbor list builds and copies them anew after one. From the fix's own timer
# (vector element 11: the wall time of its invocations), 100 invocations of 11 and of 111
# attempts: per attempt (t111 - t11) / (100 x 100), the same invocations' fixed costs
# dropping out.
# - kept: neigh_modify check yes, atoms at rest: LAMMPS builds no list, every invocation but
#   the first keeps the copy, binned where the atoms were, and searches it a skin further;
# - copied: check no: a build on every step, every invocation copies the atoms anew; the
#   fixed cost of such an invocation (the copy, mostly) is t11 / 100 - 11 attempts.
# An invocation keeps the electron densities its attempts summed (EAM): in a small system
# its attempts share them (111 attempts look at 2 048 atoms 2.3 times each). The last two
# columns take out that sharing: one attempt per 256 atoms at every size (8 to 244), each
# atom looked at by about 0.16 attempts of an invocation, per attempt (tA - t1) / (n x
# (A - 1)) over n invocations (n x A about 24 400 attempts at every size: 3 050 invocations
# of 8), the copy kept and copied anew. The smallest of REPEATS runs each. Prints a
# Markdown table for docs/performance.md.
# Usage: [MODELS="eam meam"] bench/reduce_oxygen/attempt_cost.sh [launch arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
# cells per model (many_body.sh's sizes): about 2 000, 8 000, 22 000 and 64 000 atoms.
declare -A sizes=([eam]="8 13 18 25" [meam]="9 13 18 25" [snap]="10 16 22 32")
steps=100 few=11 many=111 sparse_attempts=24400
# The fix's seconds (smallest of REPEATS runs); with check yes every invocation but the
# run's first keeps the copy, with check no none does.
invocation_seconds() {  # model cells check attempts invocations launch-args...
  local model=$1 cells=$2 check=$3 attempts=$4 invocations=$5
  shift 5
  best_invocation_seconds "$here/many_body.in" \
    "$([ "$check" = yes ] && echo $((invocations - 1)) || echo 0)" "$@" -var model "$model" -var cells "$cells" \
    -var mode local -var check "$check" -var steps "$invocations" -var attempts "$attempts"
}
echo "| model | atoms | kept copy (ms/attempt) | copied anew (ms/attempt) | copied anew: fixed cost (ms/invocation) | attempts per invocation, 1 per 256 atoms | kept copy, 1 per 256 atoms (ms/attempt) | copied anew, 1 per 256 atoms (ms/attempt) |"
echo "|---|---|---|---|---|---|---|---|"
read -ra models <<<"${MODELS:-eam}"
for model in "${models[@]}"; do
  atoms_per_cell=$([ "$model" = snap ] && echo 2 || echo 4)
  for cells in ${sizes[$model]}; do
    kept_few=$(invocation_seconds "$model" "$cells" yes $few $steps "$@")
    kept_many=$(invocation_seconds "$model" "$cells" yes $many $steps "$@")
    copied_few=$(invocation_seconds "$model" "$cells" no $few $steps "$@")
    copied_many=$(invocation_seconds "$model" "$cells" no $many $steps "$@")
    atoms=$((atoms_per_cell * cells * cells * cells))
    sparse=$(((atoms + 128) / 256))
    sparse_steps=$(((sparse_attempts + sparse - 1) / sparse))
    kept_one=$(invocation_seconds "$model" "$cells" yes 1 $sparse_steps "$@")
    kept_sparse=$(invocation_seconds "$model" "$cells" yes $sparse $sparse_steps "$@")
    copied_one=$(invocation_seconds "$model" "$cells" no 1 $sparse_steps "$@")
    copied_sparse=$(invocation_seconds "$model" "$cells" no $sparse $sparse_steps "$@")
    awk -v m="$model" -v n=$atoms -v kf="$kept_few" -v km="$kept_many" -v cf="$copied_few" -v cm="$copied_many" \
        -v s=$steps -v few=$few -v many=$many -v a=$sparse -v ss=$sparse_steps -v k1="$kept_one" -v ka="$kept_sparse" \
        -v c1="$copied_one" -v ca="$copied_sparse" 'BEGIN {
      kept = 1000 * (km - kf) / (s * (many - few)); copied = 1000 * (cm - cf) / (s * (many - few))
      kept_sparse = 1000 * (ka - k1) / (ss * (a - 1)); copied_sparse = 1000 * (ca - c1) / (ss * (a - 1))
      printf "| %s | %d | %.4f | %.4f | %.3g | %d | %.4f | %.4f |\n", m, n, kept, copied, 1000 * cf / s - few * copied,
        a, kept_sparse, copied_sparse }'
  done
done
