// FuzzInput: reads fixed-size fields and a variable tail from one libFuzzer
// input, the way every target here frames its bytes. A field read past the
// end is zero-filled, so every input is usable and short seeds still parse.
#ifndef DOJAVA_FUZZ_FUZZ_INPUT_H_
#define DOJAVA_FUZZ_FUZZ_INPUT_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "base/bytes.h"

namespace dojava::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  uint8_t Byte() {
    if (pos_ >= size_) return 0;
    return data_[pos_++];
  }
  template <size_t N>
  std::array<uint8_t, N> Array() {
    std::array<uint8_t, N> a{};
    const size_t n = std::min(N, size_ - pos_);
    if (n > 0) std::memcpy(a.data(), data_ + pos_, n);
    pos_ += n;
    return a;
  }
  uint64_t U64() {
    const auto a = Array<8>();
    uint64_t v = 0;
    for (uint8_t b : a) v = v << 8 | b;
    return v;
  }
  // The next n bytes (fewer at the end of the input).
  ByteView Take(size_t n) {
    n = std::min(n, size_ - pos_);
    ByteView r(data_ + pos_, n);
    pos_ += n;
    return r;
  }
  uint32_t U32() {
    const auto a = Array<4>();
    return uint32_t(a[0]) << 24 | uint32_t(a[1]) << 16 | uint32_t(a[2]) << 8 | a[3];
  }
  // Everything not read yet.
  ByteView Rest() {
    ByteView r(data_ + pos_, size_ - pos_);
    pos_ = size_;
    return r;
  }
  std::string_view RestText() {
    const ByteView r = Rest();
    return std::string_view(reinterpret_cast<const char*>(r.data()), r.size());
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

// A fuzz target's own invariant failed: abort, so libFuzzer saves the input
// as a crash artefact like any sanitizer report.
[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant failed: %s\n", what);
  std::abort();
}
#define DOJAVA_FUZZ_CHECK(cond)               \
  do {                                        \
    if (!(cond)) ::dojava::fuzz::Fail(#cond); \
  } while (0)

}  // namespace dojava::fuzz

#endif  // DOJAVA_FUZZ_FUZZ_INPUT_H_
