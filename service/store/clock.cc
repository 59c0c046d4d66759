#include "service/store/clock.h"

#include <chrono>

namespace dojava::service {

Day SystemClock::Today() const {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<Day>(days.time_since_epoch().count());
}

}  // namespace dojava::service
