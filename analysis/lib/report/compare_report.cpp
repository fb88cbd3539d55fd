#include "report/compare_report.h"

#include "core/estimate.h"
#include "io/analysis_sidecars.h"
#include "io/ave_time_file.h"
#include "io/csv_table.h"
#include "io/nve_drift_file.h"
#include "io/text_file.h"
#include "io/track_event_file.h"
#include "report/html_escape.h"
#include "report/plotting.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace report {

namespace {

// What the study compares, per condition.
struct ConditionNumbers {
  std::string name, directory;
  double oxygens_removed = 0.0;
  core::Estimate bonds_per_interface_atom;  // second half of the run, block-averaged
  core::Estimate diffusion;                 // A^2/ps, block estimate from report/track.json
  int diffusion_segments = 0;
  double msd_exponent = 0.0;
  int merges = 0, particles_final = 0;
  // A, mean over the particles of the last frame that has any (NaN: no particle in any frame)
  double socket_depth_local = std::numeric_limits<double>::quiet_NaN();
  double socket_depth_global = std::numeric_limits<double>::quiet_NaN();
  long socket_frame = -1;
  double nve_drift = 0.0;                                      // meV/atom/ps
  double duration_ps = 0.0;
};

// Mean of the depth columns of socket.csv over the particles of its last frame (rows are
// in frame order); left NaN when no frame has a particle.
void mean_socket_depths_of_last_frame(const io::CsvTable &socket, ConditionNumbers &numbers)
{
  const std::size_t frame = socket.column("frame"), local = socket.column("depth_local_A"),
                    global = socket.column("depth_global_A");
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

ConditionNumbers measure(const Condition &condition, const std::string &out_dir)
{
  ConditionNumbers n;
  n.name = condition.name;
  n.directory = condition.directory;
  const std::string dir = condition.directory + "/";
  const io::AveTimeSeries series = io::read_ave_time_file(dir + "series.txt");
  const auto &time = series.column("v_time_ps"), &removed = series.column("v_removed");
  const auto &bonds = series.column("c_bonds[3]"), &particles = series.column("f_track[1]");
  const auto &msd = series.column("f_track[8]");
  n.oxygens_removed = removed.back();
  n.duration_ps = time.back() - time.front();
  n.particles_final = static_cast<int>(particles.back());
  // Second half of the run, 5 blocks of at least 2 rows (fewer rows: no estimate).
  const std::vector<double> second_half(bonds.begin() + bonds.size() / 2, bonds.end());
  n.bonds_per_interface_atom = core::block_average(second_half, 5, 2);

  std::ofstream table(out_dir + "series_" + condition.name + ".csv");
  table << "time_ps,oxygens_removed,bonds_per_interface_atom,particles,msd_A2\n";
  for (size_t i = 0; i < time.size(); ++i)
    table << fmt::format("{},{},{},{},{}\n", time[i], removed[i], bonds[i], particles[i], msd[i]);
  std::ofstream(out_dir + "msd_" + condition.name + ".csv") << io::read_text_file(dir + "report/msd.csv");

  // The block estimate: its error reflects how few independent trajectories there are.
  io::DiffusionEstimates diffusion;
  try {
    diffusion = io::read_diffusion_estimates(dir + "report/track.json");
  } catch (const io::SidecarError &e) {
    throw std::runtime_error(std::string(e.what()) + ": rerun exsolve-analyze report on this condition");
  }
  n.diffusion_segments = diffusion.block_segments;
  n.diffusion = {diffusion.block_diffusion, diffusion.block_standard_error, n.diffusion_segments};
  n.msd_exponent = diffusion.msd_exponent;
  n.merges = io::count_track_events(dir + "events.txt", "merge");
  mean_socket_depths_of_last_frame(io::read_csv_table(dir + "report/socket.csv"), n);
  n.nve_drift = io::read_nve_drift(dir + "nve.txt");
  return n;
}

// The verdict on one difference, naming the direction in words (`up`, `down`); `missing`
// says why there is no estimate when there is none.
std::string verdict(const core::Difference &d, const char *up, const char *down, const std::string &missing)
{
  if (!d.valid) return "no estimate: " + missing;
  if (!std::isfinite(d.t_statistic)) return "no scatter in either condition: nothing to test";
  const std::string test = fmt::format("t = {:.1f}, {:.0f} degrees of freedom, 5 % critical value {:.2f}",
                                       d.t_statistic, d.degrees_of_freedom, d.critical_t);
  if (!d.significant) return fmt::format("not significant ({}): the run is too short, or the effect too small, to tell", test);
  return fmt::format("significant ({}): {}", test, d.t_statistic > 0 ? up : down);
}

// "value ± error" or "n/a".
std::string with_error(const core::Estimate &e, int decimals, const char *plus_minus)
{
  if (!e.valid()) return "n/a";
  return fmt::format("{:.{}f} {} {:.{}f}", e.value, decimals, plus_minus, e.standard_error, decimals);
}

std::string number_or_na(double value, int decimals)
{
  return std::isfinite(value) ? fmt::format("{:.{}f}", value, decimals) : "n/a";
}

std::string plot_over_conditions(const std::vector<ConditionNumbers> &all, const std::string &stem, int column)
{
  std::string script = "plot ";
  for (size_t i = 0; i < all.size(); ++i)
    script += fmt::format("{}'{}_{}.csv' using 1:{} with lines lw 1.5 title '{}' noenhanced", i ? ", " : "", stem, all[i].name,
                          column, all[i].name);
  return script;
}

}  // namespace

std::vector<std::string> run_compare(const std::vector<Condition> &conditions,
                                     const std::vector<std::pair<std::string, std::string>> &comparisons,
                                     const std::string &output_directory, const RunInfo &info)
{
  if (conditions.size() < 2) throw std::runtime_error("compare needs at least two conditions");
  const std::string dir = output_directory + "/";
  std::vector<ConditionNumbers> all;
  std::set<std::string> names;
  for (const Condition &c : conditions) {
    if (!std::regex_match(c.name, std::regex("[A-Za-z0-9_.-]+")))
      throw std::runtime_error(fmt::format("condition name '{}' must be a plain word (letters, digits, _ . -)", c.name));
    if (!names.insert(c.name).second) throw std::runtime_error(fmt::format("condition {} given twice", c.name));
  }
  for (const Condition &c : conditions) {
    try {
      all.push_back(measure(c, dir));
    } catch (const std::exception &e) {
      throw std::runtime_error(fmt::format("condition {} ({}): {}", c.name, c.directory, e.what()));
    }
  }

  nlohmann::json sidecar = {{"tool", "exsolve-analyze compare"}, {"version", info.tool_version},
                            {"command", info.command_line}};
  std::ofstream csv(dir + "comparison.csv");
  csv << "condition,duration_ps,oxygens_removed,bonds_per_interface_atom,bonds_per_interface_atom_error,"
         "diffusion_A2_per_ps,diffusion_error_A2_per_ps,diffusion_segments,msd_exponent,merges,particles_final,socket_depth_local_A,"
         "socket_depth_global_A,nve_drift_meV_per_atom_ps\n";
  for (const auto &n : all) {
    csv << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", n.name, n.duration_ps, n.oxygens_removed,
                       n.bonds_per_interface_atom.value, n.bonds_per_interface_atom.standard_error, n.diffusion.value,
                       n.diffusion.standard_error, n.diffusion_segments, n.msd_exponent, n.merges, n.particles_final, n.socket_depth_local,
                       n.socket_depth_global, n.nve_drift);
    sidecar["conditions"][n.name] = {
        {"directory", n.directory}, {"duration_ps", n.duration_ps}, {"oxygens_removed", n.oxygens_removed},
        {"bonds_per_interface_atom", {n.bonds_per_interface_atom.value, n.bonds_per_interface_atom.standard_error}},
        {"diffusion_A2_per_ps", {n.diffusion.value, n.diffusion.standard_error}},
        {"diffusion_segments", n.diffusion_segments}, {"msd_exponent", n.msd_exponent},
        {"merges", n.merges}, {"socket_depth_local_A", n.socket_depth_local},
        {"socket_depth_global_A", n.socket_depth_global}, {"socket_frame", n.socket_frame},
        {"nve_drift_meV_per_atom_ps", n.nve_drift}};
  }

  // The questions: do removed oxygens cut M-O bonds at the interface and make particles
  // more mobile (reducing vs stoichiometric), and does socketing counter it (socketed vs
  // not)? Each comparison is one sentence.
  std::ostringstream answer;
  std::vector<std::string> plain_answer;
  auto find = [&](const std::string &name) -> const ConditionNumbers & {
    for (const auto &n : all)
      if (n.name == name) return n;
    throw std::runtime_error("--versus names an unknown condition " + name);
  };
  std::vector<std::pair<std::string, std::string>> pairs = comparisons;
  if (pairs.empty())
    for (size_t i = 1; i < all.size(); ++i) pairs.emplace_back(all[i].name, all.front().name);
  for (const auto &pair : pairs) {
    const ConditionNumbers &n = find(pair.first);
    const ConditionNumbers &base = find(pair.second);
    if (&n == &base) throw std::runtime_error("--versus compares " + pair.first + " with itself");
    const auto bonds = core::difference(base.bonds_per_interface_atom, n.bonds_per_interface_atom);
    const auto mobility = core::difference(base.diffusion, n.diffusion);
    // One sentence, written with HTML entities or plain UTF-8.
    const std::string no_bonds = "fewer than 20 rows in series.txt (the second half is cut into 5 blocks of at least "
                                 "2 rows): run longer";
    const std::string no_diffusion = fmt::format(
        "{} and {} (particle, time block) segments of at least 8 frames, need 2 or more in each: run longer or "
        "dump more often (at least 32 frames per particle)",
        base.diffusion_segments, n.diffusion_segments);
    auto change = [](const core::Difference &d, int decimals, const char *plus_minus, const std::string &unit) {
      if (!d.valid) return std::string("n/a");
      return fmt::format("{:+.{}f} {} {:.{}f}{}", d.change.value, decimals, plus_minus, d.change.standard_error, decimals,
                         unit);
    };
    auto sentence = [&](const char *plus_minus, const char *square_angstrom) {
      return fmt::format("{} vs {} ({:.0f} oxygens removed, {:.1f} ps): bonds per interface atom {}, {}; diffusion "
                         "coefficient {}, {}; merges {} vs {}.",
                         n.name, base.name, n.oxygens_removed, n.duration_ps, change(bonds, 3, plus_minus, ""),
                         verdict(bonds, "more bonds", "fewer bonds", no_bonds),
                         change(mobility, 4, plus_minus, fmt::format(" {}/ps", square_angstrom)),
                         verdict(mobility, "more mobile", "less mobile", no_diffusion), n.merges, base.merges);
    };
    answer << "<li>" << escape_html(sentence("\u00b1", "\u00c5\u00b2")) << "</li>\n";
    plain_answer.push_back(sentence("+-", "A^2"));
    sidecar["differences"][n.name + "_vs_" + base.name] = {
        {"bonds_per_interface_atom",
         {{"change", bonds.change.value}, {"error", bonds.change.standard_error}, {"t", bonds.t_statistic},
          {"degrees_of_freedom", bonds.degrees_of_freedom}, {"significant", bonds.significant}}},
        {"diffusion_A2_per_ps",
         {{"change", mobility.change.value}, {"error", mobility.change.standard_error}, {"t", mobility.t_statistic},
          {"degrees_of_freedom", mobility.degrees_of_freedom}, {"significant", mobility.significant}}},
        {"answer", plain_answer.back()}};
  }
  std::ofstream(dir + "comparison.json") << sidecar.dump(2) << "\n";

  const std::vector<Plot> plots = {
      {"oxygens_removed", "Oxygens removed from the support",
       "set xlabel 'time (ps)'\nset ylabel 'oxygens removed'\nset key right center\nset yrange [0:*]\n" +
           plot_over_conditions(all, "series", 2)},
      {"interface_bonds", "Metal-oxygen bonds per interface atom",
       "set xlabel 'time (ps)'\nset ylabel 'bonds per interface atom'\n" + plot_over_conditions(all, "series", 3)},
      {"msd", "In-plane MSD of particle centres (relative to the support)",
       "set xlabel 'lag (ps)'\nset ylabel 'MSD (Angstrom^2)'\nset key left top\n" + plot_over_conditions(all, "msd", 2)}};

  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>exsolve comparison</title>\n"
       << "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
       << "table{border-collapse:collapse;font-size:0.85em}td,th{border:1px solid #ccc;padding:3px 6px;"
       << "text-align:right}"
       << "code{background:#f4f4f4}</style></head><body>\n<h1>Interface oxygen vacancies, socketing and "
       << "the mobility of exsolved particles</h1>\n<p>" << escape_html(info.tool_version) << " &mdash; <code>"
       << escape_html(info.command_line) << "</code></p>\n<h2>Answer</h2>\n<p>The hypotheses (Weber 2025): oxygen "
       << "vacancies at the particle&ndash;support interface leave fewer metal&ndash;oxygen bonds and more mobile "
       << "particles; socketing adds bonds and anchors them.</p>\n<ul>\n"
       << answer.str() << "</ul>\n<p>Errors are one standard error (bonds: block averages over the second half "
       << "of the run; D: mean over (particle, time block) segments, each fitted on its own, so the error reflects "
       << "how few independent trajectories there are). Differences are judged by Welch's t-test at the two-sided "
       << "5 % level; n/a: the run is too short for an estimate.</p>\n"
       << "<h2>Numbers</h2>\n<table id='numbers'><tr><th>condition</th><th>time (ps)</th><th>O removed</th>"
       << "<th>bonds / interface atom</th><th>D (&Aring;&sup2;/ps)</th><th>MSD exponent</th><th>merges</th>"
       << "<th>particles at end</th><th>socket depth, local rim (&Aring;)</th><th>socket depth, global (&Aring;)</th>"
       << "<th>NVE drift (meV/atom/ps)</th><th>report</th></tr>\n";
  for (const auto &n : all)
    html << fmt::format("<tr><td>{}</td><td>{:.1f}</td><td>{:.0f}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}/report/report.html\">{}</a></td>"
                        "</tr>\n",
                        escape_html(n.name), n.duration_ps, n.oxygens_removed,
                        with_error(n.bonds_per_interface_atom, 3, "&plusmn;"), with_error(n.diffusion, 4, "&plusmn;"),
                        number_or_na(n.msd_exponent, 2), n.merges, n.particles_final,
                        number_or_na(n.socket_depth_local, 2), number_or_na(n.socket_depth_global, 2),
                        number_or_na(n.nve_drift, 3),
                        escape_html(std::filesystem::relative(n.directory, output_directory).string()),
                        escape_html(n.name));
  html << "</table>\n<h2>Plots</h2>\n";
  for (const Plot &plot : plots)
    html << "<figure id='" << plot.name << "'><figcaption>" << plot.title << " (<a href='" << plot.name
         << ".gp'>gnuplot script</a>)</figcaption>\n" << draw_plot(dir, plot) << "</figure>\n";
  html << "<h2>Tables</h2>\n<ul><li><a href='comparison.csv'>comparison.csv</a></li>"
       << "<li><a href='comparison.json'>comparison.json</a></li></ul>\n</body></html>\n";
  std::ofstream(dir + "comparison.html") << html.str();
  return plain_answer;
}

}  // namespace report
}  // namespace exsolve
