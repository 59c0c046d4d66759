#include "client/format.h"

#include <chrono>
#include <ctime>
#include <sstream>

#include "base/encoding.h"

namespace dojava::client {

std::string IdText(const crypto::Id& id) { return Base64UrlEncode(id); }

Result<crypto::Id> ParseId(const std::string& text, const std::string& what) {
  auto id = Base64UrlDecodeFixed<16>(text);
  if (!id.ok()) {
    return Status(Code::kInvalidArgument, what + " must be a 22-character id (base64url): " + text);
  }
  return *id;
}

int64_t TodayDay() {
  return std::chrono::duration_cast<std::chrono::hours>(
             std::chrono::system_clock::now().time_since_epoch())
             .count() /
         24;
}

std::string DayText(int64_t day) {
  const std::time_t t = static_cast<std::time_t>(day) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
  return buf;
}

// Howard Hinnant's days_from_civil.
Result<int64_t> ParseDay(const std::string& s) {
  int y, m, d;
  char c1, c2;
  std::istringstream in(s);
  if (!(in >> y >> c1 >> m >> c2 >> d) || c1 != '-' || c2 != '-' || m < 1 || m > 12 || d < 1 ||
      d > 31 || !in.eof()) {
    return Status(Code::kInvalidArgument, "dates are YYYY-MM-DD: " + s);
  }
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace dojava::client
