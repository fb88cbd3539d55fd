// The arguments of fix reduce/oxygen: read as given (parse_arguments, every value through
// StyleArguments), then checked against each other and the system, and the oxygen chemical
// potential put on the potential's scale (validate_options).
#include "fix_reduce_oxygen.h"

#include "compat.h"
#include "style_arguments.h"
#include "core/thermochemistry.h"

#include "atom.h"
#include "domain.h"
#include "error.h"
#include "update.h"

#include <cstring>
#include <exception>
#include <string>

using namespace LAMMPS_NS;

static constexpr const char *SYNTAX =
    "fix ID group reduce/oxygen N M seed oxygen <type> (mu <eV> temperature <K> | atmosphere po2 <K> <atm> | "
    "atmosphere h2/h2o <K> <pH2/pH2O>) [reduce <itype> <jtype> <charge or electrons> ...] [reference <eV>] "
    "[cutoff <Å>] [region <ID>] [surface x|y|z <Å>] [file <events file>] [overwrite yes|no] [reversible yes|no] "
    "[energy auto|local|full] [uncharged yes|no] [near <track fix ID> <Å>] [far <track fix ID> <Å>] [limit <n>]";
void FixReduceOxygen::parse_arguments(int narg, char **arg)
{
  exsolve::StyleArguments args(lmp, "fix reduce/oxygen", SYNTAX, narg, arg);
  args.require_at_least(10);
  options_.every = args.positive_int(3, "N (every how many steps)");
  options_.attempts = args.positive_int(4, "M (attempts per invocation)");
  options_.seed = args.positive_int(5, "seed");

  args.allow_repeated("reduce");  // one per cation type
  for (args.start_keywords(6); !args.done();) {
    const std::string keyword = args.keyword();
    if (keyword == "oxygen") {
      options_.candidates.oxygen_type = args.atom_type();
    } else if (keyword == "mu") {
      options_.mu_given = true;
      options_.mu_ev = args.number("a chemical potential in eV");
    } else if (keyword == "temperature") {
      options_.temperature_given = true;
      options_.temperature_k = args.number("a temperature in K");
    } else if (keyword == "atmosphere") {
      options_.atmosphere = args.choice({"po2", "h2/h2o"}) == 0 ? Atmosphere::PO2 : Atmosphere::H2_H2O;
      options_.temperature_k = args.number("a temperature in K");
      if (options_.atmosphere == Atmosphere::PO2) {
        options_.po2_atm = args.number("a pressure in atm", "atmosphere po2");
        if (options_.po2_atm <= 0.0) error->all(FLERR, "fix reduce/oxygen: atmosphere po2: pO2 must be > 0 atm");
      } else {
        options_.h2_over_h2o = args.number("the ratio pH2/pH2O", "atmosphere h2/h2o");
        if (options_.h2_over_h2o <= 0.0)
          error->all(FLERR, "fix reduce/oxygen: atmosphere h2/h2o: pH2/pH2O must be > 0");
      }
    } else if (keyword == "reduce") {
      Reduction r;
      r.from_type = args.atom_type();
      r.to_type = args.atom_type();
      r.new_charge = args.number("the reduced cation's charge (without charges: the electrons it takes)");
      if (reduction_of(r.from_type))
        error->all(FLERR, "fix reduce/oxygen: reduce: type {} is given twice", r.from_type);
      options_.reductions.push_back(r);
    } else if (keyword == "reference") {
      options_.reference_ev = args.number("an energy in eV");
      options_.reference_given = true;
    } else if (keyword == "region") {
      options_.candidates.region = args.word("a region ID");
    } else if (keyword == "surface") {
      options_.candidates.surface_axis = args.axis();
      options_.candidates.surface_depth = args.positive_number("a depth in Å", "Å", "surface depth");
    } else if (keyword == "file") {
      options_.event_file = args.word("an event file name");
    } else if (keyword == "overwrite") {
      options_.overwrite = args.yes_no();
    } else if (keyword == "reversible") {
      options_.reversible = args.yes_no();
    } else if (keyword == "energy") {
      const EnergyMode modes[] = {EnergyMode::AUTO, EnergyMode::LOCAL, EnergyMode::FULL};
      options_.energy = modes[args.choice({"auto", "local", "full"})];
    } else if (keyword == "near" || keyword == "far") {
      exsolve::ParticleFilter filter;
      filter.near = keyword == "near";
      filter.track_id = args.word("the ID of a fix nanoparticle/track");
      filter.distance = args.positive_number("a distance in Å", "Å", keyword + " distance");
      options_.candidates.particle_filters.push_back(filter);
    } else if (keyword == "limit") {
      options_.limit = static_cast<double>(args.integer(1, MAXSMALLINT, "a number of removals >= 1"));
    } else if (keyword == "uncharged") {
      options_.uncharged = args.yes_no();
      options_.uncharged_given = true;
    } else if (keyword == "cutoff") {
      options_.cutoff = args.positive_number("a distance in Å", "Å");
    } else {
      args.unknown_keyword();
    }
  }
  if (!args.given("oxygen")) args.missing_keyword("oxygen");
}

void FixReduceOxygen::validate_options()
{
  if (!options_.candidates.region.empty() && !exsolve::compat::region_by_id(domain, options_.candidates.region))
    error->all(FLERR, "fix reduce/oxygen: region '{}' does not exist", options_.candidates.region);
  // Without charges in the atom style, moves are charge-free unless asked otherwise.
  if (!atom->q_flag) {
    if (options_.uncharged_given && !options_.uncharged)
      error->all(FLERR, "fix reduce/oxygen: uncharged no needs atom charges (an atom style with q, e.g. atom_style "
                        "charge)");
    options_.uncharged = true;
  }
  if (options_.uncharged)
    for (const Reduction &r : options_.reductions)
      if (r.new_charge <= 0.0)
        error->all(FLERR,
                   "fix reduce/oxygen: reduce {} {} {}: without charges the third value is the number of "
                   "electrons the cation takes (of the two an oxygen vacancy leaves), > 0",
                   r.from_type, r.to_type, r.new_charge);
  for (const Reduction &r : options_.reductions)
    if (r.from_type == options_.candidates.oxygen_type || r.to_type == options_.candidates.oxygen_type)
      error->all(FLERR, "fix reduce/oxygen: reduce {} {}: the oxygen type {} cannot be reduced or be a reduced cation",
                 r.from_type, r.to_type, options_.candidates.oxygen_type);
  if (options_.mu_given == (options_.atmosphere != Atmosphere::NONE))
    error->all(FLERR, "fix reduce/oxygen: give either mu (with temperature) or atmosphere, exactly one");
  if (options_.mu_given && options_.reference_given)
    error->all(FLERR, "fix reduce/oxygen: reference shifts an atmosphere's chemical potential onto the potential's "
                      "scale; mu is already on that scale: drop reference or use atmosphere");
  if (options_.mu_given && !options_.temperature_given)
    error->all(FLERR, "fix reduce/oxygen: mu needs the keyword temperature (the Monte Carlo temperature in K)");
  if (options_.atmosphere != Atmosphere::NONE && options_.temperature_given)
    error->all(FLERR, "fix reduce/oxygen: the temperature is the atmosphere's; do not give temperature too");
  if (options_.temperature_k <= 0.0) error->all(FLERR, "fix reduce/oxygen: the temperature must be > 0 K");
  if (strcmp(update->unit_style, "metal") != 0)
    error->all(FLERR, "fix reduce/oxygen: needs units metal (chemical potentials are in eV)");
  if (!atom->tag_enable) error->all(FLERR, "fix reduce/oxygen: needs atom IDs");

  // The chemical potential on the potential's scale.
  try {
    if (options_.mu_given) {
      mu_oxygen_ev_ = options_.mu_ev;
    } else if (options_.atmosphere == Atmosphere::PO2) {
      mu_oxygen_ev_ =
          options_.reference_ev +
          exsolve::thermo::delta_mu_oxygen(options_.temperature_k, options_.po2_atm * exsolve::thermo::BAR_PER_ATM);
    } else {
      mu_oxygen_ev_ =
          options_.reference_ev + exsolve::thermo::delta_mu_oxygen_h2_h2o(options_.temperature_k, options_.h2_over_h2o);
    }
  } catch (const std::exception &e) {
    error->all(FLERR, "fix reduce/oxygen: atmosphere: {}", e.what());
  }
}
