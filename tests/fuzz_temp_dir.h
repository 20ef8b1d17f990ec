// A per-process scratch directory for fuzzers that must write their input to
// a file. It is removed when the process exits normally, which libFuzzer's
// -max_total_time and the ctest replay both do, so runs leave nothing behind.
#ifndef WHOSAID_TESTS_FUZZ_TEMP_DIR_H_
#define WHOSAID_TESTS_FUZZ_TEMP_DIR_H_

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace whosaid {

class FuzzTempDir {
 public:
  // Creates <temp>/<prefix><pid>.
  explicit FuzzTempDir(const std::string& prefix)
      : path_(std::filesystem::temp_directory_path() /
              (prefix + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~FuzzTempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  FuzzTempDir(const FuzzTempDir&) = delete;
  FuzzTempDir& operator=(const FuzzTempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  const std::filesystem::path path_;
};

}  // namespace whosaid

#endif  // WHOSAID_TESTS_FUZZ_TEMP_DIR_H_
