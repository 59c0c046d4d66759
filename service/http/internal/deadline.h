// Deadline: the bookkeeping of a session's one lazily re-armed timer, without
// the timer. A session has one deadline at a time (reading the head, the
// body, writing, lingering). Set() only records the time unless it is earlier
// than the wait already pending; a wait that ends before the recorded time
// asks to be re-armed for it. So a keep-alive request costs no timer
// operation (re-arming per phase, plus a timer per read and per write, meant
// three timer cancellations and their completions per request), and
// deadlines are as exact as with a timer per phase.
//
// The session owns the real timer: it arms it when Set() or Expired() says
// so (Arm() gives the time and an epoch), and passes the epoch back with the
// current time when the wait ends. Every time is passed in, so the logic is
// tested with a fake clock (tests/http/deadline_test.cc).
//
// Thread safety: none; one per session, used on its executor.
#ifndef DOJAVA_SERVICE_HTTP_INTERNAL_DEADLINE_H_
#define DOJAVA_SERVICE_HTTP_INTERNAL_DEADLINE_H_

#include <chrono>
#include <cstdint>

namespace dojava::http::internal {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  using TimePoint = Clock::time_point;

  // What happens when the deadline passes.
  enum class Expiry {
    kAnswer408,  // reading a request: the read is cancelled and timed_out() is true (the
                 // session answers 408, or closes an idle connection silently)
    kClose,      // anything else: the socket is closed
  };

  // What the session does when a wait ends.
  enum class Action {
    kNothing,  // a stale wait, a cancelled one, or no deadline any more
    kRearm,    // the deadline moved later: Arm() and wait again
    kExpired,  // the deadline has passed: act on expiry() (the deadline is cleared)
  };

  // Records `when`; true if the timer must be armed now (Arm()): no wait is
  // pending, or the pending one ends later than `when`. A kAnswer408
  // deadline clears timed_out().
  [[nodiscard]] bool Set(TimePoint when, Expiry what);

  // No deadline (the phase is over); a pending wait then ends with kNothing.
  void Clear() { set_ = false; }

  // Marks a wait as pending until deadline(); returns its epoch. Any
  // earlier wait is stale from now on.
  uint64_t Arm();

  // A wait armed with `epoch` ended (`cancelled`: the timer reported an
  // error) at `now`.
  Action WaitEnded(uint64_t epoch, bool cancelled, TimePoint now);

  // Makes every pending wait stale (the session is closing).
  void CancelAll() {
    set_ = false;
    ++epoch_;
    wait_pending_ = false;
  }

  // A kAnswer408 deadline passed since it was Set().
  bool timed_out() const { return timed_out_; }
  TimePoint deadline() const { return deadline_; }
  Expiry expiry() const { return expiry_; }

 private:
  TimePoint deadline_{};
  TimePoint wait_expiry_ = TimePoint::max();  // of the pending wait
  Expiry expiry_ = Expiry::kClose;
  uint64_t epoch_ = 0;
  bool set_ = false;
  bool wait_pending_ = false;
  bool timed_out_ = false;
};

}  // namespace dojava::http::internal

#endif  // DOJAVA_SERVICE_HTTP_INTERNAL_DEADLINE_H_
