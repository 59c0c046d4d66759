#include "service/http/rate_limiter.h"

#include <catch2/catch_test_macros.hpp>

namespace dojava::http {
namespace {

using std::chrono::milliseconds;

HttpConfig WithRate(RateLimit r, int table = 100) {
  HttpConfig c;
  c.rate[static_cast<int>(RateClass::kApi)] = r;
  c.rate_circuit_table_size = table;
  return c;
}

TEST_CASE("A circuit's bucket allows its burst, then refills at its rate", "[rate]") {
  RateLimiter l(WithRate({0, 0, 2, 3}));
  const auto t0 = RateLimiter::Clock::now();
  ClientKey a{ListenerKind::kSource, 1, 0};
  for (int i = 0; i < 3; ++i) CHECK(l.Admit(RateClass::kApi, a, t0));
  CHECK_FALSE(l.Admit(RateClass::kApi, a, t0));
  CHECK_FALSE(l.Admit(RateClass::kApi, a, t0 + milliseconds(400)));  // 0.8 token
  CHECK(l.Admit(RateClass::kApi, a, t0 + milliseconds(500)));
  // Other circuits, other listeners and other classes are separate.
  CHECK(l.Admit(RateClass::kApi, ClientKey{ListenerKind::kSource, 2, 0}, t0));
  CHECK(l.Admit(RateClass::kApi, ClientKey{ListenerKind::kReviewer, 1, 0}, t0));
  CHECK(l.Admit(RateClass::kStatic, a, t0));
  // Without a circuit id, the connection is the key.
  ClientKey conn{ListenerKind::kSource, std::nullopt, 1};
  for (int i = 0; i < 3; ++i) CHECK(l.Admit(RateClass::kApi, conn, t0));
  CHECK_FALSE(l.Admit(RateClass::kApi, conn, t0));
}

TEST_CASE("The global bucket caps all circuits together; a refusal costs nothing", "[rate]") {
  RateLimiter l(WithRate({1, 4, 1, 2}));
  const auto t0 = RateLimiter::Clock::now();
  ClientKey a{ListenerKind::kSource, 1, 0}, b{ListenerKind::kSource, 2, 0},
      c{ListenerKind::kSource, 3, 0};
  CHECK(l.Admit(RateClass::kApi, a, t0));
  CHECK(l.Admit(RateClass::kApi, a, t0));
  CHECK_FALSE(l.Admit(RateClass::kApi, a, t0));  // circuit empty: global not charged
  CHECK(l.Admit(RateClass::kApi, b, t0));
  CHECK(l.Admit(RateClass::kApi, b, t0));
  CHECK_FALSE(l.Admit(RateClass::kApi, c, t0));  // global empty
  CHECK(l.Admit(RateClass::kApi, c, t0 + milliseconds(1000)));
}

TEST_CASE("The per-circuit table is bounded and evicts the least recently used", "[rate]") {
  RateLimiter l(WithRate({0, 0, 1, 1}, 3));
  const auto t0 = RateLimiter::Clock::now();
  for (uint32_t id = 0; id < 10; ++id) {
    CHECK(l.Admit(RateClass::kApi, ClientKey{ListenerKind::kSource, id, 0}, t0));
    CHECK(l.TableSizeForTesting() <= 3);
  }
  // 9 is recent and empty; 0 was evicted and starts full again.
  CHECK_FALSE(l.Admit(RateClass::kApi, ClientKey{ListenerKind::kSource, 9, 0}, t0));
  CHECK(l.Admit(RateClass::kApi, ClientKey{ListenerKind::kSource, 0, 0}, t0));
}

TEST_CASE("A rate of 0 disables a bucket", "[rate]") {
  RateLimiter l(WithRate({0, 0, 0, 0}));
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 1000; ++i) CHECK(l.Admit(RateClass::kApi, ClientKey{}, t0));
  CHECK(l.TableSizeForTesting() == 0);
}

}  // namespace
}  // namespace dojava::http
