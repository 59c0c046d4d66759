// Clock: the store's only source of time. Days only (days since the Unix
// epoch, UTC): nothing finer is ever stored. Injectable so tests can move time.
#ifndef DOJAVA_SERVICE_STORE_CLOCK_H_
#define DOJAVA_SERVICE_STORE_CLOCK_H_

#include <atomic>

#include "service/store/store.h"

namespace dojava::service {

class Clock {
 public:
  virtual ~Clock() = default;
  // Today's day number. Thread-safe.
  virtual Day Today() const = 0;
};

// The system's UTC calendar day.
class SystemClock final : public Clock {
 public:
  Day Today() const override;
};

// A clock the caller sets (tests, tools replaying a day). Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Day day) : day_(day) {}
  Day Today() const override { return day_.load(); }
  void Set(Day day) { day_.store(day); }
  void Advance(Day days) { day_.fetch_add(days); }

 private:
  std::atomic<Day> day_;
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_CLOCK_H_
