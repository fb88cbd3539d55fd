#include "io/replica_directories.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

using namespace exsolve::io;
namespace fs = std::filesystem;

namespace {

// The file every run directory holds (the demo's and the exsolution study's series.txt).
const std::string run_file = "series.txt";

// An empty directory under /tmp, removed with everything in it at the end of the test.
struct TempDirectory {
  fs::path path;
  TempDirectory()
  {
    char name[] = "/tmp/exsolve_replicas_XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDirectory() { fs::remove_all(path); }
  std::string sub(const std::string &name) const
  {
    fs::create_directories(path / name);
    return (path / name).string();
  }
};

// The message replica_directories throws for `directory`, or "no error".
std::string error_of(const std::string &directory)
{
  try {
    replica_directories(directory, run_file);
  } catch (const std::runtime_error &e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(replica_directories_suite)

BOOST_AUTO_TEST_CASE(replicas_in_number_order)
{
  TempDirectory condition;
  // Numbered past 9, so that name order (replica-10 before replica-2) would be wrong.
  for (int k = 1; k <= 11; ++k) condition.sub("replica-" + std::to_string(k));
  condition.sub("report");  // other entries are not replicas
  const auto runs = replica_directories(condition.path.string(), run_file);
  BOOST_TEST(runs.size() == 11u);
  BOOST_TEST(runs[1] == (condition.path / "replica-2").string());
  BOOST_TEST(runs[10] == (condition.path / "replica-11").string());
}

BOOST_AUTO_TEST_CASE(a_directory_without_replicas_is_one_run)
{
  TempDirectory condition;
  std::ofstream(condition.path / run_file) << "# x\n";
  const auto runs = replica_directories(condition.path.string(), run_file);
  BOOST_TEST(runs.size() == 1u);
  BOOST_TEST(runs[0] == condition.path.string());
}

BOOST_AUTO_TEST_CASE(malformed_layouts_are_named)
{
  const std::string missing = "/nonexistent/exsolve/condition";
  BOOST_TEST(error_of(missing) == missing + " is not a directory");
  {
    TempDirectory condition;
    condition.sub("replica-1");
    condition.sub("replica-3");
    BOOST_TEST(error_of(condition.path.string()) ==
               condition.path.string() +
                   ": replica-2 missing (replica-3 exists): replicas are numbered from 1 without gaps");
  }
  for (const std::string bad : {"replica-x", "replica-01", "replica-0", "replica-"}) {
    TempDirectory condition;
    condition.sub("replica-1");
    condition.sub(bad);
    BOOST_TEST(error_of(condition.path.string()) ==
               condition.path.string() + ": '" + bad + "' is not a replica directory name (replica-1, replica-2, ...)");
  }
  {
    TempDirectory condition;
    condition.sub("replica-1");
    std::ofstream(condition.path / "replica-2") << "not a directory\n";
    BOOST_TEST(error_of(condition.path.string()) ==
               condition.path.string() + "/replica-2 is not a directory (a replica is a run directory)");
  }
  {
    TempDirectory condition;
    condition.sub("replica-1");
    std::ofstream(condition.path / run_file) << "# x\n";
    BOOST_TEST(error_of(condition.path.string()) ==
               condition.path.string() + " holds both series.txt and replica-* directories: a condition is one run or "
                                         "its replicas, not both");
  }
}

BOOST_AUTO_TEST_SUITE_END()
