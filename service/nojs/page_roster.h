// PageRoster: the installed roster as the no-JavaScript pages use it
// (crypto/PROTOCOL.md §6), verified against the instance's admin key and id
// before anything is sealed to it or any author is looked up in it. A roster
// of another version than 2 is refused (kUnsupportedVersion, §16).
//
// Thread safety: immutable after Load.
#ifndef DOJAVA_SERVICE_NOJS_PAGE_ROSTER_H_
#define DOJAVA_SERVICE_NOJS_PAGE_ROSTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "crypto/roster_v2.h"
#include "service/store/store.h"

namespace dojava::nojs {

class PageRoster {
 public:
  // Someone a new case key is sealed to (§7).
  struct Recipient {
    crypto::Id reviewer_id{};
    crypto::X25519Public x25519{};
  };

  // The store's roster, verified (kNotFound if none is installed; the
  // verifier's outcome otherwise). `for_writing`: the roster is also checked
  // against the store's day (§6 step 5, kExpired), the day the server's API
  // checks too. Reading passes false: an expired roster still names the
  // authors of records already written, but nothing is sealed or signed on
  // top of it.
  static Result<PageRoster> Load(service::Store* store, bool for_writing);

  uint64_t version() const { return roster_->version(); }
  // The store's day when loaded for writing (the `day` of new records, §8.3).
  uint32_t today() const { return today_; }
  // Whom a new case key is sealed to: the active entries (never a retired one).
  const std::vector<Recipient>& entries() const { return recipients_; }
  // The display name of a reviewer, active or retired; nullptr if unknown.
  const std::string* NameOf(const crypto::Id& reviewer_id) const;
  // The verified roster; never null.
  const crypto::v2::VerifiedRoster* v2() const { return &*roster_; }

 private:
  std::optional<crypto::v2::VerifiedRoster> roster_;  // set by Load
  std::vector<Recipient> recipients_;
  uint32_t today_ = 0;
};

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_PAGE_ROSTER_H_
