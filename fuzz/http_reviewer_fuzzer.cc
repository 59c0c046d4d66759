// Raw bytes into the reviewer listener: login, cases, messages, roster,
// uploads over a real SQLCipher store, with a logged-in token available as
// $TOKEN (fuzz/api_harness.h).
#include "fuzz/raw_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dojava::fuzz::RunRawRequests(dojava::http::ListenerKind::kReviewer, data, size);
  return 0;
}
