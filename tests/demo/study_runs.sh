#!/usr/bin/env bash
# inputs/demo/study.sh's run numbering, which run.sh's replicas and the production job
# array share: with 4 conditions and R replicas, run i is condition i mod 4 and replica
# i div 4 + 1, in <condition>/replica-<k> when R > 1 (plain <condition> when R = 1); every
# condition has its demo.in variables, the vacancy conditions the same vacancy count.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib/helpers.sh
source "$repo/tests/lib/helpers.sh"
# shellcheck source=../../inputs/demo/study.sh
source "$repo/inputs/demo/study.sh"
[ "${study_conditions[*]}" = "stoichiometric interface far_field interface_socketed" ] || fail "conditions: ${study_conditions[*]}"
study_run 0 1
[ "$study_condition/$study_replica/$study_run_dir" = "stoichiometric/1/stoichiometric" ] || fail "run 0 of 1 replica: $study_run_dir"
study_run 6 3
[ "$study_condition/$study_replica/$study_run_dir" = "far_field/2/far_field/replica-2" ] || fail "run 6 of 3 replicas: $study_run_dir"
study_run 11 3
[ "$study_condition/$study_replica/$study_run_dir" = "interface_socketed/3/interface_socketed/replica-3" ] || fail "run 11: $study_run_dir"
for condition in interface far_field interface_socketed; do
  study_lmp_vars "$condition"
  [[ " ${study_vars[*]} " == *" -var vacancy_count $study_vacancies "* ]] || fail "$condition: no vacancy count in ${study_vars[*]}"
done
study_lmp_vars far_field
[[ " ${study_vars[*]} " == *" -var vacancy_site far "* ]] || fail "far_field: ${study_vars[*]}"
if study_lmp_vars oxidising 2>/dev/null; then fail "an unknown condition was accepted"; fi
pass "run numbering and condition variables"
