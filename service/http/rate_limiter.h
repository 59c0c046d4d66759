// RateLimiter: token buckets that never look at addresses (behind tor every
// client is 127.0.0.1). For each listener and route class there is one global
// bucket, and one bucket per circuit: tor's circuit id from the PROXY v1 line,
// or, without it, the connection itself.
//
// The per-circuit table is bounded (rate_circuit_table_size); the least
// recently used entry is evicted when a new circuit arrives at a full table.
// An evicted circuit starts again with a full bucket, which is the price of a
// bounded table: a client that opens circuits to evict others pays tor's
// circuit cost for each.
//
// Thread safety: all methods may be called concurrently (one mutex).
#ifndef DOJAVA_SERVICE_HTTP_RATE_LIMITER_H_
#define DOJAVA_SERVICE_HTTP_RATE_LIMITER_H_

#include <chrono>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "service/http/http_config.h"
#include "service/http/http_message.h"

namespace dojava::http {

// Identifies whose bucket to charge: a tor circuit when known, else the
// connection (ids from a process-wide counter). Listeners never share keys.
struct ClientKey {
  ListenerKind listener = ListenerKind::kSource;
  std::optional<uint32_t> circuit_id;
  uint64_t connection_id = 0;

  uint64_t Packed() const;
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Copies the rates and the table size from `config`.
  explicit RateLimiter(const HttpConfig& config);

  // Takes one token from the client's bucket and from the global bucket of
  // (listener, cls). True if both had one; false leaves both untouched.
  bool Admit(RateClass cls, const ClientKey& client, Clock::time_point now);

  // Seconds a refused client should wait (Retry-After): the time one token
  // takes in the slowest enabled bucket of `cls`, rounded up, at least 1.
  int RetryAfterSeconds(RateClass cls) const;

  // Number of per-circuit entries held (for tests).
  size_t TableSizeForTesting() const;

 private:
  struct Bucket {
    double tokens = -1;  // -1: not yet initialised (starts full)
    Clock::time_point last{};
  };
  struct Entry {
    Bucket buckets[kRateClassCount];
    std::list<uint64_t>::iterator lru;
  };

  static void Refill(Bucket* b, double rate, double burst, Clock::time_point now);

  RateLimit rate_[kRateClassCount];
  size_t table_size_;

  mutable std::mutex mu_;
  Bucket global_[2][kRateClassCount];                    // GUARDED_BY(mu_)
  std::unordered_map<uint64_t, Entry> circuits_;         // GUARDED_BY(mu_)
  std::list<uint64_t> lru_;                              // GUARDED_BY(mu_), front = newest
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_RATE_LIMITER_H_
