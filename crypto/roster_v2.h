// The roster, version 2 (crypto/PROTOCOL.md §6): the admin-signed list of
// reviewers with an expiry day, the digest of its predecessor (a chain),
// retired (verify-only) entries and an encryption-key epoch per reviewer.
//
// SignRoster produces the canonical encoding and verifies it before
// returning it. VerifyRoster is the only way to obtain a VerifiedRoster, so
// holding one proves every rule of §6 steps 1-5 was checked against a pinned
// admin key; CheckRosterChain adds the chain rule against what a client
// remembers. Version 1 rosters are refused (kUnsupportedVersion, §16).
#ifndef DOJAVA_CRYPTO_ROSTER_V2_H_
#define DOJAVA_CRYPTO_ROSTER_V2_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"

namespace dojava::crypto::v2 {

using Digest = std::array<uint8_t, protocol::kDigestSize>;

struct RosterEntry {
  Id reviewer_id{};
  uint64_t retired_at = 0;  // 0: active; else the roster version that retired it
  uint32_t key_epoch = 1;   // >= 1: the epoch of x25519 (§5.1)
  Ed25519Public ed25519{};
  X25519Public x25519{};
  std::string name;  // UTF-8, 1..64 bytes, no control or invisible characters

  bool active() const { return retired_at == 0; }
  // True if an event signed under `roster_version` counts (§8.3): the entry
  // is active, or the version is before its retirement.
  bool ActiveAt(uint64_t roster_version) const {
    return retired_at == 0 || roster_version < retired_at;
  }
};

struct Roster {
  Id instance_id{};
  uint64_t version = 0;
  uint32_t expires_day = 0;          // the last day on which the roster may be accepted
  Digest prev_digest{};              // all zero iff version == 1
  std::vector<RosterEntry> entries;  // ascending by reviewer_id, retired ones included

  // The entry of a reviewer (active or retired), or nullptr.
  const RosterEntry* Find(const Id& reviewer_id) const;
  // The entry holding this Ed25519 key: how a reviewer learns its own id (§5.4).
  const RosterEntry* FindByEd25519(const Ed25519Public& key) const;
};

// digest = H(32, "dojava/v2/roster/digest", every byte of the signed roster).
Digest RosterDigest(ByteView signed_roster);

// Encodes `roster` canonically (entries sorted by id here) and signs it with
// the admin's 64-byte Ed25519 secret key. kInvalidArgument if the roster
// breaks a rule of §6 step 3. The result is verified with `admin_public`
// (steps 1-4; not the expiry, which depends on the reader's day) before it is
// returned (kInternal if that fails: wrong key).
Result<Bytes> SignRoster(Roster roster, const SecretBytes& admin_secret64,
                         const Ed25519Public& admin_public);

// A roster that passed §6 steps 1-5 against a pinned admin key.
class VerifiedRoster {
 public:
  const Roster& roster() const { return roster_; }
  uint64_t version() const { return roster_.version; }
  const std::vector<RosterEntry>& entries() const { return roster_.entries; }
  const RosterEntry* Find(const Id& reviewer_id) const { return roster_.Find(reviewer_id); }
  const Digest& digest() const { return digest_; }

 private:
  VerifiedRoster(Roster roster, Digest digest) : roster_(std::move(roster)), digest_(digest) {}
  friend Result<VerifiedRoster> VerifyRoster(ByteView, const Ed25519Public&, const Id&,
                                             std::optional<uint32_t>);
  Roster roster_;
  Digest digest_;
};

// §6 steps 1-5 in order: structure (kUnsupportedVersion / kMalformed),
// signature (kBadSignature), rules (kMalformed), instance (kMalformed),
// expiry against `today` (kExpired). `today` = nullopt skips step 5: only for
// looking up the authors of events already written (§8.3), never to accept a
// roster as current.
Result<VerifiedRoster> VerifyRoster(ByteView signed_roster, const Ed25519Public& admin_public,
                                    const Id& instance_id, std::optional<uint32_t> today);

// The chain rule of §6 from `seen` (the last accepted roster) to `next`:
// kRollback for an older version or a fork, kBrokenChain for a successor whose
// prev_digest is not seen's digest or for a break of continuity. `between`
// holds the verified intermediate rosters seen.version+1 .. next.version-1 in
// order, when the client has them (each link is then checked); it may be empty.
// A client remembers the whole last accepted roster: continuity needs its
// entries, not only its version and digest.
Status CheckRosterChain(const VerifiedRoster& seen, const VerifiedRoster& next,
                        const std::vector<const VerifiedRoster*>& between = {});

// The floor of a stateless client (§12.1, `rv` of the published address):
// kRollback if version < floor.
Status CheckRosterFloor(const VerifiedRoster& roster, uint64_t floor);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_ROSTER_V2_H_
