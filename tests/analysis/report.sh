#!/usr/bin/env bash
# exsolve-analyze report end to end: every analysis, the gnuplot plots and report.html,
# checked in a real headless browser (Debian chromium): the page loads, shows its headings
# and all six plots, and renders to a screenshot.
# Usage: report.sh <runner> <exsolve-analyze> <build dir> <work dir>
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/helpers.sh
source "$here/../lib/helpers.sh"
analyze=$2 work=$4
use_runner "$1" "$3"
# shellcheck source=../lib/headless_browser.sh
source "$here/../lib/headless_browser.sh"
fresh_workdir "$work"
run_lammps lammps.txt -in "$here/bonds_vs_compute.in" -log log.lammps
"$analyze" report -c "$here/report.yaml" bonds.dump || fail "exsolve-analyze report failed"
for table in particles.csv bonds.csv socket.csv track.csv events.csv msd.csv coarsening.csv; do
  [ -s "report-out/$table" ] || fail "report-out/$table missing"
done
[ "$(grep -c '<svg' report-out/report.html)" -eq 6 ] || fail "report.html should hold 6 inline plots"

headless_browser "$work/browser-profile" --dump-dom "file://$work/report-out/report.html" > dom.html 2>browser.log \
  || { tail -5 browser.log; fail "chromium could not load the report"; }
grep -q "<h1>exsolve report</h1>" dom.html || fail "the rendered page lacks its title"
grep -q "diffusion_A2_per_ps" dom.html || fail "the rendered page lacks the key numbers"
[ "$(grep -c '<figure' dom.html)" -eq 6 ] || fail "the rendered page lacks figures"
headless_browser "$work/browser-profile" --window-size=1000,2400 --screenshot="$work/report.png" \
  "file://$work/report-out/report.html" >>browser.log 2>&1 || fail "chromium could not take a screenshot"
[ "$(stat -c %s report.png)" -gt 20000 ] || fail "the screenshot is (nearly) empty"
pass
