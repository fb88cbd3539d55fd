#!/usr/bin/env bash
# exsolve-analyze report analyses every frame once for all its analyses; its tables must
# be byte for byte those of the subcommands run one by one (particles, bonds, socket,
# track, coarsening), on 1 and 2 threads; bonds' annotated dump too when report is asked
# for it (--annotated-dump), and only then. Two LAMMPS dumps: two Ni caps on an oxygen net
# (every analysis; report.yaml) and clusters that merge and split (track events;
# track.yaml).
# Usage: report_one_pass.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
fresh_workdir "$work"
run_lammps caps.txt -in "$here/bonds_vs_compute.in" -log caps.log
run_lammps merge.txt -in "$here/particles_vs_fix.in" -log merge.log

# compare_with_subcommands <dump> <yaml> <subcommands...>
compare_with_subcommands() {
  local dump=$1 yaml=$2
  shift 2
  local threads command file compared=0
  for command in "$@"; do
    "$analyze" "$command" -c "$yaml" -o "$dump-$command" "$dump" >/dev/null 2>"$dump-$command.err" \
      || { cat "$dump-$command.err"; fail "$command on $dump failed"; }
  done
  # -j 1 with --annotated-dump (bonds' per-atom dump too), -j 2 without (tables only).
  for threads in 1 2; do
    local annotated=()
    [ "$threads" -eq 1 ] && annotated=(--annotated-dump)
    "$analyze" report -c "$yaml" -o "$dump-report-j$threads" -j "$threads" "${annotated[@]}" "$dump" >/dev/null \
      2>"$dump-report-j$threads.err" || { cat "$dump-report-j$threads.err"; fail "report -j $threads on $dump failed"; }
    for command in "$@"; do
      for file in "$dump-$command"/*.csv "$dump-$command"/*.dump; do
        [ -e "$file" ] || continue
        if [ "$threads" -eq 2 ] && [ "${file##*.}" = dump ]; then
          [ ! -e "$dump-report-j$threads/$(basename "$file")" ] \
            || fail "report without --annotated-dump wrote $(basename "$file")"
          continue
        fi
        cmp "$file" "$dump-report-j$threads/$(basename "$file")" \
          || fail "report -j $threads on $dump: $(basename "$file") differs from $command's"
        compared=$((compared + 1))
      done
    done
  done
  echo "$dump: $compared tables identical"
}

compare_with_subcommands bonds.dump "$here/report.yaml" particles bonds socket track coarsening
compare_with_subcommands particles.dump "$here/track.yaml" particles track coarsening
# The scenarios did happen: particles on every frame, bonds counted, a merge tracked.
[ "$(awk -F, 'NR > 1' bonds.dump-report-j1/socket.csv | wc -l)" -ge 5 ] || fail "socket.csv has too few rows"
awk -F, 'NR > 1 && $6 > 0 { found = 1 } END { exit !found }' bonds.dump-report-j1/bonds.csv \
  || fail "bonds.csv counts no bond"
grep -q ',merge,' particles.dump-report-j1/events.csv || fail "no merge in events.csv: the scenario did not happen"
pass
