#include "crypto/admin_key.h"

#include <algorithm>
#include <utility>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto {

AdminKey AdminKey::Generate() {
  return std::move(FromSeed(SecretBytes::Random(protocol::kKeySize))).value();
}

Result<AdminKey> AdminKey::FromSeed(const SecretBytes& seed) {
  if (seed.size() != protocol::kKeySize) {
    return Status(Code::kInvalidArgument, "an admin seed is 32 bytes");
  }
  const SecretBytes ed_seed = Kdf(seed.reveal(), protocol::kLabelAdminEd25519);
  return AdminKey(SecretBytes::Copy(seed.reveal()), Ed25519FromSeed(ed_seed.reveal()));
}

Signature AdminKey::Sign(std::string_view label, ByteView message) const {
  return SignLabeled(ed_.secret_key, label, message);
}

Fingerprint AdminKey::FingerprintBytes(const Ed25519Public& admin_public) {
  const Bytes h = LabeledHash(kFingerprintSize, protocol::kLabelFingerprint, admin_public);
  Fingerprint f{};
  std::copy(h.begin(), h.end(), f.begin());
  return f;
}

std::string AdminKey::FingerprintText(const Ed25519Public& admin_public) {
  constexpr size_t kGroupHexDigits = 4;
  const std::string hex = HexEncode(FingerprintBytes(admin_public));
  std::string text;
  text.reserve(hex.size() + hex.size() / kGroupHexDigits - 1);
  for (size_t i = 0; i < hex.size(); ++i) {
    if (i > 0 && i % kGroupHexDigits == 0) text.push_back(' ');
    text.push_back(hex[i]);
  }
  return text;
}

}  // namespace dojava::crypto

namespace dojava::crypto {

Signature SignAnyLabelForTesting(const AdminKey& key, std::string_view label, ByteView message) {
  return key.Sign(label, message);
}

Result<Bytes> AdminKey::SignRosterV2(v2::Roster roster) const {
  return v2::SignRoster(std::move(roster), ed_.secret_key, ed_.public_key);
}

}  // namespace dojava::crypto
