#include "service/http/request_handler.h"

#include <catch2/catch_test_macros.hpp>
#include <stdexcept>

namespace dojava::http {
namespace {

Router TestRouter() {
  Router r;
  (void)r.Add(ListenerKind::kSource, Method::kGet, "/api/v1/instance", {},
              [](const HttpRequest&, const RouteParams&) { return JsonOk("{\"name\":\"x\"}"); });
  (void)r.Add(ListenerKind::kSource, Method::kPost, "/api/v1/echo", {},
              [](const HttpRequest& q, const RouteParams&) {
                return JsonOk("{\"n\":" + std::to_string(q.body.size()) + "}");
              });
  (void)r.Add(ListenerKind::kSource, Method::kPut, "/api/v1/chunk/{n}", {BodyClass::kChunk, RateClass::kUpload},
              [](const HttpRequest&, const RouteParams& p) { return JsonOk(std::string(p.Get("n"))); });
  (void)r.Add(ListenerKind::kSource, Method::kGet, "/api/v1/boom", {},
              [](const HttpRequest&, const RouteParams&) -> HttpResponse {
                throw std::runtime_error("/secret/internal/path");
              });
  (void)r.Add(ListenerKind::kReviewer, Method::kGet, "/api/v1/cases", {BodyClass::kJson, RateClass::kCostly},
              [](const HttpRequest&, const RouteParams&) { return JsonOk("[]"); });
  return r;
}

HttpRequest Req(ListenerKind l, Method m, std::string path, std::string body = "") {
  HttpRequest q;
  q.listener = l;
  q.method = m;
  q.path = std::move(path);
  if (!body.empty()) q.body = SecretBytes::Copy(std::string_view(body));
  return q;
}

TEST_CASE("Unknown paths, wrong methods and other listeners' routes get the same 404", "[handler]") {
  RequestHandler h(HttpConfig{}, TestRouter(), StaticFiles{});
  const HttpResponse a = h.Handle(Req(ListenerKind::kSource, Method::kGet, "/api/v1/nothing"));
  const HttpResponse b = h.Handle(Req(ListenerKind::kSource, Method::kDelete, "/api/v1/instance"));
  const HttpResponse c = h.Handle(Req(ListenerKind::kSource, Method::kGet, "/api/v1/cases"));
  const HttpResponse d = h.Handle(Req(ListenerKind::kReviewer, Method::kGet, "/api/v1/instance"));
  for (const HttpResponse* r : {&a, &b, &c, &d}) {
    CHECK(r->status == 404);
    CHECK(r->content_type == a.content_type);
    CHECK(r->body == a.body);
  }
  CHECK(a.content_type == "application/json");
  CHECK(a.body == R"({"error":{"code":"not_found","message":"Not found."}})");
  // Non-API paths get a plain HTML page, the same for all of them.
  const HttpResponse e = h.Handle(Req(ListenerKind::kSource, Method::kGet, "/nothing.html"));
  const HttpResponse f = h.Handle(Req(ListenerKind::kSource, Method::kPost, "/"));
  CHECK(e.status == 404);
  CHECK(e.content_type.rfind("text/html", 0) == 0);
  CHECK(e.body == f.body);
  CHECK(e.body.find("nothing.html") == std::string::npos);  // request data never echoed
}

TEST_CASE("HTML errors go to the route's page, else the router's page, with the query",
          "[handler]") {
  Router r = TestRouter();
  RouteOptions page_route(BodyClass::kJson, RateClass::kStatic);
  page_route.error_page = [](int status, std::string_view query) {
    return HtmlError(status, "route",
                     "route page " + std::to_string(status) + " " + std::string(query));
  };
  REQUIRE(r.Add(ListenerKind::kSource, Method::kGet, "/page", page_route,
                [](const HttpRequest&, const RouteParams&) -> HttpResponse {
                  throw std::runtime_error("boom");
                })
              .ok());
  r.SetPageErrors([](int status, std::string_view query) {
    return HtmlError(status, "router",
                     "router page " + std::to_string(status) + " " + std::string(query));
  });
  HttpConfig c;
  for (auto& rate : c.rate) rate = RateLimit{0, 0, 0, 0};
  c.rate[static_cast<int>(RateClass::kStatic)] = RateLimit{0, 0, 0.001, 1};
  RequestHandler h(c, std::move(r), StaticFiles{});
  auto get = [&](std::string path, std::string query, uint32_t circuit) {
    HttpRequest q = Req(ListenerKind::kSource, Method::kGet, std::move(path));
    q.query = std::move(query);
    q.circuit_id = circuit;
    return h.Handle(q);
  };
  // An unknown non-API path: the router's page, told the query.
  HttpResponse nf = get("/nothing.html", "lang=sq", 1);
  CHECK(nf.status == 404);
  CHECK(nf.body.find("router page 404 lang=sq") != std::string::npos);
  // A throwing handler: the route's own page.
  HttpResponse boom = get("/page", "lang=mk", 2);
  CHECK(boom.status == 500);
  CHECK(boom.body.find("route page 500 lang=mk") != std::string::npos);
  // Over the rate: the route's page too, with Retry-After.
  HttpResponse limited = get("/page", "lang=bs", 2);
  CHECK(limited.status == 429);
  CHECK(limited.body.find("route page 429 lang=bs") != std::string::npos);
  bool retry_after = false;
  for (const auto& [name, value] : limited.headers) retry_after |= name == "Retry-After";
  CHECK(retry_after);
  // The API keeps its JSON, whatever the pages.
  HttpResponse api = get("/api/v1/nothing", "lang=sq", 3);
  CHECK(api.status == 404);
  CHECK(api.content_type == "application/json");
  HttpResponse api_boom = get("/api/v1/boom", "", 3);
  CHECK(api_boom.status == 500);
  CHECK(api_boom.content_type == "application/json");
}

TEST_CASE("Body caps are chosen per route before the body is read", "[handler]") {
  HttpConfig c;
  c.json_body_limit_bytes = 100;
  c.chunk_body_limit_bytes = 1000;
  RequestHandler h(c, TestRouter(), StaticFiles{});
  ClientKey k{ListenerKind::kSource, std::nullopt, 1};
  auto now = RateLimiter::Clock::now();
  CHECK(h.Begin(ListenerKind::kSource, Method::kPost, "/api/v1/echo", k, now).body_limit == 100);
  CHECK(h.Begin(ListenerKind::kSource, Method::kPut, "/api/v1/chunk/3", k, now).body_limit == 1000);
  CHECK(h.Begin(ListenerKind::kSource, Method::kPut, "/api/v1/nope", k, now).early->status == 404);

  CHECK(h.Handle(Req(ListenerKind::kSource, Method::kPost, "/api/v1/echo", std::string(100, 'x'))).body == "{\"n\":100}");
  HttpResponse big = h.Handle(Req(ListenerKind::kSource, Method::kPost, "/api/v1/echo", std::string(101, 'x')));
  CHECK(big.status == 413);
  CHECK(big.close);
  CHECK(h.Handle(Req(ListenerKind::kSource, Method::kPut, "/api/v1/chunk/3", std::string(1000, 'x'))).status == 200);
}

TEST_CASE("A throwing handler becomes a generic 500 without internals", "[handler]") {
  RequestHandler h(HttpConfig{}, TestRouter(), StaticFiles{});
  HttpResponse r = h.Handle(Req(ListenerKind::kSource, Method::kGet, "/api/v1/boom"));
  CHECK(r.status == 500);
  CHECK(r.body.find("secret") == std::string::npos);
  CHECK(r.body.find("\"code\":\"internal\"") != std::string::npos);
}

TEST_CASE("Rate limits answer 429 JSON per circuit, per route class", "[handler]") {
  HttpConfig c;
  c.rate[static_cast<int>(RateClass::kCostly)] = {1000, 1000, 0.001, 2};
  RequestHandler h(c, TestRouter(), StaticFiles{});
  HttpRequest q = Req(ListenerKind::kReviewer, Method::kGet, "/api/v1/cases");
  q.circuit_id = 7;
  CHECK(h.Handle(q).status == 200);
  CHECK(h.Handle(q).status == 200);
  HttpResponse r = h.Handle(q);
  CHECK(r.status == 429);
  CHECK(r.body == R"({"error":{"code":"rate_limited","message":"Too many requests. Wait a little and try again."}})");
  q.circuit_id = 8;
  CHECK(h.Handle(q).status == 200);
  // Another class is not affected.
  HttpRequest other = Req(ListenerKind::kSource, Method::kGet, "/api/v1/instance");
  other.circuit_id = 7;
  CHECK(h.Handle(other).status == 200);
}

// Regression (issue 7): the limiter's 429 had no Retry-After although
// API.md promises one, so clients retried after 1 s whatever the rate.
TEST_CASE("regression: a 429 from the rate limiter says when to retry", "[handler]") {
  HttpConfig c;
  c.rate[static_cast<int>(RateClass::kCostly)] = {4, 1, 0.2, 1};  // slowest: 1 token per 5 s
  c.rate[static_cast<int>(RateClass::kApi)] = {0, 0, 3, 1};       // 1 token per 1/3 s
  RequestHandler h(c, TestRouter(), StaticFiles{});
  HttpRequest q = Req(ListenerKind::kReviewer, Method::kGet, "/api/v1/cases");
  q.circuit_id = 7;
  CHECK(h.Handle(q).status == 200);
  HttpResponse r = h.Handle(q);
  REQUIRE(r.status == 429);
  REQUIRE(r.headers.size() == 1);
  CHECK(r.headers[0] == std::pair<std::string, std::string>{"Retry-After", "5"});
  HttpRequest a = Req(ListenerKind::kSource, Method::kGet, "/api/v1/instance");
  a.circuit_id = 7;
  CHECK(h.Handle(a).status == 200);
  r = h.Handle(a);
  REQUIRE(r.status == 429);
  CHECK(r.headers == std::vector<std::pair<std::string, std::string>>{{"Retry-After", "1"}});
}

TEST_CASE("HTTP message helpers: security headers, error shapes, header filters", "[handler]") {
  bool csp = false;
  for (const auto& [n, v] : SecurityHeaders()) {
    CHECK(n != "Server");
    if (n == "Content-Security-Policy") {
      csp = true;
      CHECK(v == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
                 "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }
  }
  CHECK(csp);
  CHECK(SecurityHeaders().size() == 8);
  CHECK(IsReservedResponseHeader("server"));
  CHECK(IsReservedResponseHeader("Date"));
  CHECK(IsReservedResponseHeader("content-security-policy"));
  CHECK_FALSE(IsReservedResponseHeader("Location"));
  CHECK(JsonError(400, "a\"b", "x\ny").body == R"({"error":{"code":"a\"b","message":"x\ny"}})");
  CHECK(HtmlError(400, "<t>", "a&b").body.find("&lt;t&gt;") != std::string::npos);
  CHECK(HtmlError(400, "<t>", "a&b").body.find("<t>") == std::string::npos);
  CHECK(IsForwardedHeader("Authorization"));
  CHECK(IsForwardedHeader("X-Dojava-Lookup"));
  CHECK_FALSE(IsForwardedHeader("X-Dojava-"));
  CHECK_FALSE(IsForwardedHeader("User-Agent"));
  CHECK_FALSE(IsForwardedHeader("Cookie"));
  HttpRequest q;
  q.headers.emplace_back("authorization", SecretBytes::Copy(std::string_view("Bearer t")));
  CHECK(q.Header("AUTHORIZATION") == "Bearer t");
  CHECK_FALSE(q.Header("accept"));
}

}  // namespace
}  // namespace dojava::http

namespace dojava::http {
namespace {

// The session writes this head byte for byte (http_server.cc builds no other).
TEST_CASE("Response heads: security headers, framing, and no smuggling through route headers",
          "[http][head]") {
  HttpResponse r = JsonOk("{}");
  r.headers = {{"Location", "/a"},
               {"X-Evil", "a\r\nSet-Cookie: s=1"},  // CR LF in a value: dropped
               {"X-Bad Name", "v"},                 // not a token: dropped
               {"Bad:Name", "v"},                   // not a token: dropped
               {"Server", "dojavad"},               // reserved: dropped
               {"Content-Length", "999"},           // reserved: dropped
               {"X-Empty", ""}};                    // empty value: dropped
  std::string head = "left over from the previous response";
  head.clear();
  AppendResponseHead(r, 2, true, &head);
  CHECK(head.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  CHECK(head.size() >= 4);
  CHECK(head.substr(head.size() - 4) == "\r\n\r\n");
  CHECK(head.find("\r\n\r\n") == head.size() - 4);  // one blank line: the end
  for (const auto& [name, value] : SecurityHeaders()) {
    CHECK(head.find("\r\n" + std::string(name) + ": " + std::string(value) + "\r\n") !=
          std::string::npos);
  }
  CHECK(head.find("\r\nContent-Type: application/json\r\n") != std::string::npos);
  CHECK(head.find("\r\nContent-Length: 2\r\n") != std::string::npos);
  CHECK(head.find("\r\nLocation: /a\r\n") != std::string::npos);
  for (std::string_view absent : {"Set-Cookie", "X-Evil", "X-Bad", "Bad:", "Server", "999", "X-Empty",
                                  "Date", "ETag", "Connection", "Transfer-Encoding"}) {
    CHECK(head.find(absent) == std::string::npos);
  }

  head.clear();
  AppendResponseHead(r, 2, false, &head);
  CHECK(head.find("\r\nConnection: close\r\n") != std::string::npos);

  HttpResponse none;
  none.status = 204;
  head.clear();
  AppendResponseHead(none, 0, true, &head);
  CHECK(head.rfind("HTTP/1.1 204 No Content\r\n", 0) == 0);
  CHECK(head.find("Content-Length") == std::string::npos);
  CHECK(head.find("\r\nContent-Type:") == std::string::npos);
  CHECK(StatusHasNoBody(204));
  CHECK(StatusHasNoBody(100));
  CHECK_FALSE(StatusHasNoBody(200));
  CHECK_FALSE(StatusHasNoBody(404));
}

TEST_CASE("A public body is shared, not copied, and is what the response sends", "[http][head]") {
  auto doc = std::make_shared<const std::string>("{\"version\":1}");
  HttpResponse r = JsonPublic(doc);
  CHECK(r.status == 200);
  CHECK(r.content_type == "application/json");
  CHECK(r.body.empty());
  CHECK(r.public_body.get() == doc.get());
  CHECK(ResponseBody(r).data() == doc->data());
  HttpResponse owned = JsonOk("{}");
  CHECK(ResponseBody(owned) == "{}");
}

}  // namespace
}  // namespace dojava::http
