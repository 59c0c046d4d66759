// SessionRegistry: reviewer login challenges and bearer tokens, in memory
// only (service/API.md "Login", PROTOCOL.md §10). A restart logs everyone out.
//
// Challenges: 32 random bytes, bound to the reviewer id they were asked for,
// single use (consumed by any attempt, right or wrong), expire after
// challenge_ttl; at most max_challenges pending (the oldest is dropped).
//
// Tokens: 32 random bytes, in a TokenTable (base/token_table.h) that keeps
// each token in SecretBytes, indexed by BLAKE2b-256(token) so a lookup never
// compares a secret with a data-dependent early exit; the stored token is
// then compared with sodium_memcmp. A token expires after token_idle without use, stops at
// Logout, and is dropped when the reviewer leaves the roster
// (RetainReviewers). At most max_sessions tokens (the longest idle one is
// dropped). Each token has a token-bucket rate limit.
//
// Time comes from an injected monotonic clock (tests move it).
// Thread safety: every method may be called concurrently (one mutex).
#ifndef DOJAVA_SERVICE_API_SESSION_REGISTRY_H_
#define DOJAVA_SERVICE_API_SESSION_REGISTRY_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "base/token_table.h"
#include "crypto/primitives.h"

namespace dojava::api {

inline constexpr size_t kChallengeSize = 32;
inline constexpr size_t kTokenSize = kTokenBytes;

class SessionRegistry {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using NowFn = std::function<TimePoint()>;

  struct Options {
    std::chrono::seconds challenge_ttl{60};
    size_t max_challenges = 10'000;
    std::chrono::seconds token_idle{30 * 60};
    // However active a session is, it ends this long after login.
    std::chrono::seconds token_lifetime{12 * 60 * 60};
    size_t max_sessions = 1'000;
    double requests_per_second = 20;
    double burst = 60;
  };

  SessionRegistry(const Options& options, NowFn now);

  SessionRegistry(const SessionRegistry&) = delete;
  SessionRegistry& operator=(const SessionRegistry&) = delete;

  // A fresh challenge for `reviewer_id` (whether or not it is on a roster).
  Bytes IssueChallenge(const crypto::Id& reviewer_id);

  // Consumes `challenge` (removed whatever the outcome): the reviewer id it
  // was issued for if it was issued and has not expired, nullopt otherwise.
  std::optional<crypto::Id> ConsumeChallenge(ByteView challenge);

  // A new token for `reviewer_id`, who logged in with `login_key` (its
  // Ed25519 key in the roster at that moment); the caller sends it once and
  // forgets it.
  SecretBytes IssueToken(const crypto::Id& reviewer_id, const crypto::Ed25519Public& login_key);

  struct Authenticated {
    crypto::Id reviewer_id{};
    crypto::Ed25519Public login_key{};  // callers check it is still the roster's key
  };
  // Checks a presented token and, if `charge`, charges its rate limit.
  // kNotFound: unknown, expired or logged out (the caller answers 401);
  // kResourceExhausted: over the token's rate (429), *retry_after_seconds set.
  Result<Authenticated> Authenticate(ByteView token, int* retry_after_seconds, bool charge = true);

  // Ends the session of `token` (no-op if unknown).
  void Logout(ByteView token);

  // Drops every token whose reviewer is not in `reviewers`.
  void RetainReviewers(const std::set<crypto::Id>& reviewers);

  void SweepExpired();
  size_t SessionCount() const;
  size_t PendingChallengeCount() const;

 private:
  struct Challenge {
    crypto::Id reviewer_id{};
    TimePoint expires;
  };
  struct Session {
    crypto::Id reviewer_id{};
    crypto::Ed25519Public login_key{};
    double bucket = 0;  // requests available now
    TimePoint bucket_time;
  };

  void SweepLocked(TimePoint now);

  const Options options_;
  const NowFn now_;
  mutable std::mutex mu_;
  std::map<TokenHash, Challenge> challenges_;  // GUARDED_BY(mu_)
  std::deque<TokenHash> challenge_order_;      // GUARDED_BY(mu_), oldest first (may hold stale)
  TokenTable<Session> sessions_;               // GUARDED_BY(mu_)
};

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_SESSION_REGISTRY_H_
