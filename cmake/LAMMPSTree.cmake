# Finds the LAMMPS source and build trees exsolve is built against, reads the LAMMPS
# version and the build's settings, and defines the INTERFACE target exsolve::lammps that
# carries exactly the include paths and definitions a plugin needs to match that build.
#
# Inputs (cache variables):
#   LAMMPS_SOURCE_DIR  top of the LAMMPS source tree (holds src/version.h)
#   LAMMPS_BUILD_DIR   the CMake build tree of that source (holds CMakeCache.txt, liblammps.so, lmp)
#   EXSOLVE_LAMMPS     which set-up release's paths file to read by default (2021, 2025, 2026)
#   Kokkos_DIR         optional: the Kokkos CMake package of that LAMMPS build (see below)
# Defaults come from $EXSOLVE_CACHE/lammps-paths-<release>.cmake (written by scripts/setup.sh).
#
# Outputs: LAMMPS_VERSION_STRING ("29 Sep 2021"), LAMMPS_UPDATE_STRING, LAMMPS_HAS_KOKKOS,
#          LAMMPS_HAS_ML_SNAP, LAMMPS_HAS_MEAM_KOKKOS, LAMMPS_HAS_MPI, LAMMPS_CXX_STANDARD, LAMMPS_BINARY, LAMMPS_LIBRARY, target exsolve::lammps.

if(DEFINED ENV{EXSOLVE_CACHE})
  set(_exsolve_cache "$ENV{EXSOLVE_CACHE}")
else()
  set(_exsolve_cache "$ENV{HOME}/.cache/exsolve")
endif()
if(DEFINED ENV{EXSOLVE_LAMMPS})
  set(_exsolve_release "$ENV{EXSOLVE_LAMMPS}")
else()
  set(_exsolve_release 2021)
endif()
set(_paths_file "${_exsolve_cache}/lammps-paths-${_exsolve_release}.cmake")
if((NOT LAMMPS_SOURCE_DIR OR NOT LAMMPS_BUILD_DIR) AND EXISTS "${_paths_file}")
  include("${_paths_file}")
endif()
set(LAMMPS_SOURCE_DIR "${LAMMPS_SOURCE_DIR}" CACHE PATH "LAMMPS source tree (top level, holds src/)")
set(LAMMPS_BUILD_DIR "${LAMMPS_BUILD_DIR}" CACHE PATH "LAMMPS CMake build tree (holds CMakeCache.txt)")

if(NOT EXISTS "${LAMMPS_SOURCE_DIR}/src/version.h")
  message(FATAL_ERROR "exsolve: no LAMMPS source tree at LAMMPS_SOURCE_DIR='${LAMMPS_SOURCE_DIR}' "
    "(expected src/version.h). Run scripts/setup.sh, or pass -DLAMMPS_SOURCE_DIR=<your LAMMPS checkout>.")
endif()
if(NOT EXISTS "${LAMMPS_BUILD_DIR}/CMakeCache.txt")
  message(FATAL_ERROR "exsolve: no LAMMPS CMake build at LAMMPS_BUILD_DIR='${LAMMPS_BUILD_DIR}' "
    "(expected CMakeCache.txt). Build LAMMPS with CMake and -DBUILD_SHARED_LIBS=on -DPKG_PLUGIN=on, "
    "then pass -DLAMMPS_BUILD_DIR=<that build directory>.")
endif()

file(STRINGS "${LAMMPS_SOURCE_DIR}/src/version.h" _version_line REGEX "define LAMMPS_VERSION ")
string(REGEX REPLACE ".*\"(.*)\".*" "\\1" LAMMPS_VERSION_STRING "${_version_line}")
file(STRINGS "${LAMMPS_SOURCE_DIR}/src/version.h" _update_line REGEX "define LAMMPS_UPDATE ")
string(REGEX REPLACE ".*\"(.*)\".*" "\\1" LAMMPS_UPDATE_STRING "${_update_line}")

# "29 Sep 2021" -> 20210929, for compile-time API selection in lammps-plugin/compat.h.
string(REGEX MATCH "^([0-9]+) ([A-Za-z]+) ([0-9]+)$" _date "${LAMMPS_VERSION_STRING}")
if(NOT _date)
  message(FATAL_ERROR "exsolve: cannot read a release date from LAMMPS_VERSION '${LAMMPS_VERSION_STRING}'")
endif()
set(_months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(FIND _months "${CMAKE_MATCH_2}" _month_index)
math(EXPR LAMMPS_VERSION_NUMBER "${CMAKE_MATCH_3} * 10000 + (${_month_index} + 1) * 100 + ${CMAKE_MATCH_1}")

# Settings of the LAMMPS build that change class layouts or types (they must match exactly),
# and ML-SNAP, whose routines the plugin calls where the build has it.
load_cache("${LAMMPS_BUILD_DIR}" READ_WITH_PREFIX _lmp_
  PKG_PLUGIN PKG_KOKKOS PKG_ML-SNAP PKG_MEAM BUILD_SHARED_LIBS BUILD_MPI BUILD_OMP LAMMPS_SIZES LAMMPS_EXCEPTIONS
  LAMMPS_MACHINE)
if(NOT _lmp_PKG_PLUGIN OR NOT _lmp_BUILD_SHARED_LIBS)
  message(FATAL_ERROR "exsolve: the LAMMPS build in ${LAMMPS_BUILD_DIR} was configured without "
    "PKG_PLUGIN=on and BUILD_SHARED_LIBS=on; plugins cannot be loaded into it.")
endif()
set(LAMMPS_HAS_KOKKOS ${_lmp_PKG_KOKKOS})
set(LAMMPS_HAS_ML_SNAP ${_lmp_PKG_ML-SNAP})
# meam/kk: a build with MEAM and KOKKOS of a release that has its source (4 Feb 2025 on).
if(_lmp_PKG_MEAM AND _lmp_PKG_KOKKOS AND EXISTS "${LAMMPS_SOURCE_DIR}/src/KOKKOS/pair_meam_kokkos.cpp")
  set(LAMMPS_HAS_MEAM_KOKKOS ON)
else()
  set(LAMMPS_HAS_MEAM_KOKKOS OFF)
endif()
set(LAMMPS_HAS_MPI ${_lmp_BUILD_MPI})
set(LAMMPS_BINARY "${LAMMPS_BUILD_DIR}/lmp${_lmp_LAMMPS_MACHINE}")
set(LAMMPS_LIBRARY "${LAMMPS_BUILD_DIR}/liblammps${_lmp_LAMMPS_MACHINE}${CMAKE_SHARED_LIBRARY_SUFFIX}")
# EXSOLVE_COMPILE_ONLY: compile the plugin's objects against a LAMMPS tree that is configured
# (and, with Kokkos, has its Kokkos libraries built) but not compiled, e.g. a CUDA build
# checked on a machine where all of LAMMPS would take hours (scripts/check-cuda-build.sh).
# Nothing is linked, and there is nothing to run or test.
option(EXSOLVE_COMPILE_ONLY "Only compile the plugin against a configured, unbuilt LAMMPS tree" OFF)
if(NOT EXSOLVE_COMPILE_ONLY)
  foreach(_file "${LAMMPS_BINARY}" "${LAMMPS_LIBRARY}")
    if(NOT EXISTS "${_file}")
      message(FATAL_ERROR "exsolve: ${_file} is missing: the LAMMPS build in ${LAMMPS_BUILD_DIR} is not finished.")
    endif()
  endforeach()
endif()
# The C++ standard LAMMPS was compiled with; the plugin must use the same (LAMMPS 29 Sep
# 2021 with Kokkos 3.4 is C++14, later releases C++17, with Kokkos 5 C++20). Read from the
# build's own compile lines (Ninja or Makefiles), else from `lmp -h`; EXSOLVE_CXX_STANDARD
# overrides both.
set(EXSOLVE_CXX_STANDARD "" CACHE STRING "C++ standard of the plugin (default: the one of the LAMMPS build)")
set(LAMMPS_CXX_STANDARD "${EXSOLVE_CXX_STANDARD}")
foreach(_flags_file "${LAMMPS_BUILD_DIR}/build.ninja" "${LAMMPS_BUILD_DIR}/CMakeFiles/lammps.dir/flags.make")
  if(NOT LAMMPS_CXX_STANDARD AND EXISTS "${_flags_file}")
    file(STRINGS "${_flags_file}" _std_line REGEX "-std=(c|gnu)\\+\\+[0-9a-z]+" LIMIT_COUNT 1)
    if(_std_line MATCHES "-std=(c|gnu)\\+\\+([0-9a-z]+)")
      set(LAMMPS_CXX_STANDARD "${CMAKE_MATCH_2}")
    endif()
  endif()
endforeach()
if(NOT LAMMPS_CXX_STANDARD)
  execute_process(COMMAND "${LAMMPS_BINARY}" -h OUTPUT_VARIABLE _lmp_help ERROR_QUIET TIMEOUT 60)
  if(_lmp_help MATCHES "C\\+\\+ standard: C\\+\\+([0-9]+)")
    set(LAMMPS_CXX_STANDARD "${CMAKE_MATCH_1}")
  endif()
endif()
# Draft names some compilers print for a standard.
string(REPLACE "1y" "14" LAMMPS_CXX_STANDARD "${LAMMPS_CXX_STANDARD}")
string(REPLACE "1z" "17" LAMMPS_CXX_STANDARD "${LAMMPS_CXX_STANDARD}")
string(REPLACE "2a" "20" LAMMPS_CXX_STANDARD "${LAMMPS_CXX_STANDARD}")
if(NOT LAMMPS_CXX_STANDARD MATCHES "^(14|17|20|23)$")
  message(FATAL_ERROR "exsolve: cannot tell the C++ standard of the LAMMPS build in ${LAMMPS_BUILD_DIR} "
    "(found '${LAMMPS_CXX_STANDARD}' in its compile lines and `lmp -h`); pass -DEXSOLVE_CXX_STANDARD=17 (or 14, 20).")
endif()

message(STATUS "exsolve: LAMMPS ${LAMMPS_VERSION_STRING} ${LAMMPS_UPDATE_STRING} "
               "(source ${LAMMPS_SOURCE_DIR}, build ${LAMMPS_BUILD_DIR}, C++${LAMMPS_CXX_STANDARD}, Kokkos ${LAMMPS_HAS_KOKKOS})")

add_library(exsolve_lammps INTERFACE)
add_library(exsolve::lammps ALIAS exsolve_lammps)
target_include_directories(exsolve_lammps SYSTEM INTERFACE "${LAMMPS_SOURCE_DIR}/src" "${LAMMPS_BUILD_DIR}/styles")
if(NOT _lmp_LAMMPS_SIZES)
  set(_lmp_LAMMPS_SIZES smallbig)
endif()
string(TOUPPER "${_lmp_LAMMPS_SIZES}" _sizes)
target_compile_definitions(exsolve_lammps INTERFACE LAMMPS_${_sizes}
                           EXSOLVE_LAMMPS_VERSION_NUMBER=${LAMMPS_VERSION_NUMBER})
if(_lmp_LAMMPS_EXCEPTIONS)
  target_compile_definitions(exsolve_lammps INTERFACE LAMMPS_EXCEPTIONS)
endif()
if(_lmp_BUILD_MPI)
  set(MPI_CXX_SKIP_MPICXX TRUE)
  find_package(MPI REQUIRED COMPONENTS CXX)
  target_link_libraries(exsolve_lammps INTERFACE MPI::MPI_CXX)
else()
  target_include_directories(exsolve_lammps SYSTEM INTERFACE "${LAMMPS_SOURCE_DIR}/src/STUBS")
endif()
# With Kokkos, LAMMPSKokkos.cmake decides: an OpenMP Kokkos brings the flag itself.
if(_lmp_BUILD_OMP AND NOT LAMMPS_HAS_KOKKOS)
  find_package(OpenMP REQUIRED COMPONENTS CXX)
  target_link_libraries(exsolve_lammps INTERFACE OpenMP::OpenMP_CXX)
endif()
if(LAMMPS_HAS_KOKKOS)
  include("${CMAKE_CURRENT_LIST_DIR}/LAMMPSKokkos.cmake")
endif()
# Link against the very liblammps the plugin is loaded into, so that unresolved symbols
# are caught at link time rather than at `plugin load`.
if(NOT EXSOLVE_COMPILE_ONLY)
  target_link_libraries(exsolve_lammps INTERFACE "${LAMMPS_LIBRARY}")
endif()
