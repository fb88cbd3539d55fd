#!/usr/bin/env bash
# The exsolution study: does A-site deficiency bring more nickel to the surface, and more or
# earlier particles? Runs inputs/exsolution/exsolution.in for a stoichiometric host
# (SrTi1-xNixO3-x) and an A-site-deficient one (Sr1-yTi1-xNixO3-x-y) under the same reducing
# atmosphere, each as R independent replicas (seeds seed, seed+1, ...: the dopant and
# vacancy placement, the velocities and the Monte Carlo), up to --jobs runs at once with
# their progress; analyses each run with exsolve-analyze segregation (inputs/exsolution/
# analysis.yaml) and compares the hosts with exsolve-analyze compare (replicas as
# independent samples). Needs a built exsolve (scripts/run-exsolution.sh sets up first).
#
# Usage: inputs/exsolution/study.sh [--quick] [--steps N] [--replicas R] [--jobs J]
#                                   [--ni-fraction X] [--a-deficiency Y] [--ni-o-well D] [--seed N]
#                                   [--out DIR]
#   --quick            1000 MD steps, 2 replicas (about a minute on 2 cores; used by the tests)
#   --steps N          MD steps of 1 fs per run (default 30000 = 30 ps)
#   --replicas R       independent runs per host (default 4); runs in <out>/<host>/replica-<k>
#   --jobs J           runs at once (default: the cores)
#   --ni-fraction X    Ni2+ per B site in both hosts (default 0.10)
#   --a-deficiency Y   empty A sites per A site of the deficient host (default 0.05)
#   --ni-o-well D      the Ni(0)-O bond strength in eV (potentials/README.md: 0.15 weak, the
#                      default; 0.50 strong)
#   --seed N           seed of the first replica (default 4711); replica k uses seed + k - 1
#   --out DIR          output directory (must not exist; default runs/exsolution-<date>)
# Environment: EXSOLVE_BUILD_DIR (default <repo>/build), EXSOLVE_PROGRESS_EVERY (seconds
# between progress reports when not on a terminal, default 60).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${EXSOLVE_BUILD_DIR:-$repo/build}
analyze="$build_dir/analysis/tools/exsolve-analyze"
die() { echo "exsolution: ERROR: $*" >&2; exit 1; }

steps=30000 replicas=4 jobs="" ni_fraction=0.10 a_deficiency=0.05 well=0.15 seed=4711 out="" mc_every=100
fraction='^0?[.][0-9]+$'
while [ $# -gt 0 ]; do
  case $1 in
    --quick) steps=1000 replicas=2 mc_every=50; shift ;;
    --steps) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--steps expects a positive integer, got '${2:-}'"; steps=$2; shift 2 ;;
    --replicas) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--replicas expects a positive integer, got '${2:-}'"; replicas=$2; shift 2 ;;
    --jobs) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--jobs expects a positive integer, got '${2:-}'"; jobs=$2; shift 2 ;;
    --ni-fraction) [[ "${2:-}" =~ $fraction ]] || die "--ni-fraction expects a fraction like 0.10, got '${2:-}'"
                   ni_fraction=$2; shift 2 ;;
    --a-deficiency) [[ "${2:-}" =~ $fraction ]] || die "--a-deficiency expects a fraction like 0.05, got '${2:-}'"
                    a_deficiency=$2; shift 2 ;;
    --ni-o-well) [[ "${2:-}" =~ ^[0-9]*[.]?[0-9]+$ ]] || die "--ni-o-well expects a number (eV), got '${2:-}'"
                 well=$2; shift 2 ;;
    --seed) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--seed expects a positive integer, got '${2:-}'"; seed=$2; shift 2 ;;
    --out) [ -n "${2:-}" ] || die "--out expects a directory"; out=$2; shift 2 ;;
    *) die "unknown option '$1' (see the header of $0)" ;;
  esac
done
[ -x "$analyze" ] || die "$analyze not found: build exsolve first (scripts/setup.sh)"
if [ -z "$out" ]; then
  out="${EXSOLVE_RUNS:-$repo/runs}/exsolution-$(date +%Y%m%d-%H%M%S)"
  n=1
  while [ -e "$out" ]; do out="${EXSOLVE_RUNS:-$repo/runs}/exsolution-$(date +%Y%m%d-%H%M%S)-$n"; n=$((n + 1)); done
fi
[ -e "$out" ] && die "$out exists: choose another --out (nothing is overwritten)"
mkdir -p "$out"
out=$(cd "$out" && pwd)
[ -n "$jobs" ] || jobs=$(nproc)
# Segregation frames: about 30 per run; the track fix and the series every 100 steps (50
# with --quick, whose Monte Carlo runs every 50).
dump_every=$(( steps / 30 / mc_every * mc_every > mc_every ? steps / 30 / mc_every * mc_every : mc_every ))

conditions=(stoichiometric a_deficient)
deficiency_of() { [ "$1" = stoichiometric ] && echo 0 || echo "$a_deficiency"; }
run_dirs=() run_names=() run_seeds=()
for condition in "${conditions[@]}"; do
  for ((k = 1; k <= replicas; k++)); do
    if [ "$replicas" -eq 1 ]; then run_dirs+=("$out/$condition") run_names+=("$condition")
    else run_dirs+=("$out/$condition/replica-$k") run_names+=("$condition/replica-$k"); fi
    run_seeds+=($((seed + k - 1)))
  done
done
echo "exsolution: hosts x = $ni_fraction, A-site deficiency 0 and $a_deficiency, Ni(0)-O well $well eV;" \
     "$replicas replicas each, $steps steps, $jobs at once, in $out"

start_run() {  # index
  local i=$1 condition=${run_names[$1]%%/*}
  mkdir -p "${run_dirs[$i]}"
  # exec: the job's PID is LAMMPS itself, so that stopping it stops the run.
  (cd "${run_dirs[$i]}" && EXSOLVE_BUILD_DIR="$build_dir" exec "$repo/bin/exsolve-lmp" \
     -in "$repo/inputs/exsolution/exsolution.in" -var steps "$steps" -var mc_every "$mc_every" \
     -var track_every "$mc_every" -var dump_every "$dump_every" -var ni_fraction "$ni_fraction" \
     -var a_deficiency "$(deficiency_of "$condition")" -var ni_o_well_ev "$well" -var seed "${run_seeds[$i]}" -log log.lammps > screen.txt 2>&1) &
  pids[i]=$!
  started[i]=$SECONDS
}
pids=() started=() finished=() status=()
progress_label=exsolution
# shellcheck source=../demo/progress.sh
source "$repo/inputs/demo/progress.sh"
trap 'echo "exsolution: stopping the LAMMPS runs" >&2; kill "${pids[@]}" 2>/dev/null; wait; exit 130' INT TERM
next=0 running=0 failed=0
progress_start
while :; do
  while [ "$running" -lt "$jobs" ] && [ "$next" -lt "${#run_dirs[@]}" ]; do
    start_run "$next"; next=$((next + 1)); running=$((running + 1))
  done
  for i in "${!pids[@]}"; do
    [ -z "${status[$i]:-}" ] || continue
    kill -0 "${pids[$i]}" 2>/dev/null && continue
    if wait "${pids[$i]}"; then status[i]=0; else status[i]=1; failed=1; fi
    finished[i]=$SECONDS
    running=$((running - 1))
  done
  progress_show
  [ "$running" -gt 0 ] || [ "$next" -lt "${#run_dirs[@]}" ] || break
  sleep 1
done
progress_show final
trap - INT TERM
for i in "${!run_dirs[@]}"; do
  [ "${status[$i]}" -eq 0 ] && continue
  echo "exsolution: the ${run_names[$i]} run failed; last lines of ${run_dirs[$i]}/screen.txt:" >&2
  tail -15 "${run_dirs[$i]}/screen.txt" >&2
done
[ "$failed" -eq 0 ] || die "LAMMPS runs failed"
for i in "${!run_dirs[@]}"; do
  d=${run_dirs[$i]}
  grep -E "^exsolution done: " "$d/screen.txt" | sed "s|^|  ${run_names[$i]}: |"
  ! grep -q "EXSOLVE_CHECK FAIL" "$d/screen.txt" || die "${run_names[$i]}: a check failed"
  "$analyze" segregation -c "$repo/inputs/exsolution/analysis.yaml" -o "$d/segregation" "$d/dump.lammpstrj" \
    > "$d/segregation.txt" 2>&1 || { tail -5 "$d/segregation.txt" >&2; die "${run_names[$i]}: segregation failed"; }
done
compare_args=()
for condition in "${conditions[@]}"; do compare_args+=(--condition "$condition=$out/$condition"); done
"$analyze" compare "${compare_args[@]}" -o "$out/comparison" > "$out/comparison.txt" 2>&1 \
  || { cat "$out/comparison.txt" >&2; die "compare failed"; }
echo "exsolution: the answer (numbers in $out/comparison/exsolution_comparison.csv):"
sed 's/^/  /' "$out/comparison.txt"
echo "exsolution: report: $out/comparison/comparison.html"
