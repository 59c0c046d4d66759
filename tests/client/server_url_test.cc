#include "client/server_url.h"

#include <catch2/catch_test_macros.hpp>

#include "client/http_client.h"

namespace dojava::client {
namespace {

TEST_CASE("server URLs: accepted forms and their canonical key", "[cli][url]") {
  auto a = ParseServerUrl("http://127.0.0.1:8081");
  REQUIRE(a.ok());
  CHECK(a->kind == ServerUrl::Kind::kTcp);
  CHECK(a->host == "127.0.0.1");
  CHECK(a->port == 8081);
  CHECK(a->canonical == "http://127.0.0.1:8081");
  CHECK(a->HostHeader() == "127.0.0.1:8081");

  auto onion = ParseServerUrl("HTTP://ExampleOnionAddress.onion/");
  REQUIRE(onion.ok());
  CHECK(onion->host == "exampleonionaddress.onion");
  CHECK(onion->port == 80);
  CHECK(onion->is_onion());
  CHECK(onion->HostHeader() == "exampleonionaddress.onion");
  CHECK(onion->canonical == "http://exampleonionaddress.onion:80");

  auto v6 = ParseServerUrl("http://[::1]:9000");
  REQUIRE(v6.ok());
  CHECK(v6->host == "::1");
  CHECK(v6->HostHeader() == "[::1]:9000");

  auto unix_url = ParseServerUrl("unix:/run/dojava/reviewer.sock");
  REQUIRE(unix_url.ok());
  CHECK(unix_url->kind == ServerUrl::Kind::kUnix);
  CHECK(unix_url->path == "/run/dojava/reviewer.sock");
  CHECK(unix_url->HostHeader() == "localhost");
  CHECK_FALSE(unix_url->is_onion());
}

TEST_CASE("server URLs: everything else is refused", "[cli][url]") {
  for (const char* bad :
       {"", "127.0.0.1:8080", "https://x.onion", "ftp://x", "http://", "http://host:0",
        "http://host:65536", "http://host:80/path", "http://user@host", "http://host?x=1",
        "http://ho st", "http://host:8o", "unix:relative.sock", "unix:", "http://[::1",
        "http://a..b", "http://host:080"}) {
    INFO(bad);
    CHECK(ParseServerUrl(bad).code() == Code::kInvalidArgument);
  }
  CHECK(ParseServerUrl("unix:/" + std::string(200, 'a')).code() == Code::kInvalidArgument);
}

TEST_CASE("SOCKS5 proxy addresses need a port", "[cli][url]") {
  auto hp = ParseHostPort("127.0.0.1:9050");
  REQUIRE(hp.ok());
  CHECK(hp->host == "127.0.0.1");
  CHECK(hp->port == 9050);
  CHECK(ParseHostPort("[::1]:9050").ok());
  CHECK_FALSE(ParseHostPort("127.0.0.1").ok());
  CHECK_FALSE(ParseHostPort("127.0.0.1:").ok());
  CHECK_FALSE(ParseHostPort("127.0.0.1:99999").ok());
}

}  // namespace
TEST_CASE("server URLs: loopback addresses are the only ones reached without a proxy",
          "[cli][url]") {
  for (const char* ok :
       {"http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:9", "http://[::1]:8080"}) {
    INFO(ok);
    auto u = ParseServerUrl(ok);
    REQUIRE(u.ok());
    CHECK(u->is_loopback());
  }
  for (const char* no : {"http://128.0.0.1", "http://192.0.2.1:80", "http://example.org",
                         "http://localhost.example.org", "http://[::2]:80",
                         "http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvw.onion"}) {
    INFO(no);
    auto u = ParseServerUrl(no);
    if (u.ok()) CHECK_FALSE(u->is_loopback());
  }
}

TEST_CASE("http client: a clearnet server without --socks5 is refused before connecting",
          "[cli][url]") {
  HttpOptions o;
  o.server = *ParseServerUrl("http://192.0.2.1:80");
  HttpClient client(o);
  auto r = client.Send("GET", "/api/v1/instance", {}, {}, "", 1024);
  REQUIRE_FALSE(r.ok());
  CHECK(r.code() == Code::kInvalidArgument);
  CHECK(r.status().message().find("clearnet") != std::string::npos);
}

}  // namespace dojava::client
