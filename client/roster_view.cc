#include "client/roster_view.h"

#include "client/format.h"

namespace dojava::client {

const ReviewerEntry* RosterView::Find(const crypto::Id& reviewer_id) const {
  for (const auto& e : entries_) {
    if (e.reviewer_id == reviewer_id) return &e;
  }
  return nullptr;
}

const ReviewerEntry* RosterView::FindByName(std::string_view name) const {
  for (const auto& e : entries_) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const ReviewerEntry* RosterView::FindByEd25519(const crypto::Ed25519Public& key) const {
  for (const auto& e : entries_) {
    if (e.ed25519 == key) return &e;
  }
  return nullptr;
}

std::vector<const ReviewerEntry*> RosterView::Active() const {
  std::vector<const ReviewerEntry*> out;
  for (const auto& e : entries_) {
    if (e.active()) out.push_back(&e);
  }
  return out;
}

Bytes RosterView::digest() const { return Bytes(v2_->digest().begin(), v2_->digest().end()); }

Result<RosterView> VerifyAnyRoster(ByteView signed_roster,
                                   const crypto::Ed25519Public& admin_public,
                                   const crypto::Id& instance_id, std::optional<uint32_t> today) {
  RosterView view;
  DOJAVA_ASSIGN_OR_RETURN(
      crypto::v2::VerifiedRoster r,
      crypto::v2::VerifyRoster(signed_roster, admin_public, instance_id, today));
  for (const auto& e : r.entries()) {
    view.entries_.push_back(
        {e.reviewer_id, e.ed25519, e.x25519, e.name, e.retired_at, e.key_epoch});
  }
  view.v2_.emplace(std::move(r));
  return view;
}

uint32_t TodayU32() { return static_cast<uint32_t>(TodayDay()); }

}  // namespace dojava::client
