// The verified roster a client works with, whatever its format
// (crypto/PROTOCOL.md §6; the v1 format of Appendix A until every writer is
// on v2): readers dispatch on the version byte, and the rest of the client
// sees one list of entries, active and retired.
//
// Only VerifyAnyRoster makes a RosterView, so holding one proves the roster
// verified against a pinned admin key (v2: with or without the expiry, as
// the caller asked).
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
#include "crypto/roster.h"
#include "crypto/roster_v2.h"

namespace dojava::client {

// One reviewer as either roster format lists it. A v1 entry is active, key
// epoch 1.
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
  // 1 (Appendix A) or 2 (§6).
  uint8_t format() const { return v2_ ? 2 : 1; }
  uint64_t version() const;
  // Every entry, active and retired, ascending by id.
  const std::vector<ReviewerEntry>& entries() const { return entries_; }
  // The entry of an id (active or retired), or nullptr.
  const ReviewerEntry* Find(const crypto::Id& reviewer_id) const;
  const ReviewerEntry* FindByName(std::string_view name) const;
  const ReviewerEntry* FindByEd25519(const crypto::Ed25519Public& key) const;
  // The entries that may be sealed to (§6: never a retired one).
  std::vector<const ReviewerEntry*> Active() const;
  // v2: the last day it may be accepted; v1: nullopt.
  std::optional<uint32_t> expires_day() const;
  // The digest this client remembers (v1: H("dojava/v1/roster"); v2: §6).
  Bytes digest() const;

  // The roster in its own format: exactly one of them is non-null.
  const crypto::VerifiedRoster* v1() const { return v1_ ? &*v1_ : nullptr; }
  const crypto::v2::VerifiedRoster* v2() const { return v2_ ? &*v2_ : nullptr; }

 private:
  friend Result<RosterView> VerifyAnyRoster(ByteView, const crypto::Ed25519Public&,
                                            const crypto::Id&, std::optional<uint32_t>);
  std::optional<crypto::VerifiedRoster> v1_;
  std::optional<crypto::v2::VerifiedRoster> v2_;
  std::vector<ReviewerEntry> entries_;
};

// Verifies signed roster bytes of either format, by the version byte: v1
// per Appendix A, v2 per §6 steps 1-5 (`today`: nullopt skips the expiry,
// only to look up the authors of events already written). The errors of
// crypto::VerifyRoster / crypto::v2::VerifyRoster (kUnsupportedVersion for
// another version byte, kMalformed for an empty roster).
Result<RosterView> VerifyAnyRoster(ByteView signed_roster,
                                   const crypto::Ed25519Public& admin_public,
                                   const crypto::Id& instance_id, std::optional<uint32_t> today);

// The day of this machine's clock (§1), for the expiry of §6 step 5.
uint32_t TodayU32();

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_ROSTER_VIEW_H_
