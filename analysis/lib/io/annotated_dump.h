// Writes frames back as LAMMPS text dumps with extra per-atom columns (particle ID, bond
// count, ...), for colouring in OVITO or VMD; readable by io::DumpReader and by LAMMPS
// read_dump.
#pragma once

#include "io/frame.h"

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace exsolve {
namespace io {

// One frame: id type x y z (as read, box coordinates), then each extra column.
void write_annotated_frame(std::ostream &out, const Frame &frame,
                           const std::vector<std::pair<std::string, const std::vector<double> *>> &columns);

}  // namespace io
}  // namespace exsolve
