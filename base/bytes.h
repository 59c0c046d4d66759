// Plain (non-secret) byte strings and strict big-endian readers/writers used by
// every binary format of crypto/PROTOCOL.md. All integers are big-endian.
#ifndef DOJAVA_BASE_BYTES_H_
#define DOJAVA_BASE_BYTES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace dojava {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

inline ByteView AsBytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
inline std::string_view AsChars(ByteView b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Appends fields to a byte string.
class ByteWriter {
 public:
  explicit ByteWriter(Bytes* out) : out_(out) {}
  void U8(uint8_t v) { out_->push_back(v); }
  void U16(uint16_t v) {
    for (int i = 1; i >= 0; --i) out_->push_back(uint8_t(v >> (8 * i)));
  }
  void U32(uint32_t v) {
    for (int i = 3; i >= 0; --i) out_->push_back(uint8_t(v >> (8 * i)));
  }
  void U64(uint64_t v) {
    for (int i = 7; i >= 0; --i) out_->push_back(uint8_t(v >> (8 * i)));
  }
  void Raw(ByteView b) { out_->insert(out_->end(), b.begin(), b.end()); }
  void Raw(std::string_view s) { Raw(AsBytes(s)); }

 private:
  Bytes* out_;
};

// Reads fields from a byte string. Every read checks the remaining length;
// after the first failure ok() is false and all further reads fail too, so a
// parser can read a whole header and check once.
class ByteReader {
 public:
  explicit ByteReader(ByteView in) : in_(in) {}
  bool ok() const { return ok_; }
  size_t remaining() const { return ok_ ? in_.size() - pos_ : 0; }
  size_t position() const { return pos_; }
  bool AtEnd() const { return ok_ && pos_ == in_.size(); }

  uint8_t U8() { return uint8_t(Be(1)); }
  uint16_t U16() { return uint16_t(Be(2)); }
  uint32_t U32() { return uint32_t(Be(4)); }
  uint64_t U64() { return Be(8); }
  // A view of the next n bytes (empty, and the reader failed, if fewer remain).
  ByteView Take(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) {
      ok_ = false;
      return {};
    }
    ByteView v = in_.subspan(pos_, n);
    pos_ += n;
    return v;
  }
  template <size_t N>
  std::array<uint8_t, N> Array() {
    std::array<uint8_t, N> a{};
    ByteView v = Take(N);
    if (ok_) std::copy(v.begin(), v.end(), a.begin());
    return a;
  }
  ByteView Rest() { return Take(remaining()); }

 private:
  uint64_t Be(size_t n) {
    ByteView v = Take(n);
    uint64_t r = 0;
    for (uint8_t b : v) r = (r << 8) | b;
    return r;
  }
  ByteView in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace dojava

#endif  // DOJAVA_BASE_BYTES_H_
