// Frames written back as LAMMPS text dumps with extra integer per-atom columns (particle
// label, bond count, ...), for colouring in OVITO or VMD; readable by io::DumpReader and by
// LAMMPS read_dump.
#pragma once

#include "io/frame.h"

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace exsolve {
namespace io {

using AnnotationColumns = std::vector<std::pair<std::string, const std::vector<std::int64_t> *>>;

// One frame's text: id type x y z (as read, box coordinates; shortest round-trip numbers),
// then each extra column. Throws std::invalid_argument if a column's length is not the
// frame's atom count. A buffer, not a string: the text is as large as the frame's part of
// the dump and is written as it is, without a copy.
fmt::memory_buffer annotated_frame_text(const Frame &frame, const AnnotationColumns &columns);

}  // namespace io
}  // namespace exsolve
