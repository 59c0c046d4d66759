// Real sockets: HttpServer runs in this process on 127.0.0.1 port 0 or on a
// unix socket in a temp dir; the tests speak raw HTTP/1.1 bytes to it.
// Timing: the server gets short deadlines; the tests only assert that things
// happen within generous bounds.
#include <fcntl.h>
#include <sodium.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <thread>
#include <vector>

#include "base/secret_bytes.h"
#include "service/http/body_buffer.h"
#include "service/http/body_pool.h"
#include "service/http/http_message.h"
#include "service/http/http_server.h"
#include "service/http/log.h"
#include "tests/support/raw_http.h"
#include "tests/support/temp_dir.h"

namespace dojava::http {
namespace {

using namespace std::chrono_literals;
using testing::Conn;
using testing::Get;
using testing::RawResponse;
using testing::TempDir;

constexpr auto kBound = 10s;

// A string literal with embedded NULs, all of it but the terminator.
template <size_t N>
std::string Lit(const char (&s)[N]) {
  return std::string(s, N - 1);
}  // "closed within a generous bound"

HttpConfig TestConfig() {
  HttpConfig c;
  c.source.address = ListenAddress{false, "127.0.0.1", 0, ""};
  c.reviewer.address = ListenAddress{false, "127.0.0.1", 0, ""};
  c.source.max_connections = 8;
  c.reviewer.max_connections = 8;
  c.threads = 2;
  c.header_limit_bytes = 4096;
  c.json_body_limit_bytes = 4096;
  c.chunk_body_limit_bytes = 65536;
  c.proxy_header_timeout_ms = 500;
  c.header_timeout_ms = 500;
  c.body_timeout_ms = 500;
  c.idle_timeout_ms = 500;
  c.write_timeout_ms = 3000;
  c.max_requests_per_connection = 3;
  c.shutdown_grace_ms = 5000;
  c.close_linger_ms = 200;
  return c;
}

std::atomic<int> g_slow_started{0};

Router TestRouter() {
  Router r;
  auto ok = [](std::string body) {
    return [body](const HttpRequest&, const RouteParams&) { return JsonOk(body); };
  };
  REQUIRE(r.Add(ListenerKind::kSource, Method::kGet, "/api/v1/instance", {}, ok("{\"i\":1}")).ok());
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPost, "/api/v1/echo", {},
                [](const HttpRequest& q, const RouteParams&) {
                  std::string out = "{\"n\":" + std::to_string(q.body.size()) + ",\"h\":\"" +
                                    std::string(q.Header("x-dojava-test").value_or("")) + "\"" +
                                    ",\"ua\":" + (q.Header("user-agent") ? "1" : "0") + "}";
                  return JsonOk(out);
                })
              .ok());
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPut, "/api/v1/uploads/{id}/chunks/{n}",
                {BodyClass::kChunk, RateClass::kUpload},
                [](const HttpRequest& q, const RouteParams& p) {
                  return JsonOk("{\"n\":" + std::string(p.Get("n")) +
                                ",\"size\":" + std::to_string(q.body.size()) + "}");
                })
              .ok());
  REQUIRE(r.Add(ListenerKind::kSource, Method::kGet, "/api/v1/slow", {},
                [](const HttpRequest&, const RouteParams&) {
                  ++g_slow_started;
                  std::this_thread::sleep_for(600ms);
                  return JsonOk("{\"slow\":true}");
                })
              .ok());
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPost, "/api/v1/costly",
                {BodyClass::kJson, RateClass::kCostly}, ok("{\"c\":1}"))
              .ok());
  REQUIRE(r.Add(ListenerKind::kReviewer, Method::kGet, "/api/v1/cases", {}, ok("[]")).ok());
  REQUIRE(r.Add(ListenerKind::kSource, Method::kGet, "/api/v1/headers", {},
                [](const HttpRequest&, const RouteParams&) {
                  HttpResponse res = JsonOk("{}");
                  res.headers = {
                      {"Server", "leaky/1.0"}, {"X-Ok", "yes"}, {"X-Bad", "a\r\nInjected: 1"}};
                  return res;
                })
              .ok());
  return r;
}

std::unique_ptr<HttpServer> Start(const HttpConfig& c, Router r = TestRouter()) {
  auto s = HttpServer::Create(c, std::move(r));
  REQUIRE(s.ok());
  std::unique_ptr<HttpServer> server = std::move(s).value();
  REQUIRE(server->Start().ok());
  return server;
}

RawResponse MustGet(Conn& c, const std::string& request) {
  REQUIRE(c.ok());
  REQUIRE(c.Send(request));
  auto r = c.Read();
  REQUIRE(r);
  return *r;
}

void CheckSecurityHeaders(const RawResponse& r) {
  for (const auto& [name, value] : SecurityHeaders()) {
    std::string lower(name);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    INFO(lower);
    REQUIRE(r.headers.count(lower) == 1);
    CHECK(r.headers.at(lower) == value);
    CHECK(r.all_headers.count(lower) == 1);
  }
  CHECK(r.headers.count("server") == 0);
  CHECK(r.headers.count("date") == 0);
  CHECK(r.headers.count("etag") == 0);
  CHECK(r.headers.count("last-modified") == 0);
}

// Reads one response, then expects the server to close the connection.
RawResponse ExpectErrorAndClose(Conn& c, const std::string& request, int status) {
  REQUIRE(c.Send(request));
  auto r = c.Read(kBound);
  REQUIRE(r);
  CHECK(r->status == status);
  CHECK(r->headers["connection"] == "close");
  CHECK(c.ClosedWithin(kBound));
  CheckSecurityHeaders(*r);
  return *r;
}

TEST_CASE("Every response carries the security headers and nothing that identifies", "[server]") {
  auto server = Start(TestConfig());
  Conn c = Conn::Tcp(server->port(ListenerKind::kSource));
  RawResponse ok = MustGet(c, Get("/api/v1/instance"));
  CHECK(ok.status == 200);
  CHECK(ok.body == "{\"i\":1}");
  CHECK(ok.headers["content-type"] == "application/json");
  CheckSecurityHeaders(ok);
  RawResponse nf = MustGet(c, Get("/api/v1/none"));
  CHECK(nf.status == 404);
  CheckSecurityHeaders(nf);
  // A route cannot add Server or smuggle a header line.
  RawResponse h = MustGet(c, Get("/api/v1/headers"));
  CheckSecurityHeaders(h);
  CHECK(h.headers["x-ok"] == "yes");
  CHECK(h.headers.count("x-bad") == 0);
  CHECK(h.headers.count("injected") == 0);
  // Only the forwarded headers reach handlers.
  Conn d = Conn::Tcp(server->port(ListenerKind::kSource));
  RawResponse e = MustGet(d,
                          "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla\r\n"
                          "X-Dojava-Test: abc\r\nContent-Length: 2\r\n\r\nhi");
  CHECK(e.body == "{\"n\":2,\"h\":\"abc\",\"ua\":0}");
  Conn b = Conn::Tcp(server->port(ListenerKind::kSource));
  CheckSecurityHeaders(ExpectErrorAndClose(b, "GET / HTTP/1.1\r\nHost: x\r\n X: y\r\n\r\n", 400));
}

TEST_CASE("Unknown routes, wrong methods and the other listener's routes: one 404", "[server]") {
  auto server = Start(TestConfig());
  Conn s = Conn::Tcp(server->port(ListenerKind::kSource));
  Conn v = Conn::Tcp(server->port(ListenerKind::kReviewer));
  RawResponse a = MustGet(s, Get("/api/v1/nothing"));
  RawResponse b = MustGet(s, "DELETE /api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n");
  RawResponse c = MustGet(s, Get("/api/v1/cases"));
  RawResponse d = MustGet(v, Get("/api/v1/instance"));
  CHECK(MustGet(v, Get("/api/v1/cases")).status == 200);
  for (const RawResponse* r : {&a, &b, &c, &d}) {
    CHECK(r->status == 404);
    CHECK(r->body == a.body);
    CHECK(r->headers["content-type"] == "application/json");
    CHECK(r->headers["content-length"] == a.headers["content-length"]);
  }
  CHECK(a.body == R"({"error":{"code":"not_found","message":"Not found."}})");
}

// Regression (issue 15): an early answer (the route layer's 404 or a
// bodiless 429, given before any body is read) ignored the client's
// "Connection: close": the connection stayed open until idle_timeout_ms and
// held a slot of the listener's cap. RFC 9112 section 9.6: the server closes
// after the response to a request with "close".
TEST_CASE("Early answers (404, 429) honour the client's Connection: close", "[server]") {
  HttpConfig cfg = TestConfig();
  cfg.idle_timeout_ms = 60'000;  // an open connection would outlive every bound below
  cfg.max_requests_per_connection = 100;
  // Without PROXY v1 every connection is its own circuit: a burst of 1.
  cfg.rate[static_cast<int>(RateClass::kCostly)] = {1000, 1000, 0.001, 1};
  auto server = Start(cfg);
  const uint16_t source = server->port(ListenerKind::kSource);
  const uint16_t reviewer = server->port(ListenerKind::kReviewer);
  const std::string close = "Connection: close\r\n";
  const std::string costly = "POST /api/v1/costly HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n";
  struct Case {
    const char* what;
    uint16_t port;
    std::string before;  // a request answered first on the same connection
    std::string request;
    int status;
  };
  const std::vector<Case> cases = {
      {"unknown path", source, "", Get("/api/v1/nothing", close), 404},
      {"unknown method", source, "",
       "BREW /api/v1/instance HTTP/1.1\r\nHost: x\r\n" + close + "\r\n", 404},
      {"wrong method", source, "",
       "DELETE /api/v1/instance HTTP/1.1\r\nHost: x\r\n" + close + "\r\n", 404},
      {"the reviewer's route on the source listener", source, "", Get("/api/v1/cases", close), 404},
      {"the source's route on the reviewer listener", reviewer, "", Get("/api/v1/instance", close),
       404},
      {"rate limited, no body", source, costly + "\r\n", costly + close + "\r\n", 429},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Conn conn = Conn::Tcp(c.port);
    if (!c.before.empty()) REQUIRE(MustGet(conn, c.before).status == 200);
    RawResponse r = MustGet(conn, c.request);
    CHECK(r.status == c.status);
    CHECK(r.headers["connection"] == "close");
    CHECK(conn.ClosedWithin(kBound));
  }
  // No connection holds a slot of the cap afterwards.
  const auto until = std::chrono::steady_clock::now() + kBound;
  while (server->ActiveConnections() > 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(10ms);
  }
  CHECK(server->ActiveConnections() == 0);
  // Without "close" the same answers keep the connection open.
  Conn keep = Conn::Tcp(source);
  CHECK(MustGet(keep, Get("/api/v1/nothing")).status == 404);
  CHECK(MustGet(keep, Get("/api/v1/instance")).status == 200);
}

TEST_CASE("Bodies over the route's cap get 413 and a clean close", "[server]") {
  auto server = Start(TestConfig());
  const uint16_t port = server->port(ListenerKind::kSource);
  {  // declared too large: answered before the body is sent
    Conn c = Conn::Tcp(port);
    RawResponse r = ExpectErrorAndClose(
        c, "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n", 413);
    CHECK(r.body ==
          R"({"error":{"code":"body_too_large","message":"The request body is too large."}})");
  }
  {  // chunked, grows past the cap while being read
    Conn c = Conn::Tcp(port);
    std::string req = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 5; ++i) req += "400\r\n" + std::string(1024, 'a') + "\r\n";
    req += "0\r\n\r\n";
    ExpectErrorAndClose(c, req, 413);
  }
  {  // the same 10 KiB is fine on the chunk route, and the connection stays open
    Conn c = Conn::Tcp(port);
    RawResponse r = MustGet(c,
                            "PUT /api/v1/uploads/f1/chunks/3 HTTP/1.1\r\nHost: x\r\n"
                            "Content-Length: 10240\r\n\r\n" +
                                std::string(10240, 'z'));
    CHECK(r.status == 200);
    CHECK(r.body == "{\"n\":3,\"size\":10240}");
    CHECK(MustGet(c, Get("/api/v1/instance")).status == 200);
  }
  {  // a chunked body within the cap is reassembled
    Conn c = Conn::Tcp(port);
    RawResponse r =
        MustGet(c,
                "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                "\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
    CHECK(r.body == "{\"n\":5,\"h\":\"\",\"ua\":0}");
  }
}

TEST_CASE("A request head over header_limit gets 431", "[server]") {
  auto server = Start(TestConfig());
  Conn c = Conn::Tcp(server->port(ListenerKind::kSource));
  ExpectErrorAndClose(c, Get("/api/v1/instance", "X-Big: " + std::string(5000, 'b') + "\r\n"), 431);
  Conn d = Conn::Tcp(server->port(ListenerKind::kSource));
  ExpectErrorAndClose(d, Get("/api/v1/" + std::string(5000, 'p')), 431);
}

TEST_CASE("Slow clients get 408 and are closed; silent ones are just closed", "[server]") {
  auto server = Start(TestConfig());
  const uint16_t port = server->port(ListenerKind::kSource);
  {  // slow loris: a head that never ends
    Conn c = Conn::Tcp(port);
    REQUIRE(c.Send("GET /api/v1/instance HTTP/1.1\r\nHost: x\r\n"));
    std::this_thread::sleep_for(200ms);
    REQUIRE(c.Send("X-A: 1\r\n"));
    auto r = c.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 408);
    CHECK(c.ClosedWithin(kBound));
  }
  {  // a body that never completes
    Conn c = Conn::Tcp(port);
    REQUIRE(c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc"));
    auto r = c.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 408);
    CHECK(c.ClosedWithin(kBound));
  }
  {  // connects and says nothing
    Conn c = Conn::Tcp(port);
    std::string got;
    CHECK(c.ClosedWithin(kBound, &got));
    CHECK(got.empty());
  }
}

TEST_CASE("Smuggling shapes and non-HTTP/1.1 are refused with 400/505", "[server]") {
  auto server = Start(TestConfig());
  const uint16_t port = server->port(ListenerKind::kSource);
  for (const std::string& req : std::vector<std::string>{
           std::string("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: "
                       "2\r\nContent-Length: 2\r\n\r\nhi"),
           std::string("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: "
                       "2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
           std::string("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                       "chunked\r\nContent-Length: 2\r\n\r\n0\r\n\r\n"),
           std::string("GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"),
           std::string("GET /api/v1/instance HTTP/1.1\nHost: x\r\n\r\n"),
           std::string("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked, "
                       "identity\r\n\r\n0\r\n\r\n"),
           std::string("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
           std::string("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1,1\r\n\r\nx"),
           std::string("GET /api/v1/instance HTTP/1.1\r\n\r\n"),
           std::string("GET http://x/api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n"),
           Lit("GET /api/v1/instance\0 HTTP/1.1\r\nHost: x\r\n\r\n"),
           std::string("G\x01T / HTTP/1.1\r\nHost: x\r\n\r\n"),
       }) {
    INFO(req);
    Conn c = Conn::Tcp(port);
    ExpectErrorAndClose(c, req, 400);
  }
  Conn c = Conn::Tcp(port);
  ExpectErrorAndClose(c, "GET /api/v1/instance HTTP/1.0\r\nHost: x\r\n\r\n", 505);
}

// Regression (review of the body rewrite): Beast adds the fields of a chunked
// body's trailer to the request's header fields, after CheckRequestHead has
// passed the head, so "X-Dojava-*" or "Authorization" could reach a handler
// without the head's strict checks (obs-fold, duplicates). A trailer with
// fields is refused; chunk extensions are parsed and ignored.
TEST_CASE("A chunked body's trailer fields never reach a handler", "[server][body]") {
  auto server = Start(TestConfig());
  const uint16_t port = server->port(ListenerKind::kSource);
  const std::string head =
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (const std::string& trailer :
       std::vector<std::string>{"X-Dojava-Test: smuggled\r\n", "Authorization: Bearer t\r\n",
                                "X-Dojava-Test: a\r\n b\r\n", "Connection: close\r\n"}) {
    INFO(trailer);
    Conn c = Conn::Tcp(port);
    RawResponse r = ExpectErrorAndClose(c, head + "3\r\nabc\r\n0\r\n" + trailer + "\r\n", 400);
    CHECK(r.body.find("smuggled") == std::string::npos);
  }
  {  // the same field in the head is forwarded; extensions change nothing
    Conn c = Conn::Tcp(port);
    RawResponse r = MustGet(c,
                            "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nX-Dojava-Test: inhead\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0;last\r\n\r\n");
    CHECK(r.body == "{\"n\":3,\"h\":\"inhead\",\"ua\":0}");
    CHECK(MustGet(c, Get("/api/v1/instance")).status == 200);
  }
}

TEST_CASE("Connections over the cap are closed at once; slots come back", "[server]") {
  HttpConfig cfg = TestConfig();
  cfg.source.max_connections = 3;
  cfg.idle_timeout_ms = 5000;
  cfg.header_timeout_ms = 5000;
  auto server = Start(cfg);
  const uint16_t port = server->port(ListenerKind::kSource);
  std::vector<Conn> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(Conn::Tcp(port));
    CHECK(MustGet(held.back(), Get("/api/v1/instance")).status == 200);
  }
  Conn extra = Conn::Tcp(port);
  REQUIRE(extra.ok());  // the kernel accepts, the server closes it
  std::string got;
  CHECK(extra.ClosedWithin(kBound, &got));
  CHECK(got.empty());
  // The reviewer listener has its own cap.
  Conn rev = Conn::Tcp(server->port(ListenerKind::kReviewer));
  CHECK(MustGet(rev, Get("/api/v1/cases")).status == 200);
  held.pop_back();  // closes one
  bool served = false;
  for (int i = 0; i < 50 && !served; ++i) {
    Conn again = Conn::Tcp(port);
    served = again.Send(Get("/api/v1/instance")) && again.Read(2s).has_value();
    if (!served) std::this_thread::sleep_for(100ms);
  }
  CHECK(served);
}

TEST_CASE("Keep-alive: pipelining, a maximum of requests, an idle deadline", "[server]") {
  auto server = Start(TestConfig());  // max 3 requests, idle 500 ms
  const uint16_t port = server->port(ListenerKind::kSource);
  Conn c = Conn::Tcp(port);
  REQUIRE(c.Send(Get("/api/v1/instance") + Get("/api/v1/none")));
  auto r1 = c.Read();
  auto r2 = c.Read();
  REQUIRE(r1);
  REQUIRE(r2);
  CHECK(r1->status == 200);
  CHECK(r2->status == 404);
  CHECK(r1->headers.count("connection") == 0);
  RawResponse r3 = MustGet(c, Get("/api/v1/instance"));
  CHECK(r3.status == 200);
  CHECK(r3.headers["connection"] == "close");
  CHECK(c.ClosedWithin(kBound));

  Conn idle = Conn::Tcp(port);
  CHECK(MustGet(idle, Get("/api/v1/instance")).status == 200);
  std::string got;
  CHECK(idle.ClosedWithin(kBound, &got));
  CHECK(got.empty());  // no 408 for an idle keep-alive connection

  Conn closer = Conn::Tcp(port);
  RawResponse r = MustGet(closer, Get("/api/v1/instance", "Connection: close\r\n"));
  CHECK(r.headers["connection"] == "close");
  CHECK(closer.ClosedWithin(kBound));
}

std::string ProxyLine(uint32_t gid) {
  char buf[128];
  std::snprintf(buf, sizeof(buf), "PROXY TCP6 fc00:dead:beef:4dad::%x:%x ::1 %u 80\r\n", gid >> 16,
                gid & 0xffff, gid & 0xffff);
  return buf;
}

TEST_CASE("PROXY v1: required when enabled, strict, per-circuit rate limits", "[server][proxy]") {
  HttpConfig cfg = TestConfig();
  cfg.source.proxy_protocol = true;
  cfg.rate[static_cast<int>(RateClass::kCostly)] = {1000, 1000, 0.001, 2};
  cfg.max_requests_per_connection = 100;
  auto server = Start(cfg);
  const uint16_t port = server->port(ListenerKind::kSource);
  {
    Conn c = Conn::Tcp(port);
    CHECK(MustGet(c, ProxyLine(0x10002) + Get("/api/v1/instance")).status == 200);
    CHECK(MustGet(c, Get("/api/v1/instance")).status == 200);  // only once per connection
  }
  for (const std::string& bad : std::vector<std::string>{
           Get("/api/v1/instance"),
           std::string("PROXY TCP4 127.0.0.1 127.0.0.1 1 80\r\n") + Get("/"),
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80" + std::string(80, ' ') + "\r\n",
           ProxyLine(5) + ProxyLine(5) + Get("/api/v1/instance")}) {
    INFO(bad);
    Conn c = Conn::Tcp(port);
    c.Send(bad);
    std::string got;
    CHECK(c.ClosedWithin(kBound, &got));
    if (bad.rfind(ProxyLine(5), 0) == 0) {
      CHECK(got.find("HTTP/1.1 400") == 0);  // the second line is a malformed request
    } else {
      CHECK(got.empty());
    }
  }
  {  // no line at all within the deadline
    Conn c = Conn::Tcp(port);
    std::string got;
    CHECK(c.ClosedWithin(kBound, &got));
    CHECK(got.empty());
  }
  // Circuit 7 spends its burst of 2 across two connections, then gets 429;
  // circuit 8 is unaffected.
  const std::string costly = "POST /api/v1/costly HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
  Conn a = Conn::Tcp(port);
  CHECK(MustGet(a, ProxyLine(7) + costly).status == 200);
  Conn b = Conn::Tcp(port);
  CHECK(MustGet(b, ProxyLine(7) + costly).status == 200);
  RawResponse limited = MustGet(b, costly);
  CHECK(limited.status == 429);
  CHECK(limited.headers["content-type"] == "application/json");
  CHECK(limited.body.find("\"code\":\"rate_limited\"") != std::string::npos);
  CheckSecurityHeaders(limited);
  Conn other = Conn::Tcp(port);
  CHECK(MustGet(other, ProxyLine(8) + costly).status == 200);
  // The reviewer listener has proxy_protocol off: plain HTTP works there.
  Conn rev = Conn::Tcp(server->port(ListenerKind::kReviewer));
  CHECK(MustGet(rev, Get("/api/v1/cases")).status == 200);
}

TEST_CASE("Static files: allowlist only, traversal impossible", "[server][static]") {
  TempDir secret;
  secret.Write("passwd", "root:x:0:0");
  TempDir site;
  site.Write("index.html", "<!DOCTYPE html><p>Dojava</p>");
  site.Write("app.js", "console.log(1);");
  site.Write("css/site.css", "p{}");
  site.Write(".env.txt", "SECRET");
  std::filesystem::create_symlink(secret.path() + "/passwd", site.path() + "/passwd.txt");
  HttpConfig cfg = TestConfig();
  cfg.static_dir = site.path();
  cfg.max_requests_per_connection = 100;
  auto server = Start(cfg);
  const uint16_t port = server->port(ListenerKind::kSource);
  Conn c = Conn::Tcp(port);
  RawResponse index = MustGet(c, Get("/"));
  CHECK(index.status == 200);
  CHECK(index.body == "<!DOCTYPE html><p>Dojava</p>");
  CHECK(index.headers["content-type"] == "text/html; charset=utf-8");
  CheckSecurityHeaders(index);
  CHECK(MustGet(c, Get("/app.js")).headers["content-type"] == "text/javascript; charset=utf-8");
  CHECK(MustGet(c, Get("/css/site.css")).body == "p{}");
  const RawResponse nf = MustGet(c, Get("/nothing.html"));
  CHECK(nf.status == 404);
  CHECK(nf.headers["content-type"] == "text/html; charset=utf-8");
  for (const std::string& path : std::vector<std::string>{
           "/../" + secret.path().substr(1) + "/passwd", "/%2e%2e/%2e%2e/etc/passwd",
           "/..%2fapp.js", "//etc/passwd", "/css/../app.js", "/css/..\\app.js", "/css\\site.css",
           "/.env.txt", "/passwd.txt", "/app.js/", "/./app.js", "/APP.JS", "/%61pp.js"}) {
    INFO(path);
    RawResponse r = MustGet(c, Get(path));
    CHECK(r.status == 404);
    CHECK(r.body == nf.body);
    CHECK(r.body.find("root:") == std::string::npos);
  }
  Conn nul = Conn::Tcp(port);
  ExpectErrorAndClose(nul, Lit("GET /app.js\0.html HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
  // Static files live on the source listener only.
  Conn rev = Conn::Tcp(server->port(ListenerKind::kReviewer));
  CHECK(MustGet(rev, Get("/")).status == 404);
}

TEST_CASE("Unix sockets: mode 0660, stale file replaced, others refused, removed on stop",
          "[server][unix]") {
  TempDir dir;
  const std::string src = dir.path() + "/source.sock";
  const std::string rev = dir.path() + "/reviewer.sock";
  {  // leave a stale socket file behind, as a crashed server would
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path, src.c_str(), src.size() + 1);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0);
    ::close(fd);
  }
  HttpConfig cfg = TestConfig();
  cfg.source.address = ListenAddress{true, "", 0, src};
  cfg.reviewer.address = ListenAddress{true, "", 0, rev};
  auto server = Start(cfg);
  struct stat st {};
  REQUIRE(::stat(src.c_str(), &st) == 0);
  CHECK(S_ISSOCK(st.st_mode));
  CHECK((st.st_mode & 0777) == 0660);
  CHECK(server->port(ListenerKind::kSource) == 0);
  Conn c = Conn::Unix(src);
  RawResponse r = MustGet(c, Get("/api/v1/instance"));
  CHECK(r.status == 200);
  CheckSecurityHeaders(r);
  Conn v = Conn::Unix(rev);
  CHECK(MustGet(v, Get("/api/v1/cases")).status == 200);
  CHECK(MustGet(v, Get("/api/v1/instance")).status == 404);

  {  // a second server cannot take a live socket
    auto second = HttpServer::Create(cfg, TestRouter());
    REQUIRE(second.ok());
    CHECK(second.value()->Start().code() == Code::kAlreadyExists);
  }
  server->Stop();
  CHECK_FALSE(std::filesystem::exists(src));
  CHECK_FALSE(std::filesystem::exists(rev));

  // A regular file at the path is never removed.
  dir.Write("source.sock", "not a socket");
  auto third = HttpServer::Create(cfg, TestRouter());
  REQUIRE(third.ok());
  CHECK(third.value()->Start().code() == Code::kAlreadyExists);
  CHECK(std::filesystem::is_regular_file(src));
}

TEST_CASE("Non-loopback TCP addresses are refused without the flag", "[server]") {
  HttpConfig cfg = TestConfig();
  cfg.source.address.host = "0.0.0.0";
  CHECK(HttpServer::Create(cfg, TestRouter()).code() == Code::kInvalidArgument);
}

TEST_CASE("Graceful stop: the request in flight completes, idle connections close", "[server]") {
  HttpConfig cfg = TestConfig();
  cfg.idle_timeout_ms = 30000;
  cfg.header_timeout_ms = 30000;
  auto server = Start(cfg);
  const uint16_t port = server->port(ListenerKind::kSource);
  Conn idle = Conn::Tcp(port);
  CHECK(MustGet(idle, Get("/api/v1/instance")).status == 200);
  Conn busy = Conn::Tcp(port);
  const int before = g_slow_started.load();
  REQUIRE(busy.Send(Get("/api/v1/slow")));
  for (int i = 0; i < 200 && g_slow_started.load() == before; ++i) std::this_thread::sleep_for(5ms);
  REQUIRE(g_slow_started.load() > before);
  std::vector<std::string> logs;
  SetLogSinkForTesting([&logs](LogLevel, std::string_view m) { logs.emplace_back(m); });
  auto stopped = std::async(std::launch::async, [&] { server->Stop(); });
  auto r = busy.Read(kBound);
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == "{\"slow\":true}");
  CHECK(r->headers["connection"] == "close");
  CHECK(busy.ClosedWithin(kBound));
  CHECK(idle.ClosedWithin(kBound));
  REQUIRE(stopped.wait_for(kBound) == std::future_status::ready);
  SetLogSinkForTesting(nullptr);
  CHECK(server->ActiveConnections() == 0);
  CHECK_FALSE(Conn::Tcp(port).ok());
  REQUIRE(logs.size() == 1);
  CHECK(logs[0] == "stopped");  // nothing about requests, paths or clients
}

TEST_CASE("Handlers run off the io threads: a slow handler does not hold up others",
          "[server][pool]") {
  HttpConfig cfg = TestConfig();
  cfg.threads = 1;  // one io thread: with handlers inline, /slow would block it
  cfg.handler_threads = 2;
  auto server = Start(cfg);
  const uint16_t port = server->port(ListenerKind::kSource);
  Conn slow = Conn::Tcp(port);
  const int before = g_slow_started.load();
  REQUIRE(slow.Send(Get("/api/v1/slow")));
  for (int i = 0; i < 200 && g_slow_started.load() == before; ++i) std::this_thread::sleep_for(5ms);
  REQUIRE(g_slow_started.load() > before);
  Conn fast = Conn::Tcp(port);
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(MustGet(fast, Get("/api/v1/instance")).status == 200);
  CHECK(std::chrono::steady_clock::now() - t0 < 400ms);  // /slow sleeps 600 ms
  auto r = slow.Read(kBound);
  REQUIRE(r);
  CHECK(r->body == "{\"slow\":true}");
  // The slow connection stays usable afterwards (the response came back to
  // its strand and keep-alive resumed).
  CHECK(MustGet(slow, Get("/api/v1/instance")).status == 200);
}

TEST_CASE("Expect: 100-continue is answered only when the route admits the request",
          "[server][expect]") {
  auto server = Start(TestConfig());
  const uint16_t port = server->port(ListenerKind::kSource);
  {  // admitted: 100, then the body, then the answer
    Conn c = Conn::Tcp(port);
    REQUIRE(
        c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
               "Content-Length: 3\r\n\r\n"));
    auto interim = c.Read(kBound);
    REQUIRE(interim);
    CHECK(interim->status == 100);
    REQUIRE(c.Send("abc"));
    auto r = c.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == "{\"n\":3,\"h\":\"\",\"ua\":0}");
    CheckSecurityHeaders(*r);
  }
  {  // unknown route: the final 404 at once, never a 100
    Conn c = Conn::Tcp(port);
    REQUIRE(
        c.Send("POST /api/v1/nothing HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
               "Content-Length: 3\r\n\r\n"));
    auto r = c.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(c.ClosedWithin(kBound));
  }
  {  // declared too large: 413 at once, never a 100
    Conn c = Conn::Tcp(port);
    REQUIRE(
        c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
               "Content-Length: 5000\r\n\r\n"));
    auto r = c.Read(kBound);
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(c.ClosedWithin(kBound));
  }
  {  // a client that does not wait for the 100 is served as well
    Conn c = Conn::Tcp(port);
    RawResponse r = MustGet(c,
                            "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                            "Content-Length: 2\r\n\r\nhi");
    CHECK(r.status == 200);
  }
}

}  // namespace
}  // namespace dojava::http

namespace dojava::http {
namespace {

// The no-JavaScript pages' form routes (BodyClass::kForm): a per-form cap and
// a server-wide budget of form bodies in flight, answered with the route's
// own page. A form this small is reserved whole with its first step
// (BodyBuffer::kMinGrowthBytes), before its "100 Continue".
TEST_CASE(
    "Form bodies: per-form cap, in-flight budget (503), Content-Length required (411), the route's "
    "page",
    "[server]") {
  HttpConfig cfg = TestConfig();
  cfg.form_body_limit_bytes = 1000;
  cfg.form_inflight_bytes = 1500;
  cfg.form_circuit_inflight_bytes = 1000;
  cfg.body_timeout_ms = 5000;
  Router r = TestRouter();
  RouteOptions form(BodyClass::kForm, RateClass::kApi);
  form.error_page = [](int status, std::string_view query) {
    HttpResponse page = HtmlError(status, "Form", "form page " + std::string(query));
    return page;
  };
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPost, "/plain/form", form,
                [](const HttpRequest& q, const RouteParams&) {
                  HttpResponse resp;
                  resp.content_type = "text/plain";
                  resp.body = std::to_string(q.body.size());
                  return resp;
                })
              .ok());
  auto server = Start(cfg, std::move(r));
  const uint16_t port = server->port(ListenerKind::kSource);
  auto head = [](size_t length) {
    return "POST /plain/form?lang=sq HTTP/1.1\r\nHost: x\r\nContent-Length: " +
           std::to_string(length) + "\r\n\r\n";
  };
  // `a` holds 1000 of the 1500 until it is answered: its "100 Continue"
  // comes after the reservation, so the order below is certain.
  Conn a = Conn::Tcp(port);
  REQUIRE(
      a.Send("POST /plain/form?lang=sq HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
             "Content-Length: 1000\r\n\r\n"));
  auto interim = a.Read(kBound);
  REQUIRE(interim);
  REQUIRE(interim->status == 100);
  REQUIRE(a.Send(std::string(100, 'a')));
  {
    Conn b = Conn::Tcp(port);
    RawResponse busy = ExpectErrorAndClose(b, head(1000), 503);
    CHECK(busy.body.find("form page lang=sq") != std::string::npos);
  }
  {
    Conn c = Conn::Tcp(port);  // 1000 + 400 fits
    RawResponse ok = MustGet(c, head(400) + std::string(400, 'c'));
    CHECK(ok.status == 200);
    CHECK(ok.body == "400");
  }
  REQUIRE(a.Send(std::string(900, 'a')));
  auto done = a.Read(kBound);
  REQUIRE(done);
  CHECK(done->body == "1000");
  {
    Conn d = Conn::Tcp(port);  // released after `a` was answered
    CHECK(MustGet(d, head(1000) + std::string(1000, 'd')).body == "1000");
  }
  {
    Conn e = Conn::Tcp(port);
    RawResponse big = ExpectErrorAndClose(e, head(1001), 413);
    CHECK(big.body.find("form page lang=sq") != std::string::npos);
  }
  {
    Conn f = Conn::Tcp(port);
    ExpectErrorAndClose(f,
                        "POST /plain/form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "3\r\nabc\r\n0\r\n\r\n",
                        411);
  }
}

}  // namespace
}  // namespace dojava::http

namespace dojava::http {
namespace {

// A form route that answers with the number of body bytes and their first
// and last byte, and the route's own error page ("form page <query>").
Router FormRouter(Router r = TestRouter()) {
  RouteOptions form(BodyClass::kForm, RateClass::kApi);
  form.error_page = [](int status, std::string_view query) {
    return HtmlError(status, "Form", "form page " + std::string(query));
  };
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPost, "/plain/form", form,
                [](const HttpRequest& q, const RouteParams&) {
                  HttpResponse resp;
                  resp.content_type = "text/plain";
                  const std::string_view b = q.body.reveal_chars();
                  resp.body = std::to_string(b.size());
                  if (!b.empty()) resp.body += std::string(" ") + b.front() + b.back();
                  return resp;
                })
              .ok());
  return r;
}

std::string FormHead(size_t length, const std::string& extra = "") {
  return "POST /plain/form?lang=sq HTTP/1.1\r\nHost: x\r\n" + extra +
         "Content-Length: " + std::to_string(length) + "\r\n\r\n";
}

// Waits (bounded) until the server holds exactly `bytes` of form budget.
bool FormBytesBecome(const HttpServer& server, uint64_t bytes) {
  for (int i = 0; i < 1000; ++i) {
    if (server.FormBytesInFlight() == bytes) return true;
    std::this_thread::sleep_for(10ms);
  }
  return server.FormBytesInFlight() == bytes;
}

// The security review's finding: four connections declaring the largest form
// and trickling held the whole budget (reserved from Content-Length) for
// body_timeout_ms, and every other form got 503. Now a form holds what it
// has received (in steps), and gives it all back however it ends.
TEST_CASE("Form budget follows the bytes received: declared-and-trickled forms block nobody",
          "[server][form]") {
  HttpConfig cfg = TestConfig();
  cfg.form_body_limit_bytes = 1u << 20;
  cfg.form_inflight_bytes = 3u << 19;  // one and a half of the largest form
  cfg.form_circuit_inflight_bytes = 1u << 20;
  cfg.body_timeout_ms = 20'000;
  cfg.form_min_bytes_per_second = 0;  // this test is about the budget alone
  cfg.source.max_connections = 16;
  auto server = Start(cfg, FormRouter());
  const uint16_t port = server->port(ListenerKind::kSource);
  const uint64_t step = BodyPool::kMinPooledBytes;  // == BodyBuffer::kMinGrowthBytes
  REQUIRE(step == BodyBuffer::kMinGrowthBytes);

  std::vector<std::optional<Conn>> tricklers(4);
  for (auto& t : tricklers) {
    t.emplace(Conn::Tcp(port));
    REQUIRE(t->Send(FormHead(1u << 20, "Expect: 100-continue\r\n")));
    auto interim = t->Read(kBound);  // sent after the first step was reserved
    REQUIRE(interim);
    REQUIRE(interim->status == 100);
    REQUIRE(t->Send("tr"));
  }
  CHECK(FormBytesBecome(*server, 4 * step));  // not 4 MiB

  // A normal form gets through while they trickle.
  {
    Conn c = Conn::Tcp(port);
    RawResponse ok = MustGet(c, FormHead(5000) + std::string(4999, 'n') + "N");
    CHECK(ok.status == 200);
    CHECK(ok.body == "5000 nN");
  }
  // A form that has sent most of itself holds what it sent (grown to its
  // whole length): now a 400,000-byte form no longer fits next to it (it is
  // refused as it grows past 256 KiB), and its client gets the route's page.
  std::optional<Conn> big(Conn::Tcp(port));
  REQUIRE(big->Send(FormHead(1u << 20) + std::string(600'000, 'b')));
  CHECK(FormBytesBecome(*server, 4 * step + (1u << 20)));
  {
    Conn c = Conn::Tcp(port);
    REQUIRE(c.Send(FormHead(400'000) + std::string(400'000, 'c')));
    auto busy = c.Read(kBound);
    REQUIRE(busy);
    CHECK(busy->status == 503);
    CHECK(busy->body.find("form page lang=sq") != std::string::npos);
    CHECK(c.ClosedWithin(kBound));
  }
  // Clients gone mid-body give everything back...
  big.reset();
  CHECK(FormBytesBecome(*server, 4 * step));
  for (auto& t : tricklers) t.reset();
  CHECK(FormBytesBecome(*server, 0));
  // ...so the largest form fits again (with the 4 x 1 MiB reserved from
  // Content-Length as before, it never would have), and an answered form
  // gives its bytes back too.
  {
    Conn c = Conn::Tcp(port);
    RawResponse ok = MustGet(c, FormHead(1u << 20) + "L" + std::string((1u << 20) - 1, 'z'));
    CHECK(ok.status == 200);
    CHECK(ok.body == "1048576 Lz");
  }
  CHECK(FormBytesBecome(*server, 0));
}

// A circuit (tor's id from the PROXY v1 line) holds at most
// form_circuit_inflight_bytes through all its connections.
TEST_CASE("Form budget: one circuit cannot hold more than its share", "[server][form][proxy]") {
  HttpConfig cfg = TestConfig();
  cfg.source.proxy_protocol = true;
  cfg.form_body_limit_bytes = 1u << 20;
  cfg.form_inflight_bytes = 4u << 20;
  cfg.form_circuit_inflight_bytes = 1u << 20;
  cfg.body_timeout_ms = 20'000;
  cfg.form_min_bytes_per_second = 0;
  auto server = Start(cfg, FormRouter());
  const uint16_t port = server->port(ListenerKind::kSource);
  Conn a = Conn::Tcp(port);
  REQUIRE(a.Send(ProxyLine(7) + FormHead(1u << 20) + std::string(600'000, 'a')));
  REQUIRE(FormBytesBecome(*server, 1u << 20));
  {
    Conn same = Conn::Tcp(port);  // the same circuit, another connection
    REQUIRE(same.Send(ProxyLine(7) + FormHead(1000) + std::string(1000, 's')));
    auto busy = same.Read(kBound);
    REQUIRE(busy);
    CHECK(busy->status == 503);
    CHECK(busy->body.find("form page lang=sq") != std::string::npos);
  }
  {
    Conn other = Conn::Tcp(port);  // another circuit has its own share
    RawResponse ok = MustGet(other, ProxyLine(8) + FormHead(1000) + std::string(1000, 'o'));
    CHECK(ok.status == 200);
    CHECK(ok.body == "1000 oo");
  }
  REQUIRE(a.Send(std::string((1u << 20) - 600'000, 'A')));
  auto done = a.Read(kBound);
  REQUIRE(done);
  CHECK(done->body == "1048576 aA");
  CHECK(FormBytesBecome(*server, 0));
}

// form_min_bytes_per_second: a form that falls more than form_rate_grace_ms
// behind the minimum rate gets 408 (the route's page) long before
// body_timeout_ms, and gives its budget back; a form that keeps pace is
// served.
TEST_CASE("Form bodies have a minimum rate", "[server][form]") {
  HttpConfig cfg = TestConfig();
  cfg.form_body_limit_bytes = 1u << 20;
  cfg.form_inflight_bytes = 1u << 20;
  cfg.form_circuit_inflight_bytes = 1u << 20;
  cfg.body_timeout_ms = 600'000;  // far beyond the test's bound: only the rate can end it
  cfg.form_min_bytes_per_second = 1000;
  cfg.form_rate_grace_ms = 300;
  auto server = Start(cfg, FormRouter());
  const uint16_t port = server->port(ListenerKind::kSource);
  Conn slow = Conn::Tcp(port);
  REQUIRE(slow.Send(FormHead(100'000) + "only a few bytes"));
  auto timeout = slow.Read(kBound);
  REQUIRE(timeout);
  CHECK(timeout->status == 408);
  CHECK(timeout->body.find("form page lang=sq") != std::string::npos);
  CHECK(slow.ClosedWithin(kBound));
  CHECK(FormBytesBecome(*server, 0));
  Conn fast = Conn::Tcp(port);
  RawResponse ok = MustGet(fast, FormHead(100'000) + std::string(100'000, 'f'));
  CHECK(ok.body == "100000 ff");
}

// Body buffers are reused across requests and connections (BodyPool): a
// request sees exactly its own bytes, never a longer earlier body's tail,
// whether its body has a Content-Length or is chunked; the pool stays
// within body_pool_bytes; idle connections hold none of it.
TEST_CASE("Reused body buffers show a request only its own bytes", "[server][body]") {
  HttpConfig cfg = TestConfig();
  cfg.chunk_body_limit_bytes = 1u << 20;
  cfg.body_pool_bytes = 1u << 20;
  cfg.max_requests_per_connection = 100;
  Router r = TestRouter();
  REQUIRE(r.Add(ListenerKind::kSource, Method::kPut, "/api/v1/blob",
                {BodyClass::kChunk, RateClass::kUpload},
                [](const HttpRequest& q, const RouteParams&) {
                  HttpResponse resp;
                  resp.content_type = "application/octet-stream";
                  resp.body = std::string(q.body.reveal_chars());
                  return resp;
                })
              .ok());
  auto server = Start(cfg, std::move(r));
  const uint16_t port = server->port(ListenerKind::kSource);
  auto put = [](const std::string& body) {
    return "PUT /api/v1/blob HTTP/1.1\r\nHost: x\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  Conn a = Conn::Tcp(port);
  const std::string first(300'000, 'P');
  CHECK(MustGet(a, put(first)).body == first);
  CHECK(server->PooledBodyBytes() == 300'000);
  // Shorter bodies reuse that buffer (up to twice their size plus a step),
  // on the same connection and on another.
  const std::string second = "S" + std::string(199'998, 's') + "S";
  CHECK(MustGet(a, put(second)).body == second);
  Conn b = Conn::Tcp(port);
  const std::string third(120'000, 't');
  CHECK(MustGet(b, put(third)).body == third);
  // A chunked body, then a body with bytes that came with the head only.
  const std::string chunked_body(70'000, 'c');
  char size_hex[32];
  std::snprintf(size_hex, sizeof(size_hex), "%zx", chunked_body.size());
  RawResponse chunked =
      MustGet(b, "PUT /api/v1/blob HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                     std::string(size_hex) + "\r\n" + chunked_body + "\r\n0\r\n\r\n");
  CHECK(chunked.body == chunked_body);
  CHECK(MustGet(b, put("tiny")).body == "tiny");
  // Pipelined: the second request's bytes stay out of the first body.
  REQUIRE(a.Send(put(std::string(100'000, '1')) + put("2")));
  auto p1 = a.Read(kBound);
  auto p2 = a.Read(kBound);
  REQUIRE(p1);
  REQUIRE(p2);
  CHECK(p1->body == std::string(100'000, '1'));
  CHECK(p2->body == "2");
  CHECK(server->PooledBodyBytes() <= cfg.body_pool_bytes);
  CHECK(server->PooledBodyBytes() > 0);
}

}  // namespace
}  // namespace dojava::http

namespace dojava::http {
namespace {

// Places in this process's writable memory that hold the bytes `masked`
// XOR 0x5A (the plain bytes never exist in the caller's memory, so they
// cannot find themselves). Read through /proc/self/mem, which sanitizers do
// not instrument; regions of 256 MiB or more (sanitizer shadow,
// reservations) are skipped.
int CountInMemory(const std::vector<uint8_t>& masked) {
  std::ifstream maps("/proc/self/maps");
  const int mem = ::open("/proc/self/mem", O_RDONLY);
  REQUIRE(mem >= 0);
  int found = 0;
  std::vector<uint8_t> block(1u << 20);
  std::string line;
  while (std::getline(maps, line)) {
    unsigned long start = 0, end = 0;
    char perms[5] = {};
    if (std::sscanf(line.c_str(), "%lx-%lx %4s", &start, &end, perms) != 3) continue;
    if (perms[0] != 'r' || perms[1] != 'w' || end - start >= (256ul << 20)) continue;
    for (unsigned long at = start; at < end;) {
      const size_t want = std::min<unsigned long>(block.size(), end - at);
      const ssize_t got = ::pread(mem, block.data(), want, static_cast<off_t>(at));
      if (got <= 0) break;
      const size_t n = static_cast<size_t>(got);
      for (size_t i = 0; i + masked.size() <= n; ++i) {
        size_t k = 0;
        while (k < masked.size() && (block[i + k] ^ 0x5A) == masked[k]) ++k;
        if (k == masked.size()) ++found;
      }
      // Overlap so that a match across two blocks is seen once.
      at += n > masked.size() ? n - masked.size() + 1 : n;
    }
  }
  ::close(mem);
  return found;
}

// Regression (review of the body rewrite): the body bytes that came with the
// head were copied into guarded memory, but stayed in the session's plain
// read buffer (consumed, not wiped) for as long as the keep-alive connection
// lived; on the no-JavaScript path they are a plaintext report.
TEST_CASE("Body bytes that came with the head do not stay in the read buffer", "[server][body]") {
  HttpConfig cfg = TestConfig();
  cfg.idle_timeout_ms = 60'000;  // the connection outlives the memory scan
  auto server = Start(cfg);
  Conn c = Conn::Tcp(server->port(ListenerKind::kSource));
  const std::string head = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n";
  std::string request(head.size() + 2000, '\0');
  std::memcpy(request.data(), head.data(), head.size());
  std::vector<uint8_t> masked(64);
  {
    SecretBytes body = SecretBytes::Random(2000);
    std::memcpy(request.data() + head.size(), body.reveal().data(), 2000);
    for (size_t i = 0; i < masked.size(); ++i) masked[i] = body.reveal()[100 + i] ^ 0x5A;
  }
  REQUIRE(c.Send(request));  // one write: the body arrives with the head
  sodium_memzero(request.data(), request.size());
  auto r = c.Read(kBound);
  REQUIRE(r);
  CHECK(r->body == "{\"n\":2000,\"h\":\"\",\"ua\":0}");
  // The connection stays open (its session and read buffer live on).
  CHECK(CountInMemory(masked) == 0);
  CHECK(MustGet(c, Get("/api/v1/instance")).status == 200);
}

}  // namespace
}  // namespace dojava::http
