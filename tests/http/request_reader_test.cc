// The socket-free request reader (service/http/internal/request_reader.h):
// bytes in, what the connection does next out. The same code runs in every
// session and in the fuzz targets (fuzz/raw_request.cc).
#include "service/http/internal/request_reader.h"

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

namespace dojava::http::internal {
namespace {

using Clock = std::chrono::steady_clock;

Router EchoRouter() {
  Router r;
  (void)r.Add(ListenerKind::kSource, Method::kGet, "/api/v1/instance", {},
              [](const HttpRequest&, const RouteParams&) { return JsonOk("{}"); });
  (void)r.Add(ListenerKind::kSource, Method::kPost, "/api/v1/echo", {},
              [](const HttpRequest& q, const RouteParams&) {
                return JsonOk(std::string(q.body.reveal().begin(), q.body.reveal().end()));
              });
  return r;
}

// One server's shared parts and one connection's reader.
struct Fixture {
  explicit Fixture(HttpConfig c = HttpConfig())
      : config(c),
        handler(config, EchoRouter(), StaticFiles{}),
        budget(config.form_inflight_bytes, config.form_circuit_inflight_bytes),
        pool(config.body_pool_bytes),
        reader(RequestReader::Shared{&config, &handler, &budget, &pool}, ListenerKind::kSource, 1,
               false) {}

  // Feeds `bytes` in pieces of `piece` bytes, as reads would deliver them,
  // until the reader wants something other than more bytes.
  ReadStep Feed(const std::string& bytes, size_t piece, size_t* used,
                ReadStep step = ReadStep::kReadInput) {
    *used = 0;
    while (*used < bytes.size() && (step == ReadStep::kReadInput || step == ReadStep::kReadBody)) {
      const size_t want = std::min(piece, bytes.size() - *used);
      if (step == ReadStep::kReadInput) {
        std::span<char> room = reader.InputRoom();
        const size_t n = std::min(want, room.size());
        std::memcpy(room.data(), bytes.data() + *used, n);
        *used += n;
        step = reader.InputReceived(n, Clock::now());
      } else {
        std::span<uint8_t> room = reader.BodyRoom();
        const size_t n = std::min(want, room.size());
        std::memcpy(room.data(), bytes.data() + *used, n);
        *used += n;
        step = reader.BodyReceived(n);
      }
    }
    return step;
  }

  HttpConfig config;
  RequestHandler handler;
  FormBudget budget;
  BodyPool pool;
  RequestReader reader;
};

std::string Body(const HttpRequest& q) {
  return std::string(q.body.reveal().begin(), q.body.reveal().end());
}

TEST_CASE("Reader: a request arrives whole however the bytes are split", "[reader]") {
  const std::string wire =
      "POST /api/v1/echo?x=1 HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "User-Agent: nobody\r\nContent-Length: 11\r\n\r\nhello world";
  for (size_t piece : {size_t{1}, size_t{7}, wire.size()}) {
    Fixture f;
    REQUIRE(f.reader.Begin(Clock::now()) == ReadStep::kReadInput);
    size_t used = 0;
    REQUIRE(f.Feed(wire, piece, &used) == ReadStep::kDispatch);
    CHECK(used == wire.size());
    ReadyRequest ready = f.reader.TakeRequest();
    CHECK(ready.request.path == "/api/v1/echo");
    CHECK(ready.request.query == "x=1");
    CHECK(Body(ready.request) == "hello world");
    CHECK(ready.keep_alive);
    // Only the forwarded headers reach the handler.
    REQUIRE(ready.request.headers.size() == 1);
    CHECK(ready.request.headers[0].first == "content-type");
  }
}

TEST_CASE("Reader: pipelined requests and a chunked body", "[reader]") {
  Fixture f;
  const std::string wire =
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
      "GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  REQUIRE(f.reader.Begin(Clock::now()) == ReadStep::kReadInput);
  size_t used = 0;
  REQUIRE(f.Feed(wire, wire.size(), &used) == ReadStep::kDispatch);
  CHECK(Body(f.reader.TakeRequest().request) == "hello world");
  f.reader.RequestDone();
  // The second request is already buffered: no read needed.
  REQUIRE(f.reader.Begin(Clock::now()) == ReadStep::kDispatch);
  ReadyRequest second = f.reader.TakeRequest();
  CHECK(second.request.path == "/api/v1/instance");
  CHECK_FALSE(second.keep_alive);
  f.reader.RequestDone();
  CHECK(f.reader.Begin(Clock::now()) == ReadStep::kReadInput);
  CHECK(f.reader.idle());
}

TEST_CASE("Reader: errors are answered and close the connection", "[reader]") {
  struct Case {
    std::string wire;
    int status;
  };
  const std::vector<Case> cases = {
      {"GET /api/v1/instance HTTP/1.0\r\nHost: x\r\n\r\n", 505},
      {"GET /api/v1/instance HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400},
      {"GET http://x/api/v1/instance HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n", 413},
      {"POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
      {"GET /api/v1/" + std::string(9000, 'a') + " HTTP/1.1\r\n", 431},
  };
  for (const Case& c : cases) {
    Fixture f;
    REQUIRE(f.reader.Begin(Clock::now()) == ReadStep::kReadInput);
    size_t used = 0;
    REQUIRE(f.Feed(c.wire, 512, &used) == ReadStep::kRespond);
    const HttpResponse r = f.reader.TakeResponse();
    CHECK(r.status == c.status);
    CHECK(r.close);
  }
}

// Leftover of the translations review: the reader's own refusals (431, 400,
// 408) on a page's path were English-only pages or JSON; they now get the
// server's page for errors (the no-JavaScript pages' translated one), chosen
// by the query's language, and API paths keep JSON.
TEST_CASE("Reader: refusals on a page's path get the server's page for errors", "[reader]") {
  Router router = EchoRouter();
  std::vector<std::pair<int, std::string>> asked;
  router.SetPageErrors([&asked](int status, std::string_view query) {
    asked.emplace_back(status, std::string(query));
    HttpResponse r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = "page";
    return r;
  });
  HttpConfig config;
  config.header_limit_bytes = 1024;
  RequestHandler handler(config, router, StaticFiles{});
  FormBudget budget(config.form_inflight_bytes, config.form_circuit_inflight_bytes);
  BodyPool pool(config.body_pool_bytes);
  auto answer = [&](const std::string& bytes) {
    RequestReader reader(RequestReader::Shared{&config, &handler, &budget, &pool},
                         ListenerKind::kSource, 1, false);
    ReadStep step = ReadStep::kReadInput;
    for (size_t used = 0; used < bytes.size() && step == ReadStep::kReadInput;) {
      std::span<char> room = reader.InputRoom();
      const size_t n = std::min(room.size(), bytes.size() - used);
      std::memcpy(room.data(), bytes.data() + used, n);
      used += n;
      step = reader.InputReceived(n, Clock::now());
    }
    REQUIRE(step == ReadStep::kRespond);
    return reader.TakeResponse();
  };
  const std::string big = "X-Big: " + std::string(2000, 'b') + "\r\n";
  HttpResponse head = answer("GET /plain?lang=mk HTTP/1.1\r\nHost: x\r\n" + big + "\r\n");
  CHECK(head.status == 431);
  CHECK(head.content_type == "text/html; charset=utf-8");
  HttpResponse bad = answer("GET /index.html?lang=sq HTTP/1.1\r\nHost x\r\n\r\n");
  CHECK(bad.status == 400);
  CHECK(bad.content_type == "text/html; charset=utf-8");
  CHECK(asked == std::vector<std::pair<int, std::string>>{{431, "lang=mk"}, {400, "lang=sq"}});
  HttpResponse api = answer("GET /api/v1/instance HTTP/1.1\r\nHost: x\r\n" + big + "\r\n");
  CHECK(api.status == 431);
  CHECK(api.content_type == "application/json");
  HttpResponse garbage = answer(std::string(1100, 'z'));
  CHECK(garbage.content_type == "application/json");  // no path known: the API's form
}

TEST_CASE("Reader: a deadline answers 408 only once a request has begun", "[reader]") {
  Fixture f;
  REQUIRE(f.reader.Begin(Clock::now()) == ReadStep::kReadInput);
  CHECK(f.reader.ReadFailed(true) == ReadStep::kClose);  // an idle connection: silent

  Fixture g;
  REQUIRE(g.reader.Begin(Clock::now()) == ReadStep::kReadInput);
  size_t used = 0;
  REQUIRE(g.Feed("GET /api/v1/inst", 64, &used) == ReadStep::kReadInput);
  CHECK_FALSE(g.reader.idle());
  REQUIRE(g.reader.ReadFailed(true) == ReadStep::kRespond);
  CHECK(g.reader.TakeResponse().status == 408);

  Fixture h;
  REQUIRE(h.reader.Begin(Clock::now()) == ReadStep::kReadInput);
  REQUIRE(h.Feed("GET /api/v1/inst", 64, &used) == ReadStep::kReadInput);
  CHECK(h.reader.ReadFailed(false) == ReadStep::kClose);  // the client went away
}

TEST_CASE("Reader: 100-continue only when the route admits the body", "[reader]") {
  Fixture f;
  REQUIRE(f.reader.Begin(Clock::now()) == ReadStep::kReadInput);
  size_t used = 0;
  const std::string head =
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
  REQUIRE(f.Feed(head, head.size(), &used) == ReadStep::kSendContinue);
  REQUIRE(f.reader.ContinueSent(Clock::now()) == ReadStep::kReadBody);
  REQUIRE(f.Feed("ok", 2, &used, ReadStep::kReadBody) == ReadStep::kDispatch);
  CHECK(Body(f.reader.TakeRequest().request) == "ok");
}

// Regression (issue 15): the route layer's early 404 kept the connection
// open although the client asked to close.
TEST_CASE("Reader: an early answer closes when the client asked to", "[reader]") {
  for (const bool close : {false, true}) {
    Fixture f;
    REQUIRE(f.reader.Begin(Clock::now()) == ReadStep::kReadInput);
    const std::string wire = std::string("GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\n") +
                             (close ? "Connection: close\r\n" : "") + "\r\n";
    size_t used = 0;
    REQUIRE(f.Feed(wire, wire.size(), &used) == ReadStep::kRespond);
    const HttpResponse r = f.reader.TakeResponse();
    CHECK(r.status == 404);
    CHECK(r.close == close);
  }
}

}  // namespace
}  // namespace dojava::http::internal
