# The Kokkos of the LAMMPS build, used through its own CMake package (Kokkos::kokkos), so that
# the /kk sources compile with exactly the options of that Kokkos: its back ends, its C++
# standard and, for CUDA, nvcc_wrapper with the lambda and architecture flags (the package
# redirects the compiles of every target that links Kokkos::kokkos to the compiler Kokkos was
# built with, through its kokkos_launch_compiler; the rest of exsolve keeps the host compiler).
# Included by LAMMPSTree.cmake when the LAMMPS build has PKG_KOKKOS.
#
# Where the package comes from (first found wins):
#  1. Kokkos_DIR given by the user: an installed LAMMPS or Kokkos, <prefix>/lib/cmake/Kokkos;
#  2. the external Kokkos the LAMMPS build was configured with (its cached Kokkos_DIR);
#  3. LAMMPS's in-tree Kokkos (lib/kokkos), whose build tree exports no package: Kokkos's own
#     install rules copy the package (headers, libraries, configuration) into this build
#     tree, from the very build that liblammps links.
# Never a second Kokkos at run time: shared Kokkos libraries found here have the sonames of
# those liblammps loads, so the dynamic loader reuses the ones already loaded
# (tests/lammps/kokkos_single_copy.sh checks it); static ones are not linked (below).

load_cache("${LAMMPS_BUILD_DIR}" READ_WITH_PREFIX _lmpk_ EXTERNAL_KOKKOS Kokkos_DIR)
if(NOT Kokkos_DIR AND _lmpk_EXTERNAL_KOKKOS AND _lmpk_Kokkos_DIR)
  set(Kokkos_DIR "${_lmpk_Kokkos_DIR}" CACHE PATH "Kokkos CMake package of the LAMMPS build" FORCE)
endif()
if(NOT Kokkos_DIR)
  set(_kokkos_prefix "${PROJECT_BINARY_DIR}/lammps-kokkos")
  if(NOT EXISTS "${LAMMPS_BUILD_DIR}/lib/kokkos/cmake_install.cmake")
    message(FATAL_ERROR "exsolve: the LAMMPS build in ${LAMMPS_BUILD_DIR} has KOKKOS but neither an in-tree "
      "Kokkos build (lib/kokkos) nor an external Kokkos_DIR; pass -DKokkos_DIR=<prefix>/lib/cmake/Kokkos "
      "of the Kokkos that LAMMPS was built with.")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" --install "${LAMMPS_BUILD_DIR}/lib/kokkos" --prefix "${_kokkos_prefix}"
                  RESULT_VARIABLE _install_status OUTPUT_QUIET ERROR_VARIABLE _install_error)
  if(_install_status)
    message(FATAL_ERROR "exsolve: copying the Kokkos package of ${LAMMPS_BUILD_DIR}/lib/kokkos into "
      "${_kokkos_prefix} failed: ${_install_error}")
  endif()
  file(GLOB _kokkos_package_dirs "${_kokkos_prefix}/lib*/cmake/Kokkos")
  if(NOT _kokkos_package_dirs)
    message(FATAL_ERROR "exsolve: the Kokkos install of ${LAMMPS_BUILD_DIR}/lib/kokkos holds no lib*/cmake/Kokkos")
  endif()
  list(GET _kokkos_package_dirs 0 _kokkos_package_dir)
  set(Kokkos_DIR "${_kokkos_package_dir}" CACHE PATH "Kokkos CMake package of the LAMMPS build" FORCE)
endif()

# Kokkos 3.4's package looks for its kokkos_launch_compiler and nvcc_wrapper (used with CUDA)
# one level too shallow (<prefix>/lib/bin): point it at <prefix>/bin, where Kokkos installs them.
get_filename_component(_kokkos_install_prefix "${Kokkos_DIR}/../../.." ABSOLUTE)
find_program(Kokkos_COMPILE_LAUNCHER kokkos_launch_compiler HINTS "${_kokkos_install_prefix}/bin" NO_DEFAULT_PATH)
find_program(Kokkos_NVCC_WRAPPER nvcc_wrapper HINTS "${_kokkos_install_prefix}/bin" NO_DEFAULT_PATH)
find_package(Kokkos CONFIG REQUIRED)

# A shared Kokkos is the very one liblammps loads (same sonames): link Kokkos::kokkos, which
# also brings its compile options. Newer LAMMPS builds (4 Feb 2025 does) put a static Kokkos
# inside liblammps; linking the static libraries too would give the plugin a second Kokkos.
# There the plugin takes what the Kokkos targets ask of their users at compile time
# (options, definitions including KOKKOS_DEPENDENCE, which the CUDA launcher keys on, include
# directories, C++ features), links the system libraries they name (OpenMP, the CUDA
# runtime), and resolves Kokkos's own symbols against liblammps.
function(exsolve_use_kokkos_without_its_libraries target)
  get_property(visited GLOBAL PROPERTY EXSOLVE_KOKKOS_VISITED)
  if(target IN_LIST visited)
    return()
  endif()
  set_property(GLOBAL APPEND PROPERTY EXSOLVE_KOKKOS_VISITED ${target})
  foreach(property COMPILE_OPTIONS COMPILE_DEFINITIONS COMPILE_FEATURES)
    get_target_property(values ${target} INTERFACE_${property})
    if(values)
      set_property(TARGET exsolve_lammps APPEND PROPERTY INTERFACE_${property} "${values}")
    endif()
  endforeach()
  get_target_property(includes ${target} INTERFACE_INCLUDE_DIRECTORIES)
  if(includes)
    target_include_directories(exsolve_lammps SYSTEM INTERFACE ${includes})
  endif()
  get_target_property(dependencies ${target} INTERFACE_LINK_LIBRARIES)
  foreach(dependency IN LISTS dependencies)
    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dependency "${dependency}")
    if(dependency MATCHES "^Kokkos::" AND TARGET ${dependency})
      exsolve_use_kokkos_without_its_libraries(${dependency})
    elseif(TARGET ${dependency})
      target_link_libraries(exsolve_lammps INTERFACE ${dependency})
    endif()
  endforeach()
endfunction()

# Decided by the libraries that hold Kokkos's code and state: kokkossimd and kokkosalgorithms
# can be static placeholders beside a shared core (Debian's Kokkos 5.2.2 names such archives).
set(_kokkos_link_shared TRUE)
foreach(_part kokkoscore kokkoscontainers)
  if(TARGET Kokkos::${_part})
    get_target_property(_type Kokkos::${_part} TYPE)
    if(_type STREQUAL "STATIC_LIBRARY")
      set(_kokkos_link_shared FALSE)
    endif()
  endif()
endforeach()
if(_kokkos_link_shared)
  target_link_libraries(exsolve_lammps INTERFACE Kokkos::kokkos)
else()
  exsolve_use_kokkos_without_its_libraries(Kokkos::kokkos)
endif()
# A Kokkos compiled as CMake's CUDA language (Kokkos_ENABLE_COMPILE_AS_CMAKE_LANGUAGE) wants
# the sources that include it compiled as that language, for the GPU architecture it was
# built for: the plugin's sources then are (lammps-plugin/CMakeLists.txt).
set(EXSOLVE_KOKKOS_LANGUAGE "")
if(DEFINED Kokkos_COMPILE_LANGUAGE AND NOT Kokkos_COMPILE_LANGUAGE STREQUAL "CXX")
  if(NOT Kokkos_COMPILE_LANGUAGE STREQUAL "CUDA")
    message(FATAL_ERROR "exsolve: the Kokkos in ${Kokkos_DIR} compiles its users as CMake's "
      "${Kokkos_COMPILE_LANGUAGE} language; exsolve supports CXX and CUDA there (a Kokkos built with "
      "Kokkos_ENABLE_COMPILE_AS_CMAKE_LANGUAGE=OFF works for any back end)")
  endif()
  if(NOT CMAKE_CUDA_ARCHITECTURES)
    set(CMAKE_CUDA_ARCHITECTURES ${Kokkos_CUDA_ARCHITECTURES})
  endif()
  enable_language(CUDA)
  set(EXSOLVE_KOKKOS_LANGUAGE CUDA)
endif()
message(STATUS "exsolve: Kokkos ${Kokkos_VERSION} from ${Kokkos_DIR} (devices: ${Kokkos_DEVICES}; "
               "libraries linked: ${_kokkos_link_shared}, otherwise taken from liblammps)")
# An OpenMP Kokkos carries the OpenMP flag (for CUDA as "-Xcompiler -fopenmp"); a second
# -fopenmp from OpenMP::OpenMP_CXX would be merged by CMake with that one and leave a dangling
# -Xcompiler, which then swallows the next flag (-std=...). Only a LAMMPS built with OpenMP
# over a Kokkos without it needs the flag added.
if(_lmp_BUILD_OMP AND NOT "OPENMP" IN_LIST Kokkos_DEVICES)
  find_package(OpenMP REQUIRED COMPONENTS CXX)
  target_link_libraries(exsolve_lammps INTERFACE OpenMP::OpenMP_CXX)
endif()
target_compile_definitions(exsolve_lammps INTERFACE LMP_KOKKOS)
target_include_directories(exsolve_lammps SYSTEM INTERFACE "${LAMMPS_SOURCE_DIR}/src/KOKKOS")
