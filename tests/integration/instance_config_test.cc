// The instance config (service/daemon/instance_config.h): strict parsing, the text
// init writes parses back to the same values, and service/CONFIG.md names
// every instance key.
#include "service/daemon/instance_config.h"

#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <sstream>

#include "service/daemon/instance_init.h"

namespace dojava::service {
namespace {

std::string ReadSource(const std::string& rel) {
  std::ifstream in(std::string(DOJAVA_SOURCE_DIR) + "/" + rel);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("The config text parses back to the values it was written from", "[config]") {
  InstanceConfig c;
  c.api.instance_name = "Prijava — Novinari";
  c.api.token_idle_seconds = 600;
  c.store.disk_reserve_bytes = 12345;
  c.retention.retention_days = 30;
  c.http.handler_threads = 8;
  c.http.json_body_limit_bytes = 4096;
  const std::string text = InstanceConfigText(c);
  InstanceConfig back;
  REQUIRE(ParseInstanceConfigText(text, &back).ok());
  CHECK(back.api.instance_name == c.api.instance_name);
  CHECK(back.api.token_idle_seconds == 600);
  CHECK(back.store.disk_reserve_bytes == 12345);
  CHECK(back.retention.retention_days == 30);
  CHECK(back.http.handler_threads == 8);
  CHECK(back.api.json_body_limit_bytes == 4096);  // follows the HTTP key
  CHECK(InstanceConfigText(back) == text);
}

TEST_CASE("Unknown, repeated and bad keys are errors naming the line, not the value", "[config]") {
  InstanceConfig c;
  Status s = ParseInstanceConfigText("threads = 2\nnope = secretvalue\n", &c);
  CHECK(s.code() == Code::kInvalidArgument);
  CHECK(s.message().find("line 2") != std::string::npos);
  CHECK(s.message().find("secretvalue") == std::string::npos);
  CHECK_FALSE(ParseInstanceConfigText("retention_days = 1\nretention_days = 2\n", &c).ok());
  CHECK_FALSE(ParseInstanceConfigText("retention_days = 0\n", &c).ok());
  CHECK_FALSE(ParseInstanceConfigText("retention_days = 3651\n", &c).ok());
  CHECK_FALSE(ParseInstanceConfigText("api.token_idle_seconds = 01\n", &c).ok());
  CHECK_FALSE(ParseInstanceConfigText("api.token_burst = 0\n", &c).ok());
  CHECK_FALSE(ParseInstanceConfigText("instance_name = \n", &c).ok());
  CHECK_FALSE(ParseInstanceConfigText("purge_interval_seconds = 1\n", &c).ok());
  CHECK(ParseInstanceConfigText("# comment\n\npurge_interval_seconds = 60\n", &c).ok());
  CHECK(c.purge_interval_seconds == 60);
  CHECK(ApplyInstanceOverrides({"handler_threads=3", "instance_name=A B"}, &c).ok());
  CHECK(c.http.handler_threads == 3);
  CHECK(c.api.instance_name == "A B");
  CHECK_FALSE(ApplyInstanceOverrides({"handler_threads"}, &c).ok());
  CHECK_FALSE(ApplyInstanceOverrides({"=3"}, &c).ok());
  InstanceConfig pages;
  pages.api.default_cases_per_page = 600;
  CHECK_FALSE(ValidateInstanceConfig(pages).ok());
}

TEST_CASE("Instance names: printable UTF-8, 1..100 bytes, no space at either end", "[config]") {
  CHECK(api::ValidateInstanceName("Example Newsroom").ok());
  CHECK(api::ValidateInstanceName("Đurđevak – Истраживачи").ok());
  CHECK(api::ValidateInstanceName(std::string(100, 'a')).ok());
  CHECK_FALSE(api::ValidateInstanceName(std::string(101, 'a')).ok());
  CHECK_FALSE(api::ValidateInstanceName("").ok());
  CHECK_FALSE(api::ValidateInstanceName(" a").ok());
  CHECK_FALSE(api::ValidateInstanceName("a ").ok());
  CHECK_FALSE(api::ValidateInstanceName("a\tb").ok());
  CHECK_FALSE(api::ValidateInstanceName("a\nb").ok());
  CHECK_FALSE(api::ValidateInstanceName("\xff").ok());
}

TEST_CASE("service/CONFIG.md documents every instance key", "[config]") {
  const std::string doc = ReadSource("service/CONFIG.md");
  REQUIRE_FALSE(doc.empty());
  const std::string text = InstanceConfigText(InstanceConfig());
  const std::string http_part = http::ConfigText(http::HttpConfig());
  std::istringstream lines(text.substr(0, text.find("# --- HTTP")));
  std::string line;
  int keys = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::string key = line.substr(0, line.find(' '));
    INFO(key);
    CHECK(doc.find("`" + key + "`") != std::string::npos);
    ++keys;
  }
  CHECK(keys >= 20);
  CHECK(text.find(http_part) != std::string::npos);  // and every HTTP key
}

TEST_CASE("Admin public keys: base64url of a canonical Ed25519 point only", "[config][init]") {
  // The Ed25519 base point (RFC 8032 §5.1: y = 4/5, encoded 0x58 0x66...).
  CHECK(InstanceInit::ParseAdminPublicKey("WGZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmY").ok());
  CHECK_FALSE(
      InstanceInit::ParseAdminPublicKey("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").ok());
  // The identity (y = 1): a canonical encoding of a small-order point.
  CHECK_FALSE(
      InstanceInit::ParseAdminPublicKey("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").ok());
  // y = p (non-canonical encoding of 0).
  CHECK_FALSE(
      InstanceInit::ParseAdminPublicKey("7f_______________________________________38").ok());
  CHECK_FALSE(
      InstanceInit::ParseAdminPublicKey("WGZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmY=").ok());
  CHECK_FALSE(InstanceInit::ParseAdminPublicKey("").ok());
}

}  // namespace
}  // namespace dojava::service
