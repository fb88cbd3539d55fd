// Plots of the HTML reports, drawn by gnuplot as SVG; the .gp script is kept beside its
// table so a plot can be redrawn or restyled.
#pragma once

#include <string>

namespace exsolve {
namespace analyses {

struct Plot {
  std::string name;  // file stem
  std::string title;
  std::string script;  // gnuplot commands after the terminal settings
};

// Writes <dir>/<name>.gp, runs gnuplot in <dir> and returns the SVG text. CSV input
// (separator ','; column heads are read as titles). Throws on failure with gnuplot's last
// lines of error output (kept in <dir>/<name>.log).
std::string draw_plot(const std::string &dir, const Plot &plot);

}  // namespace analyses
}  // namespace exsolve
