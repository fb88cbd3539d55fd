# shellcheck shell=bash
# Shared by slurm_cpu.sh and slurm_gpu.sh, sourced once `die` and `repo` are set: takes this
# array task's condition and replica from inputs/demo/study.sh (study_vars: its demo.in
# variables; EXSOLVE_REPLICAS replicas per condition, default 1: task i is condition
# i mod C, replica i div C + 1, seed 20251 + replica - 1), makes its output directory and
# changes into it. After LAMMPS, `check_condition_run`.
# shellcheck disable=SC2154 # repo is set by slurm_cpu.sh or slurm_gpu.sh, which source this file
# shellcheck source=../demo/study.sh
source "$repo/inputs/demo/study.sh"
[ -n "${SLURM_ARRAY_TASK_ID:-}" ] || die "run with sbatch (a job array, one task per condition and replica)"
replicas=${EXSOLVE_REPLICAS:-1}
[[ "$replicas" =~ ^[1-9][0-9]*$ ]] || die "EXSOLVE_REPLICAS must be a positive integer, got '$replicas'"
tasks=$((${#study_conditions[@]} * replicas))
if ! [[ "$SLURM_ARRAY_TASK_ID" =~ ^[0-9]+$ ]] || [ "$SLURM_ARRAY_TASK_ID" -ge "$tasks" ]; then
  die "array index $SLURM_ARRAY_TASK_ID: expected 0 to $((tasks - 1)) (${study_conditions[*]}, $replicas replicas each)"
fi
study_run "$SLURM_ARRAY_TASK_ID" "$replicas"
condition=$study_condition
study_lmp_vars "$condition"
study_vars+=(-var seed $((20251 + study_replica - 1)))
out=${EXSOLVE_PRODUCTION_OUT:-$SLURM_SUBMIT_DIR/runs/production-$SLURM_ARRAY_JOB_ID}
mkdir -p "$(dirname "$out/$study_run_dir")"
# The plugin refuses to overwrite its event files: a fresh directory per run.
mkdir "$out/$study_run_dir" || die "$out/$study_run_dir exists: choose another EXSOLVE_PRODUCTION_OUT"
cd "$out/$study_run_dir" || die "cannot enter $out/$study_run_dir"

# LAMMPS's exit status ($1), then the run's own checks in screen.txt.
check_condition_run()
{
  [ "$1" -eq 0 ] || { tail -20 screen.txt >&2; die "$condition: LAMMPS failed (see $PWD/screen.txt)"; }
  if grep -q "EXSOLVE_CHECK FAIL" screen.txt; then die "$condition: a check failed (see $PWD/screen.txt)"; fi
  grep -E "^(nve|demo): " screen.txt
}
