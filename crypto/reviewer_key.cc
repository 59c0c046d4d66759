#include "crypto/reviewer_key.h"

#include <utility>

#include "crypto/login.h"
#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto {

ReviewerKey ReviewerKey::Generate() {
  return std::move(FromSeed(SecretBytes::Random(protocol::kKeySize))).value();
}

Result<ReviewerKey> ReviewerKey::FromSeed(const SecretBytes& seed) {
  if (seed.size() != protocol::kKeySize) {
    return Status(Code::kInvalidArgument, "a reviewer seed is 32 bytes");
  }
  const SecretBytes ed_seed = Kdf(seed.reveal(), protocol::kLabelReviewerEd25519);
  Ed25519KeyPair ed = Ed25519FromSeed(ed_seed.reveal());
  SecretBytes x_secret = Kdf(seed.reveal(), protocol::kLabelReviewerX25519);
  const X25519Public x_public = X25519Base(x_secret.reveal());
  return ReviewerKey(SecretBytes::Copy(seed.reveal()), std::move(ed), std::move(x_secret),
                     x_public);
}

Result<ReviewerKey> ReviewerKey::WithEncryptionKey(const SecretBytes& x_secret) const {
  if (x_secret.size() != protocol::kKeySize) {
    return Status(Code::kInvalidArgument, "an encryption key is 32 bytes");
  }
  DOJAVA_ASSIGN_OR_RETURN(ReviewerKey k, FromSeed(seed_));
  k.x_secret_ = SecretBytes::Copy(x_secret.reveal());
  k.x_public_ = X25519Base(x_secret.reveal());
  return k;
}

Signature ReviewerKey::Sign(std::string_view label, ByteView message) const {
  return SignLabeled(ed_.secret_key, label, message);
}

}  // namespace dojava::crypto

namespace dojava::crypto {

Signature SignAnyLabelForTesting(const ReviewerKey& key, std::string_view label, ByteView message) {
  return key.Sign(label, message);
}

Result<Signature> ReviewerKey::SignLogin(const Id& instance_id, const Id& reviewer_id,
                                         ByteView challenge) const {
  return crypto::SignLogin(ed_.secret_key, instance_id, reviewer_id, challenge);
}

}  // namespace dojava::crypto
