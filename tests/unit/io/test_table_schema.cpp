#include "io/table_schema.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

using namespace exsolve::io;

BOOST_AUTO_TEST_SUITE(table_schema)

// The header lines as the analyses have always written them (and docs/exsolve_analyze.md
// lists them): scripts and users read these tables by column name and position.
BOOST_AUTO_TEST_CASE(header_lines_are_the_documented_ones)
{
  BOOST_TEST(tables::particles.header_line() ==
             "frame,timestep,particle,atoms,equivalent_diameter_A,com_x_A,com_y_A,com_z_A,radius_of_gyration_A,"
             "height_A\n");
  BOOST_TEST(tables::frames.header_line() ==
             "frame,timestep,particles,free_atoms,mean_atoms,mean_equivalent_diameter_A,surface_area_nm2,"
             "density_per_nm2\n");
  BOOST_TEST(tables::size_distribution.header_line() == "frame,timestep,atoms,particles\n");
  BOOST_TEST(tables::bonds.header_line() ==
             "frame,timestep,particle,atoms,interface_atoms,bonds,bonds_per_interface_atom\n");
  BOOST_TEST(tables::bonds_frames.header_line() ==
             "frame,timestep,bonds,interface_atoms,metal_atoms,bonds_per_interface_atom,bonds_per_metal_atom\n");
  BOOST_TEST(tables::socket.header_line() ==
             "frame,timestep,particle,atoms,bottom_A,top_A,rim_height_A,reference_height_A,depth_local_A,"
             "depth_global_A,submerged_fraction,rim_cells\n");
  BOOST_TEST(tables::track.header_line() == "frame,timestep,particle,atoms,com_x_A,com_y_A,com_z_A,displacement_A\n");
  BOOST_TEST(tables::events.header_line() == "frame,timestep,event,particle,other,particle_atoms,other_atoms\n");
  BOOST_TEST(tables::msd.header_line() == "lag_ps,msd_A2,samples\n");
  BOOST_TEST(tables::segregation.header_line() ==
             "frame,timestep,layer,depth_A,dopants,metal_lattice,oxygen_sites,oxygen_vacancies\n");
  BOOST_TEST(tables::segregation_frames.header_line() ==
             "frame,timestep,top_A,dopants,metal_lattice,metal_adatoms,metal_in_particles,particles,mean_atoms,"
             "largest_particle_atoms,oxygen_sites,oxygen_vacancies\n");
  BOOST_TEST(tables::coarsening.header_line() == "frame,timestep,time_ps,particles,density_per_nm2,mean_radius_A\n");
  BOOST_TEST(tables::coarsening_fits.header_line() == "n,rate_A^n_per_ps,initial_radius_A,r_squared\n");
  BOOST_TEST(tables::comparison.header_line() ==
             "condition,duration_ps,oxygens_removed,bonds_per_interface_atom,bonds_per_interface_atom_error,"
             "diffusion_A2_per_ps,diffusion_error_A2_per_ps,diffusion_segments,msd_exponent,merges,particles_final,"
             "socket_depth_local_A,socket_depth_global_A,nve_drift_meV_per_atom_ps,replicas,duration_error_ps,"
             "oxygens_removed_error,msd_exponent_error,merges_error,particles_final_error,socket_depth_local_error_A,"
             "socket_depth_global_error_A,nve_drift_error_meV_per_atom_ps,chemical_potential_excess_eV,"
             "chemical_potential_excess_error_eV\n");
  BOOST_TEST(tables::comparison_replicas.header_line() ==
             "condition,replica,duration_ps,oxygens_removed,bonds_per_interface_atom,bonds_per_interface_atom_error,"
             "diffusion_A2_per_ps,diffusion_error_A2_per_ps,diffusion_segments,msd_exponent,merges,particles_final,"
             "socket_depth_local_A,socket_depth_global_A,nve_drift_meV_per_atom_ps,chemical_potential_excess_eV,"
             "chemical_potential_excess_error_eV\n");
  BOOST_TEST(tables::comparison_differences.header_line() ==
             "comparison,condition,baseline,quantity,basis,change,error,t,degrees_of_freedom,p_value,significant,"
             "replicas_needed,run_length_factor\n");
  BOOST_TEST(tables::series.header_line() == "time_ps,oxygens_removed,bonds_per_interface_atom,particles,msd_A2\n");
  BOOST_TEST(tables::chemical_potential.header_line() ==
             "time_ps,particle,atoms,chemical_potential_excess_eV,bonds_per_interface_atom\n");
}

BOOST_AUTO_TEST_CASE(file_names_and_gnuplot_columns)
{
  BOOST_TEST(tables::size_distribution.file() == "size_distribution.csv");
  BOOST_TEST(tables::series.file_for_condition("reducing") == "series_reducing.csv");
  // The positions the report's plots used before they were looked up by name.
  BOOST_TEST(tables::frames.gnuplot_column(column::density_per_nm2) == 8);
  BOOST_TEST(tables::frames.gnuplot_column(column::mean_atoms) == 5);
  BOOST_TEST(tables::socket.gnuplot_column(column::depth_local_A) == 9);
  BOOST_TEST(tables::coarsening.gnuplot_column(column::mean_radius_A) == 6);
  BOOST_TEST(tables::msd.gnuplot_column(column::lag_ps) == 1);
  BOOST_CHECK_EXCEPTION(tables::msd.gnuplot_column(column::frame), std::logic_error, [](const std::logic_error &e) {
    return std::string(e.what()) == "msd.csv has no column frame";
  });
}

BOOST_AUTO_TEST_SUITE_END()
