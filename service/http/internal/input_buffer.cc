#include "service/http/internal/input_buffer.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace dojava::http::internal {

std::span<char> InputBuffer::Prepare(size_t max) {
  const size_t want = std::min(max, max_size_ - size());
  if (want == 0) return {};
  if (capacity_ - end_ < want) {
    if (capacity_ - size() >= want) {
      // Enough room once the unconsumed bytes move to the front.
      std::memmove(mem_.get(), mem_.get() + begin_, size());
      end_ -= begin_;
      begin_ = 0;
    } else {
      Reallocate(std::min(max_size_, std::max(size() + want, 2 * capacity_)));
    }
  }
  return {mem_.get() + end_, std::min(want, capacity_ - end_)};
}

void InputBuffer::Consume(size_t n) {
  begin_ += n;
  if (begin_ == end_) begin_ = end_ = 0;
}

void InputBuffer::ConsumeWiping(size_t n) {
  sodium_memzero(mem_.get() + begin_, n);
  Consume(n);
}

void InputBuffer::Release() {
  if (mem_ != nullptr) sodium_memzero(mem_.get(), written_);
  mem_.reset();
  capacity_ = begin_ = end_ = written_ = 0;
}

void InputBuffer::Reallocate(size_t capacity) {
  std::unique_ptr<char[]> bigger(new char[capacity]);
  const size_t n = size();
  if (n > 0) std::memcpy(bigger.get(), mem_.get() + begin_, n);
  Release();
  mem_ = std::move(bigger);
  capacity_ = capacity;
  end_ = written_ = n;
}

}  // namespace dojava::http::internal
