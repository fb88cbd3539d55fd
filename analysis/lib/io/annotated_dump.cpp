#include "io/annotated_dump.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace exsolve {
namespace io {

void write_annotated_frame(std::ostream &out, const Frame &frame,
                           const std::vector<std::pair<std::string, const std::vector<double> *>> &columns)
{
  for (const auto &column : columns)
    if (column.second->size() != frame.size())
      throw std::invalid_argument("annotated dump: column " + column.first + " has the wrong length");
  const Box &b = frame.box;
  std::string text = fmt::format("ITEM: TIMESTEP\n{}\nITEM: NUMBER OF ATOMS\n{}\n", frame.timestep, frame.size());
  if (b.triclinic) {
    // Bounding box of the tilted cell, as LAMMPS writes it.
    const double xlo = b.lo[0] + std::min({0.0, b.xy, b.xz, b.xy + b.xz});
    const double xhi = b.hi[0] + std::max({0.0, b.xy, b.xz, b.xy + b.xz});
    text += fmt::format("ITEM: BOX BOUNDS xy xz yz {} {} {}\n{} {} {}\n{} {} {}\n{} {} {}\n", b.boundary[0],
                        b.boundary[1], b.boundary[2], xlo, xhi, b.xy, b.lo[1] + std::min(0.0, b.yz),
                        b.hi[1] + std::max(0.0, b.yz), b.xz, b.lo[2], b.hi[2], b.yz);
  } else {
    text += fmt::format("ITEM: BOX BOUNDS {} {} {}\n{} {}\n{} {}\n{} {}\n", b.boundary[0], b.boundary[1],
                        b.boundary[2], b.lo[0], b.hi[0], b.lo[1], b.hi[1], b.lo[2], b.hi[2]);
  }
  text += "ITEM: ATOMS id type x y z";
  for (const auto &column : columns) text += " " + column.first;
  text += "\n";
  for (std::size_t i = 0; i < frame.size(); ++i) {
    text += fmt::format("{} {} {} {} {}", frame.id[i], frame.type[i], frame.position[i][0], frame.position[i][1],
                        frame.position[i][2]);
    for (const auto &column : columns) text += fmt::format(" {}", (*column.second)[i]);
    text += "\n";
  }
  out << text;
}

}  // namespace io
}  // namespace exsolve
