#include "service/api/session_registry.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace dojava::api {

SessionRegistry::SessionRegistry(const Options& options, NowFn now)
    : options_(options),
      now_(std::move(now)),
      sessions_({options.token_idle, options.token_lifetime, options.max_sessions, true}) {}

Bytes SessionRegistry::IssueChallenge(const crypto::Id& reviewer_id) {
  Bytes challenge(kChallengeSize);
  randombytes_buf(challenge.data(), challenge.size());
  const TokenHash index = HashToken(challenge);
  std::lock_guard<std::mutex> lock(mu_);
  const TimePoint now = now_();
  SweepLocked(now);
  while (challenges_.size() >= options_.max_challenges && !challenge_order_.empty()) {
    challenges_.erase(challenge_order_.front());
    challenge_order_.pop_front();
  }
  challenges_[index] = Challenge{reviewer_id, now + options_.challenge_ttl};
  challenge_order_.push_back(index);
  return challenge;
}

std::optional<crypto::Id> SessionRegistry::ConsumeChallenge(ByteView challenge) {
  if (challenge.size() != kChallengeSize) return std::nullopt;
  const TokenHash index = HashToken(challenge);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = challenges_.find(index);
  if (it == challenges_.end()) return std::nullopt;
  const Challenge c = it->second;
  challenges_.erase(it);  // single use, whatever the outcome
  if (now_() >= c.expires) return std::nullopt;
  return c.reviewer_id;
}

SecretBytes SessionRegistry::IssueToken(const crypto::Id& reviewer_id,
                                        const crypto::Ed25519Public& login_key) {
  std::lock_guard<std::mutex> lock(mu_);
  const TimePoint now = now_();
  SweepLocked(now);
  return sessions_.Issue(Session{reviewer_id, login_key, options_.burst, now}, now);
}

Result<SessionRegistry::Authenticated> SessionRegistry::Authenticate(ByteView token,
                                                                     int* retry_after_seconds,
                                                                     bool charge) {
  std::lock_guard<std::mutex> lock(mu_);
  const TimePoint now = now_();
  Session* s = sessions_.Use(token, now);
  if (s == nullptr) return Status(Code::kNotFound, "unknown token");
  if (!charge) return Authenticated{s->reviewer_id, s->login_key};
  // Token bucket: refill, then charge one request.
  const double elapsed = std::chrono::duration<double>(now - s->bucket_time).count();
  s->bucket = std::min(options_.burst, s->bucket + elapsed * options_.requests_per_second);
  s->bucket_time = now;
  if (s->bucket < 1.0) {
    if (retry_after_seconds != nullptr) {
      const double wait = options_.requests_per_second > 0
                              ? (1.0 - s->bucket) / options_.requests_per_second
                              : 60.0;
      *retry_after_seconds = std::max(1, static_cast<int>(std::ceil(wait)));
    }
    return Status(Code::kResourceExhausted, "over the token's rate limit");
  }
  s->bucket -= 1.0;
  return Authenticated{s->reviewer_id, s->login_key};
}

void SessionRegistry::Logout(ByteView token) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.Remove(token);
}

void SessionRegistry::RetainReviewers(const std::set<crypto::Id>& reviewers) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.RemoveIf(
      [&reviewers](const Session& s) { return reviewers.count(s.reviewer_id) == 0; });
}

void SessionRegistry::SweepExpired() {
  std::lock_guard<std::mutex> lock(mu_);
  SweepLocked(now_());
}

void SessionRegistry::SweepLocked(TimePoint now) {
  for (auto it = challenges_.begin(); it != challenges_.end();) {
    it = now >= it->second.expires ? challenges_.erase(it) : std::next(it);
  }
  // challenge_order_ may name challenges already consumed or swept; drop
  // those from its front so it does not grow without bound.
  while (!challenge_order_.empty() && challenges_.count(challenge_order_.front()) == 0) {
    challenge_order_.pop_front();
  }
  sessions_.SweepExpired(now);
}

size_t SessionRegistry::SessionCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

size_t SessionRegistry::PendingChallengeCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return challenges_.size();
}

}  // namespace dojava::api
