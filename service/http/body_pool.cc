#include "service/http/body_pool.h"

#include <utility>

namespace dojava::http {

SecretBytes BodyPool::Take(uint64_t want) {
  std::lock_guard<std::mutex> lock(mu_);
  used_ = true;
  size_t best = free_.size();
  for (size_t i = 0; i < free_.size(); ++i) {
    const uint64_t cap = free_[i].capacity();
    if (cap < want || cap > 2 * want + kMinPooledBytes) continue;
    if (best == free_.size() || cap < free_[best].capacity()) best = i;
  }
  if (best == free_.size()) return SecretBytes();
  SecretBytes out = std::move(free_[best]);
  free_[best] = std::move(free_.back());
  free_.pop_back();
  held_ -= out.capacity();
  out.Resize(out.capacity());  // zeros: Give() wiped what was used
  return out;
}

void BodyPool::Give(SecretBytes buffer) {
  buffer.Resize(0);  // wipes the body it held; the rest was zero already
  const uint64_t cap = buffer.capacity();
  if (cap < kMinPooledBytes) return;
  std::lock_guard<std::mutex> lock(mu_);
  used_ = true;
  if (free_.size() >= kMaxPooledBuffers || cap > max_bytes_ - held_) return;
  held_ += cap;
  free_.push_back(std::move(buffer));
}

uint64_t BodyPool::ReleaseIfIdle() {
  std::vector<SecretBytes> freed;  // freed (sodium_free) outside the lock
  uint64_t bytes = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (used_) {
      used_ = false;
      return 0;
    }
    freed.swap(free_);
    bytes = held_;
    held_ = 0;
  }
  return bytes;
}

uint64_t BodyPool::HeldBytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return held_;
}

size_t BodyPool::HeldBuffers() const {
  std::lock_guard<std::mutex> lock(mu_);
  return free_.size();
}

}  // namespace dojava::http
