// Child processes for the tests: the real dojavad and dojava binaries, run
// to completion with stdin given and stdout/stderr captured.
//
//   ProcessResult r = RunCli({"keygen", "--key-file", path, ...});
//   ProcessResult i = RunDojavad({"init", "--data-dir", dir, ...});
//
// Children die with the test (PR_SET_PDEATHSIG): a test that crashes leaves
// nothing running. Thread-safe.
#ifndef DOJAVA_TESTS_SUPPORT_PROCESS_H_
#define DOJAVA_TESTS_SUPPORT_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace dojava::testing {

struct ProcessResult {
  int exit_code = -1;  // -1: killed by a signal, timed out, or could not run
  std::string out;     // stdout
  std::string err;     // stderr
};

// fork + exec `argv` (argv[0] is a path): stdin, stdout and stderr from the
// given descriptors (-1: /dev/null), every signal unblocked, killed when the
// test process dies. The child's pid, or -1.
pid_t SpawnProcess(const std::vector<std::string>& argv, int in_fd, int out_fd, int err_fd);

// Waits for `pid` (SIGKILL after `timeout`): its exit code, or -1 if it died
// from a signal.
int WaitProcess(pid_t pid, std::chrono::milliseconds timeout);

// Runs `argv` to completion with `input` on its stdin (then end of file),
// capturing stdout and stderr; killed after `timeout`.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& input = "",
                         std::chrono::milliseconds timeout = std::chrono::seconds(120));

// The dojava CLI of this build with `args` (DOJAVA_CLI_BINARY).
ProcessResult RunCli(const std::vector<std::string>& args, const std::string& input = "");

// The dojavad of this build with `args` (DOJAVAD_PATH), no stdin.
ProcessResult RunDojavad(const std::vector<std::string>& args,
                         std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace dojava::testing

#endif  // DOJAVA_TESTS_SUPPORT_PROCESS_H_
