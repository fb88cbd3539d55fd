#!/usr/bin/env bash
# Runs one LAMMPS test case through the exsolve runner and judges its output; exits 0 only
# when every check passes (tests/lib/helpers.sh). A hang is bounded by the test's ctest
# TIMEOUT (ctest stops the whole process tree, mpirun and its ranks included); the output
# is shown as it comes, so a timed-out case shows how far it got.
# Usage: run_case.sh --runner R --build-dir B --workdir W [--np N] [--expect-error REGEX]
#                    [--expect-output REGEX]... [--forbid-output REGEX]... [--expect-file FILE REGEX]...
#                    [--same-files FILE FILE]... -- <lmp args>
# FILE paths are relative to the work directory.
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
np=1 expect_error="" runner="" build_dir="" workdir=""
expect_output=() forbid_output=() expect_file=() same_files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runner) runner=$2; shift 2 ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --np) np=$2; shift 2 ;;
    --expect-error) expect_error=$2; shift 2 ;;
    --expect-output) expect_output+=("$2"); shift 2 ;;
    --forbid-output) forbid_output+=("$2"); shift 2 ;;
    --expect-file) expect_file+=("$2" "$3"); shift 3 ;;
    --same-files) same_files+=("$2" "$3"); shift 3 ;;
    --) shift; break ;;
    *) fail "run_case.sh: unknown option $1" ;;
  esac
done
fresh_workdir "$workdir"

launch=()
[ "$np" -eq 1 ] || launch=(-np "$np")
status=0
EXSOLVE_BUILD_DIR="$build_dir" "$runner" "${launch[@]}" "$@" -log log.lammps 2>&1 | tee output.txt || status=$?

! grep -qiE 'segmentation fault|signal [0-9]+|core dumped|terminate called' output.txt || fail "crashed (exit status $status)"

if [ -n "$expect_error" ]; then
  [ "$status" -ne 0 ] || fail "expected a non-zero exit"
  grep -E '^ERROR' output.txt | grep -E -- "$expect_error" >/dev/null || fail "no ERROR line matching: $expect_error"
  pass "error reported as expected"
fi

[ "$status" -eq 0 ] || fail "exit status $status"
! grep -qE '^ERROR' output.txt || fail "LAMMPS reported an ERROR"
! grep -q 'EXSOLVE_CHECK FAIL' output.txt || fail "a check failed (see EXSOLVE_CHECK FAIL lines)"
for pattern in "${forbid_output[@]}"; do
  ! grep -E -- "$pattern" output.txt || fail "output lines (above) match what must not appear: $pattern"
done
for pattern in "${expect_output[@]}"; do
  grep -qE -- "$pattern" output.txt || fail "no output line matching: $pattern"
done
for ((k = 0; k < ${#expect_file[@]}; k += 2)); do
  file=${expect_file[k]} pattern=${expect_file[k + 1]}
  [ -f "$file" ] || fail "expected file $file was not written"
  grep -qE -- "$pattern" "$file" || fail "no line of $file matches: $pattern"
done
for ((k = 0; k < ${#same_files[@]}; k += 2)); do
  cmp -s "${same_files[k]}" "${same_files[k + 1]}" \
    || { diff "${same_files[k]}" "${same_files[k + 1]}" || true; fail "${same_files[k]} and ${same_files[k + 1]} differ"; }
done
passes=$(grep -c 'EXSOLVE_CHECK PASS' output.txt || true)
[ "$passes" -gt 0 ] || fail "no EXSOLVE_CHECK PASS line: the input checked nothing"
pass "$passes checks"
