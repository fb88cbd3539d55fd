// Boost.Test entry point for the unit tests of core/ and analysis/lib.
#define BOOST_TEST_MODULE exsolve unit tests
#include <boost/test/unit_test.hpp>
