# Included into LAMMPS's own CMake project (CMAKE_PROJECT_lammps_INCLUDE) by
# scripts/gpu-check.sh when it builds LAMMPS with Kokkos CUDA. With Kokkos CUDA every LAMMPS
# source goes through nvcc_wrapper, and nvcc compiles each one as CUDA (-x cu): on 2 cores
# the ~400 sources that hold no device code would take about an hour. Only sources that
# include Kokkos headers need nvcc: KOKKOS/, the core files that include accelerator_kokkos.h
# (every such file names "kokkos"), and those that include the generated style_*.h lists
# (they include the /kk styles' headers). The others are marked --host-only, which
# nvcc_wrapper passes to its host compiler alone, with the same flags.
get_filename_component(_exsolve_lammps_src "${CMAKE_CURRENT_SOURCE_DIR}/../src" ABSOLUTE)
file(GLOB _exsolve_host_candidates "${_exsolve_lammps_src}/*.cpp" "${_exsolve_lammps_src}/*/*.cpp")
set(_exsolve_host_only)
foreach(_source IN LISTS _exsolve_host_candidates)
  if(_source MATCHES "/(KOKKOS|GPU|INTEL|OPENMP|STUBS)/")
    continue()
  endif()
  file(STRINGS "${_source}" _kokkos_lines REGEX "[Kk][Oo][Kk][Kk][Oo][Ss]|#include \"style_" LIMIT_COUNT 1)
  if(NOT _kokkos_lines)
    list(APPEND _exsolve_host_only "${_source}")
  endif()
endforeach()
set_source_files_properties(${_exsolve_host_only} PROPERTIES COMPILE_OPTIONS --host-only)
list(LENGTH _exsolve_host_only _exsolve_host_only_count)
message(STATUS "exsolve: ${_exsolve_host_only_count} LAMMPS sources without Kokkos code compiled by the host compiler alone (--host-only)")
