// dojavad's instance configuration (service/daemon/instance_config.h: the HTTP keys
// plus API, store, retention and maintenance keys). Invariant: a config that
// parses serialises (InstanceConfigText) to text that parses back to the same
// text.
#include <string>

#include "fuzz/fuzz_input.h"
#include "service/daemon/instance_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  service::InstanceConfig config;
  if (!service::ParseInstanceConfigText(text, &config).ok()) return 0;
  (void)service::ValidateInstanceConfig(config);
  const std::string once = service::InstanceConfigText(config);
  service::InstanceConfig again;
  DOJAVA_FUZZ_CHECK(service::ParseInstanceConfigText(once, &again).ok());
  DOJAVA_FUZZ_CHECK(service::InstanceConfigText(again) == once);
  return 0;
}
