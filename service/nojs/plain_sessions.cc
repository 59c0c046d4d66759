#include "service/nojs/plain_sessions.h"

#include <utility>

namespace dojava::nojs {

crypto::v2::HighWaterMark CaseMark::Get() const {
  std::lock_guard<std::mutex> lock(mu_);
  return mark_;
}

void CaseMark::Advance(const crypto::v2::HighWaterMark& next) {
  std::lock_guard<std::mutex> lock(mu_);
  if (next.count >= mark_.count) mark_ = next;
}

PlainSessions::PlainSessions(std::chrono::seconds idle, size_t max_sessions, NowFn now)
    : now_(std::move(now)),
      sessions_({idle, std::chrono::steady_clock::duration::max(), max_sessions}) {}

SecretBytes PlainSessions::Open(std::shared_ptr<const Conversation> conversation) {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.Issue(std::move(conversation), now_());
}

std::shared_ptr<const PlainSessions::Conversation> PlainSessions::Use(ByteView token) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto* conversation = sessions_.Use(token, now_());
  return conversation == nullptr ? nullptr : *conversation;
}

void PlainSessions::Close(ByteView token) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.Remove(token);
}

void PlainSessions::SweepExpired() {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.SweepExpired(now_());
}

size_t PlainSessions::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

}  // namespace dojava::nojs
