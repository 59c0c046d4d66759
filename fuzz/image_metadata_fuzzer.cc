// Image metadata removal (payload/image_metadata.h): the whole input is the
// file. Invariants: only kMalformed is refused, and only for a JPEG or PNG;
// the kept ranges are ascending, inside the file, not adjacent and at most
// kMaxImageRanges; another kind is kept whole; a cleaned file is of the same
// kind and keeps exactly the planned bytes. (Cleaning twice is not checked
// here: as in metadata.js, a scan's data that ends in 0xFF next to a dropped
// segment may read differently once that segment is gone. The real images
// of tests/nojs/image_metadata_test.cc check it.)
#include "fuzz/fuzz_input.h"
#include "payload/image_metadata.h"

using namespace dojava;  // NOLINT(google-build-using-namespace)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView file(data, size);
  auto plan = payload::PlanMetadataRemoval(file);
  if (!plan.ok()) {
    DOJAVA_FUZZ_CHECK(plan.code() == Code::kMalformed);
    DOJAVA_FUZZ_CHECK(payload::SniffImage(file) != payload::ImageKind::kOther);
    return 0;
  }
  DOJAVA_FUZZ_CHECK(plan->kind == payload::SniffImage(file));
  DOJAVA_FUZZ_CHECK(plan->keep.size() <= payload::kMaxImageRanges);
  uint64_t previous_end = 0;
  for (size_t i = 0; i < plan->keep.size(); ++i) {
    const auto& [begin, end] = plan->keep[i];
    DOJAVA_FUZZ_CHECK(begin < end && end <= size);
    DOJAVA_FUZZ_CHECK(i == 0 || begin > previous_end);
    previous_end = end;
  }
  if (plan->kind == payload::ImageKind::kOther) {
    DOJAVA_FUZZ_CHECK(plan->KeptBytes() == size && plan->removed.empty());
    return 0;
  }
  const SecretBytes cleaned = payload::ApplyMetadataPlan(file, *plan);
  DOJAVA_FUZZ_CHECK(payload::SniffImage(cleaned.reveal()) == plan->kind);
  DOJAVA_FUZZ_CHECK(cleaned.size() == plan->KeptBytes());
  return 0;
}
