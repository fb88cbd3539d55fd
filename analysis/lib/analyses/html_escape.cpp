#include "analyses/html_escape.h"

namespace exsolve {
namespace analyses {

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

}  // namespace analyses
}  // namespace exsolve
