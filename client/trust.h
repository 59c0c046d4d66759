// Whom this machine trusts for one server (PROTOCOL §6, §12.1): the admin key
// pinned on first contact (from a fingerprint the person was given, a typed
// confirmation, or the admin's own key), and the roster verified against it
// and never rolled back.
//
// Not thread-safe (one Connection per thread).
#ifndef DOJAVA_CLIENT_TRUST_H_
#define DOJAVA_CLIENT_TRUST_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "client/api_client.h"
#include "client/connection.h"
#include "client/roster_view.h"
#include "crypto/primitives.h"

namespace dojava::client {

// What to do at first contact, when no admin key is pinned yet and no
// fingerprint was given.
enum class FirstContact {
  kRequireFingerprint,  // refuse (kBadSignature naming the served fingerprint)
  kConfirm,             // ask TrustOptions::confirm; refuse unless it says yes
  kTrustOnFirstUse,     // pin the served key (TrustedInstance::pinned_now tells)
};

struct TrustOptions {
  // The fingerprint the person was given (on paper, an onboarding file);
  // spaces, colons, dashes and case are ignored. Empty: none given.
  std::string admin_fingerprint;
  // Admin commands: the key of the admin's own key file, which the server's
  // key must equal. Not owned; may be null.
  const crypto::Ed25519Public* own_admin = nullptr;
  FirstContact first_contact = FirstContact::kRequireFingerprint;
  // Admin commands: read an expired v2 roster (to renew it). Nothing is
  // sealed or signed against it by anyone else.
  bool accept_expired_roster = false;
  // The roster version of the published address (`rv`, PROTOCOL §12.1): a
  // roster older than it is a rollback even on first contact, when there is
  // no remembered roster (§6). 0: none given.
  uint64_t roster_floor = 0;
  // For kConfirm: shows the fingerprint, true if the person confirmed it.
  std::function<bool(const std::string& fingerprint)> confirm;
};

// The instance as fetched, with its roster verified against the pinned key.
struct TrustedInstance {
  InstanceInfo info;
  std::optional<RosterView> roster;  // nullopt: no roster installed yet
  // The admin key was pinned by this call (first contact).
  bool pinned_now = false;
};

// GET /api/v1/instance, then: the served admin key must match the
// fingerprint if one is given, and equal `own_admin`, else the pinned key;
// with neither, a given fingerprint pins it, else first contact is handled
// as `first_contact` says; the roster (v1 or v2, by its version byte) must
// verify against that key, not be expired (v2), and continue what this
// machine accepted before (AcceptRoster), and is then remembered.
// Errors: the instance fetch's (kIoError, server errors) prefixed
// "cannot read the instance"; kBadSignature for any key or signature
// mismatch, an invalid roster or a refused first contact; kExpired;
// kRollback; kBrokenChain; local state errors.
Result<TrustedInstance> FetchTrustedInstance(Connection& conn, const TrustOptions& options);

// §6 for a roster served by `conn`'s server: verified against `admin`
// (v2: expiry against today), then, against the roster this machine
// accepted last (kept in the state store): v1 never after v2 and never
// older (kRollback); v2 after v2 by the chain rule, with the intermediate
// rosters fetched from GET /api/v1/rosters when versions were skipped (a
// server without that route leaves the continuity checks alone); v2 after
// v1 only with a higher version. The accepted roster is remembered.
// `accept_expired`: skip §6 step 5 (admin commands only). `floor`: a roster
// below this version is kRollback (§6, the `rv` of the published address).
Result<RosterView> AcceptRoster(Connection& conn, const crypto::Ed25519Public& admin,
                                const crypto::Id& instance_id, ByteView signed_roster,
                                bool accept_expired = false, uint64_t floor = 0);

// True if two fingerprint texts name the same key (separators and case ignored).
bool SameFingerprint(std::string_view a, std::string_view b);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_TRUST_H_
