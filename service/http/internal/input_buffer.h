// InputBuffer: the bytes a connection has read and not yet parsed (a PROXY
// line, request heads, a chunked body on its way into the body buffer), at
// most max_size() of them.
//
// Request bytes (bearer tokens, a plaintext report in a form) pass through
// it, so every byte ever written is wiped before the memory is reused by a
// larger buffer or freed: the buffer remembers how far it was written. It
// holds memory only while it holds bytes or a read is being prepared:
// Release() (idle keep-alive connections) wipes and frees it.
//
// Thread safety: none; one per connection, used on its executor.
#ifndef DOJAVA_SERVICE_HTTP_INTERNAL_INPUT_BUFFER_H_
#define DOJAVA_SERVICE_HTTP_INTERNAL_INPUT_BUFFER_H_

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

namespace dojava::http::internal {

class InputBuffer {
 public:
  explicit InputBuffer(size_t max_size) : max_size_(max_size) {}
  ~InputBuffer() { Release(); }
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;

  // The bytes read and not yet consumed.
  std::string_view data() const { return {mem_.get() + begin_, end_ - begin_}; }
  size_t size() const { return end_ - begin_; }
  size_t max_size() const { return max_size_; }
  size_t capacity() const { return capacity_; }

  // Room for at least 1 and at most `max` more bytes, moving the unconsumed
  // bytes to the front or growing the memory (never past max_size()) when
  // there is less room than that. Empty if size() == max_size() or max == 0.
  // Valid until the next non-const call.
  std::span<char> Prepare(size_t max);
  // Counts `n` bytes written at the front of the last Prepare()'s span.
  void Commit(size_t n) {
    end_ += n;
    if (end_ > written_) written_ = end_;
  }
  // Drops the first `n` bytes (n <= size()). ConsumeWiping() wipes them first.
  void Consume(size_t n);
  void ConsumeWiping(size_t n);

  // Wipes every byte written since the memory was allocated and frees it.
  // Must only be called with size() == 0 or when the bytes are not wanted.
  void Release();

 private:
  void Reallocate(size_t capacity);

  const size_t max_size_;
  std::unique_ptr<char[]> mem_;
  size_t capacity_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  size_t written_ = 0;  // high-water mark of end_: bytes to wipe
};

}  // namespace dojava::http::internal

#endif  // DOJAVA_SERVICE_HTTP_INTERNAL_INPUT_BUFFER_H_
