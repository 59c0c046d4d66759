// A reviewer's keys (crypto/PROTOCOL.md §5.1): one 32-byte random seed S
// gives two independent key pairs,
//   Ed25519 from KDF(S, "dojava/v1/reviewer/ed25519")  -- login, signed events
//   X25519  from KDF(S, "dojava/v1/reviewer/x25519")   -- sealed case keys
// with no Ed25519 -> X25519 conversion. The seed is what a key file stores.
//
// Immutable after construction; const methods may be called concurrently.
#ifndef DOJAVA_CRYPTO_REVIEWER_KEY_H_
#define DOJAVA_CRYPTO_REVIEWER_KEY_H_

#include <string_view>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/primitives.h"

namespace dojava::crypto {

// A reviewer who signs a record or a statement (§8.3): the roster id and the
// 64-byte Ed25519 secret key (not owned).
struct ReviewerSigner {
  Id reviewer_id{};
  const SecretBytes* ed25519_secret = nullptr;
};

class ReviewerKey {
 public:
  // A fresh random seed and its keys.
  static ReviewerKey Generate();
  // The keys of `seed` (copied). kInvalidArgument unless it is 32 bytes.
  static Result<ReviewerKey> FromSeed(const SecretBytes& seed);

  ReviewerKey(ReviewerKey&&) noexcept = default;
  ReviewerKey& operator=(ReviewerKey&&) noexcept = default;

  // The 32-byte seed, to store in a key file (§5.3).
  const SecretBytes& seed() const { return seed_; }
  const Ed25519Public& ed25519_public() const { return ed_.public_key; }
  const X25519Public& x25519_public() const { return x_public_; }
  // The 32-byte X25519 secret, for opening sealed keys (§7).
  const SecretBytes& x25519_secret() const { return x_secret_; }

  // This key with the X25519 key of a later epoch (§5.1: 32 random bytes
  // kept in a key file of kind 3) in place of the one derived from the
  // seed. kInvalidArgument unless `x_secret` is 32 bytes.
  Result<ReviewerKey> WithEncryptionKey(const SecretBytes& x_secret) const;

  // The answer to a login challenge (§10) for this reviewer's roster id.
  Result<Signature> SignLogin(const Id& instance_id, const Id& reviewer_id,
                              ByteView challenge) const;
  // The signer of this reviewer's messages and events (§8.3). Borrows this
  // key: it must outlive the returned value.
  ReviewerSigner Signer(const Id& reviewer_id) const {
    return ReviewerSigner{reviewer_id, &ed_.secret_key};
  }

 private:
  // Signs anything under any label: only the typed methods above may, so no
  // caller can turn the key into a signing oracle for another context
  // (test vectors reach it through crypto/testing/deterministic.h).
  Signature Sign(std::string_view label, ByteView message) const;
  friend Signature SignAnyLabelForTesting(const ReviewerKey& key, std::string_view label,
                                          ByteView message);

  ReviewerKey(SecretBytes seed, Ed25519KeyPair ed, SecretBytes x_secret, X25519Public x_public)
      : seed_(std::move(seed)),
        ed_(std::move(ed)),
        x_secret_(std::move(x_secret)),
        x_public_(x_public) {}

  SecretBytes seed_;
  Ed25519KeyPair ed_;
  SecretBytes x_secret_;
  X25519Public x_public_{};
};

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_REVIEWER_KEY_H_
