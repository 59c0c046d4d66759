// Reviewer and admin keys, crypto/PROTOCOL.md §5.1 and §5.2.
#include <sodium.h>

#include <catch2/catch_test_macros.hpp>
#include <string>

#include "crypto/admin_key.h"
#include "base/encoding.h"
#include "crypto/login.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/reviewer_key.h"
#include "crypto/testing/deterministic.h"

using namespace dojava;
using namespace dojava::crypto;

namespace {

SecretBytes FixedSeed() {
  Bytes s(32);
  for (size_t i = 0; i < s.size(); ++i) s[i] = uint8_t(100 + i);
  return SecretBytes::Copy(s);
}

SecretBytes Unhex(std::string_view hex) { return SecretBytes::Copy(HexDecode(hex).value()); }

// The naive keys of a seed, without domain separation.
Ed25519Public PlainEd25519Public(const SecretBytes& seed) {
  Ed25519Public pk;
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk.data(), sk, seed.reveal().data());
  sodium_memzero(sk, sizeof sk);
  return pk;
}

}  // namespace

// The labeled seeds below are keyed BLAKE2b-256 computed with Python's
// hashlib (independent of libsodium), for seed = bytes(range(100, 132)):
//   hashlib.blake2b(label.encode() + b"\0", key=seed, digest_size=32)
TEST_CASE("Reviewer keys follow §5.1 (independent BLAKE2b answers)", "[keys]") {
  auto key = ReviewerKey::FromSeed(FixedSeed());
  REQUIRE(key.ok());
  const SecretBytes ed_seed =
      Unhex("cb65075263875042219ea859f528328ed7aa60202d6ec06f513d02397d68c55c");
  const SecretBytes x_secret =
      Unhex("9116dfc2246b1c7396d36ef4ad2e9031c60313c14d845c00fedc13895804341d");
  CHECK(key->ed25519_public() == Ed25519FromSeed(ed_seed.reveal()).public_key);
  CHECK(key->x25519_secret().Equals(x_secret));
  CHECK(key->x25519_public() == X25519Base(x_secret.reveal()));
  CHECK(key->seed().Equals(FixedSeed()));
}

TEST_CASE("Admin key follows §5.1 (independent BLAKE2b answer)", "[keys]") {
  auto key = AdminKey::FromSeed(FixedSeed());
  REQUIRE(key.ok());
  const SecretBytes ed_seed =
      Unhex("34494ac35fdd0117e122f1f3a024d656d395d51b92009eccc44f9780f59de1a9");
  CHECK(key->public_key() == Ed25519FromSeed(ed_seed.reveal()).public_key);
  CHECK(key->seed().Equals(FixedSeed()));
}

TEST_CASE("Key derivation is domain-separated", "[keys]") {
  for (int n = 0; n < 20; ++n) {
    const SecretBytes seed = n == 0 ? FixedSeed() : SecretBytes::Random(32);
    auto reviewer = ReviewerKey::FromSeed(seed);
    auto admin = AdminKey::FromSeed(seed);
    REQUIRE(reviewer.ok());
    REQUIRE(admin.ok());
    // Not the plain key pair of the seed.
    const Ed25519Public plain = PlainEd25519Public(seed);
    CHECK(reviewer->ed25519_public() != plain);
    CHECK(admin->public_key() != plain);
    X25519Public plain_x;
    crypto_scalarmult_base(plain_x.data(), seed.reveal().data());
    CHECK(reviewer->x25519_public() != plain_x);
    // An admin seed used as a reviewer seed gives unrelated keys.
    CHECK(reviewer->ed25519_public() != admin->public_key());
    // The reviewer's X25519 key is not the Ed25519 key converted (§5.1).
    X25519Public converted;
    REQUIRE(crypto_sign_ed25519_pk_to_curve25519(converted.data(),
                                                 reviewer->ed25519_public().data()) == 0);
    CHECK(reviewer->x25519_public() != converted);
    CHECK_FALSE(reviewer->x25519_secret().Equals(seed));
  }
}

TEST_CASE("Keys are deterministic from the seed and differ between seeds", "[keys]") {
  const SecretBytes seed = SecretBytes::Random(32);
  auto a = ReviewerKey::FromSeed(seed);
  auto b = ReviewerKey::FromSeed(seed);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->ed25519_public() == b->ed25519_public());
  CHECK(a->x25519_public() == b->x25519_public());
  CHECK(a->x25519_secret().Equals(b->x25519_secret()));
  SecretBytes other = SecretBytes::Copy(seed.reveal());
  other.reveal_mut()[31] ^= 1;
  auto c = ReviewerKey::FromSeed(other);
  REQUIRE(c.ok());
  CHECK(c->ed25519_public() != a->ed25519_public());
  CHECK(c->x25519_public() != a->x25519_public());

  auto g1 = ReviewerKey::Generate();
  auto g2 = ReviewerKey::Generate();
  CHECK(g1.seed().size() == 32);
  CHECK_FALSE(g1.seed().Equals(g2.seed()));
  CHECK(g1.ed25519_public() != g2.ed25519_public());
  auto g1_again = ReviewerKey::FromSeed(g1.seed());
  REQUIRE(g1_again.ok());
  CHECK(g1_again->x25519_public() == g1.x25519_public());

  auto ga = AdminKey::Generate();
  auto ga_again = AdminKey::FromSeed(ga.seed());
  REQUIRE(ga_again.ok());
  CHECK(ga_again->public_key() == ga.public_key());
  CHECK(AdminKey::Generate().public_key() != ga.public_key());
}

TEST_CASE("Seeds must be 32 bytes", "[keys]") {
  for (size_t n : {0, 16, 31, 33, 64}) {
    INFO("size " << n);
    CHECK(ReviewerKey::FromSeed(SecretBytes::Random(n)).code() == Code::kInvalidArgument);
    CHECK(AdminKey::FromSeed(SecretBytes::Random(n)).code() == Code::kInvalidArgument);
  }
}

TEST_CASE("Reviewer and admin signatures verify under their label only", "[keys]") {
  auto reviewer = ReviewerKey::Generate();
  auto admin = AdminKey::Generate();
  const Bytes m = {1, 2, 3};
  const Signature rs = SignAnyLabelForTesting(reviewer, protocol::kLabelLogin, m);
  CHECK(VerifyLabeled(reviewer.ed25519_public(), protocol::kLabelLogin, m, rs).ok());
  CHECK(VerifyLabeled(reviewer.ed25519_public(), protocol::kLabelRosterV2, m, rs).code() ==
        Code::kBadSignature);
  CHECK(VerifyLabeled(admin.public_key(), protocol::kLabelLogin, m, rs).code() ==
        Code::kBadSignature);
  const Signature as = SignAnyLabelForTesting(admin, protocol::kLabelRosterV2, m);
  CHECK(VerifyLabeled(admin.public_key(), protocol::kLabelRosterV2, m, as).ok());
  CHECK(VerifyLabeled(admin.public_key(), protocol::kLabelRosterV2, Bytes{1, 2, 4}, as).code() ==
        Code::kBadSignature);
}

TEST_CASE("Reviewer X25519 keys agree (usable for sealing, §7)", "[keys]") {
  auto a = ReviewerKey::Generate();
  auto b = ReviewerKey::Generate();
  auto ab = X25519Shared(a.x25519_secret().reveal(), b.x25519_public());
  auto ba = X25519Shared(b.x25519_secret().reveal(), a.x25519_public());
  REQUIRE(ab.ok());
  REQUIRE(ba.ok());
  CHECK(ab->Equals(*ba));
}

// hashlib.blake2b(b"dojava/v1/fingerprint\0" + bytes(range(32)),
//                 digest_size=20).hexdigest()
TEST_CASE("Admin fingerprint matches an independent BLAKE2b and §5.2's format", "[keys]") {
  Ed25519Public pk;
  for (size_t i = 0; i < pk.size(); ++i) pk[i] = uint8_t(i);
  CHECK(HexEncode(AdminKey::FingerprintBytes(pk)) == "021a2600eec6258f867f63fdc3990900fe0052b8");
  CHECK(AdminKey::FingerprintText(pk) == "021a 2600 eec6 258f 867f 63fd c399 0900 fe00 52b8");

  auto admin = AdminKey::Generate();
  const std::string text = AdminKey::FingerprintText(admin.public_key());
  REQUIRE(text.size() == 49);
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % 5 == 4) {
      CHECK(text[i] == ' ');
    } else {
      CHECK(((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f')));
    }
  }
  std::string hex = text;
  std::erase(hex, ' ');
  CHECK(hex == HexEncode(AdminKey::FingerprintBytes(admin.public_key())));
  // Depends on the key.
  Ed25519Public pk2 = pk;
  pk2[0] ^= 1;
  CHECK(AdminKey::FingerprintBytes(pk2) != AdminKey::FingerprintBytes(pk));
}

// The typed signing methods are the only production way to use the keys.
TEST_CASE("key objects sign logins, messages and rosters through typed methods", "[keys]") {
  const ReviewerKey reviewer = ReviewerKey::Generate();
  const AdminKey admin = AdminKey::Generate();
  const Id instance = RandomId(), reviewer_id = RandomId(), case_id = RandomId();
  const Bytes challenge(32, 5);
  auto sig = reviewer.SignLogin(instance, reviewer_id, challenge);
  REQUIRE(sig.ok());
  CHECK(VerifyLogin(reviewer.ed25519_public(), instance, reviewer_id, challenge, *sig).ok());
  CHECK(VerifyLogin(admin.public_key(), instance, reviewer_id, challenge, *sig).code() ==
        Code::kBadSignature);

  v2::Roster roster;
  roster.instance_id = instance;
  roster.version = 1;
  roster.expires_day = 20030;
  v2::RosterEntry e;
  e.reviewer_id = reviewer_id;
  e.ed25519 = reviewer.ed25519_public();
  e.x25519 = reviewer.x25519_public();
  e.name = "Ana";
  roster.entries.push_back(e);
  auto signed_roster = admin.SignRosterV2(roster);
  REQUIRE(signed_roster.ok());
  auto verified = v2::VerifyRoster(*signed_roster, admin.public_key(), instance, 20000);
  REQUIRE(verified.ok());

  const SecretBytes nk = SecretBytes::Random(32);
  const ReviewerSigner signer = reviewer.Signer(reviewer_id);
  const v2::Signer as_reviewer{protocol::kAuthorReviewer, reviewer_id, {}, signer.ed25519_secret};
  auto rec = v2::EncryptMessage(nk, protocol::kKindNotes, case_id, RandomId(), AsBytes("{}"),
                                as_reviewer, {1, 20000, {}});
  REQUIRE(rec.ok());
  CHECK(v2::DecryptMessage(*rec, case_id, v2::CaseKeys{nullptr, &nk}, *verified).ok());
}
