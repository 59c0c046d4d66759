// The re-key statement (crypto/PROTOCOL.md §7.3): a reviewer moves a case to
// a new case key CK' and reaches the source through a key sealed to the stored
// source_pk, which only a signature the server cannot make authenticates.
#ifndef DOJAVA_CRYPTO_REKEY_H_
#define DOJAVA_CRYPTO_REKEY_H_

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::crypto::v2 {

struct RekeyStatement {
  Id case_id{};
  Id reviewer_id{};
  Digest old_commit{};
  Digest new_commit{};
  Bytes source_seal;  // 82 bytes: CK' sealed (§7) to source_pk, role CK
  uint64_t roster_version = 0;
};

// Builds and signs a statement moving `case_id` from `old_key` to `new_key`;
// `source_seal` is SealKey(new_key, kRoleCaseKey, case_id, source_pk).
// kInvalidArgument for sizes or roster version 0.
Result<Bytes> MakeRekey(const Id& case_id, const Id& reviewer_id, const SecretBytes& old_key,
                        const SecretBytes& new_key, ByteView source_seal, uint64_t roster_version,
                        const SecretBytes& reviewer_secret64);

// What the server can check without CK (§12.4): every step of CheckRekey up
// to the reviewer's retirement; returns the statement.
Result<RekeyStatement> VerifyRekeySignature(ByteView statement, const Id& case_id,
                                            const VerifiedRoster& roster);

// §7.3 in order: version (kUnsupportedVersion), length 251 (kMalformed), case
// id (kMalformed), reviewer on `roster` (kUnknownAuthor), signature
// (kBadSignature), reviewer active at the statement's roster version
// (kRetiredAuthor), old_commit against the key the reader holds (kWrongKey).
Result<RekeyStatement> CheckRekey(ByteView statement, const Id& case_id,
                                  const SecretBytes& held_key, const VerifiedRoster& roster);

// The source's side, after CheckRekey: opens source_seal with source_sk and
// checks new_commit (kWrongKey). OpenSealedKey's errors otherwise.
Result<SecretBytes> OpenRekeyForSource(const RekeyStatement& statement,
                                       const SecretBytes& source_secret,
                                       const X25519Public& source_public);

// A reviewer's side, after CheckRekey: the CK' sealed to it matches
// new_commit (kWrongKey otherwise).
Status CheckRekeyNewKey(const RekeyStatement& statement, const SecretBytes& new_key);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_REKEY_H_
