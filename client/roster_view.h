// The verified roster a client works with (crypto/PROTOCOL.md §6): one list
// of entries, active and retired. A roster of another version than 2 is
// refused (kUnsupportedVersion, §16).
//
// Only VerifyAnyRoster makes a RosterView, so holding one proves the roster
// verified against a pinned admin key (with or without the expiry, as the
// caller asked).
#ifndef DOJAVA_CLIENT_ROSTER_VIEW_H_
#define DOJAVA_CLIENT_ROSTER_VIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::client {

// One reviewer as the roster lists it.
struct ReviewerEntry {
  crypto::Id reviewer_id{};
  crypto::Ed25519Public ed25519{};
  crypto::X25519Public x25519{};
  std::string name;
  uint64_t retired_at = 0;  // 0: active (v2 §6)
  uint32_t key_epoch = 1;

  bool active() const { return retired_at == 0; }
};

class RosterView {
 public:
  uint64_t version() const { return v2_->version(); }
  // Every entry, active and retired, ascending by id.
  const std::vector<ReviewerEntry>& entries() const { return entries_; }
  // The entry of an id (active or retired), or nullptr.
  const ReviewerEntry* Find(const crypto::Id& reviewer_id) const;
  const ReviewerEntry* FindByName(std::string_view name) const;
  const ReviewerEntry* FindByEd25519(const crypto::Ed25519Public& key) const;
  // The entries that may be sealed to (§6: never a retired one).
  std::vector<const ReviewerEntry*> Active() const;
  // The last day it may be accepted (§6 step 5).
  uint32_t expires_day() const { return v2_->roster().expires_day; }
  // The digest this client remembers (§6).
  Bytes digest() const;

  // The verified roster; never null.
  const crypto::v2::VerifiedRoster* v2() const { return &*v2_; }

 private:
  friend Result<RosterView> VerifyAnyRoster(ByteView, const crypto::Ed25519Public&,
                                            const crypto::Id&, std::optional<uint32_t>);
  std::optional<crypto::v2::VerifiedRoster> v2_;  // set by VerifyAnyRoster
  std::vector<ReviewerEntry> entries_;
};

// Verifies signed roster bytes per §6 steps 1-5 (`today`: nullopt skips the
// expiry, only to look up the authors of events already written). The errors
// of crypto::v2::VerifyRoster (kUnsupportedVersion for a version byte other
// than 2, a version-1 roster of 0.1.0 included; kMalformed for an empty one).
Result<RosterView> VerifyAnyRoster(ByteView signed_roster,
                                   const crypto::Ed25519Public& admin_public,
                                   const crypto::Id& instance_id, std::optional<uint32_t> today);

// The day of this machine's clock (§1), for the expiry of §6 step 5.
uint32_t TodayU32();

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_ROSTER_VIEW_H_
