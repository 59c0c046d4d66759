// Helpers for the abuse, fault and audit tests: an instance made and driven
// with the real binaries (tests/support/dojavad_instance.h), raw HTTP for
// what no client would send (tests/support/raw_requests.h), and an
// environment guard to run the server under the day-shift shim
// (day_shift.cc).
#ifndef DOJAVA_TESTS_ABUSE_ABUSE_UTIL_H_
#define DOJAVA_TESTS_ABUSE_ABUSE_UTIL_H_

#include <stdlib.h>

#include <boost/json.hpp>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/encoding.h"
#include "crypto/attachment.h"
#include "crypto/protocol_constants.h"
#include "tests/support/dojavad_instance.h"
#include "tests/support/dojavad_process.h"
#include "tests/support/process.h"
#include "tests/support/raw_requests.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_file.h"

namespace dojava::abuse {

using http::testing::TempDir;
using testing::CheckApiError;
using testing::Conn;
using testing::DojavadServer;
using testing::Exchange;
using testing::FollowSubmission;
using testing::FormPart;
using testing::Get;
using testing::kBound;
using testing::PlainFormToken;
using testing::Post;
using testing::ProcessResult;
using testing::PutChunkHead;
using testing::RawResponse;
using testing::RunDojavad;
using namespace std::chrono_literals;
using CliResult = ProcessResult;

inline void WriteFile(const std::string& path, const std::string& data) {
  testing::WritePrivateFile(path, data);
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

using testing::TestFile;

// Sets environment variables for the children started in its lifetime
// (dojavad inherits the test's environment), and restores them after.
class ScopedEnv {
 public:
  explicit ScopedEnv(const std::map<std::string, std::string>& vars) {
    for (const auto& [name, value] : vars) {
      const char* old = std::getenv(name.c_str());
      saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
      ::setenv(name.c_str(), value.c_str(), 1);
    }
  }
  ~ScopedEnv() {
    for (const auto& [name, old] : saved_) {
      if (old) {
        ::setenv(name.c_str(), old->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// The environment that makes dojavad's wall clock `days` off (day_shift.cc).
// ASan insists on coming first in the preload list; the shim has no
// sanitizer and does not care.
inline std::map<std::string, std::string> DayShiftEnv(long days) {
  const char* asan = std::getenv("ASAN_OPTIONS");
  return {{"LD_PRELOAD", DOJAVA_DAY_SHIFT_LIB},
          {"DOJAVA_TEST_DAY_SHIFT", std::to_string(days)},
          {"ASAN_OPTIONS", std::string(asan ? asan : "") + ":verify_asan_link_order=0"}};
}

inline boost::json::object JsonOut(const ProcessResult& r) {
  INFO(r.out << r.err);
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(r.out, ec);
  REQUIRE(!ec);
  REQUIRE(v.is_object());
  return v.as_object();
}

// The instance of the abuse tests: admin key and reviewers made with the
// CLI, every rate limit off unless a test sets one.
class World : public testing::DojavadInstance {
 public:
  World()
      : DojavadInstance(
            {.name = "Abuse Test Newsroom", .admin_key_by_cli = true, .rate_limits_off = true}) {}
};

}  // namespace dojava::abuse

#endif  // DOJAVA_TESTS_ABUSE_ABUSE_UTIL_H_
