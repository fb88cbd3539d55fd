#include "analyses/bonds_report.h"

#include "analyses/analysis_pass.h"
#include "analyses/report_common.h"
#include "core/bond_counter.h"
#include "core/bond_tally.h"
#include "core/particle_bond_table.h"
#include "io/annotated_dump.h"
#include "io/atomic_output_file.h"
#include "io/table_schema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <set>
#include <utility>

namespace exsolve {
namespace analyses {

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

class BondsAnalysis : public FrameAnalysis {
 public:
  BondsAnalysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                const core::PairCutoffs &cutoffs)
      : config_(config), dumps_(dumps), info_(info), cutoffs_(cutoffs), dir_(config.output + "/"),
        bonds_csv_(dir_ + tables::bonds.file()), totals_csv_(dir_ + tables::bonds_frames.file())
  {
    if (config.annotated_dump)
      annotated_dump_ = std::make_unique<io::AtomicOutputFile>(dir_ + io::output_file::bonds_annotated_dump);
    bonds_csv_.print("{}", tables::bonds.header_line());
    totals_csv_.print("{}", tables::bonds_frames.header_line());
  }

  pipeline::InFrameOrder analyse(long index, const io::Frame &frame, const core::PeriodicBox &box,
                                 const pipeline::FrameCensus &found) override
  {
    const std::vector<char> is_oxygen = pipeline::atoms_of_types(frame, config_.oxygen_types);
    const std::vector<int> bonds =
        core::count_metal_oxygen_bonds(core::BondCountInput{&frame.position, &frame.type, &found.is_metal, &is_oxygen},
                                       box, cutoffs_);
    const std::vector<std::int64_t> &particle_of_atom = found.census.particle_of_atom;

    core::BondTally tally;
    core::ParticleBondTable table;
    for (std::size_t i = 0; i < frame.size(); ++i) {
      if (!found.is_metal[i]) continue;
      tally.add_metal_atom(bonds[i]);
      if (particle_of_atom[i] != 0) table.add_atom(static_cast<long>(particle_of_atom[i]), bonds[i]);
    }
    // Annotated frame: per-atom particle label (0: none) and bond count. Shared: the
    // in-order part is a std::function, which must be copyable; the buffer is not.
    std::shared_ptr<fmt::memory_buffer> annotated;
    if (config_.annotated_dump) {
      const std::vector<std::int64_t> bonds_column(bonds.begin(), bonds.end());
      annotated = std::make_shared<fmt::memory_buffer>(
          io::annotated_frame_text(frame, {{"particle", &particle_of_atom}, {"bonds", &bonds_column}}));
    }
    std::string particle_rows;
    for (const core::ParticleBondRow &row : table.rows())
      particle_rows += fmt::format("{},{},{},{},{},{},{:.6g}\n", index, frame.timestep, row.particle_id, row.atoms,
                                   row.interface_atoms, row.bonds, row.bonds_per_interface_atom());
    std::string total_row = fmt::format("{},{},{},{},{},{:.6g},{:.6g}\n", index, frame.timestep, tally.total_bonds(),
                                        tally.interface_atoms(), tally.metal_atoms(), tally.bonds_per_interface_atom(),
                                        tally.bonds_per_metal_atom());
    return [this, particle_rows = std::move(particle_rows), total_row = std::move(total_row), annotated]() {
      bonds_csv_.print("{}", particle_rows);
      totals_csv_.print("{}", total_row);
      if (annotated) annotated_dump_->write(std::string_view(annotated->data(), annotated->size()));
    };
  }

  void finish(const io::FramesRead &frames) override
  {
    bonds_csv_.commit();
    totals_csv_.commit();
    std::vector<std::string> outputs{tables::bonds.file(), tables::bonds_frames.file()};
    if (config_.annotated_dump) {
      annotated_dump_->commit();
      outputs.push_back(io::output_file::bonds_annotated_dump);
    }
    nlohmann::json sidecar = sidecar_header("exsolve-analyze bonds", info_, dumps_);
    sidecar["configuration"] = {{"file", config_.source},
                                {"metal_types", config_.metal_types},
                                {"oxygen_types", config_.oxygen_types},
                                {"bond_cutoff_A", config_.bond_cutoff > 0.0 ? nlohmann::json(config_.bond_cutoff)
                                                                            : nlohmann::json(nullptr)},
                                {"bond_cutoffs", config_.bond_cutoff_entries},
                                {"bond_cutoff_A_by_type_pair", cutoffs_by_type_pair(config_, cutoffs_)},
                                {"particle_cutoff_A", config_.particle_cutoff},
                                {"min_size_atoms", config_.min_size}};
    sidecar["definitions"] = {
        {"bond", "a metal atom and an oxygen atom closer than the cutoff of their type pair (r < rc; "
                 "bond_cutoff_A_by_type_pair, from bond_cutoff and bond_cutoffs), across periodic boundaries; "
                 "counted once per metal atom (the rule of compute interface/bonds)"},
        {column::interface_atoms, "metal atoms with at least one bond"},
        {column::particle, "as in exsolve-analyze particles (label = smallest atom ID); free atoms count in the "
                           "frame totals only"},
        {io::output_file::bonds_annotated_dump, "every frame as a LAMMPS dump with per-atom columns particle (label, "
                                                "0: none) and bonds, for OVITO (report: with --annotated-dump)"}};
    finish_sidecar(sidecar, outputs, frames, dir_ + io::output_file::bonds_json);
  }

 private:
  const io::AnalysisConfig &config_;
  const std::vector<std::string> &dumps_;
  const RunInfo &info_;
  const core::PairCutoffs cutoffs_;
  const std::string dir_;
  io::AtomicOutputFile bonds_csv_, totals_csv_;
  std::unique_ptr<io::AtomicOutputFile> annotated_dump_;  // with config.annotated_dump
};

}  // namespace

std::unique_ptr<FrameAnalysis> bonds_analysis(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                                              const RunInfo &info)
{
  io::require_key(config, "oxygen_types", !config.oxygen_types.empty(), "bonds");
  if (config.bond_cutoff_rules.empty())
    throw io::ConfigError(config.source + ": key 'bond_cutoff' or 'bond_cutoffs': missing (one is required by bonds)");
  return std::make_unique<BondsAnalysis>(config, dumps, info, io::bond_cutoffs(config));
}

AnalysisSummary run_bonds(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                          std::ostream &log)
{
  return run_alone(config, dumps, log, bonds_analysis(config, dumps, info));
}

}  // namespace analyses
}  // namespace exsolve
