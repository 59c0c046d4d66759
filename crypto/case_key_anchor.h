// The case-key anchor (crypto/PROTOCOL.md §8.5): the first reviewer to open a
// case signs a commitment to its CK, which later openers check, so a server
// cannot show a reviewer a fabricated case under a real id with a key of its
// own.
#ifndef DOJAVA_CRYPTO_CASE_KEY_ANCHOR_H_
#define DOJAVA_CRYPTO_CASE_KEY_ANCHOR_H_

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::crypto::v2 {

// version(2) || case_id || reviewer_id || KDF(CK, commit) || signature: 129
// bytes. kInvalidArgument for a key or secret of the wrong size.
Result<Bytes> MakeCaseKeyAnchor(const Id& case_id, const Id& reviewer_id,
                                const SecretBytes& case_key, const SecretBytes& reviewer_secret64);

// What the server can check without CK (defence in depth, §12.4): version
// (kUnsupportedVersion), length and case id (kMalformed), the reviewer on
// `roster` (kUnknownAuthor), the signature (kBadSignature). Returns the
// anchoring reviewer's id.
Result<Id> VerifyCaseKeyAnchorSignature(ByteView anchor, const Id& case_id,
                                        const VerifiedRoster& roster);

// §8.5 in order: version (kUnsupportedVersion), length (kMalformed), case id
// (kMalformed), the reviewer on `roster` (kUnknownAuthor), the signature
// (kBadSignature), the commitment against the reader's CK (kWrongKey).
// Returns the anchoring reviewer's id.
Result<Id> CheckCaseKeyAnchor(ByteView anchor, const Id& case_id, const SecretBytes& case_key,
                              const VerifiedRoster& roster);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_CASE_KEY_ANCHOR_H_
