#!/usr/bin/env bash
# The demo study: runs inputs/demo/demo.in for each condition of inputs/demo/study.sh
# (stoichiometric; interface vacancies; the same number of far-field vacancies; socketed
# caps with interface vacancies), each as R independent replicas (seeds seed, seed+1, ...),
# up to --jobs runs at once; shows their progress; analyses each run with exsolve-analyze
# report and compares the conditions (replicas as independent samples) with exsolve-analyze
# compare. Needs a built exsolve (scripts/run-demo.sh sets up first).
#
# Usage: inputs/demo/run.sh [--quick] [--steps N] [--replicas R] [--jobs J] [--cells NX NY]
#                           [--caps NX NY] [--cap-radius R] [--ni-o-well D] [--seed N] [--np N]
#                           [--kokkos THREADS] [--out DIR]
#   --quick          1000 MD steps, 200 NVE steps, 2 replicas (under a minute on 2 cores;
#                    used by the tests)
#   --replicas R     independent runs per condition (default 3: with the default 20 ps the
#                    study stays under ~15 minutes on 2 cores); with R > 1 each condition's
#                    runs are in <out>/<condition>/replica-<k>
#   --jobs J         runs at once (default: the cores, divided by --np and --kokkos threads)
#   --steps N        production MD steps of 1 fs per run (default 20000 = 20 ps)
#   --cells NX NY    slab size in SrTiO3 cells (default 14 8); --cap-radius R in A (8.5)
#   --caps NX NY     Ni caps on an NX x NY grid over the slab (default 2 1)
#   --ni-o-well D    Ni(0)-O bond strength in eV (0.15 weak, default; 0.50 strong)
#   --seed N         random seed of velocities and Monte Carlo of the first replica
#                    (default demo.in's 20251); replica k uses seed + k - 1
#   --np N           MPI ranks per run (default 1)
#   --kokkos T       run the /kk styles with Kokkos OpenMP, T threads per rank
#   --out DIR        output directory (must not exist; default runs/demo-<date>)
# Progress: on a terminal one line per run, updated in place (step/total, elapsed, estimated
# remaining); in a pipe or log the same lines every EXSOLVE_PROGRESS_EVERY seconds (60).
# Environment: EXSOLVE_BUILD_DIR (default <repo>/build).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${EXSOLVE_BUILD_DIR:-$repo/build}
analyze="$build_dir/analysis/tools/exsolve-analyze"
die() { echo "demo: ERROR: $*" >&2; exit 1; }

steps=20000 nve_steps=1000 dump_every=200 cells_x=14 cells_y=8 caps_x=2 caps_y=1 cap_radius=8.5 well=0.15 seed=20251 ranks=1 kokkos="" out=""
replicas=3 jobs=""
number='^[0-9]+([.][0-9]+)?$'
while [ $# -gt 0 ]; do
  case $1 in
    --quick) steps=1000 nve_steps=200 dump_every=100 replicas=2; shift ;;
    --replicas) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--replicas expects a positive integer, got '${2:-}'"; replicas=$2; shift 2 ;;
    --jobs) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--jobs expects a positive integer, got '${2:-}'"; jobs=$2; shift 2 ;;
    --steps) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--steps expects a positive integer, got '${2:-}'"
             steps=$2 dump_every=$(( steps / 80 > 100 ? steps / 80 / 100 * 100 : 100 )); shift 2 ;;
    --cells) [[ "${2:-}" =~ ^[1-9][0-9]*$ && "${3:-}" =~ ^[1-9][0-9]*$ ]] || die "--cells expects two positive integers"
             cells_x=$2 cells_y=$3; shift 3 ;;
    --caps) [[ "${2:-}" =~ ^[1-9][0-9]*$ && "${3:-}" =~ ^[1-9][0-9]*$ ]] || die "--caps expects two positive integers"
            caps_x=$2 caps_y=$3; shift 3 ;;
    --cap-radius) [[ "${2:-}" =~ $number ]] || die "--cap-radius expects a number (A), got '${2:-}'"; cap_radius=$2; shift 2 ;;
    --ni-o-well) [[ "${2:-}" =~ $number ]] || die "--ni-o-well expects a number (eV), got '${2:-}'"; well=$2; shift 2 ;;
    --seed) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--seed expects a positive integer, got '${2:-}'"; seed=$2; shift 2 ;;
    --np) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--np expects a positive integer, got '${2:-}'"; ranks=$2; shift 2 ;;
    --kokkos) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--kokkos expects a thread count, got '${2:-}'"; kokkos=$2; shift 2 ;;
    --out) [ -n "${2:-}" ] || die "--out expects a directory"; out=$2; shift 2 ;;
    *) die "unknown option '$1' (see the header of $0)" ;;
  esac
done
[ -x "$analyze" ] || die "$analyze not found: build exsolve first (scripts/setup.sh)"
if [ -z "$out" ]; then
  out="${EXSOLVE_RUNS:-$repo/runs}/demo-$(date +%Y%m%d-%H%M%S)"
  n=1
  while [ -e "$out" ]; do out="${EXSOLVE_RUNS:-$repo/runs}/demo-$(date +%Y%m%d-%H%M%S)-$n"; n=$((n + 1)); done
fi
[ -e "$out" ] && die "$out exists: choose another --out (nothing is overwritten)"
mkdir -p "$out"
out=$(cd "$out" && pwd)

# The caps' chemical potential about 20 times per run (every 100 steps at least): the
# comparison block-averages the second half of its outputs.
mu_every=$(( steps / 20 / 100 * 100 > 100 ? steps / 20 / 100 * 100 : 100 ))
lmp_args=(-in "$repo/inputs/demo/demo.in" -var steps "$steps" -var nve_steps "$nve_steps" -var dump_every "$dump_every"
          -var mu_every "$mu_every"
          -var cells_x "$cells_x" -var cells_y "$cells_y" -var cap_radius "$cap_radius" -var caps_x "$caps_x" -var caps_y "$caps_y"
          -var ni_o_well_ev "$well")
[ -n "$kokkos" ] && lmp_args+=(-k on t "$kokkos" -sf kk)
[ -n "$jobs" ] || jobs=$(( $(nproc) / (ranks * ${kokkos:-1}) > 0 ? $(nproc) / (ranks * ${kokkos:-1}) : 1 ))

# shellcheck source=study.sh
source "$repo/inputs/demo/study.sh"
# shellcheck source=progress.sh
source "$repo/inputs/demo/progress.sh"
conditions=("${study_conditions[@]}")
# One run per condition and replica: its directory, name and seed.
run_dirs=() run_names=() run_seeds=()
for condition in "${conditions[@]}"; do
  for ((k = 1; k <= replicas; k++)); do
    if [ "$replicas" -eq 1 ]; then run_dirs+=("$out/$condition") run_names+=("$condition")
    else run_dirs+=("$out/$condition/replica-$k") run_names+=("$condition/replica-$k"); fi
    run_seeds+=($((seed + k - 1)))
  done
done
echo "demo: ${#conditions[@]} conditions x $replicas replicas, $steps steps each, $jobs at once, in $out"

start_run() {  # index
  local i=$1 condition=${run_names[$1]%%/*}
  mkdir -p "${run_dirs[$i]}"
  study_lmp_vars "$condition"
  # exec: the job's PID is LAMMPS itself (or mpirun), so that stopping it stops the run.
  (cd "${run_dirs[$i]}" && EXSOLVE_BUILD_DIR="$build_dir" exec "$repo/bin/exsolve-lmp" -np "$ranks" "${lmp_args[@]}" \
     "${study_vars[@]}" -var seed "${run_seeds[$i]}" -log log.lammps > screen.txt 2>&1) &
  pids[i]=$!
  started[i]=$SECONDS
}
pids=() started=() finished=() status=()
# Background jobs of a script ignore Ctrl-C: stop the runs when the driver is stopped.
trap 'echo "demo: stopping the LAMMPS runs" >&2; kill "${pids[@]}" 2>/dev/null; wait; exit 130' INT TERM
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
  echo "demo: the ${run_names[$i]} run failed; last lines of ${run_dirs[$i]}/screen.txt:" >&2
  tail -15 "${run_dirs[$i]}/screen.txt" >&2
done
[ "$failed" -eq 0 ] || die "LAMMPS runs failed"
for i in "${!run_dirs[@]}"; do
  d=${run_dirs[$i]}
  grep -E "^(nve|demo): " "$d/screen.txt" | sed "s|^|  ${run_names[$i]}: |"
  grep -q "EXSOLVE_CHECK FAIL" "$d/screen.txt" && die "${run_names[$i]}: a check failed"
  # The run's particle chemical potential (demo.in's compute rows) goes into its report too.
  config="$repo/inputs/demo/analysis.yaml"
  if [ -f "$d/chemical_potential.txt" ]; then
    config="$d/analysis.yaml"
    { cat "$repo/inputs/demo/analysis.yaml"; echo "chemical_potential_file: $d/chemical_potential.txt"; } > "$config"
  fi
  "$analyze" report -c "$config" -o "$d/report" "$d/dump.lammpstrj" \
    > "$d/report.txt" 2>&1 || { tail -5 "$d/report.txt" >&2; die "${run_names[$i]}: report failed"; }
done
compare_args=("${study_comparisons[@]}")
for condition in "${conditions[@]}"; do compare_args+=(--condition "$condition=$out/$condition"); done
"$analyze" compare "${compare_args[@]}" -o "$out/comparison"
echo "demo: numbers (all columns in $out/comparison/comparison.csv):"
# Columns of comparison.csv, by their names: with replicas, the means over them (merges per
# replica).
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i
                   printf "  %-18s %8s %10s %22s %22s %26s %7s %14s\n", "condition", "time/ps", "O removed",
                          "bonds/interface atom", "mu_p - mu_bulk (eV)", "D (A^2/ps)", "merges", "socket depth/A"; next }
         function pm(name, error, d) { return $col[name] == "nan" ? "n/a (run too short)" : sprintf("%." d "f +- %." d "f", $col[name], $col[error]) }
         { printf "  %-18s %8.1f %10.1f %22s %22s %26s %7.1f %14s\n", $col["condition"], $col["duration_ps"],
                  $col["oxygens_removed"], pm("bonds_per_interface_atom", "bonds_per_interface_atom_error", 3),
                  pm("chemical_potential_excess_eV", "chemical_potential_excess_error_eV", 4),
                  pm("diffusion_A2_per_ps", "diffusion_error_A2_per_ps", 4), $col["merges"],
                  ($col["socket_depth_local_A"] == "nan" ? "n/a" : sprintf("%.2f", $col["socket_depth_local_A"])) }' \
  "$out/comparison/comparison.csv"
echo "demo: report: $out/comparison/comparison.html"
