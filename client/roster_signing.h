// The admin's side of the roster chain (crypto/PROTOCOL.md §6, "Writing"):
// the admin tool keeps the last roster it signed beside the admin key file
// (`<key file>.roster-<instance id>`), signs only that roster's successor (version + 1,
// prev_digest = its digest, continuity), shows the difference before
// signing, and bounds the expiry (30 days by default, at most 90). Signing
// needs no network; fetching and installing are separate steps.
//
// No printing here: the diff is returned as lines for the front end.
#ifndef DOJAVA_CLIENT_ROSTER_SIGNING_H_
#define DOJAVA_CLIENT_ROSTER_SIGNING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "base/status.h"
#include "client/roster_view.h"
#include "crypto/admin_key.h"
#include "crypto/roster_v2.h"

namespace dojava::client {

inline constexpr uint32_t kDefaultRosterExpiryDays = 30;
inline constexpr uint32_t kMaxRosterExpiryDays = 90;

// Where the admin tool keeps the last roster it signed for one instance:
// `<key file>.roster-<instance id, hex>` (one admin key may sign the rosters
// of several instances, each its own chain).
std::string KeptRosterPath(const std::string& admin_key_file, const crypto::Id& instance_id);

// The kept rosters beside `admin_key_file`, one per instance (the paths).
std::vector<std::string> KeptRosterPaths(const std::string& admin_key_file);

// The kept roster, verified against the admin key (no expiry check: it is
// the base of the next one); nullopt if there is none. kMalformed if the
// file is not a v2 roster of `instance_id` signed by `admin`.
Result<std::optional<RosterView>> ReadKeptRoster(const std::string& path,
                                                 const crypto::Ed25519Public& admin,
                                                 const crypto::Id& instance_id);

// What the next roster is built on.
struct RosterBase {
  crypto::v2::Roster roster;     // its content (empty over a version-1 roster)
  crypto::v2::Digest digest{};   // v2 digest of its signed bytes (zero: no base)
  std::optional<RosterView> v2;  // a v2 base: the chain rule is checked against it
};

// The base from the roster served (`served`: verified; may be null when
// the server has none) and the kept one. A kept roster is the base; else a
// roster served is the base only with `adopt` (the admin says it is the
// newest they signed), kPermissionDenied otherwise; else, when the server
// serves a version-1 roster of 0.1.0 (`served_bytes`, its `unread_version`
// > 0, never read), an empty base of that version whose digest is the v2
// digest of those bytes (§16: the chain continues above it); else nothing
// (version 0).
Result<RosterBase> ChooseRosterBase(const std::optional<RosterView>& kept,
                                    const std::optional<RosterView>& served,
                                    const std::optional<Bytes>& served_bytes,
                                    const crypto::Id& instance_id, bool adopt,
                                    uint64_t unread_version = 0);

// The successor of `base`: version + 1, prev_digest, expiry today + days
// (kInvalidArgument unless 1..kMaxRosterExpiryDays), the same entries.
Result<crypto::v2::Roster> SuccessorOf(const RosterBase& base, uint32_t expiry_days,
                                       uint32_t today);

// The difference a person confirms before signing: one line per entry
// added, retired, re-keyed or renamed.
std::vector<std::string> RosterDiff(const crypto::v2::Roster& before,
                                    const crypto::v2::Roster& after);

// Signs `next` and checks it is the successor of `base` (the chain rule of
// §6 against a v2 base; the version otherwise). The signed bytes.
Result<Bytes> SignSuccessor(const crypto::AdminKey& admin, const RosterBase& base,
                            crypto::v2::Roster next, const crypto::Id& instance_id);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_ROSTER_SIGNING_H_
