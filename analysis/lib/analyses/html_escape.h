// Text put into the HTML reports: user-given names, command lines and messages can hold
// <, >, & and quotes.
#pragma once

#include <string>

namespace exsolve {
namespace analyses {

// `text` with < > & ' " written as entities: safe in element content and in quoted
// attribute values.
std::string escape_html(const std::string &text);

}  // namespace analyses
}  // namespace exsolve
