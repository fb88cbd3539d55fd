# exsolve_dump_reader: the LAMMPS dump reader (io/dump_reader, plain and .gz) on its own,
# so that the Python module reads dumps with the CLI's reader without the rest of the
# analysis library (yaml-cpp, fmt, json). Included by analysis/CMakeLists.txt and by
# python/CMakeLists.txt when pip builds the module alone.
find_package(ZLIB REQUIRED)
add_library(exsolve_dump_reader STATIC "${CMAKE_CURRENT_LIST_DIR}/lib/io/dump_reader.cpp")
target_include_directories(exsolve_dump_reader PUBLIC "${CMAKE_CURRENT_LIST_DIR}/lib")
target_link_libraries(exsolve_dump_reader PUBLIC exsolve_core ZLIB::ZLIB)
set_target_properties(exsolve_dump_reader PROPERTIES CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF)
target_compile_options(exsolve_dump_reader PRIVATE -Wall -Wextra)
