#include "core/pair_cutoff_rules.h"

#include <boost/test/unit_test.hpp>

#include <limits>
#include <string>
#include <vector>

using exsolve::core::apply_cutoff_rules;
using exsolve::core::CutoffRule;
using exsolve::core::CutoffRuleError;
using exsolve::core::PairCutoffs;
using exsolve::core::parse_type_range;
using exsolve::core::TypeRange;

namespace {

std::string range_of(const std::string &word, int n_types)
{
  const TypeRange range = parse_type_range(word, n_types);
  return std::to_string(range.first) + ".." + std::to_string(range.last);
}

std::string range_error(const std::string &word, int n_types)
{
  try {
    parse_type_range(word, n_types);
  } catch (const std::invalid_argument &e) {
    return e.what();
  }
  return "no error";
}

// The message and the index of the rule apply_cutoff_rules refuses, on 4 atom types.
std::string rule_error(const std::vector<CutoffRule> &rules, std::size_t &index)
{
  PairCutoffs cutoffs(4);
  try {
    apply_cutoff_rules(rules, cutoffs);
  } catch (const CutoffRuleError &e) {
    index = e.rule_index();
    return e.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pair_cutoff_rules)

// The five forms of utils::bounds(word, 1, n).
BOOST_AUTO_TEST_CASE(type_ranges_as_lammps_bounds)
{
  BOOST_TEST(range_of("3", 4) == "3..3");
  BOOST_TEST(range_of("03", 4) == "3..3");
  BOOST_TEST(range_of("*", 4) == "1..4");
  BOOST_TEST(range_of("*3", 4) == "1..3");
  BOOST_TEST(range_of("2*", 4) == "2..4");
  BOOST_TEST(range_of("2*4", 4) == "2..4");
  BOOST_TEST(range_of("4*4", 4) == "4..4");
  BOOST_TEST(range_of("4*", 4) == "4..4");
}

BOOST_AUTO_TEST_CASE(type_ranges_refused)
{
  BOOST_TEST(range_error("5", 4) == "'5': atom type 5 is above the largest type 4");
  BOOST_TEST(range_error("2*5", 4) == "'2*5': atom type 5 is above the largest type 4");
  BOOST_TEST(range_error("99999999999", 4) == "'99999999999': atom type 1000000000 is above the largest type 4");
  BOOST_TEST(range_error("0", 4) == "'0': atom types start at 1");
  BOOST_TEST(range_error("0*2", 4) == "'0*2': atom types start at 1");
  BOOST_TEST(range_error("*0", 4) == "'*0': atom types start at 1");
  BOOST_TEST(range_error("3*2", 4) == "'3*2' is an empty type range (3 > 2)");
  BOOST_TEST(range_error("5*", 4) == "'5*' is an empty type range (5 > 4)");
  for (const char *word : {"", "+2", "-1", "2-4", "2*3*4", "**", "a", "2.0", " 2"})
    BOOST_TEST(range_error(word, 4) ==
               "'" + std::string(word) + "' is not an atom type or a type range (N, *, *N, N*, N*M)");
}

BOOST_AUTO_TEST_CASE(global_then_pairs_later_ones_override)
{
  PairCutoffs cutoffs(4);
  apply_cutoff_rules({{"", "", 2.4}, {"3*4", "*2", 2.2}, {"4", "1", 2.9}}, cutoffs);
  BOOST_TEST(cutoffs.cutoff(3, 1) == 2.2);
  BOOST_TEST(cutoffs.cutoff(2, 3) == 2.2);  // symmetric
  BOOST_TEST(cutoffs.cutoff(4, 2) == 2.2);
  BOOST_TEST(cutoffs.cutoff(1, 4) == 2.9);  // the later rule wins
  BOOST_TEST(cutoffs.cutoff(4, 1) == 2.9);
  BOOST_TEST(cutoffs.cutoff(3, 3) == 2.4);  // only the global rule reaches it
  BOOST_TEST(cutoffs.cutoff(1, 2) == 2.4);
}

BOOST_AUTO_TEST_CASE(pairs_without_a_global_cutoff_leave_the_others_unbonded)
{
  PairCutoffs cutoffs(3);
  apply_cutoff_rules({{"1", "2*", 2.6}}, cutoffs);
  BOOST_TEST(cutoffs.cutoff(3, 1) == 2.6);
  BOOST_TEST(cutoffs.cutoff(1, 1) == 0.0);
  BOOST_TEST(cutoffs.cutoff(2, 3) == 0.0);
  BOOST_TEST(!cutoffs.bonded(2, 3, 0.01));
}

BOOST_AUTO_TEST_CASE(order_rules_and_values_refused_with_the_rule_index)
{
  std::size_t index = 99;
  BOOST_TEST(rule_error({{"", "", 2.4}, {"", "", 2.6}}, index) == "the global cutoff is given twice");
  BOOST_TEST(index == 1u);
  BOOST_TEST(rule_error({{"1", "2", 2.6}, {"", "", 2.4}}, index) ==
             "give the global cutoff before the per-type-pair cutoffs");
  BOOST_TEST(index == 1u);
  BOOST_TEST(rule_error({{"", "", 0.0}}, index) == "the global cutoff must be > 0 Å, got 0");
  BOOST_TEST(index == 0u);
  BOOST_TEST(rule_error({{"", "", 2.4}, {"1", "2", -1.5}}, index) ==
             "the cutoff for types 1 2 must be > 0 Å, got -1.5");
  BOOST_TEST(index == 1u);
  BOOST_TEST(rule_error({{"", "", 2.4}, {"1", "2", 0.0}}, index) == "the cutoff for types 1 2 must be > 0 Å, got 0");
  BOOST_TEST(rule_error({{"1", "2", std::numeric_limits<double>::infinity()}}, index) ==
             "the cutoff for types 1 2 must be > 0 Å, got inf");
  BOOST_TEST(rule_error({{"1", "2", 2.0}, {"1", "2", 2.1}, {"2*5", "1", 2.2}}, index) ==
             "'2*5': atom type 5 is above the largest type 4");
  BOOST_TEST(index == 2u);
  BOOST_TEST(rule_error({{"1", "x", 2.2}}, index) == "'x' is not an atom type or a type range (N, *, *N, N*, N*M)");
  BOOST_TEST(index == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
