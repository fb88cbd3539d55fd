#include "analyses/html_report.h"

#include "analyses/analysis_pass.h"
#include "analyses/bonds_report.h"
#include "analyses/chemical_potential_report.h"
#include "analyses/coarsening_report.h"
#include "analyses/html_escape.h"
#include "analyses/particles_report.h"
#include "analyses/plotting.h"
#include "analyses/segregation_report.h"
#include "analyses/socket_report.h"
#include "analyses/track_report.h"
#include "io/analysis_sidecars.h"
#include "io/atomic_output_file.h"
#include "io/csv_table.h"
#include "io/table_schema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

namespace exsolve {
namespace analyses {

namespace column = io::column;
namespace tables = io::tables;

namespace {

// gnuplot's "using <x>:<y>", the columns found by name in `table`.
std::string using_columns(const io::TableSchema &table, const char *x, const char *y)
{
  return fmt::format("using {}:{}", table.gnuplot_column(x), table.gnuplot_column(y));
}

// "'<file>' using <x>:<y>": what a plot draws.
std::string columns_of(const io::TableSchema &table, const char *x, const char *y)
{
  return "'" + table.file() + "' " + using_columns(table, x, y);
}

// The size histogram of the last frame analysed (frames.csv has a row for every frame, and
// at least one: no frame analysed is an error; the size distribution has rows for
// particles only); gnuplot cannot draw a frame without any, so `no_data` then says why
// there is no plot.
Plot size_histogram(const std::string &dir, std::string &no_data)
{
  const io::CsvTable frames = io::read_csv_table(dir + tables::frames.file());
  const std::size_t last = frames.row_count() - 1;
  const std::string frame = frames.text(last, frames.column(column::frame)),
                    step = frames.text(last, frames.column(column::timestep));
  const io::TableSchema &size_table = tables::size_distribution;
  Plot plot{"size_distribution", "Particle sizes, last frame",
            "set style fill solid 0.6\nset boxwidth 0.8 absolute\nset yrange [0:*]\nset xlabel 'atoms'\n"
            "set ylabel 'particles'\n" +
                fmt::format("plot '{}' using (${} == {} ? ${} : 1/0):{} with boxes title 'particles'",
                            size_table.file(), size_table.gnuplot_column(column::frame), frame,
                            size_table.gnuplot_column(column::atoms), size_table.gnuplot_column(column::particles))};
  const io::CsvTable sizes = io::read_csv_table(dir + size_table.file());
  bool any = false;
  for (std::size_t row = 0; row < sizes.row_count(); ++row)
    any = any || sizes.text(row, sizes.column(column::frame)) == frame;
  if (!any) no_data = "there were no particles in the last frame (frame " + frame + ", step " + step + ")";
  return plot;
}

// Which analyses the configuration allows besides particles.
bool with_bonds(const io::AnalysisConfig &config)
{
  return !config.oxygen_types.empty() && !config.bond_cutoff_rules.empty();
}
bool with_socket(const io::AnalysisConfig &config)
{
  return !config.support_types.empty();
}
bool with_time(const io::AnalysisConfig &config)
{
  return config.timestep > 0.0;
}
bool with_segregation(const io::AnalysisConfig &config)
{
  return !config.dopant_types.empty() && !config.site_types.empty() && !config.oxygen_types.empty() &&
         config.lattice_spacing > 0.0;
}

// A figure with the plot inline, or with `no_data`, the reason it is not drawn (also told
// on `log`) when that is not empty.
std::string figure(const std::string &dir, const Plot &plot, const std::string &no_data, std::ostream &log)
{
  std::ostringstream html;
  html << "<figure id='" << plot.name << "'><figcaption>" << plot.title;
  if (no_data.empty()) {
    html << " (<a href='" << plot.name << ".gp'>gnuplot script</a>)</figcaption>\n" << draw_plot(dir, plot);
  } else {
    html << "</figcaption>\n<p>Not drawn: " << escape_html(no_data) << ".</p>";
    log << "exsolve-analyze report: plot '" << plot.title << "' not drawn: " << no_data << "\n";
  }
  html << "</figure>\n";
  return html.str();
}

// Every analysis the configuration allows, in one pass over the dumps; their files are
// closed when this returns, for the plots to read.
AnalysisSummary run_analyses(const io::AnalysisConfig &config, const std::vector<std::string> &dumps,
                             const RunInfo &info, std::ostream &log)
{
  std::vector<std::unique_ptr<FrameAnalysis>> analyses;
  analyses.push_back(particles_analysis(config, dumps, info));
  if (with_bonds(config)) analyses.push_back(bonds_analysis(config, dumps, info));
  if (with_socket(config)) analyses.push_back(socket_analysis(config, dumps, info));
  if (with_segregation(config)) analyses.push_back(segregation_analysis(config, dumps, info));
  if (with_time(config)) {
    analyses.push_back(track_analysis(config, dumps, info));
    analyses.push_back(coarsening_analysis(config, dumps, info, log));
  }
  return run_in_one_pass(config, dumps, log, analyses);
}

// The run's particle chemical potential (compute particle/chemical_potential's rows): its
// table, the seed's fig. 2A (against size) and 2B (against bonds per interface atom), and
// the run's block-averaged mean among the key numbers.
void chemical_potential_plots(const io::AnalysisConfig &config, const RunInfo &info,
                              const std::vector<std::string> &dumps, const ChemicalPotentialRows &mu,
                              std::vector<Plot> &plots, std::map<std::string, std::string> &no_data,
                              nlohmann::json &summary_numbers)
{
  write_run_chemical_potential(config, info, dumps, mu);
  summary_numbers["chemical_potential_excess_eV"] = mu.excess.value;
  summary_numbers["chemical_potential_excess_error_eV"] = mu.excess.standard_error;
  const std::string no_rows = mu.particles.empty() ? config.chemical_potential_file + " has no particle rows" : "";
  plots.push_back({"chemical_potential_size", "Particle chemical potential above bulk against size (seed fig. 2A)",
                   "set xlabel 'atoms'\nset ylabel 'mu_p - mu_bulk (eV)'\n"
                   "plot " +
                       columns_of(tables::chemical_potential, column::atoms, column::chemical_potential_excess_eV) +
                       " with points pt 7 title 'particles at every output step'"});
  no_data["chemical_potential_size"] = no_rows;
  plots.push_back({"chemical_potential_bonds",
                   "Particle chemical potential above bulk against bonds per interface atom (seed fig. 2B)",
                   "set xlabel 'M-O bonds per interface atom'\nset ylabel 'mu_p - mu_bulk (eV)'\n"
                   "plot " +
                       columns_of(tables::chemical_potential, column::bonds_per_interface_atom,
                                  column::chemical_potential_excess_eV) +
                       " with points pt 7 title 'particles at every output step'"});
  no_data["chemical_potential_bonds"] =
      !mu.has_bonds ? "the compute had no bonds keyword (no bonds column in " + config.chemical_potential_file + ")"
                    : no_rows;
}

}  // namespace

AnalysisSummary run_report(const io::AnalysisConfig &config, const std::vector<std::string> &dumps, const RunInfo &info,
                           std::ostream &log)
{
  const std::string dir = config.output + "/";
  std::vector<Plot> plots;
  std::map<std::string, std::string> no_data;  // by plot name: why it is not drawn
  nlohmann::json summary_numbers;

  const bool with_chemical_potential = !config.chemical_potential_file.empty();
  const ChemicalPotentialRows mu =
      with_chemical_potential ? read_run_chemical_potential(config) : ChemicalPotentialRows{};
  const AnalysisSummary summary = run_analyses(config, dumps, info, log);
  plots.push_back(size_histogram(dir, no_data["size_distribution"]));
  plots.push_back({"density", "Particle number density and mean size",
                   "set xlabel 'timestep'\nset ylabel 'particles per nm^2'\nset y2label 'mean atoms'\nset y2tics\n"
                   "set yrange [0:*]\nset y2range [0:*]\n"
                   "plot " +
                       columns_of(tables::frames, column::timestep, column::density_per_nm2) +
                       " with linespoints title 'density (nm^-2)', '' " +
                       using_columns(tables::frames, column::timestep, column::mean_atoms) +
                       " axes x1y2 with linespoints title 'mean size (atoms)'"});
  if (with_bonds(config))
    plots.push_back({"bonds", "Metal-oxygen bonds per interface atom",
                     "set xlabel 'timestep'\nset ylabel 'bonds per interface atom'\nset yrange [0:*]\n"
                     "plot " +
                         columns_of(tables::bonds_frames, column::timestep, column::bonds_per_interface_atom) +
                         " with linespoints title 'all particles'"});
  if (with_socket(config)) {
    plots.push_back({"socket", "Socket depth below the local rim",
                     "set xlabel 'timestep'\nset ylabel 'depth (Angstrom, positive = below)'\n"
                     "plot " +
                         columns_of(tables::socket, column::timestep, column::depth_local_A) +
                         " with points pt 7 title 'particles'"});
    if (io::read_csv_table(dir + tables::socket.file()).row_count() == 0)
      no_data["socket"] = "there were no particles in any frame";
  }
  if (with_time(config)) {
    plots.push_back({"msd", "In-plane mean squared displacement of particle centres",
                     "set xlabel 'lag (ps)'\nset ylabel 'MSD (Angstrom^2)'\n"
                     "plot " +
                         columns_of(tables::msd, column::lag_ps, column::msd_A2) + " with linespoints title 'MSD'"});
    if (io::read_csv_table(dir + tables::msd.file()).row_count() == 0)
      no_data["msd"] = "no particle was seen in two or more frames";
    plots.push_back({"coarsening", "Mean particle radius",
                     "set xlabel 'time (ps)'\nset ylabel 'mean radius (Angstrom)'\n"
                     "plot " +
                         columns_of(tables::coarsening, column::time_ps, column::mean_radius_A) +
                         " with linespoints title 'mean radius'"});
    // NaN (no estimate) is shown as null, as the sidecars write it.
    const io::DiffusionEstimates diffusion = io::read_diffusion_estimates(dir + io::output_file::track_json);
    summary_numbers["diffusion_A2_per_ps"] = diffusion.diffusion;
    summary_numbers["diffusion_uncertainty_A2_per_ps"] = diffusion.diffusion_uncertainty;
    summary_numbers["msd_exponent"] = diffusion.msd_exponent;
    summary_numbers["growth_law_best_n"] = io::read_best_growth_exponent(dir + io::output_file::coarsening_json);
  }

  if (with_segregation(config))
    plots.push_back({"segregation", "Exsolved metal: in the lattice, adatoms, in particles; dopants left",
                     "set xlabel 'timestep'\nset ylabel 'atoms'\nset key left top\nset yrange [0:*]\n"
                     "plot " +
                         columns_of(tables::segregation_frames, column::timestep, column::metal_lattice) +
                         " with linespoints title 'metal in the lattice', '' " +
                         using_columns(tables::segregation_frames, column::timestep, column::metal_adatoms) +
                         " with linespoints title 'adatoms', '' " +
                         using_columns(tables::segregation_frames, column::timestep, column::metal_in_particles) +
                         " with linespoints title 'in particles', '' " +
                         using_columns(tables::segregation_frames, column::timestep, column::dopants) +
                         " with linespoints title 'dopants'"});
  if (with_chemical_potential) chemical_potential_plots(config, info, dumps, mu, plots, no_data, summary_numbers);

  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>exsolve report</title>\n"
       << "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
       << "figure{margin:1em 0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}"
       << "code{background:#f4f4f4}</style></head><body>\n"
       << "<h1>exsolve report</h1>\n<p>" << escape_html(info.tool_version) << " &mdash; <code>"
       << escape_html(info.command_line) << "</code></p>\n<p>Frames analysed: " << summary.frames_analysed
       << ". Inputs: ";
  for (const std::string &d : dumps) html << "<code>" << escape_html(d) << "</code> ";
  html << "</p>\n";
  for (const std::string &w : summary.warnings) html << "<p><strong>Warning:</strong> " << escape_html(w) << "</p>\n";
  html << "<h2>Key numbers</h2>\n<table><tr><th>quantity</th><th>value</th></tr>\n";
  for (auto it = summary_numbers.begin(); it != summary_numbers.end(); ++it)
    html << "<tr><td>" << it.key() << "</td><td>" << it.value().dump() << "</td></tr>\n";
  html << "</table>\n<h2>Plots</h2>\n";
  for (const Plot &plot : plots) html << figure(dir, plot, no_data[plot.name], log);
  html << "<h2>Tables</h2>\n<ul>\n";
  // Every analysis's tables, then its sidecar; those of analyses the configuration skipped are absent.
  const std::vector<std::string> outputs = {tables::particles.file(),
                                            tables::frames.file(),
                                            tables::size_distribution.file(),
                                            io::output_file::particles_json,
                                            tables::bonds.file(),
                                            tables::bonds_frames.file(),
                                            io::output_file::bonds_json,
                                            tables::socket.file(),
                                            io::output_file::socket_json,
                                            tables::track.file(),
                                            tables::events.file(),
                                            tables::msd.file(),
                                            io::output_file::track_json,
                                            tables::coarsening.file(),
                                            tables::coarsening_fits.file(),
                                            io::output_file::coarsening_json,
                                            tables::segregation.file(),
                                            tables::segregation_frames.file(),
                                            io::output_file::segregation_json,
                                            tables::chemical_potential.file(),
                                            io::output_file::chemical_potential_json};
  for (const std::string &file : outputs)
    if (std::filesystem::exists(dir + file)) html << "<li><a href='" << file << "'>" << file << "</a></li>\n";
  html << "</ul>\n<p>Definitions of every column and parameter are in the JSON files.</p>\n</body></html>\n";
  io::write_file_atomically(dir + io::output_file::report_html, html.str());
  return summary;
}

}  // namespace analyses
}  // namespace exsolve
