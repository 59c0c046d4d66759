// The HTTP configuration file parser (service/http/http_config.h) and the
// listen-address parser. Invariants: a config that parses serialises
// (ConfigText) to text that parses back to the same text; an address that
// parses formats to text that parses back to the same address.
#include <string>

#include "fuzz/fuzz_input.h"
#include "service/http/http_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  http::HttpConfig config;
  if (http::ParseConfigText(text, &config).ok()) {
    (void)http::ValidateConfig(config);
    const std::string once = http::ConfigText(config);
    http::HttpConfig again;
    DOJAVA_FUZZ_CHECK(http::ParseConfigText(once, &again).ok());
    DOJAVA_FUZZ_CHECK(http::ConfigText(again) == once);
  }
  if (auto address = http::ParseListenAddress(text); address.ok()) {
    const std::string formatted = http::FormatListenAddress(*address);
    auto back = http::ParseListenAddress(formatted);
    DOJAVA_FUZZ_CHECK(back.ok());
    DOJAVA_FUZZ_CHECK(http::FormatListenAddress(*back) == formatted);
  }
  return 0;
}
