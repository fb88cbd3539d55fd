// What a run directory of the demo holds and exsolve-analyze compare reads: the files
// inputs/demo/demo.in writes, the columns of its fix ave/time series, and where
// inputs/demo/run.sh puts each run's report. Those scripts choose the names; this is
// their one place on the C++ side. It lives with compare (analyses/), not in io/: it is
// a description of the demo's run directories, not a file format.
#pragma once

#include <cstddef>

namespace exsolve {
namespace analyses {
namespace demo_run {

inline constexpr char series_file[] = "series.txt";  // fix series ... ave/time ... file series.txt
inline constexpr char events_file[] = "events.txt";  // fix track ... nanoparticle/track ... file events.txt
inline constexpr char nve_file[] = "nve.txt";        // print ... file nve.txt: the NVE drift line
// fix mu_rows ... ave/time ... c_mu[*] mode vector file chemical_potential.txt: compute
// particle/chemical_potential's rows (runs of older demo versions have no such file)
inline constexpr char chemical_potential_file[] = "chemical_potential.txt";
inline constexpr char report_directory[] = "report";  // exsolve-analyze report -o <run>/report

// The columns of series.txt, named by fix ave/time after its inputs.
namespace series_column {
inline constexpr char time_ps[] = "v_time_ps";
inline constexpr char oxygens_removed[] = "v_removed";            // so far (fix reduce/oxygen; 0 when not reducing)
inline constexpr char bonds_per_interface_atom[] = "c_bonds[3]";  // compute interface/bonds, element 3
inline constexpr char particles[] = "f_track[1]";                 // fix nanoparticle/track, element 1
inline constexpr char msd_A2[] = "f_track[8]";                    // element 8: MSD since birth
}  // namespace series_column

// The columns of chemical_potential.txt: compute particle/chemical_potential's array.
namespace chemical_potential_column {
inline constexpr char atoms[] = "c_mu[2]";
inline constexpr char excess_eV[] = "c_mu[4]";                 // mu_p - mu_bulk
inline constexpr char bonds_per_interface_atom[] = "c_mu[7]";  // its `bonds` column, if given
inline constexpr char particle[] = "c_mu[1]";
// Column 7 holds the bonds only when the compute had `bonds`: then the file has 10 columns
// (7 from demos before the compute's running-average columns 8-10); without, 9 (or 6).
inline bool has_bonds(std::size_t columns)
{
  return columns == 10 || columns == 7;
}
}  // namespace chemical_potential_column

}  // namespace demo_run
}  // namespace analyses
}  // namespace exsolve
