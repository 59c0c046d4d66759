#include "service/http/http_config.h"

#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <sstream>
#include <string_view>

namespace dojava::http {
namespace {

TEST_CASE("The default config text parses back to the defaults", "[config]") {
  HttpConfig parsed;
  parsed.threads = 7;
  parsed.rate[3].circuit_per_second = 99;
  REQUIRE(ParseConfigText(DefaultConfigText(), &parsed).ok());
  const HttpConfig d;
  CHECK(parsed.threads == d.threads);
  CHECK(parsed.rate[3].circuit_per_second == d.rate[3].circuit_per_second);
  CHECK(parsed.header_limit_bytes == 8192);
  CHECK(parsed.json_body_limit_bytes == 1048576);
  CHECK(FormatListenAddress(parsed.source.address) == "127.0.0.1:8080");
  CHECK(ValidateConfig(parsed).ok());
}

TEST_CASE("Config files: values, comments, line numbers in errors", "[config]") {
  HttpConfig c;
  REQUIRE(ParseConfigText("# comment\n\n  source.listen = unix:/run/dojava/source.sock\n"
                          "reviewer.listen=[::1]:9000\r\nheader_limit_bytes = 4096\n"
                          "rate.costly.circuit_per_second = 0.25\nsource.proxy_protocol = true\n",
                          &c).ok());
  CHECK(c.source.address.is_unix);
  CHECK(c.source.address.unix_path == "/run/dojava/source.sock");
  CHECK(c.reviewer.address.host == "::1");
  CHECK(c.reviewer.address.port == 9000);
  CHECK(c.header_limit_bytes == 4096);
  CHECK(c.rate[3].circuit_per_second == 0.25);
  CHECK(c.source.proxy_protocol);

  struct Case {
    const char* text;
    const char* want;
  };
  for (const Case& k : {Case{"threads = 2\nbogus = 1\n", "line 2"},
                        Case{"\n\nthreads = -1\n", "line 3"},
                        Case{"threads = 02\n", "line 1"},
                        Case{"threads = 1x\n", "line 1"},
                        Case{"threads = 100000\n", "line 1"},
                        Case{"threads\n", "line 1"},
                        Case{"threads = 2\nthreads = 3\n", "line 2"},
                        Case{"source.proxy_protocol = yes\n", "line 1"},
                        Case{"source.listen = localhost:80\n", "line 1"},
                        Case{"source.listen = 127.0.0.1:65536\n", "line 1"},
                        Case{"source.listen = unix:relative.sock\n", "line 1"},
                        Case{"rate.api.global_burst = 1e3\n", "line 1"},
                        Case{"static_dir = relative\n", "line 1"},
                        Case{"threads = 2\x01\n", "line 1"}}) {
    HttpConfig x;
    Status s = ParseConfigText(k.text, &x);
    INFO(k.text);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find(k.want) != std::string::npos);
  }
}

TEST_CASE("Command-line overrides use the same keys and win over the file", "[config]") {
  HttpConfig c;
  REQUIRE(ParseConfigText("threads = 3\n", &c).ok());
  REQUIRE(ApplyOverrides({"threads=5", "idle_timeout_ms = 100"}, &c).ok());
  CHECK(c.threads == 5);
  CHECK(c.idle_timeout_ms == 100);
  CHECK_FALSE(ApplyOverrides({"threads"}, &c).ok());
  CHECK_FALSE(ApplyOverrides({"nothing=1"}, &c).ok());
}

// Regression (found by fuzz/http_config_fuzzer.cc): inet_pton reads a C
// string, so "127.0.0.1" NUL "junk:80" was accepted as 127.0.0.1 while the
// stored host kept the junk, and the formatted address did not parse back.
TEST_CASE("Listen addresses with a NUL byte are refused and accepted ones round-trip",
          "[config]") {
  using namespace std::string_view_literals;
  for (std::string_view bad : {"127.0.0.1\0junk = [::1]:804"sv, "127.0.0.1\0:80"sv,
                               "[::1\0x]:80"sv, "[::1]:8\0"sv}) {
    CHECK_FALSE(ParseListenAddress(bad).ok());
  }
  HttpConfig c;
  CHECK_FALSE(SetConfigValue(&c, "source.listen", "127.0.0.1\0evil:80"sv).ok());
  for (std::string_view good : {"127.0.0.1:8080"sv, "[::1]:0"sv, "unix:/run/dojava/s.sock"sv}) {
    auto a = ParseListenAddress(good);
    REQUIRE(a.ok());
    CHECK(FormatListenAddress(*a) == good);
  }
}

TEST_CASE("Non-loopback listeners need the explicit flag", "[config]") {
  HttpConfig c;
  REQUIRE(SetConfigValue(&c, "source.listen", "0.0.0.0:80").ok());
  CHECK_FALSE(ValidateConfig(c).ok());
  REQUIRE(SetConfigValue(&c, "source.listen", "127.3.2.1:80").ok());
  CHECK(ValidateConfig(c).ok());
  REQUIRE(SetConfigValue(&c, "reviewer.listen", "[::]:80").ok());
  CHECK_FALSE(ValidateConfig(c).ok());
  REQUIRE(SetConfigValue(&c, "allow_non_loopback", "true").ok());
  CHECK(ValidateConfig(c).ok());
}

}  // namespace
}  // namespace dojava::http

namespace dojava::http {
namespace {

TEST_CASE("CONFIG.md documents every key", "[config]") {
  std::ifstream in(std::string(DOJAVA_SOURCE_DIR) + "/service/http/CONFIG.md");
  REQUIRE(in);
  std::stringstream doc;
  doc << in.rdbuf();
  int keys = 0;
  for (const auto& k : HttpConfig::Keys().keys()) {
    INFO(k.name);
    CHECK(doc.str().find("`" + k.name + "`") != std::string::npos);
    ++keys;
  }
  CHECK(keys > 20);
}

}  // namespace
}  // namespace dojava::http
