#include "io/atomic_output_file.h"
#include "io/text_file.h"

#include <boost/test/unit_test.hpp>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace exsolve::io;

namespace {

// The names in `dir` other than . and ..
std::vector<std::string> names_in(const std::string &dir)
{
  std::vector<std::string> names;
  DIR *listing = opendir(dir.c_str());
  for (dirent *entry = readdir(listing); entry; entry = readdir(listing))
    if (std::string(entry->d_name) != "." && std::string(entry->d_name) != "..") names.push_back(entry->d_name);
  closedir(listing);
  return names;
}

struct TempDirectory {
  std::string path;
  TempDirectory()
  {
    char name[] = "/tmp/exsolve_test_dir_XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDirectory()
  {
    for (const std::string &name : names_in(path)) std::remove((path + "/" + name).c_str());
    rmdir(path.c_str());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(atomic_output_file)

BOOST_AUTO_TEST_CASE(the_final_name_appears_only_at_commit)
{
  TempDirectory dir;
  const std::string path = dir.path + "/table.csv";
  AtomicOutputFile file(path);
  file.print("{},{}\n", 1, 2.5);
  file.write(std::string(100000, 'x'));  // beyond the buffer: written at once
  BOOST_TEST(names_in(dir.path).size() == 1u);
  BOOST_TEST(names_in(dir.path)[0].rfind(".table.csv.partial-", 0) == 0u);
  file.commit();
  BOOST_TEST(names_in(dir.path) == std::vector<std::string>{"table.csv"});
  BOOST_TEST(read_text_file(path) == "1,2.5\n" + std::string(100000, 'x'));
}

BOOST_AUTO_TEST_CASE(an_unfinished_file_leaves_the_old_one)
{
  TempDirectory dir;
  const std::string path = dir.path + "/table.csv";
  write_file_atomically(path, "old\n");
  {
    AtomicOutputFile file(path);
    file.write("half a ta");
  }  // an error on the way: never committed
  BOOST_TEST(names_in(dir.path) == std::vector<std::string>{"table.csv"});
  BOOST_TEST(read_text_file(path) == "old\n");
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_created_is_named)
{
  const std::string path = "/nonexistent-exsolve-directory/table.csv";
  try {
    AtomicOutputFile file(path);
    BOOST_FAIL("no error");
  } catch (const OutputError &e) {
    BOOST_TEST(std::string(e.what()) == "cannot create " + path + ": No such file or directory");
  }
}

BOOST_AUTO_TEST_CASE(a_failed_rename_is_named_and_leaves_no_temporary_file)
{
  // A directory under the final name: rename(2) refuses to replace it.
  TempDirectory dir;
  const std::string path = dir.path + "/occupied";
  mkdir(path.c_str(), 0755);
  write_file_atomically(path + "/inside", "x");
  AtomicOutputFile file(path);
  file.write("text");
  try {
    file.commit();
    BOOST_FAIL("no error");
  } catch (const OutputError &e) {
    BOOST_TEST(std::string(e.what()) == "cannot move the finished file into place as " + path + ": Is a directory");
  }
  BOOST_TEST(names_in(dir.path) == std::vector<std::string>{"occupied"});
  std::remove((path + "/inside").c_str());
  rmdir(path.c_str());
}

BOOST_AUTO_TEST_SUITE_END()
