#include "analyses/html_report.h"
#include "analyses/particles_report.h"
#include "io/analysis_config.h"
#include "io/csv_table.h"
#include "io/dump_reader.h"
#include "io/table_schema.h"

#include "../io/temp_file.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fmt/format.h>
#include <sstream>
#include <string>

using namespace exsolve;

namespace {

// `frames` frames of a Ni4 cluster (type 2) drifting over an oxide slab (oxygen and
// support type 1) in a 20 Å periodic box, 10 steps apart.
std::string small_dump(int frames)
{
  std::string text;
  for (int f = 0; f < frames; ++f) {
    text += fmt::format("ITEM: TIMESTEP\n{}\nITEM: NUMBER OF ATOMS\n8\nITEM: BOX BOUNDS pp pp pp\n"
                        "0 20\n0 20\n0 20\nITEM: ATOMS id type x y z\n",
                        10 * f);
    const double shift = 0.3 * f;
    for (int k = 0; k < 4; ++k)
      text += fmt::format("{} 2 {} {} {}\n", k + 1, 5.0 + shift + 2.4 * (k % 2), 5.0 + 2.4 * (k / 2), 7.0);
    for (int k = 0; k < 4; ++k) text += fmt::format("{} 1 {} {} 5.0\n", k + 5, 4.0 + 3.0 * k, 6.0);
  }
  return text;
}

// A fresh output directory under /tmp, removed with everything in it at the end.
struct TempDirectory {
  std::string path;
  TempDirectory()
  {
    char name[] = "/tmp/exsolve_pass_XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDirectory() { std::filesystem::remove_all(path); }
};

// Every analysis of `report`: bonds (oxygen_types, bond_cutoff), socket (support_types),
// track and coarsening (timestep).
io::AnalysisConfig report_config(const std::string &output, int threads)
{
  TempFile yaml(fmt::format("metal_types: [2]\noxygen_types: [1]\nsupport_types: [1]\nbond_cutoff: 2.6\n"
                            "particle_cutoff: 3.0\natomic_volume: 10.94\ntimestep: 0.001\noutput: {}\n",
                            output));
  io::AnalysisConfig config = io::load_analysis_config(yaml.path);
  config.threads = threads;
  return config;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis_pass)

// `report` runs five analyses; each frame must be decoded once for all of them, not once
// per analysis (five passes decoded 5 N frames).
BOOST_AUTO_TEST_CASE(report_decodes_each_frame_once)
{
  const int frames = 4;
  TempFile dump(small_dump(frames));
  for (int threads : {1, 2}) {
    TempDirectory output;
    const io::AnalysisConfig config = report_config(output.path, threads);
    std::ostringstream log;
    const long before = io::frames_decoded();
    const analyses::AnalysisSummary summary = analyses::run_report(config, {dump.path}, {"test", "test"}, log);
    BOOST_TEST(io::frames_decoded() - before == frames);
    BOOST_TEST(summary.frames_analysed == frames);
    // Every analysis ran on every frame: one particle per frame in each per-particle table.
    for (const io::TableSchema *table :
         {&io::tables::particles, &io::tables::bonds, &io::tables::socket, &io::tables::track, &io::tables::coarsening})
      BOOST_TEST(io::read_csv_table(output.path + "/" + table->file()).row_count() == std::size_t(frames),
                 table->file());
  }
}

// A subcommand alone decodes each frame once too, and frames outside the selection are
// decoded (to find where the next frame starts) but not analysed.
BOOST_AUTO_TEST_CASE(particles_alone_decodes_each_frame_once)
{
  TempFile dump(small_dump(5));
  TempDirectory output;
  io::AnalysisConfig config = report_config(output.path, 1);
  config.last_frame = 2;
  std::ostringstream log;
  const long before = io::frames_decoded();
  const analyses::AnalysisSummary summary = analyses::run_particles(config, {dump.path}, {"test", "test"}, log);
  BOOST_TEST(summary.frames_analysed == 3);
  BOOST_TEST(io::frames_decoded() - before == 4);  // frames 0-2, and frame 3 that ends the selection
}

BOOST_AUTO_TEST_SUITE_END()
