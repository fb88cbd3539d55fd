// Particle IDs by atom ID for particle tracking (0: none), looked up and set for every
// tracked atom of every frame, in frame order. LAMMPS numbers atoms 1..N, with gaps where
// atoms were deleted: a table indexed by ID, grown as larger IDs come; an ID too far
// beyond the atoms there are (a sparse numbering) goes to a hash map instead.
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace exsolve {
namespace core {

class ParticleByAtomId {
 public:
  long at(std::int64_t id) const
  {
    if (id >= 0 && id < static_cast<std::int64_t>(table_.size())) return table_[static_cast<std::size_t>(id)];
    const auto found = sparse_.find(id);
    return found == sparse_.end() ? 0 : found->second;
  }

  // `atoms`: how many atoms the frame has; IDs up to 8 times that (plus 1024) are tabled.
  void set(std::int64_t id, long particle, std::size_t atoms)
  {
    const std::int64_t limit = 8 * static_cast<std::int64_t>(atoms) + 1024;
    if (id >= 0 && id < std::max<std::int64_t>(limit, static_cast<std::int64_t>(table_.size()))) {
      if (id >= static_cast<std::int64_t>(table_.size())) table_.resize(static_cast<std::size_t>(id) + 1, 0);
      table_[static_cast<std::size_t>(id)] = particle;
      return;
    }
    sparse_[id] = particle;
  }

  void clear()
  {
    std::fill(table_.begin(), table_.end(), 0L);
    sparse_.clear();
  }

 private:
  std::vector<long> table_;
  std::unordered_map<std::int64_t, long> sparse_;
};

}  // namespace core
}  // namespace exsolve
