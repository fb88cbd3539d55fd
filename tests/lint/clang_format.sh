#!/usr/bin/env bash
# Every C++ file of the repository is laid out as clang-format lays it out with the repository's
# .clang-format: the files scripts/format.sh formats (its --list: every tracked *.cpp and *.h).
# Any file that clang-format would change fails the test; the names of such files and the head
# of each diff are printed. scripts/format.sh applies the layout.
# Usage: clang_format.sh [<repository root>]
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
repo=$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../..}" && pwd -P)
cd "$repo"

command -v clang-format >/dev/null \
  || fail "clang-format is not installed: install the Debian package clang-format (scripts/install-packages.sh lists it; scripts/setup.sh installs it)"
[ -f .clang-format ] || fail "no .clang-format in $repo"

files=()
while IFS= read -r f; do
  [ -f "$f" ] && files+=("$f")  # deleted in the work tree, not yet in git
done < <(bash scripts/format.sh --list)
[ ${#files[@]} -gt 0 ] || fail "no C++ files found under $repo"

version=$(clang-format --version | sed -n 's/.*clang-format version \([^ ]*\).*/\1/p')
# Lines of diff shown per file; the whole diff is one scripts/format.sh away.
diff_head_lines=20
formatted=$(mktemp)
remove_at_exit "$formatted"
unformatted=()
for f in "${files[@]}"; do
  clang-format --style="file:$repo/.clang-format" "$f" >"$formatted" || fail "clang-format $version failed on $f"
  if ! differences=$(diff -u --label "$f" --label "$f (clang-format)" "$f" "$formatted"); then
    unformatted+=("$f")
    changed=$(($(grep -c '^[-+]' <<<"$differences") - 2))  # less the two header lines
    echo "=== $f: $changed line(s) removed or added; the diff begins:"
    head -n "$diff_head_lines" <<<"$differences"
  fi
done
if [ ${#unformatted[@]} -gt 0 ]; then
  printf 'not formatted: %s\n' "${unformatted[@]}"
  fail "clang-format $version: ${#unformatted[@]} of ${#files[@]} C++ files are not formatted (above); run scripts/format.sh"
fi
pass "clang-format $version: ${#files[@]} C++ files, all formatted"
