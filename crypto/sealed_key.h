// Sealed case and notes keys (crypto/PROTOCOL.md §7): a 32-byte key sealed
// to one recipient's X25519 public key, bound to its role and case.
#ifndef DOJAVA_CRYPTO_SEALED_KEY_H_
#define DOJAVA_CRYPTO_SEALED_KEY_H_

#include <cstdint>

#include "base/bytes.h"
#include "crypto/primitives.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

// Seals `key` (32 bytes) for `recipient_public` in `role` (kRoleCaseKey or
// kRoleNotesKey) of `case_id`. Returns the 82-byte record.
// kInvalidArgument for a bad key size or role; kDecryptFailed if the
// recipient key is a low-order point (no key can be sealed to it).
Result<Bytes> SealKey(const SecretBytes& key, uint8_t role, const Id& case_id,
                      const X25519Public& recipient_public);

// Opens an 82-byte record sealed to (recipient_secret, recipient_public) for
// `role` of `case_id`. kMalformed (size, role), kUnsupportedVersion,
// kDecryptFailed (not for this recipient, case or role; tampered).
Result<SecretBytes> OpenSealedKey(ByteView record, uint8_t role, const Id& case_id,
                                  const SecretBytes& recipient_secret,
                                  const X25519Public& recipient_public);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_SEALED_KEY_H_
