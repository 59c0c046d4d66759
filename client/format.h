// Text forms a front end shows and parses: ids as base64url, days as
// YYYY-MM-DD (UTC; the server stores days only).
#ifndef DOJAVA_CLIENT_FORMAT_H_
#define DOJAVA_CLIENT_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/status.h"
#include "crypto/primitives.h"

namespace dojava::client {

// Characters of an id's text form (16 bytes in base64url, no padding).
inline constexpr size_t kIdTextSize = 22;

std::string IdText(const crypto::Id& id);
// The id written as `text`; kInvalidArgument naming `what` otherwise.
Result<crypto::Id> ParseId(const std::string& text, const std::string& what);

// Today as days since 1970-01-01 UTC.
int64_t TodayDay();
// "2026-12-01" for a day number.
std::string DayText(int64_t day);
// Days since 1970-01-01 for "YYYY-MM-DD"; kInvalidArgument otherwise.
Result<int64_t> ParseDay(const std::string& text);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_FORMAT_H_
