#include "crypto/login.h"

#include <catch2/catch_test_macros.hpp>

using namespace dojava;
using namespace dojava::crypto;

TEST_CASE("login signatures bind instance, reviewer and challenge", "[login]") {
  auto kp = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  const Id instance = RandomId(), reviewer = RandomId();
  const SecretBytes challenge = SecretBytes::Random(32);
  auto sig = SignLogin(kp.secret_key, instance, reviewer, challenge.reveal());
  REQUIRE(sig.ok());
  CHECK(VerifyLogin(kp.public_key, instance, reviewer, challenge.reveal(), *sig).ok());
  CHECK(VerifyLogin(kp.public_key, RandomId(), reviewer, challenge.reveal(), *sig).code() ==
        Code::kBadSignature);
  CHECK(VerifyLogin(kp.public_key, instance, RandomId(), challenge.reveal(), *sig).code() ==
        Code::kBadSignature);
  CHECK(VerifyLogin(kp.public_key, instance, reviewer, SecretBytes::Random(32).reveal(), *sig)
            .code() == Code::kBadSignature);
  CHECK(VerifyLogin(kp.public_key, instance, reviewer, Bytes(31), *sig).code() == Code::kMalformed);
  CHECK(SignLogin(kp.secret_key, instance, reviewer, Bytes(33)).code() == Code::kInvalidArgument);
}
