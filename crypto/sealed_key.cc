#include "crypto/sealed_key.h"

#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto {
namespace {

namespace p = protocol;

bool KnownRole(uint8_t role) { return role == p::kRoleCaseKey || role == p::kRoleNotesKey; }

// k = BLAKE2b(key = ss, message = L("dojava/v1/seal/key") || epk || pk, 32)
SecretBytes SealingKey(const SecretBytes& shared, const X25519Public& epk,
                       const X25519Public& recipient) {
  Bytes msg = Label(p::kLabelSealKey);
  msg.insert(msg.end(), epk.begin(), epk.end());
  msg.insert(msg.end(), recipient.begin(), recipient.end());
  return KeyedHash(shared.reveal(), msg);
}

Bytes AdditionalData(uint8_t role, const Id& case_id, const X25519Public& recipient) {
  Bytes ad = Label(p::kLabelSealAd);
  ByteWriter w(&ad);
  w.U8(p::kVersion);
  w.U8(role);
  w.Raw(case_id);
  w.Raw(recipient);
  return ad;
}

const uint8_t kZeroNonce[p::kAeadNonceSize] = {};

}  // namespace

Result<Bytes> SealKey(const SecretBytes& key, uint8_t role, const Id& case_id,
                      const X25519Public& recipient_public) {
  return SealKeyWithEphemeral(key, role, case_id, recipient_public, SecretBytes::Random(32));
}

Result<Bytes> SealKeyWithEphemeral(const SecretBytes& key, uint8_t role, const Id& case_id,
                                   const X25519Public& recipient_public,
                                   const SecretBytes& ephemeral_secret) {
  if (key.size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "a sealed key must be 32 bytes");
  if (!KnownRole(role)) return Status(Code::kInvalidArgument, "unknown key role");
  if (ephemeral_secret.size() != 32)
    return Status(Code::kInvalidArgument, "ephemeral secret must be 32 bytes");
  const X25519Public epk = X25519Base(ephemeral_secret.reveal());
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes shared,
                          X25519Shared(ephemeral_secret.reveal(), recipient_public));
  const SecretBytes k = SealingKey(shared, epk, recipient_public);
  Bytes out;
  out.reserve(p::kSealedKeySize);
  ByteWriter w(&out);
  w.U8(p::kVersion);
  w.U8(role);
  w.Raw(epk);
  w.Raw(AeadSeal(k.reveal(), kZeroNonce, AdditionalData(role, case_id, recipient_public),
                 key.reveal()));
  return out;
}

Result<SecretBytes> OpenSealedKey(ByteView record, uint8_t role, const Id& case_id,
                                  const SecretBytes& recipient_secret,
                                  const X25519Public& recipient_public) {
  if (record.empty()) return Status(Code::kMalformed, "empty sealed key");
  if (record[0] != p::kVersion)
    return Status(Code::kUnsupportedVersion, "unknown sealed key version");
  if (record.size() != p::kSealedKeySize)
    return Status(Code::kMalformed, "sealed key must be 82 bytes");
  if (record[1] != role) return Status(Code::kMalformed, "sealed key has another role");
  if (recipient_secret.size() != 32)
    return Status(Code::kInvalidArgument, "recipient secret must be 32 bytes");
  ByteReader r(record);
  r.U8();
  r.U8();
  const X25519Public epk = r.Array<32>();
  const ByteView ct = r.Rest();
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes shared, X25519Shared(recipient_secret.reveal(), epk));
  const SecretBytes k = SealingKey(shared, epk, recipient_public);
  return AeadOpen(k.reveal(), kZeroNonce, AdditionalData(role, case_id, recipient_public), ct);
}

}  // namespace dojava::crypto
