# shellcheck shell=bash
# Shared timing helpers for the benchmarks (sourced). A benchmark input takes
# -var mode none|reference|exsolve and -var steps N; the cost of one invocation is
# (loop time with the compute or fix - loop time without) / N, the best of REPEATS runs.
# A failed run inside $(...) stops the benchmark instead of leaving an empty number (bash
# does not pass set -e into command substitutions without this).
shopt -s inherit_errexit
runner="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bin/exsolve-lmp"
REPEATS=${REPEATS:-3}

# Loop time (s) of one run of `input` with the given launch and lmp arguments (the last
# `run` of the input).
one_loop_time() {  # input launch-and-lmp-args...
  local input=$1; shift
  local out t
  out=$(mktemp)
  "$runner" "$@" -in "$input" -log none -echo none </dev/null >"$out" 2>&1 \
    || { cat "$out" >&2; rm -f "$out"; echo "benchmark run failed: $*" >&2; exit 1; }
  t=$(awk '/^Loop time of/ {t = $4} END {print t}' "$out")
  rm -f "$out"
  [ -n "$t" ] || { echo "no loop time: $*" >&2; exit 1; }
  echo "$t"
}

# The smaller of two times (the first when the second is empty).
min_time() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }

# Best loop time (s) of REPEATS runs of `input` with the given launch and lmp arguments.
best_loop_time() {  # input launch-and-lmp-args...
  local best="" k
  for ((k = 0; k < REPEATS; k++)); do best=$(min_time "$(one_loop_time "$@")" "$best"); done
  echo "$best"
}

# fix reduce/oxygen's own timer: the seconds of the fastest of REPEATS runs of `input`, from
# its line "EXSOLVE_BENCH invocation_seconds S attempts A kept K" (the wall time of the fix's
# invocations, and how many of them kept the atom copy); every run must have kept it in
# `kept` invocations (check yes: all but a run's first; check no: none).
best_invocation_seconds() {  # input kept launch-and-lmp-args...
  local input=$1 expected=$2; shift 2
  local out best="" s kept k
  out=$(mktemp)
  for ((k = 0; k < REPEATS; k++)); do
    "$runner" "$@" -in "$input" -log none -echo none </dev/null >"$out" 2>&1 \
      || { cat "$out" >&2; rm -f "$out"; echo "benchmark run failed: $*" >&2; exit 1; }
    s=$(awk '/^EXSOLVE_BENCH invocation_seconds/ { print $3 }' "$out")
    kept=$(awk '/^EXSOLVE_BENCH invocation_seconds/ { print $7 }' "$out")
    [ -n "$s" ] || { tail -5 "$out" >&2; rm -f "$out"; echo "no EXSOLVE_BENCH line: $*" >&2; exit 1; }
    [ "$kept" = "$expected" ] || { rm -f "$out"; echo "$kept invocations kept the copy, expected $expected: $*" >&2; exit 1; }
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
  done
  rm -f "$out"
  echo "$best"
}

# "reference_ms exsolve_ms ratio" per invocation.
per_call_ms() {  # input steps launch-and-lmp-args...
  local input=$1 steps=$2; shift 2
  local base reference ours
  base=$(best_loop_time "$input" "$@" -var mode none -var steps "$steps")
  reference=$(best_loop_time "$input" "$@" -var mode reference -var steps "$steps")
  ours=$(best_loop_time "$input" "$@" -var mode exsolve -var steps "$steps")
  awk -v b="$base" -v r="$reference" -v o="$ours" -v n="$steps" \
    'BEGIN { rm = 1000 * (r - b) / n; om = 1000 * (o - b) / n; printf "%.3f %.3f %.2f\n", rm, om, om / rm }'
}

# The launch configurations every benchmark reports.
LAUNCHES="1 rank|
2 MPI ranks|-np 2
Kokkos OpenMP 1 thread (/kk)|-k on t 1 -sf kk
Kokkos OpenMP 2 threads (/kk)|-k on t 2 -sf kk"

# The Markdown table of a benchmark: per-invocation cost of the built-in and the exsolve
# style for every launch, with the occasional list built once and rebuilt every call (a
# tenth of the invocations then: each call is far costlier).
print_table() {  # reference-name exsolve-name input invocations
  local reference_name=$1 exsolve_name=$2 input=$3 steps=$4
  local moving list n label args reference ours ratio
  echo "| case | neighbor list | $reference_name (ms/call) | $exsolve_name (ms/call) | ratio |"
  echo "|---|---|---|---|---|"
  for moving in 0 1; do
    list=$([ "$moving" = 1 ] && echo "rebuilt every call" || echo "built once")
    n=$([ "$moving" = 1 ] && echo $((steps / 10)) || echo "$steps")
    while IFS='|' read -r label args; do
      # shellcheck disable=SC2086
      read -r reference ours ratio < <(per_call_ms "$input" "$n" $args -var moving "$moving")
      echo "| $label | $list | $reference | $ours | $ratio |"
    done <<<"$LAUNCHES"
  done
}
