#include "report/compare_report.h"

#include "core/estimate.h"
#include "io/demo_run_files.h"
#include "io/table_schema.h"
#include "report/condition_numbers.h"
#include "report/html_escape.h"
#include "report/plotting.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace report {

namespace column = io::column;
namespace tables = io::tables;

namespace {

// The condition's series and MSD tables, named after it, for the plots over conditions.
void write_condition_tables(const ConditionNumbers &n, const std::string &dir)
{
  const ConditionSeries &s = n.series;
  std::ofstream table(dir + tables::series.file_for_condition(n.name));
  table << tables::series.header_line();
  for (size_t i = 0; i < s.time_ps.size(); ++i)
    table << fmt::format("{},{},{},{},{}\n", s.time_ps[i], s.oxygens_removed[i], s.bonds_per_interface_atom[i],
                         s.particles[i], s.msd_A2[i]);
  std::ofstream(dir + tables::msd.file_for_condition(n.name)) << n.msd_table;
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

// Column y against column x of each condition's copy of `table`.
std::string plot_over_conditions(const std::vector<ConditionNumbers> &all, const io::TableSchema &table, const char *x,
                                 const char *y)
{
  std::string script = "plot ";
  for (size_t i = 0; i < all.size(); ++i)
    script += fmt::format("{}'{}' using {}:{} with lines lw 1.5 title '{}' noenhanced", i ? ", " : "",
                          table.file_for_condition(all[i].name), table.gnuplot_column(x), table.gnuplot_column(y),
                          all[i].name);
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
      all.push_back(measure_condition(c.name, c.directory));
      write_condition_tables(all.back(), dir);
    } catch (const std::exception &e) {
      throw std::runtime_error(fmt::format("condition {} ({}): {}", c.name, c.directory, e.what()));
    }
  }

  nlohmann::json sidecar = {{"tool", "exsolve-analyze compare"}, {"version", info.tool_version},
                            {"command", info.command_line}};
  std::ofstream csv(dir + tables::comparison.file());
  csv << tables::comparison.header_line();
  for (const auto &n : all) {
    csv << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", n.name, n.duration_ps, n.oxygens_removed,
                       n.bonds_per_interface_atom.value, n.bonds_per_interface_atom.standard_error, n.diffusion.value,
                       n.diffusion.standard_error, n.diffusion_segments, n.msd_exponent, n.merges, n.particles_final, n.socket_depth_local,
                       n.socket_depth_global, n.nve_drift);
    sidecar["conditions"][n.name] = {
        {"directory", n.directory},
        {column::duration_ps, n.duration_ps},
        {column::oxygens_removed, n.oxygens_removed},
        {column::bonds_per_interface_atom, {n.bonds_per_interface_atom.value, n.bonds_per_interface_atom.standard_error}},
        {column::diffusion_A2_per_ps, {n.diffusion.value, n.diffusion.standard_error}},
        {column::diffusion_segments, n.diffusion_segments},
        {column::msd_exponent, n.msd_exponent},
        {column::merges, n.merges},
        {column::socket_depth_local_A, n.socket_depth_local},
        {column::socket_depth_global_A, n.socket_depth_global},
        {"socket_frame", n.socket_frame},
        {column::nve_drift_meV_per_atom_ps, n.nve_drift}};
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
    const std::string no_bonds = fmt::format("fewer than 20 rows in {} (the second half is cut into 5 blocks of at "
                                             "least 2 rows): run longer",
                                             io::demo_run::series_file);
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
        {column::bonds_per_interface_atom,
         {{"change", bonds.change.value}, {"error", bonds.change.standard_error}, {"t", bonds.t_statistic},
          {"degrees_of_freedom", bonds.degrees_of_freedom}, {"significant", bonds.significant}}},
        {column::diffusion_A2_per_ps,
         {{"change", mobility.change.value}, {"error", mobility.change.standard_error}, {"t", mobility.t_statistic},
          {"degrees_of_freedom", mobility.degrees_of_freedom}, {"significant", mobility.significant}}},
        {"answer", plain_answer.back()}};
  }
  std::ofstream(dir + io::output_file::comparison_json) << sidecar.dump(2) << "\n";

  const std::vector<Plot> plots = {
      {"oxygens_removed", "Oxygens removed from the support",
       "set xlabel 'time (ps)'\nset ylabel 'oxygens removed'\nset key right center\nset yrange [0:*]\n" +
           plot_over_conditions(all, tables::series, column::time_ps, column::oxygens_removed)},
      {"interface_bonds", "Metal-oxygen bonds per interface atom",
       "set xlabel 'time (ps)'\nset ylabel 'bonds per interface atom'\n" +
           plot_over_conditions(all, tables::series, column::time_ps, column::bonds_per_interface_atom)},
      {"msd", "In-plane MSD of particle centres (relative to the support)",
       "set xlabel 'lag (ps)'\nset ylabel 'MSD (Angstrom^2)'\nset key left top\n" +
           plot_over_conditions(all, tables::msd, column::lag_ps, column::msd_A2)}};

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
                        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}/{}/{}\">{}</a></td></tr>\n",
                        escape_html(n.name), n.duration_ps, n.oxygens_removed,
                        with_error(n.bonds_per_interface_atom, 3, "&plusmn;"), with_error(n.diffusion, 4, "&plusmn;"),
                        number_or_na(n.msd_exponent, 2), n.merges, n.particles_final,
                        number_or_na(n.socket_depth_local, 2), number_or_na(n.socket_depth_global, 2),
                        number_or_na(n.nve_drift, 3),
                        escape_html(std::filesystem::relative(n.directory, output_directory).string()),
                        io::demo_run::report_directory, io::output_file::report_html, escape_html(n.name));
  html << "</table>\n<h2>Plots</h2>\n";
  for (const Plot &plot : plots)
    html << "<figure id='" << plot.name << "'><figcaption>" << plot.title << " (<a href='" << plot.name
         << ".gp'>gnuplot script</a>)</figcaption>\n" << draw_plot(dir, plot) << "</figure>\n";
  html << "<h2>Tables</h2>\n<ul>";
  for (const std::string &file : {tables::comparison.file(), std::string(io::output_file::comparison_json)})
    html << "<li><a href='" << file << "'>" << file << "</a></li>";
  html << "</ul>\n</body></html>\n";
  std::ofstream(dir + io::output_file::comparison_html) << html.str();
  return plain_answer;
}

}  // namespace report
}  // namespace exsolve
