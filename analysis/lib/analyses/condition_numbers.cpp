#include "analyses/condition_numbers.h"

#include "analyses/demo_run_layout.h"
#include "io/analysis_sidecars.h"
#include "io/ave_time_file.h"
#include "io/csv_table.h"
#include "io/nve_drift_file.h"
#include "io/table_schema.h"
#include "io/text_file.h"
#include "io/track_event_file.h"

#include <filesystem>
#include <stdexcept>
#include <utility>
#include <vector>

namespace exsolve {
namespace analyses {

namespace {

// Mean of the depth columns of socket.csv over the particles of its last frame (rows are
// in frame order); left NaN when no frame has a particle.
void mean_socket_depths_of_last_frame(const io::CsvTable &socket, ConditionNumbers &numbers)
{
  const std::size_t frame = socket.column(io::column::frame), local = socket.column(io::column::depth_local_A),
                    global = socket.column(io::column::depth_global_A);
  long last_frame = -1;
  double sum_local = 0.0, sum_global = 0.0;
  int count = 0;
  for (std::size_t row = 0; row < socket.row_count(); ++row) {
    const long f = socket.integer(row, frame);
    if (f != last_frame) sum_local = sum_global = 0.0, count = 0, last_frame = f;
    sum_local += socket.number(row, local);
    sum_global += socket.number(row, global);
    ++count;
  }
  if (count > 0) {
    numbers.socket_depth_local = sum_local / count;
    numbers.socket_depth_global = sum_global / count;
    numbers.socket_frame = last_frame;
  }
}

// ps per timestep, from series.txt's steps and times (0 when every row is at step 0).
double timestep_ps(const io::AveTimeSeries &series)
{
  const std::vector<double> &step = series.column("TimeStep"), &time = series.column(demo_run::series_column::time_ps);
  for (std::size_t row = step.size(); row-- > 0;)
    if (step[row] > 0) return time[row] / step[row];
  return 0.0;
}

}  // namespace

ConditionNumbers measure_condition(const std::string &name, const std::string &directory)
{
  namespace run = demo_run;
  ConditionNumbers n;
  n.name = name;
  n.directory = directory;
  const std::string dir = directory + "/", report = dir + run::report_directory + "/";
  const io::AveTimeSeries series = io::read_ave_time_file(dir + run::series_file);
  n.series = {series.column(run::series_column::time_ps), series.column(run::series_column::oxygens_removed),
              series.column(run::series_column::bonds_per_interface_atom), series.column(run::series_column::particles),
              series.column(run::series_column::msd_A2)};
  const std::vector<double> &time = n.series.time_ps, &bonds = n.series.bonds_per_interface_atom;
  n.oxygens_removed = n.series.oxygens_removed.back();
  n.duration_ps = time.back() - time.front();
  n.particles_final = static_cast<int>(n.series.particles.back());
  // Second half of the run, 5 blocks of at least 2 rows (fewer rows: no estimate).
  const std::vector<double> second_half(bonds.begin() + bonds.size() / 2, bonds.end());
  n.bonds_per_interface_atom = core::block_average(second_half, 5, 2);
  n.msd_table = io::read_text_file(report + io::tables::msd.file());

  // The block estimate: its error reflects how few independent trajectories there are.
  io::DiffusionEstimates diffusion;
  try {
    diffusion = io::read_diffusion_estimates(report + io::output_file::track_json);
  } catch (const io::SidecarError &e) {
    throw std::runtime_error(std::string(e.what()) + ": rerun exsolve-analyze report on this condition");
  }
  n.diffusion_segments = diffusion.block_segments;
  n.diffusion = {diffusion.block_diffusion, diffusion.block_standard_error, n.diffusion_segments};
  n.msd_exponent = diffusion.msd_exponent;
  n.merges = io::count_track_events(dir + run::events_file, io::event_kind::merge);
  mean_socket_depths_of_last_frame(io::read_csv_table(report + io::tables::socket.file()), n);
  n.nve_drift = io::read_nve_drift(dir + run::nve_file);
  // Runs of demo versions before compute particle/chemical_potential have no such file.
  if (std::filesystem::exists(dir + run::chemical_potential_file)) {
    ChemicalPotentialRows rows = read_chemical_potential_rows(dir + run::chemical_potential_file, timestep_ps(series));
    n.has_chemical_potential = true;
    n.chemical_potential_excess = rows.excess;
    n.chemical_potentials = std::move(rows.particles);
  }
  return n;
}

}  // namespace analyses
}  // namespace exsolve
