// exsolve-analyze: post-run analysis of LAMMPS dumps. A thin front end over analysis/lib:
// parses the command line, loads the configuration, prepares the output directory and
// hands over to the analyses (lib/analyses/).
#include "analyses/bonds_report.h"
#include "analyses/coarsening_report.h"
#include "analyses/compare_report.h"
#include "analyses/html_report.h"
#include "analyses/particles_report.h"
#include "analyses/segregation_report.h"
#include "analyses/socket_report.h"
#include "analyses/track_report.h"
#include "io/analysis_config.h"
#include "io/output_directory.h"
#include "io/pending_outputs.h"
#include "tool_version.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <filesystem>
#include <malloc.h>
#include <functional>
#include <iostream>
#include <map>
#include <utility>

namespace {

// The options every analysis takes.
struct CommonOptions {
  std::string config_path, output_override;
  std::vector<std::string> dumps;
  bool force = false;
  int threads = 1;
};

void add_common_options(CLI::App *command, CommonOptions &options)
{
  command->add_option("-c,--config", options.config_path, "YAML configuration (types, cutoffs, output)")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("-o,--output", options.output_override, "output directory (overrides the configuration's)");
  command->add_flag("--force", options.force, "overwrite an existing output directory");
  command->add_option("-j,--threads", options.threads, "frames analysed at once (same tables for any number)")
      ->check(CLI::Range(1, 256));
  command->add_option("dumps", options.dumps, "LAMMPS text dumps (plain or .gz), read in this order")
      ->required()
      ->check(CLI::ExistingFile);
}

// "A=B" -> {A, B}; both sides non-empty, or an error naming the option and its form.
std::pair<std::string, std::string> split_at_equals(const std::string &arg, const char *option, const char *form)
{
  const auto equals = arg.find('=');
  if (equals == std::string::npos || equals == 0 || equals + 1 == arg.size())
    throw std::runtime_error(fmt::format("{} expects {}, got '{}'", option, form, arg));
  return {arg.substr(0, equals), arg.substr(equals + 1)};
}

}  // namespace

int main(int argc, char **argv)
{
  // Every frame allocates and frees the same few large arrays (positions, labels, text of
  // the annotated dump: megabytes for 50 000 atoms). glibc maps blocks above 128 KiB
  // freshly and returns freed memory to the system, so each frame faulted its pages in
  // again (a third of report's system time in bench/analysis); keeping them in the heap
  // lets the next frame reuse them.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  // Before the frame loop starts its threads: a job killed at its time limit (SIGTERM)
  // removes its partial files and says which outputs it had not finished.
  exsolve::io::handle_termination_signals("exsolve-analyze");
  CLI::App app{"exsolve-analyze: particle sizes, interface bonds, socket depths, migration and "
               "coarsening from LAMMPS dumps"};
  app.set_version_flag("--version", std::string("exsolve-analyze ") + EXSOLVE_TOOL_VERSION);
  app.require_subcommand(1);

  using Report = std::function<exsolve::analyses::AnalysisSummary(const exsolve::io::AnalysisConfig &,
                                                                  const std::vector<std::string> &,
                                                                  const exsolve::analyses::RunInfo &, std::ostream &)>;
  struct Subcommand {
    const char *name, *description;
    Report report;
  };
  const std::vector<Subcommand> subcommands = {
      {"particles",
       "per frame: particles with size, equivalent diameter, centre of mass, radius of gyration, height; "
       "free atoms; number density per nm^2; size distribution",
       exsolve::analyses::run_particles},
      {"bonds",
       "per frame and particle: metal–oxygen interface bonds, interface atoms, bonds per interface atom (the "
       "rule of compute interface/bonds)",
       exsolve::analyses::run_bonds},
      {"track",
       "persistent particle IDs (the rules of fix nanoparticle/track), events, unwrapped trajectories, MSD "
       "and diffusion coefficient",
       exsolve::analyses::run_track},
      {"coarsening",
       "mean radius and number density against time; fits of r^n - r0^n = K t for n = 2, 3, 4 and the "
       "best n",
       exsolve::analyses::run_coarsening},
      {"socket",
       "per particle: socket depth below the local rim and the global surface, submerged fraction of its "
       "height",
       exsolve::analyses::run_socket},
      {"segregation",
       "per frame: dopants, lattice metal and oxygen vacancies against the depth below a perovskite "
       "slab's top B plane; the metal in the lattice, as adatoms and in particles; particles and sizes",
       exsolve::analyses::run_segregation},
      {"report", "every analysis the configuration allows, plots (gnuplot) and one self-contained report.html",
       exsolve::analyses::run_report}};
  CommonOptions options;
  std::map<std::string, CLI::App *> commands;
  for (const Subcommand &sub : subcommands) {
    commands[sub.name] = app.add_subcommand(sub.name, sub.description);
    add_common_options(commands[sub.name], options);
  }
  bool annotated_dump = false;
  commands["report"]->add_flag("--annotated-dump", annotated_dump,
                               "also write bonds_annotated.dump (every frame again, with per-atom particle labels and "
                               "bond counts, as the bonds subcommand does)");
  // compare works on finished runs (their series, events and reports), not on dumps.
  std::vector<std::string> condition_args;
  CLI::App *compare = app.add_subcommand(
      "compare", "conditions side by side (run directories of the demo, or their replicas): oxygens removed, bonds "
                 "per interface atom, diffusion, merges, socket depths, with Welch's test of each difference and the "
                 "replicas that would resolve it");
  compare
      ->add_option("--condition", condition_args,
                   "NAME=DIR, repeated; the first is the baseline. DIR is a run directory or holds replicas of "
                   "one in replica-1, replica-2, ...")
      ->required()
      ->expected(2, 64);
  std::vector<std::string> versus_args;
  compare->add_option("--versus", versus_args,
                      "NAME=BASE, repeated: compare NAME with BASE (default: all with the first)");
  compare->add_option("-o,--output", options.output_override, "output directory")->required();
  compare->add_flag("--force", options.force, "overwrite an existing output directory");
  // CLI11 takes an unknown first word for a stray argument and answers only "A subcommand is
  // required": name the word and the subcommands instead.
  std::string names;
  bool known = false;
  for (const CLI::App *sub : app.get_subcommands({})) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
    known = known || (argc > 1 && sub->get_name() == argv[1]);
  }
  if (argc > 1 && argv[1][0] != '-' && !known) {
    std::cerr << "exsolve-analyze: error: unknown subcommand '" << argv[1] << "'; expected one of " << names
              << " (--help lists them)\n";
    return 1;
  }
  CLI11_PARSE(app, argc, argv);
  const std::string command = app.get_subcommands().front()->get_name();
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  const exsolve::analyses::RunInfo info{EXSOLVE_TOOL_VERSION, command_line};

  // A failed analysis or comparison leaves no half-written directory behind (a rerun would
  // otherwise need --force); an existing one, given with --force, is left as it is.
  std::string created_output;
  auto fail = [&](const std::exception &e) {
    fmt::print(stderr, "exsolve-analyze: error: {}\n", e.what());
    std::error_code ignored;
    if (!created_output.empty()) std::filesystem::remove_all(created_output, ignored);
    return 1;
  };
  if (command == "compare") {
    try {
      std::vector<exsolve::analyses::Condition> conditions;
      for (const std::string &arg : condition_args) {
        const auto pair = split_at_equals(arg, "--condition", "NAME=DIR");
        conditions.push_back({pair.first, pair.second});
      }
      std::vector<std::pair<std::string, std::string>> comparisons;
      for (const std::string &arg : versus_args) comparisons.push_back(split_at_equals(arg, "--versus", "NAME=BASE"));
      if (exsolve::io::prepare_output_directory(options.output_override, options.force))
        created_output = options.output_override;
      const auto answer = exsolve::analyses::run_compare(conditions, comparisons, options.output_override, info);
      for (const std::string &sentence : answer) fmt::print("{}\n", sentence);
      fmt::print("exsolve-analyze compare: {} conditions; comparison.html in {}\n", conditions.size(),
                 options.output_override);
    } catch (const std::exception &e) {
      return fail(e);
    }
    return 0;
  }
  Report report;
  for (const Subcommand &sub : subcommands)
    if (command == sub.name) report = sub.report;

  try {
    exsolve::io::AnalysisConfig config = exsolve::io::load_analysis_config(options.config_path);
    if (!options.output_override.empty()) config.output = options.output_override;
    config.threads = options.threads;
    if (command == "report") config.annotated_dump = annotated_dump;
    if (exsolve::io::prepare_output_directory(config.output, options.force)) created_output = config.output;
    const auto summary = report(config, options.dumps, info, std::cerr);
    fmt::print("exsolve-analyze {}: {} frames analysed; tables in {}\n", command, summary.frames_analysed,
               config.output);
  } catch (const std::exception &e) {
    return fail(e);
  }
  return 0;
}
