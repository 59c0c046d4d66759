// PlainSessions: the returning source's open conversations on the
// no-JavaScript pages, in memory only.
//
// After the source typed the receipt once, the server keeps what it derived
// (case id, the source's case key, the lookup key) under a random 256-bit
// token that the pages carry in a hidden form field (never a cookie, never a
// URL). The receipt itself is not kept. A session expires after `idle`
// without use, is dropped on "close the conversation", and the oldest idle
// one is dropped when `max_sessions` are open. The secrets are SecretBytes:
// wiped when the session ends, whichever way.
//
// The sessions are a TokenTable (base/token_table.h): tokens are looked up by
// their BLAKE2b hash (the map never holds a token, and a lookup's timing
// depends on the hash only).
//
// Thread safety: every method locks; safe from any thread.
#ifndef DOJAVA_SERVICE_NOJS_PLAIN_SESSIONS_H_
#define DOJAVA_SERVICE_NOJS_PLAIN_SESSIONS_H_

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

#include "base/secret_bytes.h"
#include "base/token_table.h"
#include "crypto/case_order.h"
#include "crypto/primitives.h"

namespace dojava::nojs {

inline constexpr size_t kPlainTokenSize = kTokenBytes;

// The high-water mark of one open conversation (PROTOCOL.md §8.4): how many
// records this session has read and the event hash of the last of them, so a
// later read with fewer records is `truncated` and one with another record
// in that place `reordered`. In memory only, like the session: a new visit
// with the receipt starts from nothing. Only ever moves forward.
class CaseMark {
 public:
  crypto::v2::HighWaterMark Get() const;
  // Keeps `next` if it covers at least as many records as the mark held.
  void Advance(const crypto::v2::HighWaterMark& next);

 private:
  mutable std::mutex mu_;
  crypto::v2::HighWaterMark mark_;  // GUARDED_BY(mu_)
};

class PlainSessions {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using NowFn = std::function<TimePoint()>;

  // What an open conversation holds. Shared by the requests using it at the
  // same time; the last owner's destruction wipes it.
  struct Conversation {
    crypto::Id case_id{};
    SecretBytes case_key;    // CK, opened with the receipt's keys
    SecretBytes lookup_key;  // for the follow-up route (X-Dojava-Lookup-Key)
    // The receipt's signing key (PROTOCOL.md §4.3): every source record of a
    // v2 case carries the public half, and the secret (64 bytes) signs the
    // source's follow-ups (§8.3).
    crypto::Ed25519Public source_sign_public{};
    SecretBytes source_sign_secret;
    // The receipt's X25519 key pair: opens the CK' a signed re-key seals to
    // the source (§7.3).
    crypto::X25519Public source_public{};
    SecretBytes source_secret;
    // What this session has read of the case (§8.4); the one mutable part.
    mutable CaseMark mark;
  };

  PlainSessions(std::chrono::seconds idle, size_t max_sessions, NowFn now);

  // Opens a session; returns its token (32 random bytes, wiped memory).
  SecretBytes Open(std::shared_ptr<const Conversation> conversation);
  // The conversation of `token` if it is open and not idle too long; its
  // idle timer restarts. nullptr otherwise (an expired one is dropped now).
  std::shared_ptr<const Conversation> Use(ByteView token);
  // Ends the session of `token` (no-op if none).
  void Close(ByteView token);
  // Drops every expired session now.
  void SweepExpired();
  size_t size() const;

 private:
  const NowFn now_;
  mutable std::mutex mu_;
  TokenTable<std::shared_ptr<const Conversation>> sessions_;  // GUARDED_BY(mu_)
};

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_PLAIN_SESSIONS_H_
