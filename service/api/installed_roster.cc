#include "service/api/installed_roster.h"

#include <utility>

namespace dojava::api {

Result<InstalledRoster> InstalledRoster::Verify(ByteView signed_bytes,
                                                const crypto::Ed25519Public& admin_public,
                                                const crypto::Id& instance_id,
                                                std::optional<uint32_t> today) {
  if (!signed_bytes.empty() && signed_bytes[0] == protocol::kVersion2) {
    DOJAVA_ASSIGN_OR_RETURN(
        crypto::v2::VerifiedRoster v2,
        crypto::v2::VerifyRoster(signed_bytes, admin_public, instance_id, today));
    return InstalledRoster(std::nullopt, std::move(v2),
                           Bytes(signed_bytes.begin(), signed_bytes.end()));
  }
  DOJAVA_ASSIGN_OR_RETURN(crypto::VerifiedRoster v1,
                          crypto::VerifyRoster(signed_bytes, admin_public, instance_id));
  return InstalledRoster(std::move(v1), std::nullopt,
                         Bytes(signed_bytes.begin(), signed_bytes.end()));
}

uint64_t InstalledRoster::version() const { return v2_ ? v2_->version() : v1_->version(); }

std::optional<uint32_t> InstalledRoster::expires_day() const {
  if (!v2_) return std::nullopt;
  return v2_->roster().expires_day;
}

const crypto::Ed25519Public* InstalledRoster::ActiveLoginKey(const crypto::Id& reviewer) const {
  if (v2_) {
    const crypto::v2::RosterEntry* e = v2_->Find(reviewer);
    return e != nullptr && e->active() ? &e->ed25519 : nullptr;
  }
  const crypto::RosterEntry* e = v1_->Find(reviewer);
  return e != nullptr ? &e->ed25519 : nullptr;
}

std::set<crypto::Id> InstalledRoster::ActiveIds() const {
  std::set<crypto::Id> ids;
  if (v2_) {
    for (const auto& e : v2_->entries()) {
      if (e.active()) ids.insert(e.reviewer_id);
    }
  } else {
    for (const auto& e : v1_->entries()) ids.insert(e.reviewer_id);
  }
  return ids;
}

Status InstalledRoster::CheckSuccessor(const InstalledRoster& next) const {
  if (v2_ && next.v2_) return crypto::v2::CheckRosterChain(*v2_, *next.v2_);
  if (v2_) return Status(Code::kRollback, "a version-1 roster after a version-2 one");
  if (next.v2_) {
    if (next.version() > version()) return Status::Ok();
    return Status(Code::kRollback, "the roster is not newer than the installed one");
  }
  return crypto::CheckRosterAdvance(v1_->version(), v1_->digest(), next.v1_->version(),
                                    next.v1_->digest());
}

}  // namespace dojava::api
