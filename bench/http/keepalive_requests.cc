// keepalive_requests PORT CONNECTIONS REQUESTS [PATH]: opens CONNECTIONS
// keep-alive connections to 127.0.0.1:PORT and sends REQUESTS GET requests
// in all (default path /api/v1/instance), in rounds: one request on every
// connection, then one whole response read from each (Content-Length framed).
// Prints how many answered 200 and exits non-zero unless all did.
//
// A fixed amount of work, unlike wrk's fixed time: bench/http/count_instructions
// runs dojavad under callgrind twice with it and divides the difference in
// instructions by the difference in requests (the server's cost per request,
// independent of how busy the machine is).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr size_t kMaxResponseBytes = 1 << 20;

bool WriteAll(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

// Reads one response (head + Content-Length body) from fd; `pending` keeps
// bytes already read past it. True if it was a 200.
bool ReadResponse(int fd, std::string* pending) {
  size_t head_end = std::string::npos;
  char buf[16384];
  while ((head_end = pending->find("\r\n\r\n")) == std::string::npos) {
    if (pending->size() > kMaxResponseBytes) return false;
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n <= 0) return false;
    pending->append(buf, static_cast<size_t>(n));
  }
  const std::string head = pending->substr(0, head_end);
  size_t length = 0;
  for (const char* name : {"\r\nContent-Length: ", "\r\ncontent-length: "}) {
    const size_t p = head.find(name);
    if (p != std::string::npos) length = std::strtoul(head.c_str() + p + std::strlen(name), nullptr, 10);
  }
  if (length > kMaxResponseBytes) return false;
  const size_t total = head_end + 4 + length;
  while (pending->size() < total) {
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n <= 0) return false;
    pending->append(buf, static_cast<size_t>(n));
  }
  const bool ok = head.compare(0, 12, "HTTP/1.1 200") == 0;
  pending->erase(0, total);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: keepalive_requests PORT CONNECTIONS REQUESTS [PATH]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int conns = std::atoi(argv[2]);
  const long requests = std::atol(argv[3]);
  const std::string path = argc == 5 ? argv[4] : "/api/v1/instance";
  if (port <= 0 || port > 65535 || conns <= 0 || requests < 0) {
    std::fprintf(stderr, "keepalive_requests: bad arguments\n");
    return 2;
  }
  const std::string req = "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
  std::vector<int> fds;
  std::vector<std::string> pending(static_cast<size_t>(conns));
  for (int i = 0; i < conns; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
      std::fprintf(stderr, "keepalive_requests: cannot connect\n");
      return 1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    fds.push_back(fd);
  }
  long sent = 0, answered = 0;
  while (sent < requests) {
    size_t in_round = 0;
    for (size_t i = 0; i < fds.size() && sent < requests; ++i, ++sent, ++in_round) {
      if (!WriteAll(fds[i], req)) {
        std::fprintf(stderr, "keepalive_requests: write failed after %ld requests\n", sent);
        return 1;
      }
    }
    for (size_t i = 0; i < in_round; ++i) {
      if (ReadResponse(fds[i], &pending[i])) ++answered;
    }
  }
  for (int fd : fds) ::close(fd);
  std::printf("%ld of %ld requests answered 200 over %d connections\n", answered, requests, conns);
  return answered == requests ? 0 : 1;
}
