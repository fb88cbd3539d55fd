#include "core/particle_by_atom_id.h"

#include <boost/test/unit_test.hpp>

using exsolve::core::ParticleByAtomId;

BOOST_AUTO_TEST_SUITE(particle_by_atom_id)

BOOST_AUTO_TEST_CASE(dense_and_sparse_ids_alike)
{
  ParticleByAtomId p;
  BOOST_TEST(p.at(5) == 0);  // nothing set: none
  p.set(5, 3, 10);
  p.set(1, 7, 10);
  p.set(90, 2, 10);                     // within 8 x 10 + 1024: in the table
  p.set(9000000000000000000LL, 4, 10);  // far beyond: hashed
  BOOST_TEST(p.at(5) == 3);
  BOOST_TEST(p.at(1) == 7);
  BOOST_TEST(p.at(90) == 2);
  BOOST_TEST(p.at(9000000000000000000LL) == 4);
  BOOST_TEST(p.at(6) == 0);
  BOOST_TEST(p.at(100000) == 0);
  p.set(5, 8, 10);  // overwritten
  BOOST_TEST(p.at(5) == 8);
  p.clear();
  for (long long id : {1LL, 5LL, 90LL, 9000000000000000000LL}) BOOST_TEST(p.at(id) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
