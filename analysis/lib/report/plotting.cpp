#include "report/plotting.h"

#include "io/text_file.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace exsolve {
namespace report {

std::string draw_plot(const std::string &dir, const Plot &plot)
{
  const std::string script_path = dir + plot.name + ".gp";
  std::ofstream(script_path) << "# Drawn by exsolve-analyze; rerun with: gnuplot " << plot.name << ".gp\n"
                             << "set terminal svg size 640,400 dynamic font 'sans,12'\n"
                             << "set output '" << plot.name << ".svg'\n"
                             << "set datafile separator ','\nset key autotitle columnhead\nset grid\n"
                             << "set title '" << plot.title << "'\n"
                             << plot.script << "\n";
  const std::string log_path = dir + plot.name + ".log";
  const std::string command = "cd '" + dir + "' && gnuplot '" + plot.name + ".gp' 2> '" + plot.name + ".log'";
  const int status = std::system(command.c_str());
  if (status != 0) {
    const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (exit_code == 127)  // the shell's "command not found"
      throw std::runtime_error("gnuplot was not found (needed for " + script_path +
                               "): install it, e.g. Debian package gnuplot-nox");
    throw std::runtime_error("gnuplot failed on " + script_path + " (exit status " + std::to_string(exit_code) +
                             "); the end of " + log_path + ":\n" + io::last_nonblank_lines(log_path, 3));
  }
  return io::read_text_file(dir + plot.name + ".svg");
}

}  // namespace report
}  // namespace exsolve
