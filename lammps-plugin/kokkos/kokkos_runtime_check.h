// The plugin's /kk classes are compiled against one Kokkos (its version and back ends fix
// their device and host types and the layout of every View): refuse to run inside a LAMMPS
// whose Kokkos is another, with both named, before any /kk style can be created.
#pragma once

namespace LAMMPS_NS {
class LAMMPS;
}

namespace exsolve {

// Stops LAMMPS with an error naming both Kokkos builds when they differ. Without "-k on"
// LAMMPS never initializes Kokkos and no /kk style can run: nothing is checked then.
void refuse_other_kokkos(LAMMPS_NS::LAMMPS *lmp);

}  // namespace exsolve
