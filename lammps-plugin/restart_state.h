// Global fix state in restart files: one block of doubles, written by rank 0 with its
// byte count first (the layout LAMMPS's Modify::read_restart expects for fixes).
#pragma once

#include <cstdio>
#include <vector>

namespace exsolve {

inline void write_restart_state(FILE *fp, const std::vector<double> &state, int rank)
{
  if (rank != 0) return;
  const int size = static_cast<int>(state.size() * sizeof(double));
  fwrite(&size, sizeof(int), 1, fp);
  fwrite(state.data(), sizeof(double), state.size(), fp);
}

}  // namespace exsolve
