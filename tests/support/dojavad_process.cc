#include "tests/support/dojavad_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace dojava::testing {
namespace {

using Clock = std::chrono::steady_clock;

// dojavad `args`, stdout to a pipe (returned in *out_fd), stderr to err_path.
pid_t Spawn(const std::vector<std::string>& args, int* out_fd, const std::string& err_path) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  std::vector<std::string> argv = {DOJAVAD_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  const pid_t pid = SpawnProcess(argv, -1, fds[1], err_fd);
  ::close(fds[1]);
  if (err_fd >= 0) ::close(err_fd);
  *out_fd = fds[0];
  return pid;
}

// Reads what is available on fd within `timeout`; false on EOF.
bool ReadSome(int fd, std::chrono::milliseconds timeout, std::string* out) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return true;
  char buf[4096];
  const ssize_t n = ::read(fd, buf, sizeof(buf));
  if (n <= 0) return false;
  out->append(buf, static_cast<size_t>(n));
  return true;
}

std::string TempFile() {
  char tmpl[] = "/tmp/dojava-it-err-XXXXXX";
  const int fd = ::mkstemp(tmpl);
  if (fd >= 0) ::close(fd);
  return tmpl;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

uint16_t PortAfter(const std::string& out, const std::string& prefix) {
  const size_t at = out.find(prefix);
  if (at == std::string::npos) return 0;
  const size_t end = out.find('\n', at);
  if (end == std::string::npos) return 0;
  const std::string line = out.substr(at, end - at);
  const size_t colon = line.rfind(':');
  return static_cast<uint16_t>(std::stoi(line.substr(colon + 1)));
}

}  // namespace

DojavadServer::DojavadServer(const std::string& data_dir, const std::vector<std::string>& overrides)
    : err_path_(TempFile()) {
  std::vector<std::string> args = {"serve", "--data-dir", data_dir, "source.listen=127.0.0.1:0",
                                   "reviewer.listen=127.0.0.1:0"};
  args.insert(args.end(), overrides.begin(), overrides.end());
  pid_ = Spawn(args, &out_fd_, err_path_);
  if (pid_ < 0) return;
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (Clock::now() < deadline) {
    source_port_ = PortAfter(out_, "dojavad: source listening on ");
    reviewer_port_ = PortAfter(out_, "dojavad: reviewer listening on ");
    if (ok()) return;
    if (!ReadSome(out_fd_, std::chrono::milliseconds(100), &out_)) return;  // exited
  }
}

DojavadServer::~DojavadServer() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) ::close(out_fd_);
  ::unlink(err_path_.c_str());
}

void DojavadServer::Signal(int sig) {
  if (pid_ > 0) ::kill(pid_, sig);
}

int DojavadServer::Wait(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  const int code = WaitProcess(pid_, timeout);
  pid_ = -1;
  Drain(std::chrono::milliseconds(0));
  return code;
}

void DojavadServer::Drain(std::chrono::milliseconds timeout) {
  if (out_fd_ < 0) return;
  while (ReadSome(out_fd_, timeout, &out_)) {
    pollfd p{out_fd_, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) break;
  }
}

std::string DojavadServer::Stdout() {
  Drain(std::chrono::milliseconds(0));
  return out_;
}

std::string DojavadServer::Stderr() const { return ReadFile(err_path_); }

}  // namespace dojava::testing
