#include "analyses/compare_tables.h"

#include "io/atomic_output_file.h"
#include "io/table_schema.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <stdexcept>

namespace exsolve {
namespace analyses {

namespace column = io::column;

namespace {

using Row = std::map<std::string, std::string>;

// The row's cells in the table's column order: every column must have one.
std::string csv_line(const io::TableSchema &table, const Row &row)
{
  std::string line;
  for (const char *name : table.columns) {
    const auto cell = row.find(name);
    if (cell == row.end()) throw std::logic_error(table.file() + ": no value for column " + name);
    line += (line.empty() ? "" : ",") + cell->second;
  }
  return line + "\n";
}

std::string cell(double value)
{
  return fmt::format("{}", value);
}

// What one run measured, by column (the replica table's columns after condition, replica).
Row run_row(const ConditionNumbers &run)
{
  Row row;
  for (const Quantity &q : compared_quantities()) row[q.column] = cell(q.of_run(run));
  row[column::bonds_per_interface_atom_error] = cell(run.bonds_per_interface_atom.standard_error);
  row[column::diffusion_error_A2_per_ps] = cell(run.diffusion.standard_error);
  row[column::chemical_potential_excess_error_eV] = cell(run.chemical_potential_excess.standard_error);
  row[column::diffusion_segments] = cell(run.diffusion_segments);
  return row;
}

int total_diffusion_segments(const ConditionReplicas &c)
{
  int segments = 0;
  for (const ConditionNumbers &run : c.runs) segments += run.diffusion_segments;
  return segments;
}

// JSON has no NaN: a missing number is null.
nlohmann::json number(double value)
{
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

}  // namespace

void write_comparison_tables(const std::vector<ConditionReplicas> &conditions,
                             const std::vector<ConditionComparison> &comparisons, const std::string &directory)
{
  namespace tables = io::tables;
  io::AtomicOutputFile summary(directory + "/" + tables::comparison.file());
  io::AtomicOutputFile replicas(directory + "/" + tables::comparison_replicas.file());
  summary.write(tables::comparison.header_line());
  replicas.write(tables::comparison_replicas.header_line());
  for (const ConditionReplicas &c : conditions) {
    Row row{{column::condition, c.name},
            {column::replicas, cell(c.runs.size())},
            {column::diffusion_segments, cell(total_diffusion_segments(c))}};
    for (const Quantity &q : compared_quantities()) {
      const core::Estimate e = c.estimate(q);
      row[q.column] = cell(e.value);
      row[q.error_column] = cell(e.standard_error);
    }
    summary.write(csv_line(tables::comparison, row));
    for (std::size_t k = 0; k < c.runs.size(); ++k) {
      Row run = run_row(c.runs[k]);
      run[column::condition] = c.name;
      run[column::replica] = cell(k + 1);
      replicas.write(csv_line(tables::comparison_replicas, run));
    }
  }
  summary.commit();
  replicas.commit();
  io::AtomicOutputFile differences(directory + "/" + tables::comparison_differences.file());
  differences.write(tables::comparison_differences.header_line());
  for (const ConditionComparison &comparison : comparisons)
    for (const QuantityDifference &d : comparison.differences) {
      const Row row{{column::comparison_name, comparison.condition->name + "_vs_" + comparison.baseline->name},
                    {column::condition, comparison.condition->name},
                    {column::baseline, comparison.baseline->name},
                    {column::quantity, d.quantity->column},
                    {column::basis, basis_name(d.basis)},
                    {column::change, cell(d.test.change.value)},
                    {column::change_error, cell(d.test.change.standard_error)},
                    {column::t_statistic, cell(d.test.t_statistic)},
                    {column::degrees_of_freedom, cell(d.test.degrees_of_freedom)},
                    {column::p_value, cell(d.test.p_value)},
                    {column::significant, d.test.significant ? "1" : "0"},
                    {column::replicas_needed, cell(d.replicas_needed)},
                    {column::run_length_factor, cell(d.run_length_factor)}};
      differences.write(csv_line(tables::comparison_differences, row));
    }
  differences.commit();
}

nlohmann::json conditions_json(const std::vector<ConditionReplicas> &conditions)
{
  nlohmann::json all = nlohmann::json::object();
  for (const ConditionReplicas &c : conditions) {
    nlohmann::json entry = {{"directory", c.directory},
                            {column::replicas, c.runs.size()},
                            {column::diffusion_segments, total_diffusion_segments(c)}};
    for (const Quantity &q : compared_quantities()) {
      const core::Estimate e = c.estimate(q);
      entry[q.column] = {number(e.value), number(e.standard_error)};
    }
    for (std::size_t k = 0; k < c.runs.size(); ++k) {
      const ConditionNumbers &run = c.runs[k];
      nlohmann::json replica = {{"directory", c.replica_directories[k]},
                                {column::diffusion_segments, run.diffusion_segments},
                                {"socket_frame", run.socket_frame}};
      for (const Quantity &q : compared_quantities()) {
        replica[q.column] = number(q.of_run(run));
        if (q.within_run) replica[q.error_column] = number(q.within_run(run).standard_error);
      }
      entry["per_replica"].push_back(replica);
    }
    all[c.name] = entry;
  }
  return all;
}

nlohmann::json differences_json(const ConditionComparison &comparison)
{
  nlohmann::json entry = nlohmann::json::object();
  for (const QuantityDifference &d : comparison.differences)
    entry[d.quantity->column] = {{column::basis, basis_name(d.basis)},
                                 {column::change, number(d.test.change.value)},
                                 {column::change_error, number(d.test.change.standard_error)},
                                 {column::t_statistic, number(d.test.t_statistic)},
                                 {column::degrees_of_freedom, number(d.test.degrees_of_freedom)},
                                 {column::p_value, number(d.test.p_value)},
                                 {column::significant, d.test.significant},
                                 {column::replicas_needed, number(d.replicas_needed)},
                                 {column::run_length_factor, number(d.run_length_factor)}};
  return entry;
}

}  // namespace analyses
}  // namespace exsolve
