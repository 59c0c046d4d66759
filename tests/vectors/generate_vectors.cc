// Writes the protocol's test vectors (crypto/PROTOCOL.md §13) into the
// directory given as the only argument, one JSON file per scenario.
//
// Every "random" value comes from libsodium's randombytes_buf_deterministic
// seeded by a label, so the output is identical on every run and machine
// (checked by the ctest `vectors_are_reproducible`).
#include <sodium.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crypto/login.h"
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/vector_json.h"
#include "tests/vectors/vector_sections.h"

namespace json = boost::json;
using namespace dojava;
using namespace dojava::crypto;
using namespace dojava::vectors;
namespace p = dojava::protocol;

namespace dojava::vectors {

Bytes Det(std::string_view label, size_t n) {
  const Bytes seed = LabeledHash(32, "dojava/test-vectors", AsBytes(label));
  Bytes out(n);
  randombytes_buf_deterministic(out.data(), n, seed.data());
  return out;
}
SecretBytes DetSecret(std::string_view label, size_t n) { return SecretBytes::Copy(Det(label, n)); }
Id DetId(std::string_view label) {
  Id id{};
  const Bytes b = Det(label, id.size());
  std::copy(b.begin(), b.end(), id.begin());
  return id;
}

VectorWriter::VectorWriter(std::string dir) : dir_(std::move(dir)) {}

void VectorWriter::Write(const std::string& scenario, const std::string& kind,
                         const std::string& description, json::object input,
                         const std::string& expect, json::object output) {
  json::object v;
  v["scenario"] = scenario;
  v["kind"] = kind;
  v["description"] = description;
  v["input"] = std::move(input);
  v["expect"] = expect;
  v["output"] = std::move(output);
  if (!names_.insert(scenario).second) {
    std::fprintf(stderr, "duplicate scenario %s\n", scenario.c_str());
    std::exit(1);
  }
  std::ofstream f(dir_ + "/" + scenario + ".json", std::ios::binary);
  f << Pretty(v);
  if (!f) {
    std::fprintf(stderr, "cannot write %s\n", scenario.c_str());
    std::exit(1);
  }
}

}  // namespace dojava::vectors

namespace {

// ------------------------------------------------------------ sealed keys

void SealedKeys(VectorWriter& w) {
  const SecretBytes recipient_secret = DetSecret("sealed/recipient", 32);
  const X25519Public recipient_public = X25519Base(recipient_secret.reveal());
  const Id case_id = DetId("sealed/case");
  auto input = [&](ByteView record, uint8_t role) {
    json::object in;
    in["recipient_secret"] = HexOf(recipient_secret.reveal());
    in["recipient_public"] = HexOf(recipient_public);
    in["case_id"] = HexOf(case_id);
    in["role"] = role;
    in["record"] = HexOf(record);
    return in;
  };
  auto seal = [&](std::string_view tag, uint8_t role, json::object* in, SecretBytes* key) {
    *key = DetSecret(std::string(tag) + "/key", 32);
    const SecretBytes eph = DetSecret(std::string(tag) + "/ephemeral", 32);
    Bytes rec = SealKeyWithEphemeral(*key, role, case_id, recipient_public, eph).value();
    *in = input(rec, role);
    (*in)["key"] = HexOf(key->reveal());
    (*in)["ephemeral_secret"] = HexOf(eph.reveal());
    return rec;
  };
  for (uint8_t role : {p::kRoleCaseKey, p::kRoleNotesKey}) {
    json::object in;
    SecretBytes key;
    const std::string name = role == p::kRoleCaseKey ? "ck" : "nk";
    seal("sealed/" + name, role, &in, &key);
    json::object out;
    out["key"] = HexOf(key.reveal());
    w.Write("sealed-key-" + name + "-valid", "sealed_key",
            "A " + std::string(role == 1 ? "case key (CK)" : "notes key (NK)") +
                " sealed to one recipient.",
            std::move(in), "success", std::move(out));
  }
  json::object base_in;
  SecretBytes key;
  const Bytes rec = seal("sealed/base", p::kRoleCaseKey, &base_in, &key);
  {
    auto in = input(rec, p::kRoleCaseKey);
    const SecretBytes other = DetSecret("sealed/other-recipient", 32);
    in["recipient_secret"] = HexOf(other.reveal());
    in["recipient_public"] = HexOf(X25519Base(other.reveal()));
    w.Write("sealed-key-wrong-recipient", "sealed_key",
            "Opened by a recipient it was not sealed to.", std::move(in), "decrypt_failed");
  }
  {
    auto in = input(rec, p::kRoleCaseKey);
    in["case_id"] = HexOf(DetId("sealed/other-case"));
    w.Write("sealed-key-wrong-case", "sealed_key",
            "A sealed key moved to another case by the server.", std::move(in), "decrypt_failed");
  }
  w.Write("sealed-key-wrong-role", "sealed_key", "A CK record presented where an NK is expected.",
          input(rec, p::kRoleNotesKey), "malformed");
  {
    Bytes relabelled = rec;
    relabelled[1] = p::kRoleNotesKey;
    w.Write("sealed-key-relabelled", "sealed_key",
            "A CK record whose role byte was rewritten to NK.", input(relabelled, p::kRoleNotesKey),
            "decrypt_failed");
  }
  {
    Bytes v2 = rec;
    v2[0] = 2;
    w.Write("sealed-key-unknown-version", "sealed_key", "Version byte 2.",
            input(v2, p::kRoleCaseKey), "unsupported_version");
  }
  w.Write("sealed-key-short-unknown-version", "sealed_key",
          "Two bytes, version 2: the version is checked before the length.", input(Bytes{2, 1}, 1),
          "unsupported_version");
  w.Write("sealed-key-truncated", "sealed_key", "81 of the 82 bytes.",
          input(ByteView(rec.data(), 81), 1), "malformed");
  {
    Bytes flipped = rec;
    flipped[50] ^= 0x10;
    w.Write("sealed-key-flipped-bit", "sealed_key", "One bit of the ciphertext flipped.",
            input(flipped, p::kRoleCaseKey), "decrypt_failed");
  }
  {
    Bytes zero_epk = rec;
    std::fill(zero_epk.begin() + 2, zero_epk.begin() + 34, 0);
    w.Write("sealed-key-low-order-ephemeral", "sealed_key",
            "The ephemeral public key replaced by the all-zero (low-order) point: X25519 output is "
            "zero.",
            input(zero_epk, p::kRoleCaseKey), "decrypt_failed");
  }
}

// ------------------------------------------------------------------ login

void Logins(VectorWriter& w) {
  const Bytes seed = Det("login/reviewer-ed25519-seed", 32);
  const Ed25519KeyPair kp = Ed25519FromSeed(seed);
  const Id instance = DetId("login/instance"), reviewer = DetId("login/reviewer");
  const Bytes challenge = Det("login/challenge", 32);
  const Signature sig = SignLogin(kp.secret_key, instance, reviewer, challenge).value();
  json::object in;
  in["ed25519_seed"] = HexOf(seed);
  in["ed25519_public"] = HexOf(kp.public_key);
  in["instance_id"] = HexOf(instance);
  in["reviewer_id"] = HexOf(reviewer);
  in["challenge"] = HexOf(challenge);
  in["signature"] = HexOf(sig);
  w.Write("login-valid", "login", "A reviewer's answer to a login challenge.", in, "success");
  in["challenge"] = HexOf(Det("login/other-challenge", 32));
  w.Write("login-replayed", "login", "A valid answer replayed against a new challenge.", in,
          "bad_signature");
  in["challenge"] = HexOf(challenge);

  // The signed message of §10 with its label, for hand-made signatures.
  Bytes m = Label(p::kLabelLogin);
  m.insert(m.end(), instance.begin(), instance.end());
  m.insert(m.end(), reviewer.begin(), reviewer.end());
  m.insert(m.end(), challenge.begin(), challenge.end());
  Bytes identity(32, 0);
  identity[0] = 1;  // the neutral element: a small-order point
  {
    // R = identity, S = k·a: the cofactorless equation holds ([S]B = R + [k]A),
    // so lax verifiers accept; strict ones refuse a small-order R.
    uint8_t h[64];
    crypto_hash_sha512(h, seed.data(), seed.size());
    h[0] &= 248;
    h[31] &= 127;
    h[31] |= 64;
    uint8_t wide[64] = {}, a[32], k[32], sc[32];
    std::copy(h, h + 32, wide);
    crypto_core_ed25519_scalar_reduce(a, wide);
    crypto_hash_sha512_state st;
    crypto_hash_sha512_init(&st);
    crypto_hash_sha512_update(&st, identity.data(), 32);
    crypto_hash_sha512_update(&st, kp.public_key.data(), 32);
    crypto_hash_sha512_update(&st, m.data(), m.size());
    uint8_t hk[64];
    crypto_hash_sha512_final(&st, hk);
    crypto_core_ed25519_scalar_reduce(k, hk);
    crypto_core_ed25519_scalar_mul(sc, k, a);
    Bytes forged = identity;
    forged.insert(forged.end(), sc, sc + 32);
    in["signature"] = HexOf(forged);
    w.Write("login-small-order-r", "login",
            "R is the identity (small order) and S = k*a, so [S]B = R + [k]A holds: lax (ZIP-215, "
            "noble "
            "zip215:false) verifiers accept, strict verification (section 3) refuses.",
            in, "bad_signature");
  }
  {
    json::object o;
    o["ed25519_public"] = HexOf(identity);
    o["instance_id"] = HexOf(instance);
    o["reviewer_id"] = HexOf(reviewer);
    o["challenge"] = HexOf(challenge);
    Bytes forged = identity;
    forged.resize(64, 0);
    o["signature"] = HexOf(forged);
    w.Write(
        "login-small-order-key", "login",
        "Public key and R are the identity and S = 0: the equation holds for every message; strict "
        "verification refuses the small-order key.",
        std::move(o), "bad_signature");
  }
  {
    // A small-order key with a valid (prime-order) R: R = [r]B and S = r satisfy the equation for
    // every message because [k]A is the identity. Only the small-order-A check refuses it (the
    // vector above also has a small-order R, which a verifier refuses for that reason alone).
    const Bytes wide = Det("login/valid-r", 64);
    uint8_t r[32], big_r[32];
    crypto_core_ed25519_scalar_reduce(r, wide.data());
    if (crypto_scalarmult_ed25519_base_noclamp(big_r, r) != 0) std::abort();
    Bytes forged(big_r, big_r + 32);
    forged.insert(forged.end(), r, r + 32);
    json::object o;
    o["ed25519_public"] = HexOf(identity);
    o["instance_id"] = HexOf(instance);
    o["reviewer_id"] = HexOf(reviewer);
    o["challenge"] = HexOf(challenge);
    o["signature"] = HexOf(forged);
    w.Write("login-small-order-key-valid-r", "login",
            "The public key is the identity (small order), R = [r]B is a valid point and S = r: "
            "the equation holds for every message; only the small-order check on A refuses it.",
            o, "bad_signature");
    // The same with the identity's non-canonical encoding y = p + 1.
    Bytes noncanonical(32, 0xff);
    noncanonical[0] = 0xee;
    noncanonical[31] = 0x7f;
    o["ed25519_public"] = HexOf(noncanonical);
    w.Write("login-noncanonical-key", "login",
            "The public key is the non-canonical encoding y = p + 1 of the identity, R = [r]B and "
            "S = r. A verifier that reduces y modulo p and compares small-order points by their "
            "canonical bytes accepts; the canonical-A check refuses it. (A non-canonical key whose "
            "point has large order cannot sign anything: nobody knows its discrete logarithm.)",
            std::move(o), "bad_signature");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: generate_vectors DIR\n");
    return 2;
  }
  EnsureSodium();
  VectorWriter w(argv[1]);
  SealedKeys(w);
  Logins(w);
  for (const auto& section : ExtraSections()) section(w);
  for (const auto& section : V2Sections()) section(w);
  std::printf("%zu vector files written to %s\n", w.count(), argv[1]);
  return 0;
}
