// bond_cutoff and bond_cutoffs in the exsolve-analyze configuration: the `cutoff` keywords
// of compute interface/bonds, read with their rules and named entry by entry when wrong.
#include "io/analysis_config.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace exsolve::io;

namespace {

// Metal types 3 and 4, oxygen types 1 and 2: bond types count up to 4.
const std::string BASE =
    "metal_types: [3, 4]\noxygen_types: [1, 2]\nparticle_cutoff: 3.0\natomic_volume: 10.94\noutput: out\n";

std::string error_of(const std::string &text)
{
  return error_reading<ConfigError>(text, [](const std::string &path) { load_analysis_config(path); });
}

AnalysisConfig config_of(const std::string &text)
{
  TempFile file(text);
  return load_analysis_config(file.path);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bond_cutoffs_config)

BOOST_AUTO_TEST_CASE(global_and_pair_entries_as_in_the_compute)
{
  const AnalysisConfig c = config_of(BASE + "bond_cutoffs: [\"2.6\", \"3* 2 2.2\", '4 *1 2.9', 1 1 1.5]\n");
  BOOST_TEST(c.bond_cutoff == 0.0);
  BOOST_TEST(c.bond_cutoff_entries.size() == 4u);
  BOOST_TEST(c.bond_cutoff_entries.at(1) == "3* 2 2.2");
  const exsolve::core::PairCutoffs table = bond_cutoffs(c);
  BOOST_TEST(table.n_types() == 4);
  BOOST_TEST(table.cutoff(3, 1) == 2.6);
  BOOST_TEST(table.cutoff(2, 3) == 2.2);
  BOOST_TEST(table.cutoff(4, 2) == 2.2);
  BOOST_TEST(table.cutoff(1, 4) == 2.9);
  BOOST_TEST(table.cutoff(1, 1) == 1.5);
}

BOOST_AUTO_TEST_CASE(bond_cutoff_is_the_global_rule_before_the_entries)
{
  const AnalysisConfig c = config_of(BASE + "bond_cutoff: 2.4\nbond_cutoffs:\n  - 4 1 2.8\n");
  BOOST_TEST(c.bond_cutoff_rules.size() == 2u);
  const exsolve::core::PairCutoffs table = bond_cutoffs(c);
  BOOST_TEST(table.cutoff(3, 2) == 2.4);
  BOOST_TEST(table.cutoff(4, 1) == 2.8);
  BOOST_TEST(bond_cutoffs(config_of(BASE + "bond_cutoff: 2.4\n")).cutoff(4, 1) == 2.4);
  BOOST_TEST(config_of(BASE).bond_cutoff_rules.empty());
}

BOOST_AUTO_TEST_CASE(only_pair_entries_leave_other_pairs_unbonded)
{
  const exsolve::core::PairCutoffs table = bond_cutoffs(config_of(BASE + "bond_cutoffs: ['3 1 2.5']\n"));
  BOOST_TEST(table.cutoff(3, 1) == 2.5);
  BOOST_TEST(table.cutoff(4, 1) == 0.0);
}

BOOST_AUTO_TEST_CASE(every_bad_entry_is_named_with_file_key_and_entry)
{
  const std::string key = "<file>: key 'bond_cutoffs': ";
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['2.6', '3 5 2.2']\n") ==
             key + "entry 2 '3 5 2.2': '5': atom type 5 is above the largest type 4 (types count up to 4, the "
                   "largest of metal_types and oxygen_types)");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['5* 1 2.2']\n") ==
             key + "entry 1 '5* 1 2.2': '5*' is an empty type range (5 > 4) (types count up to 4, the largest of "
                   "metal_types and oxygen_types)");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['0 1 2.2']\n") ==
             key + "entry 1 '0 1 2.2': '0': atom types start at 1 (types count up to 4, the largest of metal_types "
                   "and oxygen_types)");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['3 2-4 2.2']\n")
                 .find(key + "entry 1 '3 2-4 2.2': '2-4' is not an atom type or a type range (N, *, *N, N*, N*M)") ==
             0u);
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['3 1 0']\n") ==
             key + "entry 1 '3 1 0': the cutoff for types 3 1 must be > 0 Å, got 0");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['3 1 -2']\n") ==
             key + "entry 1 '3 1 -2': the cutoff for types 3 1 must be > 0 Å, got -2");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['-2.6']\n") ==
             key + "entry 1 '-2.6': the global cutoff must be > 0 Å, got -2.6");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['3 1 .inf']\n") ==
             key + "entry 1 '3 1 .inf': expects a distance in Å (a finite number), got '.inf'");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['3 1 1e400']\n") ==
             key + "entry 1 '3 1 1e400': expects a distance in Å (a finite number), got '1e400'");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['2.6', '3 1']\n") ==
             key + "entry 2 '3 1': expected '<Å>' or '<itype> <jtype> <Å>' (the words after 'cutoff' in compute "
                   "interface/bonds)");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['cutoff 3 1 2.2']\n").find(key + "entry 1 'cutoff 3 1 2.2': expected") ==
             0u);
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['']\n").find(key + "entry 1 '': expected '<Å>'") == 0u);
}

BOOST_AUTO_TEST_CASE(order_rules_of_the_global_cutoff)
{
  const std::string key = "<file>: key 'bond_cutoffs': ";
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['3 1 2.2', '2.6']\n") ==
             key + "entry 2 '2.6': give the global cutoff before the per-type-pair cutoffs");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['2.6', '3 1 2.2', '2.4']\n") ==
             key + "entry 3 '2.4': the global cutoff is given twice");
  BOOST_TEST(error_of(BASE + "bond_cutoff: 2.6\nbond_cutoffs: ['2.4']\n") ==
             key + "entry 1 '2.4': the global cutoff is given twice (bond_cutoff is the global cutoff)");
}

BOOST_AUTO_TEST_CASE(the_key_holds_a_list_of_scalars)
{
  const std::string key = "<file>: key 'bond_cutoffs': ";
  const std::string syntax = "expected a list of quoted entries, e.g. [\"2.4\", \"1 2 2.6\", \"3*4 2 2.2\"]";
  BOOST_TEST(error_of(BASE + "bond_cutoffs: '3 1 2.2'\n") == key + syntax);
  BOOST_TEST(error_of(BASE + "bond_cutoffs: [[3, 1, 2.2]]\n") == key + "entry 1: " + syntax);
  BOOST_TEST(error_of(BASE + "bond_cutoffs: []\n") == key + "the list is empty");
  BOOST_TEST(error_of(BASE + "bond_cutoffs: ['2.6']\nbond_cutoffs: ['2.4']\n") ==
             "<file>: key 'bond_cutoffs' is given twice");
}

BOOST_AUTO_TEST_SUITE_END()
