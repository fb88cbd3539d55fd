# shellcheck shell=bash
# The demo study's conditions, in one place for inputs/demo/run.sh and the production SLURM
# scripts (source it; bash). The question: do oxygen vacancies at the particle-support
# interface weaken the particles' anchoring (fewer metal-oxygen bonds, more mobility and
# coarsening), and does socketing counter it? Hence, at the same number of vacancies
# (study_vacancies, fix reduce/oxygen's limit):
#   interface vs stoichiometric      do interface vacancies change anything at all?
#   interface vs far_field           is it their place, not their number? (the same count,
#                                    removed from the exposed layer away from the caps)
#   interface_socketed vs interface  does socketing (caps sunk two atomic layers, one cell,
#                                    into pits) counter it?
#   study_conditions     the condition names, in array-task order
#   study_comparisons    exsolve-analyze compare arguments for the three questions
#   study_lmp_vars NAME  sets the array study_vars to demo.in's -var arguments for NAME
#   study_run INDEX R    the INDEX-th run of the study with R replicas per condition (runs in
#                        condition-major order): sets study_condition, study_replica (1..R)
#                        and study_run_dir (<condition>, or <condition>/replica-<k> if R > 1)
study_conditions=(stoichiometric interface far_field interface_socketed)
# shellcheck disable=SC2034 # study_comparisons is read by the scripts that source this file
study_comparisons=(--versus interface=stoichiometric --versus interface=far_field
                   --versus interface_socketed=interface)
# 16 vacancies: both placements reach it within the first 1 000 steps of the default demo
# (measured: 19 interface and 24 far-field removals by then without a limit).
study_vacancies=16

study_lmp_vars()
{
  local reducing=(-var condition reducing -var vacancy_count "$study_vacancies")
  # shellcheck disable=SC2034 # study_vars is read by the scripts that source this file
  case $1 in
    stoichiometric) study_vars=(-var condition stoichiometric) ;;
    interface) study_vars=("${reducing[@]}" -var vacancy_site interface) ;;
    far_field) study_vars=("${reducing[@]}" -var vacancy_site far) ;;
    interface_socketed) study_vars=("${reducing[@]}" -var vacancy_site interface -var socket_layers 2) ;;
    *) echo "study.sh: unknown condition '$1'" >&2; return 1 ;;
  esac
}

study_run()
{
  local n=${#study_conditions[@]}
  study_condition=${study_conditions[$(($1 % n))]}
  study_replica=$(($1 / n + 1))
  # shellcheck disable=SC2034 # study_run_dir is read by the scripts that source this file
  if [ "$2" -eq 1 ]; then study_run_dir=$study_condition
  else study_run_dir=$study_condition/replica-$study_replica; fi
}
