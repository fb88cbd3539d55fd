#include "core/socket_depth.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace exsolve {
namespace core {

SocketResult measure_sockets(const SocketInput &input, const OrthogonalBox &box, const SocketOptions &options)
{
  const std::vector<Vec3> &x = *input.positions;
  const int axis = options.surface_axis, a = (axis + 1) % 3, b = (axis + 2) % 3;
  if (!(options.cell > 0.0) || !(options.ring_width > 0.0))
    throw std::invalid_argument("measure_sockets: cell and ring width must be > 0");
  const int na = std::max(1, static_cast<int>(box.length(a) / options.cell));
  const int nb = std::max(1, static_cast<int>(box.length(b) / options.cell));
  const double wa = box.length(a) / na, wb = box.length(b) / nb;
  const double lowest = -std::numeric_limits<double>::infinity();

  // Surface map: highest support atom per cell.
  std::vector<double> top(static_cast<std::size_t>(na) * nb, lowest);
  auto wrap_index = [](double s, double lo, double w, int n) {
    int k = static_cast<int>(std::floor((s - lo) / w)) % n;
    return k < 0 ? k + n : k;
  };
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(*input.is_support)[i]) continue;
    const int ia = wrap_index(x[i][a], box.lo[a], wa, na), ib = wrap_index(x[i][b], box.lo[b], wb, nb);
    double &cell_top = top[static_cast<std::size_t>(ia) * nb + ib];
    cell_top = std::max(cell_top, x[i][axis]);
  }

  // Particles: in-plane centre (minimum image from the first atom seen), extent.
  struct Shape {
    Vec3 first{{0.0, 0.0, 0.0}};
    double sum_a = 0.0, sum_b = 0.0, bottom = 0.0, top = 0.0;
    long atoms = 0;
    double radius = 0.0;
    double centre_a = 0.0, centre_b = 0.0;
  };
  std::map<std::int64_t, Shape> shapes;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::int64_t p = (*input.particle_of_atom)[i];
    if (p == 0) continue;
    Shape &s = shapes[p];
    if (s.atoms == 0) {
      s.first = x[i];
      s.bottom = s.top = x[i][axis];
    }
    const Vec3 d = box.minimum_image(s.first, x[i]);
    s.sum_a += d[a];
    s.sum_b += d[b];
    s.bottom = std::min(s.bottom, x[i][axis]);
    s.top = std::max(s.top, x[i][axis]);
    ++s.atoms;
  }
  for (auto &entry : shapes) {
    Shape &s = entry.second;
    s.centre_a = s.first[a] + s.sum_a / s.atoms;
    s.centre_b = s.first[b] + s.sum_b / s.atoms;
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::int64_t p = (*input.particle_of_atom)[i];
    if (p == 0) continue;
    Shape &s = shapes[p];
    Vec3 centre = x[i];
    centre[a] = s.centre_a;
    centre[b] = s.centre_b;
    const Vec3 d = box.minimum_image(centre, x[i]);
    s.radius = std::max(s.radius, std::sqrt(d[a] * d[a] + d[b] * d[b]));
  }

  // In-plane distance from a cell centre to a particle centre (minimum image).
  auto distance = [&](int ia, int ib, const Shape &s) {
    Vec3 cell = {{0.0, 0.0, 0.0}}, centre = {{0.0, 0.0, 0.0}};
    cell[a] = box.lo[a] + (ia + 0.5) * wa;
    cell[b] = box.lo[b] + (ib + 0.5) * wb;
    centre[a] = s.centre_a;
    centre[b] = s.centre_b;
    const Vec3 d = box.minimum_image(centre, cell);
    return std::sqrt(d[a] * d[a] + d[b] * d[b]);
  };

  SocketResult result;
  double reference_sum = 0.0;
  for (int ia = 0; ia < na; ++ia)
    for (int ib = 0; ib < nb; ++ib) {
      const double h = top[static_cast<std::size_t>(ia) * nb + ib];
      if (h == lowest) continue;
      bool far = true;
      for (const auto &entry : shapes)
        if (distance(ia, ib, entry.second) < entry.second.radius + options.cell + options.ring_width) far = false;
      if (far) {
        reference_sum += h;
        ++result.reference_cells;
      }
    }
  result.reference_height = result.reference_cells > 0 ? reference_sum / result.reference_cells : 0.0;

  for (const auto &entry : shapes) {
    const Shape &s = entry.second;
    SocketRecord r;
    r.particle = entry.first;
    r.bottom = s.bottom;
    r.top = s.top;
    double rim_sum = 0.0;
    const double inner = s.radius + options.cell, outer = inner + options.ring_width;
    for (int ia = 0; ia < na; ++ia)
      for (int ib = 0; ib < nb; ++ib) {
        const double h = top[static_cast<std::size_t>(ia) * nb + ib];
        if (h == lowest) continue;
        const double dist = distance(ia, ib, s);
        if (dist >= inner && dist < outer) {
          rim_sum += h;
          ++r.rim_cells;
        }
      }
    r.rim_height = r.rim_cells > 0 ? rim_sum / r.rim_cells : result.reference_height;
    r.depth_local = r.rim_height - r.bottom;
    r.depth_global = result.reference_height - r.bottom;
    const double height = r.top - r.bottom;
    r.submerged_fraction = height > 0.0 ? std::min(1.0, std::max(0.0, r.depth_local / height)) : 0.0;
    result.particles.push_back(r);
  }
  return result;
}

}  // namespace core
}  // namespace exsolve
