// The admin key (crypto/PROTOCOL.md §5.1, §5.2): one 32-byte random seed S
// gives the Ed25519 pair from KDF(S, "dojava/v1/admin/ed25519") that signs the
// roster (§6). The same seed used by mistake as a reviewer seed gives
// unrelated keys (different labels).
//
// The fingerprint is what people compare by eye (printed by `dojavad init`,
// on the submission page, on paper):
//   H(20, "dojava/v1/fingerprint", admin_pk), as 10 groups of 4 lower-case
//   hex digits separated by single spaces.
//
// Immutable after construction; const methods may be called concurrently.
#ifndef DOJAVA_CRYPTO_ADMIN_KEY_H_
#define DOJAVA_CRYPTO_ADMIN_KEY_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

// §5.2: the fingerprint is 20 bytes (40 hex digits).
inline constexpr size_t kFingerprintSize = 20;
using Fingerprint = std::array<uint8_t, kFingerprintSize>;

class AdminKey {
 public:
  // A fresh random seed and its key pair.
  static AdminKey Generate();
  // The key pair of `seed` (copied). kInvalidArgument unless it is 32 bytes.
  static Result<AdminKey> FromSeed(const SecretBytes& seed);

  AdminKey(AdminKey&&) noexcept = default;
  AdminKey& operator=(AdminKey&&) noexcept = default;

  // The 32-byte seed, to store in a key file (§5.3).
  const SecretBytes& seed() const { return seed_; }
  const Ed25519Public& public_key() const { return ed_.public_key; }

  // Signs a roster (§6) with this key: v2::SignRoster with the derived keys.
  Result<Bytes> SignRosterV2(v2::Roster roster) const;

  // H(20, "dojava/v1/fingerprint", admin_public) (§5.2).
  static Fingerprint FingerprintBytes(const Ed25519Public& admin_public);
  // The display form: "3f2a 9c01 ... " — 10 groups of 4 lower-case hex
  // digits, single spaces between, none at either end (49 characters).
  static std::string FingerprintText(const Ed25519Public& admin_public);

 private:
  AdminKey(SecretBytes seed, Ed25519KeyPair ed) : seed_(std::move(seed)), ed_(std::move(ed)) {}
  // Any label: private, see ReviewerKey::Sign.
  Signature Sign(std::string_view label, ByteView message) const;
  friend Signature SignAnyLabelForTesting(const AdminKey& key, std::string_view label,
                                          ByteView message);

  SecretBytes seed_;
  Ed25519KeyPair ed_;
};

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_ADMIN_KEY_H_
