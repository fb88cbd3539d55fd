#include "core/pair_cutoff_rules.h"

#include <cmath>
#include <cstdio>

namespace exsolve {
namespace core {

namespace {

bool all_digits(const std::string &text)
{
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// A type number of a range word; a number too long for an int is above every n_types
// (utils::bounds would report it out of bounds too).
long type_number(const std::string &digits)
{
  const std::size_t significant = digits.find_first_not_of('0');
  if (significant == std::string::npos) return 0;
  if (digits.size() - significant > 9) return 1000000000L;
  return std::stol(digits);
}

std::string distance_text(double angstrom)
{
  char text[32];
  std::snprintf(text, sizeof text, "%g", angstrom);
  return text;
}

}  // namespace

TypeRange parse_type_range(const std::string &word, int n_types)
{
  const std::size_t star = word.find('*');
  const std::string low = star == std::string::npos ? word : word.substr(0, star);
  const std::string high = star == std::string::npos ? word : word.substr(star + 1);
  if (!(low.empty() || all_digits(low)) || !(high.empty() || all_digits(high)) ||
      (star == std::string::npos && low.empty()))
    throw std::invalid_argument("'" + word + "' is not an atom type or a type range (N, *, *N, N*, N*M)");
  const long first = low.empty() ? 1 : type_number(low);
  const long last = high.empty() ? n_types : type_number(high);
  // The checks and their order are those of utils::bounds.
  if (first <= 0 || last <= 0) throw std::invalid_argument("'" + word + "': atom types start at 1");
  if (last > n_types)
    throw std::invalid_argument("'" + word + "': atom type " + std::to_string(last) + " is above the largest type " +
                                std::to_string(n_types));
  if (first > last)
    throw std::invalid_argument("'" + word + "' is an empty type range (" + std::to_string(first) + " > " +
                                std::to_string(last) + ")");
  return TypeRange{static_cast<int>(first), static_cast<int>(last)};
}

void apply_cutoff_rules(const std::vector<CutoffRule> &rules, PairCutoffs &cutoffs)
{
  bool global_given = false, pair_given = false;
  for (std::size_t k = 0; k < rules.size(); ++k) {
    const CutoffRule &rule = rules[k];
    const double cutoff = rule.cutoff_angstrom;
    if (rule.is_global()) {
      if (global_given) throw CutoffRuleError(k, "the global cutoff is given twice");
      if (pair_given) throw CutoffRuleError(k, "give the global cutoff before the per-type-pair cutoffs");
      if (!(std::isfinite(cutoff) && cutoff > 0.0))
        throw CutoffRuleError(k, "the global cutoff must be > 0 Å, got " + distance_text(cutoff));
      cutoffs.set_all(cutoff);
      global_given = true;
      continue;
    }
    TypeRange itypes, jtypes;
    try {
      itypes = parse_type_range(rule.itypes, cutoffs.n_types());
      jtypes = parse_type_range(rule.jtypes, cutoffs.n_types());
    } catch (const std::invalid_argument &e) {
      throw CutoffRuleError(k, e.what());
    }
    if (!(std::isfinite(cutoff) && cutoff > 0.0))
      throw CutoffRuleError(k, "the cutoff for types " + rule.itypes + " " + rule.jtypes + " must be > 0 Å, got " +
                                   distance_text(cutoff));
    for (int i = itypes.first; i <= itypes.last; ++i)
      for (int j = jtypes.first; j <= jtypes.last; ++j) cutoffs.set(i, j, cutoff);
    pair_given = true;
  }
}

}  // namespace core
}  // namespace exsolve
