// The PROXY v1 line parser (service/http/proxy_protocol.h). Invariant: an
// accepted line is the one line tor writes for that circuit id (strict,
// canonical parsing): same prefix, lower-case canonical hex of the two
// 16-bit halves.
#include <cstdio>
#include <string>

#include "fuzz/fuzz_input.h"
#include "service/http/proxy_protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  auto id = http::ParseTorProxyV1(line);
  if (!id.ok()) return 0;
  DOJAVA_FUZZ_CHECK(line.size() <= http::kProxyV1MaxLineBytes);
  DOJAVA_FUZZ_CHECK(line.ends_with("\r\n"));
  char expected[64];
  const int n = std::snprintf(expected, sizeof(expected), "PROXY TCP6 fc00:dead:beef:4dad::%x:%x ::1 ",
                              unsigned(*id >> 16), unsigned(*id & 0xffff));
  DOJAVA_FUZZ_CHECK(n > 0 && line.starts_with(std::string_view(expected, size_t(n))));
  return 0;
}
