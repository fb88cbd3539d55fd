// The event file of fix nanoparticle/track (docs/fix_nanoparticle_track.md): '#' header
// lines, then one line per event, "step event particle other particle_atoms other_atoms".
#pragma once

#include <string>

namespace exsolve {
namespace io {

// The number of events of `kind` (birth, merge, split, death, exchange). Throws
// std::runtime_error "cannot read <path>".
int count_track_events(const std::string &path, const std::string &kind);

}  // namespace io
}  // namespace exsolve
