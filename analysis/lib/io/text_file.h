// Whole text files read back as they are: a table copied into another directory, an SVG
// that gnuplot drew (inlined in a report), the end of a program's error output.
#pragma once

#include <cstddef>
#include <string>

namespace exsolve {
namespace io {

// The whole file; throws std::runtime_error "cannot read <path>".
std::string read_text_file(const std::string &path);

// The last `count` lines that are not blank, joined by newlines; "(no error output)" when
// there is none (or the file cannot be read): what to quote of a failed program's stderr.
std::string last_nonblank_lines(const std::string &path, std::size_t count);

}  // namespace io
}  // namespace exsolve
