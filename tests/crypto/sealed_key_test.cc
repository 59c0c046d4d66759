#include "crypto/sealed_key.h"

#include <catch2/catch_test_macros.hpp>

#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

using namespace dojava;
using namespace dojava::crypto;
namespace p = dojava::protocol;

namespace {
struct Recipient {
  SecretBytes secret = SecretBytes::Random(32);
  X25519Public pub = X25519Base(secret.reveal());
};
}  // namespace

TEST_CASE("a sealed key opens for its recipient, role and case only", "[sealed]") {
  Recipient alice, bob;
  const SecretBytes ck = SecretBytes::Random(32);
  const Id case_id = RandomId();
  auto sealed = SealKey(ck, p::kRoleCaseKey, case_id, alice.pub);
  REQUIRE(sealed.ok());
  CHECK(sealed->size() == p::kSealedKeySize);
  auto opened = OpenSealedKey(*sealed, p::kRoleCaseKey, case_id, alice.secret, alice.pub);
  REQUIRE(opened.ok());
  CHECK(opened->Equals(ck));

  CHECK(OpenSealedKey(*sealed, p::kRoleCaseKey, case_id, bob.secret, bob.pub).code() ==
        Code::kDecryptFailed);
  CHECK(OpenSealedKey(*sealed, p::kRoleCaseKey, RandomId(), alice.secret, alice.pub).code() ==
        Code::kDecryptFailed);
  CHECK(OpenSealedKey(*sealed, p::kRoleNotesKey, case_id, alice.secret, alice.pub).code() ==
        Code::kMalformed);
  // Relabelled as NK: the role byte is in the additional data.
  Bytes relabelled = *sealed;
  relabelled[1] = p::kRoleNotesKey;
  CHECK(OpenSealedKey(relabelled, p::kRoleNotesKey, case_id, alice.secret, alice.pub).code() ==
        Code::kDecryptFailed);
}

TEST_CASE("sealing is randomised; explicit ephemeral keys are deterministic", "[sealed]") {
  Recipient alice;
  const SecretBytes ck = SecretBytes::Random(32);
  const Id case_id = RandomId();
  CHECK(SealKey(ck, p::kRoleCaseKey, case_id, alice.pub).value() !=
        SealKey(ck, p::kRoleCaseKey, case_id, alice.pub).value());
  const SecretBytes eph = SecretBytes::Random(32);
  CHECK(SealKeyWithEphemeral(ck, p::kRoleCaseKey, case_id, alice.pub, eph).value() ==
        SealKeyWithEphemeral(ck, p::kRoleCaseKey, case_id, alice.pub, eph).value());
}

TEST_CASE("sealing refuses bad arguments and low-order recipients", "[sealed]") {
  Recipient alice;
  const Id case_id = RandomId();
  CHECK(SealKey(SecretBytes::Random(31), p::kRoleCaseKey, case_id, alice.pub).code() ==
        Code::kInvalidArgument);
  CHECK(SealKey(SecretBytes::Random(32), 3, case_id, alice.pub).code() == Code::kInvalidArgument);
  X25519Public zero{};
  CHECK(SealKey(SecretBytes::Random(32), p::kRoleCaseKey, case_id, zero).code() ==
        Code::kDecryptFailed);
}

TEST_CASE("every corruption of a sealed key is rejected", "[sealed][corruption]") {
  Recipient alice;
  const Id case_id = RandomId();
  const Bytes good = SealKey(SecretBytes::Random(32), p::kRoleNotesKey, case_id, alice.pub).value();
  for (size_t i = 0; i < good.size(); ++i) {
    Bytes bad = good;
    bad[i] ^= 0x40;
    INFO("byte " << i);
    auto r = OpenSealedKey(bad, p::kRoleNotesKey, case_id, alice.secret, alice.pub);
    REQUIRE_FALSE(r.ok());
    if (i == 0) CHECK(r.code() == Code::kUnsupportedVersion);
    if (i == 1) CHECK(r.code() == Code::kMalformed);
    if (i >= 2) CHECK(r.code() == Code::kDecryptFailed);
  }
  for (size_t n = 1; n < good.size(); ++n) {
    CHECK(
        OpenSealedKey(ByteView(good.data(), n), p::kRoleNotesKey, case_id, alice.secret, alice.pub)
            .code() == Code::kMalformed);
  }
  Bytes longer = good;
  longer.push_back(0);
  CHECK(OpenSealedKey(longer, p::kRoleNotesKey, case_id, alice.secret, alice.pub).code() ==
        Code::kMalformed);
}
