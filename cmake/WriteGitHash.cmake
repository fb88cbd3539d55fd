# Run at every build (cmake -P): writes OUTPUT with the current git commit of SOURCE_DIR
# ("-dirty" when the work tree has changes), touching the file only when the hash changed,
# so that version strings are never stale and nothing rebuilds needlessly.
execute_process(COMMAND git rev-parse --short=10 HEAD WORKING_DIRECTORY "${SOURCE_DIR}"
                OUTPUT_VARIABLE hash OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
if(failed OR NOT hash)
  set(hash unknown)
else()
  execute_process(COMMAND git diff --quiet HEAD WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE dirty)
  if(dirty)
    string(APPEND hash "-dirty")
  endif()
endif()
set(content "// Generated at build time by cmake/WriteGitHash.cmake: do not edit.\n#pragma once\n#define EXSOLVE_GIT_HASH \"${hash}\"\n")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
