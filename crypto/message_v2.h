// Message records, version 2 (crypto/PROTOCOL.md §8): the conversation
// (under a key derived from the case key) and reviewer-only events (from the
// notes key), each committing to its key (kc in the header, bound in the
// additional data), padded to size buckets, and signed inside the encryption
// by a reviewer or by the source with the key its receipt gives.
// Version 1 records are refused (kUnsupportedVersion, §16).
#ifndef DOJAVA_CRYPTO_MESSAGE_V2_H_
#define DOJAVA_CRYPTO_MESSAGE_V2_H_

#include <cstdint>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::crypto::v2 {

// kc = KDF(key, "dojava/v2/message/commit"): the public commitment to CK or
// NK that every record, anchor and genesis carries (§8.1). `key` must be 32
// bytes (aborts otherwise: a programming error).
Digest KeyCommitment(const SecretBytes& key);

// event_hash = H(32, "dojava/v2/event", record) (§8.4).
Digest EventHash(ByteView record);

// Who writes and signs a record (§8.3).
struct Signer {
  uint8_t author = protocol::kAuthorSource;  // or kAuthorReviewer
  Id reviewer_id{};                          // author 1 only
  Ed25519Public source_public{};             // author 0 only: source_sign_pk, written in the record
  const SecretBytes* secret_key = nullptr;   // the signer's 64-byte Ed25519 secret; not owned
};

// The signed context of a record (§8.3, §8.4).
struct EventContext {
  uint64_t roster_version = 0;  // the newest roster the writer accepted, >= 1
  uint32_t day = 0;             // the writer's day
  Digest prev{};                // event hash of the last record the writer accepted; zero for #1
};

// What anyone, the server included, can check without a key.
struct MessageHeader {
  uint8_t kind = 0;
  Id case_id{};
  Id message_id{};
  Digest key_commitment{};
  size_t padded_size = 0;  // the bucket
};

// Version, lengths, kind and bucket (kUnsupportedVersion / kMalformed).
Result<MessageHeader> ParseMessageHeader(ByteView record);

// The largest body an author can send (§8.3): 524143 for the source, 524159
// for a reviewer.
size_t MaxBodySize(uint8_t author);

// Encrypts and signs `body`. kind 1 takes CK, kind 2 NK (and a reviewer).
// kInvalidArgument for a bad key, kind, signer, context or a body too large.
Result<Bytes> EncryptMessage(const SecretBytes& key, uint8_t kind, const Id& case_id,
                             const Id& message_id, ByteView body, const Signer& signer,
                             const EventContext& context);

struct OpenedMessage {
  uint8_t kind = 0;
  Id message_id{};
  uint8_t author = 0;
  Id reviewer_id{};               // author 1; zero for the source
  Ed25519Public source_public{};  // author 0; zero for a reviewer
  EventContext context;
  Digest event_hash{};
  SecretBytes body;
};

// Keys of one case, as far as the reader holds them (not owned).
struct CaseKeys {
  const SecretBytes* case_key = nullptr;   // CK
  const SecretBytes* notes_key = nullptr;  // NK (only after its genesis checked, §7.2)
};

// Every check of §8.1-8.3 in order: structure, case id (kMalformed), a key
// for the kind (kInvalidArgument if the reader has none), the key commitment
// (kWrongKey), AEAD (kDecryptFailed), padding and inner layout (kMalformed),
// then for a reviewer the author on `roster` (kUnknownAuthor), the signature
// (kBadSignature) and retirement (kRetiredAuthor); for the source the
// signature with the key in the record (kBadSignature). Whether that key is
// the source's is §8.4's check (case_order.h).
Result<OpenedMessage> DecryptMessage(ByteView record, const Id& case_id, const CaseKeys& keys,
                                     const VerifiedRoster& roster);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_MESSAGE_V2_H_
