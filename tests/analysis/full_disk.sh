#!/usr/bin/env bash
# exsolve-analyze (every subcommand that writes) and exsolve-pair-table on a disk that
# fills up. The filling disk is a file-size limit (ulimit -f: every write beyond it fails
# with EFBIG, "File too large", as it would with ENOSPC on a full disk or EDQUOT at a
# quota), from below the smallest output to above the largest; as root also a 64 KiB
# tmpfs (a real ENOSPC). Each run must either succeed with every file byte-identical to a
# run without the limit, or exit non-zero (not by a signal, no uncaught exception) with
# "cannot write <dir>/<file>: <reason>" naming a file of the run that is larger than the
# limit, and leave no incomplete file under a final name: into a new directory nothing
# (it is removed), into an existing one (--force) each file is the old one or the complete
# new one, and no temporary file is left.
# Usage: full_disk.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
# shellcheck source=../lib/synthetic_caps_dump.sh
source "$here/../lib/synthetic_caps_dump.sh"
# shellcheck source=../lib/synthetic_run.sh
source "$here/../lib/synthetic_run.sh"
analyze=$2 work=$4
pair_table="$(dirname "$analyze")/exsolve-pair-table"
fresh_workdir "$work"
write_caps_dump caps.dump 40
caps_dump_config caps.yaml unused
make_run runs/base 1.5 0.1 0.02 8 1.6 0 -0.7
make_run runs/reduced 1.3 0.2 0.05 8 1.5 1 -1.9

# The commands, each writing into (or as) `out`; the same command line every time, since
# the sidecars and pages record it.
declare -A commands=(
  [particles]="$analyze particles -c caps.yaml -o out --force caps.dump"
  [bonds]="$analyze bonds -c caps.yaml -o out --force caps.dump"
  [track]="$analyze track -c caps.yaml -o out --force caps.dump"
  [coarsening]="$analyze coarsening -c caps.yaml -o out --force caps.dump"
  [socket]="$analyze socket -c caps.yaml -o out --force caps.dump"
  [report]="$analyze report -c caps.yaml -o out --force --annotated-dump caps.dump"
  [compare]="$analyze compare --condition base=runs/base --condition reduced=runs/reduced -o out --force"
  [pair_table]="$pair_table $here/../../potentials/pedone_2006.txt --points 2000 -o out --force")

# run_limited <KiB> <log> <name>: the command under a file-size limit; stdout and stderr go
# through a pipe into <log> (so the log is not limited). Sets `status`.
run_limited() {
  status=0
  # shellcheck disable=SC2086  # the command line is split into words on purpose
  bash -c 'ulimit -f "$0"; exec "$@"' "$1" ${commands[$3]} 2>&1 | cat > "$2" || status=$?
}

# final_files <path>: the files under <path> (a directory, or the one file), as relative names.
final_files() {
  if [ -d "$1" ]; then (cd "$1" && find . -type f | sed 's|^\./||' | sort); elif [ -e "$1" ]; then echo .; fi
}

# same_or_old <clean> <out> <name> <old allowed>: each file under <out> is the clean run's
# (or, when allowed, the old content "OLD"); no other file, no temporary file.
same_or_old() {
  local clean=$1 out=$2 name=$3 old=$4 file
  while read -r file; do
    [ -n "$file" ] || continue
    local got=$out clean_file=$clean
    [ "$file" = . ] || { got=$out/$file clean_file=$clean/$file; }
    [ -e "$clean_file" ] || fail "$name: $got is no output of a clean run (a temporary file left behind?)"
    cmp -s "$got" "$clean_file" && continue
    [ "$old" = yes ] && [ "$(cat "$got")" = OLD ] && continue
    fail "$name: $got is neither the complete new file nor the old one"
  done < <(final_files "$out")
}

# check <name> <KiB> <mode>: mode new (no output before) or existing (every output there,
# holding "OLD").
check() {
  local name=$1 kib=$2 mode=$3 log="$1-$2-$3.log"
  rm -rf out
  if [ "$mode" = existing ]; then
    if [ -d "clean-$name" ]; then
      mkdir out
      while read -r file; do mkdir -p "out/$(dirname "$file")"; echo OLD > "out/$file"; done < <(final_files "clean-$name")
    else
      echo OLD > out
    fi
  fi
  run_limited "$kib" "$log" "$name"
  grep -q "terminate called\|Aborted\|core dumped" "$log" && { cat "$log"; fail "$name at $kib KiB: crashed"; }
  if [ "$status" -eq 0 ]; then
    same_or_old "clean-$name" out "$name at $kib KiB ($mode)" no
    [ "$(final_files out)" = "$(final_files "clean-$name")" ] || fail "$name at $kib KiB ($mode): files missing"
    successes[$name]=1
    return
  fi
  [ "$status" -lt 128 ] || { cat "$log"; fail "$name at $kib KiB ($mode): ended by signal $((status - 128))"; }
  local named
  named=$(sed -n 's/^exsolve-[a-z-]*: error: cannot write \(out[^:]*\): .*/\1/p' "$log")
  { [ -n "$named" ] && [ "$(grep -c "error" "$log")" -eq 1 ]; } \
    || { cat "$log"; fail "$name at $kib KiB ($mode): not one error naming the file it could not write"; }
  grep -q "File too large\|No space left on device" "$log" || { cat "$log"; fail "$name: the reason is missing"; }
  local clean_file="clean-$name${named#out}"
  { [ -f "$clean_file" ] && [ "$(stat -c %s "$clean_file")" -gt $((kib * 1024)) ]; } \
    || fail "$name at $kib KiB ($mode): the error names $named, which is no output larger than the limit"
  if [ "$mode" = new ]; then
    [ ! -e out ] || fail "$name at $kib KiB: a failed run into a new directory left $(final_files out | head -3)"
  else
    same_or_old "clean-$name" out "$name at $kib KiB ($mode)" yes
  fi
  failures[$name]=1
}

declare -A successes failures
for name in "${!commands[@]}"; do
  rm -rf out
  run_limited unlimited "$name-clean.log" "$name"
  [ "$status" -eq 0 ] || { cat "$name-clean.log"; fail "$name without a limit failed"; }
  mv out "clean-$name"
  for kib in 1 4 16 64 256 4096; do
    check "$name" "$kib" new
    check "$name" "$kib" existing
  done
  [ -n "${failures[$name]:-}" ] || fail "$name never met the limit: the test checks nothing"
  [ -n "${successes[$name]:-}" ] || fail "$name never succeeded under a limit above its largest file"
done

# A real full disk, where the test may mount one (root, as in CI).
if [ "$(id -u)" -eq 0 ] && mkdir -p tmpfs && mount -t tmpfs -o size=64k exsolve-full-disk tmpfs 2>/dev/null; then
  # shellcheck disable=SC2154 # exit_status is assigned first thing in the trap string (ShellCheck misses assignments there)
  trap 'exit_status=$?; umount "$work/tmpfs" 2>/dev/null; test_on_exit $exit_status' EXIT
  status=0
  "$analyze" report -c caps.yaml -o tmpfs/out --annotated-dump caps.dump > tmpfs.log 2>&1 || status=$?
  { [ "$status" -ne 0 ] && [ "$status" -lt 128 ]; } || { cat tmpfs.log; fail "report on a full tmpfs: exit status $status"; }
  grep -q "^exsolve-analyze: error: cannot write tmpfs/out/[^:]*: No space left on device$" tmpfs.log \
    || { cat tmpfs.log; fail "report on a full tmpfs: no error naming the file"; }
  [ ! -e tmpfs/out ] || fail "report on a full tmpfs left tmpfs/out"
  umount tmpfs
  trap 'test_on_exit $?' EXIT
  echo "full tmpfs: $(cat tmpfs.log)"
else
  echo "no tmpfs mounted (not root, or mount refused): the file-size limit stands in for a full disk"
fi
pass "every writer fails cleanly under a file-size limit"
