// The numbers in the tables exsolve reads back (fix ave/time files, the analyses' CSV
// tables): a field is a number only if all of it is one. Unlike the rule for numbers
// users write (core/finite_number.h), nan and inf are numbers here: LAMMPS and the
// analyses write them for undefined values (a ratio over no atoms, a fit over no points).
#pragma once

#include <string>
#include <vector>

namespace exsolve {
namespace io {

// True, with the value, if all of `field` is a number as std::stod reads it (and a double
// holds it: 1e400 is not).
bool parse_number_field(const std::string &field, double &value);

// True, with the value, if all of `field` is a decimal integer that a long holds.
bool parse_integer_field(const std::string &field, long &value);

// The whitespace-separated numbers of a row of a numeric text table (fix ave/time files);
// throws std::runtime_error "<path>:<line>: '<word>' is not a number" at the first word that
// is none.
std::vector<double> parse_number_row(const std::string &row, const std::string &path, int line_number);

}  // namespace io
}  // namespace exsolve
