// Numeric arguments of the plugin's styles, checked the same way in all three.
// LAMMPS 29Sep2021's utils::inumeric converts with atoi, so a value beyond int wraps
// silently (4294967297 becomes 1), and utils::numeric turns 1e400 into inf: these reject
// both instead.
#pragma once

#include <cerrno>
#include <cstdlib>
#include <string>

#include "core/finite_number.h"

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

// Real arguments follow core::parse_finite_number, the rule the analysis configuration
// follows too (no inf, nan or 1e400). The one message for a real argument that is not a finite number, e.g.
// "fix reduce/oxygen: keyword mu expects a chemical potential in eV (a finite number), got '-1e400'".
inline std::string finite_number_expected(const std::string &style, const std::string &keyword,
                                          const std::string &expected, const char *word)
{
  return style + ": keyword " + keyword + " " + core::finite_number_expected(expected, word);
}

}  // namespace exsolve
