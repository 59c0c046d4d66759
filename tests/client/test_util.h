// Helpers for the CLI tests: temporary directories and a tiny loopback
// server that runs a scripted exchange on one accepted connection.
#ifndef DOJAVA_TESTS_CLIENT_TEST_UTIL_H_
#define DOJAVA_TESTS_CLIENT_TEST_UTIL_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

namespace dojava::client::testing {

// A fresh directory under $TMPDIR, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir() {
    const char* t = std::getenv("TMPDIR");
    path_ = std::string(t && *t ? t : "/tmp") + "/dojava-cli-test-XXXXXX";
    if (::mkdtemp(path_.data()) == nullptr) std::abort();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Listens on 127.0.0.1:0; Serve() runs `script` with the first accepted
// connection's fd on a thread, joined on destruction.
class LoopbackServer {
 public:
  LoopbackServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0 || ::listen(fd_, 4) != 0) {
      std::abort();
    }
    socklen_t len = sizeof(a);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  ~LoopbackServer() {
    if (thread_.joinable()) thread_.join();
    ::close(fd_);
  }
  uint16_t port() const { return port_; }
  void Serve(std::function<void(int)> script, int connections = 1) {
    thread_ = std::thread([this, script, connections] {
      for (int i = 0; i < connections; ++i) {
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) return;
        script(c);
        ::close(c);
      }
    });
  }

 private:
  int fd_ = -1;
  uint16_t port_ = 0;
  std::thread thread_;
};

// Blocking helpers for the server side of a script.
inline std::string ReadN(int fd, size_t n) {
  std::string s(n, '\0');
  size_t got = 0;
  while (got < n) {
    const ssize_t r = ::recv(fd, s.data() + got, n - got, 0);
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  s.resize(got);
  return s;
}
inline std::string ReadHead(int fd) {
  std::string s;
  char c;
  while (s.find("\r\n\r\n") == std::string::npos && ::recv(fd, &c, 1, 0) == 1) s.push_back(c);
  return s;
}
inline void SendAll(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    const ssize_t r = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
    if (r <= 0) return;
    off += static_cast<size_t>(r);
  }
}

}  // namespace dojava::client::testing

#endif  // DOJAVA_TESTS_CLIENT_TEST_UTIL_H_
