// InstalledRoster: the roster the server holds (crypto/PROTOCOL.md §6),
// verified against the instance's admin key, with what the routes need of
// it: who is active (may log in, is sealed to, keeps key rows) and the
// install rule from one roster to the next. Only version 2 exists: a roster
// with version byte 1 is refused (kUnsupportedVersion, §16).
//
// Immutable once made; share it by shared_ptr<const InstalledRoster>.
#ifndef DOJAVA_SERVICE_API_INSTALLED_ROSTER_H_
#define DOJAVA_SERVICE_API_INSTALLED_ROSTER_H_

#include <cstdint>
#include <optional>
#include <set>

#include "base/bytes.h"
#include "base/status.h"
#include "crypto/roster_v2.h"

namespace dojava::api {

class InstalledRoster {
 public:
  // Verifies signed roster bytes: structure (kUnsupportedVersion for any
  // version byte but 2, kMalformed), signature, rules, instance id and the
  // expiry against `today` (kExpired); `today` = nullopt skips the expiry
  // (the roster stored at start may have expired while the server was down).
  // Codes of crypto::v2::VerifyRoster.
  static Result<InstalledRoster> Verify(ByteView signed_bytes,
                                        const crypto::Ed25519Public& admin_public,
                                        const crypto::Id& instance_id,
                                        std::optional<uint32_t> today);

  uint64_t version() const { return roster_.version(); }
  const Bytes& signed_bytes() const { return signed_bytes_; }
  uint32_t expires_day() const { return roster_.roster().expires_day; }

  // The Ed25519 key of an active reviewer; nullptr for a retired or unknown id.
  const crypto::Ed25519Public* ActiveLoginKey(const crypto::Id& reviewer) const;
  bool IsActive(const crypto::Id& reviewer) const { return ActiveLoginKey(reviewer) != nullptr; }
  std::set<crypto::Id> ActiveIds() const;
  // The verified roster, for checking signed case statements; never null.
  const crypto::v2::VerifiedRoster* v2() const { return &roster_; }

  // Whether `next` may replace this roster: the chain rule of §6 (kRollback,
  // kBrokenChain). The same roster again is OK.
  Status CheckSuccessor(const InstalledRoster& next) const;

 private:
  InstalledRoster(crypto::v2::VerifiedRoster roster, Bytes signed_bytes)
      : roster_(std::move(roster)), signed_bytes_(std::move(signed_bytes)) {}

  crypto::v2::VerifiedRoster roster_;
  Bytes signed_bytes_;
};

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_INSTALLED_ROSTER_H_
