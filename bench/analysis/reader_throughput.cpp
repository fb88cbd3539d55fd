// Dump-reading throughput of exsolve's reader (analysis/lib/io/dump_reader): MB/s and
// frames/s over a whole file. Usage: exsolve-bench-reader <dump> [repeats]
#include "io/dump_reader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

int main(int argc, char **argv)
{
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <dump> [repeats]\n", argv[0]);
    return 2;
  }
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  const double megabytes = std::filesystem::file_size(argv[1]) / 1e6;
  double best = 1e300;
  long frames = 0, atoms = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    exsolve::io::DumpReader reader(argv[1]);
    exsolve::io::Frame frame;
    frames = atoms = 0;
    while (reader.next(frame)) {
      ++frames;
      atoms += static_cast<long>(frame.size());
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("%s: %.1f MB, %ld frames, %ld atoms: %.1f MB/s, %.1f frames/s (best of %d)\n", argv[1], megabytes, frames,
              atoms, megabytes / best, frames / best, repeats);
  return 0;
}
