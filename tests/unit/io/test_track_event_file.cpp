#include "io/track_event_file.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

using namespace exsolve::io;

BOOST_AUTO_TEST_SUITE(track_event_file)

BOOST_AUTO_TEST_CASE(counts_the_events_of_one_kind_below_the_header)
{
  // As fix nanoparticle/track writes it: '#' header lines, then step event particle other
  // particle_atoms other_atoms. The header mentions "merge" too: it must not count.
  TempFile events("# fix track nanoparticle/track: group metal cutoff 3 min_size 10 axis z\n"
                  "# step event particle other particle_atoms other_atoms (merge: surviving, ended)\n"
                  "0 birth 1 0 40 0\n0 birth 2 0 38 0\n"
                  "500 exchange 1 2 3 0\n"
                  "1000 merge 1 2 44 37\n"
                  "\n"
                  "1500 split 3 1 12 69\n1500 merge 1 3 69 12\n");
  BOOST_TEST(count_track_events(events.path, "merge") == 2);
  BOOST_TEST(count_track_events(events.path, "birth") == 2);
  BOOST_TEST(count_track_events(events.path, "exchange") == 1);
  BOOST_TEST(count_track_events(events.path, "death") == 0);
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_named)
{
  BOOST_CHECK_EXCEPTION(count_track_events("/nonexistent/exsolve/events.txt", "merge"), std::runtime_error,
                        [](const std::runtime_error &e) {
    return std::string(e.what()) == "cannot read /nonexistent/exsolve/events.txt";
  });
}

BOOST_AUTO_TEST_SUITE_END()
