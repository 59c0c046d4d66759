// Raw bytes into the source listener: every route of the source side over a
// real SQLCipher store, as the session reads them (fuzz/raw_request.h).
#include "fuzz/raw_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dojava::fuzz::RunRawRequests(dojava::http::ListenerKind::kSource, data, size);
  return 0;
}
