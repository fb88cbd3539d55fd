// The one rule for the real numbers users write: the plugin's style arguments and the
// analysis configuration read them with it, and say the same when it fails. Plain C++14.
#pragma once

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>

namespace exsolve {
namespace core {

// True, with the value, if `word` is a decimal number (digits, sign, point, exponent: no
// inf, nan or hexadecimal, which strtod would also take) that a double holds finitely
// (1e400 overflows to inf and is refused; 1e-400 underflows to zero and is kept).
inline bool parse_finite_number(const std::string &word, double &value)
{
  if (word.empty() || word.find_first_not_of("0123456789+-.eE") != std::string::npos) return false;
  char *end = nullptr;
  value = std::strtod(word.c_str(), &end);
  return end == word.c_str() + word.size() && std::isfinite(value);
}

// What to say when parse_finite_number fails: "expects <what> (a finite number), got '<word>'".
inline std::string finite_number_expected(const std::string &what, const std::string &word)
{
  return "expects " + what + " (a finite number), got '" + word + "'";
}

// A number in messages as a reader wrote it, shortest form (0.5, 1e+300, nan, -inf): what the
// dump reader and the position rule put in their messages.
inline std::string shortest_form(double value)
{
  std::ostringstream text;
  text << value;
  return text.str();
}

}  // namespace core
}  // namespace exsolve
