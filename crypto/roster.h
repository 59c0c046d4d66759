// The roster (crypto/PROTOCOL.md §6): the admin-signed list of reviewers.
//
// SignRoster produces the canonical encoding and verifies it before
// returning it. VerifyRoster is the only way to obtain a VerifiedRoster, so
// holding one proves every rule of §6 was checked against a pinned admin
// key; VerifyRosterAdvance adds the rollback rule.
#ifndef DOJAVA_CRYPTO_ROSTER_H_
#define DOJAVA_CRYPTO_ROSTER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "crypto/primitives.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

struct RosterEntry {
  Id reviewer_id{};
  Ed25519Public ed25519{};
  X25519Public x25519{};
  std::string name;  // UTF-8, 1..64 bytes, no control characters
};

struct Roster {
  Id instance_id{};
  uint64_t version = 0;
  std::vector<RosterEntry> entries;  // ascending by reviewer_id

  // The entry of a reviewer, or nullptr.
  const RosterEntry* Find(const Id& reviewer_id) const;
  const RosterEntry* FindByName(std::string_view name) const;
  const RosterEntry* FindByEd25519(const Ed25519Public& key) const;
};

// Encodes `roster` canonically (entries sorted by id here; the caller's order
// does not matter) and signs it with the admin's 64-byte Ed25519 secret key.
// kInvalidArgument if the roster breaks a rule of §6 (duplicate id, key or
// name, bad name, version 0, too many entries). The result is verified with
// `admin_public` before it is returned (kInternal if that fails: wrong key).
Result<Bytes> SignRoster(Roster roster, const SecretBytes& admin_secret64,
                         const Ed25519Public& admin_public);

// A roster that passed every rule of §6 against a pinned admin key. Only
// VerifyRoster makes one, so holding a VerifiedRoster proves the check ran;
// a plain Roster (input to SignRoster) proves nothing.
class VerifiedRoster {
 public:
  const Roster& roster() const { return roster_; }
  uint64_t version() const { return roster_.version; }
  const std::vector<RosterEntry>& entries() const { return roster_.entries; }
  const RosterEntry* Find(const Id& reviewer_id) const { return roster_.Find(reviewer_id); }
  // H(32, "dojava/v1/roster", bytes): what a client remembers (§6).
  const Bytes& digest() const { return digest_; }

 private:
  VerifiedRoster(Roster roster, Bytes digest)
      : roster_(std::move(roster)), digest_(std::move(digest)) {}
  friend Result<VerifiedRoster> VerifyRoster(ByteView, const Ed25519Public&, const Id&);
  Roster roster_;
  Bytes digest_;
};

// What a client remembers of the last roster it accepted (§6, rollback).
struct RosterState {
  uint64_t version = 0;  // 0: none seen yet
  Bytes digest;
};

// Parses and verifies signed roster bytes in the order of §6: structure
// (kMalformed / kUnsupportedVersion), signature against the pinned admin key
// (kBadSignature), rules (kMalformed), instance id (kMalformed).
Result<VerifiedRoster> VerifyRoster(ByteView signed_roster, const Ed25519Public& admin_public,
                                    const Id& instance_id);

// VerifyRoster, then the rollback rule against `seen` (kRollback). A client
// stores {version(), digest()} of the result as its new RosterState.
Result<VerifiedRoster> VerifyRosterAdvance(ByteView signed_roster,
                                           const Ed25519Public& admin_public, const Id& instance_id,
                                           const RosterState& seen);

// The author lookup of DecryptMessage (§8.3) over verified rosters, newest
// first: a reviewer removed since is still found in an older roster. The
// rosters must outlive the returned function.
std::function<std::optional<Ed25519Public>(const Id&)> AuthorsOf(
    std::vector<const VerifiedRoster*> rosters);

// The digest a client remembers of the last roster it accepted:
// H(32, "dojava/v1/roster", bytes).
Bytes RosterDigest(ByteView signed_roster);

// Rollback rule of §6: OK iff new_version > seen_version, or the versions are
// equal and the digests are equal; kRollback otherwise. A client that has
// never seen a roster passes seen_version = 0.
Status CheckRosterAdvance(uint64_t seen_version, ByteView seen_digest, uint64_t new_version,
                          ByteView new_digest);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_ROSTER_H_
