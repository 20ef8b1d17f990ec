// Helpers shared by the tests that run the `whosaid` binary or write files:
// a scratch directory per test, file reading and writing, shell runs with
// stdout and stderr captured, and the built-in extractor.
#ifndef WHOSAID_TESTS_TEST_UTIL_H_
#define WHOSAID_TESTS_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace test {

// The extractor with the built-in lexicons, made once (compiling the rules
// takes a while) and kept for the whole test program.
inline const Extractor& BuiltIn() {
  static const Extractor* const kExtractor = [] {
    auto e = Extractor::Create(ExtractorOptions());
    EXPECT_TRUE(e.ok()) << e.status();
    return e.ok() ? e->release() : nullptr;
  }();
  return *kExtractor;
}

// A content part's words: a part that is a whole quotation spans its marks
// (any style the layout knows), which the claim's content text leaves out:
// "\"No,\"" -> "No,". Other parts are returned as they are.
inline std::string WithoutQuoteMarks(absl::string_view s) {
  static constexpr absl::string_view kMarks[] = {
      "''", "``", "\"", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D",
      "\xE2\x80\x9E", "\xE2\x80\x9F", "\xE2\x80\xB3"};
  for (absl::string_view open : kMarks) {
    if (!absl::StartsWith(s, open)) continue;
    for (absl::string_view close : kMarks) {
      if (s.size() >= open.size() + close.size() && absl::EndsWith(s, close)) {
        return std::string(s.substr(open.size(), s.size() - open.size() - close.size()));
      }
    }
    break;
  }
  return std::string(s);
}

// The whole content of the file at `p` ("" if it cannot be read).
inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh directory named after the suite, the process and the running
// test, removed and made anew.
inline std::filesystem::path FreshTestDir(const std::string& suite) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      absl::StrCat(suite, ".", getpid(), ".",
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Writes `content` to dir/name (making parent directories); returns its path.
inline std::string WriteFile(const std::filesystem::path& dir,
                             const std::string& name,
                             const std::string& content) {
  std::filesystem::path p = dir / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

struct RunResult {
  int exit_code = -1;  // 128 when the command did not exit normally
  std::string out;
  std::string err;
};

// Runs `command` through the shell with stdout and stderr redirected into
// files under `dir`, and returns its exit code and both outputs.
inline RunResult RunShell(const std::string& command,
                          const std::filesystem::path& dir) {
  const std::filesystem::path out = dir / "stdout", err = dir / "stderr";
  const std::string cmd =
      absl::StrCat(command, " >", out.string(), " 2>", err.string());
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

}  // namespace test
}  // namespace whosaid

#endif  // WHOSAID_TESTS_TEST_UTIL_H_
