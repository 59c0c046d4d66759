// TokenTable<T>: values held in memory under random bearer tokens, for the
// reviewers' API tokens (api::SessionRegistry) and the no-JavaScript pages'
// conversations (nojs::PlainSessions).
//
// Issue() draws a fresh kTokenBytes-byte random token and returns it; the
// table keeps the value under BLAKE2b-256(token), so the map never holds the
// token itself and a lookup's timing depends on the hash only. With
// `keep_token`, the table also keeps the token in guarded memory (SecretBytes)
// and a lookup compares it with the presented one in constant time
// (sodium_memcmp) as a second check.
//
// An entry expires `idle` after its last use or `lifetime` after it was
// issued, whichever comes first; an expired entry is dropped by the lookup
// that finds it, by Issue() and by SweepExpired(). When `max_entries` are
// held, Issue() drops the least recently used one. Values are destroyed
// (and, if they are SecretBytes or hold them, wiped) when their entry goes.
//
// Time is passed in by the caller (its injected monotonic clock).
// Thread safety: none; the owner locks (both owners keep one mutex).
#ifndef DOJAVA_BASE_TOKEN_TABLE_H_
#define DOJAVA_BASE_TOKEN_TABLE_H_

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <utility>

#include "base/bytes.h"
#include "base/secret_bytes.h"

namespace dojava {

inline constexpr size_t kTokenBytes = 32;
using TokenHash = std::array<uint8_t, 32>;
// BLAKE2b-256 of `token` (unkeyed): the key a token is looked up by.
TokenHash HashToken(ByteView token);

template <typename T>
class TokenTable {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Duration = std::chrono::steady_clock::duration;

  struct Limits {
    Duration idle{};
    Duration lifetime = Duration::max();
    size_t max_entries = 1;
    bool keep_token = false;  // also compare the stored token (see above)
  };

  explicit TokenTable(const Limits& limits) : limits_(limits) {}

  // Stores `value` under a new token (expired entries and, when full, the
  // least recently used one are dropped first) and returns the token, which
  // the caller hands out once.
  SecretBytes Issue(T value, TimePoint now) {
    SecretBytes token = SecretBytes::Random(kTokenBytes);
    SweepExpired(now);
    while (entries_.size() >= limits_.max_entries && !entries_.empty()) {
      entries_.erase(std::min_element(entries_.begin(), entries_.end(), [](auto& a, auto& b) {
        return a.second.last_used < b.second.last_used;
      }));
    }
    Entry e{limits_.keep_token ? SecretBytes::Copy(token.reveal()) : SecretBytes(),
            std::move(value), now, now};
    entries_.insert_or_assign(HashToken(token.reveal()), std::move(e));
    return token;
  }

  // The value of `token` if it is held and has not expired; its idle time
  // restarts at `now`. nullptr otherwise (an expired entry is dropped). The
  // pointer is valid until the table is next changed.
  T* Use(ByteView token, TimePoint now) {
    auto it = Find(token);
    if (it == entries_.end()) return nullptr;
    if (Expired(it->second, now)) {
      entries_.erase(it);
      return nullptr;
    }
    it->second.last_used = now;
    return &it->second.value;
  }

  // Drops the entry of `token` (no-op if none).
  void Remove(ByteView token) {
    auto it = Find(token);
    if (it != entries_.end()) entries_.erase(it);
  }

  // Drops every entry whose value `drop(value)` is true.
  template <typename Predicate>
  void RemoveIf(Predicate drop) {
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = drop(static_cast<const T&>(it->second.value)) ? entries_.erase(it) : std::next(it);
    }
  }

  void SweepExpired(TimePoint now) {
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = Expired(it->second, now) ? entries_.erase(it) : std::next(it);
    }
  }

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    SecretBytes token;  // empty unless keep_token
    T value;
    TimePoint created;
    TimePoint last_used;
  };
  using Map = std::map<TokenHash, Entry>;

  typename Map::iterator Find(ByteView token) {
    if (token.size() != kTokenBytes) return entries_.end();
    auto it = entries_.find(HashToken(token));
    if (it != entries_.end() && limits_.keep_token && !it->second.token.Equals(token)) {
      return entries_.end();
    }
    return it;
  }
  bool Expired(const Entry& e, TimePoint now) const {
    return now - e.last_used >= limits_.idle || now - e.created >= limits_.lifetime;
  }

  const Limits limits_;
  Map entries_;
};

}  // namespace dojava

#endif  // DOJAVA_BASE_TOKEN_TABLE_H_
