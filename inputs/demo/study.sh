# The demo study's conditions, in one place for inputs/demo/run.sh and the production SLURM
# scripts (source it; bash). reducing vs stoichiometric asks whether interface vacancies
# weaken the particles' anchoring; reducing_socketed vs reducing whether socketing (caps
# sunk two atomic layers, one cell, into pits) counters it.
#   study_conditions     the condition names, in array-task order
#   study_comparisons    exsolve-analyze compare arguments for the two questions
#   study_lmp_vars NAME  sets the array study_vars to demo.in's -var arguments for NAME
study_conditions=(stoichiometric reducing reducing_socketed)
study_comparisons=(--versus reducing=stoichiometric --versus reducing_socketed=reducing)

study_lmp_vars()
{
  case $1 in
    stoichiometric) study_vars=(-var condition stoichiometric) ;;
    reducing) study_vars=(-var condition reducing) ;;
    reducing_socketed) study_vars=(-var condition reducing -var socket_layers 2) ;;
    *) echo "study.sh: unknown condition '$1'" >&2; return 1 ;;
  esac
}
