#include "service/nojs/plain_sessions.h"

#include <sodium.h>

#include <algorithm>
#include <utility>

namespace dojava::nojs {

PlainSessions::PlainSessions(std::chrono::seconds idle, size_t max_sessions, NowFn now)
    : idle_(idle), max_sessions_(max_sessions), now_(std::move(now)) {
  EnsureSodium();
}

PlainSessions::Index PlainSessions::IndexOf(ByteView token) {
  Index out{};
  crypto_generichash(out.data(), out.size(), token.data(), token.size(), nullptr, 0);
  return out;
}

void PlainSessions::SweepLocked(TimePoint now) {
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    it = now - it->second.last_used >= idle_ ? sessions_.erase(it) : std::next(it);
  }
}

SecretBytes PlainSessions::Open(std::shared_ptr<const Conversation> conversation) {
  SecretBytes token = SecretBytes::Random(kPlainTokenSize);
  const Index index = IndexOf(token.reveal());
  std::lock_guard<std::mutex> lock(mu_);
  const TimePoint now = now_();
  SweepLocked(now);
  while (sessions_.size() >= max_sessions_ && !sessions_.empty()) {
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](auto& a, auto& b) {
      return a.second.last_used < b.second.last_used;
    });
    sessions_.erase(oldest);
  }
  sessions_[index] = Entry{std::move(conversation), now};
  return token;
}

std::shared_ptr<const PlainSessions::Conversation> PlainSessions::Use(ByteView token) {
  if (token.size() != kPlainTokenSize) return nullptr;
  const Index index = IndexOf(token);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(index);
  if (it == sessions_.end()) return nullptr;
  const TimePoint now = now_();
  if (now - it->second.last_used >= idle_) {
    sessions_.erase(it);
    return nullptr;
  }
  it->second.last_used = now;
  return it->second.conversation;
}

void PlainSessions::Close(ByteView token) {
  if (token.size() != kPlainTokenSize) return;
  const Index index = IndexOf(token);
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(index);
}

void PlainSessions::SweepExpired() {
  std::lock_guard<std::mutex> lock(mu_);
  SweepLocked(now_());
}

size_t PlainSessions::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

}  // namespace dojava::nojs
