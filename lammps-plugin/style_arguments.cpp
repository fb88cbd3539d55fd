#include "style_arguments.h"

#include "core/finite_number.h"

#include "atom.h"
#include "error.h"
#include "group.h"
#include "utils.h"

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <utility>

using namespace LAMMPS_NS;

namespace exsolve {

namespace {

// True, with the value, if `word` is an integer within [lo, hi] (strtoll reports overflow,
// where LAMMPS 29 Sep 2021's utils::inumeric wraps).
bool integer_in_range(const char *word, long long lo, long long hi, long long &value)
{
  if (!word || !utils::is_integer(word)) return false;
  errno = 0;
  value = std::strtoll(word, nullptr, 10);
  return errno == 0 && value >= lo && value <= hi;
}

}  // namespace

StyleArguments::StyleArguments(LAMMPS *lmp, std::string style, std::string syntax, int narg, char **arg)
    : Pointers(lmp), style_(std::move(style)), syntax_(std::move(syntax)), narg_(narg), arg_(arg)
{
}

void StyleArguments::require_at_least(int n_arguments) const
{
  if (narg_ < n_arguments) error->all(FLERR, "{}: too few arguments; expected {}", style_, syntax_);
}

int StyleArguments::positive_int(int index, const std::string &what) const
{
  long long value = 0;
  const int max = std::numeric_limits<int>::max();
  if (!integer_in_range(arg_[index], 1, max, value))
    error->all(FLERR, "{}: {} must be an integer >= 1 (and <= {}), got '{}'", style_, what, max, arg_[index]);
  return static_cast<int>(value);
}

int StyleArguments::existing_group(int index, const std::string &what) const
{
  const int found = group->find(arg_[index]);
  if (found < 0) error->all(FLERR, "{}: {} group '{}' does not exist", style_, what, arg_[index]);
  return found;
}

void StyleArguments::start_keywords(int first)
{
  next_ = first;
}

std::string StyleArguments::keyword()
{
  keyword_ = arg_[next_++];
  const bool first_time = given_.insert(keyword_).second;
  if (!first_time && !repeatable_.count(keyword_))
    error->all(FLERR, "{}: keyword {} is given twice (the second time as '{}')", style_, keyword_,
               peek() ? peek() : "");
  return keyword_;
}

void StyleArguments::unknown_keyword() const
{
  error->all(FLERR, "{}: unknown keyword '{}'; expected {}", style_, keyword_, syntax_);
}

void StyleArguments::missing_keyword(const std::string &keyword) const
{
  error->all(FLERR, "{}: missing keyword {}; expected {}", style_, keyword, syntax_);
}

const char *StyleArguments::next_value()
{
  return next_ < narg_ ? arg_[next_++] : nullptr;
}

double StyleArguments::number(const std::string &expected, const std::string &label)
{
  const char *word = next_value();
  double value = 0.0;
  if (!word || !core::parse_finite_number(word, value))
    error->all(FLERR, "{}: keyword {} {}", style_, label_or_keyword(label),
               core::finite_number_expected(expected, word ? word : ""));
  return value;
}

double StyleArguments::positive_number(const std::string &expected, const std::string &unit, const std::string &label)
{
  const double value = number(expected, label);
  if (value <= 0.0)
    error->all(FLERR, "{}: {} must be > 0{}, got {}", style_, label_or_keyword(label), unit.empty() ? "" : " " + unit,
               arg_[next_ - 1]);
  return value;
}

long long StyleArguments::integer(long long lo, long long hi, const std::string &expected)
{
  const char *word = next_value();
  long long value = 0;
  if (!integer_in_range(word, lo, hi, value))
    error->all(FLERR, "{}: keyword {} expects {}, got '{}'", style_, keyword_, expected, word ? word : "");
  return value;
}

int StyleArguments::choice(const std::vector<std::string> &choices)
{
  // "a, b or c", the way the syntax lists them.
  std::string expected;
  for (std::size_t k = 0; k < choices.size(); ++k)
    expected += (k == 0 ? "" : k + 1 == choices.size() ? " or " : ", ") + choices[k];
  const std::string given = word(expected);
  for (std::size_t k = 0; k < choices.size(); ++k)
    if (given == choices[k]) return static_cast<int>(k);
  // The plain-string error->all is [[noreturn]] in every release (the formatting one is not in 2021's).
  error->all(FLERR, fmt::format("{}: keyword {} expects {}, got '{}'", style_, keyword_, expected, given));
}

bool StyleArguments::yes_no()
{
  return choice({"yes", "no"}) == 0;
}

int StyleArguments::axis()
{
  return choice({"x", "y", "z"});
}

int StyleArguments::atom_type()
{
  const char *word = next_value();
  if (!word || !utils::is_integer(word))
    error->all(FLERR, "{}: keyword {} expects an atom type, got '{}'", style_, keyword_, word ? word : "");
  long long type = 0;
  if (!integer_in_range(word, 1, atom->ntypes, type))
    error->all(FLERR, "{}: keyword {}: atom type {} does not exist (1..{})", style_, keyword_, word, atom->ntypes);
  return static_cast<int>(type);
}

std::string StyleArguments::word(const std::string &expected)
{
  const char *word = next_value();
  if (!word) error->all(FLERR, "{}: keyword {} expects {}, got nothing", style_, keyword_, expected);
  return word;
}

}  // namespace exsolve
