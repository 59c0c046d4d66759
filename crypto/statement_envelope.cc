#include "crypto/statement_envelope.h"

#include <sodium.h>

#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto::v2 {
namespace {
namespace p = protocol;

SecretBytes StatementKey(const SecretBytes& case_key) {
  return Kdf(case_key.reveal(), p::kLabelStatementKey);
}

// L("dojava/v2/statement") || header || case_id
Bytes AdditionalData(ByteView header, const Id& case_id) {
  Bytes ad = Label(p::kLabelStatement);
  ad.insert(ad.end(), header.begin(), header.end());
  ad.insert(ad.end(), case_id.begin(), case_id.end());
  return ad;
}

}  // namespace

bool IsStatementSize(uint8_t type, size_t statement_size) {
  switch (type) {
    case p::kStatementGenesis:
      return statement_size >= p::kMinGenesisSize && statement_size <= p::kMaxGenesisSize &&
             (statement_size - p::kGenesisFixedSize) % p::kIdSize == 0;
    case p::kStatementAnchor:
      return statement_size == p::kCkAnchorSize;
    case p::kStatementRekey:
      return statement_size == p::kRekeySize;
    default:
      return false;
  }
}

Result<StatementEnvelopeHeader> ParseStatementEnvelope(ByteView envelope, uint8_t expected_type) {
  if (envelope.empty()) return Status(Code::kMalformed, "empty statement envelope");
  if (envelope[0] != p::kVersion2) {
    return Status(Code::kUnsupportedVersion, "unknown statement envelope version");
  }
  if (envelope.size() < p::EnvelopeSize(0)) {
    return Status(Code::kMalformed, "statement envelope too short");
  }
  StatementEnvelopeHeader h;
  h.type = envelope[1];
  if (h.type < p::kStatementGenesis || h.type > p::kStatementRekey) {
    return Status(Code::kMalformed, "unknown statement type");
  }
  if (h.type != expected_type) return Status(Code::kMalformed, "a statement of another type");
  h.statement_size = envelope.size() - p::EnvelopeSize(0);
  if (!IsStatementSize(h.type, h.statement_size)) {
    return Status(Code::kMalformed, "statement envelope length");
  }
  std::copy(envelope.begin() + 2, envelope.begin() + 2 + p::kCommitSize, h.key_commitment.begin());
  return h;
}

Result<Bytes> SealStatementWithNonce(const SecretBytes& case_key, uint8_t type, const Id& case_id,
                                     ByteView statement, ByteView nonce24) {
  if (case_key.size() != p::kKeySize || nonce24.size() != p::kAeadNonceSize ||
      !IsStatementSize(type, statement.size())) {
    return Status(Code::kInvalidArgument, "statement envelope: bad key, nonce, type or size");
  }
  Bytes out;
  ByteWriter w(&out);
  w.U8(p::kVersion2);
  w.U8(type);
  w.Raw(KeyCommitment(case_key));
  w.Raw(nonce24);
  const Bytes ad = AdditionalData(out, case_id);
  const SecretBytes sk = StatementKey(case_key);
  w.Raw(AeadSeal(sk.reveal(), nonce24, ad, statement));
  return out;
}

Result<Bytes> SealStatement(const SecretBytes& case_key, uint8_t type, const Id& case_id,
                            ByteView statement) {
  Bytes nonce(p::kAeadNonceSize);
  randombytes_buf(nonce.data(), nonce.size());
  return SealStatementWithNonce(case_key, type, case_id, statement, nonce);
}

Result<OpenedStatement> OpenStatement(ByteView envelope, uint8_t expected_type, const Id& case_id,
                                      const std::vector<const SecretBytes*>& case_keys) {
  DOJAVA_ASSIGN_OR_RETURN(StatementEnvelopeHeader h,
                          ParseStatementEnvelope(envelope, expected_type));
  for (size_t i = 0; i < case_keys.size(); ++i) {
    const SecretBytes* key = case_keys[i];
    if (key == nullptr || key->size() != p::kKeySize) continue;
    const Digest kc = KeyCommitment(*key);
    if (sodium_memcmp(kc.data(), h.key_commitment.data(), kc.size()) != 0) continue;
    const ByteView header = envelope.first(p::kEnvelopeHeaderSize);
    const ByteView nonce = header.last(p::kAeadNonceSize);
    DOJAVA_ASSIGN_OR_RETURN(SecretBytes plain, AeadOpen(StatementKey(*key).reveal(), nonce,
                                                        AdditionalData(header, case_id),
                                                        envelope.subspan(p::kEnvelopeHeaderSize)));
    OpenedStatement out;
    out.statement.assign(plain.reveal().begin(), plain.reveal().end());
    out.key_index = i;
    return out;
  }
  return Status(Code::kWrongKey, "a statement sealed under a case key this reader does not hold");
}

Result<OpenedStatement> OpenStatement(ByteView envelope, uint8_t expected_type, const Id& case_id,
                                      const SecretBytes& case_key) {
  return OpenStatement(envelope, expected_type, case_id,
                       std::vector<const SecretBytes*>{&case_key});
}

}  // namespace dojava::crypto::v2
