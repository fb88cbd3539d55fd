#!/usr/bin/env bash
# No plugin source but compat.h calls a LAMMPS API that differs between the supported
# releases (lammps-plugin/compat.h lists them): each must go through exsolve::compat.
# shellcheck source=../lib/helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/helpers.sh"
plugin_dir=${1:?usage: compat_only.sh <lammps-plugin directory>}
apis='forward_comm_fix|reverse_comm_fix|forward_comm_compute|reverse_comm_compute|comm->forward_comm\(this|comm->reverse_comm\(this'
apis+='|find_region|get_region_by_id|domain->regions|modify->n_(pre|post)_force|domain->minimum_image|build_one\(|neighbor->request\('
apis+='|add_request\(|find_request\(|->requests\[|set_kokkos_(host|device)|modify->fix\[|modify->compute\['
apis+='|find_fix\(|find_compute\(|get_fix_by_id|get_compute_by_id|error->message'
sources=$(find "$plugin_dir" -name '*.cpp' -o -name '*.h' | grep -v '/compat\.h$' | sort)
[ -n "$sources" ] || fail "no plugin sources under $plugin_dir"
# Calls through exsolve::compat are the point; everything else is a direct use.
mapfile -t source_files <<<"$sources"
hits=$(grep -nE "$apis" "${source_files[@]}" | grep -vE 'compat::(find_fix|find_compute|region_by_id|forward_comm|reverse_comm|minimum_image|evaluate_energy|request_occasional_full_list|mark_last_request_kokkos)' || true)
if [ -n "$hits" ]; then
  echo "$hits"
  fail "version-dependent LAMMPS calls outside compat.h (above)"
fi
# Protected LAMMPS members are read through pointers to members (->*(& or .*(&) in compat.h
# (where the access differs between releases) and lammps_internals.h alone.
mapfile -t direct_files < <(grep -v '/lammps_internals\.h$' <<<"$sources")
internals=$(grep -nE -- '(->|\.)\*\(&' "${direct_files[@]}" || true)
if [ -n "$internals" ]; then
  echo "$internals"
  fail "protected LAMMPS members read outside compat.h and lammps_internals.h (above)"
fi
pass "checked $(echo "$sources" | wc -l) files"
