// Message records (crypto/PROTOCOL.md §8): the conversation (under the case
// key) and reviewer-only events (under the notes key), padded to size
// buckets, with reviewer signatures inside the encryption.
#ifndef DOJAVA_CRYPTO_MESSAGE_H_
#define DOJAVA_CRYPTO_MESSAGE_H_

#include <cstdint>
#include <functional>
#include <optional>

#include "base/bytes.h"
#include "crypto/primitives.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

// Who writes a message: the source (no signer) or a reviewer, who signs.
struct ReviewerSigner {
  Id reviewer_id{};
  const SecretBytes* ed25519_secret = nullptr;  // 64 bytes; not owned
};

// The structural part of a record that anyone, the server included, can check
// without a key.
struct MessageHeader {
  uint8_t kind = 0;  // kKindConversation or kKindNotes
  Id case_id{};
  Id message_id{};
  size_t padded_size = 0;  // the bucket
};

// Checks version, kind, lengths and that the ciphertext is a bucket size plus
// the tag. kUnsupportedVersion / kMalformed. Never decrypts.
Result<MessageHeader> ParseMessageHeader(ByteView record);

// The bucket of §8.2 for an inner plaintext of `inner_size` bytes, or 0 if it
// is too large to send.
size_t PaddedSize(size_t inner_size);

// The largest body that fits, for a source / a reviewer.
size_t MaxBodySize(bool signed_by_reviewer);

// Encrypts `body` for `case_id`. kind must be kKindConversation (key = CK) or
// kKindNotes (key = NK, and signer is required). signer == nullptr means the
// source writes. kInvalidArgument for a bad key, kind, missing signer or a
// body too large for the largest bucket.
Result<Bytes> EncryptMessage(const SecretBytes& key, uint8_t kind, const Id& case_id,
                             const Id& message_id, ByteView body, const ReviewerSigner* signer);

struct OpenedMessage {
  uint8_t kind = 0;
  Id message_id{};
  uint8_t author = 0;  // kAuthorSource or kAuthorReviewer
  Id reviewer_id{};    // zero for the source
  SecretBytes body;
};

// Keys of one case, as far as the reader holds them (not owned).
struct CaseKeys {
  const SecretBytes* case_key = nullptr;   // CK
  const SecretBytes* notes_key = nullptr;  // NK
};

// Returns the Ed25519 public key of a reviewer id on a verified roster, or
// nullopt if the reader knows no such reviewer.
using AuthorKeyLookup = std::function<std::optional<Ed25519Public>(const Id& reviewer_id)>;

// Decrypts and authenticates one record of case `case_id` following every
// MUST of §8: structure (kMalformed, kUnsupportedVersion), case id
// (kMalformed), a key for the record's kind (kInvalidArgument if the reader
// has none), AEAD (kDecryptFailed), padding and inner layout (kMalformed),
// notes written by a reviewer only (kMalformed), the author on a roster
// (kUnknownAuthor) and the signature (kBadSignature).
Result<OpenedMessage> DecryptMessage(ByteView record, const Id& case_id, const CaseKeys& keys,
                                     const AuthorKeyLookup& lookup);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_MESSAGE_H_
