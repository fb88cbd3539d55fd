#include "io/analysis_config.h"

#include "core/finite_number.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace exsolve {
namespace io {

namespace {

class Reader {
 public:
  Reader(const YAML::Node &root, const std::string &path) : root_(root), path_(path) {}

  [[noreturn]] void fail(const std::string &key, const std::string &what) const
  {
    throw ConfigError(path_ + ": key '" + key + "': " + what);
  }

  template <class T>
  T scalar(const std::string &key, const std::string &expected) const
  {
    try {
      return root_[key].as<T>();
    } catch (const YAML::Exception &) {
      fail(key, "expected " + expected);
    }
  }

  // A real number by the rule of the plugin's styles (core::parse_finite_number): YAML's
  // .inf and .nan, which yaml-cpp would take, and 1e400 are no distance, volume or time.
  double real(const std::string &key, const std::string &expected) const
  {
    const YAML::Node node = root_[key];
    double value = 0.0;
    if (!node.IsScalar() || !core::parse_finite_number(node.Scalar(), value))
      fail(key, core::finite_number_expected(expected, node.IsScalar() ? node.Scalar() : std::string("a non-scalar")));
    return value;
  }

  std::vector<int> types(const std::string &key) const
  {
    const YAML::Node node = root_[key];
    std::vector<int> values;
    if (node.IsScalar()) {
      values.push_back(scalar<int>(key, "an atom type or a list of atom types"));
    } else if (node.IsSequence()) {
      for (const auto &item : node) {
        try {
          values.push_back(item.as<int>());
        } catch (const YAML::Exception &) {
          fail(key, "expected a list of atom types (positive integers)");
        }
      }
    } else {
      fail(key, "expected an atom type or a list of atom types");
    }
    if (values.empty()) fail(key, "the list of atom types is empty");
    for (int t : values)
      if (t < 1) fail(key, "atom types are positive integers, got " + std::to_string(t));
    return values;
  }

  bool has(const std::string &key) const { return root_[key].IsDefined() && !root_[key].IsNull(); }

 private:
  const YAML::Node &root_;
  const std::string &path_;
};

// A type both metal and oxygen would count metal-metal pairs as interface bonds; compute
// interface/bonds refuses overlapping groups for the same reason.
void check_disjoint(const Reader &read, const std::vector<int> &metal_types, const std::vector<int> &oxygen_types)
{
  const std::set<int> metal(metal_types.begin(), metal_types.end());
  std::string shared;
  for (int t : std::set<int>(oxygen_types.begin(), oxygen_types.end()))
    if (metal.count(t)) shared += (shared.empty() ? "" : ", ") + std::to_string(t);
  if (!shared.empty())
    read.fail("oxygen_types", "type(s) " + shared + " also in metal_types: an atom type is metal or oxygen, not both");
}

int largest_bond_type(const AnalysisConfig &config)
{
  int largest = 1;
  for (const std::vector<int> *types : {&config.metal_types, &config.oxygen_types})
    for (int t : *types) largest = std::max(largest, t);
  return largest;
}

// One bond_cutoffs entry: the words after `cutoff` in compute interface/bonds, "<Å>" or
// "<itype> <jtype> <Å>".
core::CutoffRule cutoff_rule_of(const Reader &read, const std::string &where, const std::string &entry)
{
  std::istringstream words_in(entry);
  std::vector<std::string> words;
  for (std::string word; words_in >> word;) words.push_back(word);
  if (words.size() != 1 && words.size() != 3)
    read.fail("bond_cutoffs", where + ": expected '<Å>' or '<itype> <jtype> <Å>' (the words after 'cutoff' in "
                                      "compute interface/bonds)");
  core::CutoffRule rule;
  if (!core::parse_finite_number(words.back(), rule.cutoff_angstrom))
    read.fail("bond_cutoffs", where + ": " + core::finite_number_expected("a distance in Å", words.back()));
  if (words.size() == 3) {
    rule.itypes = words[0];
    rule.jtypes = words[1];
  }
  return rule;
}

// bond_cutoff, then the bond_cutoffs entries, checked as compute interface/bonds checks its
// `cutoff` keywords; types are resolved against metal_types and oxygen_types.
void read_bond_cutoffs(const Reader &read, const YAML::Node &root, AnalysisConfig &config)
{
  if (read.has("bond_cutoff")) {
    config.bond_cutoff = read.real("bond_cutoff", "a distance in Å");
    if (!(config.bond_cutoff > 0.0)) read.fail("bond_cutoff", "must be > 0 Å");
    config.bond_cutoff_rules.push_back({"", "", config.bond_cutoff});
  }
  if (!read.has("bond_cutoffs")) return;
  const YAML::Node entries = root["bond_cutoffs"];
  const std::string syntax = "a list of quoted entries, e.g. [\"2.4\", \"1 2 2.6\", \"3*4 2 2.2\"]";
  if (!entries.IsSequence()) read.fail("bond_cutoffs", "expected " + syntax);
  if (entries.size() == 0) read.fail("bond_cutoffs", "the list is empty");
  const std::size_t first_entry = config.bond_cutoff_rules.size();
  const int n_types = largest_bond_type(config);
  for (const YAML::Node &item : entries) {
    const std::string where = "entry " + std::to_string(config.bond_cutoff_entries.size() + 1);
    if (!item.IsScalar()) read.fail("bond_cutoffs", where + ": expected " + syntax);
    const std::string entry = item.Scalar();
    config.bond_cutoff_entries.push_back(entry);
    const core::CutoffRule rule = cutoff_rule_of(read, where + " '" + entry + "'", entry);
    // Type errors here, where the message can say what the largest type is and why.
    const std::vector<std::string> type_words =
        rule.is_global() ? std::vector<std::string>{} : std::vector<std::string>{rule.itypes, rule.jtypes};
    for (const std::string &word : type_words) {
      try {
        core::parse_type_range(word, n_types);
      } catch (const std::invalid_argument &e) {
        read.fail("bond_cutoffs", where + " '" + entry + "': " + e.what() + " (types count up to " +
                                      std::to_string(n_types) + ", the largest of metal_types and oxygen_types)");
      }
    }
    config.bond_cutoff_rules.push_back(rule);
  }
  core::PairCutoffs table(n_types);
  try {
    core::apply_cutoff_rules(config.bond_cutoff_rules, table);
  } catch (const core::CutoffRuleError &e) {
    const std::size_t entry = e.rule_index() - first_entry;
    const bool global_twice = first_entry > 0 && config.bond_cutoff_rules[e.rule_index()].is_global();
    read.fail("bond_cutoffs", "entry " + std::to_string(entry + 1) + " '" + config.bond_cutoff_entries[entry] +
                                  "': " + e.what() + (global_twice ? " (bond_cutoff is the global cutoff)" : ""));
  }
}

}  // namespace

AnalysisConfig load_analysis_config(const std::string &path)
{
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile &) {
    throw ConfigError(path + ": cannot open the configuration file");
  } catch (const YAML::Exception &e) {
    throw ConfigError(path + ": not valid YAML: " + e.what());
  }
  if (!root.IsMap()) throw ConfigError(path + ": expected a mapping of keys to values at the top level");

  static const std::set<std::string> KNOWN = {"metal_types",     "oxygen_types",
                                              "support_types",   "particle_cutoff",
                                              "min_size",        "atomic_volume",
                                              "surface_axis",    "frames",
                                              "output",          "bond_cutoff",
                                              "bond_cutoffs",    "timestep",
                                              "surface_cell",    "socket_ring_width",
                                              "dopant_types",    "site_types",
                                              "lattice_spacing", "chemical_potential_file"};
  // yaml-cpp keeps a repeated key and answers lookups with its first value: refuse it.
  std::set<std::string> seen;
  for (const auto &entry : root) {
    const std::string key = entry.first.as<std::string>();
    if (!KNOWN.count(key)) throw ConfigError(path + ": unknown key '" + key + "'");
    if (!seen.insert(key).second) throw ConfigError(path + ": key '" + key + "' is given twice");
  }

  const Reader read(root, path);
  AnalysisConfig config;
  config.source = path;
  for (const char *key : {"metal_types", "particle_cutoff", "atomic_volume", "output"})
    if (!read.has(key)) read.fail(key, "missing (required)");

  config.metal_types = read.types("metal_types");
  if (read.has("oxygen_types")) config.oxygen_types = read.types("oxygen_types");
  check_disjoint(read, config.metal_types, config.oxygen_types);
  if (read.has("support_types")) config.support_types = read.types("support_types");
  if (read.has("dopant_types")) config.dopant_types = read.types("dopant_types");
  if (read.has("site_types")) config.site_types = read.types("site_types");
  if (read.has("lattice_spacing")) {
    config.lattice_spacing = read.real("lattice_spacing", "a lattice spacing in Å");
    if (!(config.lattice_spacing > 0.0)) read.fail("lattice_spacing", "must be > 0 Å");
  }
  config.particle_cutoff = read.real("particle_cutoff", "a distance in Å");
  if (!(config.particle_cutoff > 0.0)) read.fail("particle_cutoff", "must be > 0 Å");
  config.atomic_volume = read.real("atomic_volume", "a volume per metal atom in Å^3");
  if (!(config.atomic_volume > 0.0)) read.fail("atomic_volume", "must be > 0 Å^3");
  read_bond_cutoffs(read, root, config);
  for (const char *key : {"surface_cell", "socket_ring_width"}) {
    if (!read.has(key)) continue;
    const double value = read.real(key, "a distance in Å");
    if (!(value > 0.0)) read.fail(key, "must be > 0 Å");
    (std::string(key) == "surface_cell" ? config.surface_cell : config.socket_ring_width) = value;
  }
  if (read.has("timestep")) {
    config.timestep = read.real("timestep", "the MD timestep in ps");
    if (!(config.timestep > 0.0)) read.fail("timestep", "must be > 0 ps");
  }
  if (read.has("min_size")) {
    config.min_size = read.scalar<long>("min_size", "a number of atoms");
    if (config.min_size < 1) read.fail("min_size", "must be >= 1");
  }
  if (read.has("surface_axis")) {
    const std::string axis = read.scalar<std::string>("surface_axis", "x, y or z");
    if (axis == "x") config.surface_axis = 0;
    else if (axis == "y") config.surface_axis = 1;
    else if (axis == "z") config.surface_axis = 2;
    else read.fail("surface_axis", "expected x, y or z, got '" + axis + "'");
  }
  if (read.has("frames")) {
    const YAML::Node frames = root["frames"];
    if (!frames.IsMap()) read.fail("frames", "expected a mapping with first, last, every");
    const Reader frame_read(frames, path);
    std::set<std::string> seen_in_frames;
    for (const auto &entry : frames) {
      const std::string key = entry.first.as<std::string>();
      if (key != "first" && key != "last" && key != "every") read.fail("frames." + key, "unknown key");
      if (!seen_in_frames.insert(key).second) read.fail("frames." + key, "given twice");
    }
    if (frame_read.has("first")) config.first_frame = frame_read.scalar<long>("first", "a frame index >= 0");
    if (frame_read.has("last")) config.last_frame = frame_read.scalar<long>("last", "a frame index (-1: to the end)");
    if (frame_read.has("every")) config.frame_every = frame_read.scalar<long>("every", "an integer >= 1");
    if (config.first_frame < 0) read.fail("frames.first", "must be >= 0");
    if (config.frame_every < 1) read.fail("frames.every", "must be >= 1");
    if (config.last_frame >= 0 && config.last_frame < config.first_frame)
      read.fail("frames.last", "is before frames.first");
  }
  config.output = read.scalar<std::string>("output", "a directory path");
  if (config.output.empty()) read.fail("output", "must not be empty");
  if (read.has("chemical_potential_file")) {
    config.chemical_potential_file = read.scalar<std::string>("chemical_potential_file", "a file path");
    if (config.chemical_potential_file.empty()) read.fail("chemical_potential_file", "must not be empty");
    if (!(config.timestep > 0.0)) read.fail("chemical_potential_file", "needs timestep (ps per step) for its times");
  }
  return config;
}

core::PairCutoffs bond_cutoffs(const AnalysisConfig &config)
{
  core::PairCutoffs table(largest_bond_type(config));
  core::apply_cutoff_rules(config.bond_cutoff_rules, table);
  return table;
}

void require_key(const AnalysisConfig &config, const std::string &key, bool given, const std::string &analysis)
{
  if (!given) throw ConfigError(config.source + ": key '" + key + "': missing (required by " + analysis + ")");
}

}  // namespace io
}  // namespace exsolve
