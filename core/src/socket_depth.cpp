#include "core/socket_depth.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace exsolve {
namespace core {

namespace {

// The surface map's grid: na x nb cells of the surface plane, a face of the cell, spanned
// by its two in-plane cell vectors u and v (components along the in-plane axes a, b). v is
// reduced against u first (v - round(u.v / u.u) u spans the same lattice), so a cell given
// with a tilt of a whole lattice vector gets the grid of its orthogonal equivalent.
class SurfaceGrid {
 public:
  SurfaceGrid(const PeriodicBox &box, int axis, double cell) : a_((axis + 1) % 3), b_((axis + 2) % 3)
  {
    if (!box.face_normal_to(axis))
      throw std::invalid_argument(std::string("measure_sockets: no face of the tilted cell is normal to the surface "
                                              "axis ") +
                                  "xyz"[axis]);
    lo_ = {{box.lo[a_], box.lo[b_]}};
    const Vec3 u = box.cell_vector(a_), v = box.cell_vector(b_);
    u_ = {{u[a_], u[b_]}};
    v_ = {{v[a_], v[b_]}};
    const double images = std::nearbyint((u_[0] * v_[0] + u_[1] * v_[1]) / (u_[0] * u_[0] + u_[1] * u_[1]));
    v_ = {{v_[0] - images * u_[0], v_[1] - images * u_[1]}};
    det_ = u_[0] * v_[1] - u_[1] * v_[0];
    na_ = std::max(1, static_cast<int>(std::hypot(u_[0], u_[1]) / cell));
    nb_ = std::max(1, static_cast<int>(std::hypot(v_[0], v_[1]) / cell));
  }

  int na() const { return na_; }
  int nb() const { return nb_; }

  // Flat index of the cell holding x's projection on the plane (periodic in both directions).
  std::size_t cell_of(const Vec3 &x) const
  {
    const double da = x[a_] - lo_[0], db = x[b_] - lo_[1];
    const double tu = (da * v_[1] - db * v_[0]) / det_, tv = (u_[0] * db - u_[1] * da) / det_;
    return static_cast<std::size_t>(wrap(tu, na_)) * nb_ + wrap(tv, nb_);
  }

  // The centre of cell (ia, ib) in the plane; 0 along the surface axis.
  Vec3 centre(int ia, int ib) const
  {
    const double tu = (ia + 0.5) / na_, tv = (ib + 0.5) / nb_;
    Vec3 c{{0.0, 0.0, 0.0}};
    c[a_] = lo_[0] + tu * u_[0] + tv * v_[0];
    c[b_] = lo_[1] + tu * u_[1] + tv * v_[1];
    return c;
  }

 private:
  static int wrap(double t, int n)
  {
    const int k = static_cast<int>(std::floor(t * n)) % n;
    return k < 0 ? k + n : k;
  }

  int a_, b_;  // the in-plane axes
  std::array<double, 2> lo_, u_, v_;
  double det_ = 1.0;
  int na_ = 1, nb_ = 1;
};

}  // namespace

SocketResult measure_sockets(const SocketInput &input, const PeriodicBox &box, const SocketOptions &options)
{
  const std::vector<Vec3> &x = *input.positions;
  const int axis = options.surface_axis, a = (axis + 1) % 3, b = (axis + 2) % 3;
  if (!(options.cell > 0.0) || !(options.ring_width > 0.0))
    throw std::invalid_argument("measure_sockets: cell and ring width must be > 0");
  const SurfaceGrid grid(box, axis, options.cell);
  const int na = grid.na(), nb = grid.nb();
  const double lowest = -std::numeric_limits<double>::infinity();

  // Surface map: highest support atom per cell.
  std::vector<double> top(static_cast<std::size_t>(na) * nb, lowest);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(*input.is_support)[i]) continue;
    double &cell_top = top[grid.cell_of(x[i])];
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
    const Vec3 cell = grid.centre(ia, ib);
    Vec3 centre = {{0.0, 0.0, 0.0}};
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
