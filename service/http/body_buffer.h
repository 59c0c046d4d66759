// BodyBuffer: one request body as it arrives, in guarded memory (SecretBytes:
// on the no-JavaScript path a body is a plaintext report), grown only as
// bytes arrive.
//
// Growth: when the bytes received fill the capacity, the capacity doubles
// (at least kMinGrowthBytes more), never past the length the body can have
// (its Content-Length, else the route's cap). So the memory a body holds is
// at most about twice what the client has actually sent, whatever it
// declared. A form body asks its FormBudget before every growth; a refusal
// fails the append (the session answers 503).
//
// The storage is reused: Start() takes a buffer (from BodyPool, or an empty
// one), Take() hands the received bytes to the handler as a SecretBytes of
// exactly size() bytes, and the session gives that back to the pool once the
// handler is done. Reset() gives back a body that never reached a handler.
//
// Invariant: the storage's bytes past size() are zero (so handing over
// wipes nothing when the body fills its buffer, the usual case).
//
// Thread safety: none; one per session, used on its executor.
#ifndef DOJAVA_SERVICE_HTTP_BODY_BUFFER_H_
#define DOJAVA_SERVICE_HTTP_BODY_BUFFER_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "service/http/body_pool.h"
#include "service/http/form_budget.h"

namespace dojava::http {

class BodyBuffer {
 public:
  static constexpr size_t kMinGrowthBytes = 64 * 1024;

  BodyBuffer() = default;
  ~BodyBuffer() { Reset(nullptr); }
  BodyBuffer(const BodyBuffer&) = delete;
  BodyBuffer& operator=(const BodyBuffer&) = delete;

  // Begins a body of at most `max_length` bytes (its Content-Length if
  // known, else the route's cap) in `storage` (from BodyPool::Take(): all
  // zero, size() == capacity(); or empty). With `budget`, every byte of
  // capacity is reserved from it for `holder` first (the storage must then
  // be empty). Any earlier body must have been Take()n or Reset().
  void Start(SecretBytes storage, uint64_t max_length, FormBudget* budget,
             FormBudget::Holder holder);

  // Room to write at least 1 and at most `max` further bytes of the body
  // (growing the storage if it is full). kInvalidArgument if the body is already
  // max_length bytes; kResourceExhausted if the budget refused the growth
  // (refused() is then true). The span is valid until the next call.
  Result<std::span<uint8_t>> Prepare(size_t max);
  // Counts `n` bytes written at the front of the last Prepare()'s span.
  void Commit(size_t n);
  // Prepare + copy + Commit for `bytes` (all or nothing is an error).
  Status Append(const uint8_t* bytes, size_t n);

  uint64_t size() const { return used_; }
  uint64_t max_length() const { return max_length_; }
  bool refused() const { return refused_; }
  // Bytes of budget this body holds (0 without a budget).
  uint64_t reserved() const { return reserved_; }
  // Holds neither memory nor budget (a request without a body): Take()
  // and Reset() have nothing to do.
  bool idle() const { return storage_.capacity() == 0 && budget_ == nullptr; }

  // The body: a SecretBytes of exactly size() bytes (its capacity may be
  // larger; see BodyPool::Give). The reservation stays until Reset().
  SecretBytes Take();

  // Releases the budget reservation now (the connection is closing; the
  // storage goes when the session does, after any read into it is over).
  void ReleaseBudget();

  // Releases the budget reservation and gives any storage still held to
  // `pool` (wiped there), or frees it if `pool` is null.
  void Reset(BodyPool* pool);

 private:
  SecretBytes storage_;  // size() == capacity() while held here
  uint64_t used_ = 0;
  uint64_t max_length_ = 0;
  FormBudget* budget_ = nullptr;
  FormBudget::Holder holder_;
  uint64_t reserved_ = 0;
  bool refused_ = false;
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_BODY_BUFFER_H_
