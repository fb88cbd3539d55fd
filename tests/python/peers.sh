#!/usr/bin/env bash
# exsolve's Python module against a peer on the analysis test dumps: LAMMPS writes the dumps of
# tests/analysis (triclinic.in: tilted cell, particles across the slanted faces; particles_vs_fix.in:
# a merge and a split, read here gzipped, with fix nanoparticle/track's event file;
# bonds_pair_cutoffs.in: per-pair cutoffs), then
# <check>.py compares frame by frame and exits non-zero on any disagreement.
# Usage: peers.sh <runner> <build dir> <python> <check> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
python=$3 check=$4 work=$5
use_runner "$1" "$2"
fresh_workdir "$work"

for input in triclinic particles_vs_fix bonds_pair_cutoffs; do
  mkdir "$input"
  (cd "$input" && run_lammps lammps.txt -in "$here/../analysis/$input.in" -log log.lammps)
done
mv triclinic/tilted.dump bonds_pair_cutoffs/bonds.dump .
mv particles_vs_fix/events.txt particles_events.txt
gzip -c particles_vs_fix/particles.dump >particles.dump.gz

PYTHONPATH="$2/python:$here" PYTHONDONTWRITEBYTECODE=1 "$python" "$here/$check.py" "$PWD" \
  || fail "$check found disagreements (above)"
pass "$check"
