// The request-body memory of the HTTP core without sockets: BodyBuffer grows
// with the bytes that arrive (never from a declared length alone) and asks
// the FormBudget before each growth; BodyPool hands out only wiped buffers
// and stays bounded; FormBudget enforces its total and per-circuit caps and
// forgets circuits that hold nothing.
#include "service/http/body_buffer.h"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "service/http/body_pool.h"
#include "service/http/form_budget.h"

namespace dojava::http {
namespace {

const FormBudget::Holder kNoCircuit{ListenerKind::kSource, std::nullopt};
const FormBudget::Holder kCircuit7{ListenerKind::kSource, 7};
const FormBudget::Holder kCircuit8{ListenerKind::kSource, 8};

Status AppendText(BodyBuffer* b, const std::string& s) {
  return b->Append(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

bool AllZero(const SecretBytes& s) {
  for (uint8_t c : s.reveal()) {
    if (c != 0) return false;
  }
  return true;
}

TEST_CASE("FormBudget: the total and the per-circuit caps, released in full", "[body]") {
  FormBudget b(1000, 600);
  CHECK(b.TryReserve(kCircuit7, 600));
  CHECK_FALSE(b.TryReserve(kCircuit7, 1));     // the circuit's share is used up
  CHECK(b.TryReserve(kCircuit8, 300));         // another circuit still fits
  CHECK_FALSE(b.TryReserve(kNoCircuit, 101));  // the total: 900 of 1000
  CHECK(b.TryReserve(kNoCircuit, 100));
  CHECK(b.InFlight() == 1000);
  CHECK(b.InFlight(kCircuit7) == 600);
  CHECK(b.CircuitCount() == 2);
  // The same circuit id on the other listener is another circuit.
  CHECK(b.InFlight(FormBudget::Holder{ListenerKind::kReviewer, 7}) == 0);
  b.Release(kCircuit7, 600);
  b.Release(kCircuit8, 300);
  b.Release(kNoCircuit, 100);
  CHECK(b.InFlight() == 0);
  CHECK(b.CircuitCount() == 0);  // no entry kept for a circuit holding nothing
  CHECK(b.TryReserve(kCircuit7, 600));
}

TEST_CASE("BodyBuffer: grows with what arrives, not with what is declared", "[body]") {
  FormBudget budget(64u << 20, 32u << 20);
  BodyBuffer body;
  const uint64_t declared = 32u << 20;
  body.Start(SecretBytes(), declared, &budget, kCircuit7);
  // Nothing held before a byte arrives.
  CHECK(body.reserved() == 0);
  REQUIRE(AppendText(&body, "x").ok());
  CHECK(body.reserved() == BodyBuffer::kMinGrowthBytes);
  CHECK(budget.InFlight(kCircuit7) == BodyBuffer::kMinGrowthBytes);
  // Whatever arrives, what is held stays within twice the bytes received
  // plus one step.
  const std::string piece(100'000, 'a');
  for (int i = 0; i < 50; ++i) {
    REQUIRE(AppendText(&body, piece).ok());
    CHECK(body.reserved() <= 2 * body.size() + BodyBuffer::kMinGrowthBytes);
    CHECK(body.reserved() >= body.size());
    CHECK(budget.InFlight() == body.reserved());
  }
  SecretBytes taken = body.Take();
  CHECK(taken.size() == 1 + 50 * piece.size());
  CHECK(taken.reveal_chars().substr(0, 2) == "xa");
  CHECK(taken.reveal_chars().back() == 'a');
  // The reservation lasts until Reset (the handler still uses the memory).
  CHECK(budget.InFlight() > 0);
  body.Reset(nullptr);
  CHECK(budget.InFlight() == 0);
  CHECK(budget.CircuitCount() == 0);
}

TEST_CASE("BodyBuffer: a refused growth fails the append and holds nothing more", "[body]") {
  FormBudget budget(200'000, 200'000);
  BodyBuffer a, b;
  a.Start(SecretBytes(), 1'000'000, &budget, kNoCircuit);
  b.Start(SecretBytes(), 1'000'000, &budget, kNoCircuit);
  REQUIRE(AppendText(&a, std::string(130'000, 'a')).ok());  // 64 KiB, then 128 KiB: 131072
  CHECK(a.reserved() == 131'072);
  REQUIRE(AppendText(&b, "b").ok());  // 65536 more: 196608 of 200000
  CHECK(AppendText(&b, std::string(70'000, 'b')).code() == Code::kResourceExhausted);
  CHECK(b.refused());
  CHECK(budget.InFlight() == 196'608);
  a.Reset(nullptr);
  b.Reset(nullptr);
  CHECK(budget.InFlight() == 0);
}

TEST_CASE("BodyBuffer: never past its length, even in a larger pooled buffer", "[body]") {
  BodyPool pool(4u << 20);
  {
    BodyBuffer first;
    first.Start(SecretBytes(), 100'000, nullptr, kNoCircuit);
    REQUIRE(AppendText(&first, std::string(100'000, 's')).ok());
    pool.Give(first.Take());
  }
  REQUIRE(pool.HeldBuffers() == 1);
  BodyBuffer body;
  body.Start(pool.Take(70'000), 70'000, nullptr, kNoCircuit);
  CHECK(pool.HeldBuffers() == 0);
  REQUIRE(AppendText(&body, std::string(70'000, 'b')).ok());
  CHECK(AppendText(&body, "!").code() == Code::kInvalidArgument);
  SecretBytes taken = body.Take();
  // Only this request's bytes: the earlier body's 's' were wiped.
  CHECK(taken.reveal_chars() == std::string(70'000, 'b'));
  CHECK(taken.capacity() == 100'000);
}

TEST_CASE("BodyPool: buffers come back wiped, and the pool stays bounded", "[body]") {
  BodyPool pool(3 * 524'305);
  std::vector<SecretBytes> used;
  for (int i = 0; i < 4; ++i) {
    SecretBytes s(524'305);
    for (uint8_t& c : s.reveal_mut()) c = 0xAB;
    used.push_back(std::move(s));
  }
  for (auto& s : used) pool.Give(std::move(s));
  CHECK(pool.HeldBuffers() == 3);  // the fourth did not fit: freed
  CHECK(pool.HeldBytes() == 3 * 524'305);
  SecretBytes again = pool.Take(524'305);
  REQUIRE(again.size() == 524'305);
  CHECK(AllZero(again));
  CHECK(pool.HeldBytes() == 2 * 524'305);
  // Too small for this body, or far too large for it: not handed out.
  CHECK(pool.Take(524'306).capacity() == 0);
  CHECK(pool.Take(100).capacity() == 0);
  // Small buffers are not kept at all.
  pool.Give(SecretBytes(1000));
  CHECK(pool.HeldBuffers() == 2);
  BodyPool none(0);
  none.Give(std::move(again));
  CHECK(none.HeldBuffers() == 0);
}

TEST_CASE("BodyPool: an idle pool gives its buffers back, a busy one keeps them", "[body]") {
  BodyPool pool(4 * 524'305);
  pool.Give(SecretBytes(524'305));
  pool.Give(SecretBytes(524'305));
  // Used since the last check (an upload is running): kept.
  CHECK(pool.ReleaseIfIdle() == 0);
  CHECK(pool.HeldBuffers() == 2);
  SecretBytes taken = pool.Take(524'305);
  CHECK(pool.ReleaseIfIdle() == 0);
  pool.Give(std::move(taken));
  CHECK(pool.ReleaseIfIdle() == 0);
  CHECK(pool.HeldBuffers() == 2);
  // Nothing taken or given since: freed.
  CHECK(pool.ReleaseIfIdle() == 2 * 524'305);
  CHECK(pool.HeldBuffers() == 0);
  CHECK(pool.HeldBytes() == 0);
  CHECK(pool.Take(524'305).capacity() == 0);
  // And it fills again for the next upload.
  pool.Give(SecretBytes(524'305));
  CHECK(pool.HeldBuffers() == 1);
}

}  // namespace
}  // namespace dojava::http
