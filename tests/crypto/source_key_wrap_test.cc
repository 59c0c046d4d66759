#include "crypto/source_key_wrap.h"

#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "crypto/testing/deterministic.h"

using namespace dojava;
using namespace dojava::crypto;
namespace p = dojava::protocol;

TEST_CASE("a wrapped key opens under its source_wrap, role and case only", "[source_wrap]") {
  const SecretBytes wrap = SecretBytes::Random(32), other_wrap = SecretBytes::Random(32);
  const SecretBytes ck = SecretBytes::Random(32);
  const Id case_id = RandomId();
  auto wrapped = WrapSourceKey(ck, p::kRoleCaseKey, case_id, wrap);
  REQUIRE(wrapped.ok());
  CHECK(wrapped->size() == p::kSealedKeySize);  // the store and the API hold it like a sealed key
  CHECK((*wrapped)[0] == p::kVersion);
  CHECK((*wrapped)[1] == p::kRoleCaseKey);
  auto opened = OpenSourceKey(*wrapped, p::kRoleCaseKey, case_id, wrap);
  REQUIRE(opened.ok());
  CHECK(opened->Equals(ck));

  // Another receipt's source_wrap, another case, another role.
  CHECK(OpenSourceKey(*wrapped, p::kRoleCaseKey, case_id, other_wrap).code() ==
        Code::kDecryptFailed);
  CHECK(OpenSourceKey(*wrapped, p::kRoleCaseKey, RandomId(), wrap).code() ==
        Code::kDecryptFailed);
  CHECK(OpenSourceKey(*wrapped, p::kRoleNotesKey, case_id, wrap).code() == Code::kMalformed);
  // The role byte rewritten: it is in the additional data.
  Bytes relabelled = *wrapped;
  relabelled[1] = p::kRoleNotesKey;
  CHECK(OpenSourceKey(relabelled, p::kRoleNotesKey, case_id, wrap).code() ==
        Code::kDecryptFailed);
}

// H1: source_pk is public (the server stores it), so a compromised server can
// seal a case key of its own (CK') to it the §7 way and put that record in
// the source's place. It has the same size, version and role bytes; the
// source must refuse it.
TEST_CASE("a key sealed to source_pk by a server is refused by the source", "[source_wrap][h1]") {
  const SecretBytes source_secret = SecretBytes::Random(32);
  const X25519Public source_public = X25519Base(source_secret.reveal());
  const SecretBytes wrap = SecretBytes::Random(32);
  const Id case_id = RandomId();
  const SecretBytes server_ck = SecretBytes::Random(32);
  auto forged = SealKey(server_ck, p::kRoleCaseKey, case_id, source_public);
  REQUIRE(forged.ok());
  REQUIRE(forged->size() == p::kWrappedKeySize);
  // The old way would have opened it: this is the attack.
  REQUIRE(OpenSealedKey(*forged, p::kRoleCaseKey, case_id, source_secret, source_public).ok());
  CHECK(OpenSourceKey(*forged, p::kRoleCaseKey, case_id, wrap).code() == Code::kDecryptFailed);
  // Nor can a server wrap one with what it knows: source_pk in place of
  // source_wrap, or any key of its own, fails.
  for (int i = 0; i < 2; ++i) {
    const SecretBytes guess =
        i == 0 ? SecretBytes::Copy(ByteView(source_public)) : SecretBytes::Random(32);
    auto w = WrapSourceKey(server_ck, p::kRoleCaseKey, case_id, guess);
    REQUIRE(w.ok());
    CHECK(OpenSourceKey(*w, p::kRoleCaseKey, case_id, wrap).code() == Code::kDecryptFailed);
  }
}

TEST_CASE("wrapping is randomised; an explicit r is deterministic", "[source_wrap]") {
  const SecretBytes wrap = SecretBytes::Random(32), ck = SecretBytes::Random(32);
  const Id case_id = RandomId();
  const Bytes a = WrapSourceKey(ck, p::kRoleCaseKey, case_id, wrap).value();
  const Bytes b = WrapSourceKey(ck, p::kRoleCaseKey, case_id, wrap).value();
  CHECK(a != b);
  CHECK(Bytes(a.begin() + 2, a.begin() + 34) != Bytes(b.begin() + 2, b.begin() + 34));  // fresh r
  const Bytes r(32, 9);
  CHECK(WrapSourceKeyWithRandom(ck, p::kRoleCaseKey, case_id, wrap, r).value() ==
        WrapSourceKeyWithRandom(ck, p::kRoleCaseKey, case_id, wrap, r).value());
}

// §7.1 step by step, with the wrapping key from Python's hashlib (independent
// of libsodium):
//   hashlib.blake2b(b"dojava/v1/source-wrap/key\0" + bytes([7] * 32),
//                   key=bytes(range(100, 132)), digest_size=32).hexdigest()
TEST_CASE("the wrapped record follows §7.1 byte for byte", "[source_wrap]") {
  Bytes wrap_bytes(32);
  for (size_t i = 0; i < wrap_bytes.size(); ++i) wrap_bytes[i] = uint8_t(100 + i);
  const SecretBytes wrap = SecretBytes::Copy(ByteView(wrap_bytes));
  const SecretBytes ck = SecretBytes::Random(32);
  const Id case_id = RandomId();
  const Bytes r(32, 7);
  const Bytes rec = WrapSourceKeyWithRandom(ck, p::kRoleCaseKey, case_id, wrap, r).value();
  REQUIRE(rec.size() == 82);
  CHECK(rec[0] == 1);
  CHECK(rec[1] == 1);
  CHECK(Bytes(rec.begin() + 2, rec.begin() + 34) == r);
  auto k = HexDecode("8715e76dd42e971c509c6780747587db1808efb9ea8d461bc38f4cd0378ee2ce");
  REQUIRE(k.ok());
  Bytes ad = Label("dojava/v1/source-wrap/ad");
  ad.push_back(1);
  ad.push_back(1);
  ad.insert(ad.end(), case_id.begin(), case_id.end());
  const Bytes zero_nonce(24, 0);
  auto opened = AeadOpen(*k, zero_nonce, ad, ByteView(rec).subspan(34));
  REQUIRE(opened.ok());
  CHECK(opened->Equals(ck));
}

TEST_CASE("wrapping refuses bad arguments", "[source_wrap]") {
  const SecretBytes wrap = SecretBytes::Random(32);
  const Id case_id = RandomId();
  CHECK(WrapSourceKey(SecretBytes::Random(31), p::kRoleCaseKey, case_id, wrap).code() ==
        Code::kInvalidArgument);
  CHECK(WrapSourceKey(SecretBytes::Random(32), 3, case_id, wrap).code() == Code::kInvalidArgument);
  CHECK(WrapSourceKey(SecretBytes::Random(32), 0, case_id, wrap).code() == Code::kInvalidArgument);
  CHECK(WrapSourceKey(SecretBytes::Random(32), p::kRoleCaseKey, case_id, SecretBytes::Random(31))
            .code() == Code::kInvalidArgument);
  CHECK(WrapSourceKey(SecretBytes::Random(32), p::kRoleCaseKey, case_id, SecretBytes()).code() ==
        Code::kInvalidArgument);
  CHECK(WrapSourceKeyWithRandom(SecretBytes::Random(32), p::kRoleCaseKey, case_id, wrap, Bytes(31))
            .code() == Code::kInvalidArgument);
  const Bytes good = WrapSourceKey(SecretBytes::Random(32), p::kRoleCaseKey, case_id, wrap).value();
  CHECK(OpenSourceKey(good, p::kRoleCaseKey, case_id, SecretBytes::Random(33)).code() ==
        Code::kInvalidArgument);
}

TEST_CASE("every corruption of a wrapped key is rejected", "[source_wrap][corruption]") {
  const SecretBytes wrap = SecretBytes::Random(32);
  const Id case_id = RandomId();
  const Bytes good = WrapSourceKey(SecretBytes::Random(32), p::kRoleCaseKey, case_id, wrap).value();
  for (size_t i = 0; i < good.size(); ++i) {
    for (uint8_t bit = 1; bit != 0; bit = uint8_t(bit << 1)) {
      Bytes bad = good;
      bad[i] ^= bit;
      INFO("byte " << i << " bit " << int(bit));
      auto r = OpenSourceKey(bad, p::kRoleCaseKey, case_id, wrap);
      REQUIRE_FALSE(r.ok());
      if (i == 0) CHECK(r.code() == Code::kUnsupportedVersion);
      if (i == 1) CHECK(r.code() == Code::kMalformed);
      if (i >= 2) CHECK(r.code() == Code::kDecryptFailed);
    }
  }
  CHECK(OpenSourceKey({}, p::kRoleCaseKey, case_id, wrap).code() == Code::kMalformed);
  for (size_t n = 1; n < good.size(); ++n) {
    INFO("first " << n << " bytes");
    CHECK(OpenSourceKey(ByteView(good.data(), n), p::kRoleCaseKey, case_id, wrap).code() ==
          Code::kMalformed);
  }
  for (size_t extra = 1; extra <= 3; ++extra) {
    Bytes longer = good;
    longer.resize(good.size() + extra, 0);
    CHECK(OpenSourceKey(longer, p::kRoleCaseKey, case_id, wrap).code() == Code::kMalformed);
  }
  // A version-2 record is refused on its version byte whatever its length.
  CHECK(OpenSourceKey(Bytes{2, 1}, p::kRoleCaseKey, case_id, wrap).code() ==
        Code::kUnsupportedVersion);
}
