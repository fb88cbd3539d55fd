# Finds the LAMMPS source and build trees exsolve is built against, reads the LAMMPS
# version and the build's settings, and defines the INTERFACE target exsolve::lammps that
# carries exactly the include paths and definitions a plugin needs to match that build.
#
# Inputs (cache variables):
#   LAMMPS_SOURCE_DIR  top of the LAMMPS source tree (holds src/version.h)
#   LAMMPS_BUILD_DIR   the CMake build tree of that source (holds CMakeCache.txt, liblammps.so, lmp)
# Defaults come from $EXSOLVE_CACHE/lammps-paths.cmake (written by scripts/build-lammps.sh).
#
# Outputs: LAMMPS_VERSION_STRING ("29 Sep 2021"), LAMMPS_UPDATE_STRING, LAMMPS_HAS_KOKKOS,
#          LAMMPS_HAS_MPI, LAMMPS_BINARY, LAMMPS_LIBRARY, target exsolve::lammps.

if(DEFINED ENV{EXSOLVE_CACHE})
  set(_exsolve_cache "$ENV{EXSOLVE_CACHE}")
else()
  set(_exsolve_cache "$ENV{HOME}/.cache/exsolve")
endif()
if((NOT LAMMPS_SOURCE_DIR OR NOT LAMMPS_BUILD_DIR) AND EXISTS "${_exsolve_cache}/lammps-paths.cmake")
  include("${_exsolve_cache}/lammps-paths.cmake")
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

# Settings of the LAMMPS build that change class layouts or types: they must match exactly.
load_cache("${LAMMPS_BUILD_DIR}" READ_WITH_PREFIX _lmp_
  PKG_PLUGIN PKG_KOKKOS BUILD_SHARED_LIBS BUILD_MPI BUILD_OMP LAMMPS_SIZES LAMMPS_EXCEPTIONS
  Kokkos_ENABLE_CUDA Kokkos_ENABLE_OPENMP LAMMPS_MACHINE)
if(NOT _lmp_PKG_PLUGIN OR NOT _lmp_BUILD_SHARED_LIBS)
  message(FATAL_ERROR "exsolve: the LAMMPS build in ${LAMMPS_BUILD_DIR} was configured without "
    "PKG_PLUGIN=on and BUILD_SHARED_LIBS=on; plugins cannot be loaded into it.")
endif()
set(LAMMPS_HAS_KOKKOS ${_lmp_PKG_KOKKOS})
set(LAMMPS_HAS_MPI ${_lmp_BUILD_MPI})
set(LAMMPS_KOKKOS_CUDA ${_lmp_Kokkos_ENABLE_CUDA})
set(LAMMPS_BINARY "${LAMMPS_BUILD_DIR}/lmp${_lmp_LAMMPS_MACHINE}")
set(LAMMPS_LIBRARY "${LAMMPS_BUILD_DIR}/liblammps${_lmp_LAMMPS_MACHINE}${CMAKE_SHARED_LIBRARY_SUFFIX}")
foreach(_file "${LAMMPS_BINARY}" "${LAMMPS_LIBRARY}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "exsolve: ${_file} is missing: the LAMMPS build in ${LAMMPS_BUILD_DIR} is not finished.")
  endif()
endforeach()
message(STATUS "exsolve: LAMMPS ${LAMMPS_VERSION_STRING} ${LAMMPS_UPDATE_STRING} "
               "(source ${LAMMPS_SOURCE_DIR}, build ${LAMMPS_BUILD_DIR}, Kokkos ${LAMMPS_HAS_KOKKOS})")

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
if(_lmp_BUILD_OMP)
  find_package(OpenMP REQUIRED COMPONENTS CXX)
  target_link_libraries(exsolve_lammps INTERFACE OpenMP::OpenMP_CXX)
endif()
if(LAMMPS_HAS_KOKKOS)
  # Use the Kokkos of this LAMMPS build (its headers, its generated configuration, and,
  # when LAMMPS was built shared, the very libkokkos*.so liblammps links): never a second
  # Kokkos, which would crash at exit.
  target_compile_definitions(exsolve_lammps INTERFACE LMP_KOKKOS)
  file(GLOB _kokkos_libraries "${LAMMPS_BUILD_DIR}/lib/kokkos/core/src/libkokkoscore${CMAKE_SHARED_LIBRARY_SUFFIX}"
                              "${LAMMPS_BUILD_DIR}/lib/kokkos/containers/src/libkokkoscontainers${CMAKE_SHARED_LIBRARY_SUFFIX}")
  target_link_libraries(exsolve_lammps INTERFACE ${_kokkos_libraries})
  foreach(_part core containers algorithms)
    target_include_directories(exsolve_lammps SYSTEM INTERFACE
      "${LAMMPS_SOURCE_DIR}/lib/kokkos/${_part}/src" "${LAMMPS_BUILD_DIR}/lib/kokkos/${_part}/src")
  endforeach()
  target_include_directories(exsolve_lammps SYSTEM INTERFACE
    "${LAMMPS_BUILD_DIR}/lib/kokkos" "${LAMMPS_SOURCE_DIR}/src/KOKKOS")
endif()
# Link against the very liblammps the plugin is loaded into, so that unresolved symbols
# are caught at link time rather than at `plugin load`.
target_link_libraries(exsolve_lammps INTERFACE "${LAMMPS_LIBRARY}")
