// Login signatures (crypto/PROTOCOL.md §10). Input: ed25519_public(32)
// instance_id(16) reviewer_id(16) challenge(32), then the signature (the
// layout of tests/vectors/login-*.json). Also: a fixed key's signature over
// the same fields verifies, and fails with any one bit of it flipped.
#include "crypto/login.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::FuzzInput in(data, size);
  const crypto::Ed25519Public key = in.Array<32>();
  const crypto::Id instance_id = in.Array<16>();
  const crypto::Id reviewer_id = in.Array<16>();
  const auto challenge = in.Array<32>();
  const ByteView signature = in.Rest();
  (void)crypto::VerifyLogin(key, instance_id, reviewer_id, challenge, signature);

  const crypto::Ed25519KeyPair& fixed = fuzz::FixedEd25519(0x10);
  auto sig = crypto::SignLogin(fixed.secret_key, instance_id, reviewer_id, challenge);
  DOJAVA_FUZZ_CHECK(sig.ok());
  DOJAVA_FUZZ_CHECK(
      crypto::VerifyLogin(fixed.public_key, instance_id, reviewer_id, challenge, *sig).ok());
  const size_t bit = size % (sig->size() * 8);
  (*sig)[bit / 8] ^= uint8_t(1u << (bit % 8));
  DOJAVA_FUZZ_CHECK(
      !crypto::VerifyLogin(fixed.public_key, instance_id, reviewer_id, challenge, *sig).ok());
  return 0;
}
