// hold_connections PORT N SECONDS: opens N keep-alive connections to
// 127.0.0.1:PORT, sends one GET /api/v1/instance on each and reads the
// answer, then keeps them all open and idle for SECONDS. Prints how many
// answered. Used by bench/http/run to measure dojavad's RSS with 1,000 idle
// keep-alive connections.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: hold_connections PORT N SECONDS\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int n = std::atoi(argv[2]);
  const int seconds = std::atoi(argv[3]);
  const std::string req = "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n";
  std::vector<int> fds;
  int answered = 0;
  for (int i = 0; i < n; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) break;
    fds.push_back(fd);
    if (::write(fd, req.data(), req.size()) != static_cast<ssize_t>(req.size())) continue;
    char buf[4096];
    if (::read(fd, buf, sizeof(buf)) > 12 && std::memcmp(buf, "HTTP/1.1 200", 12) == 0) ++answered;
  }
  std::printf("%d of %d connections answered and held open\n", answered, n);
  std::fflush(stdout);
  ::sleep(static_cast<unsigned>(seconds));
  for (int fd : fds) ::close(fd);
  return answered == n ? 0 : 1;
}
