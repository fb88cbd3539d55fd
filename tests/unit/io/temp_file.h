// A file with the given text under /tmp for the reader tests, removed when it goes out of
// scope.
#pragma once

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

struct TempFile {
  std::string path;
  explicit TempFile(const std::string &text)
  {
    char name[] = "/tmp/exsolve_test_XXXXXX";
    close(mkstemp(name));
    path = name;
    std::ofstream(path) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;
};
