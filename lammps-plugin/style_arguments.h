// The keyword/value arguments of the plugin's styles, read one way in all three: every
// error names the style, the keyword and the offending word, and ends in error->all (the
// arguments are the same on every rank, so every rank stops with the same message).
//
//   exsolve::StyleArguments args(lmp, "fix nanoparticle/track", SYNTAX, narg, arg);
//   args.require_at_least(6);
//   options.every = args.positive_int(3, "N (every how many steps)");
//   for (args.start_keywords(4); !args.done();) {
//     const std::string keyword = args.keyword();
//     if (keyword == "cutoff") options.cutoff = args.positive_number("a distance in Å", "Å");
//     else args.unknown_keyword();
//   }
//
// Numbers are finite (core::parse_finite_number: no inf, nan or 1e400) and integers exact
// (LAMMPS 29 Sep 2021's utils::inumeric wraps values beyond int silently). A keyword given
// twice is an error unless it was declared repeatable: the second value would win silently.
#pragma once

#include "pointers.h"

#include <set>
#include <string>
#include <vector>

namespace exsolve {

class StyleArguments : protected LAMMPS_NS::Pointers {
 public:
  StyleArguments(LAMMPS_NS::LAMMPS *lmp, std::string style, std::string syntax, int narg, char **arg);

  void require_at_least(int n_arguments) const;
  // Positional arguments (before the keywords).
  int positive_int(int index, const std::string &what) const;
  // The group named at `index`, by its index in LAMMPS's group list.
  int existing_group(int index, const std::string &what) const;

  // Keywords from position `first`: keyword() reads the next one, then the value readers
  // below read its values in order.
  void start_keywords(int first);
  bool done() const { return next_ >= narg_; }
  void allow_repeated(const std::string &keyword) { repeatable_.insert(keyword); }
  std::string keyword();
  bool given(const std::string &keyword) const { return given_.count(keyword) > 0; }
  // The word `ahead` positions after the current one (nullptr past the end): for keywords
  // whose value count depends on their first values.
  const char *peek(int ahead = 0) const { return next_ + ahead < narg_ ? arg_[next_ + ahead] : nullptr; }
  [[noreturn]] void unknown_keyword() const;
  [[noreturn]] void missing_keyword(const std::string &keyword) const;

  // Values of the current keyword. `label` replaces the keyword in messages where a value
  // belongs to a longer phrase ("cutoff 1 2", "atmosphere po2").
  double number(const std::string &expected, const std::string &label = "");
  double positive_number(const std::string &expected, const std::string &unit, const std::string &label = "");
  long long integer(long long lo, long long hi, const std::string &expected);
  // One of `choices` (a word list, as in the syntax), by its position in the list.
  int choice(const std::vector<std::string> &choices);
  bool yes_no();
  int axis();  // x, y, z -> 0, 1, 2
  int atom_type();
  std::string word(const std::string &expected);

 private:
  const char *next_value();
  const std::string &label_or_keyword(const std::string &label) const { return label.empty() ? keyword_ : label; }

  std::string style_, syntax_;
  int narg_;
  char **arg_;
  int next_ = 0;
  std::string keyword_;
  std::set<std::string> given_, repeatable_;
};

}  // namespace exsolve
