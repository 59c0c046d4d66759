// The real dojavad binary serving, as a child process.
//
//   auto r = RunDojavad({"init", "--data-dir", dir, ...});   // process.h: waits, captures
//   DojavadServer s(dir, {"header_timeout_ms=2000"});        // `serve`, ports from stdout
//   s.Signal(SIGTERM); int code = s.Wait();
//
// DOJAVAD_PATH comes from CMake ($<TARGET_FILE:dojavad>). Listeners bind
// 127.0.0.1 port 0; the ports are read from serve's "listening on" lines.
#ifndef DOJAVA_TESTS_SUPPORT_DOJAVAD_PROCESS_H_
#define DOJAVA_TESTS_SUPPORT_DOJAVAD_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace dojava::testing {

// The result of RunDojavad (process.h).
using RunResult = ProcessResult;

class DojavadServer {
 public:
  // Starts `dojavad serve --data-dir dir source.listen=127.0.0.1:0
  // reviewer.listen=127.0.0.1:0 <overrides...>` and waits (up to 30 s) for
  // both listening lines. ok() is false if it exited or never listened.
  DojavadServer(const std::string& data_dir, const std::vector<std::string>& overrides = {});
  ~DojavadServer();  // SIGKILLs the process if it is still running
  DojavadServer(const DojavadServer&) = delete;
  DojavadServer& operator=(const DojavadServer&) = delete;

  bool ok() const { return source_port_ != 0 && reviewer_port_ != 0; }
  uint16_t source_port() const { return source_port_; }
  uint16_t reviewer_port() const { return reviewer_port_; }
  pid_t pid() const { return pid_; }

  void Signal(int sig);
  // Waits for the process to exit (SIGKILL after `timeout`); its exit code,
  // or -1 if it died from a signal.
  int Wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Everything it wrote to stdout and stderr so far (after Wait(): all).
  std::string Stdout();
  std::string Stderr() const;

 private:
  void Drain(std::chrono::milliseconds timeout);
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string out_;
  std::string err_path_;
  uint16_t source_port_ = 0;
  uint16_t reviewer_port_ = 0;
};

}  // namespace dojava::testing

#endif  // DOJAVA_TESTS_SUPPORT_DOJAVAD_PROCESS_H_
