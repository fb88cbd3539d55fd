// Disjoint sets (union-find) over node indices 0..n-1: the one clustering structure of the
// analysis census (core/cluster_finder) and of fix nanoparticle/track's host labeller; the
// Kokkos labeller keeps a lock-free device version of the same operations.
//
// Nodes that were never added are outside every set: the fix keeps the atoms outside its
// group out this way, so one read of parent() decides both "is it in the group" and "where
// does it hang". Which of two roots becomes the root of their union is the caller's choice
// (link): the analysis takes the smaller index, the fix the root with the smaller atom-ID
// label, so that a root stands for its whole set without another pass.
#pragma once

#include <cstddef>
#include <type_traits>
#include <vector>

namespace exsolve {
namespace core {

template <class Index>
class DisjointSets {
  static_assert(std::is_signed<Index>::value, "DisjointSets: Index must be signed (-1 marks nodes outside)");

 public:
  static constexpr Index OUTSIDE = -1;

  // n nodes, all outside every set. Keeps the storage between calls.
  void reset(std::size_t n) { parent_.assign(n, OUTSIDE); }
  // Makes `node` a set of its own.
  void add(Index node) { parent_[node] = node; }
  bool contains(Index node) const { return parent_[node] >= 0; }
  // The node `node` hangs from (itself for a root, OUTSIDE for a node outside every set).
  Index parent(Index node) const { return parent_[node]; }

  // The root of node's set, halving the path on the way. Entries that already point at
  // their root are not rewritten: most are, and writes to unchanged cache lines cost as
  // much as the lookups.
  Index find(Index node)
  {
    while (parent_[node] != node) {
      const Index grandparent = parent_[parent_[node]];
      if (parent_[node] != grandparent) parent_[node] = grandparent;
      node = grandparent;
    }
    return node;
  }

  // Joins two different roots: `root` then hangs from `new_root`.
  void link(Index root, Index new_root) { parent_[root] = new_root; }

  // Points `node` straight at its root and returns the root: after flattening every member,
  // parent() of a member is its root.
  Index flatten(Index node) { return parent_[node] = find(node); }

  std::size_t memory_bytes() const { return parent_.capacity() * sizeof(Index); }

 private:
  std::vector<Index> parent_;
};

// The definition C++14 needs for a static constexpr member that is bound to a reference.
template <class Index>
constexpr Index DisjointSets<Index>::OUTSIDE;

}  // namespace core
}  // namespace exsolve
