#!/usr/bin/env bash
# exsolve-analyze track over 1, 2 and 3 threads writes the same files byte for byte (the
# sidecar apart from its "command" line, which quotes -j), on the scripted scenarios of
# fix nanoparticle/track (births, exchange, split, merge, death) and on a sliding system
# with the support's drift removed; and fails or warns the same way: a last frame cut
# short (skipped with a warning), a malformed frame, and a frame the analysis refuses
# (box shorter than twice the cutoff) just before a malformed one: the earlier frame's
# error is the one reported, as on one thread.
# Usage: track_threads.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"
run_lammps scenarios.txt -in "$here/../lammps/nanoparticle_track/scenarios.in" -var dump_frames 1 -log scenarios.log
run_lammps drift.txt -in "$here/drift.in" -log drift.log
printf 'metal_types: [2]\nparticle_cutoff: 3.0\nmin_size: 5\natomic_volume: 10.94\ntimestep: 0.001\nsupport_types: [1]\noutput: unused\n' \
  > drift.yaml

# track_all NAME CONFIG DUMP: runs track with -j 1, 2 and 3 into NAME-j<N>/, keeping each
# run's exit status (NAME-j<N>.status) and stderr (NAME-j<N>.err).
track_all() {
  local name=$1 config=$2 dump=$3 threads status
  for threads in 1 2 3; do
    status=0
    timeout 120 "$analyze" track -c "$config" -o "$name-j$threads" -j "$threads" "$dump" \
      >/dev/null 2>"$name-j$threads.err" || status=$?
    echo "$status" > "$name-j$threads.status"
  done
}
# same_files NAME: every file of NAME-j1/ is in NAME-j2/ and NAME-j3/ with the same bytes
# (track.json without its "command" line), and they hold no other file.
same_files() {
  local name=$1 threads file
  for threads in 2 3; do
    [ "$(ls "$name-j1")" = "$(ls "$name-j$threads")" ] || fail "$name: -j 1 and -j $threads write different files"
    for file in "$name-j1"/*.csv; do
      cmp -s "$file" "$name-j$threads/${file##*/}" || fail "$name: ${file##*/} differs between -j 1 and -j $threads"
    done
    cmp -s <(grep -v '^  "command": ' "$name-j1/track.json") <(grep -v '^  "command": ' "$name-j$threads/track.json") \
      || fail "$name: track.json differs between -j 1 and -j $threads"
  done
}
# same_answer NAME: the three runs ended with the same exit status and the same stderr.
same_answer() {
  local name=$1 threads
  for threads in 2 3; do
    cmp -s "$name-j1.status" "$name-j$threads.status" \
      || fail "$name: exit status $(cat "$name-j1.status") with -j 1, $(cat "$name-j$threads.status") with -j $threads"
    cmp -s "$name-j1.err" "$name-j$threads.err" || { cat "$name-j1.err" "$name-j$threads.err"; fail "$name: stderr differs between -j 1 and -j $threads"; }
  done
}

track_all scenarios "$here/track.yaml" scenarios.dump
same_answer scenarios
[ "$(cat scenarios-j1.status)" = 0 ] || { cat scenarios-j1.err; fail "track on the scenarios failed"; }
for event in birth exchange split merge death; do
  grep -q ",$event," scenarios-j1/events.csv || fail "the scenarios should hold a $event event"
done
{ [ -f scenarios-j1/track.json ] && [ "$(find scenarios-j1 -maxdepth 1 -name '*.csv' ! -name '.*' | wc -l)" -eq 3 ]; } || fail "track should write 3 tables and track.json"
same_files scenarios

track_all drift drift.yaml drift.dump
same_answer drift
[ "$(cat drift-j1.status)" = 0 ] || { cat drift-j1.err; fail "track on the sliding system failed"; }
grep -q '"removed": true' drift-j1/track.json || fail "the sliding system should have its drift removed"
same_files drift

# The last frame cut mid-number: skipped with the same warning, the same tables.
head -c $(( $(stat -c %s scenarios.dump) - 3 )) scenarios.dump > cut.dump
track_all cut "$here/track.yaml" cut.dump
same_answer cut
[ "$(cat cut-j1.status)" = 0 ] || { cat cut-j1.err; fail "track on a dump cut short failed"; }
grep -qF "the last line ends without a newline" cut-j1.err || { cat cut-j1.err; fail "no warning for the cut last frame"; }
same_files cut

# awk: counts the dump's frames (from 1) in `frame`.
count_frames='/^ITEM: TIMESTEP$/ { frame++ }'
# A malformed frame (an infinite x in frame 6): the same error for any -j.
awk "$count_frames"' frame == 6 && /^ITEM: ATOMS/ { print; getline; $3 = "inf" } { print }' scenarios.dump > inf.dump
track_all inf "$here/track.yaml" inf.dump
same_answer inf
[ "$(cat inf-j1.status)" = 1 ] || fail "track on a malformed frame should exit with status 1"
{ grep -qF "inf.dump: frame 6, line" inf-j1.err && grep -qF "positions must be finite numbers" inf-j1.err; } \
  || { cat inf-j1.err; fail "the malformed frame 6 is not named"; }

# Frame 5 with a box 5 Å long (refused by the cluster finder, on a worker thread) and frame
# 6 malformed (refused by the reader): frame 5 is reported, whatever -j.
awk "$count_frames"' frame == 5 && /^ITEM: BOX BOUNDS/ { print; getline; $0 = "0 5" }
  frame == 6 && /^ITEM: ATOMS/ { print; getline; $3 = "inf" } { print }' scenarios.dump > short.dump
track_all short "$here/track.yaml" short.dump
same_answer short
[ "$(cat short-j1.status)" = 1 ] || fail "track on a frame with a short box should exit with status 1"
grep -qF "short.dump: frame 5 (step 4): periodic box length 5.000000 along axis 0" short-j1.err \
  || { cat short-j1.err; fail "the short box of frame 5 is not the error reported"; }
pass
