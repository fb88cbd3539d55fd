// A file with the given text under /tmp for the reader tests, removed when it goes out of
// scope, and what a reader throws on such a file.
#pragma once

#include <cstdio>
#include <fstream>
#include <stdexcept>
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

// The message `read(path)` throws (an Error) on a file holding `text`, with the file's path
// written as "<file>" so that tests can compare whole messages; "no error" if none is thrown.
template <class Error = std::runtime_error, class Read>
std::string error_reading(const std::string &text, Read read)
{
  TempFile file(text);
  try {
    read(file.path);
  } catch (const Error &e) {
    std::string message = e.what();
    for (std::size_t at = message.find(file.path); at != std::string::npos; at = message.find(file.path, at))
      message.replace(at, file.path.size(), "<file>");
    return message;
  }
  return "no error";
}
