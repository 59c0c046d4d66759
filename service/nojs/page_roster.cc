#include "service/nojs/page_roster.h"

namespace dojava::nojs {

Result<PageRoster> PageRoster::Load(service::Store* store, bool for_writing) {
  DOJAVA_ASSIGN_OR_RETURN(service::Settings settings, store->GetSettings());
  auto stored = store->GetRoster();
  if (!stored.ok()) return stored.status();
  PageRoster out;
  const service::Day day = store->Today();
  out.today_ = day < 0 ? 0 : day > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(day);
  std::optional<uint32_t> today;
  if (for_writing) today = out.today_;
  DOJAVA_ASSIGN_OR_RETURN(crypto::v2::VerifiedRoster roster,
                          crypto::v2::VerifyRoster(stored->signed_bytes, settings.admin_public_key,
                                                   settings.instance_id, today));
  for (const crypto::v2::RosterEntry& e : roster.entries()) {
    if (e.active()) out.recipients_.push_back(Recipient{e.reviewer_id, e.x25519});
  }
  out.roster_.emplace(std::move(roster));
  return out;
}

const std::string* PageRoster::NameOf(const crypto::Id& reviewer_id) const {
  const crypto::v2::RosterEntry* e = roster_->Find(reviewer_id);
  return e ? &e->name : nullptr;
}

}  // namespace dojava::nojs
