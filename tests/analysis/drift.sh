#!/usr/bin/env bash
# exsolve-analyze track removes the support's drift: a Ni-on-oxide system sliding rigidly
# (2 Å/ps) has particle MSD exactly 0 relative to the support; without support_types the
# same trajectories are ballistic (MSD exponent 2).
# Usage: drift.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"
run_lammps lammps.txt -in "$here/drift.in" -log log.lammps
base='metal_types: [2]\nparticle_cutoff: 3.0\nmin_size: 5\natomic_volume: 10.94\ntimestep: 0.001\n'
printf '%bsupport_types: [1]\noutput: corrected\n' "$base" > corrected.yaml
printf '%boutput: raw\n' "$base" > raw.yaml
"$analyze" track -c corrected.yaml drift.dump >/dev/null || fail "track with drift removal failed"
"$analyze" track -c raw.yaml drift.dump >/dev/null || fail "track without drift removal failed"
awk -F, 'NR > 1 && ($2 > 1e-8 || $2 < -1e-8) { bad++ } END { exit bad > 0 }' corrected/msd.csv \
  || fail "MSD relative to the support is not zero"
grep -q '"removed": true' corrected/track.json || fail "track.json does not record the drift removal"
awk '/"msd_exponent"/ { gsub(/,/, ""); e = $2 } END { exit !(e > 1.95 && e < 2.05) }' raw/track.json \
  || fail "raw trajectories should be ballistic (exponent 2)"
pass
