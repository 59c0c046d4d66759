#include "service/http/proxy_protocol.h"

#include <catch2/catch_test_macros.hpp>
#include <cstdio>
#include <string>

namespace dojava::http {
namespace {

// The line exactly as tor's export_hs_client_circuit_id() formats it:
// "PROXY TCP6 %s:%x:%x %s %d %d\r\n" with prefix "fc00:dead:beef:4dad:".
std::string TorLine(uint32_t gid, int dst_port) {
  char buf[128];
  std::snprintf(buf, sizeof(buf), "PROXY TCP6 %s:%x:%x %s %d %d\r\n", "fc00:dead:beef:4dad:",
                gid >> 16, gid & 0xffff, "::1", static_cast<int>(gid & 0xffff), dst_port);
  return buf;
}

TEST_CASE("PROXY v1 lines as tor writes them give the circuit id", "[proxy]") {
  for (uint32_t gid : {0u, 1u, 42u, 0xffffu, 0x10000u, 0x12345678u, 0xffffffffu}) {
    for (int port : {0, 80, 65535}) {
      const std::string line = TorLine(gid, port);
      INFO(line);
      Result<uint32_t> r = ParseTorProxyV1(line);
      REQUIRE(r.ok());
      CHECK(r.value() == gid);
    }
  }
  CHECK(ParseTorProxyV1("PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80\r\n").value() == 1);
}

TEST_CASE("Anything but tor's exact PROXY v1 shape is refused", "[proxy]") {
  for (const char* bad : {
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80",
           "PROXY TCP4 127.0.0.1 127.0.0.1 1 80\r\n",
           "PROXY UNKNOWN\r\n",
           "proxy TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:A ::1 1 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::00:1 ::1 1 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:10000 ::1 1 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0 ::1 1 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dae::0:1 ::1 1 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::2 1 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 65536\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 01 80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1  80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80 \r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 -80\r\n",
           "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80\r\nGET",
           "",
       }) {
    INFO(bad);
    CHECK(ParseTorProxyV1(bad).code() == Code::kMalformed);
  }
  std::string too_long = "PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 1 80" + std::string(70, ' ') + "\r\n";
  CHECK_FALSE(ParseTorProxyV1(too_long).ok());
}

}  // namespace
}  // namespace dojava::http
