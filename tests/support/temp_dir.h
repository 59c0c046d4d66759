// A temporary directory removed (recursively) at the end of a test.
#ifndef DOJAVA_TESTS_SUPPORT_TEMP_DIR_H_
#define DOJAVA_TESTS_SUPPORT_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dojava::http::testing {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/dojava-http-XXXXXX";
    path_ = ::mkdtemp(tmpl) ? tmpl : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& rel, const std::string& content) const {
    const std::filesystem::path p = std::filesystem::path(path_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::string path_;
};

}  // namespace dojava::http::testing

#endif  // DOJAVA_TESTS_SUPPORT_TEMP_DIR_H_
