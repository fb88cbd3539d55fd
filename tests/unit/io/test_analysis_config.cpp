#include "io/analysis_config.h"
#include "source_dir.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace exsolve::io;

namespace {

const std::string VALID = "metal_types: [4, 5]\nparticle_cutoff: 3.0\natomic_volume: 10.94\noutput: out\n";

std::string error_of(const std::string &text)
{
  const std::string message =
      error_reading<ConfigError>(text, [](const std::string &path) { load_analysis_config(path); });
  BOOST_TEST(message.find("<file>") != std::string::npos);  // every error names the file
  return message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis_config)

BOOST_AUTO_TEST_CASE(valid_configuration_with_defaults_and_options)
{
  TempFile minimal(VALID);
  const AnalysisConfig c = load_analysis_config(minimal.path);
  BOOST_TEST(c.metal_types.size() == 2u);
  BOOST_TEST(c.particle_cutoff == 3.0);
  BOOST_TEST(c.min_size == 1);
  BOOST_TEST(c.surface_axis == 2);
  BOOST_TEST(c.last_frame == -1);
  TempFile full(VALID + "oxygen_types: 3\nmin_size: 10\nsurface_axis: y\nframes: {first: 2, last: 8, every: 3}\n");
  const AnalysisConfig d = load_analysis_config(full.path);
  BOOST_TEST(d.oxygen_types.at(0) == 3);
  BOOST_TEST(d.min_size == 10);
  BOOST_TEST(d.surface_axis == 1);
  BOOST_TEST(d.first_frame == 2);
  BOOST_TEST(d.frame_every == 3);
}

BOOST_AUTO_TEST_CASE(every_bad_key_is_named)
{
  BOOST_TEST(error_of("particle_cutoff: 3.0\natomic_volume: 1\noutput: o\n").find("'metal_types': missing") !=
             std::string::npos);
  BOOST_TEST(error_of(VALID + "particle_cutof: 2\n").find("unknown key 'particle_cutof'") != std::string::npos);
  BOOST_TEST(error_of("metal_types: [4]\nparticle_cutoff: abc\natomic_volume: 1\noutput: o\n")
                 .find("'particle_cutoff': expects a distance") != std::string::npos);
  BOOST_TEST(error_of("metal_types: [0]\nparticle_cutoff: 3\natomic_volume: 1\noutput: o\n")
                 .find("'metal_types': atom types are positive") != std::string::npos);
  BOOST_TEST(error_of(VALID + "surface_axis: w\n").find("'surface_axis': expected x, y or z") != std::string::npos);
  BOOST_TEST(error_of(VALID + "frames: {every: 0}\n").find("'frames.every': must be >= 1") != std::string::npos);
  BOOST_TEST(error_of(VALID + "frames: {step: 2}\n").find("'frames.step': unknown key") != std::string::npos);
  BOOST_TEST(error_of("metal_types: [4\n").find("not valid YAML") != std::string::npos);
  BOOST_CHECK_THROW(load_analysis_config("/nonexistent/config.yaml"), ConfigError);
}

BOOST_AUTO_TEST_CASE(numbers_are_finite_and_keys_given_once)
{
  const std::string infinite = error_of("metal_types: [4]\nparticle_cutoff: .inf\natomic_volume: 1\noutput: o\n");
  BOOST_TEST(infinite.find("'particle_cutoff': expects a distance in Å (a finite number), got '.inf'") !=
                 std::string::npos,
             infinite);
  BOOST_TEST(
      error_of(VALID + "timestep: -.inf\n").find("'timestep': expects the MD timestep in ps (a finite number)") !=
      std::string::npos);
  BOOST_TEST(error_of(VALID + "bond_cutoff: 1e400\n")
                 .find("'bond_cutoff': expects a distance in Å (a finite number), got '1e400'") != std::string::npos);
  BOOST_TEST(
      error_of(VALID + "socket_ring_width: .nan\n").find("'socket_ring_width': expects a distance in Å (a finite") !=
      std::string::npos);
  const std::string twice = error_of(VALID + "particle_cutoff: 4.0\n");
  BOOST_TEST(twice.find("key 'particle_cutoff' is given twice") != std::string::npos, twice);
  BOOST_TEST(error_of(VALID + "frames: {every: 2, every: 3}\n").find("'frames.every': given twice") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(oxygen_types_must_not_overlap_metal_types)
{
  // Type 5 both metal and oxygen would count metal-metal pairs as interface bonds.
  const std::string message = error_of(VALID + "oxygen_types: [2, 5, 4]\n");
  BOOST_TEST(message.find("'oxygen_types': type(s) 4, 5 also in metal_types") != std::string::npos, message);
  TempFile disjoint(VALID + "oxygen_types: [1, 2]\nsupport_types: [1, 4]\n");  // support may hold anything
  BOOST_TEST(load_analysis_config(disjoint.path).oxygen_types.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(analysis_config_example)

BOOST_AUTO_TEST_CASE(shipped_example_is_valid)
{
  const AnalysisConfig c = load_analysis_config(EXSOLVE_SOURCE_DIR "/inputs/analysis/example.yaml");
  BOOST_TEST(c.metal_types.at(0) == 4);
  BOOST_TEST(c.support_types.size() == 3u);
  BOOST_TEST(c.bond_cutoff == 2.6);
  BOOST_TEST(c.timestep == 0.002);
}

BOOST_AUTO_TEST_SUITE_END()
