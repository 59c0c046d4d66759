#include "tests/support/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

namespace dojava::http::testing {

Conn Conn::Tcp(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
    ::close(fd);
    fd = -1;
  }
  return Conn(fd);
}

Conn Conn::Unix(const std::string& path) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  std::memcpy(a.sun_path, path.c_str(), std::min(path.size() + 1, sizeof(a.sun_path) - 1));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
    ::close(fd);
    fd = -1;
  }
  return Conn(fd);
}

Conn::~Conn() {
  if (fd_ >= 0) ::close(fd_);
}

bool Conn::Send(const std::string& bytes) {
  size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

namespace {

// Reads what is available within the deadline into *out. Returns false on
// EOF/error or timeout with nothing read.
bool ReadSome(int fd, std::chrono::steady_clock::time_point deadline, std::string* out, bool* eof) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char buf[8192];
  const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
  if (n <= 0) {
    *eof = true;
    return false;
  }
  out->append(buf, static_cast<size_t>(n));
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::optional<RawResponse> Conn::Read(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool eof = false;
  size_t head_end;
  while ((head_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!ReadSome(fd_, deadline, &pending_, &eof)) return std::nullopt;
  }
  RawResponse r;
  const std::string head = pending_.substr(0, head_end + 2);
  size_t pos = head.find("\r\n");
  const std::string status_line = head.substr(0, pos);
  if (status_line.rfind("HTTP/1.1 ", 0) != 0) return std::nullopt;
  r.status = std::stoi(status_line.substr(9, 3));
  pos += 2;
  while (pos < head.size()) {
    const size_t end = head.find("\r\n", pos);
    const std::string line = head.substr(pos, end - pos);
    pos = end + 2;
    const size_t colon = line.find(':');
    std::string name = Lower(line.substr(0, colon));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value[0] == ' ') value.erase(0, 1);
    r.headers[name] = value;
    r.all_headers.emplace(name, value);
  }
  size_t length = 0;
  if (auto it = r.headers.find("content-length"); it != r.headers.end()) {
    length = std::stoul(it->second);
  }
  const size_t body_start = head_end + 4;
  while (pending_.size() < body_start + length) {
    if (!ReadSome(fd_, deadline, &pending_, &eof)) return std::nullopt;
  }
  r.body = pending_.substr(body_start, length);
  pending_.erase(0, body_start + length);
  return r;
}

void Conn::ShutdownWrite() {
  if (fd_ >= 0) ::shutdown(fd_, SHUT_WR);
}

bool Conn::ClosedWithin(std::chrono::milliseconds timeout, std::string* got) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  if (got) *got += pending_;
  pending_.clear();
  while (std::chrono::steady_clock::now() < deadline) {
    bool eof = false;
    std::string data;
    if (ReadSome(fd_, deadline, &data, &eof)) {
      if (got) *got += data;
      continue;
    }
    if (eof) return true;
  }
  return false;
}

std::string Get(const std::string& path, const std::string& extra) {
  return "GET " + path + " HTTP/1.1\r\nHost: test.onion\r\n" + extra + "\r\n";
}

}  // namespace dojava::http::testing
