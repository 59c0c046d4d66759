// The roster (crypto/PROTOCOL.md §6): the admin-signed list of reviewers.
//
// SignRoster produces the canonical encoding and verifies it before
// returning it; VerifyRoster is the only way to obtain a Roster from bytes,
// so a Roster value in memory has always passed every rule of §6.
#ifndef DOJAVA_CRYPTO_ROSTER_H_
#define DOJAVA_CRYPTO_ROSTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/bytes.h"
#include "crypto/primitives.h"
#include "crypto/secret_bytes.h"
#include "crypto/status.h"

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

// Parses and verifies signed roster bytes in the order of §6: structure
// (kMalformed / kUnsupportedVersion), signature against the pinned admin key
// (kBadSignature), rules (kMalformed), instance id (kMalformed).
Result<Roster> VerifyRoster(ByteView signed_roster, const Ed25519Public& admin_public,
                            const Id& instance_id);

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
