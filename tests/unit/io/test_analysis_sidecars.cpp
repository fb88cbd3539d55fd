#include "io/analysis_sidecars.h"
#include "temp_file.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

using namespace exsolve::io;

namespace {

// The message of what reading `json` as track.json throws, after the file name (which it
// must start with).
std::string track_error_of(const std::string &json)
{
  const std::string message = error_reading(json, [](const std::string &path) { read_diffusion_estimates(path); });
  BOOST_TEST(message.rfind("<file>", 0) == 0u, message);
  return message.substr(std::string("<file>").size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis_sidecars)

BOOST_AUTO_TEST_CASE(diffusion_estimates_of_track_json_with_null_as_nan)
{
  TempFile track(R"({"tool": "exsolve-analyze track", "diffusion": {"D_A2_per_ps": 0.125,
      "D_uncertainty_A2_per_ps": 0.0078125, "msd_exponent": null, "fit_lags": 4,
      "blocks": {"D_A2_per_ps": 0.25, "D_standard_error_A2_per_ps": null, "segments": 6}}})");
  const DiffusionEstimates d = read_diffusion_estimates(track.path);
  BOOST_TEST(d.diffusion == 0.125);
  BOOST_TEST(d.diffusion_uncertainty == 0.0078125);
  BOOST_TEST(std::isnan(d.msd_exponent));
  BOOST_TEST(d.block_diffusion == 0.25);
  BOOST_TEST(std::isnan(d.block_standard_error));
  BOOST_TEST(d.block_segments == 6);
}

BOOST_AUTO_TEST_CASE(a_missing_or_wrong_value_is_named_with_its_keys)
{
  const std::string top = R"({"diffusion": {"D_A2_per_ps": 1, "D_uncertainty_A2_per_ps": 1, "msd_exponent": 1)";
  BOOST_TEST(track_error_of(top + "}}") == " lacks diffusion.blocks (made by an older exsolve-analyze?)");
  BOOST_TEST(track_error_of(top + R"(, "blocks": {"D_A2_per_ps": 1, "D_standard_error_A2_per_ps": 1}}})") ==
             " lacks diffusion.blocks.segments (made by an older exsolve-analyze?)");
  BOOST_TEST(track_error_of(top + R"(, "blocks": {"D_A2_per_ps": 1, "D_standard_error_A2_per_ps": 1, )"
                                  R"("segments": 2.5}}})") == ": diffusion.blocks.segments is 2.5, not an integer");
  BOOST_TEST(track_error_of(R"({"diffusion": 3})") ==
             " lacks diffusion.D_A2_per_ps (made by an older exsolve-analyze?)");
  BOOST_TEST(track_error_of(R"({"diffusion": )").find(": [json.exception.parse_error") == 0u);
  BOOST_CHECK_THROW(read_diffusion_estimates("/nonexistent/exsolve/track.json"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(best_growth_exponent_of_coarsening_json)
{
  TempFile coarsening(R"({"fits": [], "best_n": 3})");
  BOOST_TEST(read_best_growth_exponent(coarsening.path) == 3);
  TempFile old(R"({"fits": []})");
  BOOST_CHECK_EXCEPTION(read_best_growth_exponent(old.path), SidecarError, [&](const SidecarError &e) {
    return std::string(e.what()) == old.path + " lacks best_n (made by an older exsolve-analyze?)";
  });
}

BOOST_AUTO_TEST_SUITE_END()
