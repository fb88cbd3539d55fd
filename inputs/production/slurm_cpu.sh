#!/usr/bin/env bash
# The production study on CPU nodes with SLURM: a job array with one task per condition
# (0 stoichiometric, 1 interface, 2 far_field, 3 interface_socketed; with
# EXSOLVE_REPLICAS=R, 4 R tasks: submit with --array=0-<4R-1>), each running inputs/production/production.in on MPI ranks
# (srun) with Kokkos OpenMP threads in each rank. Submit from the exsolve checkout, then
# queue the analysis to run once both tasks have succeeded:
#
#   jid=$(sbatch --parsable inputs/production/slurm_cpu.sh); jid=${jid%%;*}
#   sbatch --dependency=afterok:$jid inputs/production/slurm_analyze.sh runs/production-$jid
#
# Arguments after the script name go to LAMMPS unchanged (they win over production.in):
#   sbatch inputs/production/slurm_cpu.sh -var steps 200000 -var seed 7
# Environment (exported to the job by sbatch):
#   EXSOLVE_ROOT            the exsolve checkout (default: the directory sbatch ran in)
#   EXSOLVE_BUILD_DIR       its build (default <EXSOLVE_ROOT>/build; docs/building.md for a
#                           build against the cluster's LAMMPS)
#   EXSOLVE_PRODUCTION_OUT  output directory (default <submit dir>/runs/production-<job id>);
#                           each condition writes into <out>/<condition>, which must not exist
# Set partition/account for your cluster. Ranks x threads per node should equal the cores
# per node; docs/production.md explains how to split them.
#SBATCH --job-name=exsolve-cpu
#SBATCH --array=0-3
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=16
#SBATCH --cpus-per-task=2
#SBATCH --time=06:00:00
#SBATCH --output=exsolve-cpu-%A_%a.out
set -euo pipefail
die() { echo "slurm_cpu.sh: ERROR: $*" >&2; exit 1; }

repo=${EXSOLVE_ROOT:-${SLURM_SUBMIT_DIR:-$PWD}}
[ -x "$repo/bin/exsolve-lmp" ] || die "$repo/bin/exsolve-lmp not found: submit from the exsolve checkout or set EXSOLVE_ROOT"
# shellcheck source=slurm_condition.sh
source "$repo/inputs/production/slurm_condition.sh"

threads=${SLURM_CPUS_PER_TASK:-1}
# Kokkos OpenMP: threads pinned to the cores srun gives each rank (LAMMPS Speed_kokkos).
export OMP_PROC_BIND=spread OMP_PLACES=threads
echo "slurm_cpu.sh: $condition on $SLURM_NTASKS ranks x $threads threads in $PWD"
# bin/exsolve-lmp without -np execs lmp with the plugin variables, so srun starts the ranks.
# --cpus-per-task is repeated because srun does not inherit it from sbatch (Slurm >= 22.05).
srun --cpus-per-task="$threads" --cpu-bind=cores \
  "$repo/bin/exsolve-lmp" -in "$repo/inputs/production/production.in" "${study_vars[@]}" \
  -k on t "$threads" -sf kk -log log.lammps "$@" > screen.txt 2>&1 && status=0 || status=$?
check_condition_run "$status"
