// A many-body style's compute() on the host atom arrays, which is what ManyBodyCluster runs
// on a cluster. A Kokkos variant's compute() works on its device views and its Kokkos
// neighbor list, neither of which holds the cluster. sw/kk and tersoff/kk keep their base
// style's host parameters (their coeff() fills them through the base style's, then copies
// them to the device), so the base style's compute() evaluates the same model on the host.
#pragma once

namespace LAMMPS_NS {
class Pair;
}  // namespace LAMMPS_NS

namespace exsolve {

// Whether compute_on_host can evaluate the style: a host style, sw/kk or tersoff/kk.
bool computes_on_host(LAMMPS_NS::Pair *pair);
// The style's energy of the atoms in its current neighbor lists into eng_vdwl/eng_coul, no
// virial (forces go to atom->f).
void compute_on_host(LAMMPS_NS::Pair *pair, int eflag);

}  // namespace exsolve
