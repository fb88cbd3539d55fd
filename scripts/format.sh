#!/usr/bin/env bash
# Formats the C++ of the repository in place with clang-format and the repository's
# .clang-format: every tracked *.cpp and *.h (core/, lammps-plugin/, analysis/, python/src/,
# tests/, bench/). The CMake templates (*.h.in) are not C++ until configured and are left alone.
# tests/lint/clang_format.sh checks exactly these files (it takes the list from --list).
# Usage: format.sh           format the files in place
#        format.sh --list    print the files, one a line, relative to the repository root
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$EXSOLVE_ROOT"

# The tracked files in a git checkout; otherwise (a source tarball) the same names found on disk.
list_files() {
  if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
    git ls-files -- '*.cpp' '*.h'
  else
    find core lammps-plugin analysis python/src tests bench \( -name '*.cpp' -o -name '*.h' \) -type f 2>/dev/null \
      | sort
  fi
}

case "${1:-}" in
  --list) list_files; exit 0 ;;
  "") ;;
  *) die "format.sh: unknown argument '$1' (expected none or --list)" ;;
esac

command -v clang-format >/dev/null \
  || die "clang-format is not installed: install the Debian package clang-format (scripts/install-packages.sh lists it)"
files=()
while IFS= read -r f; do
  [ -f "$f" ] && files+=("$f")  # a file deleted in the work tree, not yet in git, is skipped
done < <(list_files)
[ ${#files[@]} -gt 0 ] || die "no C++ files found under $EXSOLVE_ROOT"
clang-format -i --style="file:$EXSOLVE_ROOT/.clang-format" "${files[@]}"
step "clang-format $(clang-format --version | sed -n 's/.*clang-format version \([^ ]*\).*/\1/p'): formatted ${#files[@]} files"
