#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

namespace dojava::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Both ends close on exec; the child gets its end through dup2.
bool Pipe(int fds[2]) { return ::pipe2(fds, O_CLOEXEC) == 0; }

void CloseFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Moves data for one poll round: `input` into `in_fd` (closed once all is
// written), stdout and stderr into the result (closed at end of file).
void PumpOnce(int& in_fd, int& out_fd, int& err_fd, const std::string& input, size_t& written,
              ProcessResult& r, int timeout_ms) {
  pollfd p[3] = {{in_fd, POLLOUT, 0}, {out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  if (::poll(p, 3, timeout_ms) <= 0) return;
  if (in_fd >= 0 && (p[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
    const ssize_t n = ::write(in_fd, input.data() + written, input.size() - written);
    if (n > 0) written += static_cast<size_t>(n);
    if (n <= 0 || written == input.size()) CloseFd(in_fd);
  }
  char buf[8192];
  for (auto [fd, sink] : {std::pair{&out_fd, &r.out}, std::pair{&err_fd, &r.err}}) {
    if (*fd < 0 || !(p[fd == &out_fd ? 1 : 2].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    const ssize_t n = ::read(*fd, buf, sizeof(buf));
    if (n > 0) {
      sink->append(buf, static_cast<size_t>(n));
    } else {
      CloseFd(*fd);
    }
  }
}

}  // namespace

pid_t SpawnProcess(const std::vector<std::string>& argv_in, int in_fd, int out_fd, int err_fd) {
  std::vector<std::string> argv_s = argv_in;
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Only async-signal-safe calls from here on: the test may have threads.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(in_fd >= 0 ? in_fd : null_fd, 0);
    ::dup2(out_fd >= 0 ? out_fd : null_fd, 1);
    ::dup2(err_fd >= 0 ? err_fd : null_fd, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  if (null_fd >= 0) ::close(null_fd);
  return pid;
}

int WaitProcess(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0) return -1;
    if (Clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& input,
                         std::chrono::milliseconds timeout) {
  ProcessResult r;
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  if (!Pipe(in) || !Pipe(out) || !Pipe(err)) {
    for (int* fd : {&in[0], &in[1], &out[0], &out[1], &err[0], &err[1]}) CloseFd(*fd);
    return r;
  }
  // A child that exits before reading all of its stdin must not kill the test.
  ::signal(SIGPIPE, SIG_IGN);
  const pid_t pid = SpawnProcess(argv, in[0], out[1], err[1]);
  for (int* fd : {&in[0], &out[1], &err[1]}) CloseFd(*fd);
  if (input.empty()) CloseFd(in[1]);
  size_t written = 0;
  const auto deadline = Clock::now() + timeout;
  while (pid > 0 && (out[0] >= 0 || err[0] >= 0) && Clock::now() < deadline) {
    PumpOnce(in[1], out[0], err[0], input, written, r, 100);
  }
  for (int* fd : {&in[1], &out[0], &err[0]}) CloseFd(*fd);
  if (pid > 0) r.exit_code = WaitProcess(pid, std::chrono::seconds(5));
  return r;
}

ProcessResult RunCli(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv = {DOJAVA_CLI_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, input);
}

ProcessResult RunDojavad(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  std::vector<std::string> argv = {DOJAVAD_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, "", timeout);
}

}  // namespace dojava::testing
