// The notes-key genesis (crypto/PROTOCOL.md §7.2): the statement, signed by
// a reviewer who holds the case key, that creates a case's notes key. Readers
// refuse a notes key without a valid genesis, so neither the server nor a
// reviewer without CK can plant one.
#ifndef DOJAVA_CRYPTO_NOTES_GENESIS_H_
#define DOJAVA_CRYPTO_NOTES_GENESIS_H_

#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::crypto::v2 {

struct NotesGenesis {
  Id case_id{};
  Id creator{};
  uint64_t roster_version = 0;
  std::vector<Id> recipients;  // strictly ascending, the creator among them
};

// Builds and signs the genesis of `notes_key` for a case whose key is
// `case_key` (recipients are sorted here). kInvalidArgument for keys of the
// wrong size, no recipients, duplicates, more than 1000, or a creator not
// among them.
Result<Bytes> MakeNotesGenesis(NotesGenesis genesis, const SecretBytes& case_key,
                               const SecretBytes& notes_key, const SecretBytes& creator_secret64);

// What the server can check without CK or NK (§12.4): every step of
// CheckNotesGenesis up to the creator's retirement; returns the statement.
Result<NotesGenesis> VerifyNotesGenesisSignature(ByteView genesis, const Id& case_id,
                                                 const VerifiedRoster& roster);

// §7.2 in order: version (kUnsupportedVersion); length, count, order, creator
// among the recipients (kMalformed); case id (kMalformed); creator on `roster`
// (kUnknownAuthor); signature (kBadSignature); creator active at the genesis'
// roster version (kRetiredAuthor); ck_proof with the reader's CK (kWrongKey);
// nk_commit against the NK the reader opened (kWrongKey).
Result<NotesGenesis> CheckNotesGenesis(ByteView genesis, const Id& case_id,
                                       const SecretBytes& case_key, const SecretBytes& notes_key,
                                       const VerifiedRoster& roster);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_NOTES_GENESIS_H_
