// BodyPool: a small, bounded, server-wide pool of request-body buffers, so
// that a stream of chunk uploads (524,305 bytes each) does not sodium_malloc,
// page-fault, fill and unmap half a megabyte per request.
//
// Buffers are SecretBytes (guarded, locked, wiped on free). A buffer comes
// back through Give() after its request's handler is done; Give() wipes the
// bytes the request used before the buffer can go to anyone else (another
// connection, another client): no request ever sees another's bytes. What
// the pool holds is bounded in bytes (body_pool_bytes) and in count; idle
// connections hold nothing (a session has a buffer only while a request
// with a body is read or handled), and an idle server holds nothing either
// (ReleaseIfIdle()).
//
// Thread safety: all methods may be called concurrently (one mutex): the I/O
// threads take, the handler threads give back.
#ifndef DOJAVA_SERVICE_HTTP_BODY_POOL_H_
#define DOJAVA_SERVICE_HTTP_BODY_POOL_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "base/secret_bytes.h"

namespace dojava::http {

class BodyPool {
 public:
  // Buffers smaller than this are not kept (cheap to allocate, and they
  // would use up the count).
  static constexpr size_t kMinPooledBytes = 64 * 1024;
  static constexpr size_t kMaxPooledBuffers = 16;

  // max_bytes: the capacity of all pooled buffers together; 0 keeps none.
  explicit BodyPool(uint64_t max_bytes) : max_bytes_(max_bytes) {}

  // A pooled buffer for a body of `want` bytes: the smallest whose capacity
  // is at least `want` and at most 2 * want + kMinPooledBytes (a much larger
  // one would cost a wipe of its unused tail when the body is handed over),
  // removed from the pool, its size() set to its capacity, every byte zero.
  // An empty SecretBytes if none fits.
  SecretBytes Take(uint64_t want);

  // Takes `buffer` back: wipes its visible bytes (the body), then keeps it
  // if it is at least kMinPooledBytes and fits within max_bytes and the
  // count; otherwise frees it (sodium_free wipes all of it).
  void Give(SecretBytes buffer);

  // Frees every pooled buffer if none was taken or given back since the
  // last call (the server calls it every kIdleReleaseMs): an upload's
  // buffers are kept while it runs and given back to the system once it is
  // over. Returns the bytes freed.
  static constexpr int kIdleReleaseMs = 2000;
  uint64_t ReleaseIfIdle();

  // Capacity of the buffers held now, and how many (tests, benchmarks).
  uint64_t HeldBytes() const;
  size_t HeldBuffers() const;

 private:
  const uint64_t max_bytes_;
  mutable std::mutex mu_;
  std::vector<SecretBytes> free_;  // GUARDED_BY(mu_); size() 0, all bytes zero
  uint64_t held_ = 0;              // GUARDED_BY(mu_); sum of their capacities
  bool used_ = false;              // GUARDED_BY(mu_); a Take() or Give() since ReleaseIfIdle()
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_BODY_POOL_H_
