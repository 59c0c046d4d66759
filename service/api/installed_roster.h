// InstalledRoster: the roster the server holds, in either format while
// clients switch (crypto/PROTOCOL.md §6 for version 2, Appendix A for
// version 1), verified against the instance's admin key, with what the routes
// need of either: who is active (may log in, is sealed to, keeps key rows)
// and the install rule from one roster to the next.
//
// Immutable once made; share it by shared_ptr<const InstalledRoster>.
#ifndef DOJAVA_SERVICE_API_INSTALLED_ROSTER_H_
#define DOJAVA_SERVICE_API_INSTALLED_ROSTER_H_

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "base/bytes.h"
#include "base/status.h"
#include "crypto/roster.h"
#include "crypto/roster_v2.h"

namespace dojava::api {

class InstalledRoster {
 public:
  // Verifies signed roster bytes of either version (dispatch on the first
  // byte): structure, signature, rules, instance id, and for version 2 the
  // expiry against `today` (kExpired); `today` = nullopt skips the expiry
  // (the roster stored at start may have expired while the server was down).
  // Codes of crypto::VerifyRoster / crypto::v2::VerifyRoster.
  static Result<InstalledRoster> Verify(ByteView signed_bytes,
                                        const crypto::Ed25519Public& admin_public,
                                        const crypto::Id& instance_id,
                                        std::optional<uint32_t> today);

  // 1 or 2: the roster's format.
  uint8_t format() const { return v2_ ? protocol::kVersion2 : protocol::kVersion; }
  uint64_t version() const;
  const Bytes& signed_bytes() const { return signed_bytes_; }
  // The expiry day of a version-2 roster; nullopt for version 1.
  std::optional<uint32_t> expires_day() const;

  // The Ed25519 key of an active reviewer; nullptr for a retired or unknown id.
  const crypto::Ed25519Public* ActiveLoginKey(const crypto::Id& reviewer) const;
  bool IsActive(const crypto::Id& reviewer) const { return ActiveLoginKey(reviewer) != nullptr; }
  std::set<crypto::Id> ActiveIds() const;
  // The version-2 roster, for checking signed case statements; nullptr for v1.
  const crypto::v2::VerifiedRoster* v2() const { return v2_ ? &*v2_ : nullptr; }

  // Whether `next` may replace this roster: for two version-1 rosters the
  // rollback rule of Appendix A; a version-2 roster after a version-1 one
  // starts a chain and needs a higher version; after a version-2 roster the
  // chain rule of §6 (kRollback, kBrokenChain) and never a version-1 roster
  // (kRollback). The same roster again is OK.
  Status CheckSuccessor(const InstalledRoster& next) const;

 private:
  InstalledRoster(std::optional<crypto::VerifiedRoster> v1,
                  std::optional<crypto::v2::VerifiedRoster> v2, Bytes signed_bytes)
      : v1_(std::move(v1)), v2_(std::move(v2)), signed_bytes_(std::move(signed_bytes)) {}

  std::optional<crypto::VerifiedRoster> v1_;
  std::optional<crypto::v2::VerifiedRoster> v2_;
  Bytes signed_bytes_;
};

}  // namespace dojava::api

#endif  // DOJAVA_SERVICE_API_INSTALLED_ROSTER_H_
