#!/usr/bin/env bash
# exsolve-analyze track against fix nanoparticle/track (the oracle: the same linking rules
# run by LAMMPS) on the scripted scenarios — same events in the same order — and against
# the imposed random walk: D = (1 Å)^2/3 per axis per step / 2 = 1/6 Å^2 per step, i.e.
# 166.7 Å^2/ps at 1 fs, MSD exponent 1.
# Usage: track_vs_fix.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
lammps_tests="$here/../lammps/nanoparticle_track"
fresh_workdir "$work"

run_lammps scenarios.txt -in "$lammps_tests/scenarios.in" -var dump_frames 1 -log scenarios.log
"$analyze" track -c "$here/track.yaml" scenarios.dump || fail "exsolve-analyze track failed"
# The fix records a change on the step it was made, the dump shows it one frame later:
# compare the events without their steps.
grep -v '^#' events.txt | cut -d' ' -f2- > fix_events.txt
tail -n +2 track-out/events.csv | cut -d, -f3- | tr ',' ' ' > tool_events.txt
[ "$(wc -l < fix_events.txt)" -ge 6 ] || fail "the fix recorded too few events"
diff fix_events.txt tool_events.txt || fail "events differ from fix nanoparticle/track"

run_lammps walk.txt -in "$lammps_tests/random_walk.in" -var dump_frames 1 -log walk.log
"$analyze" track -c "$here/walk.yaml" walk.dump || fail "exsolve-analyze track failed on the walk"
python_free_check=$(awk '/"D_A2_per_ps"/ { gsub(/[,]/, ""); d = $2 } /"msd_exponent"/ { gsub(/[,]/, ""); e = $2 }
  END { ok = (d > 0.85 * 166.667 && d < 1.15 * 166.667 && e > 0.9 && e < 1.1); print d, e, ok }' walk-out/track.json)
echo "random walk: D, exponent, ok = $python_free_check"
[ "${python_free_check##* }" = 1 ] || fail "diffusion coefficient or exponent off the imposed walk"
# One step of the walk: in-plane MSD = 2 x (1 Å)^2/3 = 0.6667 Å^2 over 40 000 samples.
awk -F, 'NR == 2 { ok = ($2 > 0.97 * 0.66667 && $2 < 1.03 * 0.66667) } END { exit !ok }' walk-out/msd.csv \
  || fail "MSD at one step off the imposed 0.6667 Å^2"
pass
