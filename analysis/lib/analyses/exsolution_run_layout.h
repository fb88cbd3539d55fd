// What a run directory of the exsolution study holds and exsolve-analyze compare reads:
// the files inputs/exsolution/exsolution.in writes, the columns of its fix ave/time
// series, and where inputs/exsolution/study.sh puts the segregation analysis of its dump.
// Those scripts choose the names; this is their one place on the C++ side. It lives with
// compare (analyses/), not in io/: it is a description of the study's run directories,
// not a file format.
#pragma once

namespace exsolve {
namespace analyses {
namespace exsolution_run {

inline constexpr char series_file[] = "series.txt";  // fix series ... ave/time ... file series.txt
// exsolve-analyze segregation on the run's dump.lammpstrj, into this subdirectory
inline constexpr char segregation_directory[] = "segregation";

namespace series_column {
inline constexpr char time_ps[] = "v_time_ps";
inline constexpr char oxygens_removed[] = "v_removed";  // fix reduce/oxygen, so far
inline constexpr char dopants[] = "c_ni2";              // Ni2+ left
inline constexpr char metal[] = "v_ni0";                // Ni(0): the reduced nickel
inline constexpr char exchanges[] = "f_exchange[2]";    // fix exchange/cations: accepted so far
inline constexpr char hops[] = "f_hops[2]";             // fix vacancy/hop: accepted so far
inline constexpr char particles[] = "f_track[1]";       // fix nanoparticle/track: living particles
inline constexpr char births[] = "f_track[3]";          // particles born so far
}  // namespace series_column

// The layers (0: the top B plane, 1 the AO plane below, 2 the next B plane) counted as the
// surface when nickel brought there is counted.
inline constexpr int surface_layers = 3;

}  // namespace exsolution_run
}  // namespace analyses
}  // namespace exsolve
