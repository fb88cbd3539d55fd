// One snapshot of a LAMMPS dump: timestep, box and per-atom columns.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace exsolve {
namespace io {

struct Box {
  std::array<double, 3> lo{{0.0, 0.0, 0.0}};
  std::array<double, 3> hi{{0.0, 0.0, 0.0}};
  double xy = 0.0, xz = 0.0, yz = 0.0;  // tilt factors (triclinic)
  bool triclinic = false;
  std::array<std::string, 3> boundary{{"pp", "pp", "pp"}};  // as written in the dump
  bool periodic(int axis) const { return boundary[axis] == "pp"; }
};

struct Frame {
  std::int64_t timestep = 0;
  Box box;
  std::vector<std::int64_t> id;
  std::vector<int> type;
  // Positions in box coordinates (from x y z, from scaled xs ys zs, or unwrapped xu yu zu).
  std::vector<std::array<double, 3>> position;
  bool positions_unwrapped = false;  // true when read from xu yu zu
  bool has_image = false;            // ix iy iz were present
  std::vector<std::array<int, 3>> image;
  // Every other column by its name in the dump (c_ID, f_ID[2], v_name, vx, ...).
  std::map<std::string, std::vector<double>> extra;

  std::size_t size() const { return id.size(); }
};

}  // namespace io
}  // namespace exsolve
