#!/usr/bin/env bash
# inputs/demo/run.sh refuses bad options with errors that name what was wrong, before
# anything runs or is written.
# Usage: options_errors.sh <work dir>
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib/helpers.sh
source "$repo/tests/lib/helpers.sh"
work=$1
fresh_workdir "$work"
expect_error() {  # <regex> <options...>
  local regex=$1; shift
  if bash "$repo/inputs/demo/run.sh" "$@" --out "$work/out" > out.txt 2>&1; then fail "run.sh $* should fail"; fi
  grep -Eq "demo: ERROR: .*$regex" out.txt || { cat out.txt; fail "run.sh $*: error should match '$regex'"; }
  [ ! -e "$work/out" ] || fail "run.sh $* left an output directory behind"
}
expect_error "--seed expects a positive integer, got 'x'" --seed x
expect_error "--seed expects a positive integer, got '0'" --seed 0
expect_error "--steps expects a positive integer, got '-5'" --steps -5
expect_error "--cells expects two positive integers" --cells 14
expect_error "--np expects a positive integer" --np two
expect_error "unknown option '--colour'" --colour red
expect_error "--replicas expects a positive integer, got '0'" --replicas 0
expect_error "--jobs expects a positive integer, got 'all'" --jobs all
mkdir -p "$work/existing" && touch "$work/existing/keep.txt"
if bash "$repo/inputs/demo/run.sh" --quick --out "$work/existing" > out.txt 2>&1; then fail "an existing --out should fail"; fi
grep -q "exists" out.txt || { cat out.txt; fail "an existing --out: error should say it exists"; }
[ -f "$work/existing/keep.txt" ] || fail "an existing output directory was touched"
pass
