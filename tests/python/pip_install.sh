#!/usr/bin/env bash
# `pip install ./python`, as docs/python.md tells a user, into a directory of its own (pip
# --target; the build backend scikit-build-core and pybind11 come from the test venv, so the
# build needs no network), then the module's unit tests (test_module.py) against that
# installed copy instead of the build tree's: the same answers from what pip built.
# Usage: pip_install.sh <python> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
python=$1 work=$2
fresh_workdir "$work"
"$python" -m pip install --quiet --disable-pip-version-check --no-build-isolation --no-deps --target "$work/site" \
  "$here/../../python" > pip.txt 2>&1 || { tail -30 pip.txt; fail "pip install ./python failed"; }
[ -f "$work/site/exsolve/__init__.py" ] || fail "pip installed no exsolve package into $work/site"
ls "$work"/site/exsolve/_exsolve*.so > /dev/null 2>&1 || fail "pip installed no compiled _exsolve module"
# The installed copy, not the build tree's (PYTHONPATH names only it and the tests).
PYTHONPATH="$work/site:$here" PYTHONDONTWRITEBYTECODE=1 "$python" -c \
  "import exsolve, sys; sys.exit(0 if exsolve.__file__.startswith('$work/site/') else 1)" \
  || fail "python did not import the pip-installed exsolve"
(cd "$here" && PYTHONPATH="$work/site:$here" PYTHONDONTWRITEBYTECODE=1 "$python" -m unittest test_module) > unittest.txt 2>&1 \
  || { tail -30 unittest.txt; fail "the module's tests fail on the pip-installed copy"; }
tail -3 unittest.txt
pass
