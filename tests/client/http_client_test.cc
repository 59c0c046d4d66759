// The HTTP client against scripted loopback servers: keep-alive, chunked
// bodies, size limits, deadlines, unreachable servers, unix sockets.
#include "client/http_client.h"

#include <sys/un.h>

#include <catch2/catch_test_macros.hpp>

#include "client/api_client.h"
#include "tests/client/test_util.h"

namespace dojava::client {
namespace {

using testing::LoopbackServer;

HttpClient ClientFor(uint16_t port, int timeout_ms = 5000) {
  HttpOptions o;
  o.server = *ParseServerUrl("http://127.0.0.1:" + std::to_string(port));
  o.io_timeout = std::chrono::milliseconds(timeout_ms);
  return HttpClient(o);
}

std::string Text(const Bytes& b) { return std::string(b.begin(), b.end()); }

TEST_CASE("HTTP: two requests on one kept-alive connection; secret header sent", "[cli][http]") {
  LoopbackServer server;
  std::string first, second;
  server.Serve([&](int fd) {
    first = testing::ReadHead(fd);
    testing::SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
    second = testing::ReadHead(fd);
    testing::ReadN(fd, 4);  // the body
    testing::SendAll(
        fd, "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
  });
  HttpClient client = ClientFor(server.port());
  SecretBytes token = SecretBytes::Copy(std::string_view("Bearer sekrit"));
  auto a = client.Send("GET", "/one", {{"Authorization", &token, {}}}, {}, "", 1024);
  REQUIRE(a.ok());
  CHECK(a->status == 200);
  CHECK(Text(a->body) == "hello");
  const Bytes body = {'a', 'b', 'c', 'd'};
  auto b = client.Send("POST", "/two", {}, body, "application/json", 1024);
  REQUIRE(b.ok());
  CHECK(b->status == 201);
  CHECK(Text(b->body) == "abc");
  CHECK(first.rfind("GET /one HTTP/1.1\r\n", 0) == 0);
  CHECK(first.find("Authorization: Bearer sekrit\r\n") != std::string::npos);
  CHECK(second.find("Content-Length: 4\r\n") != std::string::npos);
  CHECK(second.find("Content-Type: application/json\r\n") != std::string::npos);
}

TEST_CASE("HTTP: a body over the limit is refused", "[cli][http]") {
  LoopbackServer server;
  server.Serve([&](int fd) {
    testing::ReadHead(fd);
    testing::SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'x'));
  });
  HttpClient client = ClientFor(server.port());
  auto r = client.Send("GET", "/", {}, {}, "", 50);
  CHECK(r.code() == Code::kResourceExhausted);
}

TEST_CASE("HTTP: a server that never answers hits the deadline", "[cli][http]") {
  LoopbackServer server;
  server.Serve([&](int fd) {
    testing::ReadHead(fd);
    ::usleep(700'000);
  });
  HttpClient client = ClientFor(server.port(), 300);
  const auto start = Clock::now();
  auto r = client.Send("GET", "/", {}, {}, "", 50);
  CHECK(r.code() == Code::kIoError);
  CHECK(Clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("HTTP: a closed port is 'cannot reach' (kIoError)", "[cli][http]") {
  uint16_t port;
  {
    LoopbackServer s;  // bound then closed: nothing listens there now
    port = s.port();
    s.Serve([](int) {}, 0);
  }
  HttpClient client = ClientFor(port);
  auto r = client.Send("GET", "/", {}, {}, "", 50);
  REQUIRE(r.code() == Code::kIoError);
  CHECK(r.status().message().find("cannot reach") != std::string::npos);
}

TEST_CASE("HTTP: a header value with a line break is never sent", "[cli][http]") {
  HttpClient client = ClientFor(1);
  auto r = client.Send("GET", "/", {{"X-Test", nullptr, "a\r\nInjected: 1"}}, {}, "", 50);
  CHECK(r.code() == Code::kInvalidArgument);
}

TEST_CASE("HTTP over a unix socket", "[cli][http]") {
  testing::TempDir dir;
  const std::string path = dir / "s.sock";
  const int lfd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  std::snprintf(a.sun_path, sizeof(a.sun_path), "%s", path.c_str());
  REQUIRE(::bind(lfd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0);
  REQUIRE(::listen(lfd, 1) == 0);
  std::string head;
  std::thread t([&] {
    const int c = ::accept(lfd, nullptr, nullptr);
    head = testing::ReadHead(c);
    testing::SendAll(c,
                     "HTTP/1.1 404 Not Found\r\nContent-Length: 53\r\n\r\n"
                     "{\"error\":{\"code\":\"not_found\",\"message\":\"Not found.\"}}");
    ::close(c);
  });
  HttpOptions o;
  o.server = *ParseServerUrl("unix:" + path);
  HttpClient client(o);
  auto r = client.Send("GET", "/api/v1/x", {}, {}, "", 1024);
  t.join();
  ::close(lfd);
  REQUIRE(r.ok());
  CHECK(r->status == 404);
  CHECK(head.find("Host: localhost\r\n") != std::string::npos);
  Status s = StatusFromErrorResponse(r->status, r->body);
  CHECK(s.code() == Code::kNotFound);
  CHECK(s.message().find("not_found") != std::string::npos);
}

TEST_CASE("API error codes map to what the CLI acts on", "[cli][api]") {
  auto err = [](int status, const std::string& code) {
    const std::string body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"}}";
    return StatusFromErrorResponse(status, AsBytes(body)).code();
  };
  CHECK(err(401, "unauthorized") == Code::kPermissionDenied);
  CHECK(err(401, "login_failed") == Code::kPermissionDenied);
  CHECK(err(400, "bad_signature") == Code::kBadSignature);
  CHECK(err(409, "rollback") == Code::kRollback);
  CHECK(err(409, "conflict") == Code::kAlreadyExists);
  CHECK(err(409, "roster_changed") == Code::kAlreadyExists);
  CHECK(err(500, "internal") == Code::kInternal);
  // Not JSON at all: still an error, named by the HTTP status.
  Status s = StatusFromErrorResponse(502, AsBytes(std::string_view("<html>")));
  CHECK(s.code() == Code::kInternal);
  CHECK(s.message().find("http_502") != std::string::npos);
}

TEST_CASE("API: the lookup key is sent only on the source's own routes", "[cli][http]") {
  LoopbackServer server;
  std::string upload, source;
  server.Serve([&](int fd) {
    upload = testing::ReadHead(fd);
    testing::SendAll(fd,
                     "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                     "Content-Length: 23\r\n\r\n{\"error\":\"not_found\"}  ");
    source = testing::ReadHead(fd);
    testing::SendAll(fd,
                     "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                     "Content-Length: 23\r\n\r\n{\"error\":\"not_found\"}  ");
  });
  HttpClient client = ClientFor(server.port());
  ApiClient api(&client);
  api.SetLookupKey(SecretBytes::Copy(std::string_view("LOOKUPKEY")));
  CHECK_FALSE(api.GetUpload(crypto::RandomId()).ok());
  CHECK_FALSE(api.GetSourceCase(0).ok());
  CHECK(upload.find("GET /api/v1/uploads") == 0);
  CHECK(upload.find("LOOKUPKEY") == std::string::npos);
  CHECK(source.find("GET /api/v1/source/case") == 0);
  CHECK(source.find("X-Dojava-Lookup-Key: LOOKUPKEY") != std::string::npos);
}

TEST_CASE("API: the source's message list is capped over all its pages", "[cli][http]") {
  LoopbackServer server;
  server.Serve([&](int fd) {
    // Endless pages of 30 MiB each (a small JSON document, then whitespace).
    for (uint64_t seq = 1; seq <= 5; ++seq) {
      if (testing::ReadHead(fd).empty()) return;  // the client gave up and closed
      std::string body =
          R"({"case_id":"AAAAAAAAAAAAAAAAAAAAAA","sealed_key":"AAAA","messages":[{"seq":)" +
          std::to_string(seq) + R"(,"day":20000,"record":"AAAA"}],"more":true})";
      body.resize(30u << 20, ' ');
      testing::SendAll(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\n\r\n" + body);
    }
  });
  Status st = Status::Ok();
  {
    HttpClient client = ClientFor(server.port(), 30000);
    ApiClient api(&client);
    api.SetLookupKey(SecretBytes::Copy(std::string_view("LOOKUPKEY")));
    st = api.GetSourceCase(0).status();
  }  // the connection closes here; the server's script ends
  CHECK(st.code() == Code::kResourceExhausted);
  CHECK(st.message().find("64 MiB") != std::string::npos);
}

}  // namespace
}  // namespace dojava::client
