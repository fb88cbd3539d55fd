#include "io/annotated_dump.h"
#include "io/dump_reader.h"

#include <boost/test/unit_test.hpp>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace exsolve::io;

namespace {

// A dump file written for one test and removed afterwards.
struct TempDump {
  std::string path;
  explicit TempDump(const std::string &text, bool gzip = false)
  {
    char name[] = "/tmp/exsolve_dump_XXXXXX";
    const int fd = mkstemp(name);
    close(fd);
    path = std::string(name) + (gzip ? ".gz" : ".dump");
    std::rename(name, path.c_str());
    if (gzip) {
      gzFile out = gzopen(path.c_str(), "wb");
      gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
      gzclose(out);
    } else {
      std::ofstream(path) << text;
    }
  }
  ~TempDump() { std::remove(path.c_str()); }
};

const std::string ORTHO_HEADER =
    "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp ff\n0 10\n-5 5\n0 20\n";

// Reads every frame; returns how many.
int read_all(const std::string &path)
{
  DumpReader reader(path);
  Frame frame;
  int n = 0;
  while (reader.next(frame)) ++n;
  return n;
}

// The message of the DumpError thrown by reading `text`.
template <class Error>
std::string error_of(const std::string &text)
{
  TempDump dump(text);
  try {
    read_all(dump.path);
  } catch (const Error &e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dump_reader)

BOOST_AUTO_TEST_CASE(custom_columns_in_any_order_with_extras)
{
  TempDump dump(ORTHO_HEADER + "ITEM: ATOMS c_bonds z type x id y ix iy iz f_track\n"
                               "3 1.5 2 0.5 7 -1 0 1 0 4\n"
                               "0 2.5 1 1.5 2 -2 1 0 0 0\n"
                               "1 3.5 1 2.5 5 -3 0 0 -1 4\n");
  DumpReader reader(dump.path);
  Frame f;
  BOOST_TEST_REQUIRE(reader.next(f));
  BOOST_TEST(f.timestep == 100);
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f.id[0] == 7);  // unsorted IDs are kept in file order
  BOOST_TEST(f.id[1] == 2);
  BOOST_TEST(f.type[0] == 2);
  BOOST_TEST(f.position[0][0] == 0.5);
  BOOST_TEST(f.position[0][1] == -1.0);
  BOOST_TEST(f.position[0][2] == 1.5);
  BOOST_TEST(f.has_image);
  BOOST_TEST(f.image[2][2] == -1);
  BOOST_TEST(f.extra.at("c_bonds")[0] == 3.0);
  BOOST_TEST(f.extra.at("f_track")[2] == 4.0);
  BOOST_TEST(f.extra.size() == 2u);
  BOOST_TEST(f.box.periodic(0));
  BOOST_TEST(!f.box.periodic(2));
  BOOST_TEST(f.box.lo[1] == -5.0);
  BOOST_TEST(!reader.next(f));
}

BOOST_AUTO_TEST_CASE(dump_atom_scaled_coordinates)
{
  TempDump dump(ORTHO_HEADER + "ITEM: ATOMS id type xs ys zs\n1 1 0.5 0.5 0.25\n2 1 0 1 1\n3 2 0.1 0.2 0.3\n");
  DumpReader reader(dump.path);
  Frame f;
  BOOST_TEST_REQUIRE(reader.next(f));
  BOOST_TEST(f.position[0][0] == 5.0);
  BOOST_TEST(f.position[0][1] == 0.0);
  BOOST_TEST(f.position[0][2] == 5.0);
  BOOST_TEST(f.position[1][1] == 5.0);
  BOOST_TEST(!f.positions_unwrapped);
}

BOOST_AUTO_TEST_CASE(units_and_time_items_are_skipped)
{
  TempDump dump("ITEM: UNITS\nmetal\nITEM: TIME\n0.5\n" + ORTHO_HEADER +
                "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n3 1 2 2 2\n");
  Frame f;
  DumpReader reader(dump.path);
  BOOST_TEST_REQUIRE(reader.next(f));
  BOOST_TEST(f.timestep == 100);
  BOOST_TEST(f.size() == 3u);
}

BOOST_AUTO_TEST_CASE(unwrapped_coordinates_are_marked)
{
  TempDump dump(ORTHO_HEADER + "ITEM: ATOMS id type xu yu zu\n1 1 12 0 0\n2 1 1 1 1\n3 1 2 2 2\n");
  Frame f;
  DumpReader reader(dump.path);
  BOOST_TEST_REQUIRE(reader.next(f));
  BOOST_TEST(f.positions_unwrapped);
  BOOST_TEST(f.position[0][0] == 12.0);
}

BOOST_AUTO_TEST_CASE(triclinic_box_and_scaled_positions)
{
  // Cell 10 x 8 x 6 with xy = 2, xz = 1, yz = -1: bounding box per the LAMMPS Howto.
  TempDump dump("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS xy xz yz pp pp pp\n"
                "0 13 2\n-1 8 1\n0 6 -1\nITEM: ATOMS id type xs ys zs\n1 1 1 1 1\n");
  Frame f;
  DumpReader reader(dump.path);
  BOOST_TEST_REQUIRE(reader.next(f));
  BOOST_TEST(f.box.triclinic);
  BOOST_TEST(f.box.lo[0] == 0.0);
  BOOST_TEST(f.box.hi[0] == 10.0);
  BOOST_TEST(f.box.lo[1] == 0.0);
  BOOST_TEST(f.box.hi[1] == 8.0);
  // The far corner: a + b + c = (10 + 2 + 1, 8 - 1, 6).
  BOOST_TEST(f.position[0][0] == 13.0);
  BOOST_TEST(f.position[0][1] == 7.0);
  BOOST_TEST(f.position[0][2] == 6.0);
}

BOOST_AUTO_TEST_CASE(gzip_and_changing_atom_counts)
{
  const std::string two_frames = ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n5 2 2 2 2\n" +
                                 "ITEM: TIMESTEP\n200\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp ff\n"
                                 "0 10\n-5 5\n0 20\nITEM: ATOMS id type x y z\n5 2 3 3 3\n";
  TempDump dump(two_frames, true);
  DumpReader reader(dump.path);
  Frame f;
  BOOST_TEST_REQUIRE(reader.next(f));
  BOOST_TEST(f.size() == 3u);
  BOOST_TEST_REQUIRE(reader.next(f));
  BOOST_TEST(f.timestep == 200);
  BOOST_TEST(f.size() == 1u);
  BOOST_TEST(f.id[0] == 5);
  BOOST_TEST(!reader.next(f));
  BOOST_TEST(reader.frames_read() == 2);
}

BOOST_AUTO_TEST_CASE(truncated_last_frame_is_reported_as_such)
{
  const std::string text = ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n3 1 2 2 2\n" +
                           "ITEM: TIMESTEP\n200\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp ff\n"
                           "0 10\n-5 5\n0 20\nITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1";
  TempDump dump(text);
  DumpReader reader(dump.path);
  Frame f;
  BOOST_TEST(reader.next(f));
  try {
    reader.next(f);
    BOOST_FAIL("no error for a truncated frame");
  } catch (const TruncatedFrame &e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("frame 2") != std::string::npos);
    BOOST_TEST(message.find(dump.path) != std::string::npos);
  }
  BOOST_TEST(error_of<TruncatedFrame>(ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n").find("cut short") !=
             std::string::npos);
}

// Frames of a gzip dump whose compressed bytes are cut after `keep` bytes (or, with
// corrupt, have bytes from `keep` on overwritten): the frames read, and the message of the
// TruncatedFrame that ended the reading ("no error" if none did).
std::pair<std::vector<Frame>, std::string> read_damaged_gzip(const std::string &text, long keep, bool corrupt = false)
{
  TempDump whole(text, true);
  std::ifstream in(whole.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (keep < 0) keep += static_cast<long>(bytes.size());
  if (corrupt) {
    for (std::size_t b = static_cast<std::size_t>(keep); b < bytes.size() && b < static_cast<std::size_t>(keep) + 64;
         ++b)
      bytes[b] = static_cast<char>(0x5a);
  } else {
    bytes.resize(static_cast<std::size_t>(keep));
  }
  std::ofstream(whole.path, std::ios::binary) << bytes;
  std::vector<Frame> frames;
  DumpReader reader(whole.path);
  try {
    Frame f;
    while (reader.next(f)) frames.push_back(f);
  } catch (const TruncatedFrame &e) {
    return {frames, e.what()};
  }
  return {frames, "no error"};
}

// A few frames of 200 atoms with positions that differ in every digit.
std::string many_frames(int n_frames)
{
  std::ostringstream text;
  for (int frame = 0; frame < n_frames; ++frame) {
    text << "ITEM: TIMESTEP\n"
         << 100 * frame << "\nITEM: NUMBER OF ATOMS\n200\nITEM: BOX BOUNDS pp pp pp\n"
         << "0 50\n0 50\n0 50\nITEM: ATOMS id type x y z\n";
    for (int a = 1; a <= 200; ++a)
      text << a << " " << 1 + a % 3 << " " << 0.1234567 * a + frame << " " << 0.2345678 * a << " " << 0.0345678 * a
           << "\n";
  }
  return text.str();
}

BOOST_AUTO_TEST_CASE(a_last_line_without_newline_is_a_cut_frame_not_data)
{
  // The number 2 of "2 2 2" may be the first digit of 2.5: a line without its newline is
  // never taken as data.
  const std::string message =
      error_of<TruncatedFrame>(ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n3 1 2 2 2");
  BOOST_TEST(message.find("frame 1 is cut short at line 12 (the last line ends without a newline: '3 1 2 2 2')") !=
                 std::string::npos,
             message);
  // Cut inside the ATOMS header: a cut frame, not a header without 'type'.
  const std::string header = error_of<TruncatedFrame>(ORTHO_HEADER + "ITEM: ATOMS id ty");
  BOOST_TEST(header.find("cut short at line 9 (the last line ends without a newline: 'ITEM: ATOMS id ty')") !=
                 std::string::npos,
             header);
}

BOOST_AUTO_TEST_CASE(a_gzip_stream_cut_short_or_corrupt_is_a_cut_frame_not_data)
{
  const std::string text = many_frames(3);
  TempDump whole(text, true);
  std::vector<Frame> original;
  {
    DumpReader reader(whole.path);
    Frame f;
    while (reader.next(f)) original.push_back(f);
  }
  BOOST_REQUIRE(original.size() == 3u);
  // Whatever is read from a damaged stream equals the original frames; the end is reported.
  auto check = [&](const std::pair<std::vector<Frame>, std::string> &result, const std::string &expected) {
    BOOST_TEST(result.second.find(expected) != std::string::npos, result.second);
    BOOST_TEST(result.first.size() < original.size());
    for (std::size_t k = 0; k < result.first.size(); ++k) {
      BOOST_TEST(result.first[k].timestep == original[k].timestep);
      BOOST_TEST(result.first[k].id == original[k].id);
      BOOST_TEST((result.first[k].position == original[k].position));
    }
  };
  std::ifstream in(whole.path, std::ios::binary);
  const long size =
      static_cast<long>(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()).size());
  check(read_damaged_gzip(text, size / 2), "the gzip stream ends early");
  check(read_damaged_gzip(text, size * 3 / 4), "the gzip stream ends early");
  check(read_damaged_gzip(text, size / 2, true), "corrupt gzip data");
  // Without its 8-byte trailer every frame is whole, but the stream cannot be verified: the
  // reading still ends with the warning, after the three frames.
  const auto no_trailer = read_damaged_gzip(text, -8);
  BOOST_TEST(no_trailer.first.size() == 3u);
  BOOST_TEST(no_trailer.second.find("frame 4 is cut short") != std::string::npos, no_trailer.second);
  BOOST_TEST(no_trailer.second.find("the gzip stream ends early") != std::string::npos, no_trailer.second);
}

BOOST_AUTO_TEST_CASE(an_atom_listed_twice_is_an_error)
{
  const std::string message =
      error_of<DumpError>(ORTHO_HEADER + "ITEM: ATOMS id type x y z\n7 1 0 0 0\n2 1 1 1 1\n7 1 2 2 2\n");
  BOOST_TEST(message.find("frame 1: atom id 7 appears more than once (lines 10 and 12)") != std::string::npos, message);
  // Sparse IDs take the sorting path.
  const std::string sparse = error_of<DumpError>(
      ORTHO_HEADER + "ITEM: ATOMS id type x y z\n9000000000 1 0 0 0\n2 1 1 1 1\n9000000000 1 2 2 2\n");
  BOOST_TEST(sparse.find("atom id 9000000000 appears more than once (lines 10 and 12)") != std::string::npos, sparse);
}

BOOST_AUTO_TEST_CASE(malformed_input_names_file_frame_and_line)
{
  const std::string bad_value =
      error_of<DumpError>(ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 abc 1\n3 1 2 2 2\n");
  BOOST_TEST(bad_value.find("line 11") != std::string::npos);
  BOOST_TEST(bad_value.find("column 'y'") != std::string::npos);
  BOOST_TEST(bad_value.find("frame 1") != std::string::npos);
  BOOST_TEST(
      error_of<DumpError>(ORTHO_HEADER + "ITEM: ATOMS id x y z\n1 0 0 0\n2 1 1 1\n3 2 2 2\n").find("no 'type'") !=
      std::string::npos);
  BOOST_TEST(error_of<DumpError>(ORTHO_HEADER + "ITEM: ATOMS id type x y\n1 1 0 0\n2 1 1 1\n3 1 2 2\n")
                 .find("no complete set of positions") != std::string::npos);
  BOOST_TEST(error_of<DumpError>("ITEM: TIMESTEP\nten\n").find("timestep is not an integer") != std::string::npos);
  BOOST_TEST(error_of<DumpError>("ITEM: NONSENSE\n").find("expected 'ITEM: TIMESTEP'") != std::string::npos);
  BOOST_TEST(error_of<DumpError>(ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1\n3 1 2 2 2\n")
                 .find("atom line has 4 values") != std::string::npos);
  BOOST_CHECK_THROW(DumpReader("/nonexistent/dump.txt"), DumpError);
}

BOOST_AUTO_TEST_CASE(non_finite_and_absurdly_far_positions_are_refused)
{
  // The minimum-image fold and the cell lists cannot place such atoms (they used to hang).
  const std::string atoms = ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n";
  const std::string infinite = error_of<DumpError>(atoms + "2 1 1 inf 1\n3 1 2 2 2\n");
  BOOST_TEST(infinite.find("frame 1, line 11: atom 2: y is inf: positions must be finite") != std::string::npos,
             infinite);
  BOOST_TEST(error_of<DumpError>(atoms + "2 1 1 1 1\n3 1 nan 2 2\n").find("line 12: atom 3: x is nan") !=
             std::string::npos);
  const std::string far = error_of<DumpError>(atoms + "2 1 1e300 1 1\n3 1 2 2 2\n");
  BOOST_TEST(far.find("line 11: atom 2: x = 1e+300 lies more than 1e+06 box lengths outside the box [0, 10]") !=
                 std::string::npos,
             far);
  BOOST_TEST(error_of<DumpError>(atoms + "2 1 1 1 -3e7\n3 1 2 2 2\n").find("atom 2: z = -3e+07") != std::string::npos);
  // Unwrapped positions a thousand boxes away are a long run, not corruption.
  TempDump unwrapped(ORTHO_HEADER + "ITEM: ATOMS id type xu yu zu\n1 1 -10000 0 0\n2 1 1 1e4 1\n3 1 2 2 2e4\n");
  BOOST_TEST(read_all(unwrapped.path) == 1);
}

BOOST_AUTO_TEST_CASE(empty_inverted_or_infinite_boxes_are_refused)
{
  const std::string atoms = "ITEM: ATOMS id type x y z\n1 1 0 0 0\n";
  const std::string head = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n";
  const std::string empty = error_of<DumpError>(head + "0 10\n5 5\n0 10\n" + atoms);
  BOOST_TEST(empty.find(
                 "line 8: BOX BOUNDS along y: the upper bound 5 must be a finite number above the lower bound 5") !=
                 std::string::npos,
             empty);
  BOOST_TEST(error_of<DumpError>(head + "10 0\n0 10\n0 10\n" + atoms).find("BOX BOUNDS along x") != std::string::npos);
  BOOST_TEST(error_of<DumpError>(head + "0 10\n0 10\n0 inf\n" + atoms).find("BOX BOUNDS along z") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(atom_count_is_not_trusted_for_allocation)
{
  // 1e15 atoms announced, one line given: a frame cut short, not std::bad_alloc.
  TempDump dump("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1000000000000000\nITEM: BOX BOUNDS pp pp pp\n"
                "0 10\n0 10\n0 10\nITEM: ATOMS id type x y z\n1 1 0 0 0\n");
  DumpReader reader(dump.path);
  Frame f;
  try {
    reader.next(f);
    BOOST_FAIL("no error for a frame with fewer atoms than announced");
  } catch (const TruncatedFrame &e) {
    const std::string message = e.what();
    BOOST_TEST(message.find(dump.path + ": frame 1 is cut short at line 10") != std::string::npos, message);
    BOOST_TEST(message.find("after 1 of 1000000000000000 atoms") != std::string::npos, message);
  }
  BOOST_TEST(f.id.capacity() <= (std::size_t(1) << 20));  // not the announced count
}

BOOST_AUTO_TEST_CASE(fewer_atom_lines_than_announced_before_the_next_frame)
{
  const std::string text = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n5\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n"
                           "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n" +
                           ORTHO_HEADER + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1 1 1 1\n3 1 2 2 2\n";
  const std::string message = error_of<DumpError>(text);
  BOOST_TEST(message.find("frame 1, line 12: 'ITEM: TIMESTEP' after 2 atom lines: the frame has fewer atom lines "
                          "than its NUMBER OF ATOMS (5)") != std::string::npos,
             message);
}

BOOST_AUTO_TEST_CASE(annotated_dump_round_trips)
{
  TempDump dump("ITEM: TIMESTEP\n7\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS xy xz yz pp pp ff\n"
                "0 13 2\n-1 8 1\n0 6 -1\nITEM: ATOMS id type x y z\n4 1 1.5 2.5 3.5\n9 2 4 5 6\n");
  Frame f;
  DumpReader reader(dump.path);
  BOOST_TEST_REQUIRE(reader.next(f));
  const std::vector<std::int64_t> particle = {3, 0}, bonds = {2, 5};
  TempDump written(fmt::to_string(annotated_frame_text(f, {{"particle", &particle}, {"bonds", &bonds}})));
  DumpReader again(written.path);
  Frame g;
  BOOST_TEST_REQUIRE(again.next(g));
  BOOST_TEST(g.timestep == 7);
  BOOST_TEST(g.box.triclinic);
  for (int k = 0; k < 3; ++k) {
    BOOST_TEST(g.box.lo[k] == f.box.lo[k]);
    BOOST_TEST(g.box.hi[k] == f.box.hi[k]);
  }
  BOOST_TEST(g.box.boundary[2] == "ff");
  BOOST_TEST(g.box.xy == 2.0);
  BOOST_TEST(g.box.xz == 1.0);
  BOOST_TEST(g.box.yz == -1.0);
  BOOST_TEST(g.id[1] == 9);
  BOOST_TEST(g.position[0][2] == 3.5);
  BOOST_TEST(g.extra.at("particle")[0] == 3.0);
  BOOST_TEST(g.extra.at("bonds")[1] == 5.0);
}

BOOST_AUTO_TEST_SUITE_END()
