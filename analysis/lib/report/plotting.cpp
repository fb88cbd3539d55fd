#include "report/plotting.h"

#include <sys/wait.h>

#include <cstdlib>
#include <deque>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace exsolve {
namespace report {

std::string read_text_file(const std::string &path)
{
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string escape_html(const std::string &text)
{
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '\'') out += "&#39;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

namespace {

// The last `count` non-blank lines of a text file: gnuplot's error and the line it names.
std::string last_lines(const std::string &path, std::size_t count)
{
  std::ifstream in(path);
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    lines.push_back(line);
    if (lines.size() > count) lines.pop_front();
  }
  if (lines.empty()) return "(no error output)";
  std::string text;
  for (const std::string &line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

}  // namespace

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
                             "); the end of " + log_path + ":\n" + last_lines(log_path, 3));
  }
  return read_text_file(dir + plot.name + ".svg");
}

}  // namespace report
}  // namespace exsolve
