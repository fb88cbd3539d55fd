#include "io/analysis_sidecars.h"

#include "io/table_schema.h"
#include "io/text_file.h"

#include <nlohmann/json.hpp>

#include <initializer_list>

namespace exsolve {
namespace io {

namespace {

nlohmann::json parse_sidecar(const std::string &path)
{
  try {
    return nlohmann::json::parse(read_text_file(path));
  } catch (const nlohmann::json::exception &e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

// "diffusion.blocks.segments" of the keys from `first` to `last`.
std::string key_path(const char *const *first, const char *const *last)
{
  std::string path;
  for (const char *const *key = first; key != last; ++key) path += (path.empty() ? "" : ".") + std::string(*key);
  return path;
}

// The value at `keys` (object keys from the top), or SidecarError naming the first key
// that is missing.
const nlohmann::json &at(const nlohmann::json &document, std::initializer_list<const char *> keys,
                         const std::string &path)
{
  const nlohmann::json *value = &document;
  for (const char *const *key = keys.begin(); key != keys.end(); ++key) {
    if (!value->is_object() || !value->contains(*key))
      throw SidecarError(path + " lacks " + key_path(keys.begin(), key + 1) + " (made by an older exsolve-analyze?)");
    value = &(*value)[*key];
  }
  return *value;
}

// The analyses write NaN (no estimate) as null.
double number_or_nan(const nlohmann::json &value)
{
  return value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

int integer(const nlohmann::json &document, std::initializer_list<const char *> keys, const std::string &path)
{
  const nlohmann::json &value = at(document, keys, path);
  if (!value.is_number_integer())
    throw SidecarError(path + ": " + key_path(keys.begin(), keys.end()) + " is " + value.dump() + ", not an integer");
  return value.get<int>();
}

}  // namespace

DiffusionEstimates read_diffusion_estimates(const std::string &track_json)
{
  namespace key = sidecar_key;
  const nlohmann::json track = parse_sidecar(track_json);
  DiffusionEstimates estimates;
  estimates.diffusion = number_or_nan(at(track, {key::diffusion, key::D_A2_per_ps}, track_json));
  estimates.diffusion_uncertainty =
      number_or_nan(at(track, {key::diffusion, key::D_uncertainty_A2_per_ps}, track_json));
  estimates.msd_exponent = number_or_nan(at(track, {key::diffusion, key::msd_exponent}, track_json));
  estimates.block_diffusion = number_or_nan(at(track, {key::diffusion, key::blocks, key::D_A2_per_ps}, track_json));
  estimates.block_standard_error =
      number_or_nan(at(track, {key::diffusion, key::blocks, key::D_standard_error_A2_per_ps}, track_json));
  estimates.block_segments = integer(track, {key::diffusion, key::blocks, key::segments}, track_json);
  return estimates;
}

int read_best_growth_exponent(const std::string &coarsening_json)
{
  return integer(parse_sidecar(coarsening_json), {sidecar_key::best_n}, coarsening_json);
}

}  // namespace io
}  // namespace exsolve
