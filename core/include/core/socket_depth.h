// Socket depth of particles in a support surface (Kim et al. JACS 2019; Neagu et al. Nat.
// Commun. 2015: socketed particles resist coarsening). The support surface is mapped on a
// grid over the cell face normal to the surface axis (the highest support atom per cell;
// a tilted cell must have such a face, else std::invalid_argument). Per particle:
// - local rim height: mean of the cell maxima in an annulus around the particle's
//   in-plane centre, from (lateral radius + cell) to that plus ring_width;
// - global reference height: mean of the cell maxima farther than that annulus from every
//   particle (the flat surface between particles);
// - socket depths = reference heights - the particle's lowest atom (positive: below the
//   surface), and the submerged fraction of the particle's height (0..1, local rim).
// Plain C++14, no I/O.
#pragma once

#include "core/periodic_box.h"

#include <cstdint>
#include <vector>

namespace exsolve {
namespace core {

struct SocketInput {
  const std::vector<Vec3> *positions = nullptr;
  const std::vector<char> *is_support = nullptr;
  const std::vector<std::int64_t> *particle_of_atom = nullptr;  // label per atom, 0: not in a particle
};

struct SocketOptions {
  int surface_axis = 2;
  double cell = 3.0;        // Å, grid spacing of the surface map
  double ring_width = 5.0;  // Å
};

struct SocketRecord {
  std::int64_t particle = 0;
  double bottom = 0.0, top = 0.0;   // lowest and highest atom along the axis
  double rim_height = 0.0;          // NaN-free: equals reference_height if no rim cell
  double depth_local = 0.0;         // rim_height - bottom
  double depth_global = 0.0;        // reference_height - bottom
  double submerged_fraction = 0.0;  // (rim_height - bottom) / (top - bottom), clamped
  int rim_cells = 0;
};

struct SocketResult {
  double reference_height = 0.0;
  int reference_cells = 0;
  std::vector<SocketRecord> particles;  // by label
};

SocketResult measure_sockets(const SocketInput &input, const PeriodicBox &box, const SocketOptions &options);

}  // namespace core
}  // namespace exsolve
