#include "analyses/plotting.h"

#include "io/atomic_output_file.h"
#include "io/shell_command.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace exsolve {
namespace analyses {

namespace {

// The end of gnuplot's error output: its last `count` lines that are not blank.
std::string last_nonblank_lines(const std::string &text, std::size_t count)
{
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
    start = end + 1;
  }
  if (lines.empty()) return "(no error output)";
  std::string tail;
  for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
    tail += (tail.empty() ? "" : "\n") + lines[i];
  return tail;
}

}  // namespace

std::string draw_plot(const std::string &dir, const Plot &plot)
{
  const std::string script_path = dir + plot.name + ".gp";
  const std::string output_line = "set output '" + plot.name + ".svg'\n";
  io::write_file_atomically(script_path, "# Drawn by exsolve-analyze; rerun with: gnuplot " + plot.name + ".gp\n" +
                                             "set terminal svg size 640,400 dynamic font 'sans,12'\n" + output_line +
                                             "set datafile separator ','\nset key autotitle columnhead\nset grid\n" +
                                             "set title '" + plot.title + "'\n" + plot.script + "\n");
  // gnuplot draws to its standard output (the script without its 'set output' line) and
  // exsolve-analyze writes the SVG and the log: gnuplot does not notice a full disk.
  const std::string command = "cd '" + dir + "' && grep -v -x -F \"" + output_line.substr(0, output_line.size() - 1) +
                              "\" '" + plot.name + ".gp' | gnuplot";
  const io::CommandResult drawn = io::run_shell_command(command);
  const std::string log_path = dir + plot.name + ".log";
  io::write_file_atomically(log_path, drawn.errors);
  if (drawn.exit_status != 0) {
    if (drawn.exit_status == 127)  // the shell's "command not found"
      throw std::runtime_error("gnuplot was not found (needed for " + script_path +
                               "): install it, e.g. Debian package gnuplot-nox");
    throw std::runtime_error("gnuplot failed on " + script_path + " (exit status " + std::to_string(drawn.exit_status) +
                             "); the end of " + log_path + ":\n" + last_nonblank_lines(drawn.errors, 3));
  }
  io::write_file_atomically(dir + plot.name + ".svg", drawn.output);
  return drawn.output;
}

}  // namespace analyses
}  // namespace exsolve
