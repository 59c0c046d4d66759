// The session's lazily re-armed deadline (service/http/internal/deadline.h)
// on a fake clock: every time is a point chosen here, nothing sleeps.
#include "service/http/internal/deadline.h"

#include <catch2/catch_test_macros.hpp>
#include <chrono>

namespace dojava::http::internal {
namespace {

using Action = Deadline::Action;
using Expiry = Deadline::Expiry;
using Ms = std::chrono::milliseconds;

// A fake clock: t(100) is 100 ms after an arbitrary origin.
Deadline::TimePoint t(int ms) { return Deadline::TimePoint() + Ms(1'000'000 + ms); }

TEST_CASE("Deadline: a later deadline needs no new wait; the wait re-arms itself", "[deadline]") {
  Deadline d;
  REQUIRE(d.Set(t(100), Expiry::kAnswer408));  // nothing pending: arm
  const uint64_t first = d.Arm();
  CHECK(d.deadline() == t(100));
  // Keep-alive: the next phase's deadline is later, the wait stays.
  CHECK_FALSE(d.Set(t(500), Expiry::kAnswer408));
  CHECK(d.WaitEnded(first, false, t(100)) == Action::kRearm);  // woke early
  const uint64_t second = d.Arm();
  CHECK(d.deadline() == t(500));
  CHECK(d.WaitEnded(second, false, t(499)) == Action::kRearm);  // timers may wake early
  const uint64_t third = d.Arm();
  CHECK(d.WaitEnded(third, false, t(500)) == Action::kExpired);
  CHECK(d.timed_out());
  CHECK(d.expiry() == Expiry::kAnswer408);
}

TEST_CASE("Deadline: an earlier deadline needs a new wait and the old one goes stale",
          "[deadline]") {
  Deadline d;
  REQUIRE(d.Set(t(10'000), Expiry::kAnswer408));  // an idle keep-alive connection
  const uint64_t idle = d.Arm();
  REQUIRE(d.Set(t(200), Expiry::kClose));  // a write: earlier, so arm again
  const uint64_t write = d.Arm();
  CHECK(d.WaitEnded(idle, true, t(50)) == Action::kNothing);  // the timer cancelled it
  CHECK(d.WaitEnded(write, false, t(200)) == Action::kExpired);
  CHECK(d.expiry() == Expiry::kClose);
  CHECK_FALSE(d.timed_out());  // only a read deadline times a request out
}

TEST_CASE("Deadline: cleared or cancelled deadlines do nothing when their wait ends",
          "[deadline]") {
  Deadline d;
  REQUIRE(d.Set(t(100), Expiry::kAnswer408));
  uint64_t epoch = d.Arm();
  d.Clear();  // the head is in: the handler has no deadline
  CHECK(d.WaitEnded(epoch, false, t(100)) == Action::kNothing);
  CHECK_FALSE(d.timed_out());

  REQUIRE(d.Set(t(300), Expiry::kClose));
  epoch = d.Arm();
  d.CancelAll();  // the session closes
  CHECK(d.WaitEnded(epoch, false, t(300)) == Action::kNothing);
  // After a cancel nothing is pending: the next deadline arms again.
  CHECK(d.Set(t(900), Expiry::kClose));
}

TEST_CASE("Deadline: a new read deadline clears timed_out, a write deadline keeps it",
          "[deadline]") {
  Deadline d;
  REQUIRE(d.Set(t(100), Expiry::kAnswer408));
  uint64_t epoch = d.Arm();
  REQUIRE(d.WaitEnded(epoch, false, t(150)) == Action::kExpired);
  REQUIRE(d.timed_out());
  // The backstop while the 408 is answered: timed_out stays.
  REQUIRE(d.Set(t(1'150), Expiry::kClose));
  epoch = d.Arm();
  CHECK(d.timed_out());
  // The next request's head deadline starts afresh.
  CHECK_FALSE(d.Set(t(5'000), Expiry::kAnswer408));
  CHECK_FALSE(d.timed_out());
  CHECK(d.WaitEnded(epoch, false, t(1'150)) == Action::kRearm);
}

}  // namespace
}  // namespace dojava::http::internal
