// SecretBytes: the only place Dojava keeps keys, seeds, receipts, passphrases
// and decrypted plaintext.
//
// Memory comes from sodium_malloc (guard pages, mlock where the system allows,
// never swapped out where it does), is zero-filled on creation and wiped by
// sodium_free on destruction, on every path. The type is move-only, so a
// secret is never copied by accident. Reading the bytes is explicit and easy
// to grep for: reveal(), reveal_mut(), reveal_chars().
//
// Thread safety: like std::vector; distinct objects may be used concurrently.
#ifndef DOJAVA_BASE_SECRET_BYTES_H_
#define DOJAVA_BASE_SECRET_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "base/bytes.h"

namespace dojava {

// Initialises libsodium once; safe to call from any thread, any number of
// times. Aborts the process if libsodium cannot initialise (no usable RNG):
// continuing without one would be worse than stopping.
void EnsureSodium();

class SecretBytes {
 public:
  SecretBytes() = default;
  // n zero bytes. Aborts the process if the secure allocator fails.
  explicit SecretBytes(size_t n);
  static SecretBytes Copy(ByteView bytes);
  static SecretBytes Copy(std::string_view chars) { return Copy(AsBytes(chars)); }
  static SecretBytes Random(size_t n);

  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes();

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  ByteView reveal() const { return {data_, size_}; }
  std::span<uint8_t> reveal_mut() { return {data_, size_}; }
  std::string_view reveal_chars() const { return {reinterpret_cast<const char*>(data_), size_}; }

  // Shrinks the visible size to n <= size(); the bytes past n are wiped now.
  void Truncate(size_t n);

  // Bytes allocated; size() <= capacity(). The bytes past size() are always
  // zero: zero from the start, and wiped by Truncate() and Resize().
  size_t capacity() const { return capacity_; }
  // Sets the visible size to n <= capacity() (aborts beyond it). Growing
  // exposes bytes past the old size, which are zero; shrinking wipes the
  // bytes past n, as Truncate(). Lets a buffer be reused without a new
  // sodium_malloc (the HTTP layer's request bodies, service/http/body_pool.h).
  void Resize(size_t n);

  // Constant-time comparison (sodium_memcmp) when sizes are equal.
  [[nodiscard]] bool Equals(ByteView other) const;
  [[nodiscard]] bool Equals(const SecretBytes& other) const { return Equals(other.reveal()); }

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;      // visible size
  size_t capacity_ = 0;  // allocated size
};

}  // namespace dojava

#endif  // DOJAVA_BASE_SECRET_BYTES_H_
