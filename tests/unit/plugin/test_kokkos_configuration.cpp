// The plugin's reading of Kokkos::print_configuration() (lammps-plugin/kokkos/
// kokkos_configuration.cpp) on the text Kokkos 3.4 and 5.2 print, and its verdicts.
#include "kokkos/kokkos_configuration.h"

#include <boost/test/unit_test.hpp>

using exsolve::KokkosConfiguration;
using exsolve::kokkos_mismatch;
using exsolve::parse_kokkos_configuration;

namespace {
// The lines Kokkos 3.4.1 prints for an OpenMP + Serial build (abridged; the form of every
// line kept: "key: value" from its metadata, two-space-indented KOKKOS_ENABLE_ lines per
// execution space, option lines that are not back ends).
const char *const kokkos_3_4_openmp = "Kokkos Version: 3.4.1\n"
                                      "Compiler:\n"
                                      "KOKKOS_COMPILER_GNU: 1230\n"
                                      "Options:\n"
                                      "KOKKOS_ENABLE_CXX14: yes\n"
                                      "Host Parallel Execution Space:\n"
                                      "  KOKKOS_ENABLE_OPENMP: yes\n"
                                      "  KOKKOS_ENABLE_OPENMP_ATOMICS: yes\n"
                                      "Host Serial Execution Space:\n"
                                      "  KOKKOS_ENABLE_SERIAL: yes\n"
                                      "  KOKKOS_ENABLE_SERIAL_ATOMICS: yes\n";
}  // namespace

BOOST_AUTO_TEST_SUITE(kokkos_configuration)

BOOST_AUTO_TEST_CASE(reads_version_and_backends_but_not_options)
{
  const KokkosConfiguration c = parse_kokkos_configuration(kokkos_3_4_openmp);
  BOOST_TEST(c.version == "3.4.1");
  BOOST_TEST(c.backends.size() == 2u);
  BOOST_TEST(c.backends.count("OPENMP") == 1u);
  BOOST_TEST(c.backends.count("SERIAL") == 1u);
  BOOST_TEST(c.describe() == "3.4.1 (OPENMP, SERIAL)");
}

BOOST_AUTO_TEST_CASE(a_backend_listed_as_no_is_not_enabled)
{
  const KokkosConfiguration c = parse_kokkos_configuration("Kokkos Version: 5.2.2\n  KOKKOS_ENABLE_OPENMP: yes\n"
                                                           "  KOKKOS_ENABLE_CUDA: no\n");
  BOOST_TEST(c.version == "5.2.2");
  BOOST_TEST(c.backends.size() == 1u);
  BOOST_TEST(c.backends.count("OPENMP") == 1u);
}

BOOST_AUTO_TEST_CASE(verdicts)
{
  const KokkosConfiguration openmp = parse_kokkos_configuration(kokkos_3_4_openmp);
  KokkosConfiguration cuda = openmp;
  cuda.backends = {"CUDA", "SERIAL"};
  KokkosConfiguration newer = openmp;
  newer.version = "5.2.2";
  BOOST_TEST(kokkos_mismatch(openmp, openmp).empty());
  BOOST_TEST(kokkos_mismatch(openmp, cuda) == "the Kokkos back ends differ");
  BOOST_TEST(kokkos_mismatch(openmp, newer) == "the Kokkos versions differ");
  // A text without a version line (a format this parser does not know) says nothing.
  BOOST_TEST(kokkos_mismatch(openmp, parse_kokkos_configuration("something else\n")).empty());
}

BOOST_AUTO_TEST_SUITE_END()
