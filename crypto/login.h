// Reviewer login signatures (crypto/PROTOCOL.md §10).
#ifndef DOJAVA_CRYPTO_LOGIN_H_
#define DOJAVA_CRYPTO_LOGIN_H_

#include "base/bytes.h"
#include "crypto/primitives.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

inline constexpr size_t kLoginChallengeSize = 32;

// Sign(ed25519_secret, "dojava/v1/login", instance_id || reviewer_id || challenge).
// kInvalidArgument for a challenge that is not 32 bytes or a bad key size.
Result<Signature> SignLogin(const SecretBytes& ed25519_secret64, const Id& instance_id,
                            const Id& reviewer_id, ByteView challenge);

// kMalformed for bad sizes, kBadSignature if it does not verify.
Status VerifyLogin(const Ed25519Public& reviewer_public, const Id& instance_id,
                   const Id& reviewer_id, ByteView challenge, ByteView signature);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_LOGIN_H_
