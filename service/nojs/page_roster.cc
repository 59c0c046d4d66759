#include "service/nojs/page_roster.h"

#include "crypto/protocol_constants.h"

namespace dojava::nojs {

Result<PageRoster> PageRoster::Load(service::Store* store, bool for_writing) {
  DOJAVA_ASSIGN_OR_RETURN(service::Settings settings, store->GetSettings());
  auto stored = store->GetRoster();
  if (!stored.ok()) return stored.status();
  const Bytes& bytes = stored->signed_bytes;
  PageRoster out;
  const service::Day day = store->Today();
  out.today_ = day < 0 ? 0 : day > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(day);
  std::optional<uint32_t> today;
  if (for_writing) today = out.today_;
  if (!bytes.empty() && bytes[0] == 1) {
    DOJAVA_ASSIGN_OR_RETURN(
        crypto::VerifiedRoster v1,
        crypto::VerifyRoster(bytes, settings.admin_public_key, settings.instance_id));
    for (const crypto::RosterEntry& e : v1.entries()) {
      out.recipients_.push_back(Recipient{e.reviewer_id, e.x25519});
    }
    out.v1_.emplace(std::move(v1));
    return out;
  }
  // Version 2, or a version this code does not know (kUnsupportedVersion).
  DOJAVA_ASSIGN_OR_RETURN(
      crypto::v2::VerifiedRoster v2,
      crypto::v2::VerifyRoster(bytes, settings.admin_public_key, settings.instance_id, today));
  for (const crypto::v2::RosterEntry& e : v2.entries()) {
    if (e.active()) out.recipients_.push_back(Recipient{e.reviewer_id, e.x25519});
  }
  out.v2_.emplace(std::move(v2));
  return out;
}

uint64_t PageRoster::version() const { return v1_ ? v1_->version() : v2_->version(); }

const std::string* PageRoster::NameOf(const crypto::Id& reviewer_id) const {
  if (v1_) {
    const crypto::RosterEntry* e = v1_->Find(reviewer_id);
    return e ? &e->name : nullptr;
  }
  const crypto::v2::RosterEntry* e = v2_->Find(reviewer_id);
  return e ? &e->name : nullptr;
}

std::optional<crypto::Ed25519Public> PageRoster::Ed25519Of(const crypto::Id& reviewer_id) const {
  if (v1_) {
    const crypto::RosterEntry* e = v1_->Find(reviewer_id);
    if (e == nullptr) return std::nullopt;
    return e->ed25519;
  }
  const crypto::v2::RosterEntry* e = v2_->Find(reviewer_id);
  if (e == nullptr) return std::nullopt;
  return e->ed25519;
}

}  // namespace dojava::nojs
