#include "service/http/internal/deadline.h"

namespace dojava::http::internal {

bool Deadline::Set(TimePoint when, Expiry what) {
  deadline_ = when;
  expiry_ = what;
  set_ = true;
  if (what == Expiry::kAnswer408) timed_out_ = false;
  return !wait_pending_ || wait_expiry_ > deadline_;
}

uint64_t Deadline::Arm() {
  wait_pending_ = true;
  wait_expiry_ = deadline_;
  return ++epoch_;
}

Deadline::Action Deadline::WaitEnded(uint64_t epoch, bool cancelled, TimePoint now) {
  if (epoch != epoch_) return Action::kNothing;  // superseded by a newer wait
  wait_pending_ = false;
  if (cancelled || !set_) return Action::kNothing;
  if (now < deadline_) return Action::kRearm;
  set_ = false;
  if (expiry_ == Expiry::kAnswer408) timed_out_ = true;
  return Action::kExpired;
}

}  // namespace dojava::http::internal
