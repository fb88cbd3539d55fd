#!/usr/bin/env bash
# Every shell script of the repository is ShellCheck-clean: the scripts (*.sh, bin/*, .ci/run)
# and the helpers they source (*.sh without #!, which name their shell with a
# "# shellcheck shell=bash" directive). ShellCheck follows the sourced helpers (-x) through the
# "# shellcheck source=" directives, relative to each script (.shellcheckrc:
# source-path=SCRIPTDIR). Any finding, of any severity, fails the test; a check that does not
# apply is disabled on the line concerned, with the reason, never for a whole file.
# Usage: shellcheck.sh [<repository root>]
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
repo=$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../..}" && pwd -P)
cd "$repo"

command -v shellcheck >/dev/null \
  || fail "shellcheck is not installed: install the Debian package shellcheck (scripts/install-packages.sh lists it; scripts/setup.sh installs it)"

# The tracked files in a git checkout (CI runs on a fresh clone); otherwise (a source tarball)
# the same names found on disk.
candidates=()
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$repo" ]; then
  mapfile -t candidates < <(git ls-files -- '*.sh' 'bin/*' .ci/run)
else
  mapfile -t candidates < <(find scripts inputs tests bench bin .ci \( -name '*.sh' -o -path 'bin/*' -o -path .ci/run \) \
                              -type f 2>/dev/null | sort)
fi
# *.sh files are checked whatever they start with (a helper without "# shellcheck shell=" is a
# finding); other files (bin/, .ci/run) when they start with a sh or bash #! line.
files=()
for f in "${candidates[@]}"; do
  [ -f "$f" ] || continue  # deleted in the work tree, not yet in git
  if [[ "$f" == *.sh ]] || head -n 1 "$f" | grep -qE '^#!.*[/ ](ba)?sh( |$)'; then files+=("$f"); fi
done
[ ${#files[@]} -gt 0 ] || fail "no shell scripts found under $repo"

version=$(shellcheck --version | sed -n 's/^version: //p')
status=0
findings=$(shellcheck -x -f gcc "${files[@]}" 2>&1) || status=$?
if [ "$status" -ne 0 ] || [ -n "$findings" ]; then
  echo "$findings"
  fail "shellcheck $version: $(grep -c . <<<"$findings") finding(s) in ${#files[@]} shell scripts (above; exit status $status)"
fi
pass "shellcheck $version: ${#files[@]} shell scripts, no findings"
