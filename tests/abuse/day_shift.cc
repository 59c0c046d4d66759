// LD_PRELOAD shim for the abuse tests: moves the real dojavad's wall clock
// by DOJAVA_TEST_DAY_SHIFT days (a signed decimal; absent or 0: no change),
// as a machine whose clock was set wrong would. Only CLOCK_REALTIME and its
// coarse variant, time() and gettimeofday() move; monotonic clocks (deadlines,
// rate limits, token expiry) do not. Never linked into dojavad itself.
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>

namespace {

constexpr long kSecondsPerDay = 86400;

long ShiftSeconds() {
  static const long shift = [] {
    const char* s = std::getenv("DOJAVA_TEST_DAY_SHIFT");
    return s == nullptr ? 0L : std::strtol(s, nullptr, 10) * kSecondsPerDay;
  }();
  return shift;
}

}  // namespace

extern "C" {

int clock_gettime(clockid_t id, struct timespec* ts) noexcept {
  const long r = ::syscall(SYS_clock_gettime, id, ts);
  if (r == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) ts->tv_sec += ShiftSeconds();
  return static_cast<int>(r);
}

time_t time(time_t* out) noexcept {
  struct timespec ts {};
  clock_gettime(CLOCK_REALTIME, &ts);
  if (out != nullptr) *out = ts.tv_sec;
  return ts.tv_sec;
}

int gettimeofday(struct timeval* tv, void*) noexcept {
  struct timespec ts {};
  const int r = clock_gettime(CLOCK_REALTIME, &ts);
  if (r == 0) {  // tv is declared nonnull
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
  }
  return r;
}

}  // extern "C"
