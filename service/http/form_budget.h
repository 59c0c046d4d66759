// FormBudget: the bytes of HTML form bodies (BodyClass::kForm, the
// no-JavaScript pages) held in memory at once, server-wide and per tor
// circuit.
//
// A form body's memory is reserved here as it grows (BodyBuffer asks before
// every growth, in steps bounded by what has already arrived), not from the
// Content-Length a client declares: a client that declares 32 MiB and
// trickles holds only about what it has sent. The reservation is released
// when the form's response is written or its connection ends.
//
// Two caps: `total_bytes` for everyone (form_inflight_bytes) and
// `circuit_bytes` per tor circuit (form_circuit_inflight_bytes), so that one
// circuit cannot hold the whole budget through several connections. A
// request without a circuit id (no PROXY v1 line) is charged to the total
// only; its connection carries one request at a time, so the per-form cap
// bounds it.
//
// Thread safety: all methods may be called concurrently (one mutex).
#ifndef DOJAVA_SERVICE_HTTP_FORM_BUDGET_H_
#define DOJAVA_SERVICE_HTTP_FORM_BUDGET_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "service/http/http_message.h"

namespace dojava::http {

class FormBudget {
 public:
  // Whose bytes: the listener and tor's circuit id, when known.
  struct Holder {
    ListenerKind listener = ListenerKind::kSource;
    std::optional<uint32_t> circuit_id;
  };

  FormBudget(uint64_t total_bytes, uint64_t circuit_bytes)
      : total_cap_(total_bytes), circuit_cap_(circuit_bytes) {}

  // Reserves `bytes` for `holder`. True if both the total and the holder's
  // circuit stay within their caps; false changes nothing.
  [[nodiscard]] bool TryReserve(const Holder& holder, uint64_t bytes);

  // Gives back `bytes` that TryReserve() granted to the same holder.
  void Release(const Holder& holder, uint64_t bytes);

  // Bytes reserved now, in all and by one circuit (tests, benchmarks).
  uint64_t InFlight() const;
  uint64_t InFlight(const Holder& holder) const;
  // Circuits with bytes reserved now (the table never keeps empty entries).
  size_t CircuitCount() const;

 private:
  static uint64_t Key(const Holder& holder);

  const uint64_t total_cap_;
  const uint64_t circuit_cap_;
  mutable std::mutex mu_;
  uint64_t total_ = 0;                                   // GUARDED_BY(mu_)
  std::unordered_map<uint64_t, uint64_t> by_circuit_;    // GUARDED_BY(mu_), no zero values
};

}  // namespace dojava::http

#endif  // DOJAVA_SERVICE_HTTP_FORM_BUDGET_H_
