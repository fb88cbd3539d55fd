#!/usr/bin/env bash
# The exsolution study end to end (inputs/exsolution/study.sh --quick): both hosts as 2
# replicas each run, every run's conservation checks pass and its segregation tables exist,
# the A-site-deficient host was built with empty A sites (its runs hold fewer Sr), compare
# chose the exsolution comparison and answers every tested quantity, with the tables and the
# page; progress lines appear in the (piped) output. Bad options are refused by name.
# Usage: study_quick.sh <build dir> <work dir>
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
# shellcheck source=../../lib/helpers.sh
source "$repo/tests/lib/helpers.sh"
build_dir=$1 work=$2
fresh_workdir "$work"
EXSOLVE_PROGRESS_EVERY=3 EXSOLVE_BUILD_DIR="$build_dir" bash "$repo/inputs/exsolution/study.sh" --quick --out "$work/run" \
  > study.txt 2>&1 || { tail -30 study.txt; fail "the study failed"; }
cat study.txt
grep -q "^  a_deficient/replica-2: done in " study.txt || fail "no final progress line"
for run in stoichiometric/replica-1 stoichiometric/replica-2 a_deficient/replica-1 a_deficient/replica-2; do
  grep -q "EXSOLVE_CHECK PASS nickel conserved" "run/$run/screen.txt" || fail "$run: nickel not checked"
  [ -s "run/$run/segregation/segregation_frames.csv" ] || fail "$run: no segregation tables"
  # Every birth of the event file has its line, with its place, in the births file.
  [ "$(grep -cE "^[0-9]+ birth " "run/$run/events.txt")" -eq "$(grep -cE "^[0-9]+ birth " "run/$run/births.txt")" ] \
    || fail "$run: births.txt and events.txt count different births"
done
sr_of() { grep -oE "[0-9]+ empty A sites" "run/$1/screen.txt" | head -1 | cut -d' ' -f1; }
[ "$(sr_of stoichiometric/replica-1)" -eq 0 ] || fail "the stoichiometric host has empty A sites"
[ "$(sr_of a_deficient/replica-1)" -gt 0 ] || fail "the A-site-deficient host has no empty A site"
for quantity in "nickel at the surface" "nickel reduced to Ni(0)" "Ni(0) in particles" "particles at the end" \
                "time of the first particle"; do
  grep -q "^  a_deficient vs stoichiometric (2 vs 2 runs): $quantity" study.txt || fail "no answer on $quantity"
done
for f in exsolution_comparison.csv exsolution_differences.csv comparison.html comparison.json; do
  [ -s "run/comparison/$f" ] || fail "run/comparison/$f missing"
done
for bad in "--steps 0|--steps expects a positive integer" "--a-deficiency 2|--a-deficiency expects a fraction" \
           "--ni-o-well strong|--ni-o-well expects a number" "--colour red|unknown option '--colour'"; do
  option=${bad%%|*} message=${bad#*|}
  # shellcheck disable=SC2086 # the option and its value are two words
  if EXSOLVE_BUILD_DIR="$build_dir" bash "$repo/inputs/exsolution/study.sh" $option --out "$work/bad" 2>bad.err; then
    fail "study.sh $option ran"
  fi
  grep -qF -- "$message" bad.err || { cat bad.err; fail "study.sh $option: the error does not say '$message'"; }
  [ ! -e "$work/bad" ] || fail "study.sh $option left $work/bad"
done
pass
