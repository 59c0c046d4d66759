// The signed case delete (crypto/PROTOCOL.md §8.6): a reviewer who holds a
// case's key signs that the case be deleted, so a stolen bearer token alone
// (or a server that wants a case gone "by request") cannot destroy a case.
#ifndef DOJAVA_CRYPTO_CASE_DELETE_H_
#define DOJAVA_CRYPTO_CASE_DELETE_H_

#include <cstdint>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::crypto::v2 {

struct CaseDelete {
  Id case_id{};
  Id reviewer_id{};
  uint32_t day = 0;  // the signer's day (§1)
};

// version(2) || case_id || reviewer_id || u32 day || signature: 101 bytes.
// kInvalidArgument for a signing key of the wrong size.
Result<Bytes> MakeCaseDelete(const CaseDelete& statement, const SecretBytes& reviewer_secret64);

// The structural checks of §8.6: version (kUnsupportedVersion), length 101
// and case id (kMalformed). Returns the statement's fields, unverified.
Result<CaseDelete> ParseCaseDelete(ByteView statement, const Id& case_id);
// The signature of a parsed statement with `signer`'s Ed25519 key (kBadSignature).
Status VerifyCaseDeleteSignature(ByteView statement, const Ed25519Public& signer);
// The day rule of §8.6: kExpired unless |day - today| <= kCaseDeleteDayWindow.
Status CheckCaseDeleteDay(uint32_t day, uint32_t today);

// §8.6 in order: version (kUnsupportedVersion); length 101 (kMalformed); case
// id (kMalformed); the reviewer on `roster` (kUnknownAuthor); the signature
// (kBadSignature); the reviewer active on `roster` (kRetiredAuthor); `day`
// within kCaseDeleteDayWindow of `today` (kExpired). Returns the statement.
Result<CaseDelete> CheckCaseDelete(ByteView statement, const Id& case_id,
                                   const VerifiedRoster& roster, uint32_t today);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_CASE_DELETE_H_
