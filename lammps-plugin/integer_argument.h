// Integer arguments of the plugin's styles, range-checked. LAMMPS 29Sep2021's
// utils::inumeric converts with atoi, so a value beyond int wraps silently
// (4294967297 becomes 1); these reject it instead.
#pragma once

#include <cerrno>
#include <cstdlib>

#include "utils.h"

namespace exsolve {

// True, with the value, if `word` is an integer within [lo, hi].
inline bool integer_in_range(const char *word, long long lo, long long hi, long long &value)
{
  if (!LAMMPS_NS::utils::is_integer(word)) return false;
  errno = 0;
  value = std::strtoll(word, nullptr, 10);
  return errno == 0 && value >= lo && value <= hi;
}

}  // namespace exsolve
