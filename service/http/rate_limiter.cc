#include "service/http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace dojava::http {

uint64_t ClientKey::Packed() const {
  // bit 63: listener; bit 62: 1 = connection id, 0 = circuit id.
  uint64_t key = listener == ListenerKind::kReviewer ? (uint64_t{1} << 63) : 0;
  if (circuit_id) return key | *circuit_id;
  return key | (uint64_t{1} << 62) | (connection_id & ((uint64_t{1} << 62) - 1));
}

RateLimiter::RateLimiter(const HttpConfig& config)
    : table_size_(static_cast<size_t>(std::max(1, config.rate_circuit_table_size))) {
  std::copy(std::begin(config.rate), std::end(config.rate), std::begin(rate_));
}

int RateLimiter::RetryAfterSeconds(RateClass cls) const {
  const RateLimit& r = rate_[static_cast<int>(cls)];
  double slowest = 0;
  for (const double rate : {r.global_per_second, r.circuit_per_second}) {
    if (rate > 0 && (slowest == 0 || rate < slowest)) slowest = rate;
  }
  if (slowest == 0) return 1;
  return std::max(1, static_cast<int>(std::ceil(1.0 / slowest)));
}

void RateLimiter::Refill(Bucket* b, double rate, double burst, Clock::time_point now) {
  if (b->tokens < 0) {
    b->tokens = burst;
    b->last = now;
    return;
  }
  if (now > b->last) {
    const double dt = std::chrono::duration<double>(now - b->last).count();
    b->tokens = std::min(burst, b->tokens + dt * rate);
    b->last = now;
  }
}

bool RateLimiter::Admit(RateClass cls, const ClientKey& client, Clock::time_point now) {
  const int c = static_cast<int>(cls);
  const RateLimit& r = rate_[c];
  const double global_burst = std::max(1.0, r.global_burst);
  const double circuit_burst = std::max(1.0, r.circuit_burst);
  std::lock_guard<std::mutex> lock(mu_);

  Bucket* global = &global_[client.listener == ListenerKind::kReviewer ? 1 : 0][c];
  if (r.global_per_second > 0) {
    Refill(global, r.global_per_second, global_burst, now);
    if (global->tokens < 1) return false;
  }
  Bucket* mine = nullptr;
  if (r.circuit_per_second > 0) {
    const uint64_t key = client.Packed();
    auto it = circuits_.find(key);
    if (it == circuits_.end()) {
      if (circuits_.size() >= table_size_) {
        circuits_.erase(lru_.back());
        lru_.pop_back();
      }
      lru_.push_front(key);
      it = circuits_.emplace(key, Entry{}).first;
      it->second.lru = lru_.begin();
    } else {
      lru_.splice(lru_.begin(), lru_, it->second.lru);
    }
    mine = &it->second.buckets[c];
    Refill(mine, r.circuit_per_second, circuit_burst, now);
    if (mine->tokens < 1) return false;
  }
  if (r.global_per_second > 0) global->tokens -= 1;
  if (mine != nullptr) mine->tokens -= 1;
  return true;
}

size_t RateLimiter::TableSizeForTesting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return circuits_.size();
}

}  // namespace dojava::http
