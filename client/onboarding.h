// The onboarding file an admin hands a new reviewer (F11): the reviewer
// listener's address and the admin key's fingerprint, so that the reviewer's
// first contact checks the server's admin key instead of trusting whatever
// key it is served. Not secret, but it names the reviewer address (behind tor
// client authorization); `dojava admin onboarding` writes it 0600.
//
//   dojava-onboarding-v1
//   name: Example Newsroom                  (optional, shown to the reviewer)
//   server: http://NAME.onion               (the reviewer listener)
//   admin-fingerprint: 3f2a 9c01 … (10 groups of 4 hex digits)
//
// Lines end with "\n"; keys are exactly these, each at most once, in any
// order after the first line; no other lines (an empty last line allowed).
#ifndef DOJAVA_CLIENT_ONBOARDING_H_
#define DOJAVA_CLIENT_ONBOARDING_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace dojava::client {

inline constexpr std::string_view kOnboardingHeader = "dojava-onboarding-v1";
inline constexpr size_t kMaxOnboardingBytes = 4096;

struct Onboarding {
  std::string name;
  std::string server;             // as client/server_url.h accepts it
  std::string admin_fingerprint;  // §5.2 text form
};

std::string FormatOnboarding(const Onboarding& o);
// Strict parse; kMalformed naming the line otherwise (also for a server
// address ParseServerUrl refuses or a fingerprint that is not 40 hex digits).
Result<Onboarding> ParseOnboarding(std::string_view text);
// Reads and parses the file at `path` (at most kMaxOnboardingBytes).
Result<Onboarding> ReadOnboardingFile(const std::string& path);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_ONBOARDING_H_
