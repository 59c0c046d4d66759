// Statement envelopes (crypto/PROTOCOL.md §7.4): the notes-key genesis
// (§7.2), case-key anchors (§8.5) and re-key statements (§7.3) travel to and
// rest on the server sealed under a key derived from the case key they are
// about, so a seized database does not show which reviewer created notes,
// first opened a case or re-keyed it. The server checks only the envelope's
// version, type and length (ParseStatementEnvelope); readers pick their CK by
// the envelope's key commitment, open it, then run the statement's own checks.
#ifndef DOJAVA_CRYPTO_STATEMENT_ENVELOPE_H_
#define DOJAVA_CRYPTO_STATEMENT_ENVELOPE_H_

#include <cstdint>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::crypto::v2 {

// What anyone, the server included, can check without a key.
struct StatementEnvelopeHeader {
  uint8_t type = 0;           // kStatementGenesis, kStatementAnchor or kStatementRekey
  Digest key_commitment{};    // kc of the CK the envelope is sealed under
  size_t statement_size = 0;  // the sealed statement's length
};

// Whether `statement_size` is a length the statement of `type` can have
// (genesis 171 + 16n with 1 <= n <= 1000, anchor 129, re-key 251).
bool IsStatementSize(uint8_t type, size_t statement_size);

// §7.4 steps 1-3: version (kUnsupportedVersion; empty: kMalformed), then the
// type is 1..3, equals `expected_type`, and the length fits that type
// (kMalformed).
Result<StatementEnvelopeHeader> ParseStatementEnvelope(ByteView envelope, uint8_t expected_type);

// Seals `statement` (of a length IsStatementSize accepts for `type`) about
// case `case_id` under `case_key` (32 bytes) with a random nonce.
// kInvalidArgument for a bad type, size or key.
Result<Bytes> SealStatement(const SecretBytes& case_key, uint8_t type, const Id& case_id,
                            ByteView statement);

// An opened envelope: the statement and which of the reader's keys opened it.
struct OpenedStatement {
  Bytes statement;
  size_t key_index = 0;  // index into the `case_keys` given to OpenStatement
};

// §7.4 in order: ParseStatementEnvelope's checks; a key among `case_keys`
// (the CKs the reader holds, each 32 bytes; null entries are skipped) whose
// commitment equals kc (kWrongKey: "sealed under a case key you do not
// hold"); AEAD open with the case id bound (kDecryptFailed). The statement's
// own checks (§7.2, §7.3, §8.5) are the caller's next step.
Result<OpenedStatement> OpenStatement(ByteView envelope, uint8_t expected_type, const Id& case_id,
                                      const std::vector<const SecretBytes*>& case_keys);

// The same for a reader that holds one CK.
Result<OpenedStatement> OpenStatement(ByteView envelope, uint8_t expected_type, const Id& case_id,
                                      const SecretBytes& case_key);

}  // namespace dojava::crypto::v2

#endif  // DOJAVA_CRYPTO_STATEMENT_ENVELOPE_H_
