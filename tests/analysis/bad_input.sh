#!/usr/bin/env bash
# exsolve-analyze on awkward and bad input, on small dumps written here (no LAMMPS): frame
# selection with `every` (the lags against the analytic ones of a particle sliding
# 0.3 Å per frame), timesteps out of order, no frame at all, corrupt positions, a box
# shorter than twice a cutoff, overlapping types, a report whose last frame has no
# particle, dumps cut short (gzip cut in half, a last line cut mid-number), an atom listed
# twice, an unknown subcommand, and gnuplot failing or missing. Every error must name what was wrong and where.
# Usage: bad_input.sh <runner> <exsolve-analyze> <build dir> <work dir>
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
analyze=$2 work=$4
fresh_workdir "$work"

# write_dump FILE BOX SPACING STEP...: one frame per STEP, the n-th (from 0) with four
# metal atoms (type 1) on a square of side SPACING Å at x = 5 + 0.3 n, and one support
# atom (type 2), in a periodic cube of side BOX Å.
write_dump() {
  local file=$1 box=$2 spacing=$3 n=0
  shift 3
  : > "$file"
  for step in "$@"; do
    awk -v step="$step" -v box="$box" -v a="$spacing" -v x="$(awk -v n=$n 'BEGIN { print 5 + 0.3 * n }')" 'BEGIN {
      printf "ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n5\nITEM: BOX BOUNDS pp pp pp\n", step
      for (k = 0; k < 3; ++k) printf "0 %g\n", box
      printf "ITEM: ATOMS id type x y z\n"
      printf "1 1 %g 1 1\n2 1 %g 1 1\n3 1 %g %g 1\n4 1 %g %g 1\n5 2 1 1 0.5\n", x, x + a, x, 1 + a, x + a, 1 + a
    }' >> "$file"
    n=$((n + 1))
  done
}
config() {  # config NAME [extra YAML lines]: a configuration writing to out-NAME
  printf 'metal_types: [1]\nparticle_cutoff: 2.9\natomic_volume: 10.94\ntimestep: 0.001\noutput: out-%s\n' "$1" > "$1.yaml"
  [ $# -lt 2 ] || printf '%s\n' "$2" >> "$1.yaml"
}
# expect_error NAME TEXT COMMAND...: COMMAND fails within 60 s and its stderr holds TEXT.
expect_error() {
  local name=$1 text=$2
  shift 2
  local status=0
  timeout 60 "$@" >/dev/null 2>"$name.err" || status=$?
  [ $status -ne 124 ] || fail "$name: no answer within 60 s"
  [ $status -ne 0 ] || fail "$name: exit status 0, an error was expected"
  grep -qF -- "$text" "$name.err" || { cat "$name.err"; fail "$name: the error lacks '$text'"; }
}

steps=(0 10 20 30 40 50 60 70 80 90 100 110 120)
write_dump good.dump 30 2 "${steps[@]}"

# frames: {every: 2} halves the frames, not the time between them: with every 2 the k-th
# lag is 2k frames of 10 steps of 1 fs, and its MSD (0.3 Å per frame, ballistic) is the
# one at lag 2k with every 1.
config every1
config every2 'frames: {every: 2}'
"$analyze" track -c every1.yaml good.dump >/dev/null 2>&1 || fail "track with every 1 failed"
"$analyze" track -c every2.yaml good.dump >/dev/null 2>&1 || fail "track with every 2 failed"
[ "$(tail -n +2 out-every2/msd.csv | wc -l)" -eq 6 ] || fail "every 2 on 13 frames should give 6 lags"
awk -F, 'NR == FNR { if (FNR > 1) one[FNR - 1] = $1 " " $2; next }
  FNR > 1 { k = FNR - 1; split(one[2 * k], o, " ")
            if ($1 != o[1] || ($1 - 0.02 * k) ^ 2 > 1e-12 || ($2 - (0.6 * k) ^ 2) ^ 2 > 1e-8 || ($2 - o[2]) ^ 2 > 1e-8) bad++ }
  END { exit bad > 0 }' out-every1/msd.csv out-every2/msd.csv \
  || { paste -d' ' out-every1/msd.csv out-every2/msd.csv; fail "lags or MSD with every 2 differ from every 1 at twice the lag"; }

# Timesteps after selection must increase (track, coarsening) and be evenly spaced (track).
write_dump reversed.dump 30 2 30 20 10 0
write_dump repeated.dump 30 2 0 10 20 20 30
write_dump uneven.dump 30 2 0 10 20 40 50
write_dump first_part.dump 30 2 0 10 20
write_dump second_part.dump 30 2 30 40 50
config order
expect_error reversed "reversed.dump: frame 2 (step 20) follows reversed.dump: frame 1 (step 30)" \
  "$analyze" track -c order.yaml --force reversed.dump
# A failed analysis leaves no output directory it created behind (a rerun needs no --force).
rm -rf out-fresh
expect_error reversed-fresh "follows reversed.dump: frame 1" "$analyze" track -c order.yaml -o out-fresh reversed.dump
[ ! -e out-fresh ] || fail "a failed analysis left its new output directory out-fresh behind"
# ... and leaves an existing one (given with --force) in place.
mkdir -p out-kept && touch out-kept/mine.txt
expect_error reversed-kept "follows reversed.dump: frame 1" "$analyze" track -c order.yaml -o out-kept --force reversed.dump
[ -d out-kept ] || fail "a failed analysis removed an output directory that existed before"
expect_error repeated "repeated.dump: frame 4 (step 20) follows repeated.dump: frame 3 (step 20)" \
  "$analyze" track -c order.yaml --force repeated.dump
expect_error uneven "uneven.dump: frame 4 (step 40) is 20 steps after uneven.dump: frame 3 (step 20), the frames before it are 10 steps apart" \
  "$analyze" track -c order.yaml --force uneven.dump
expect_error swapped "first_part.dump: frame 1 (step 0) follows second_part.dump: frame 3 (step 50)" \
  "$analyze" track -c order.yaml --force second_part.dump first_part.dump
expect_error coarsening_reversed "reversed.dump: frame 2 (step 20) follows reversed.dump: frame 1 (step 30)" \
  "$analyze" coarsening -c order.yaml --force reversed.dump
"$analyze" coarsening -c order.yaml --force uneven.dump >/dev/null 2>&1 \
  || fail "coarsening takes each frame's time: uneven spacing is fine"
"$analyze" track -c order.yaml --force first_part.dump second_part.dump >/dev/null 2>&1 \
  || fail "track over two dumps in time order failed"
config every2_uneven 'frames: {every: 2}'
write_dump every2_uneven.dump 30 2 0 10 20 25 40
"$analyze" track -c every2_uneven.yaml every2_uneven.dump >/dev/null 2>&1 \
  || fail "track: frames 0, 20, 40 selected by every 2 are evenly spaced"

# No frame analysed is an error naming the dumps.
: > empty.dump
printf 'ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n5\nITEM: BOX BOUNDS pp pp pp\n' > cut.dump
config none
expect_error empty "no frame analysed: the dumps (empty.dump, cut.dump) hold no complete frame" \
  "$analyze" particles -c none.yaml --force empty.dump cut.dump
config late 'frames: {first: 20}'
expect_error late "hold 13 complete frames (indices 0 to 12), the configuration late.yaml selects from frames.first = 20" \
  "$analyze" particles -c late.yaml good.dump

# Corrupt positions are refused by the reader (they used to hang the minimum-image fold).
config corrupt 'support_types: [2]'
sed '0,/^3 1 5 3 1$/s//3 1 1e300 3 1/' good.dump > far.dump
sed '0,/^3 1 5 3 1$/s//3 1 inf 3 1/' good.dump > infinite.dump
for command in particles track socket; do
  expect_error "far-$command" "far.dump: frame 1, line 12: atom 3: x = 1e+300 lies more than 1e+06 box lengths outside" \
    "$analyze" "$command" -c corrupt.yaml --force far.dump
done
expect_error infinite "infinite.dump: frame 1, line 12: atom 3: x is inf: positions must be finite numbers" \
  "$analyze" track -c corrupt.yaml --force infinite.dump

# A box shorter than twice a cutoff: the error names the dump and frame, in every path
# through the frame loop (sequential, parallel, the bond counter).
write_dump small.dump 5 2 0 10
config small 'oxygen_types: [2]
bond_cutoff: 2.6'
where="small.dump: frame 1 (step 0): periodic box length 5.000000 along axis 0 is less than twice the"
expect_error small-track "$where cluster cutoff 2.9" "$analyze" track -c small.yaml --force small.dump
expect_error small-particles "$where cluster cutoff 2.9" "$analyze" particles -c small.yaml --force -j 2 small.dump
sed -i 's/particle_cutoff: 2.9/particle_cutoff: 2.4/' small.yaml
expect_error small-bonds "$where bond cutoff 2.6" "$analyze" bonds -c small.yaml --force small.dump

# Metal and oxygen types must not overlap (metal-metal pairs would count as bonds).
config overlap 'oxygen_types: [2, 1]
bond_cutoff: 2.6'
expect_error overlap "overlap.yaml: key 'oxygen_types': type(s) 1 also in metal_types" "$analyze" bonds -c overlap.yaml good.dump

# report: no particle in the last frame (its atoms 8 Å apart) leaves out the size histogram
# and says why, in the page and on stderr, instead of failing in gnuplot.
write_dump spread_last.dump 30 8 130
cat good.dump spread_last.dump > last_empty.dump
config report 'min_size: 2'
"$analyze" report -c report.yaml last_empty.dump >/dev/null 2>report.err || { cat report.err; fail "report failed"; }
note="there were no particles in the last frame (frame 13, step 130)"
grep -qF "Not drawn: $note." out-report/report.html || fail "report.html does not say why the histogram is missing"
grep -qF "not drawn: $note" report.err || fail "stderr does not say why the histogram is missing"
[ "$(grep -c '<svg' out-report/report.html)" -eq 3 ] || fail "report.html should hold the 3 other plots"

# A gzip dump cut in half: the frames before the cut are analysed, the cut one is skipped
# with the warning on stderr and in the JSON sidecar; no coordinate of the cut line is data.
gzip -c good.dump > whole.dump.gz
head -c $(( $(stat -c %s whole.dump.gz) / 2 )) whole.dump.gz > half.dump.gz
config half
"$analyze" particles -c half.yaml half.dump.gz >/dev/null 2>half.err || { cat half.err; fail "particles on a cut gzip dump failed"; }
{ grep -qF "half.dump.gz: frame" half.err && grep -qF "is cut short" half.err && grep -qF "skipping it" half.err; } \
  || { cat half.err; fail "no cut-short warning for the gzip dump cut in half"; }
grep -qF "the gzip stream ends early" out-half/particles.json || fail "the JSON sidecar does not record the cut gzip stream"
frames_half=$(tail -n +2 out-half/particles.csv | cut -d, -f1 | sort -u | wc -l)
{ [ "$frames_half" -ge 1 ] && [ "$frames_half" -lt 13 ]; } || fail "expected between 1 and 12 whole frames of 13, got $frames_half"
# The same cut in a plain dump: the last line ends mid-number, without its newline.
head -c $(( $(stat -c %s good.dump) - 3 )) good.dump > cut.dump
config cut
"$analyze" particles -c cut.yaml cut.dump >/dev/null 2>cut.err || { cat cut.err; fail "particles on a cut plain dump failed"; }
grep -qF "the last line ends without a newline" cut.err || { cat cut.err; fail "no warning for a last line cut mid-number"; }
[ "$(tail -n +2 out-cut/particles.csv | cut -d, -f1 | sort -u | wc -l)" -eq 12 ] || fail "the cut 13th frame was analysed"
# An atom listed twice in a frame is an error naming it.
awk 'NR == 10 { print; print } NR != 10' good.dump > twice.dump
config twice
expect_error twice "twice.dump: frame 1: atom id 1 appears more than once (lines 10 and 11)" \
  "$analyze" particles -c twice.yaml twice.dump

# An unknown subcommand is named.
expect_error frobnicate "unknown subcommand 'frobnicate'; expected one of particles, bonds, track" \
  "$analyze" frobnicate -c half.yaml good.dump

# gnuplot's own words when it fails; a clear message when it is missing.
mkdir -p fake-bin
printf '#!/bin/sh\necho "gnuplot: line 7: fake failure for the test" >&2\nexit 1\n' > fake-bin/gnuplot
chmod +x fake-bin/gnuplot
expect_error gnuplot-fails "(exit status 1); the end of out-report/size_distribution.log:" \
  env PATH="$PWD/fake-bin:$PATH" "$analyze" report -c report.yaml --force good.dump
grep -qF "gnuplot: line 7: fake failure for the test" gnuplot-fails.err || fail "gnuplot's error is not shown"
expect_error gnuplot-missing "gnuplot was not found" env PATH=/nonexistent "$analyze" report -c report.yaml --force good.dump
pass
