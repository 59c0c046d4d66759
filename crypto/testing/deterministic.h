// Entry points that take the randomness of a construction from the caller.
// They exist only to generate and check test vectors (tests/vectors/):
// reusing a nonce, an ephemeral secret or a salt breaks the construction.
//
// Production code never includes this header: tests/crypto/layering_test
// fails if anything under service/, cli/ or static/ does.
#ifndef DOJAVA_CRYPTO_TESTING_DETERMINISTIC_H_
#define DOJAVA_CRYPTO_TESTING_DETERMINISTIC_H_

#include "crypto/admin_key.h"
#include "crypto/key_file.h"
#include "crypto/message.h"
#include "crypto/message_v2.h"
#include "crypto/reviewer_key.h"
#include "crypto/sealed_key.h"
#include "crypto/source_key_wrap.h"
#include "crypto/statement_envelope.h"

namespace dojava::crypto {

// The same with a caller-chosen nonce: only for generating test vectors.
Result<Bytes> EncryptMessageWithNonce(const SecretBytes& key, uint8_t kind, const Id& case_id,
                                      const Id& message_id, ByteView body,
                                      const ReviewerSigner* signer, ByteView nonce24);

// The same with a caller-chosen ephemeral secret. Only for generating test
// vectors: reusing an ephemeral secret breaks the construction.
Result<Bytes> SealKeyWithEphemeral(const SecretBytes& key, uint8_t role, const Id& case_id,
                                   const X25519Public& recipient_public,
                                   const SecretBytes& ephemeral_secret);

// WrapSourceKey with the caller's r (32 bytes). Only for generating test
// vectors: reusing r with the same source_wrap reuses the (key, zero nonce) pair.
Result<Bytes> WrapSourceKeyWithRandom(const SecretBytes& key, uint8_t role, const Id& case_id,
                                      const SecretBytes& source_wrap, ByteView r32);

// SealKeyFile with the caller's salt (16 bytes) and nonce (24 bytes), for test
// vectors only: reusing a salt and nonce with the same passphrase is unsafe.
Result<Bytes> SealKeyFile(KeyKind kind, const SecretBytes& seed, const SecretBytes& passphrase,
                          KeyFileParams params, ByteView salt16, ByteView nonce24);

// Sign(sk, label, message) with a key object's Ed25519 key, whatever the
// label: for vectors and tests of the derivation only.
Signature SignAnyLabelForTesting(const ReviewerKey& key, std::string_view label, ByteView message);
Signature SignAnyLabelForTesting(const AdminKey& key, std::string_view label, ByteView message);

}  // namespace dojava::crypto

namespace dojava::crypto::v2 {

// v2::EncryptMessage with a caller-chosen nonce: only for test vectors.
Result<Bytes> EncryptMessageWithNonce(const SecretBytes& key, uint8_t kind, const Id& case_id,
                                      const Id& message_id, ByteView body, const Signer& signer,
                                      const EventContext& context, ByteView nonce24);

// SealStatement (§7.4) with a caller-chosen 24-byte nonce: only for test
// vectors (a reused nonce under one CK breaks the construction).
Result<Bytes> SealStatementWithNonce(const SecretBytes& case_key, uint8_t type, const Id& case_id,
                                     ByteView statement, ByteView nonce24);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_TESTING_DETERMINISTIC_H_
