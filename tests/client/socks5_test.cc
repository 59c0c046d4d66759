// The SOCKS5 client (RFC 1928) against a loopback server speaking the proxy
// side of the handshake.
#include "client/socks5.h"

#include <catch2/catch_test_macros.hpp>

#include "client/http_client.h"
#include "tests/client/test_util.h"

namespace dojava::client {
namespace {

using testing::LoopbackServer;

TEST_CASE("SOCKS5 messages: greeting, domain-name CONNECT, replies", "[cli][socks5]") {
  CHECK(Socks5Greeting() == Bytes{5, 1, 0});
  auto req = Socks5ConnectRequest("abc.onion", 80);
  REQUIRE(req.ok());
  const Bytes want = {5, 1, 0, 3, 9, 'a', 'b', 'c', '.', 'o', 'n', 'i', 'o', 'n', 0, 80};
  CHECK(*req == want);
  CHECK_FALSE(Socks5ConnectRequest("", 80).ok());
  CHECK_FALSE(Socks5ConnectRequest(std::string(256, 'a'), 80).ok());

  CHECK(CheckSocks5MethodReply(Bytes{5, 0}).ok());
  CHECK_FALSE(CheckSocks5MethodReply(Bytes{5, 0xFF}).ok());
  CHECK_FALSE(CheckSocks5MethodReply(Bytes{4, 0}).ok());

  auto ipv4 = ParseSocks5ReplyHead(Bytes{5, 0, 0, 1, 127});
  REQUIRE(ipv4.ok());
  CHECK(*ipv4 == 5);  // 3 more address bytes + port
  auto domain = ParseSocks5ReplyHead(Bytes{5, 0, 0, 3, 7});
  REQUIRE(domain.ok());
  CHECK(*domain == 9);
  auto refused = ParseSocks5ReplyHead(Bytes{5, 0xF4, 0, 1, 0});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("client authorization") != std::string::npos);
  CHECK_FALSE(ParseSocks5ReplyHead(Bytes{5, 0, 0, 9, 0}).ok());
}

// The proxy side: checks what the client sends, byte for byte.
void ProxySide(int fd, uint8_t rep, std::string* seen_host, uint16_t* seen_port) {
  const std::string greet = testing::ReadN(fd, 3);
  if (greet != std::string("\x05\x01\x00", 3)) return;
  testing::SendAll(fd, std::string("\x05\x00", 2));
  const std::string head = testing::ReadN(fd, 5);
  if (head.size() != 5 || head[3] != 3) return;  // ATYP must be a domain name
  const size_t len = static_cast<uint8_t>(head[4]);
  *seen_host = testing::ReadN(fd, len);
  const std::string port = testing::ReadN(fd, 2);
  *seen_port =
      static_cast<uint16_t>((static_cast<uint8_t>(port[0]) << 8) | static_cast<uint8_t>(port[1]));
  std::string reply = {5,    static_cast<char>(rep), 0, 1, 127, 0, 0, 1,
                       0x1f, static_cast<char>(0x90)};
  testing::SendAll(fd, reply);
}

TEST_CASE("SOCKS5 handshake against a loopback proxy names the host, not an address",
          "[cli][socks5]") {
  LoopbackServer proxy;
  std::string host;
  uint16_t port = 0;
  proxy.Serve([&](int fd) {
    ProxySide(fd, 0, &host, &port);
    testing::SendAll(fd, "tunnel");
  });
  const Deadline deadline = Clock::now() + std::chrono::seconds(5);
  auto fd = ConnectTcp("127.0.0.1", proxy.port(), deadline);
  REQUIRE(fd.ok());
  REQUIRE(Socks5Connect(fd->get(), "someservice.onion", 80, deadline).ok());
  uint8_t buf[6];
  REQUIRE(ReadExact(fd->get(), buf, deadline).ok());
  CHECK(std::string(reinterpret_cast<char*>(buf), 6) == "tunnel");
  fd->reset();
  CHECK(host == "someservice.onion");
  CHECK(port == 80);
}

TEST_CASE("SOCKS5: a proxy error reply becomes a readable kIoError", "[cli][socks5]") {
  LoopbackServer proxy;
  std::string host;
  uint16_t port = 0;
  proxy.Serve([&](int fd) { ProxySide(fd, 0xF0, &host, &port); });
  const Deadline deadline = Clock::now() + std::chrono::seconds(5);
  auto fd = ConnectTcp("127.0.0.1", proxy.port(), deadline);
  REQUIRE(fd.ok());
  Status s = Socks5Connect(fd->get(), "x.onion", 80, deadline);
  CHECK(s.code() == Code::kIoError);
  CHECK(s.message().find("descriptor not found") != std::string::npos);
}

TEST_CASE("SOCKS5: a silent proxy hits the deadline", "[cli][socks5]") {
  LoopbackServer proxy;
  proxy.Serve([&](int fd) {
    testing::ReadN(fd, 3); /* never answers */
    ::usleep(600'000);
  });
  const auto start = Clock::now();
  const Deadline deadline = start + std::chrono::milliseconds(300);
  auto fd = ConnectTcp("127.0.0.1", proxy.port(), deadline);
  REQUIRE(fd.ok());
  Status s = Socks5Connect(fd->get(), "x.onion", 80, deadline);
  CHECK(s.code() == Code::kIoError);
  CHECK(s.message().find("timed out") != std::string::npos);
  CHECK(Clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("HTTP through SOCKS5: the request reaches the tunnel with the onion Host header",
          "[cli][socks5][http]") {
  LoopbackServer proxy;
  std::string host, request_head;
  uint16_t port = 0;
  proxy.Serve([&](int fd) {
    ProxySide(fd, 0, &host, &port);
    request_head = testing::ReadHead(fd);
    testing::SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
  });
  HttpOptions o;
  o.server = *ParseServerUrl("http://abcdef.onion");
  o.socks5 = HostPort{"127.0.0.1", proxy.port()};
  o.io_timeout = std::chrono::seconds(5);
  HttpClient client(o);
  auto r = client.Send("GET", "/api/v1/instance", {}, {}, "", 1024);
  REQUIRE(r.ok());
  CHECK(r->status == 200);
  CHECK(std::string(r->body.begin(), r->body.end()) == "ok");
  CHECK(host == "abcdef.onion");
  CHECK(port == 80);
  CHECK(request_head.find("Host: abcdef.onion\r\n") != std::string::npos);
}

TEST_CASE("an onion address without --socks5 is refused before any connection",
          "[cli][socks5][http]") {
  HttpOptions o;
  o.server = *ParseServerUrl("http://abcdef.onion");
  HttpClient client(o);
  auto r = client.Send("GET", "/", {}, {}, "", 1024);
  CHECK(r.code() == Code::kInvalidArgument);
}

}  // namespace
}  // namespace dojava::client
