#!/usr/bin/env bash
# The Python environment of the tests and the bench: a venv under $EXSOLVE_CACHE (Debian's
# Python is externally managed, so nothing goes into the system's site-packages) with the
# peers of python/requirements-test.txt from PyPI. Prints the venv's python on stdout.
# Idempotent: pip runs again only when the requirements file changed.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

requirements="$EXSOLVE_ROOT/python/requirements-test.txt"
venv="$EXSOLVE_CACHE/python-venv"
stamp="$venv/.exsolve-requirements"

if [ -f "$stamp" ] && cmp -s "$stamp" "$requirements"; then
  step "Python venv: $venv is up to date"
else
  step "Python venv: $venv with $(grep -c '^[A-Za-z]' "$requirements") packages from PyPI (first time about 25 s)"
  # Debian's python3 (the one whose headers, python3-dev, the module is built against).
  /usr/bin/python3 -m venv "$venv" >&2 || die "python3 -m venv failed (is python3-venv installed?)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2 \
    || die "pip install -r $requirements failed (is PyPI reachable?)"
  cp "$requirements" "$stamp"
fi
echo "$venv/bin/python"
