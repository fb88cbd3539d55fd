#!/usr/bin/env bash
# The event files of fix reduce/oxygen and fix nanoparticle/track on a full disk, serial
# and on 2 MPI ranks: the run must stop with an ERROR naming the file and the reason, on
# every rank together (no hang: bounded by `timeout`), not by a signal. Two full disks:
# the file /dev/full (every write fails with ENOSPC), met by the header when the file is
# opened; and, where the test may mount one (root, as in CI), a 4 KiB tmpfs, met by the
# event lines during the run (event_file_full_disk.in writes far more). A file-size limit
# (ulimit -f) cannot stand in here: Open MPI's own files in /tmp and /dev/shm meet it
# first. Without a full disk the same runs write their whole file.
# Usage: event_file_full_disk.sh <runner> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
runner=$1 build_dir=$2 work=$3
fresh_workdir "$work"

# run <log> <runner arguments...>: sets `status`; -log none: LAMMPS's own log file stays out.
run() {
  local log=$1
  shift
  status=0
  EXSOLVE_BUILD_DIR="$build_dir" timeout 120 "$runner" "$@" -log none -in "$here/event_file_full_disk.in" \
    > "$log" 2>&1 || status=$?
}

# expect_stop <what> <log> <style> <file> <reason>
expect_stop() {
  [ "$status" -ne 124 ] || { tail "$2"; fail "$1: hung"; }
  [ "$status" -ne 0 ] || { tail "$2"; fail "$1: exit status 0 after a failed write"; }
  [ "$status" -lt 128 ] || { tail "$2"; fail "$1: ended by signal $((status - 128))"; }
  grep -qF "ERROR: $3: cannot write event file '$4': $5" "$2" || { tail "$2"; fail "$1: no ERROR naming $4 and '$5'"; }
  echo "$1: $(grep -F "ERROR" "$2" | head -1)"
}

tmpfs=no
if [ "$(id -u)" -eq 0 ] && mkdir -p full && mount -t tmpfs -o size=4k exsolve-full-disk full 2>/dev/null; then
  tmpfs=yes
  # shellcheck disable=SC2154 # exit_status is assigned first thing in the trap string (ShellCheck misses assignments there)
  trap 'exit_status=$?; umount "$work/full" 2>/dev/null; test_on_exit $exit_status' EXIT
else
  echo "no tmpfs mounted (not root, or mount refused): only /dev/full is tested"
fi
[ -w /dev/full ] || fail "no writable /dev/full"

for fix in reduce track; do
  style=$([ $fix = reduce ] && echo "fix reduce/oxygen" || echo "fix nanoparticle/track")
  for np in 1 2; do
    launch=()
    [ $np -eq 1 ] || launch=(-np "$np")
    name="$fix-np$np"
    run "$name-whole.txt" "${launch[@]}" -var fix $fix -var event_file "$name-events.txt"
    [ "$status" -eq 0 ] || { tail "$name-whole.txt"; fail "$name: exit status $status"; }
    [ "$(stat -c %s "$name-events.txt")" -gt 4608 ] || fail "$name: the event file is too small to fill the tmpfs"

    run "$name-dev-full.txt" "${launch[@]}" -var fix $fix -var event_file /dev/full
    expect_stop "$name on /dev/full" "$name-dev-full.txt" "$style" /dev/full "No space left on device"
    if [ $tmpfs = yes ]; then
      rm -f full/*
      run "$name-tmpfs.txt" "${launch[@]}" -var fix $fix -var event_file full/events.txt
      expect_stop "$name on a full tmpfs" "$name-tmpfs.txt" "$style" full/events.txt "No space left on device"
      # The error of a flush of event lines, not of the header at the open.
      grep -q "the run stops: its record of events would be incomplete" "$name-tmpfs.txt" \
        || { tail "$name-tmpfs.txt"; fail "$name on a full tmpfs: stopped at the open (the header should fit)"; }
    fi
  done
done
pass "a failed event-file write stops the run with an error naming the file, serial and on 2 ranks"
