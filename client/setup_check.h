// "Check my setup" (`dojava doctor`, a desktop app's setup page): every
// step between a reviewer and their cases, each with what was found and,
// when it fails, the fix in plain words. Checks that depend on a failed one
// are skipped, not failed.
//
// Blocking (network); not thread-safe.
#ifndef DOJAVA_CLIENT_SETUP_CHECK_H_
#define DOJAVA_CLIENT_SETUP_CHECK_H_

#include <string>
#include <vector>

#include "client/connection.h"
#include "client/reviewer_session.h"
#include "client/trust.h"

namespace dojava::client {

struct SetupCheck {
  enum class Outcome { kOk, kFail, kSkipped };
  std::string name;  // "tor reachable", "onion reachable", …
  Outcome outcome = Outcome::kSkipped;
  std::string detail;  // what was found
  std::string fix;     // what to do, for kFail
};

// A clock before this day (2026-01-01) is wrong, whatever the server says.
inline constexpr int64_t kEarliestSaneDay = 20454;
// Seconds to wait for tor's SOCKS port to accept a connection.
inline constexpr int kTorConnectSeconds = 10;

// Runs, in order: key file, tor reachable, onion reachable, client
// authorization, admin key, listed in the roster (opens the key with
// `key_source`, and with `epoch_source` the encryption key the roster
// names: StartReviewerSession), login, clock.
std::vector<SetupCheck> CheckSetup(const ConnectionOptions& connection, const TrustOptions& trust,
                                   const std::string& key_file, const ReviewerKeySource& key_source,
                                   const EpochKeySource& epoch_source = {});

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_SETUP_CHECK_H_
