#!/usr/bin/env bash
# exsolve-analyze compare on synthetic run directories with known numbers: conditions run
# as replicas (<condition>/replica-<k>/) are compared on the spread over replicas, with the
# means, standard errors, Welch t, degrees of freedom, p-values and replicas needed that a
# hand computation gives; one run per condition (today's layout) still works, on each
# run's block errors, with the run length needed; replicas against one run combine the
# two; a run without chemical_potential.txt (an older demo) has no estimate of the
# particles' chemical potential and says why; a malformed replica directory is named.
# The expected numbers are from tests/unit/statistics/hand_numbers.py (python3, standard
# library only: sample means and variances, Welch's formulas, the t density integrated by
# Simpson's rule), as printed there.
# Usage: compare_replicas.sh <exsolve-analyze> <work dir>
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
# shellcheck source=../lib/synthetic_run.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/synthetic_run.sh"
analyze=$1 work=$2
fresh_workdir "$work"

# near <file> <row key regex> <column name> <expected> <relative tolerance>
near() {
  awk -F, -v key="$2" -v name="$3" -v want="$4" -v tol="$5" '
    NR == 1 { for (c = 1; c <= NF; c++) col[$c] = c; if (!(name in col)) { print "no column " name; exit 2 } next }
    $0 ~ key { found = 1; got = $col[name]; d = got - want; if (d < 0) d = -d; s = want < 0 ? -want : want
               if (d > tol * (s > 1e-12 ? s : 1)) { printf "%s: %s = %s, expected %s\n", key, name, got, want; exit 1 } }
    END { if (!found) { print "no row " key; exit 1 } }' "$1" || fail "$1: $2 $3"
}

# --- Replicas: stoichiometric 3, reducing 4 (values per replica).
s_bonds=(1.52 1.55 1.50) s_D=(0.08 0.11 0.09) s_exp=(1.6 1.7 1.65) s_merges=(0 0 0) s_depth=(-0.7 -0.6 -0.8)
r_bonds=(1.30 1.22 1.27 1.25) r_D=(0.15 0.40 0.22 0.31) r_exp=(1.5 1.4 1.55 1.45) r_merges=(1 0 1 0) r_depth=(-1.9 -2.1 -2.0 -1.8)
s_mu=(0.30 0.32 0.31) r_mu=(0.36 0.40 0.35 0.38)
for k in 0 1 2; do
  make_run "runs/stoichiometric/replica-$((k + 1))" "${s_bonds[k]}" "${s_D[k]}" 0.02 8 "${s_exp[k]}" "${s_merges[k]}" \
    "${s_depth[k]}" "${s_mu[k]}"
done
for k in 0 1 2 3; do
  make_run "runs/reducing/replica-$((k + 1))" "${r_bonds[k]}" "${r_D[k]}" 0.05 8 "${r_exp[k]}" "${r_merges[k]}" \
    "${r_depth[k]}" "${r_mu[k]}"
done
"$analyze" compare --condition stoichiometric=runs/stoichiometric --condition reducing=runs/reducing -o replicas \
  > replicas.txt 2>&1 || { cat replicas.txt; fail "compare on replicas failed"; }
cat replicas.txt
t=replicas/comparison.csv
near $t "^stoichiometric," replicas 3 0
near $t "^reducing," replicas 4 0
near $t "^stoichiometric," bonds_per_interface_atom 1.5233333333 1e-9
near $t "^stoichiometric," bonds_per_interface_atom_error 0.0145296631 1e-8
near $t "^reducing," bonds_per_interface_atom 1.26 1e-9
near $t "^reducing," bonds_per_interface_atom_error 0.0168325082 1e-8
near $t "^stoichiometric," diffusion_A2_per_ps 0.0933333333 1e-9
near $t "^stoichiometric," diffusion_error_A2_per_ps 0.0088191710 1e-8
near $t "^reducing," diffusion_error_A2_per_ps 0.0543139025 1e-8
near $t "^reducing," merges 0.5 1e-12
near $t "^reducing," merges_error 0.2886751346 1e-8
near $t "^reducing," socket_depth_local_A -1.95 1e-9
near $t "^reducing," socket_depth_local_error_A 0.0645497224 1e-8
near $t "^reducing," socket_depth_global_A -1.45 1e-9
near $t "^stoichiometric," msd_exponent 1.65 1e-9
near $t "^stoichiometric," chemical_potential_excess_eV 0.31 1e-9
near $t "^stoichiometric," chemical_potential_excess_error_eV 0.0057735027 1e-8
near $t "^reducing," chemical_potential_excess_eV 0.3725 1e-9
near $t "^reducing," chemical_potential_excess_error_eV 0.0110867789 1e-8
near $t "^reducing," diffusion_segments 32 0
t=replicas/comparison_differences.csv
near $t "^reducing_vs_stoichiometric,.*,bonds_per_interface_atom,replicas," change -0.2633333333 1e-9
near $t ",bonds_per_interface_atom,replicas," error 0.0222361068 1e-8
near $t ",bonds_per_interface_atom,replicas," t -11.8426006861 1e-9
near $t ",bonds_per_interface_atom,replicas," degrees_of_freedom 4.9848961611 1e-9
near $t ",bonds_per_interface_atom,replicas," p_value 7.70741398e-05 1e-6
near $t ",bonds_per_interface_atom,replicas," significant 1 0
near $t ",bonds_per_interface_atom,replicas," replicas_needed 2 0
near $t ",diffusion_A2_per_ps,replicas," t 3.2106474239 1e-9
near $t ",diffusion_A2_per_ps,replicas," degrees_of_freedom 3.1569857044 1e-9
near $t ",diffusion_A2_per_ps,replicas," p_value 0.0455526988 1e-7
near $t ",diffusion_A2_per_ps,replicas," replicas_needed 6 0
# merges: no spread in stoichiometric (all 0), so df = 4 - 1 = 3.
near $t ",merges,replicas," t 1.7320508076 1e-9
near $t ",merges,replicas," degrees_of_freedom 3 1e-12
near $t ",merges,replicas," p_value 0.1816901138 1e-7
near $t ",merges,replicas," significant 0 0
near $t ",socket_depth_local_A,replicas," t -14.4337567297 1e-9
near $t ",socket_depth_local_A,replicas," degrees_of_freedom 4.9591836735 1e-9
near $t ",socket_depth_local_A,replicas," p_value 3.05872204e-05 1e-6
near $t ",chemical_potential_excess_eV,replicas," change 0.0625 1e-9
near $t ",chemical_potential_excess_eV,replicas," t 5.0 1e-9
near $t ",chemical_potential_excess_eV,replicas," degrees_of_freedom 4.3661060802 1e-9
near $t ",chemical_potential_excess_eV,replicas," p_value 0.0059399740 1e-6
near $t ",chemical_potential_excess_eV,replicas," significant 1 0
near $t ",chemical_potential_excess_eV,replicas," replicas_needed 3 0
[ "$(grep -c '' replicas/comparison_replicas.csv)" -eq 8 ] || fail "comparison_replicas.csv: header and 7 replicas expected"
near replicas/comparison_replicas.csv "^reducing,2," diffusion_A2_per_ps 0.40 1e-12
near replicas/comparison_replicas.csv "^stoichiometric,3," bonds_per_interface_atom 1.50 1e-12
grep -q "reducing vs stoichiometric (4 vs 3 replicas; " replicas.txt || fail "the answer does not name the replicas"
grep -q "merges 0.5 vs 0 per replica" replicas.txt || fail "the answer lacks the merges per replica"
grep -q "particle chemical potential above bulk +0.0625 +- 0.0125 eV, significant (t = 5.0, .*): higher chemical potential" \
  replicas.txt || fail "the answer lacks the chemical potential's verdict"
# Each run's particle rows (time, particle, atoms, mu_p - mu_bulk, bonds) behind figs. 2A/2B.
near replicas/chemical_potential_reducing_replica-2.csv "^0.1,2," chemical_potential_excess_eV 0.30 1e-12
near replicas/chemical_potential_reducing_replica-2.csv "^0.1,2," atoms 60 0
near replicas/chemical_potential_reducing_replica-2.csv "^0.1,2," bonds_per_interface_atom 1.22 1e-12
python3 -c '
import json, sys
j = json.load(open("replicas/comparison.json"))
r = j["conditions"]["reducing"]
assert r["replicas"] == 4 and len(r["per_replica"]) == 4, "per-replica values"
assert r["per_replica"][1]["diffusion_A2_per_ps"] == 0.40 and r["per_replica"][1]["directory"].endswith("replica-2")
d = j["differences"]["reducing_vs_stoichiometric"]["diffusion_A2_per_ps"]
assert d["basis"] == "replicas" and d["replicas_needed"] == 6 and abs(d["p_value"] - 0.0455526988) < 1e-8, d
' || fail "comparison.json lacks the replica values or the test"
[ "$(grep -c '<svg' replicas/comparison.html)" -eq 5 ] || fail "comparison.html should hold 5 plots"
grep -q "id='chemical_potential_size'" replicas/comparison.html || fail "comparison.html lacks mu_p against size"
grep -q "id='chemical_potential_bonds'" replicas/comparison.html || fail "comparison.html lacks mu_p against bonds"
[ -s replicas/series_reducing_replica-4.csv ] || fail "each replica's series table is missing"

# --- One run per condition (today's layout): each run's block errors. Bonds block means
# over the second half: 1.51 1.55 1.50 1.54 1.49 and 1.29 1.21 1.27 1.31 1.23; D 0.09 +-
# 0.013 and 0.50 +- 0.41 over 8 segments each (not significant: run 10.6 times longer).
# The chemical potential's block means: 0.31 0.32 0.30 0.31 0.29 and 0.41 0.37 0.42 0.38 0.42.
make_run single/stoichiometric "1 1 1 1 1 1 1 1 1 1 1.50 1.52 1.54 1.56 1.49 1.51 1.53 1.55 1.48 1.50" \
  0.09 0.013 8 1.7 0 -0.7 "0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.30 0.32 0.31 0.33 0.29 0.31 0.30 0.32 0.28 0.30"
make_run single/reducing "1 1 1 1 1 1 1 1 1 1 1.28 1.30 1.20 1.22 1.26 1.28 1.30 1.32 1.22 1.24" \
  0.50 0.41 8 1.5 1 -2.0 "0 0 0 0 0 0 0 0 0 0 0.40 0.42 0.38 0.36 0.41 0.43 0.37 0.39 0.40 0.44"
"$analyze" compare --condition stoichiometric=single/stoichiometric --condition reducing=single/reducing -o single_out \
  > single.txt 2>&1 || { cat single.txt; fail "compare on single runs failed"; }
cat single.txt
near single_out/comparison.csv "^stoichiometric," replicas 1 0
near single_out/comparison.csv "^stoichiometric," bonds_per_interface_atom 1.518 1e-9
near single_out/comparison.csv "^stoichiometric," bonds_per_interface_atom_error 0.0115758369 1e-8
t=single_out/comparison_differences.csv
near $t ",bonds_per_interface_atom,within_run," t -11.7091674559 1e-9
near $t ",bonds_per_interface_atom,within_run," degrees_of_freedom 6.7057200716 1e-9
near $t ",bonds_per_interface_atom,within_run," p_value 1.03926822e-05 1e-6
near $t ",diffusion_A2_per_ps,within_run," degrees_of_freedom 7.014074941 1e-9
near $t ",diffusion_A2_per_ps,within_run," p_value 0.3507791982 1e-7
near $t ",diffusion_A2_per_ps,within_run," significant 0 0
near $t ",diffusion_A2_per_ps,within_run," run_length_factor 10.6355235 1e-6
grep -q "(one run each: errors from within each run; " single.txt || fail "the answer does not say the errors are within-run"
grep -q "runs about 10.6 times longer would resolve" single.txt || fail "the answer lacks the run length needed"
near single_out/comparison.csv "^stoichiometric," chemical_potential_excess_eV 0.306 1e-9
near single_out/comparison.csv "^stoichiometric," chemical_potential_excess_error_eV 0.0050990195 1e-8
near $t ",chemical_potential_excess_eV,within_run," t 8.0604335017 1e-9
near $t ",chemical_potential_excess_eV,within_run," degrees_of_freedom 5.7908578585 1e-9
near $t ",chemical_potential_excess_eV,within_run," p_value 0.0002333983 1e-6

# --- A run of an older demo, without chemical_potential.txt: no estimate, and why.
cp -r single/reducing single/reducing_old && rm single/reducing_old/chemical_potential.txt
"$analyze" compare --condition stoichiometric=single/stoichiometric --condition reducing=single/reducing_old -o old_out \
  > old.txt 2>&1 || { cat old.txt; fail "compare with a run without chemical_potential.txt failed"; }
grep -q "particle chemical potential above bulk n/a, no estimate: no chemical_potential.txt" old.txt ||
  fail "the answer does not say the chemical potential is missing"
grep -q '^reducing,.*,nan,nan$' old_out/comparison.csv || fail "old_out/comparison.csv: the chemical potential should be nan"
[ "$(grep -c '<svg' old_out/comparison.html)" -eq 3 ] || fail "without every run's chemical potential, 3 plots"

# --- Replicas against one run ("mixed"): the replicas' spread (3 replicas) against the
# run's block errors (5 blocks); no sample-size estimate from such a pair.
"$analyze" compare --condition stoichiometric=runs/stoichiometric --condition reducing=single/reducing -o mixed \
  > mixed.txt 2>&1 || { cat mixed.txt; fail "compare of replicas with one run failed"; }
t=mixed/comparison_differences.csv
near $t ",bonds_per_interface_atom,mixed," t -11.0918719655 1e-9
near $t ",bonds_per_interface_atom,mixed," degrees_of_freedom 5.9410164082 1e-9
near $t ",bonds_per_interface_atom,mixed," p_value 3.41961211e-05 1e-6
grep -q ",bonds_per_interface_atom,mixed,.*,nan,nan$" $t || fail "$t: a mixed comparison has no sample-size estimate"

# --- Malformed replica directories: named, and no output left behind.
expect_error() {  # <regex> <args...>
  local regex=$1; shift
  if "$analyze" compare "$@" > out.txt 2>&1; then fail "compare $* should fail"; fi
  grep -Eq "$regex" out.txt || { cat out.txt; fail "compare $*: error should match '$regex'"; }
}
rm runs/reducing/replica-2/series.txt
expect_error "condition reducing \(runs/reducing\): replica runs/reducing/replica-2: cannot open runs/reducing/replica-2/series.txt" \
  --condition stoichiometric=runs/stoichiometric --condition reducing=runs/reducing -o bad1
[ ! -e bad1 ] || fail "a failed comparison left its output directory behind"
mv runs/reducing/replica-2 runs/reducing/replica-5
expect_error "runs/reducing: replica-2 missing \(replica-3 exists\)" \
  --condition stoichiometric=runs/stoichiometric --condition reducing=runs/reducing -o bad2
mkdir runs/stoichiometric/replica-two
expect_error "runs/stoichiometric: 'replica-two' is not a replica directory name" \
  --condition stoichiometric=runs/stoichiometric --condition reducing=single/reducing -o bad3
pass
