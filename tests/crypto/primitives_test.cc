#include "crypto/primitives.h"

#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"

using namespace dojava;
using namespace dojava::crypto;

namespace {
Bytes Hex(std::string_view h) { return HexDecode(h).value(); }
}  // namespace

// RFC 7748 §6.1 (Diffie-Hellman test vector).
TEST_CASE("X25519 matches RFC 7748 section 6.1", "[primitives]") {
  const Bytes a = Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  const Bytes b = Hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  CHECK(HexEncode(X25519Base(a)) ==
        "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  CHECK(HexEncode(X25519Base(b)) ==
        "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  auto ss = X25519Shared(a, X25519Base(b));
  REQUIRE(ss.ok());
  CHECK(HexEncode(ss->reveal()) ==
        "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
}

TEST_CASE("X25519 rejects low-order public keys", "[primitives]") {
  const Bytes a = Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  const Bytes zero(32, 0);
  Bytes one(32, 0);
  one[0] = 1;
  CHECK(X25519Shared(a, zero).code() == Code::kDecryptFailed);
  CHECK(X25519Shared(a, one).code() == Code::kDecryptFailed);
  CHECK(IsLowOrderX25519(zero));
  CHECK(IsLowOrderX25519(one));
  CHECK_FALSE(IsLowOrderX25519(X25519Base(a)));
  CHECK(X25519Shared(a, Bytes(31, 9)).code() == Code::kMalformed);
}

// RFC 8032 §7.1, TEST 1 (empty message) — checks Ed25519FromSeed and that
// signing is plain Ed25519 under the label prefix.
TEST_CASE("Ed25519 key derivation matches RFC 8032 TEST 1", "[primitives]") {
  const Bytes seed = Hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  auto kp = Ed25519FromSeed(seed);
  CHECK(HexEncode(kp.public_key) ==
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  auto sig = SignLabeled(kp.secret_key, "dojava/v1/test", AsBytes("hello"));
  CHECK(VerifyLabeled(kp.public_key, "dojava/v1/test", AsBytes("hello"), sig).ok());
  CHECK(VerifyLabeled(kp.public_key, "dojava/v1/other", AsBytes("hello"), sig).code() ==
        Code::kBadSignature);
  CHECK(VerifyLabeled(kp.public_key, "dojava/v1/test", AsBytes("hellO"), sig).code() ==
        Code::kBadSignature);
}

TEST_CASE("Ed25519 verification rejects a non-canonical S", "[primitives]") {
  auto kp = Ed25519FromSeed(Bytes(32, 3));
  auto sig = SignLabeled(kp.secret_key, "dojava/v1/test", AsBytes("m"));
  // Add the group order l to S: same signature under lax (ZIP-215) rules,
  // must be rejected under the strict rules of PROTOCOL.md §3.
  const uint8_t l[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                         0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                         0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};
  unsigned carry = 0;
  for (int i = 0; i < 32; ++i) {
    unsigned v = sig[32 + i] + l[i] + carry;
    sig[32 + i] = uint8_t(v);
    carry = v >> 8;
  }
  CHECK(VerifyLabeled(kp.public_key, "dojava/v1/test", AsBytes("m"), sig).code() ==
        Code::kBadSignature);
}

// draft-irtf-cfrg-xchacha-03 §A.3.1 (XChaCha20-Poly1305 AEAD test vector).
TEST_CASE("XChaCha20-Poly1305 matches draft-irtf-cfrg-xchacha A.3.1", "[primitives]") {
  const std::string pt =
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
      "sunscreen would be it.";
  const Bytes ad = Hex("50515253c0c1c2c3c4c5c6c7");
  const Bytes key = Hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  const Bytes nonce = Hex("404142434445464748494a4b4c4d4e4f5051525354555657");
  Bytes ct = AeadSeal(key, nonce, ad, AsBytes(pt));
  CHECK(HexEncode(ct) ==
        "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4e"
        "da7e39ae64c6"
        "708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
        "21f9664c9763"
        "7da9768812f615c68b13b52e"
        "c0875924c1c7987947deafd8780acf49");
  auto back = AeadOpen(key, nonce, ad, ct);
  REQUIRE(back.ok());
  CHECK(back->reveal_chars() == pt);
  for (size_t i = 0; i < ct.size(); ++i) {
    Bytes bad = ct;
    bad[i] ^= 0x01;
    CHECK(AeadOpen(key, nonce, ad, bad).code() == Code::kDecryptFailed);
  }
  CHECK(AeadOpen(key, nonce, ad, ByteView(ct.data(), 15)).code() == Code::kMalformed);
}

// Expected values computed with Python's hashlib.blake2b (an independent
// BLAKE2b implementation): hashlib.blake2b(b"dojava/v1/x\x00abc",
// digest_size=32) and hashlib.blake2b(b"dojava/v1/one\x00", digest_size=32,
// key=bytes([1] * 32)).
TEST_CASE("KDF and labeled hash are BLAKE2b over the NUL-terminated label", "[primitives]") {
  CHECK(HexEncode(LabeledHash(32, "dojava/v1/x", AsBytes("abc"))) ==
        "dc2ab79a86da67c50da9843007e15b7fa73b75710a39329789afd3d396f1ca7c");
  SecretBytes k1 = Kdf(Bytes(32, 1), "dojava/v1/one");
  CHECK(HexEncode(k1.reveal()) ==
        "0704ee2d75fd30264a286fe9e4830f38757d7208aa4e5cc5cfc8955d63f888d0");
  // The NUL terminator keeps label and data apart.
  CHECK(LabeledHash(32, "a", AsBytes("bc")) != LabeledHash(32, "ab", AsBytes("c")));
  CHECK_FALSE(k1.Equals(Kdf(Bytes(32, 1), "dojava/v1/two")));
  CHECK_FALSE(k1.Equals(Kdf(Bytes(32, 2), "dojava/v1/one")));
}
