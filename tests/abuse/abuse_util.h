// Helpers for the abuse, fault and audit tests: an instance made and driven
// with the real binaries (`dojava` for the admin, reviewers and sources,
// `dojavad` for the server, started by tests/integration/dojavad_process.h),
// raw HTTP for what no client would send, and an environment guard to run
// the server under the day-shift shim (day_shift.cc).
#ifndef DOJAVA_TESTS_ABUSE_ABUSE_UTIL_H_
#define DOJAVA_TESTS_ABUSE_ABUSE_UTIL_H_

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
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
#include "tests/http/test_client.h"
#include "tests/http/test_dirs.h"
#include "tests/integration/dojavad_process.h"
#include "tests/integration/test_file.h"

extern char** environ;

namespace dojava::abuse {

using http::testing::Conn;
using http::testing::Get;
using http::testing::RawResponse;
using http::testing::TempDir;
using testing::DojavadServer;
using testing::RunDojavad;
using namespace std::chrono_literals;

inline constexpr auto kBound = std::chrono::seconds(10);

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
  ::chmod(path.c_str(), 0600);
}

inline RawResponse Exchange(Conn& c, const std::string& request) {
  REQUIRE(c.ok());
  REQUIRE(c.Send(request));
  auto r = c.Read(kBound);
  REQUIRE(r);
  return *r;
}

inline std::string Post(const std::string& path, const std::string& json,
                        const std::string& extra = "") {
  return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra +
         "Content-Length: " + std::to_string(json.size()) + "\r\n\r\n" + json;
}

inline std::string PutChunkHead(const std::string& file_id, uint32_t index) {
  return "PUT /api/v1/uploads/" + file_id + "/chunks/" + std::to_string(index) +
         " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
         std::to_string(protocol::kChunkRecordSize) + "\r\n\r\n";
}

// The API's one error shape with `code`; the message never echoes input.
inline void CheckApiError(const RawResponse& r, int status, const std::string& code) {
  INFO("status " << r.status << " body " << r.body.substr(0, 200));
  CHECK(r.status == status);
  CHECK(r.headers["content-type"] == "application/json");
  CHECK(r.body.find("{\"error\":{\"code\":\"" + code + "\",\"message\":\"") == 0);
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

struct CliResult {
  int rc = -1;
  std::string out, err;
};

// Runs the `dojava` CLI binary with `args`, no stdin, output captured in
// files of `dir`. Thread-safe (distinct output files per call).
inline CliResult RunCli(const std::string& dir, std::vector<std::string> args) {
  static std::atomic<int> n{0};
  const std::string out = dir + "/cli-out." + std::to_string(++n);
  const std::string err = out + ".err";
  args.insert(args.begin(), DOJAVA_CLI_BINARY);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  CliResult r;
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&fa);
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  ::unlink(out.c_str());
  ::unlink(err.c_str());
  return r;
}

inline boost::json::object JsonOut(const CliResult& r) {
  INFO(r.out << r.err);
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(r.out, ec);
  REQUIRE(!ec);
  REQUIRE(v.is_object());
  return v.as_object();
}

// An instance made as people make one: the admin key with `dojava admin
// init`, the instance with `dojavad init`, reviewers with `dojava keygen` and
// `dojava roster add` (needs a running server). Passphrases in 0600 files.
class World {
 public:
  World() {
    WriteFile(Path("pass"), "correct horse battery staple\n");
    auto admin = Cli({"admin", "init", "--key-file", Path("admin.key"), "--passphrase-file",
                      Path("pass"), "--kdf-memory-mib", "8", "--json"});
    REQUIRE(admin.rc == 0);
    auto o = JsonOut(admin);
    fingerprint_ = std::string(o["fingerprint"].as_string());
    auto init = RunDojavad({"init", "--data-dir", data_dir(), "--admin-public-key",
                            std::string(o["admin_public_key"].as_string()), "--name",
                            "Abuse Test Newsroom"});
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
  }

  // `dojavad serve` on 127.0.0.1 ports with every rate limit off unless
  // `overrides` set them (later arguments win).
  std::unique_ptr<DojavadServer> Serve(const std::vector<std::string>& overrides = {}) {
    std::vector<std::string> args;
    for (const char* cls : {"static", "api", "upload", "costly"}) {
      args.push_back(std::string("rate.") + cls + ".global_per_second=0");
      args.push_back(std::string("rate.") + cls + ".circuit_per_second=0");
    }
    // A restart keeps the addresses, as an operator's would: the CLI state
    // of the reviewers and the admin names the server by its address.
    if (source_port_ != 0) {
      args.push_back("source.listen=127.0.0.1:" + std::to_string(source_port_));
      args.push_back("reviewer.listen=127.0.0.1:" + std::to_string(reviewer_port_));
    }
    args.insert(args.end(), overrides.begin(), overrides.end());
    auto s = std::make_unique<DojavadServer>(data_dir(), args);
    INFO(s->Stderr());
    REQUIRE(s->ok());
    source_port_ = s->source_port();
    reviewer_port_ = s->reviewer_port();
    return s;
  }

  CliResult Cli(std::vector<std::string> args) const { return RunCli(tmp_.path(), args); }

  // A reviewer key made and added to the roster (the server must run).
  void AddReviewer(const std::string& name) {
    const std::string key = Path(name + ".key");
    auto kg = Cli(
        {"keygen", "--key-file", key, "--passphrase-file", Path("pass"), "--kdf-memory-mib", "8"});
    INFO(kg.err);
    REQUIRE(kg.rc == 0);
    auto add = Cli({"roster", "add", "--server", ReviewerUrl(), "--state-dir", Path("state-admin"),
                    "--admin-key", Path("admin.key"), "--passphrase-file", Path("pass"), "--name",
                    name, "--reviewer-public", key + ".pub", "--json"});
    INFO(add.err);
    REQUIRE(add.rc == 0);
  }

  // A reviewer command; the admin fingerprint given as the reviewer would
  // have it from the admin (reviewers never trust a first contact blindly).
  CliResult As(const std::string& name, std::vector<std::string> args) const {
    for (const std::string& a :
         {std::string("--server"), ReviewerUrl(), std::string("--key-file"), Path(name + ".key"),
          std::string("--passphrase-file"), Path("pass"), std::string("--state-dir"),
          Path("state-" + name), std::string("--admin-fingerprint"), fingerprint_}) {
      args.push_back(a);
    }
    return Cli(std::move(args));
  }

  // A source command: no state directory (nothing left on the device), the
  // admin fingerprint given as a source would have it from paper.
  CliResult AsSource(std::vector<std::string> args) const {
    for (const std::string& a :
         {std::string("--server"), SourceUrl(), std::string("--admin-fingerprint"), fingerprint_}) {
      args.push_back(a);
    }
    return Cli(std::move(args));
  }

  // Submits `text` (in a file named `text_name`) with attachments; the
  // receipt on success, "" if the CLI failed (its output in *failed).
  std::string Submit(const std::string& text, const std::vector<std::string>& attach = {},
                     CliResult* failed = nullptr, const std::string& text_name = "") {
    static std::atomic<int> n{0};
    const std::string file =
        Path(text_name.empty() ? "report-" + std::to_string(++n) + ".txt" : text_name);
    WriteFile(file, text);
    std::vector<std::string> args = {"submit", "--text-file", file, "--json"};
    for (const auto& a : attach) {
      args.push_back("--attach");
      args.push_back(a);
    }
    // No Catch2 macro here: tests call this from several threads.
    auto r = AsSource(args);
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(r.out, ec);
    if (r.rc != 0 || ec || !v.is_object() || !v.as_object().contains("receipt") ||
        !v.as_object()["receipt"].is_string()) {
      if (failed) *failed = r;
      return "";
    }
    return std::string(v.as_object()["receipt"].as_string());
  }

  // `dojava inbox` with `receipt` (in a 0600 file), optionally following up.
  CliResult Inbox(const std::string& receipt, const std::string& followup = "") {
    static std::atomic<int> n{0};
    const std::string file = Path("receipt-" + std::to_string(++n));
    WriteFile(file, receipt + "\n");
    std::vector<std::string> args = {"inbox", "--receipt-file", file};
    if (!followup.empty()) {
      WriteFile(file + ".followup", followup);
      args.push_back("--reply-file");
      args.push_back(file + ".followup");
    }
    auto r = AsSource(args);
    ::unlink(file.c_str());
    return r;
  }

  std::string Path(const std::string& name) const { return tmp_.path() + "/" + name; }
  std::string data_dir() const { return Path("data"); }
  std::string SourceUrl() const { return "http://127.0.0.1:" + std::to_string(source_port_); }
  std::string ReviewerUrl() const { return "http://127.0.0.1:" + std::to_string(reviewer_port_); }
  uint16_t source_port() const { return source_port_; }
  uint16_t reviewer_port() const { return reviewer_port_; }
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  TempDir tmp_;
  std::string fingerprint_;
  uint16_t source_port_ = 0;
  uint16_t reviewer_port_ = 0;
};

}  // namespace dojava::abuse

#endif  // DOJAVA_TESTS_ABUSE_ABUSE_UTIL_H_
