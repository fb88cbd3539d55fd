#include "report/compare_report.h"

#include "core/estimate.h"
#include "io/ave_time_file.h"
#include "report/plotting.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
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
  double socket_depth_local = 0.0, socket_depth_global = 0.0;  // A, mean over the last frame
  double nve_drift = 0.0;                                      // meV/atom/ps
  double duration_ps = 0.0;
};

std::vector<std::string> split_csv(const std::string &line)
{
  std::vector<std::string> fields;
  std::stringstream stream(line);
  for (std::string field; std::getline(stream, field, ',');) fields.push_back(field);
  return fields;
}

// Mean of two socket.csv columns over the particles of the last frame.
void read_socket_depths(const std::string &path, ConditionNumbers &numbers)
{
  std::istringstream in(read_text_file(path));
  std::string line;
  std::getline(in, line);
  const auto head = split_csv(line);
  auto index_of = [&](const std::string &name) {
    for (size_t i = 0; i < head.size(); ++i)
      if (head[i] == name) return i;
    throw std::runtime_error(fmt::format("{}: no column {}", path, name));
  };
  const size_t frame = index_of("frame"), local = index_of("depth_local_A"), global = index_of("depth_global_A");
  long last_frame = -1;
  double sum_local = 0.0, sum_global = 0.0;
  int count = 0;
  while (std::getline(in, line)) {
    const auto fields = split_csv(line);
    if (fields.size() != head.size()) throw std::runtime_error(fmt::format("{}: malformed row '{}'", path, line));
    const long f = std::stol(fields[frame]);
    if (f != last_frame) sum_local = sum_global = 0.0, count = 0, last_frame = f;
    sum_local += std::stod(fields[local]);
    sum_global += std::stod(fields[global]);
    ++count;
  }
  if (count > 0) numbers.socket_depth_local = sum_local / count, numbers.socket_depth_global = sum_global / count;
}

int count_events(const std::string &path, const std::string &kind)
{
  std::istringstream in(read_text_file(path));
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string step, event;
    if (words >> step >> event && event == kind) ++n;
  }
  return n;
}

double read_drift(const std::string &path)
{
  const std::string text = read_text_file(path);
  std::smatch match;
  if (!std::regex_search(text, match, std::regex("drift (-?[0-9.eE+-]+) meV/atom/ps")))
    throw std::runtime_error(path + ": no 'drift ... meV/atom/ps' line");
  return std::stod(match[1]);
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
  const std::vector<double> second_half(bonds.begin() + bonds.size() / 2, bonds.end());
  if (second_half.size() < 5)
    throw std::runtime_error(fmt::format("condition {}: {} has {} rows; need at least 10 for error bars",
                                         condition.name, series.source, bonds.size()));
  n.bonds_per_interface_atom = core::block_average(second_half);

  std::ofstream table(out_dir + "series_" + condition.name + ".csv");
  table << "time_ps,oxygens_removed,bonds_per_interface_atom,particles,msd_A2\n";
  for (size_t i = 0; i < time.size(); ++i)
    table << fmt::format("{},{},{},{},{}\n", time[i], removed[i], bonds[i], particles[i], msd[i]);
  std::ofstream(out_dir + "msd_" + condition.name + ".csv") << read_text_file(dir + "report/msd.csv");

  const auto track = nlohmann::json::parse(read_text_file(dir + "report/track.json"));
  // The block estimate: its error reflects how few independent trajectories there are.
  const auto &blocks = track["diffusion"]["blocks"];
  n.diffusion = {blocks["D_A2_per_ps"].get<double>(), blocks["D_standard_error_A2_per_ps"].get<double>()};
  n.diffusion_segments = blocks["segments"].get<int>();
  n.msd_exponent = track["diffusion"]["msd_exponent"].get<double>();
  n.merges = count_events(dir + "events.txt", "merge");
  read_socket_depths(dir + "report/socket.csv", n);
  n.nve_drift = read_drift(dir + "nve.txt");
  return n;
}

std::string verdict(double z, bool expected_positive)
{
  if (!std::isfinite(z))
    return "no error bar (too few frames for one): cannot be judged; run longer";
  if (std::fabs(z) < 2.0)
    return fmt::format("not significant (z = {:.1f}): the run is too short, or the effect too small, to tell", z);
  const bool positive = z > 0;
  return fmt::format("significant (z = {:.1f}), {} the hypothesis", z,
                     positive == expected_positive ? "in the direction of" : "against");
}

std::string plot_over_conditions(const std::vector<ConditionNumbers> &all, const std::string &stem, int column)
{
  std::string script = "plot ";
  for (size_t i = 0; i < all.size(); ++i)
    script += fmt::format("{}'{}_{}.csv' using 1:{} with lines lw 1.5 title '{}'", i ? ", " : "", stem, all[i].name,
                          column, all[i].name);
  return script;
}

}  // namespace

std::vector<std::string> run_compare(const std::vector<Condition> &conditions, const std::string &output_directory,
                                     const RunInfo &info)
{
  if (conditions.size() < 2) throw std::runtime_error("compare needs at least two conditions");
  const std::string dir = output_directory + "/";
  std::vector<ConditionNumbers> all;
  for (const Condition &c : conditions) {
    if (c.name.empty() || c.name.find_first_of("/ '\"") != std::string::npos)
      throw std::runtime_error(fmt::format("condition name '{}' must be a plain word", c.name));
    try {
      all.push_back(measure(c, dir));
    } catch (const std::exception &e) {
      throw std::runtime_error(fmt::format("condition {} ({}): {}", c.name, c.directory, e.what()));
    }
  }

  nlohmann::json sidecar = {{"tool", "exsolve-analyze compare"}, {"version", info.tool_version},
                            {"command", info.command_line}, {"baseline", all.front().name}};
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
        {"socket_depth_global_A", n.socket_depth_global}, {"nve_drift_meV_per_atom_ps", n.nve_drift}};
  }

  // The question: do the removed oxygens cut M-O bonds at the interface (expected: fewer
  // bonds per interface atom) and make particles more mobile (expected: larger D)?
  std::ostringstream answer;
  std::vector<std::string> plain_answer;
  const ConditionNumbers &base = all.front();
  for (size_t i = 1; i < all.size(); ++i) {
    const ConditionNumbers &n = all[i];
    const auto bonds = core::difference(base.bonds_per_interface_atom, n.bonds_per_interface_atom);
    const auto mobility = core::difference(base.diffusion, n.diffusion);
    // One sentence, written with HTML entities or plain UTF-8.
    auto sentence = [&](const char *plus_minus, const char *square_angstrom) {
      return fmt::format(
          "{} vs {} ({:.0f} oxygens removed, {:.1f} ps): bonds per interface atom {:+.3f} {} {:.3f}, {}; diffusion "
          "coefficient {:+.4f} {} {:.4f} {}/ps, {}; merges {} vs {}.",
          n.name, base.name, n.oxygens_removed, n.duration_ps, bonds.change.value, plus_minus,
          bonds.change.standard_error, verdict(bonds.z_score, false), mobility.change.value, plus_minus,
          mobility.change.standard_error, square_angstrom, verdict(mobility.z_score, true), n.merges, base.merges);
    };
    answer << "<li>" << sentence("&plusmn;", "&Aring;&sup2;") << "</li>\n";
    plain_answer.push_back(sentence("+-", "A^2"));
    sidecar["differences"][n.name] = {
        {"bonds_per_interface_atom", {bonds.change.value, bonds.change.standard_error, bonds.z_score}},
        {"diffusion_A2_per_ps", {mobility.change.value, mobility.change.standard_error, mobility.z_score}},
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
       << "code{background:#f4f4f4}</style></head><body>\n<h1>Do interface oxygen vacancies make exsolved "
       << "particles more mobile?</h1>\n<p>" << escape_html(info.tool_version) << " &mdash; <code>"
       << escape_html(info.command_line) << "</code></p>\n<h2>Answer</h2>\n<ul>\n"
       << answer.str() << "</ul>\n<p>Errors are one standard error (bonds: block averages over the second half "
       << "of the run; D: mean over (particle, time block) segments, each fitted on its own, so the error reflects "
       << "how few independent trajectories there are). A difference counts as significant at |z| &ge; 2.</p>\n"
       << "<h2>Numbers</h2>\n<table id='numbers'><tr><th>condition</th><th>time (ps)</th><th>O removed</th>"
       << "<th>bonds / interface atom</th><th>D (&Aring;&sup2;/ps)</th><th>MSD exponent</th><th>merges</th>"
       << "<th>particles at end</th><th>socket depth, local rim (&Aring;)</th><th>socket depth, global (&Aring;)</th>"
       << "<th>NVE drift (meV/atom/ps)</th><th>report</th></tr>\n";
  for (const auto &n : all)
    html << fmt::format("<tr><td>{}</td><td>{:.1f}</td><td>{:.0f}</td><td>{:.3f} &plusmn; {:.3f}</td>"
                        "<td>{:.4f} &plusmn; {:.4f}</td><td>{:.2f}</td><td>{}</td><td>{}</td><td>{:.2f}</td>"
                        "<td>{:.2f}</td><td>{:.3f}</td><td><a href='{}/report/report.html'>{}</a></td></tr>\n",
                        n.name, n.duration_ps, n.oxygens_removed, n.bonds_per_interface_atom.value,
                        n.bonds_per_interface_atom.standard_error, n.diffusion.value, n.diffusion.standard_error,
                        n.msd_exponent, n.merges, n.particles_final, n.socket_depth_local, n.socket_depth_global,
                        n.nve_drift,
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
