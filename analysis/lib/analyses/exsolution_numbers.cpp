#include "analyses/exsolution_numbers.h"

#include "analyses/exsolution_run_layout.h"
#include "io/ave_time_file.h"
#include "io/csv_table.h"
#include "io/table_schema.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace exsolve {
namespace analyses {

namespace run = exsolution_run;
namespace column = io::column;

bool is_exsolution_run(const std::string &run_directory)
{
  const std::string path = run_directory + "/" + run::series_file;
  if (!std::filesystem::exists(path)) return false;
  const io::AveTimeSeries series = io::read_ave_time_file(path);
  return std::find(series.names.begin(), series.names.end(), run::series_column::dopants) != series.names.end();
}

namespace {

// The last frame of the segregation tables: nickel at the surface and in particles.
void measure_last_frame(const std::string &dir, ExsolutionNumbers &n)
{
  const io::CsvTable frames = io::read_csv_table(dir + io::tables::segregation_frames.file());
  if (frames.row_count() == 0) throw std::runtime_error(frames.path() + ": no frames");
  const std::size_t last = frames.row_count() - 1;
  const long frame = frames.integer(last, frames.column(column::frame));
  const double adatoms = frames.number(last, frames.column(column::metal_adatoms));
  n.metal_in_particles = frames.number(last, frames.column(column::metal_in_particles));
  const io::CsvTable layers = io::read_csv_table(dir + io::tables::segregation.file());
  const std::size_t frame_column = layers.column(column::frame), layer = layers.column(column::layer),
                    dopants = layers.column(column::dopants), lattice = layers.column(column::metal_lattice);
  double in_surface_layers = 0.0;
  for (std::size_t row = 0; row < layers.row_count(); ++row)
    if (layers.integer(row, frame_column) == frame && layers.integer(row, layer) < run::surface_layers)
      in_surface_layers += layers.number(row, dopants) + layers.number(row, lattice);
  n.surface_nickel = in_surface_layers + adatoms + n.metal_in_particles;
}

}  // namespace

ExsolutionNumbers measure_exsolution_run(const std::string &run_directory)
{
  namespace col = run::series_column;
  const std::string dir = run_directory + "/";
  const io::AveTimeSeries series = io::read_ave_time_file(dir + run::series_file);
  ExsolutionNumbers n;
  n.time_ps = series.column(col::time_ps);
  n.metal = series.column(col::metal);
  n.duration_ps = n.time_ps.back() - n.time_ps.front();
  n.nickel_reduced = n.metal.back();
  n.particles_final = series.column(col::particles).back();
  n.births = series.column(col::births).back();
  n.exchanges = series.column(col::exchanges).back();
  n.hops = series.column(col::hops).back();
  const std::vector<double> &particles = series.column(col::particles);
  n.first_particle_ps = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t row = 0; row < particles.size(); ++row)
    if (particles[row] > 0) {
      n.first_particle_ps = n.time_ps[row];
      break;
    }
  measure_last_frame(dir + run::segregation_directory + "/", n);
  return n;
}

}  // namespace analyses
}  // namespace exsolve
