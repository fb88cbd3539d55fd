#include "pair_energy_terms.h"

#include "host_compute.h"
#include "meam_screening.h"
#include "snap_energy.h"

#include "compat.h"
#include "lammps_internals.h"

#include "atom.h"
#include "atom_vec.h"
#include "fix.h"
#include "force.h"
#include "kspace.h"
#include "math_const.h"
#include "modify.h"
#include "neighbor.h"
#include "pair.h"
#include "pair_hybrid.h"

#include <algorithm>
#include <cmath>
#include <map>

using namespace LAMMPS_NS;

namespace exsolve {
namespace {

// Pair styles whose energy is a sum over pairs of a function of the two types, charges and
// the distance (Pair::single gives it), plus, for the damped Coulomb styles, a self term
// -(e_shift/2 + alpha/sqrt(pi)) q^2 per atom (Fennell & Gezelter 2006; Wolf et al. 1999):
// the styles whose compute() was read and whose local energy difference is tested. sw is
// one only with `threebody off` (many_body_local).
enum class SelfKind { NONE, DSF, WOLF };
const std::map<std::string, SelfKind> &pairwise_styles()
{
  static const std::map<std::string, SelfKind> styles = {
      {"zero", SelfKind::NONE},      {"lj/cut", SelfKind::NONE}, {"lj/cut/coul/cut", SelfKind::NONE},
      {"coul/cut", SelfKind::NONE},  {"buck", SelfKind::NONE},   {"buck/coul/cut", SelfKind::NONE},
      {"born", SelfKind::NONE},      {"morse", SelfKind::NONE},  {"table", SelfKind::NONE},
      {"coul/dsf", SelfKind::DSF},   {"sw", SelfKind::NONE},     {"lj/cut/coul/dsf", SelfKind::DSF},
      {"coul/wolf", SelfKind::WOLF}, {"zbl", SelfKind::NONE}};
  return styles;
}

// A style name without the accelerator suffix LAMMPS appended (-sf kk, omp, opt), and
// meam for meam/c, the other name of the same class in LAMMPS 29 Sep 2021.
std::string base_style(std::string name)
{
  if (name == "meam/c") return "meam";
  for (const char *suffix : {"/kk/device", "/kk/host", "/kk", "/omp", "/opt", "/gpu", "/intel"}) {
    const std::string s(suffix);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
      return name.substr(0, name.size() - s.size());
  }
  return name;
}

using internals::HybridMembers;

// The self energy per squared charge of the damped Coulomb styles, -(e_shift/2 + alpha/sqrt(pi)).
double dsf_energy_per_charge_sq(const internals::DampedShiftedForce &dsf)
{
  return -(dsf.e_shift / 2.0 + dsf.alpha / MathConst::MY_PIS);
}
double wolf_energy_per_charge_sq(const internals::WolfParameters &wolf)
{
  return -(std::erfc(wolf.alpha * wolf.cut_coul) / wolf.cut_coul / 2.0 + wolf.alpha / MathConst::MY_PIS);
}

// lj/cut/coul/dsf's single() takes erfc() exactly while its compute() (host and Kokkos)
// takes the polynomial of Abramowitz & Stegun 7.1.26 (which is why it sets single_enable =
// 0): its pair energy is computed here as compute() does, from its parameters.
double lj_cut_coul_dsf_energy(Pair *p, int itype, int jtype, double qi, double qj, double rsq, double qqrd2e)
{
  // Abramowitz & Stegun 7.1.26, the constants of LAMMPS's compute().
  constexpr double EWALD_P = 0.3275911, A1 = 0.254829592, A2 = -0.284496736, A3 = 1.421413741, A4 = -1.453152027,
                   A5 = 1.061405429;
  const internals::LennardJonesTables lj = internals::LJCutCoulDSFMembers::lj(p);
  const internals::DampedShiftedForce dsf = internals::LJCutCoulDSFMembers::dsf(p);
  double energy = 0.0;
  if (rsq < lj.cut_ljsq[itype][jtype]) {
    const double r2inv = 1.0 / rsq, r6inv = r2inv * r2inv * r2inv;
    energy += r6inv * (lj.lj3[itype][jtype] * r6inv - lj.lj4[itype][jtype]) - lj.offset[itype][jtype];
  }
  if (rsq < dsf.cut_coulsq) {
    const double r = std::sqrt(rsq), prefactor = qqrd2e * qi * qj / r;
    const double erfcd = std::exp(-dsf.alpha * dsf.alpha * r * r), t = 1.0 / (1.0 + EWALD_P * dsf.alpha * r);
    const double erfcc = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * erfcd;
    energy += prefactor * (erfcc - r * dsf.e_shift - rsq * dsf.f_shift);
  }
  return energy;
}

// coul/wolf sets single_enable = 0 ("not yet correct": its forces with special bonds); its
// pair energy is computed here as its compute() does.
double coul_wolf_energy(Pair *p, double qi, double qj, double rsq, double qqrd2e)
{
  const internals::WolfParameters wolf = internals::CoulWolfMembers::wolf(p);
  if (rsq >= wolf.cut_coulsq) return 0.0;
  const double e_shift = std::erfc(wolf.alpha * wolf.cut_coul) / wolf.cut_coul;
  const double r = std::sqrt(rsq);
  return (std::erfc(wolf.alpha * r) - e_shift * r) * (qqrd2e * qi * qj / r);
}

// Many-body styles whose energy is a sum of per-atom terms, each a function of one atom and
// its neighbors within the style's cutoff (no neighbors of ghosts, no charges, no
// communication beyond forward/reverse of per-atom values): ManyBodyCluster evaluates them on
// the atoms near a move. The styles whose compute() was read and whose local energy
// difference is tested against LAMMPS's own (tests/lammps/reduce_oxygen/energy_oracle.sh),
// each with its /kk variant too: EAM summed from tables made on the host (EamTables), SNAP
// from its host coefficients (SnapEnergy), sw and tersoff by their base style's compute()
// and meam/kk on a host copy of its model (host_compute.h). sw with `threebody off` (LAMMPS 2023
// on) clears manybody_flag and enables single(): its two-body term is a pairwise style here
// (the host compute() would count each pair twice on the full list sw/kk requests).
bool many_body_local(const std::string &name, const Pair *pair)
{
  static const std::vector<std::string> styles = {"eam", "eam/alloy", "eam/fs", "sw", "tersoff", "snap", "meam"};
  return pair->manybody_flag && std::find(styles.begin(), styles.end(), name) != styles.end();
}

// The styles whose pair energy is computed here (their single() is not their compute()).
bool computed_here(const std::string &name)
{
  return name == "lj/cut/coul/dsf" || name == "coul/wolf";
}

// The many-body styles whose energy ManyBodyCluster sums from their spline tables
// (EamTables), for the host and the Kokkos variants alike.
bool eam_family(const std::string &name)
{
  return name == "eam" || name == "eam/alloy" || name == "eam/fs";
}

// One (sub-)style of the model with the atom types it acts on.
struct StyleInUse {
  std::string name;  // without suffix
  Pair *pair;
  std::vector<bool> acts_on;                    // per type: the style has a term between this type and some type
  std::vector<std::vector<bool>> acts_on_pair;  // per type pair
};

// The style's largest cutoff over the type pairs it acts on (Å): its cutsq, which Pair::init
// (pair hybrid's init_one, for a sub-style) set for the run.
double largest_cutoff(const StyleInUse &style)
{
  double largest_sq = 0.0;
  for (std::size_t i = 1; i < style.acts_on_pair.size(); ++i)
    for (std::size_t j = 1; j < style.acts_on_pair.size(); ++j)
      if (style.acts_on_pair[i][j]) largest_sq = std::max(largest_sq, style.pair->cutsq[i][j]);
  return std::sqrt(largest_sq);
}

// How far beyond its cutoff a term of pair style meam reaches (Å): (sqrt(ebound) - 1) rc.
double meam_reach_beyond_cutoff(const StyleInUse &meam)
{
  return (meam_screening_reach_factor(meam.pair) - 1.0) * largest_cutoff(meam);
}

std::vector<StyleInUse> styles_in_use(LAMMPS *lmp)
{
  const int ntypes = lmp->atom->ntypes;
  std::vector<StyleInUse> styles;
  const std::string name = base_style(lmp->force->pair_style);
  if (name != "hybrid" && name != "hybrid/overlay") {
    styles.push_back({name, lmp->force->pair, std::vector<bool>(ntypes + 1, true),
                      std::vector<std::vector<bool>>(ntypes + 1, std::vector<bool>(ntypes + 1, true))});
    return styles;
  }
  auto *hybrid = static_cast<PairHybrid *>(lmp->force->pair);
  for (int m = 0; m < HybridMembers::count(hybrid); ++m)
    styles.push_back({base_style(HybridMembers::keyword(hybrid, m)), HybridMembers::style(hybrid, m),
                      std::vector<bool>(ntypes + 1, false),
                      std::vector<std::vector<bool>>(ntypes + 1, std::vector<bool>(ntypes + 1, false))});
  for (int i = 1; i <= ntypes; ++i)
    for (int j = 1; j <= ntypes; ++j)
      for (int k = 0; k < HybridMembers::n_mapped(hybrid, i, j); ++k) {
        StyleInUse &style = styles[HybridMembers::mapped(hybrid, i, j, k)];
        style.acts_on[i] = style.acts_on[j] = true;
        style.acts_on_pair[i][j] = style.acts_on_pair[j][i] = true;
      }
  return styles;
}

}  // namespace

std::string PairEnergyTerms::why_not_local(const std::vector<int> &changed_types)
{
  if (force->kspace)
    return fmt::format("kspace_style {} couples every pair of charges in the system", force->kspace_style);
  if (atom->molecular != Atom::ATOMIC) return "the system has bonds (a molecular atom style)";
  // Counted at neigh_modify (Neighbor::exclude itself is set at the neighbor init, after the
  // fixes' init).
  if (neighbor->nex_type || neighbor->nex_group || neighbor->nex_mol)
    return "neigh_modify exclude leaves pairs out of LAMMPS's energy that the atoms near a move would count";
  for (Fix *fix : compat::fixes(modify)) {
    if (fix->setmask() & FixConst::PRE_FORCE)
      return fmt::format("fix {} ({}) acts before every force evaluation (e.g. charge equilibration), so a move "
                         "can change atoms it does not touch",
                         fix->id, fix->style);
    if (fix->energy_global_flag && fix->thermo_energy)
      return fmt::format("fix {} ({}) adds energy to pe (fix_modify energy yes)", fix->id, fix->style);
  }
  if (!force->pair) return "";
  if (force->pair->tail_flag) return "pair_modify tail yes: the tail correction depends on the number of atoms";
  const std::string name = base_style(force->pair_style);
  if (name.compare(0, 6, "hybrid") == 0 && name != "hybrid" && name != "hybrid/overlay")
    return fmt::format("pair_style {} is not supported by local energies (hybrid and hybrid/overlay are)", name);
  for (const StyleInUse &style : styles_in_use(lmp)) {
    bool touched = false;
    int type_touched = 0;
    for (int type : changed_types)
      if (style.acts_on[type]) {
        touched = true;
        type_touched = type;
      }
    if (!touched) continue;
    if (many_body_local(style.name, style.pair)) {
      // A Kokkos style computes on its device copies. EAM's tables are made again on the
      // host (EamTables), SNAP's energy comes from its host coefficients (SnapEnergy), sw/kk
      // and tersoff/kk run their base style's compute(), meam/kk the host meam's on a copy of
      // its model (host_compute.h), where the plugin was built with meam/kk.
      if (style.pair->kokkosable && !eam_family(style.name) && !SnapEnergy::applies(style.pair) &&
          !HostCompute::possible(style.pair))
        return fmt::format("pair style {} acts on type {}, which the move changes, and is a Kokkos many-body style "
                           "that exsolve evaluates only as the host style ('suffix off' before its pair_style)",
                           style.name + "/kk", type_touched);
      // Screening past rc + skin: LAMMPS's lists miss some screening atoms, and which ones
      // depends on which atom of a pair its half list puts first.
      if (style.name != "meam") continue;
      const double reach = meam_reach_beyond_cutoff(style);
      if (neighbor->skin < reach)
        return fmt::format("pair style meam acts on type {}, which the move changes, and screens a pair by atoms up "
                           "to {:.4g} Å beyond its cutoff {:.4g} Å, more than the neighbor skin {:.4g} Å, so that "
                           "LAMMPS's own energy depends on its neighbor lists (a neighbor skin of at least {:.4g} Å "
                           "makes it exact)",
                           type_touched, reach, largest_cutoff(style), neighbor->skin, reach);
      continue;
    }
    if (!pairwise_styles().count(style.name) || !(style.pair->single_enable || computed_here(style.name)))
      return fmt::format("pair style {} acts on type {}, which the move changes, and is neither a sum of pair terms "
                         "nor a many-body style known to exsolve (machine-learned with long-range or charge "
                         "terms, or untested)",
                         style.name, type_touched);
  }
  return "";
}

std::vector<ManyBodyCluster::Style> PairEnergyTerms::many_body_styles(const std::vector<int> &changed_types)
{
  std::vector<ManyBodyCluster::Style> found;
  if (!force->pair) return found;
  for (const StyleInUse &style : styles_in_use(lmp)) {
    if (!many_body_local(style.name, style.pair)) continue;
    bool touched = false;
    for (int type : changed_types) touched = touched || style.acts_on[type];
    // MEAM's terms reach sqrt(ebound) rc (meam_screening.h; why_not_local refuses a skin
    // shorter than the reach beyond rc).
    const double reach_beyond_cutoff = style.name == "meam" ? meam_reach_beyond_cutoff(style) : 0.0;
    if (touched) found.push_back({style.pair, style.acts_on_pair, eam_family(style.name), reach_beyond_cutoff});
  }
  return found;
}

void PairEnergyTerms::setup()
{
  self_terms_.clear();
  hybrid_ = nullptr;
  if (!force->pair) return;
  const std::string name = base_style(force->pair_style);
  if (name == "hybrid" || name == "hybrid/overlay") hybrid_ = static_cast<PairHybrid *>(force->pair);
  own_energy_.clear();
  for (const StyleInUse &style : styles_in_use(lmp)) {
    own_energy_.push_back(many_body_local(style.name, style.pair) ? OwnEnergy::MANY_BODY
                          : style.name == "lj/cut/coul/dsf"       ? OwnEnergy::LJ_CUT_COUL_DSF
                          : style.name == "coul/wolf"             ? OwnEnergy::COUL_WOLF
                                                                  : OwnEnergy::NONE);
    const auto known = pairwise_styles().find(style.name);
    if (known == pairwise_styles().end() || known->second == SelfKind::NONE) continue;
    double per_charge_sq = 0.0;
    if (style.name == "coul/dsf") per_charge_sq = dsf_energy_per_charge_sq(internals::CoulDSFMembers::dsf(style.pair));
    else if (style.name == "lj/cut/coul/dsf")
      per_charge_sq = dsf_energy_per_charge_sq(internals::LJCutCoulDSFMembers::dsf(style.pair));
    else per_charge_sq = wolf_energy_per_charge_sq(internals::CoulWolfMembers::wolf(style.pair));
    self_terms_.push_back({per_charge_sq * force->qqrd2e, style.acts_on});
  }
}

void PairEnergyTerms::reserve_scratch_atoms()
{
  const int n_all = atom->nlocal + atom->nghost;
  if (atom->nmax < n_all + 2) atom->avec->grow(n_all + 2);
  scratch_i_ = n_all;
  scratch_j_ = n_all + 1;
}

double PairEnergyTerms::pair_energy(int itype, double qi, int jtype, double qj, double rsq)
{
  Pair *pair = force->pair;
  if (!pair || rsq >= pair->cutsq[itype][jtype]) return 0.0;
  // Pair::single reads the charges from the atom arrays: two slots past the local and ghost
  // atoms hold them (no LAMMPS code reads those slots).
  if (atom->q_flag) {
    atom->q[scratch_i_] = qi;
    atom->q[scratch_j_] = qj;
  }
  if (!hybrid_) return style_energy(pair, own_energy_[0], itype, qi, jtype, qj, rsq);
  // Each sub-style of the type pair within its own cutoff (PairHybrid::single would refuse a
  // sub-style with single_enable = 0).
  double energy = 0.0;
  for (int k = 0; k < HybridMembers::n_mapped(hybrid_, itype, jtype); ++k) {
    const int m = HybridMembers::mapped(hybrid_, itype, jtype, k);
    Pair *style = HybridMembers::style(hybrid_, m);
    if (rsq < style->cutsq[itype][jtype]) energy += style_energy(style, own_energy_[m], itype, qi, jtype, qj, rsq);
  }
  return energy;
}

double PairEnergyTerms::style_energy(Pair *style, OwnEnergy own, int itype, double qi, int jtype, double qj, double rsq)
{
  if (own == OwnEnergy::MANY_BODY) return 0.0;  // ManyBodyCluster's part
  if (own == OwnEnergy::LJ_CUT_COUL_DSF) return lj_cut_coul_dsf_energy(style, itype, jtype, qi, qj, rsq, force->qqrd2e);
  if (own == OwnEnergy::COUL_WOLF) return coul_wolf_energy(style, qi, qj, rsq, force->qqrd2e);
  double force_over_r = 0.0;
  return style->single(scratch_i_, scratch_j_, itype, jtype, rsq, 1.0, 1.0, force_over_r);
}

double PairEnergyTerms::self_energy(int type, double q) const
{
  double energy = 0.0;
  for (const SelfTerm &term : self_terms_)
    if (term.applies_to[type]) energy += term.energy_per_charge_sq * q * q;
  return energy;
}

bool PairEnergyTerms::has_pair_terms() const
{
  if (!force->pair) return false;
  return std::any_of(own_energy_.begin(), own_energy_.end(), [](OwnEnergy own) { return own != OwnEnergy::MANY_BODY; });
}

double PairEnergyTerms::cutoff() const
{
  return force->pair ? force->pair->cutforce : 0.0;
}

}  // namespace exsolve
