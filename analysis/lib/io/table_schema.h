// The names of what the analyses write and what is read back of it: each CSV table's file
// and columns in the order written, the other output files, and the sidecar keys that
// report and compare read. Writers print their header line from here; readers, plots and
// the sidecars' definitions name their columns from here, so a column is named in one
// place and a plot cannot drift to the wrong column number when one is added. The column
// meanings are in docs/exsolve_analyze.md and in each sidecar's "definitions".
#pragma once

#include "core/particle_linker.h"

#include <string>
#include <vector>

namespace exsolve {
namespace io {

// A CSV table: a header line of column names, then rows.
struct TableSchema {
  const char *stem;                   // file name without ".csv"
  std::vector<const char *> columns;  // in the order written

  std::string file() const;  // "<stem>.csv"
  // "<stem>_<condition>.csv": compare's copy or extract per condition.
  std::string file_for_condition(const std::string &condition) const;
  std::string header_line() const;  // "<column>,<column>,...\n"
  // The 1-based position of column `name`, as gnuplot's `using` counts; throws
  // std::logic_error when the table has no such column (a programming error).
  int gnuplot_column(const char *name) const;
};

namespace column {
// In several tables.
inline constexpr char frame[] = "frame";  // index over all dumps' frames, from 0
inline constexpr char timestep[] = "timestep";
inline constexpr char particle[] = "particle";  // label (particles) or persistent ID (track)
inline constexpr char atoms[] = "atoms";
inline constexpr char particles[] = "particles";  // how many
inline constexpr char com_x_A[] = "com_x_A";
inline constexpr char com_y_A[] = "com_y_A";
inline constexpr char com_z_A[] = "com_z_A";
inline constexpr char density_per_nm2[] = "density_per_nm2";
inline constexpr char interface_atoms[] = "interface_atoms";
inline constexpr char bonds_per_interface_atom[] = "bonds_per_interface_atom";
inline constexpr char time_ps[] = "time_ps";
inline constexpr char msd_A2[] = "msd_A2";
inline constexpr char oxygens_removed[] = "oxygens_removed";
inline constexpr char msd_exponent[] = "msd_exponent";
// particles
inline constexpr char equivalent_diameter_A[] = "equivalent_diameter_A";
inline constexpr char radius_of_gyration_A[] = "radius_of_gyration_A";
inline constexpr char height_A[] = "height_A";
inline constexpr char free_atoms[] = "free_atoms";
inline constexpr char mean_atoms[] = "mean_atoms";
inline constexpr char mean_equivalent_diameter_A[] = "mean_equivalent_diameter_A";
inline constexpr char surface_area_nm2[] = "surface_area_nm2";
// bonds
inline constexpr char bonds[] = "bonds";
inline constexpr char metal_atoms[] = "metal_atoms";
inline constexpr char bonds_per_metal_atom[] = "bonds_per_metal_atom";
// socket
inline constexpr char bottom_A[] = "bottom_A";
inline constexpr char top_A[] = "top_A";
inline constexpr char rim_height_A[] = "rim_height_A";
inline constexpr char reference_height_A[] = "reference_height_A";
inline constexpr char depth_local_A[] = "depth_local_A";
inline constexpr char depth_global_A[] = "depth_global_A";
inline constexpr char submerged_fraction[] = "submerged_fraction";
inline constexpr char rim_cells[] = "rim_cells";
// track
inline constexpr char displacement_A[] = "displacement_A";
inline constexpr char event[] = "event";  // one of event_kind
inline constexpr char other[] = "other";
inline constexpr char particle_atoms[] = "particle_atoms";
inline constexpr char other_atoms[] = "other_atoms";
inline constexpr char lag_ps[] = "lag_ps";
inline constexpr char samples[] = "samples";
// segregation
inline constexpr char layer[] = "layer";  // atomic layer below the top B plane: 0, 1, ...
inline constexpr char depth_A[] = "depth_A";
inline constexpr char dopants[] = "dopants";
inline constexpr char metal_lattice[] = "metal_lattice";
inline constexpr char metal_adatoms[] = "metal_adatoms";
inline constexpr char metal_in_particles[] = "metal_in_particles";
inline constexpr char largest_particle_atoms[] = "largest_particle_atoms";
inline constexpr char oxygen_sites[] = "oxygen_sites";
inline constexpr char oxygen_vacancies[] = "oxygen_vacancies";
// coarsening
inline constexpr char mean_radius_A[] = "mean_radius_A";
inline constexpr char growth_exponent[] = "n";
inline constexpr char growth_rate[] = "rate_A^n_per_ps";
inline constexpr char initial_radius_A[] = "initial_radius_A";
inline constexpr char r_squared[] = "r_squared";
// compare
inline constexpr char condition[] = "condition";
inline constexpr char duration_ps[] = "duration_ps";
inline constexpr char bonds_per_interface_atom_error[] = "bonds_per_interface_atom_error";
inline constexpr char diffusion_A2_per_ps[] = "diffusion_A2_per_ps";
inline constexpr char diffusion_error_A2_per_ps[] = "diffusion_error_A2_per_ps";
inline constexpr char diffusion_segments[] = "diffusion_segments";
inline constexpr char merges[] = "merges";
inline constexpr char particles_final[] = "particles_final";
inline constexpr char socket_depth_local_A[] = "socket_depth_local_A";
inline constexpr char socket_depth_global_A[] = "socket_depth_global_A";
inline constexpr char nve_drift_meV_per_atom_ps[] = "nve_drift_meV_per_atom_ps";
// mu_p - mu_bulk of compute particle/chemical_potential: per particle, or the atom-weighted
// mean over the particles
inline constexpr char chemical_potential_excess_eV[] = "chemical_potential_excess_eV";
inline constexpr char chemical_potential_excess_error_eV[] = "chemical_potential_excess_error_eV";
// compare with replicas: the standard errors over replicas of the quantities above
inline constexpr char replicas[] = "replicas";  // how many
inline constexpr char replica[] = "replica";    // which: 1 ... replicas
inline constexpr char duration_error_ps[] = "duration_error_ps";
inline constexpr char oxygens_removed_error[] = "oxygens_removed_error";
inline constexpr char msd_exponent_error[] = "msd_exponent_error";
inline constexpr char merges_error[] = "merges_error";
inline constexpr char particles_final_error[] = "particles_final_error";
inline constexpr char socket_depth_local_error_A[] = "socket_depth_local_error_A";
inline constexpr char socket_depth_global_error_A[] = "socket_depth_global_error_A";
inline constexpr char nve_drift_error_meV_per_atom_ps[] = "nve_drift_error_meV_per_atom_ps";
// compare's tests of each difference
inline constexpr char comparison_name[] = "comparison";  // NAME_vs_BASE
inline constexpr char baseline[] = "baseline";
inline constexpr char quantity[] = "quantity";
inline constexpr char basis[] = "basis";  // replicas, within_run or mixed
inline constexpr char change[] = "change";
inline constexpr char change_error[] = "error";
inline constexpr char t_statistic[] = "t";
inline constexpr char degrees_of_freedom[] = "degrees_of_freedom";
inline constexpr char p_value[] = "p_value";
inline constexpr char significant[] = "significant";  // 1 or 0
inline constexpr char replicas_needed[] = "replicas_needed";
inline constexpr char run_length_factor[] = "run_length_factor";
// compare on the exsolution study: one row per condition and quantity
inline constexpr char value[] = "value";
inline constexpr char error[] = "error";
inline constexpr char surface_nickel[] = "surface_nickel";
inline constexpr char nickel_reduced[] = "nickel_reduced";
inline constexpr char first_particle_ps[] = "first_particle_ps";
inline constexpr char births[] = "births";
inline constexpr char exchanges[] = "exchanges";
inline constexpr char hops[] = "hops";
inline constexpr char metal[] = "metal";  // Ni(0) atoms at an output step
}  // namespace column

// The values of events.csv's event column: the words of fix nanoparticle/track's event
// file, named once in core/particle_linker.
namespace event_kind = core::event_name;

namespace tables {
using namespace column;  // the lists below name columns unqualified (column::particles where a table shares the name)
// exsolve-analyze particles
inline const TableSchema particles{"particles",
                                   {frame, timestep, particle, atoms, equivalent_diameter_A, com_x_A, com_y_A, com_z_A,
                                    radius_of_gyration_A, height_A}};
inline const TableSchema frames{"frames",
                                {frame, timestep, column::particles, free_atoms, mean_atoms, mean_equivalent_diameter_A,
                                 surface_area_nm2, density_per_nm2}};
inline const TableSchema size_distribution{"size_distribution", {frame, timestep, atoms, column::particles}};
// exsolve-analyze bonds
inline const TableSchema bonds{"bonds",
                               {frame, timestep, particle, atoms, interface_atoms, column::bonds,
                                bonds_per_interface_atom}};
inline const TableSchema bonds_frames{"bonds_frames",
                                      {frame, timestep, column::bonds, interface_atoms, metal_atoms,
                                       bonds_per_interface_atom, bonds_per_metal_atom}};
// exsolve-analyze socket
inline const TableSchema socket{"socket",
                                {frame, timestep, particle, atoms, bottom_A, top_A, rim_height_A, reference_height_A,
                                 depth_local_A, depth_global_A, submerged_fraction, rim_cells}};
// exsolve-analyze track
inline const TableSchema track{"track", {frame, timestep, particle, atoms, com_x_A, com_y_A, com_z_A, displacement_A}};
inline const TableSchema events{"events", {frame, timestep, event, particle, other, particle_atoms, other_atoms}};
inline const TableSchema msd{"msd", {lag_ps, msd_A2, samples}};
// exsolve-analyze segregation
inline const TableSchema segregation{"segregation",
                                     {frame, timestep, layer, depth_A, dopants, metal_lattice, oxygen_sites,
                                      oxygen_vacancies}};
inline const TableSchema segregation_frames{"segregation_frames",
                                            {frame, timestep, top_A, dopants, metal_lattice, metal_adatoms,
                                             metal_in_particles, column::particles, mean_atoms, largest_particle_atoms,
                                             oxygen_sites, oxygen_vacancies}};
// exsolve-analyze coarsening
inline const TableSchema coarsening{"coarsening",
                                    {frame, timestep, time_ps, column::particles, density_per_nm2, mean_radius_A}};
inline const TableSchema coarsening_fits{"coarsening_fits",
                                         {growth_exponent, growth_rate, initial_radius_A, r_squared}};
// exsolve-analyze compare: one row per condition (means over its replicas; the columns
// of one run first, in the order they had before replicas, so that scripts reading them by
// position still work), one row per replica, one row per tested difference, and each
// run's time series
inline const TableSchema comparison{"comparison",
                                    {condition,
                                     duration_ps,
                                     oxygens_removed,
                                     bonds_per_interface_atom,
                                     bonds_per_interface_atom_error,
                                     diffusion_A2_per_ps,
                                     diffusion_error_A2_per_ps,
                                     diffusion_segments,
                                     msd_exponent,
                                     merges,
                                     particles_final,
                                     socket_depth_local_A,
                                     socket_depth_global_A,
                                     nve_drift_meV_per_atom_ps,
                                     replicas,
                                     duration_error_ps,
                                     oxygens_removed_error,
                                     msd_exponent_error,
                                     merges_error,
                                     particles_final_error,
                                     socket_depth_local_error_A,
                                     socket_depth_global_error_A,
                                     nve_drift_error_meV_per_atom_ps,
                                     chemical_potential_excess_eV,
                                     chemical_potential_excess_error_eV}};
inline const TableSchema comparison_replicas{"comparison_replicas",
                                             {condition, replica, duration_ps, oxygens_removed,
                                              bonds_per_interface_atom, bonds_per_interface_atom_error,
                                              diffusion_A2_per_ps, diffusion_error_A2_per_ps, diffusion_segments,
                                              msd_exponent, merges, particles_final, socket_depth_local_A,
                                              socket_depth_global_A, nve_drift_meV_per_atom_ps,
                                              chemical_potential_excess_eV, chemical_potential_excess_error_eV}};
inline const TableSchema comparison_differences{"comparison_differences",
                                                {comparison_name, condition, baseline, quantity, basis, change,
                                                 change_error, t_statistic, degrees_of_freedom, p_value, significant,
                                                 replicas_needed, run_length_factor}};
inline const TableSchema series{"series",
                                {time_ps, oxygens_removed, bonds_per_interface_atom, column::particles, msd_A2}};
inline const TableSchema exsolution_comparison{"exsolution_comparison", {condition, replicas, quantity, value, error}};
inline const TableSchema exsolution_replicas{"exsolution_replicas", {condition, replica, quantity, value}};
inline const TableSchema exsolution_differences{"exsolution_differences",
                                                {comparison_name, condition, baseline, quantity, change, change_error,
                                                 t_statistic, degrees_of_freedom, p_value, significant,
                                                 replicas_needed}};
inline const TableSchema exsolution_series{"exsolution_series", {time_ps, metal}};
inline const TableSchema chemical_potential{"chemical_potential",
                                            {time_ps, particle, atoms, chemical_potential_excess_eV,
                                             bonds_per_interface_atom}};
}  // namespace tables

// The other files the analyses write.
namespace output_file {
inline constexpr char particles_json[] = "particles.json";
inline constexpr char bonds_json[] = "bonds.json";
inline constexpr char bonds_annotated_dump[] = "bonds_annotated.dump";
inline constexpr char socket_json[] = "socket.json";
inline constexpr char segregation_json[] = "segregation.json";
inline constexpr char chemical_potential_json[] = "chemical_potential.json";
inline constexpr char track_json[] = "track.json";
inline constexpr char coarsening_json[] = "coarsening.json";
inline constexpr char report_html[] = "report.html";
inline constexpr char comparison_json[] = "comparison.json";
inline constexpr char comparison_html[] = "comparison.html";
}  // namespace output_file

// The keys of the sidecars that are read back (io/analysis_sidecars).
namespace sidecar_key {
// track.json: "diffusion" {D, its uncertainty, the MSD exponent, "blocks" {D, its standard
// error, segments}}
inline constexpr char diffusion[] = "diffusion";
inline constexpr char D_A2_per_ps[] = "D_A2_per_ps";
inline constexpr char D_uncertainty_A2_per_ps[] = "D_uncertainty_A2_per_ps";
inline constexpr char msd_exponent[] = "msd_exponent";
inline constexpr char blocks[] = "blocks";
inline constexpr char D_standard_error_A2_per_ps[] = "D_standard_error_A2_per_ps";
inline constexpr char segments[] = "segments";
// coarsening.json
inline constexpr char best_n[] = "best_n";
}  // namespace sidecar_key

}  // namespace io
}  // namespace exsolve
