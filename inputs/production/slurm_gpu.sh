#!/usr/bin/env bash
# The production study on GPU nodes with SLURM: a job array with one task per condition
# and replica (0 stoichiometric, 1 interface, 2 far_field, 3 interface_socketed; with
# EXSOLVE_REPLICAS=R, 4 R tasks: submit with --array=0-<4R-1>), each running inputs/production/production.in with the
# KOKKOS package on the GPU, one MPI rank per GPU.
#
# Needs LAMMPS built with Kokkos CUDA (-D PKG_KOKKOS=on -D Kokkos_ENABLE_CUDA=on and the
# Kokkos_ARCH_ of your GPU) and exsolve built against that LAMMPS (docs/building.md, "Against
# your own LAMMPS"); EXSOLVE_BUILD_DIR points bin/exsolve-lmp at it. scripts/setup.sh builds
# Kokkos with OpenMP only: its lmp stops at "-k on g 1". Not run on a GPU by the project yet
# (docs/production.md).
#
#   jid=$(sbatch --parsable inputs/production/slurm_gpu.sh); jid=${jid%%;*}
#   sbatch --dependency=afterok:$jid inputs/production/slurm_analyze.sh runs/production-$jid
#
# Arguments after the script name go to LAMMPS unchanged, e.g. the Kokkos defaults for GPUs
# (full neighbor lists, newton off) instead of the settings below:
#   sbatch inputs/production/slurm_gpu.sh -pk kokkos newton off neigh full
# Environment: EXSOLVE_ROOT, EXSOLVE_BUILD_DIR, EXSOLVE_PRODUCTION_OUT as in slurm_cpu.sh.
# Set partition/account (and the GPU request syntax) for your cluster. More GPUs per
# condition: --ntasks-per-node=G with --gpus-per-node=G; each rank then takes the GPU
# SLURM_LOCALID mod G (LAMMPS's rule for "-k on g G").
#SBATCH --job-name=exsolve-gpu
#SBATCH --array=0-3
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=1
#SBATCH --gpus-per-node=1
#SBATCH --cpus-per-task=4
#SBATCH --time=12:00:00
#SBATCH --output=exsolve-gpu-%A_%a.out
set -euo pipefail
die() { echo "slurm_gpu.sh: ERROR: $*" >&2; exit 1; }

repo=${EXSOLVE_ROOT:-${SLURM_SUBMIT_DIR:-$PWD}}
[ -x "$repo/bin/exsolve-lmp" ] || die "$repo/bin/exsolve-lmp not found: submit from the exsolve checkout or set EXSOLVE_ROOT"
# shellcheck source=slurm_condition.sh
source "$repo/inputs/production/slurm_condition.sh"

gpus_per_node=${SLURM_GPUS_ON_NODE:-1}
echo "slurm_gpu.sh: $condition on $SLURM_NTASKS ranks, $gpus_per_node GPU(s) per node, in $PWD"
# Half neighbor lists with newton on: what the LAMMPS docs (Speed_kokkos) suggest trying on
# Pascal and newer GPUs; the Kokkos default on GPUs is full lists with newton off.
srun --cpus-per-task="${SLURM_CPUS_PER_TASK:-1}" \
  "$repo/bin/exsolve-lmp" -in "$repo/inputs/production/production.in" "${study_vars[@]}" \
  -k on g "$gpus_per_node" -sf kk -pk kokkos newton on neigh half -log log.lammps "$@" > screen.txt 2>&1 && status=0 || status=$?
check_condition_run "$status"
