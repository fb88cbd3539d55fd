// Boost.Test entry point for the analysis/lib unit tests.
#define BOOST_TEST_MODULE exsolve unit tests
#include <boost/test/unit_test.hpp>
