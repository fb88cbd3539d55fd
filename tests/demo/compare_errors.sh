#!/usr/bin/env bash
# exsolve-analyze compare refuses bad input with errors that name what was wrong, and
# never overwrites an existing output directory without --force.
# Usage: compare_errors.sh <exsolve-analyze> <work dir>
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
analyze=$1 work=$2
fresh_workdir "$work"
mkdir a b
expect_error() {  # <regex> <args...>
  local regex=$1; shift
  if "$analyze" compare "$@" > out.txt 2>&1; then fail "compare $* should fail"; fi
  grep -Eq "$regex" out.txt || { cat out.txt; fail "compare $*: error should match '$regex'"; }
}
expect_error "no series|cannot read .*series.txt|cannot open .*series.txt" --condition base=a --condition red=b -o o1
[ ! -e o1 ] || fail "a failed comparison left its output directory behind"
expect_error "NAME=DIR" --condition base --condition red=b -o o2
expect_error "plain word" --condition "my run=a" --condition red=b -o o3
expect_error "plain word" --condition "b<b>x=a" --condition red=b -o o3
expect_error "plain word" --condition "r,ed=a" --condition base=b -o o3
expect_error "condition x given twice" --condition x=a --condition x=b -o o3
expect_error "NAME=BASE" --condition x=a --condition y=b --versus x -o o3
printf '# x\n# TimeStep v_time_ps\n0 0\n' > a/series.txt
expect_error "condition base .*no column v_removed" --condition base=a --condition red=b -o o4
mkdir -p existing && touch existing/keep.txt
expect_error "exists" --condition base=a --condition red=b -o existing
[ -f existing/keep.txt ] || fail "an existing output directory was touched"
pass
