# Shared by slurm_cpu.sh and slurm_gpu.sh, sourced once `die` and `repo` are set: takes this
# array task's condition from inputs/demo/study.sh (study_vars: its demo.in variables),
# makes its output directory and changes into it. After LAMMPS, `check_condition_run`.
source "$repo/inputs/demo/study.sh"
[ -n "${SLURM_ARRAY_TASK_ID:-}" ] || die "run with sbatch (a job array, one task per condition)"
if ! [[ "$SLURM_ARRAY_TASK_ID" =~ ^[0-9]+$ ]] || [ "$SLURM_ARRAY_TASK_ID" -ge "${#study_conditions[@]}" ]; then
  die "array index $SLURM_ARRAY_TASK_ID: expected 0 to $((${#study_conditions[@]} - 1)) (${study_conditions[*]})"
fi
condition=${study_conditions[$SLURM_ARRAY_TASK_ID]}
study_lmp_vars "$condition"
out=${EXSOLVE_PRODUCTION_OUT:-$SLURM_SUBMIT_DIR/runs/production-$SLURM_ARRAY_JOB_ID}
mkdir -p "$out"
# The plugin refuses to overwrite its event files: a fresh directory per condition.
mkdir "$out/$condition" || die "$out/$condition exists: choose another EXSOLVE_PRODUCTION_OUT"
cd "$out/$condition"

# LAMMPS's exit status ($1), then the run's own checks in screen.txt.
check_condition_run()
{
  [ "$1" -eq 0 ] || { tail -20 screen.txt >&2; die "$condition: LAMMPS failed (see $PWD/screen.txt)"; }
  if grep -q "EXSOLVE_CHECK FAIL" screen.txt; then die "$condition: a check failed (see $PWD/screen.txt)"; fi
  grep -E "^(nve|demo): " screen.txt
}
