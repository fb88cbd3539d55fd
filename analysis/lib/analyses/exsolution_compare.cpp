#include "analyses/exsolution_compare.h"

#include "analyses/exsolution_numbers.h"
#include "analyses/exsolution_run_layout.h"
#include "analyses/html_escape.h"
#include "analyses/plotting.h"
#include "io/atomic_output_file.h"
#include "io/replica_directories.h"
#include "io/table_schema.h"
#include "statistics/sample_size.h"
#include "statistics/welch_test.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace analyses {

namespace column = io::column;
namespace tables = io::tables;

namespace {

struct Quantity {
  const char *name, *words;
  double (*of)(const ExsolutionNumbers &);
  bool tested;  // the study's question; the others describe the runs
};

// The study's question first: does the host bring more nickel to the surface, reduce more,
// and make more, larger or earlier particles?
const std::vector<Quantity> &quantities()
{
  using N = ExsolutionNumbers;
  static const std::vector<Quantity> list = {
      {column::surface_nickel, "nickel at the surface (Ni2+ and Ni(0) in the top 3 layers, adatoms, particles)",
       [](const N &n) { return n.surface_nickel; }, true},
      {column::nickel_reduced, "nickel reduced to Ni(0)", [](const N &n) { return n.nickel_reduced; }, true},
      {column::metal_in_particles, "Ni(0) in particles", [](const N &n) { return n.metal_in_particles; }, true},
      {column::particles_final, "particles at the end", [](const N &n) { return n.particles_final; }, true},
      {column::first_particle_ps, "time of the first particle (ps)", [](const N &n) { return n.first_particle_ps; },
       true},
      {column::births, "particles born", [](const N &n) { return n.births; }, false},
      {column::exchanges, "accepted Ni2+/Ti4+ exchanges", [](const N &n) { return n.exchanges; }, false},
      {column::hops, "accepted oxygen-vacancy hops", [](const N &n) { return n.hops; }, false},
      {column::duration_ps, "duration (ps)", [](const N &n) { return n.duration_ps; }, false}};
  return list;
}

struct Replicas {
  std::string name, directory;
  std::vector<std::string> run_directories;
  std::vector<ExsolutionNumbers> runs;

  // Mean over the runs with the standard error of the mean; a run without the number (no
  // particle ever appeared) leaves the condition without an estimate; one run: its value,
  // no error.
  core::Estimate estimate(const Quantity &q) const
  {
    constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> values;
    for (const ExsolutionNumbers &run : runs) {
      values.push_back(q.of(run));
      if (!std::isfinite(values.back())) return {NaN, NaN, 0};
    }
    if (values.size() == 1) return {values.front(), NaN, 1};
    return core::mean_with_error(values);
  }
  std::string run_label(std::size_t k) const
  {
    return runs.size() > 1 ? fmt::format("{}_{}{}", name, io::replica_prefix, k + 1) : name;
  }
};

Replicas measure(const Condition &c)
{
  Replicas r{c.name, c.directory, io::replica_directories(c.directory, exsolution_run::series_file), {}};
  for (const std::string &run : r.run_directories) {
    try {
      if (!is_exsolution_run(run))
        throw std::runtime_error("not an exsolution run (its series.txt has no Ni2+ column, or it has none)");
      r.runs.push_back(measure_exsolution_run(run));
    } catch (const std::exception &e) {
      throw std::runtime_error(fmt::format("condition {} ({}): {}{}", c.name, c.directory,
                                           run == c.directory ? "" : "replica " + run + ": ", e.what()));
    }
  }
  return r;
}

struct Difference {
  const Quantity *quantity;
  statistics::WelchTest test;  // condition - baseline
  double replicas_needed;
};

std::string number(double value, int decimals)
{
  return std::isfinite(value) ? fmt::format("{:.{}f}", value, decimals) : std::string("n/a");
}

std::string with_error(const core::Estimate &e, int decimals)
{
  if (!std::isfinite(e.value)) return "n/a";
  if (!std::isfinite(e.standard_error)) return number(e.value, decimals);
  return fmt::format("{:.{}f} +- {:.{}f}", e.value, decimals, e.standard_error, decimals);
}

// One tested quantity of one comparison in words.
std::string sentence(const Replicas &n, const Replicas &base, const Difference &d)
{
  const core::Estimate a = n.estimate(*d.quantity), b = base.estimate(*d.quantity);
  std::string text = fmt::format("{} vs {} ({} vs {} runs): {}: {} vs {}", n.name, base.name, n.runs.size(),
                                 base.runs.size(), d.quantity->words, with_error(a, 2), with_error(b, 2));
  const statistics::WelchTest &w = d.test;
  if (!w.valid)
    return text + (std::isfinite(a.value) && std::isfinite(b.value)
                       ? " — no test: a condition has fewer than 2 runs"
                       : " — no estimate: a run has no value (no particle appeared in it)");
  if (!std::isfinite(w.t_statistic)) return text + " — no scatter in either condition: nothing to test";
  text += fmt::format("; change {} (t = {:.1f}, {:.1f} degrees of freedom, p = {:.2g})", with_error(w.change, 2),
                      w.t_statistic, w.degrees_of_freedom, w.p_value);
  if (w.significant) return text + (w.t_statistic > 0 ? ": significantly more" : ": significantly less");
  if (std::isfinite(d.replicas_needed))
    return text + fmt::format(": not significant; about {:.0f} runs per condition would resolve a difference "
                              "this large at this spread (power 0.8)",
                              d.replicas_needed);
  return text + ": not significant";
}

void write_tables(const std::vector<Replicas> &all,
                  const std::vector<std::pair<const Replicas *, const Replicas *>> &pairs,
                  const std::vector<std::vector<Difference>> &differences, const std::string &dir)
{
  io::AtomicOutputFile summary(dir + tables::exsolution_comparison.file());
  summary.write(tables::exsolution_comparison.header_line());
  io::AtomicOutputFile runs(dir + tables::exsolution_replicas.file());
  runs.write(tables::exsolution_replicas.header_line());
  for (const Replicas &c : all)
    for (const Quantity &q : quantities()) {
      const core::Estimate e = c.estimate(q);
      summary.print("{},{},{},{},{}\n", c.name, c.runs.size(), q.name, e.value, e.standard_error);
      for (std::size_t k = 0; k < c.runs.size(); ++k)
        runs.print("{},{},{},{}\n", c.name, k + 1, q.name, q.of(c.runs[k]));
    }
  summary.commit();
  runs.commit();
  io::AtomicOutputFile tests(dir + tables::exsolution_differences.file());
  tests.write(tables::exsolution_differences.header_line());
  for (std::size_t p = 0; p < pairs.size(); ++p)
    for (const Difference &d : differences[p])
      tests.print("{}_vs_{},{},{},{},{},{},{},{},{},{},{}\n", pairs[p].first->name, pairs[p].second->name,
                  pairs[p].first->name, pairs[p].second->name, d.quantity->name, d.test.change.value,
                  d.test.change.standard_error, d.test.t_statistic, d.test.degrees_of_freedom, d.test.p_value,
                  d.test.significant ? 1 : 0, d.replicas_needed);
  tests.commit();
  for (const Replicas &c : all)
    for (std::size_t k = 0; k < c.runs.size(); ++k) {
      io::AtomicOutputFile series(dir + tables::exsolution_series.file_for_condition(c.run_label(k)));
      series.write(tables::exsolution_series.header_line());
      for (std::size_t i = 0; i < c.runs[k].time_ps.size(); ++i)
        series.print("{},{}\n", c.runs[k].time_ps[i], c.runs[k].metal[i]);
      series.commit();
    }
}

// Ni(0) against time, every run of every condition (one colour per condition).
Plot metal_plot(const std::vector<Replicas> &all)
{
  std::string script = "set xlabel 'time (ps)'\nset ylabel 'Ni(0) atoms'\nset key left top\nset yrange [0:*]\nplot ";
  for (std::size_t c = 0; c < all.size(); ++c)
    for (std::size_t k = 0; k < all[c].runs.size(); ++k)
      script += fmt::format("{}'{}' using 1:2 with lines lc {} title '{}'", c + k ? ", " : "",
                            tables::exsolution_series.file_for_condition(all[c].run_label(k)), c + 1,
                            k == 0 ? all[c].name : "");
  return {"nickel_reduced", "Nickel reduced to Ni(0) against time, every run", script};
}

}  // namespace

bool is_exsolution_condition(const Condition &condition)
{
  return is_exsolution_run(io::replica_directories(condition.directory, exsolution_run::series_file).front());
}

std::vector<std::string> run_exsolution_compare(const std::vector<Condition> &conditions,
                                                const std::vector<std::pair<std::string, std::string>> &comparisons,
                                                const std::string &output_directory, const RunInfo &info)
{
  const std::string dir = output_directory + "/";
  std::vector<Replicas> all;
  for (const Condition &c : conditions) all.push_back(measure(c));
  auto find = [&](const std::string &name) -> const Replicas & {
    for (const Replicas &c : all)
      if (c.name == name) return c;
    throw std::runtime_error("--versus names an unknown condition " + name);
  };
  std::vector<std::pair<const Replicas *, const Replicas *>> pairs;
  for (const auto &pair : comparisons) pairs.emplace_back(&find(pair.first), &find(pair.second));
  if (pairs.empty())
    for (std::size_t i = 1; i < all.size(); ++i) pairs.emplace_back(&all[i], &all.front());

  std::vector<std::vector<Difference>> differences;
  std::vector<std::string> answer;
  nlohmann::json sidecar = {{"tool", "exsolve-analyze compare"},
                            {"version", info.tool_version},
                            {"command", info.command_line},
                            {"study", "exsolution"}};
  for (const Replicas &c : all)
    for (const Quantity &q : quantities()) {
      const core::Estimate e = c.estimate(q);
      sidecar["conditions"][c.name]["runs"] = c.runs.size();
      sidecar["conditions"][c.name][q.name] = {{"value", e.value}, {"standard_error", e.standard_error}};
    }
  for (const auto &[n, base] : pairs) {
    if (n == base) throw std::runtime_error("--versus compares " + n->name + " with itself");
    differences.emplace_back();
    for (const Quantity &q : quantities()) {
      if (!q.tested) continue;
      const core::Estimate a = base->estimate(q), b = n->estimate(q);
      const statistics::WelchTest test = statistics::welch_test(a, b);
      const double needed = test.valid && !test.significant ? statistics::replicas_needed(a, b)
                                                            : std::numeric_limits<double>::quiet_NaN();
      differences.back().push_back({&q, test, needed});
      answer.push_back(sentence(*n, *base, differences.back().back()));
      sidecar["differences"][n->name + "_vs_" + base->name][q.name] = {
          {"change", test.change.value}, {"error", test.change.standard_error},
          {"t", test.t_statistic},       {"degrees_of_freedom", test.degrees_of_freedom},
          {"p_value", test.p_value},     {"significant", test.significant},
          {"replicas_needed", needed},   {"answer", answer.back()}};
    }
  }
  write_tables(all, pairs, differences, dir);
  io::write_file_atomically(dir + io::output_file::comparison_json, sidecar.dump(2) + "\n");

  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>exsolve comparison</title>\n"
       << "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
       << "table{border-collapse:collapse;font-size:0.85em}td,th{border:1px solid #ccc;padding:3px 6px;"
       << "text-align:right}</style></head><body>\n<h1>Exsolution from a doped host: does the host bring nickel "
       << "to the surface and make particles?</h1>\n<p>" << escape_html(info.tool_version) << " &mdash; <code>"
       << escape_html(info.command_line) << "</code></p>\n<h2>Answer</h2>\n<ul>\n";
  for (const std::string &line : answer) html << "<li>" << escape_html(line) << "</li>\n";
  html << "</ul>\n<p>Values: mean over a condition's runs (independent replicas, different seeds) with the "
       << "standard error of that mean. Differences: Welch's t-test at the two-sided 5 % level; where one is not "
       << "significant, the runs per condition that would resolve it at power 0.8.</p>\n<h2>Numbers</h2>\n"
       << "<table id='numbers'><tr><th>condition</th><th>runs</th>";
  for (const Quantity &q : quantities()) html << "<th>" << escape_html(q.words) << "</th>";
  html << "</tr>\n";
  for (const Replicas &c : all) {
    html << "<tr><td>" << escape_html(c.name) << "</td><td>" << c.runs.size() << "</td>";
    for (const Quantity &q : quantities()) html << "<td>" << escape_html(with_error(c.estimate(q), 2)) << "</td>";
    html << "</tr>\n";
  }
  const Plot plot = metal_plot(all);
  html << "</table>\n<h2>Plots</h2>\n<figure id='" << plot.name << "'><figcaption>" << plot.title << " (<a href='"
       << plot.name << ".gp'>gnuplot script</a>)</figcaption>\n"
       << draw_plot(dir, plot) << "</figure>\n"
       << "<h2>Tables</h2>\n<ul>";
  for (const std::string &file : {tables::exsolution_comparison.file(), tables::exsolution_replicas.file(),
                                  tables::exsolution_differences.file(), std::string(io::output_file::comparison_json)})
    html << "<li><a href='" << file << "'>" << file << "</a></li>";
  html << "</ul>\n</body></html>\n";
  io::write_file_atomically(dir + io::output_file::comparison_html, html.str());
  return answer;
}

}  // namespace analyses
}  // namespace exsolve
