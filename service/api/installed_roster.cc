#include "service/api/installed_roster.h"

#include <utility>

namespace dojava::api {

Result<InstalledRoster> InstalledRoster::Verify(ByteView signed_bytes,
                                                const crypto::Ed25519Public& admin_public,
                                                const crypto::Id& instance_id,
                                                std::optional<uint32_t> today) {
  DOJAVA_ASSIGN_OR_RETURN(crypto::v2::VerifiedRoster roster,
                          crypto::v2::VerifyRoster(signed_bytes, admin_public, instance_id, today));
  return InstalledRoster(std::move(roster), Bytes(signed_bytes.begin(), signed_bytes.end()));
}

const crypto::Ed25519Public* InstalledRoster::ActiveLoginKey(const crypto::Id& reviewer) const {
  const crypto::v2::RosterEntry* e = roster_.Find(reviewer);
  return e != nullptr && e->active() ? &e->ed25519 : nullptr;
}

std::set<crypto::Id> InstalledRoster::ActiveIds() const {
  std::set<crypto::Id> ids;
  for (const auto& e : roster_.entries()) {
    if (e.active()) ids.insert(e.reviewer_id);
  }
  return ids;
}

Status InstalledRoster::CheckSuccessor(const InstalledRoster& next) const {
  return crypto::v2::CheckRosterChain(roster_, next.roster_);
}

}  // namespace dojava::api
