// Receipts as people type them (crypto/PROTOCOL.md §4.2). Invariants for an
// accepted receipt: 28 ASCII digits, Damm-valid; its display form parses
// back to the same receipt; one digit changed or two adjacent different
// digits swapped is refused (the check digit's promise).
#include <algorithm>
#include <string>

#include "crypto/receipt.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  const std::string_view typed(reinterpret_cast<const char*>(data), size);
  auto receipt = crypto::Receipt::Parse(typed);
  if (!receipt.ok()) return 0;
  const std::string canonical(AsChars(receipt->canonical()));
  DOJAVA_FUZZ_CHECK(canonical.size() == 28);
  DOJAVA_FUZZ_CHECK(std::ranges::all_of(canonical, [](char c) { return c >= '0' && c <= '9'; }));
  DOJAVA_FUZZ_CHECK(crypto::DammValid(canonical));
  auto again = crypto::Receipt::Parse(AsChars(receipt->Formatted().reveal()));
  DOJAVA_FUZZ_CHECK(again.ok());
  DOJAVA_FUZZ_CHECK(AsChars(again->canonical()) == canonical);
  const size_t at = size % canonical.size();
  std::string typo = canonical;
  typo[at] = typo[at] == '9' ? '0' : char(typo[at] + 1);
  DOJAVA_FUZZ_CHECK(!crypto::Receipt::Parse(typo).ok());
  if (at + 1 < canonical.size() && canonical[at] != canonical[at + 1]) {
    std::string swapped = canonical;
    std::swap(swapped[at], swapped[at + 1]);
    DOJAVA_FUZZ_CHECK(!crypto::Receipt::Parse(swapped).ok());
  }
  return 0;
}
