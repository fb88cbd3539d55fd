#include "core/running_block_mean.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

using namespace exsolve::core;

namespace {

std::vector<double> series(int n)
{
  std::vector<double> values;
  for (int i = 0; i < n; ++i) values.push_back(0.35 + 0.01 * std::sin(1.7 * i) + 0.002 * (i % 3));
  return values;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(running_block_mean)

// Oracle: core::block_average over the same values cut into the same blocks.
BOOST_AUTO_TEST_CASE(complete_blocks_agree_with_block_average)
{
  const std::vector<double> values = series(20);
  RunningBlockMean running(4);
  for (double v : values) running.add(v);
  const Estimate expected = block_average(values, 5, 4);
  const Estimate e = running.estimate();
  BOOST_TEST(e.value == expected.value, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(e.standard_error == expected.standard_error, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(e.samples == 5);
  BOOST_TEST(running.samples() == 20);
}

// A partial last block counts in the mean, not in the error.
BOOST_AUTO_TEST_CASE(partial_block_enters_the_mean_only)
{
  const std::vector<double> values = series(23);
  RunningBlockMean running(4);
  for (double v : values) running.add(v);
  double sum = 0.0;
  for (double v : values) sum += v;
  const Estimate e = running.estimate();
  BOOST_TEST(e.value == sum / 23, boost::test_tools::tolerance(1e-13));
  const Estimate blocks = block_average(std::vector<double>(values.begin(), values.begin() + 20), 5, 4);
  BOOST_TEST(e.standard_error == blocks.standard_error, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(running.complete_blocks() == 5);
}

BOOST_AUTO_TEST_CASE(no_error_before_two_blocks)
{
  RunningBlockMean running(3);
  BOOST_TEST(std::isnan(running.estimate().value));
  for (int i = 0; i < 5; ++i) running.add(i);
  BOOST_TEST(running.estimate().value == 2.0);
  BOOST_TEST(std::isnan(running.estimate().standard_error));
  running.add(5);
  BOOST_TEST(!std::isnan(running.estimate().standard_error));
}

// A restart: the state written after some values and read back goes on as if unbroken.
BOOST_AUTO_TEST_CASE(state_round_trip_continues_the_series)
{
  const std::vector<double> values = series(31);
  RunningBlockMean whole(5), first(5);
  for (double v : values) whole.add(v);
  for (int i = 0; i < 13; ++i) first.add(values[i]);
  const std::vector<double> state = first.state();
  BOOST_TEST(state.size() == static_cast<std::size_t>(RunningBlockMean::STATE_SIZE));
  RunningBlockMean second = RunningBlockMean::from_state(state.data());
  for (std::size_t i = 13; i < values.size(); ++i) second.add(values[i]);
  BOOST_TEST(second.estimate().value == whole.estimate().value);
  BOOST_TEST(second.estimate().standard_error == whole.estimate().standard_error);
  BOOST_TEST(second.samples() == whole.samples());
}

BOOST_AUTO_TEST_CASE(bad_block_length_and_state_are_refused)
{
  BOOST_CHECK_THROW(RunningBlockMean(0), std::invalid_argument);
  std::vector<double> state = RunningBlockMean(4).state();
  state[1] = 3;  // 3 samples, but none in blocks or the open block
  BOOST_CHECK_THROW(RunningBlockMean::from_state(state.data()), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
