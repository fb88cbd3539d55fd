// The cutoff rules of compute interface/bonds — `cutoff <Å>` once for every type pair, then
// any number of `cutoff <itype> <jtype> <Å>` per type pair — applied to a PairCutoffs, so
// that the plugin and the analysis configuration read the same words the same way.
// Atom types are LAMMPS type ranges with the meaning of LAMMPS's utils::bounds: "3" (one
// type), "*" (1..n), "*3" (1..3), "2*" (2..n), "2*4" (2..4), n being the number of types.
//
// Plain C++14, no I/O: errors are exceptions whose message the caller prefixes with where
// the words came from.
#pragma once

#include "core/pair_cutoffs.h"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace exsolve {
namespace core {

// Types first..last (1-based, inclusive).
struct TypeRange {
  int first = 0;
  int last = 0;
};

// Reads a LAMMPS type range against n_types atom types. Throws std::invalid_argument for a
// word that is not one of the five forms (digits only around the '*': "+2", "2-4",
// "2*3*4" and "**" are refused), for type 0, for a type above n_types and for an empty
// range ("4*2"). On every word of those five forms the answer (range or error) is that of
// utils::bounds(word, 1, n_types).
TypeRange parse_type_range(const std::string &word, int n_types);

// One `cutoff` keyword: the global cutoff when both type words are empty, else the cutoff
// of every pair (i, j) and (j, i) with i in itypes and j in jtypes.
struct CutoffRule {
  std::string itypes;
  std::string jtypes;
  double cutoff_angstrom = 0.0;

  bool is_global() const { return itypes.empty() && jtypes.empty(); }
};

// Which rule was wrong (0-based index into the list) and why.
class CutoffRuleError : public std::invalid_argument {
 public:
  CutoffRuleError(std::size_t rule_index, const std::string &what)
      : std::invalid_argument(what), rule_index_(rule_index)
  {
  }
  std::size_t rule_index() const { return rule_index_; }

 private:
  std::size_t rule_index_;
};

// Applies the rules in order, later ones overriding earlier ones on the pairs they share,
// as compute interface/bonds does: the global cutoff at most once and before every
// per-pair one; every cutoff > 0 Å (and finite); type ranges within 1..cutoffs.n_types().
// Pairs no rule reaches keep their cutoff (0 in a new table: never bonded). Throws
// CutoffRuleError naming the first wrong rule; the table is then partly set.
void apply_cutoff_rules(const std::vector<CutoffRule> &rules, PairCutoffs &cutoffs);

}  // namespace core
}  // namespace exsolve
