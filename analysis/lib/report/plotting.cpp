#include "report/plotting.h"

#include <cstdlib>
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

std::string draw_plot(const std::string &dir, const Plot &plot)
{
  const std::string script_path = dir + plot.name + ".gp";
  std::ofstream(script_path) << "# Drawn by exsolve-analyze; rerun with: gnuplot " << plot.name << ".gp\n"
                             << "set terminal svg size 640,400 dynamic font 'sans,12'\n"
                             << "set output '" << plot.name << ".svg'\n"
                             << "set datafile separator ','\nset key autotitle columnhead\nset grid\n"
                             << "set title '" << plot.title << "'\n"
                             << plot.script << "\n";
  const std::string command = "cd '" + dir + "' && gnuplot '" + plot.name + ".gp' 2> '" + plot.name + ".log'";
  if (std::system(command.c_str()) != 0)
    throw std::runtime_error("gnuplot failed on " + script_path + " (see " + dir + plot.name +
                             ".log; is gnuplot installed? Debian package gnuplot-nox)");
  return read_text_file(dir + plot.name + ".svg");
}

}  // namespace report
}  // namespace exsolve
