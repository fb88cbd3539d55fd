# shellcheck shell=bash
# Shared by every test script (sourced first thing): a test is judged by its exit status
# alone, 0 for passed and non-zero for failed; "TEST PASSED" / "TEST FAILED" lines are for
# the reader of the output.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/<...>/lib/helpers.sh"
#   fresh_workdir "$work"              # empty work directory, entered
#   use_runner "$runner" "$build_dir"  # then run_lammps <output file> -in <input> ...
#   some_check || fail "what is wrong"
#   pass                               # the last line of every test script
#
# Strict mode: any command that fails outside a condition (if, ||, &&) fails the test, an
# unset variable is an error, and a pipeline fails when any of its commands does.
set -Eeuo pipefail

test_verdict=""
test_remove_at_exit=()
test_failed_command=""
# Where an unexpected failure happened, for the message at exit (-E: also inside
# functions; a command substitution records only in its own subshell, so a grep that
# finds nothing inside $(...) leaves no trace here).
trap 'test_failed_command="${BASH_SOURCE[0]##*/}, line $LINENO: $BASH_COMMAND"' ERR
# A script cannot pass by accident: it must reach pass; leaving otherwise with status 0
# (an early "exit 0", a missing pass) is a failure too.
trap 'test_on_exit $?' EXIT

test_on_exit() {
  local status=$1
  [ ${#test_remove_at_exit[@]} -eq 0 ] || rm -rf "${test_remove_at_exit[@]}"
  [ -z "$test_verdict" ] || return 0
  if [ "$status" -eq 0 ]; then
    echo "TEST FAILED: the script ended without reaching pass"
    exit 1
  fi
  echo "TEST FAILED: a command failed unexpectedly (exit status $status)${test_failed_command:+ at $test_failed_command}"
}

# fail <message>: the test failed; says why and exits 1.
fail() {
  test_verdict=failed
  echo "TEST FAILED: $*"
  exit 1
}

# pass [<summary>]: every check passed; exits 0.
# shellcheck disable=SC2120 # the summary is optional: most tests call pass alone
pass() {
  test_verdict=passed
  echo "TEST PASSED${1:+: $1}"
  exit 0
}

# fresh_workdir <dir>: removes <dir> if it exists, creates it empty and enters it.
fresh_workdir() {
  [ -n "$1" ] || fail "fresh_workdir: no directory given"
  rm -rf "$1"
  mkdir -p "$1"
  cd "$1"
}

# remove_at_exit <path>...: deletes the paths when the test ends, however it ends.
remove_at_exit() {
  test_remove_at_exit+=("$@")
}

# use_runner <runner> <build dir>: run_lammps runs LAMMPS through <runner> (bin/exsolve-lmp)
# with the plugin of the exsolve build <build dir>.
test_runner="" test_build_dir=""
use_runner() {
  test_runner=$1 test_build_dir=$2
}

# run_lammps <output file> <runner arguments...>: one LAMMPS run through the runner given to
# use_runner, screen output (stdout and stderr) to <output file>. A non-zero exit shows the
# end of the output and fails the test. A hang is bounded by the test's ctest TIMEOUT.
run_lammps() {
  local output=$1 status=0
  shift
  [ -n "$test_runner" ] || fail "run_lammps: no runner given (use_runner)"
  EXSOLVE_BUILD_DIR="$test_build_dir" "$test_runner" "$@" >"$output" 2>&1 || status=$?
  [ "$status" -eq 0 ] || { tail -n 20 "$output"; fail "LAMMPS ($*) exited with status $status, output in $PWD/$output"; }
}
