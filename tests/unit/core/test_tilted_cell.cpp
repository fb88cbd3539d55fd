// The core in a tilted (triclinic) cell, against oracles that do not use its minimum-image
// rule: distances from enumerating the periodic images, widths from cross products, and
// analytic shapes; and against the same atoms in an equivalent orthogonal description.
#include "core/bond_counter.h"
#include "core/cluster_finder.h"
#include "core/particle_census.h"
#include "core/socket_depth.h"

#include "cluster_oracle.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

using namespace exsolve::core;

namespace {

// Tilts within LAMMPS's default limits (|xy| <= lx/2, ...), all three non-zero.
PeriodicBox a_tilted_cell(bool z_periodic = true)
{
  PeriodicBox box;
  box.lo = {{-3.0, 2.0, -1.0}};
  box.hi = {{17.0, 20.0, 21.0}};  // lx 20, ly 18, lz 22
  box.xy = 7.0;
  box.xz = -6.0;
  box.yz = 5.0;
  box.periodic = {{true, true, z_periodic}};
  return box;
}

Vec3 plus(const Vec3 &a, const Vec3 &b)
{
  return {{a[0] + b[0], a[1] + b[1], a[2] + b[2]}};
}
Vec3 times(double f, const Vec3 &a)
{
  return {{f * a[0], f * a[1], f * a[2]}};
}
double norm_sq(const Vec3 &a)
{
  return a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
}
Vec3 cross(const Vec3 &a, const Vec3 &b)
{
  return {{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]}};
}

// Oracle: the shortest of b - a + i a + j b + k c over |i|, |j|, |k| <= reach (periodic axes
// only); 2 suffices for points inside the cell, 7 for points up to two cells outside it.
Vec3 nearest_image_by_enumeration(const PeriodicBox &box, const Vec3 &from, const Vec3 &to, int reach = 2)
{
  const Vec3 d{{to[0] - from[0], to[1] - from[1], to[2] - from[2]}};
  Vec3 best = d;
  const int n[3] = {box.periodic[0] ? reach : 0, box.periodic[1] ? reach : 0, box.periodic[2] ? reach : 0};
  for (int i = -n[0]; i <= n[0]; ++i)
    for (int j = -n[1]; j <= n[1]; ++j)
      for (int k = -n[2]; k <= n[2]; ++k) {
        const Vec3 e = plus(d, plus(times(i, box.cell_vector(0)),
                                    plus(times(j, box.cell_vector(1)), times(k, box.cell_vector(2)))));
        if (norm_sq(e) < norm_sq(best)) best = e;
      }
  return best;
}

double smallest_width(const PeriodicBox &box)
{
  return std::min({box.width(0), box.width(1), box.width(2)});
}

Vec3 random_point(const PeriodicBox &box, std::mt19937 &rng, double lo = 0.0, double hi = 1.0)
{
  std::uniform_real_distribution<double> u(lo, hi);
  return box.cartesian({{u(rng), u(rng), u(rng)}});
}

// A 3 x 3 x 3 block of atoms `spacing` apart centred on `centre`, each wrapped into the cell:
// the parts of a particle that straddles the cell faces end up on opposite sides.
std::vector<Vec3> block_wrapped_into(const PeriodicBox &box, const Vec3 &centre, double spacing)
{
  std::vector<Vec3> x;
  for (int i = -1; i <= 1; ++i)
    for (int j = -1; j <= 1; ++j)
      for (int k = -1; k <= 1; ++k) x.push_back(box.wrapped(plus(centre, {{i * spacing, j * spacing, k * spacing}})));
  return x;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tilted_cell)

BOOST_AUTO_TEST_CASE(widths_are_volume_over_face_area)
{
  const PeriodicBox box = a_tilted_cell();
  const Vec3 a = box.cell_vector(0), b = box.cell_vector(1), c = box.cell_vector(2);
  const double volume = 20.0 * 18.0 * 22.0;
  BOOST_TEST(box.width(0) == volume / std::sqrt(norm_sq(cross(b, c))), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(box.width(1) == volume / std::sqrt(norm_sq(cross(c, a))), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(box.width(2) == volume / std::sqrt(norm_sq(cross(a, b))), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(box.width(0) < box.length(0));
  BOOST_TEST(box.width(1) < box.length(1));
}

BOOST_AUTO_TEST_CASE(fractional_coordinates_and_wrapping)
{
  const PeriodicBox box = a_tilted_cell();
  std::mt19937 rng(3);
  for (int n = 0; n < 200; ++n) {
    const Vec3 x = random_point(box, rng, -2.5, 3.5);
    const Vec3 back = box.cartesian(box.fractional(x));
    for (int k = 0; k < 3; ++k) BOOST_TEST(back[k] == x[k], boost::test_tools::tolerance(1e-12));
    const Vec3 w = box.wrapped(x);
    const Vec3 s = box.fractional(w);
    for (int k = 0; k < 3; ++k) BOOST_TEST((s[k] >= -1e-12 && s[k] < 1.0 + 1e-12), "s" << k << " = " << s[k]);
    // Wrapping moves by a lattice vector only: w is an image of x.
    BOOST_TEST(norm_sq(nearest_image_by_enumeration(box, x, w, 7)) < 1e-18);
  }
}

BOOST_AUTO_TEST_CASE(minimum_image_is_the_nearest_image)
{
  for (const bool z_periodic : {true, false}) {
    const PeriodicBox box = a_tilted_cell(z_periodic);
    const double half = 0.5 * smallest_width(box);
    std::mt19937 rng(11);
    int near_pairs = 0;
    for (int n = 0; n < 3000; ++n) {
      // Points up to two cells outside (unwrapped positions).
      const Vec3 a = random_point(box, rng, -2.0, 3.0), b = random_point(box, rng, -2.0, 3.0);
      const Vec3 d = box.minimum_image(a, b);
      const Vec3 oracle = nearest_image_by_enumeration(box, a, b, 7);
      // Always an image of b - a ...
      BOOST_TEST(norm_sq(nearest_image_by_enumeration(box, plus(a, d), b, 7)) < 1e-16);
      // ... and the nearest one whenever that is within half the smallest width.
      if (norm_sq(oracle) < half * half) {
        ++near_pairs;
        for (int k = 0; k < 3; ++k) BOOST_TEST(d[k] == oracle[k], boost::test_tools::tolerance(1e-9));
      }
    }
    BOOST_TEST(near_pairs > 100);  // not vacuous
  }
}

BOOST_AUTO_TEST_CASE(faces_normal_to_the_surface_axis)
{
  PeriodicBox box = a_tilted_cell();
  BOOST_TEST(box.face_normal_to(2));
  BOOST_TEST(!box.face_normal_to(1));  // yz != 0
  BOOST_TEST(!box.face_normal_to(0));  // xy, xz != 0
  box.yz = 0.0;
  BOOST_TEST(box.face_normal_to(1));
}

BOOST_AUTO_TEST_CASE(a_cell_thinner_than_twice_the_cutoff_is_named_by_its_width)
{
  const PeriodicBox box = a_tilted_cell();
  // Every length is at least 18 Å; the widths across the a and b faces are 17.67 and 17.55
  // Å: a cutoff of 8.8 Å fits the lengths and the a width, not the b width.
  BOOST_TEST_REQUIRE(box.width(0) > 17.6);
  BOOST_TEST_REQUIRE(box.width(1) < 17.6);
  BOOST_TEST(box.axis_shorter_than_twice(8.8) == 1);
  try {
    box.require_at_least_twice(8.8, "bond");
    BOOST_FAIL("accepted a cell thinner than twice the cutoff");
  } catch (const std::invalid_argument &e) {
    BOOST_TEST(std::string(e.what()).find("periodic cell width") == 0u, e.what());
    BOOST_TEST(std::string(e.what()).find("cell vector b is less than twice the bond cutoff") != std::string::npos,
               e.what());
  }
}

BOOST_AUTO_TEST_CASE(clusters_and_bonds_match_the_image_enumeration)
{
  const PeriodicBox box = a_tilted_cell();
  const double cutoff = 2.4;
  std::mt19937 rng(5);
  std::vector<Vec3> x;
  std::vector<std::int64_t> ids;
  std::vector<int> types;
  std::vector<char> metal, oxygen;
  for (int n = 0; n < 900; ++n) {
    x.push_back(random_point(box, rng));
    ids.push_back(5000 - 3 * n);
    const bool is_metal = n % 2 == 0;
    types.push_back(is_metal ? 2 : 1);
    metal.push_back(is_metal);
    oxygen.push_back(!is_metal);
  }
  auto within = [&](std::size_t i, std::size_t j) {
    return norm_sq(nearest_image_by_enumeration(box, x[i], x[j])) < cutoff * cutoff;
  };

  // Clusters: the partition of the enumeration-based graph, labelled by smallest ID.
  const std::vector<std::int64_t> label = label_clusters(ClusterInput{&x, &ids, &metal}, box, cutoff);
  const std::vector<std::int64_t> expected = clusters_by_search(ids, metal, within);
  std::map<std::int64_t, int> cluster_size;
  for (std::int64_t l : expected)
    if (l != 0) ++cluster_size[l];
  const long multi_atom = std::count_if(cluster_size.begin(), cluster_size.end(),
                                        [](const std::pair<const std::int64_t, int> &c) { return c.second > 1; });
  BOOST_TEST(label == expected, boost::test_tools::per_element());
  BOOST_TEST(multi_atom > 10);  // not vacuous

  PairCutoffs cutoffs(2);
  cutoffs.set_all(cutoff);
  const std::vector<int> bonds = count_metal_oxygen_bonds(BondCountInput{&x, &types, &metal, &oxygen}, box, cutoffs);
  long total = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    int count = 0;
    if (metal[i])
      for (std::size_t j = 0; j < x.size(); ++j) count += oxygen[j] && within(i, j);
    BOOST_TEST(bonds[i] == count, "atom " << i);
    total += count;
  }
  BOOST_TEST(total > 100);
}

BOOST_AUTO_TEST_CASE(a_particle_straddling_the_tilted_faces_is_one_particle)
{
  const PeriodicBox box = a_tilted_cell();
  // Centred on the slanted x face, on the y face (crossing it shifts x by xy) and on the
  // edge where the x, y and z faces meet.
  for (const Vec3 &s : {Vec3{{0.0, 0.5, 0.5}}, Vec3{{0.5, 0.0, 0.5}}, Vec3{{0.0, 0.0, 0.0}}}) {
    const Vec3 centre = box.cartesian(s);
    const std::vector<Vec3> x = block_wrapped_into(box, centre, 2.0);
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < x.size(); ++i) ids.push_back(static_cast<std::int64_t>(100 + i));
    const std::vector<char> metal(x.size(), 1);
    CensusOptions options;
    options.cutoff = 2.5;
    options.min_size = 3;
    options.atomic_volume = 10.0;
    const Census census = take_census(CensusInput{&x, &ids, &metal, nullptr}, box, options);
    BOOST_TEST_REQUIRE(census.particles.size() == 1u);
    const ParticleRecord &p = census.particles[0];
    BOOST_TEST(p.atoms == 27);
    // The centre is an image of the block's centre, inside the cell.
    BOOST_TEST(norm_sq(nearest_image_by_enumeration(box, centre, p.centre_of_mass)) < 1e-18);
    const Vec3 f = box.fractional(p.centre_of_mass);
    for (int k = 0; k < 3; ++k) BOOST_TEST((f[k] >= -1e-12 && f[k] < 1.0 + 1e-12));
    // 3 x 3 x 3 block with spacing s: Rg = s sqrt(2), height 2 s.
    BOOST_TEST(p.radius_of_gyration == 2.0 * std::sqrt(2.0), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(p.height == 4.0, boost::test_tools::tolerance(1e-9));
  }
}

BOOST_AUTO_TEST_CASE(socket_on_a_tilted_surface)
{
  // Support: a net filling the tilted xy face (xy = 7), at z = 1 within 13 Å (in-plane,
  // nearest image) of the particle's centre, z = 0 farther out; a 3 x 3 x 3 particle (1 Å
  // spacing) with its bottom at z = -0.5, centred on the slanted x face. The rim annulus
  // (4.4 to 9.4 Å from the centre) sees only the raised collar: had the particle's halves
  // on either side of the face been placed wrongly, it would see the flat part.
  PeriodicBox box = a_tilted_cell(false);
  box.lo = {{0.0, 0.0, -10.0}};
  box.hi = {{40.0, 36.0, 20.0}};
  box.xz = box.yz = 0.0;
  const Vec3 centre = box.cartesian({{0.0, 0.5, 10.5 / 30.0}});  // z = 0.5
  std::vector<Vec3> x;
  std::vector<char> support;
  std::vector<std::int64_t> particle;
  for (int i = 0; i < 40; ++i)
    for (int j = 0; j < 36; ++j) {
      Vec3 atom = box.cartesian({{(i + 0.5) / 40.0, (j + 0.5) / 36.0, 10.0 / 30.0}});
      Vec3 in_plane = nearest_image_by_enumeration(box, centre, atom);
      in_plane[2] = 0.0;
      if (norm_sq(in_plane) < 13.0 * 13.0) atom[2] = 1.0;
      x.push_back(atom);
      support.push_back(1);
      particle.push_back(0);
    }
  for (const Vec3 &p : block_wrapped_into(box, centre, 1.0)) {
    x.push_back(p);
    support.push_back(0);
    particle.push_back(7);
  }
  SocketOptions options;
  options.cell = 3.0;
  options.ring_width = 5.0;
  const SocketResult r = measure_sockets(SocketInput{&x, &support, &particle}, box, options);
  BOOST_TEST_REQUIRE(r.particles.size() == 1u);
  const SocketRecord &sunk = r.particles[0];
  BOOST_TEST(sunk.bottom == -0.5, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(sunk.top == 1.5, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(sunk.rim_cells > 10);
  BOOST_TEST(sunk.rim_height == 1.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(sunk.depth_local == 1.5, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(sunk.submerged_fraction == 0.75, boost::test_tools::tolerance(1e-9));
  // The reference (cells beyond the annulus) is mostly the flat part, partly the collar.
  BOOST_TEST(r.reference_cells > 50);
  BOOST_TEST((r.reference_height > 0.0 && r.reference_height < 0.5), "reference " << r.reference_height);
  BOOST_TEST(sunk.depth_global == r.reference_height + 0.5, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(socket_map_of_a_tilt_by_a_lattice_vector_equals_the_orthogonal_one)
{
  // The same atoms, described by an orthogonal cell and by one tilted by a whole cell
  // vector (b' = b + a: the same lattice).
  PeriodicBox orthogonal;
  orthogonal.hi = {{30.0, 24.0, 30.0}};
  orthogonal.periodic = {{true, true, false}};
  PeriodicBox sheared = orthogonal;
  sheared.xy = 30.0;
  std::mt19937 rng(8);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<Vec3> x;
  std::vector<char> support;
  std::vector<std::int64_t> particle;
  for (int n = 0; n < 2000; ++n) {
    x.push_back({{30.0 * u(rng), 24.0 * u(rng), 10.0 + u(rng)}});
    support.push_back(1);
    particle.push_back(0);
  }
  for (const Vec3 &p : block_wrapped_into(orthogonal, {{29.0, 12.0, 10.5}}, 1.0)) {
    x.push_back(p);
    support.push_back(0);
    particle.push_back(3);
  }
  SocketOptions options;
  const SocketResult a = measure_sockets(SocketInput{&x, &support, &particle}, orthogonal, options);
  const SocketResult b = measure_sockets(SocketInput{&x, &support, &particle}, sheared, options);
  BOOST_TEST(a.reference_cells == b.reference_cells);
  BOOST_TEST(a.reference_height == b.reference_height, boost::test_tools::tolerance(1e-12));
  BOOST_TEST_REQUIRE(a.particles.size() == 1u);
  BOOST_TEST_REQUIRE(b.particles.size() == 1u);
  BOOST_TEST(a.particles[0].rim_cells == b.particles[0].rim_cells);
  BOOST_TEST(a.particles[0].rim_height == b.particles[0].rim_height, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(socket_refuses_a_surface_that_is_no_cell_face)
{
  const PeriodicBox box = a_tilted_cell();  // yz != 0: no face normal to y
  const std::vector<Vec3> x{{{0.0, 5.0, 0.0}}};
  const std::vector<char> support{1};
  const std::vector<std::int64_t> particle{0};
  SocketOptions options;
  options.surface_axis = 1;
  BOOST_CHECK_THROW(measure_sockets(SocketInput{&x, &support, &particle}, box, options), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
