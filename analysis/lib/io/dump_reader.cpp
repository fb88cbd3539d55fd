#include "io/dump_reader.h"

#include "core/finite_number.h"
#include "core/position_bounds.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace exsolve {
namespace io {

namespace {
std::atomic<long> decoded_frames{0};  // frames_decoded()
}  // namespace

long frames_decoded()
{
  return decoded_frames.load();
}

// zlib reads gzip and plain files alike. Lines are cut from 1 MiB blocks (gzgets per line
// costs a third of the parsing speed).
class DumpReader::LineSource {
 public:
  // The data stops where it should not: a gzip stream that ends before its trailer (cut
  // short) or cannot be decompressed (corrupt), or a last line without its newline (LAMMPS
  // ends every line with one). What was read before is whole; what follows is not data.
  class Cut : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
  };

  explicit LineSource(const std::string &path) : path_(path), file_(gzopen(path.c_str(), "rb")), buffer_(1 << 20)
  {
    if (file_) gzbuffer(file_, 1 << 18);
  }
  ~LineSource()
  {
    if (file_) gzclose(file_);
  }
  bool ok() const { return file_ != nullptr; }
  // One line without its newline; false at the end of the file. Throws Cut as described.
  bool get(std::string &line)
  {
    line.clear();
    while (true) {
      if (begin_ == end_ && !refill()) {
        if (line.empty()) return false;
        throw Cut("the last line ends without a newline: '" + line.substr(0, 80) + "'");
      }
      const char *start = buffer_.data() + begin_;
      const char *newline = static_cast<const char *>(std::memchr(start, '\n', end_ - begin_));
      if (newline) {
        line.append(start, static_cast<std::size_t>(newline - start));
        begin_ = static_cast<std::size_t>(newline - buffer_.data()) + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
      line.append(start, end_ - begin_);
      begin_ = end_;
    }
  }

 private:
  bool refill()
  {
    if (!pending_cut_.empty()) throw Cut(pending_cut_);
    const int n = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
    // zlib reports a stream that stops before its trailer as Z_BUF_ERROR, undecodable data
    // or a wrong checksum as an error, a failed read of the file as Z_ERRNO. Older zlib
    // (1.2.13) keeps an error until the next call and drops a corrupt call's data; newer
    // (1.3.2) hands out that data with the error and clears Z_BUF_ERROR at the next call:
    // the error is read after every call.
    int code = Z_OK;
    std::string message = gzerror(file_, &code);
    if (message.compare(0, path_.size() + 2, path_ + ": ") == 0) message.erase(0, path_.size() + 2);
    if (code == Z_ERRNO) throw DumpError("read error: " + std::string(std::strerror(errno)));
    // Data that fails its check is not data, even where zlib hands it out.
    if (n < 0 || (code != Z_OK && code != Z_BUF_ERROR)) throw Cut("corrupt gzip data: " + message);
    // What came before the end of a cut stream is whole: it is read, then the cut reported.
    if (code == Z_BUF_ERROR) {
      pending_cut_ = "the gzip stream ends early: " + message;
      if (n == 0) throw Cut(pending_cut_);
    }
    begin_ = 0;
    end_ = static_cast<std::size_t>(n);
    return n > 0;
  }

  std::string path_;  // zlib's messages start with it; ours name it once
  gzFile file_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  std::string pending_cut_;  // a cut stream's message, thrown when its data is used up
};

namespace {

std::vector<std::string> split(const std::string &line)
{
  std::vector<std::string> words;
  std::istringstream in(line);
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

bool parse_double(const std::string &word, double &value)
{
  const auto result = std::from_chars(word.data(), word.data() + word.size(), value);
  return result.ec == std::errc() && result.ptr == word.data() + word.size();
}

// Splits `line` into numbers (std::from_chars: the fast path of the reader). Returns the
// number of fields; `bad` is the index of the first field that is not a number (npos: none).
std::size_t parse_numbers(const std::string &line, std::vector<double> &values, std::size_t &bad)
{
  const char *p = line.data(), *end = line.data() + line.size();
  std::size_t n = 0;
  bad = std::string::npos;
  while (true) {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    if (p == end) return n;
    const char *token = p;
    while (p < end && *p != ' ' && *p != '\t') ++p;
    double value = 0.0;
    const char *start = *token == '+' ? token + 1 : token;  // from_chars rejects a leading '+'
    const auto result = std::from_chars(start, p, value);
    if (n < values.size()) values[n] = value;
    if ((result.ec != std::errc() || result.ptr != p) && bad == std::string::npos) bad = n;
    ++n;
  }
}

bool parse_integer(const std::string &word, std::int64_t &value)
{
  char *end = nullptr;
  errno = 0;
  value = std::strtoll(word.c_str(), &end, 10);
  return end != word.c_str() && *end == '\0' && errno != ERANGE;
}

bool starts_with(const std::string &text, const std::string &prefix)
{
  return text.compare(0, prefix.size(), prefix) == 0;
}

// ITEM: UNITS and ITEM: TIME (dump_modify units/time yes) precede ITEM: TIMESTEP.
bool is_optional_item(const std::string &line)
{
  const std::size_t end = line.find_last_not_of(" \t");
  const std::string item = end == std::string::npos ? std::string() : line.substr(0, end + 1);
  return starts_with(item, "ITEM: UNITS") || item == "ITEM: TIME";
}

// LAMMPS never writes an empty or inverted box; the analyses divide by its lengths and
// measure how far atoms stray from it. Empty: the box is fine.
std::string box_problem(const Box &box)
{
  for (int k = 0; k < 3; ++k)
    if (!(std::isfinite(box.lo[k]) && std::isfinite(box.hi[k]) && box.hi[k] > box.lo[k]))
      return std::string("BOX BOUNDS along ") + "xyz"[k] + ": the upper bound " + core::shortest_form(box.hi[k]) +
             " must be a finite number above the lower bound " + core::shortest_form(box.lo[k]);
  return std::string();
}

// NUMBER OF ATOMS is a promise, not a size to allocate: a corrupt count (1e15) must not
// be reserved up front. Atoms are appended as their lines are read, with at most this many
// reserved ahead (vectors keep their capacity from frame to frame).
constexpr std::size_t MAX_ATOMS_RESERVED = std::size_t(1) << 20;

// Empties the per-atom arrays of `frame` (they keep their capacity) and reserves room for
// `reserved` atoms; returns the arrays of the extra columns, in the order of `extra_names`.
std::vector<std::vector<double> *> start_atoms(Frame &frame, std::size_t reserved,
                                               const std::vector<std::string> &extra_names)
{
  frame.id.clear();
  frame.id.reserve(reserved);
  frame.type.clear();
  frame.type.reserve(reserved);
  frame.position.clear();
  frame.position.reserve(reserved);
  frame.image.clear();
  if (frame.has_image) frame.image.reserve(reserved);
  frame.extra.clear();
  std::vector<std::vector<double> *> extra_targets;
  for (const std::string &name : extra_names) {
    std::vector<double> &column = frame.extra[name];
    column.reserve(reserved);
    extra_targets.push_back(&column);
  }
  return extra_targets;
}

}  // namespace

DumpReader::DumpReader(const std::string &path) : path_(path), source_(new LineSource(path))
{
  if (!source_->ok()) throw DumpError(path + ": cannot open: " + std::strerror(errno));
}

DumpReader::~DumpReader() = default;

bool DumpReader::read_line(std::string &line)
{
  try {
    if (!source_->get(line)) return false;
  } catch (const LineSource::Cut &e) {
    ++line_number_;
    truncated(e.what());
  } catch (const DumpError &e) {
    fail(e.what());
  }
  ++line_number_;
  return true;
}

void DumpReader::fail(const std::string &what) const
{
  throw DumpError(path_ + ": frame " + std::to_string(frames_read_ + 1) + ", line " + std::to_string(line_number_) +
                  ": " + what);
}

void DumpReader::truncated(const std::string &what) const
{
  throw TruncatedFrame(path_ + ": frame " + std::to_string(frames_read_ + 1) + " is cut short at line " +
                       std::to_string(line_number_) + " (" + what + ")");
}

// Reads lines until "ITEM: <item>..." and returns that line; other optional items
// (UNITS, TIME) and their value lines are skipped.
std::string DumpReader::expect_item(const std::string &item)
{
  std::string line;
  while (true) {
    if (!read_line(line)) truncated("end of file before ITEM: " + item);
    if (starts_with(line, "ITEM: " + item)) return line;
    if (is_optional_item(line)) {
      if (!read_line(line)) truncated("end of file in an optional ITEM");
      continue;
    }
    fail("expected 'ITEM: " + item + "', got '" + line.substr(0, 80) + "'");
  }
}

void DumpReader::read_box(const std::string &header, Box &box)
{
  const std::vector<std::string> words = split(header);  // ITEM: BOX BOUNDS [xy xz yz] b b b
  box.triclinic = std::find(words.begin(), words.end(), "xy") != words.end();
  const std::size_t first_boundary = box.triclinic ? 6 : 3;
  if (words.size() != first_boundary + 3) fail("malformed BOX BOUNDS header '" + header + "'");
  for (int k = 0; k < 3; ++k) box.boundary[k] = words[first_boundary + k];

  double bound[3][3] = {{0.0}};
  std::string line;
  for (int k = 0; k < 3; ++k) {
    if (!read_line(line)) truncated("end of file in BOX BOUNDS");
    const std::vector<std::string> values = split(line);
    const std::size_t expected = box.triclinic ? 3 : 2;
    if (values.size() != expected)
      fail("BOX BOUNDS line needs " + std::to_string(expected) + " numbers, got '" + line + "'");
    for (std::size_t v = 0; v < expected; ++v)
      if (!parse_double(values[v], bound[k][v])) fail("not a number in BOX BOUNDS: '" + values[v] + "'");
  }
  if (!box.triclinic) {
    for (int k = 0; k < 3; ++k) {
      box.lo[k] = bound[k][0];
      box.hi[k] = bound[k][1];
    }
    const std::string problem = box_problem(box);
    if (!problem.empty()) fail(problem);
    return;
  }
  // Triclinic dumps give the bounding box of the tilted cell (LAMMPS Howto triclinic).
  box.xy = bound[0][2];
  box.xz = bound[1][2];
  box.yz = bound[2][2];
  box.lo[0] = bound[0][0] - std::min({0.0, box.xy, box.xz, box.xy + box.xz});
  box.hi[0] = bound[0][1] - std::max({0.0, box.xy, box.xz, box.xy + box.xz});
  box.lo[1] = bound[1][0] - std::min(0.0, box.yz);
  box.hi[1] = bound[1][1] - std::max(0.0, box.yz);
  box.lo[2] = bound[2][0];
  box.hi[2] = bound[2][1];
  const std::string problem = box_problem(box);
  if (!problem.empty()) fail(problem);
}

void DumpReader::read_atoms(const std::string &header, std::int64_t natoms, Frame &frame)
{
  const std::vector<std::string> words = split(header);
  const std::vector<std::string> columns(words.begin() + 2, words.end());
  auto column = [&](const std::string &name) {
    auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
  };
  const int id_column = column("id"), type_column = column("type");
  if (id_column < 0) fail("the ATOMS columns have no 'id'");
  if (type_column < 0) fail("the ATOMS columns have no 'type'");

  // Positions: absolute, then unwrapped, then scaled, then scaled unwrapped.
  static const char *const SETS[4][3] = {{"x", "y", "z"},
                                         {"xu", "yu", "zu"},
                                         {"xs", "ys", "zs"},
                                         {"xsu", "ysu", "zsu"}};
  int set = -1;
  int position_column[3] = {-1, -1, -1};
  for (int s = 0; s < 4 && set < 0; ++s) {
    if (column(SETS[s][0]) >= 0 && column(SETS[s][1]) >= 0 && column(SETS[s][2]) >= 0) {
      set = s;
      for (int k = 0; k < 3; ++k) position_column[k] = column(SETS[s][k]);
    }
  }
  if (set < 0) fail("the ATOMS columns have no complete set of positions (x y z, xu yu zu, xs ys zs or xsu ysu zsu)");
  const bool scaled = set >= 2;
  frame.positions_unwrapped = set == 1 || set == 3;
  const int image_column[3] = {column("ix"), column("iy"), column("iz")};
  frame.has_image = image_column[0] >= 0 && image_column[1] >= 0 && image_column[2] >= 0;

  std::vector<int> extra_columns;
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    const bool used = c == id_column || c == type_column || c == position_column[0] || c == position_column[1] ||
                      c == position_column[2] ||
                      (frame.has_image && (c == image_column[0] || c == image_column[1] || c == image_column[2]));
    if (!used) extra_columns.push_back(c);
  }

  const std::size_t n = static_cast<std::size_t>(natoms);
  std::vector<std::string> extra_names;
  for (int c : extra_columns) extra_names.push_back(columns[c]);
  const std::vector<std::vector<double> *> extra_targets =
      start_atoms(frame, std::min(n, MAX_ATOMS_RESERVED), extra_names);
  const std::array<std::string, 3> position_names{
      {columns[position_column[0]], columns[position_column[1]], columns[position_column[2]]}};

  std::string line;
  std::vector<double> values(columns.size());
  for (std::size_t a = 0; a < n; ++a) {
    if (!read_line(line)) truncated("end of file after " + std::to_string(a) + " of " + std::to_string(n) + " atoms");
    if (starts_with(line, "ITEM:"))
      fail("'" + line.substr(0, 80) + "' after " + std::to_string(a) +
           " atom lines: the frame has fewer atom lines than its NUMBER OF ATOMS (" + std::to_string(n) + ")");
    std::size_t bad = 0;
    const std::size_t fields = parse_numbers(line, values, bad);
    if (fields != columns.size()) {
      std::string next;
      if (!read_line(next)) truncated("last atom line is incomplete");
      fail("atom line has " + std::to_string(fields) + " values, the ATOMS header names " +
           std::to_string(columns.size()) + " columns");
    }
    if (bad != std::string::npos) {
      const std::vector<std::string> words = split(line);
      fail("not a number in column '" + columns[bad] + "': '" + words[bad] + "'");
    }
    // Ranges are checked before the conversions: converting nan or 1e300 to an integer is
    // undefined behaviour.
    const double id = values[id_column], type = values[type_column];
    if (!(id >= 1.0 && id <= 9.0e18 && std::floor(id) == id))
      fail("atom id must be a positive integer, got '" + split(line)[id_column] + "'");
    if (!(type >= 1.0 && type <= 2.0e9 && std::floor(type) == type))
      fail("atom type must be a positive integer, got '" + split(line)[type_column] + "'");
    const std::int64_t atom_id = static_cast<std::int64_t>(id);
    const int atom_type = static_cast<int>(type);
    std::array<double, 3> p{{values[position_column[0]], values[position_column[1]], values[position_column[2]]}};
    if (scaled) {
      const Box &b = frame.box;
      const double lx = b.hi[0] - b.lo[0], ly = b.hi[1] - b.lo[1], lz = b.hi[2] - b.lo[2];
      p = {{b.lo[0] + p[0] * lx + p[1] * b.xy + p[2] * b.xz, b.lo[1] + p[1] * ly + p[2] * b.yz, b.lo[2] + p[2] * lz}};
    }
    const std::string problem = core::position_problem(p, frame.box.lo, frame.box.hi, position_names);
    if (!problem.empty()) fail("atom " + std::to_string(atom_id) + ": " + problem);
    frame.id.push_back(atom_id);
    frame.type.push_back(atom_type);
    frame.position.push_back(p);
    if (frame.has_image)
      frame.image.push_back({{static_cast<int>(values[image_column[0]]), static_cast<int>(values[image_column[1]]),
                              static_cast<int>(values[image_column[2]])}});
    for (std::size_t e = 0; e < extra_columns.size(); ++e) extra_targets[e]->push_back(values[extra_columns[e]]);
  }
  check_unique_ids(frame.id);
}

void DumpReader::check_unique_ids(const std::vector<std::int64_t> &ids)
{
  // A table over the IDs where they are dense (as LAMMPS numbers atoms), else a sort.
  std::int64_t max_id = 0;
  for (std::int64_t id : ids) max_id = std::max(max_id, id);
  std::int64_t repeated = 0;
  if (max_id <= 8 * static_cast<std::int64_t>(ids.size()) + 1024) {
    seen_ids_.assign(static_cast<std::size_t>(max_id) + 1, 0);  // keeps its capacity between frames
    for (std::int64_t id : ids) {
      if (seen_ids_[static_cast<std::size_t>(id)]) {
        repeated = id;
        break;
      }
      seen_ids_[static_cast<std::size_t>(id)] = 1;
    }
  } else {
    std::vector<std::int64_t> sorted(ids);
    std::sort(sorted.begin(), sorted.end());
    const auto twice = std::adjacent_find(sorted.begin(), sorted.end());
    if (twice != sorted.end()) repeated = *twice;
  }
  if (repeated == 0) return;
  // Lines of the atoms: the last atom line is line_number_.
  const long first_atom_line = line_number_ - static_cast<long>(ids.size()) + 1;
  std::vector<long> lines;
  for (std::size_t a = 0; a < ids.size() && lines.size() < 2; ++a)
    if (ids[a] == repeated) lines.push_back(first_atom_line + static_cast<long>(a));
  throw DumpError(path_ + ": frame " + std::to_string(frames_read_ + 1) + ": atom id " + std::to_string(repeated) +
                  " appears more than once (lines " + std::to_string(lines[0]) + " and " + std::to_string(lines[1]) +
                  "): each atom must be listed once per frame");
}

bool DumpReader::next(Frame &frame)
{
  std::string line;
  // A clean end of file is allowed only between frames.
  do {
    if (!read_line(line)) return false;
  } while (line.find_first_not_of(" \t") == std::string::npos);
  while (is_optional_item(line)) {
    if (!read_line(line) || !read_line(line)) truncated("end of file in an optional ITEM");
  }
  if (!starts_with(line, "ITEM: TIMESTEP")) fail("expected 'ITEM: TIMESTEP', got '" + line.substr(0, 80) + "'");
  if (!read_line(line)) truncated("end of file after ITEM: TIMESTEP");
  std::int64_t value = 0;
  const std::vector<std::string> step_words = split(line);
  if (step_words.size() != 1 || !parse_integer(step_words[0], value))
    fail("timestep is not an integer: '" + line + "'");
  frame.timestep = value;

  expect_item("NUMBER OF ATOMS");
  if (!read_line(line)) truncated("end of file after ITEM: NUMBER OF ATOMS");
  const std::vector<std::string> count_words = split(line);
  if (count_words.size() != 1 || !parse_integer(count_words[0], value) || value < 0)
    fail("number of atoms is not a non-negative integer: '" + line + "'");
  const std::int64_t natoms = value;

  read_box(expect_item("BOX BOUNDS"), frame.box);
  read_atoms(expect_item("ATOMS"), natoms, frame);
  ++frames_read_;
  ++decoded_frames;
  return true;
}

}  // namespace io
}  // namespace exsolve
