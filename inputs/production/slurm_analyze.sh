#!/usr/bin/env bash
# Analysis of a production study (slurm_cpu.sh or slurm_gpu.sh): exsolve-analyze report for
# each condition, then compare. Queue it behind the array job so that it starts only when
# all conditions have succeeded:
#
#   sbatch --dependency=afterok:<array job id> inputs/production/slurm_analyze.sh runs/production-<array job id>
#
# Submit from the exsolve checkout (or set EXSOLVE_ROOT); EXSOLVE_BUILD_DIR as for
# bin/exsolve-lmp. The report draws its plots with gnuplot, which must be on the node.
# Writes <out>/<condition>/report/ (or <out>/<condition>/replica-<k>/report/) and
# <out>/comparison/ (none may exist).
#SBATCH --job-name=exsolve-analyze
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --output=exsolve-analyze-%j.out
set -euo pipefail
die() { echo "slurm_analyze.sh: ERROR: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: sbatch slurm_analyze.sh <output directory of the production job>"
out=$(cd "$1" && pwd) || die "$1 is not a directory"
repo=${EXSOLVE_ROOT:-${SLURM_SUBMIT_DIR:-$PWD}}
analyze=${EXSOLVE_BUILD_DIR:-$repo/build}/analysis/tools/exsolve-analyze
[ -x "$analyze" ] || die "$analyze not found: submit from the exsolve checkout or set EXSOLVE_ROOT / EXSOLVE_BUILD_DIR"
command -v gnuplot > /dev/null || die "gnuplot not found (the report's plots need it; load its module)"

# shellcheck source=../demo/study.sh
source "$repo/inputs/demo/study.sh"
compare_args=("${study_comparisons[@]}")
for condition in "${study_conditions[@]}"; do
  # One run, or replica-<k> runs (EXSOLVE_REPLICAS > 1 in the array job).
  runs=("$out/$condition")
  compgen -G "$out/$condition/replica-*" > /dev/null && runs=("$out/$condition"/replica-*)
  for run in "${runs[@]}"; do
    [ -f "$run/dump.lammpstrj" ] || die "$run/dump.lammpstrj not found"
    echo "slurm_analyze.sh: report for ${run#"$out"/}"
    "$analyze" report -c "$repo/inputs/demo/analysis.yaml" -j "${SLURM_CPUS_PER_TASK:-1}" \
      -o "$run/report" "$run/dump.lammpstrj"
  done
  compare_args+=(--condition "$condition=$out/$condition")
done
"$analyze" compare "${compare_args[@]}" -o "$out/comparison"
echo "slurm_analyze.sh: $out/comparison/comparison.html"
