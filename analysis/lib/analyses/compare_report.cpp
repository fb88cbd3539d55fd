#include "analyses/compare_report.h"

#include "analyses/compare_tables.h"
#include "analyses/condition_comparison.h"
#include "analyses/condition_replicas.h"
#include "analyses/demo_run_layout.h"
#include "analyses/exsolution_compare.h"
#include "analyses/html_escape.h"
#include "analyses/plotting.h"
#include "io/atomic_output_file.h"
#include "io/replica_directories.h"
#include "io/table_schema.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace analyses {

namespace column = io::column;
namespace tables = io::tables;

namespace {

// The name of one run's copies of the series and MSD tables: the condition's name, with
// the replica's when it has several ("reducing_replica-2").
std::string run_label(const ConditionReplicas &c, std::size_t replica)
{
  return c.has_replicas() ? fmt::format("{}_{}{}", c.name, io::replica_prefix, replica + 1) : c.name;
}

// Each run's series and MSD tables, named after it, for the plots over conditions.
void write_run_tables(const ConditionReplicas &c, const std::string &dir)
{
  for (std::size_t k = 0; k < c.runs.size(); ++k) {
    const ConditionSeries &s = c.runs[k].series;
    io::AtomicOutputFile table(dir + tables::series.file_for_condition(run_label(c, k)));
    table.write(tables::series.header_line());
    for (size_t i = 0; i < s.time_ps.size(); ++i)
      table.print("{},{},{},{},{}\n", s.time_ps[i], s.oxygens_removed[i], s.bonds_per_interface_atom[i], s.particles[i],
                  s.msd_A2[i]);
    table.commit();
    io::write_file_atomically(dir + tables::msd.file_for_condition(run_label(c, k)), c.runs[k].msd_table);
    if (!c.runs[k].has_chemical_potential) continue;
    write_chemical_potential_table(dir + tables::chemical_potential.file_for_condition(run_label(c, k)),
                                   c.runs[k].chemical_potentials);
  }
}

// "value ± error", the value alone where there is no error, or "n/a".
std::string with_error(const core::Estimate &e, int decimals, const char *plus_minus)
{
  if (e.valid() && std::isfinite(e.standard_error))
    return fmt::format("{:.{}f} {} {:.{}f}", e.value, decimals, plus_minus, e.standard_error, decimals);
  return std::isfinite(e.value) ? fmt::format("{:.{}f}", e.value, decimals) : "n/a";
}

// What more sampling would resolve a difference the test could not (statistics/sample_size).
std::string more_sampling(const QuantityDifference &d)
{
  if (std::isfinite(d.replicas_needed))
    return fmt::format("about {:.0f} replicas per condition would resolve a difference this large at this spread "
                       "(power 0.8)",
                       d.replicas_needed);
  if (std::isfinite(d.run_length_factor))
    return fmt::format("runs about {:.1f} times longer would resolve a difference this large (power 0.8)",
                       d.run_length_factor);
  return "the runs are too short, or the effect too small, to tell";
}

// The verdict on one difference, naming the direction in words (`up`, `down`); `missing`
// says why there is no estimate when there is none.
std::string verdict(const QuantityDifference &d, const char *up, const char *down, const std::string &missing)
{
  const statistics::WelchTest &w = d.test;
  if (!w.valid) return "no estimate: " + missing;
  if (!std::isfinite(w.t_statistic)) return "no scatter in either condition: nothing to test";
  const std::string test =
      fmt::format("t = {:.1f}, {:.1f} degrees of freedom, p = {:.2g}", w.t_statistic, w.degrees_of_freedom, w.p_value);
  if (!w.significant) return fmt::format("not significant ({}): {}", test, more_sampling(d));
  return fmt::format("significant ({}): {}", test, w.t_statistic > 0 ? up : down);
}

// Where the errors of the comparison come from, in words.
std::string basis_words(const ConditionComparison &c)
{
  const std::size_t n = c.condition->runs.size(), base = c.baseline->runs.size();
  switch (c.differences.front().basis) {
    case ErrorBasis::replicas: return fmt::format("{} vs {} replicas", n, base);
    case ErrorBasis::within_run: return "one run each: errors from within each run";
    case ErrorBasis::mixed: break;
  }
  return fmt::format("{} vs {} replicas: the single run's errors are its own block errors", n, base);
}

// The answer to one comparison in one sentence, with HTML entities or plain UTF-8 signs.
std::string sentence(const ConditionComparison &c, const char *plus_minus, const char *square_angstrom)
{
  const ConditionReplicas &n = *c.condition, &base = *c.baseline;
  const auto &quantities = compared_quantities();
  const auto value = [&](const ConditionReplicas &r, const char *name) {
    for (const Quantity &q : quantities)
      if (std::string(q.column) == name) return r.estimate(q).value;
    throw std::logic_error(std::string("no quantity ") + name);
  };
  const QuantityDifference &bonds = c.of(column::bonds_per_interface_atom),
                           &mobility = c.of(column::diffusion_A2_per_ps),
                           &mu = c.of(column::chemical_potential_excess_eV);
  // With replicas on either side, a missing estimate is a replica's (one run: the run's).
  const bool replicas = bonds.basis != ErrorBasis::within_run;
  const std::string no_bonds =
      fmt::format("{}fewer than 20 rows in {} (the second half is cut into 5 blocks of at least 2 rows): run longer",
                  replicas ? "a replica has " : "", demo_run::series_file);
  const std::string no_diffusion =
      replicas ? "a replica has no diffusion estimate: run longer or dump more often (at least 32 frames per particle)"
               : fmt::format("{} and {} (particle, time block) segments of at least 8 frames, need 2 or more in "
                             "each: run longer or dump more often (at least 32 frames per particle)",
                             base.runs.front().diffusion_segments, n.runs.front().diffusion_segments);
  bool mu_file = true;
  for (const ConditionReplicas *r : {&n, &base})
    for (const ConditionNumbers &run : r->runs) mu_file = mu_file && run.has_chemical_potential;
  const std::string no_mu =
      mu_file ? fmt::format("{}fewer than 10 output steps with particles in the second half of {} (5 blocks of at "
                            "least 2): run longer or evaluate the compute more often",
                            replicas ? "a replica has " : "", demo_run::chemical_potential_file)
              : fmt::format("{}no {} (a demo run from before compute particle/chemical_potential)",
                            replicas ? "a replica has " : "", demo_run::chemical_potential_file);
  auto change = [&](const QuantityDifference &d, int decimals, const std::string &unit) {
    if (!d.test.valid) return std::string("n/a");
    return fmt::format("{:+.{}f} {} {:.{}f}{}", d.test.change.value, decimals, plus_minus, d.test.change.standard_error,
                       decimals, unit);
  };
  return fmt::format("{} vs {} ({}; {:.3g} oxygens removed, {:.1f} ps): bonds per interface atom {}, {}; particle "
                     "chemical potential above bulk {}, {}; diffusion coefficient {}, {}; merges {:.3g} vs {:.3g}{}.",
                     n.name, base.name, basis_words(c), value(n, column::oxygens_removed),
                     value(n, column::duration_ps), change(bonds, 3, ""),
                     verdict(bonds, "more bonds", "fewer bonds", no_bonds), change(mu, 4, " eV"),
                     verdict(mu, "higher chemical potential", "lower chemical potential", no_mu),
                     change(mobility, 4, fmt::format(" {}/ps", square_angstrom)),
                     verdict(mobility, "more mobile", "less mobile", no_diffusion), value(n, column::merges),
                     value(base, column::merges), bonds.basis == ErrorBasis::replicas ? " per replica" : "");
}

// Column y against column x of every run's copy of `table`, one colour per condition,
// drawn `with` lines or points.
std::string plot_over_conditions(const std::vector<ConditionReplicas> &all, const io::TableSchema &table, const char *x,
                                 const char *y, const char *with = "lines lw 1.5")
{
  std::string script = "plot ";
  for (size_t i = 0; i < all.size(); ++i)
    for (size_t k = 0; k < all[i].runs.size(); ++k)
      script +=
          fmt::format("{}'{}' using {}:{} with {} lc {} {} noenhanced", i + k ? ", " : "",
                      table.file_for_condition(run_label(all[i], k)), table.gnuplot_column(x), table.gnuplot_column(y),
                      with, i + 1, k ? "notitle" : fmt::format("title '{}'", all[i].name));
  return script;
}

// The seed's fig. 2A and 2B from the runs' own particles: mu_p - mu_bulk against size and
// against bonds per interface atom. Only where every run has a particle row to draw (and,
// for 2B, bonds): gnuplot stops at a plot without a point.
std::vector<Plot> chemical_potential_plots(const std::vector<ConditionReplicas> &all)
{
  bool rows = true, bonds = true;
  for (const ConditionReplicas &c : all)
    for (const ConditionNumbers &run : c.runs) {
      rows = rows && !run.chemical_potentials.empty();
      bool run_bonds = false;
      for (const ParticleChemicalPotential &p : run.chemical_potentials)
        run_bonds = run_bonds || std::isfinite(p.bonds_per_interface_atom);
      bonds = bonds && run_bonds;
    }
  std::vector<Plot> plots;
  if (!rows) return plots;
  const char *points = "points pt 7 ps 0.6";
  const std::string y = "set ylabel 'mu_p - mu_bulk (eV)'\n";
  plots.push_back({"chemical_potential_size", "Particle chemical potential above bulk against size (seed fig. 2A)",
                   "set xlabel 'atoms in the particle'\n" + y +
                       plot_over_conditions(all, tables::chemical_potential, column::atoms,
                                            column::chemical_potential_excess_eV, points)});
  if (bonds)
    plots.push_back({"chemical_potential_bonds",
                     "Particle chemical potential above bulk against M-O bonds per interface atom (seed fig. 2B)",
                     "set xlabel 'bonds per interface atom'\n" + y +
                         plot_over_conditions(all, tables::chemical_potential, column::bonds_per_interface_atom,
                                              column::chemical_potential_excess_eV, points)});
  return plots;
}

// The links to every run's report.html: the condition's name, or the replica numbers.
std::string report_links(const ConditionReplicas &c, const std::string &output_directory)
{
  std::string links;
  for (std::size_t k = 0; k < c.runs.size(); ++k)
    links += fmt::format("{}<a href=\"{}/{}/{}\">{}</a>", k ? " " : "",
                         escape_html(std::filesystem::relative(c.replica_directories[k], output_directory).string()),
                         demo_run::report_directory, io::output_file::report_html,
                         c.has_replicas() ? std::to_string(k + 1) : escape_html(c.name));
  return links;
}

std::string numbers_table(const std::vector<ConditionReplicas> &all, const std::string &output_directory)
{
  std::ostringstream html;
  html << "<table id='numbers'><tr><th>condition</th><th>replicas</th><th>time (ps)</th><th>O removed</th>"
       << "<th>bonds / interface atom</th><th>&mu;<sub>p</sub> &minus; &mu;<sub>bulk</sub> (eV)</th>"
       << "<th>D (&Aring;&sup2;/ps)</th><th>MSD exponent</th><th>merges</th>"
       << "<th>particles at end</th><th>socket depth, local rim (&Aring;)</th><th>socket depth, global (&Aring;)</th>"
       << "<th>NVE drift (meV/atom/ps)</th><th>report</th></tr>\n";
  namespace c = column;
  const std::vector<std::pair<const char *, int>> shown = {{c::duration_ps, 1},
                                                           {c::oxygens_removed, 1},
                                                           {c::bonds_per_interface_atom, 3},
                                                           {c::chemical_potential_excess_eV, 4},
                                                           {c::diffusion_A2_per_ps, 4},
                                                           {c::msd_exponent, 2},
                                                           {c::merges, 2},
                                                           {c::particles_final, 1},
                                                           {c::socket_depth_local_A, 2},
                                                           {c::socket_depth_global_A, 2},
                                                           {c::nve_drift_meV_per_atom_ps, 3}};
  for (const ConditionReplicas &condition : all) {
    html << "<tr><td>" << escape_html(condition.name) << "</td><td>" << condition.runs.size() << "</td>";
    for (const auto &[name, decimals] : shown)
      for (const Quantity &q : compared_quantities())
        if (std::string(q.column) == name)
          html << "<td>" << with_error(condition.estimate(q), decimals, "&plusmn;") << "</td>";
    html << "<td>" << report_links(condition, output_directory) << "</td></tr>\n";
  }
  html << "</table>\n";
  return html.str();
}

std::string differences_table(const std::vector<ConditionComparison> &comparisons)
{
  std::ostringstream html;
  html << "<table id='differences'><tr><th>comparison</th><th>quantity</th><th>errors from</th><th>change</th>"
       << "<th>t</th><th>degrees of freedom</th><th>p</th><th>significant</th>"
       << "<th>replicas per condition for power 0.8</th><th>run length &times; for power 0.8</th></tr>\n";
  auto number = [](double value, const char *format) {
    return std::isfinite(value) ? fmt::format(fmt::runtime(format), value) : std::string("n/a");
  };
  for (const ConditionComparison &c : comparisons)
    for (const QuantityDifference &d : c.differences)
      html << "<tr><td>" << escape_html(c.condition->name + " vs " + c.baseline->name) << "</td><td>"
           << d.quantity->column << "</td><td>" << basis_name(d.basis) << "</td><td>"
           << with_error(d.test.change, 4, "&plusmn;") << "</td><td>" << number(d.test.t_statistic, "{:.2f}")
           << "</td><td>" << number(d.test.degrees_of_freedom, "{:.1f}") << "</td><td>"
           << number(d.test.p_value, "{:.3g}") << "</td><td>" << (d.test.significant ? "yes" : "no") << "</td><td>"
           << number(d.replicas_needed, "{:.0f}") << "</td><td>" << number(d.run_length_factor, "{:.1f}")
           << "</td></tr>\n";
  html << "</table>\n";
  return html.str();
}

// Condition names are plain words (they name files) and given once.
void check_condition_names(const std::vector<Condition> &conditions)
{
  std::set<std::string> names;
  for (const Condition &c : conditions) {
    if (!std::regex_match(c.name, std::regex("[A-Za-z0-9_.-]+")))
      throw std::runtime_error(
          fmt::format("condition name '{}' must be a plain word (letters, digits, _ . -)", c.name));
    if (!names.insert(c.name).second) throw std::runtime_error(fmt::format("condition {} given twice", c.name));
  }
}

// Measures every condition; errors name the condition.
std::vector<ConditionReplicas> measure_conditions(const std::vector<Condition> &conditions, const std::string &dir)
{
  std::vector<ConditionReplicas> all;
  for (const Condition &c : conditions) {
    try {
      all.push_back(measure_replicas(c.name, c.directory));
      write_run_tables(all.back(), dir);
    } catch (const std::exception &e) {
      throw std::runtime_error(fmt::format("condition {} ({}): {}", c.name, c.directory, e.what()));
    }
  }
  return all;
}

}  // namespace

std::vector<std::string> run_compare(const std::vector<Condition> &conditions,
                                     const std::vector<std::pair<std::string, std::string>> &comparisons,
                                     const std::string &output_directory, const RunInfo &info)
{
  if (conditions.size() < 2) throw std::runtime_error("compare needs at least two conditions");
  // The exsolution study's runs (a doped host) are compared on their own quantities.
  check_condition_names(conditions);
  std::size_t exsolution = 0;
  for (const Condition &c : conditions) {
    try {
      exsolution += is_exsolution_condition(c) ? 1 : 0;
    } catch (const std::exception &e) {
      throw std::runtime_error(fmt::format("condition {} ({}): {}", c.name, c.directory, e.what()));
    }
  }
  if (exsolution == conditions.size()) return run_exsolution_compare(conditions, comparisons, output_directory, info);
  if (exsolution > 0)
    throw std::runtime_error("the conditions mix runs of the exsolution study (series.txt with Ni2+) and of the "
                             "demo: compare one study at a time");
  const std::string dir = output_directory + "/";
  const std::vector<ConditionReplicas> all = measure_conditions(conditions, dir);

  auto find = [&](const std::string &name) -> const ConditionReplicas & {
    for (const auto &c : all)
      if (c.name == name) return c;
    throw std::runtime_error("--versus names an unknown condition " + name);
  };
  std::vector<std::pair<std::string, std::string>> pairs = comparisons;
  if (pairs.empty())
    for (size_t i = 1; i < all.size(); ++i) pairs.emplace_back(all[i].name, all.front().name);
  std::vector<ConditionComparison> compared;
  for (const auto &pair : pairs) {
    const ConditionReplicas &n = find(pair.first), &base = find(pair.second);
    if (&n == &base) throw std::runtime_error("--versus compares " + pair.first + " with itself");
    compared.push_back(compare_conditions(n, base));
  }

  // The questions: do removed oxygens cut M-O bonds at the interface and make particles
  // more mobile (reducing vs stoichiometric), and does socketing counter it (socketed vs
  // not)? Each comparison is one sentence.
  write_comparison_tables(all, compared, dir);
  nlohmann::json sidecar = {{"tool", "exsolve-analyze compare"},
                            {"version", info.tool_version},
                            {"command", info.command_line},
                            {"conditions", conditions_json(all)}};
  std::ostringstream answer;
  std::vector<std::string> plain_answer;
  for (const ConditionComparison &c : compared) {
    answer << "<li>" << escape_html(sentence(c, "\u00b1", "\u00c5\u00b2")) << "</li>\n";
    plain_answer.push_back(sentence(c, "+-", "A^2"));
    nlohmann::json entry = differences_json(c);
    entry["answer"] = plain_answer.back();
    sidecar["differences"][c.condition->name + "_vs_" + c.baseline->name] = entry;
  }
  io::write_file_atomically(dir + io::output_file::comparison_json, sidecar.dump(2) + "\n");

  std::vector<Plot> plots = {
      {"oxygens_removed", "Oxygens removed from the support",
       "set xlabel 'time (ps)'\nset ylabel 'oxygens removed'\nset key right center\nset yrange [0:*]\n" +
           plot_over_conditions(all, tables::series, column::time_ps, column::oxygens_removed)},
      {"interface_bonds", "Metal-oxygen bonds per interface atom",
       "set xlabel 'time (ps)'\nset ylabel 'bonds per interface atom'\n" +
           plot_over_conditions(all, tables::series, column::time_ps, column::bonds_per_interface_atom)},
      {"msd", "In-plane MSD of particle centres (relative to the support)",
       "set xlabel 'lag (ps)'\nset ylabel 'MSD (Angstrom^2)'\nset key left top\n" +
           plot_over_conditions(all, tables::msd, column::lag_ps, column::msd_A2)}};
  for (Plot &plot : chemical_potential_plots(all)) plots.push_back(std::move(plot));

  std::ostringstream html;
  html
      << "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>exsolve comparison</title>\n"
      << "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
      << "table{border-collapse:collapse;font-size:0.85em}td,th{border:1px solid #ccc;padding:3px 6px;"
      << "text-align:right}"
      << "code{background:#f4f4f4}</style></head><body>\n<h1>Interface oxygen vacancies, socketing and "
      << "the mobility of exsolved particles</h1>\n<p>" << escape_html(info.tool_version) << " &mdash; <code>"
      << escape_html(info.command_line) << "</code></p>\n<h2>Answer</h2>\n<p>The hypotheses (Weber 2025): oxygen "
      << "vacancies at the particle&ndash;support interface leave fewer metal&ndash;oxygen bonds, a higher "
      << "particle chemical potential (&mu;<sub>p</sub> &minus; &mu;<sub>bulk</sub>, compute "
      << "particle/chemical_potential) and more mobile particles; socketing adds bonds, lowers the chemical "
      << "potential and anchors them.</p>\n<ul>\n"
      << answer.str() << "</ul>\n<p>Errors are one standard error. A condition run as several replicas "
      << "(independent runs with different seeds) has the mean over its replicas and the standard error of that "
      << "mean. A condition run once has its run's own errors (bonds and &mu;<sub>p</sub>: block averages over the "
      << "second half of the run; D: mean over (particle, time block) segments, each fitted on its own, so the error reflects how few "
      << "independent trajectories there are). Differences are judged by Welch's t-test at the two-sided 5 % level; "
      << "where one is not significant, the sample size that would resolve it at power 0.8 is given (more replicas, "
      << "or longer runs when each condition has one run). n/a: no estimate.</p>\n"
      << "<h2>Numbers</h2>\n"
      << numbers_table(all, output_directory) << "<h2>Differences</h2>\n"
      << differences_table(compared) << "<h2>Plots</h2>\n";
  for (const Plot &plot : plots)
    html << "<figure id='" << plot.name << "'><figcaption>" << plot.title << " (<a href='" << plot.name
         << ".gp'>gnuplot script</a>)</figcaption>\n"
         << draw_plot(dir, plot) << "</figure>\n";
  html << "<h2>Tables</h2>\n<ul>";
  for (const std::string &file : {tables::comparison.file(), tables::comparison_replicas.file(),
                                  tables::comparison_differences.file(), std::string(io::output_file::comparison_json)})
    html << "<li><a href='" << file << "'>" << file << "</a></li>";
  html << "</ul>\n</body></html>\n";
  io::write_file_atomically(dir + io::output_file::comparison_html, html.str());
  return plain_answer;
}

}  // namespace analyses
}  // namespace exsolve
