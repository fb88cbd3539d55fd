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
# its attempts share them. The smallest of REPEATS runs each. Prints a Markdown table for
# docs/performance.md.
# Usage: [MODELS="eam meam"] bench/reduce_oxygen/attempt_cost.sh [launch arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
# cells per model (many_body.sh's sizes): about 2 000, 8 000, 22 000 and 64 000 atoms.
declare -A sizes=([eam]="8 13 18 25" [meam]="9 13 18 25" [snap]="10 16 22 32")
steps=100 few=11 many=111
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
invocation_seconds() {  # model cells check attempts launch-args...
  local model=$1 cells=$2 check=$3 attempts=$4 best="" s k
  shift 4
  for ((k = 0; k < REPEATS; k++)); do
    "$runner" "$@" -in "$here/many_body.in" -log none -echo none -var model "$model" -var cells "$cells" \
      -var mode local -var check "$check" -var steps $steps -var attempts "$attempts" </dev/null >"$work/out" 2>&1 ||
      { cat "$work/out" >&2; exit 1; }
    s=$(awk '/^EXSOLVE_BENCH invocation_seconds/ { print $3 }' "$work/out")
    [ -n "$s" ] || { tail -5 "$work/out" >&2; echo "no EXSOLVE_BENCH line" >&2; exit 1; }
    best=$(awk -v a="$s" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  echo "$best"
}
echo "| model | atoms | kept copy (ms/attempt) | copied anew (ms/attempt) | copied anew: fixed cost (ms/invocation) |"
echo "|---|---|---|---|---|"
read -ra models <<<"${MODELS:-eam}"
for model in "${models[@]}"; do
  atoms_per_cell=$([ "$model" = snap ] && echo 2 || echo 4)
  for cells in ${sizes[$model]}; do
    kept_few=$(invocation_seconds "$model" "$cells" yes $few "$@")
    kept_many=$(invocation_seconds "$model" "$cells" yes $many "$@")
    copied_few=$(invocation_seconds "$model" "$cells" no $few "$@")
    copied_many=$(invocation_seconds "$model" "$cells" no $many "$@")
    awk -v m="$model" -v n=$((atoms_per_cell * cells * cells * cells)) -v kf="$kept_few" -v km="$kept_many" \
        -v cf="$copied_few" -v cm="$copied_many" -v s=$steps -v few=$few -v many=$many 'BEGIN {
      kept = 1000 * (km - kf) / (s * (many - few)); copied = 1000 * (cm - cf) / (s * (many - few))
      printf "| %s | %d | %.4f | %.4f | %.3g |\n", m, n, kept, copied, 1000 * cf / s - few * copied }'
  done
done
