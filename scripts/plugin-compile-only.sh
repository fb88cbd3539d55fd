# shellcheck shell=bash
# The plugin compiled, not linked, against a configured LAMMPS tree (EXSOLVE_COMPILE_ONLY):
# what both CUDA checks do (sourced by check-cuda-build.sh and check-cuda-build-kokkos5.sh
# after lib.sh; not run on its own).

# compile_plugin_only BUILD_DIR WHAT CMAKE_ARGS...: configures exsolve in BUILD_DIR with the
# given arguments and compiles the plugin's objects; the log is BUILD_DIR/exsolve-check.log.
# WHAT names the build in messages.
compile_plugin_only() {
  local build_dir=$1 what=$2
  shift 2
  local log="$build_dir/exsolve-check.log"
  mkdir -p "$build_dir"
  cmake -S "$EXSOLVE_ROOT" -B "$build_dir" -G Ninja -D CMAKE_BUILD_TYPE=Release -D EXSOLVE_COMPILE_ONLY=on "$@" \
    >"$log" 2>&1 || { tail -n 40 "$log" >&2; die "configuring exsolve for $what failed (log: $log)"; }
  cmake --build "$build_dir" --target exsolveplugin -j "${EXSOLVE_BUILD_JOBS:-$(nproc)}" >>"$log" 2>&1 \
    || { grep -m1 -A30 -E 'error|FAILED' "$log" >&2 || tail -n 40 "$log" >&2
         die "compiling the plugin for $what failed (log: $log)"; }
}

# count_plugin_objects BUILD_DIR SOURCE_TREE HAS_GPU_CODE: prints how many plugin objects
# BUILD_DIR holds, after checking that every plugin source of this LAMMPS release has its
# object (a stale object of a removed source cannot stand in) and that HAS_GPU_CODE (a
# command given the object's path) accepts every /kk object.
count_plugin_objects() {
  local build_dir=$1 source_tree=$2 has_gpu_code=$3
  local objects_dir="$build_dir/lammps-plugin/CMakeFiles/exsolveplugin.dir" objects=0 source relative object
  for source in "$EXSOLVE_ROOT"/lammps-plugin/*.cpp "$EXSOLVE_ROOT"/lammps-plugin/kokkos/*.cpp; do
    relative=${source#"$EXSOLVE_ROOT/lammps-plugin/"}
    # Built only where the LAMMPS release has meam/kk (lammps-plugin/CMakeLists.txt).
    if [ "$relative" = meam_on_host.cpp ] && [ ! -f "$source_tree/src/KOKKOS/pair_meam_kokkos.cpp" ]; then continue; fi
    object="$objects_dir/$relative.o"
    [ -f "$object" ] || die "no object for lammps-plugin/$relative in $build_dir"
    objects=$((objects + 1))
    case "$relative" in
      kokkos/*) "$has_gpu_code" "$object" || die "$object holds no GPU code for this build: not compiled by nvcc" ;;
    esac
  done
  echo "$objects"
}
