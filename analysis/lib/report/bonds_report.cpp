#include "report/bonds_report.h"

#include "core/bond_counter.h"
#include "core/bond_tally.h"
#include "core/particle_bond_table.h"
#include "core/particle_census.h"
#include "io/annotated_dump.h"
#include "io/table_schema.h"
#include "pipeline/frame_loop.h"
#include "report/report_common.h"

#include <fmt/format.h>
#include <fmt/os.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace exsolve {
namespace report {

namespace column = io::column;
namespace tables = io::tables;

namespace {

// The cutoff of every metal type with every oxygen type: what was used, whatever the rules.
nlohmann::json cutoffs_by_type_pair(const io::AnalysisConfig &config, const core::PairCutoffs &cutoffs)
{
  const std::set<int> metal(config.metal_types.begin(), config.metal_types.end());
  const std::set<int> oxygen(config.oxygen_types.begin(), config.oxygen_types.end());
  nlohmann::json pairs = nlohmann::json::array();
  for (int metal_type : metal)
    for (int oxygen_type : oxygen)
      pairs.push_back({{"metal_type", metal_type},
                       {"oxygen_type", oxygen_type},
                       {"cutoff_A", cutoffs.cutoff(metal_type, oxygen_type)}});
  return pairs;
}

}  // namespace

AnalysisSummary run_bonds(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                           const RunInfo &info, std::ostream &log)
{
  io::require_key(config, "oxygen_types", !config.oxygen_types.empty(), "bonds");
  if (config.bond_cutoff_rules.empty())
    throw io::ConfigError(config.source + ": key 'bond_cutoff' or 'bond_cutoffs': missing (one is required by bonds)");
  const core::PairCutoffs cutoffs = io::bond_cutoffs(config);
  const std::string dir = config.output + "/";
  auto bonds_csv = fmt::output_file(dir + tables::bonds.file());
  auto totals_csv = fmt::output_file(dir + tables::bonds_frames.file());
  bonds_csv.print("{}", tables::bonds.header_line());
  totals_csv.print("{}", tables::bonds_frames.header_line());
  std::ofstream annotated_dump(dir + io::output_file::bonds_annotated_dump);

  const core::CensusOptions options = census_options(config);

  // Frames are independent: analysed in parallel, written in frame order.
  const io::FramesRead loop = pipeline::for_each_frame_parallel(
      config, dumps, log,
      [&](long index, const io::Frame &frame, const core::OrthogonalBox &box) {
        const std::vector<char> is_metal = atoms_of_types(frame, config.metal_types);
        const std::vector<char> is_oxygen = atoms_of_types(frame, config.oxygen_types);
        const std::vector<int> bonds = core::count_metal_oxygen_bonds(
            core::BondCountInput{&frame.position, &frame.type, &is_metal, &is_oxygen}, box, cutoffs);
        const core::Census census =
            core::take_census(core::CensusInput{&frame.position, &frame.id, &is_metal, nullptr}, box, options);

        core::BondTally tally;
        core::ParticleBondTable table;
        for (std::size_t i = 0; i < frame.size(); ++i) {
          if (!is_metal[i]) continue;
          tally.add_metal_atom(bonds[i]);
          if (census.particle_of_atom[i] != 0)
            table.add_atom(static_cast<long>(census.particle_of_atom[i]), bonds[i]);
        }
        pipeline::FrameOutput out;
        out.rows.resize(3);
        // Annotated frame: per-atom particle label (0: none) and bond count.
        std::vector<double> particle_column(frame.size()), bonds_column(frame.size());
        for (std::size_t i = 0; i < frame.size(); ++i) {
          particle_column[i] = static_cast<double>(census.particle_of_atom[i]);
          bonds_column[i] = bonds[i];
        }
        std::ostringstream annotated;
        io::write_annotated_frame(annotated, frame, {{"particle", &particle_column}, {"bonds", &bonds_column}});
        out.rows[2] = annotated.str();
        for (const core::ParticleBondRow &row : table.rows())
          out.rows[0] += fmt::format("{},{},{},{},{},{},{:.6g}\n", index, frame.timestep, row.particle_id, row.atoms,
                                     row.interface_atoms, row.bonds, row.bonds_per_interface_atom());
        out.rows[1] = fmt::format("{},{},{},{},{},{:.6g},{:.6g}\n", index, frame.timestep, tally.total_bonds(),
                                  tally.interface_atoms(), tally.metal_atoms(), tally.bonds_per_interface_atom(),
                                  tally.bonds_per_metal_atom());
        return out;
      },
      [&](long, std::int64_t, pipeline::FrameOutput &out) {
        bonds_csv.print("{}", out.rows[0]);
        totals_csv.print("{}", out.rows[1]);
        annotated_dump << out.rows[2];
      });

  nlohmann::json sidecar = sidecar_header("exsolve-analyze bonds", info, dumps);
  sidecar["configuration"] = {{"file", config.source},
                              {"metal_types", config.metal_types},
                              {"oxygen_types", config.oxygen_types},
                              {"bond_cutoff_A", config.bond_cutoff > 0.0 ? nlohmann::json(config.bond_cutoff)
                                                                         : nlohmann::json(nullptr)},
                              {"bond_cutoffs", config.bond_cutoff_entries},
                              {"bond_cutoff_A_by_type_pair", cutoffs_by_type_pair(config, cutoffs)},
                              {"particle_cutoff_A", config.particle_cutoff},
                              {"min_size_atoms", config.min_size}};
  sidecar["definitions"] = {
      {"bond", "a metal atom and an oxygen atom closer than the cutoff of their type pair (r < rc; "
               "bond_cutoff_A_by_type_pair, from bond_cutoff and bond_cutoffs), across periodic boundaries; counted "
               "once per metal atom (the rule of compute interface/bonds)"},
      {column::interface_atoms, "metal atoms with at least one bond"},
      {column::particle, "as in exsolve-analyze particles (label = smallest atom ID); free atoms count in the "
                         "frame totals only"},
      {io::output_file::bonds_annotated_dump, "every frame as a LAMMPS dump with per-atom columns particle (label, "
                                              "0: none) and bonds, for OVITO"}};
  return finish_sidecar(sidecar,
                        {tables::bonds.file(), tables::bonds_frames.file(), io::output_file::bonds_annotated_dump},
                        loop, dir + io::output_file::bonds_json);
}

}  // namespace report
}  // namespace exsolve
