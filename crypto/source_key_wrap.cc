#include "crypto/source_key_wrap.h"

#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto {
namespace {

namespace p = protocol;

bool KnownRole(uint8_t role) { return role == p::kRoleCaseKey || role == p::kRoleNotesKey; }

// k = BLAKE2b(key = source_wrap, message = L("dojava/v1/source-wrap/key") || r, 32)
SecretBytes WrappingKey(const SecretBytes& source_wrap, ByteView r) {
  Bytes msg = Label(p::kLabelSourceWrapKey);
  msg.insert(msg.end(), r.begin(), r.end());
  return KeyedHash(source_wrap.reveal(), msg);
}

// ad = L("dojava/v1/source-wrap/ad") || version || role || case_id
Bytes AdditionalData(uint8_t role, const Id& case_id) {
  Bytes ad = Label(p::kLabelSourceWrapAd);
  ByteWriter w(&ad);
  w.U8(p::kVersion);
  w.U8(role);
  w.Raw(case_id);
  return ad;
}

// The zero nonce is safe: k is fresh for every wrapping because r is (§7.1).
const uint8_t kZeroNonce[p::kAeadNonceSize] = {};

}  // namespace

Result<Bytes> WrapSourceKey(const SecretBytes& key, uint8_t role, const Id& case_id,
                            const SecretBytes& source_wrap) {
  return WrapSourceKeyWithRandom(key, role, case_id, source_wrap,
                                 SecretBytes::Random(p::kSourceWrapRandomSize).reveal());
}

Result<Bytes> WrapSourceKeyWithRandom(const SecretBytes& key, uint8_t role, const Id& case_id,
                                      const SecretBytes& source_wrap, ByteView r32) {
  if (key.size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "a wrapped key must be 32 bytes");
  if (!KnownRole(role)) return Status(Code::kInvalidArgument, "unknown key role");
  if (source_wrap.size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "the source's wrapping key must be 32 bytes");
  if (r32.size() != p::kSourceWrapRandomSize)
    return Status(Code::kInvalidArgument, "r must be 32 bytes");
  const SecretBytes k = WrappingKey(source_wrap, r32);
  Bytes out;
  out.reserve(p::kWrappedKeySize);
  ByteWriter w(&out);
  w.U8(p::kVersion);
  w.U8(role);
  w.Raw(r32);
  w.Raw(AeadSeal(k.reveal(), kZeroNonce, AdditionalData(role, case_id), key.reveal()));
  return out;
}

Result<SecretBytes> OpenSourceKey(ByteView record, uint8_t role, const Id& case_id,
                                  const SecretBytes& source_wrap) {
  if (record.empty()) return Status(Code::kMalformed, "empty wrapped key");
  if (record[0] != p::kVersion)
    return Status(Code::kUnsupportedVersion, "unknown wrapped key version");
  if (record.size() != p::kWrappedKeySize)
    return Status(Code::kMalformed, "a wrapped key must be 82 bytes");
  if (record[1] != role) return Status(Code::kMalformed, "wrapped key has another role");
  if (source_wrap.size() != p::kKeySize)
    return Status(Code::kInvalidArgument, "the source's wrapping key must be 32 bytes");
  ByteReader reader(record);
  reader.U8();
  reader.U8();
  const ByteView r = reader.Take(p::kSourceWrapRandomSize);
  const ByteView ct = reader.Rest();
  const SecretBytes k = WrappingKey(source_wrap, r);
  return AeadOpen(k.reveal(), kZeroNonce, AdditionalData(role, case_id), ct);
}

}  // namespace dojava::crypto
