#include "base/secret_bytes.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace dojava {

void EnsureSodium() {
  static const bool kReady = [] {
    if (sodium_init() < 0) std::abort();
    return true;
  }();
  (void)kReady;
}

SecretBytes::SecretBytes(size_t n) {
  EnsureSodium();
  if (n == 0) return;
  data_ = static_cast<uint8_t*>(sodium_malloc(n));
  // No exception crosses a module boundary: failing to allocate
  // guarded memory for a secret is not recoverable.
  if (data_ == nullptr) std::abort();
  sodium_memzero(data_, n);
  size_ = capacity_ = n;
}

SecretBytes SecretBytes::Copy(ByteView bytes) {
  SecretBytes s(bytes.size());
  if (!bytes.empty()) std::memcpy(s.data_, bytes.data(), bytes.size());
  return s;
}

SecretBytes SecretBytes::Random(size_t n) {
  SecretBytes s(n);
  if (n > 0) randombytes_buf(s.data_, n);
  return s;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

SecretBytes::~SecretBytes() {
  if (data_ != nullptr) sodium_free(data_);  // sodium_free wipes before unmapping
}

void SecretBytes::Truncate(size_t n) {
  if (n >= size_) return;
  sodium_memzero(data_ + n, size_ - n);
  size_ = n;
}

void SecretBytes::Resize(size_t n) {
  if (n > capacity_) std::abort();  // a caller bug: never read past the allocation
  if (n < size_) return Truncate(n);
  size_ = n;
}

bool SecretBytes::Equals(ByteView other) const {
  if (other.size() != size_) return false;
  if (size_ == 0) return true;
  return sodium_memcmp(data_, other.data(), size_) == 0;
}

}  // namespace dojava
