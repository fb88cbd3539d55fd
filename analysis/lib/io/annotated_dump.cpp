#include "io/annotated_dump.h"

#include <fmt/compile.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace exsolve {
namespace io {

fmt::memory_buffer annotated_frame_text(const Frame &frame, const AnnotationColumns &columns)
{
  for (const auto &column : columns)
    if (column.second->size() != frame.size())
      throw std::invalid_argument("annotated dump: column " + column.first + " has the wrong length");
  // One buffer for the whole frame, numbers formatted in place (compiled formats, no
  // temporary strings): the annotated dump is as large as the dump read, and `report`
  // writes it for every frame.
  fmt::memory_buffer text;
  text.reserve(64 * frame.size() + 512);
  auto out = std::back_inserter(text);
  const Box &b = frame.box;
  fmt::format_to(out, "ITEM: TIMESTEP\n{}\nITEM: NUMBER OF ATOMS\n{}\n", frame.timestep, frame.size());
  if (b.triclinic) {
    // Bounding box of the tilted cell, as LAMMPS writes it.
    const double xlo = b.lo[0] + std::min({0.0, b.xy, b.xz, b.xy + b.xz});
    const double xhi = b.hi[0] + std::max({0.0, b.xy, b.xz, b.xy + b.xz});
    fmt::format_to(out, "ITEM: BOX BOUNDS xy xz yz {} {} {}\n{} {} {}\n{} {} {}\n{} {} {}\n", b.boundary[0],
                   b.boundary[1], b.boundary[2], xlo, xhi, b.xy, b.lo[1] + std::min(0.0, b.yz),
                   b.hi[1] + std::max(0.0, b.yz), b.xz, b.lo[2], b.hi[2], b.yz);
  } else {
    fmt::format_to(out, "ITEM: BOX BOUNDS {} {} {}\n{} {}\n{} {}\n{} {}\n", b.boundary[0], b.boundary[1], b.boundary[2],
                   b.lo[0], b.hi[0], b.lo[1], b.hi[1], b.lo[2], b.hi[2]);
  }
  fmt::format_to(out, "ITEM: ATOMS id type x y z");
  for (const auto &column : columns) fmt::format_to(out, " {}", column.first);
  text.push_back('\n');
  for (std::size_t i = 0; i < frame.size(); ++i) {
    const auto &x = frame.position[i];
    fmt::format_to(out, FMT_COMPILE("{} {} {} {} {}"), frame.id[i], frame.type[i], x[0], x[1], x[2]);
    for (const auto &column : columns) fmt::format_to(out, FMT_COMPILE(" {}"), (*column.second)[i]);
    text.push_back('\n');
  }
  return text;
}

}  // namespace io
}  // namespace exsolve
