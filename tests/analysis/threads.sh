#!/usr/bin/env bash
# exsolve-analyze over several threads gives byte-identical tables to one thread, and is
# quiet on stderr in a pipe (the progress line is for terminals only, checked too).
# Usage: threads.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"
run_lammps lammps.txt -in "$here/bonds_vs_compute.in" -log log.lammps
for command in particles bonds socket coarsening; do
  "$analyze" "$command" -c "$here/report.yaml" -o "one-$command" -j 1 bonds.dump >/dev/null 2>"one-$command.err" \
    || fail "$command -j 1 failed"
  "$analyze" "$command" -c "$here/report.yaml" -o "three-$command" -j 3 bonds.dump >/dev/null 2>"three-$command.err" \
    || fail "$command -j 3 failed"
  for table in "one-$command"/*.csv; do
    cmp -s "$table" "three-$command/$(basename "$table")" || fail "$command: $(basename "$table") differs between 1 and 3 threads"
  done
  [ ! -s "one-$command.err" ] || { cat "one-$command.err"; fail "$command wrote to stderr in a pipe"; }
done
# On a terminal (a pseudo-terminal from util-linux script) the progress line appears.
script -qec "'$analyze' particles -c '$here/report.yaml' -o tty-out bonds.dump" /dev/null > tty.txt 2>&1 \
  || fail "particles on a terminal failed"
grep -q "exsolve-analyze: frame 4 (step 8)" tty.txt || fail "no progress line on a terminal"
pass
