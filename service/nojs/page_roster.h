// PageRoster: the installed roster as the no-JavaScript pages use it, of
// either format while the code base switches (crypto/PROTOCOL.md §6 for
// version 2, Appendix A for version 1): dispatched on the version byte and
// verified against the instance's admin key and id before anything is
// sealed to it or any author is looked up in it.
//
// Thread safety: immutable after Load.
#ifndef DOJAVA_SERVICE_NOJS_PAGE_ROSTER_H_
#define DOJAVA_SERVICE_NOJS_PAGE_ROSTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "crypto/roster.h"
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
  // verifier's outcome otherwise). `for_writing`: a version-2 roster is also
  // checked against the store's day (§6 step 5, kExpired), the day the
  // server's API checks too. Reading passes false: an expired roster still
  // names the authors of records already written, but nothing is sealed or
  // signed on top of it.
  static Result<PageRoster> Load(service::Store* store, bool for_writing);

  uint64_t version() const;
  // The store's day when loaded for writing (the `day` of new records, §8.3).
  uint32_t today() const { return today_; }
  // Whom a new case key is sealed to: every entry of a v1 roster, only the
  // active entries of a v2 one (never a retired entry).
  const std::vector<Recipient>& entries() const { return recipients_; }
  // The display name of a reviewer, active or retired; nullptr if unknown.
  const std::string* NameOf(const crypto::Id& reviewer_id) const;
  // A reviewer's Ed25519 key, active or retired (v1 records' signatures).
  std::optional<crypto::Ed25519Public> Ed25519Of(const crypto::Id& reviewer_id) const;
  // The verified roster of its format; exactly one is non-null.
  const crypto::VerifiedRoster* v1() const { return v1_ ? &*v1_ : nullptr; }
  const crypto::v2::VerifiedRoster* v2() const { return v2_ ? &*v2_ : nullptr; }

 private:
  std::optional<crypto::VerifiedRoster> v1_;
  std::optional<crypto::v2::VerifiedRoster> v2_;
  std::vector<Recipient> recipients_;
  uint32_t today_ = 0;
};

}  // namespace dojava::nojs

#endif  // DOJAVA_SERVICE_NOJS_PAGE_ROSTER_H_
