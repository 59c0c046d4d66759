#include "crypto/primitives.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace dojava::crypto {
namespace {

// Programming errors (wrong fixed sizes) are not recoverable input errors.
void Require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

Id RandomId() {
  EnsureSodium();
  Id id;
  randombytes_buf(id.data(), id.size());
  return id;
}

Bytes Label(std::string_view label) {
  Bytes b(label.begin(), label.end());
  b.push_back(0);
  return b;
}

SecretBytes KeyedHash(ByteView key, ByteView message) {
  EnsureSodium();
  Require(key.size() >= crypto_generichash_KEYBYTES_MIN &&
          key.size() <= crypto_generichash_KEYBYTES_MAX);
  SecretBytes out(32);
  Require(crypto_generichash(out.reveal_mut().data(), out.size(), message.data(), message.size(),
                             key.data(), key.size()) == 0);
  return out;
}

SecretBytes Kdf(ByteView ikm, std::string_view label) { return KeyedHash(ikm, Label(label)); }

bool IsLowOrderX25519(ByteView public32) {
  EnsureSodium();
  Require(public32.size() == crypto_scalarmult_BYTES);
  static constexpr uint8_t kProbe[crypto_scalarmult_SCALARBYTES] = {9};
  uint8_t out[crypto_scalarmult_BYTES];
  const bool low = crypto_scalarmult(out, kProbe, public32.data()) != 0;
  sodium_memzero(out, sizeof out);
  return low;
}

Bytes LabeledHash(size_t n, std::string_view label, ByteView data) {
  EnsureSodium();
  Require(n >= crypto_generichash_BYTES_MIN && n <= crypto_generichash_BYTES_MAX);
  crypto_generichash_state st;
  Require(crypto_generichash_init(&st, nullptr, 0, n) == 0);
  const Bytes l = Label(label);
  crypto_generichash_update(&st, l.data(), l.size());
  crypto_generichash_update(&st, data.data(), data.size());
  Bytes out(n);
  Require(crypto_generichash_final(&st, out.data(), n) == 0);
  return out;
}

Result<SecretBytes> Argon2id(ByteView password, ByteView salt16, uint64_t ops, size_t mem_bytes) {
  EnsureSodium();
  Require(salt16.size() == crypto_pwhash_SALTBYTES);
  SecretBytes out(32);
  if (crypto_pwhash(out.reveal_mut().data(), out.size(),
                    reinterpret_cast<const char*>(password.data()), password.size(), salt16.data(),
                    ops, mem_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status(Code::kInternal, "Argon2id failed (out of memory?)");
  }
  return out;
}

X25519Public X25519Base(ByteView secret32) {
  EnsureSodium();
  Require(secret32.size() == crypto_scalarmult_SCALARBYTES);
  X25519Public pk;
  crypto_scalarmult_base(pk.data(), secret32.data());
  return pk;
}

Result<SecretBytes> X25519Shared(ByteView secret32, ByteView public32) {
  EnsureSodium();
  Require(secret32.size() == crypto_scalarmult_SCALARBYTES);
  if (public32.size() != crypto_scalarmult_BYTES)
    return Status(Code::kMalformed, "bad X25519 key size");
  SecretBytes ss(32);
  // libsodium returns -1 when the output is all-zero (low-order point).
  if (crypto_scalarmult(ss.reveal_mut().data(), secret32.data(), public32.data()) != 0) {
    return Status(Code::kDecryptFailed, "low-order X25519 public key");
  }
  return ss;
}

Ed25519KeyPair Ed25519FromSeed(ByteView seed32) {
  EnsureSodium();
  Require(seed32.size() == crypto_sign_SEEDBYTES);
  Ed25519KeyPair kp{{}, SecretBytes(crypto_sign_SECRETKEYBYTES)};
  Require(crypto_sign_seed_keypair(kp.public_key.data(), kp.secret_key.reveal_mut().data(),
                                   seed32.data()) == 0);
  return kp;
}

namespace {
// L(label) || message in wiped memory: signed messages may be plaintext.
SecretBytes LabeledMessage(std::string_view label, ByteView message) {
  SecretBytes m(label.size() + 1 + message.size());
  uint8_t* o = m.reveal_mut().data();
  std::memcpy(o, label.data(), label.size());
  o[label.size()] = 0;
  if (!message.empty()) std::memcpy(o + label.size() + 1, message.data(), message.size());
  return m;
}
}  // namespace

Signature SignLabeled(const SecretBytes& secret_key64, std::string_view label, ByteView message) {
  EnsureSodium();
  Require(secret_key64.size() == crypto_sign_SECRETKEYBYTES);
  const SecretBytes m = LabeledMessage(label, message);
  Signature sig;
  Require(crypto_sign_detached(sig.data(), nullptr, m.reveal().data(), m.size(),
                               secret_key64.reveal().data()) == 0);
  return sig;
}

Status VerifyLabeled(ByteView public32, std::string_view label, ByteView message,
                     ByteView signature64) {
  EnsureSodium();
  if (public32.size() != crypto_sign_PUBLICKEYBYTES || signature64.size() != crypto_sign_BYTES) {
    return Status(Code::kMalformed, "bad Ed25519 key or signature size");
  }
  const SecretBytes m = LabeledMessage(label, message);
  if (crypto_sign_verify_detached(signature64.data(), m.reveal().data(), m.size(),
                                  public32.data()) != 0) {
    return Status(Code::kBadSignature, "signature does not verify");
  }
  return Status::Ok();
}

Bytes AeadSeal(ByteView key32, ByteView nonce24, ByteView ad, ByteView plaintext) {
  Bytes out(plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  AeadSealInto(key32, nonce24, ad, plaintext, out);
  return out;
}

void AeadSealInto(ByteView key32, ByteView nonce24, ByteView ad, ByteView plaintext,
                  std::span<uint8_t> out) {
  EnsureSodium();
  Require(key32.size() == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  Require(nonce24.size() == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  Require(out.size() == plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  Require(crypto_aead_xchacha20poly1305_ietf_encrypt(out.data(), nullptr, plaintext.data(),
                                                     plaintext.size(), ad.data(), ad.size(),
                                                     nullptr, nonce24.data(), key32.data()) == 0);
}

Result<SecretBytes> AeadOpen(ByteView key32, ByteView nonce24, ByteView ad, ByteView ciphertext) {
  if (ciphertext.size() < crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return Status(Code::kMalformed, "ciphertext shorter than its tag");
  }
  SecretBytes out(ciphertext.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES);
  DOJAVA_RETURN_IF_ERROR(AeadOpenInto(key32, nonce24, ad, ciphertext, out.reveal_mut()));
  return out;
}

Status AeadOpenInto(ByteView key32, ByteView nonce24, ByteView ad, ByteView ciphertext,
                    std::span<uint8_t> out) {
  EnsureSodium();
  Require(key32.size() == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  Require(nonce24.size() == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  if (ciphertext.size() < crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return Status(Code::kMalformed, "ciphertext shorter than its tag");
  }
  Require(out.size() == ciphertext.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES);
  // libsodium accepts a null output for an empty plaintext but not every
  // caller has a buffer then; give it one byte of stack.
  uint8_t empty = 0;
  uint8_t* dst = out.empty() ? &empty : out.data();
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(dst, nullptr, nullptr, ciphertext.data(),
                                                 ciphertext.size(), ad.data(), ad.size(),
                                                 nonce24.data(), key32.data()) != 0) {
    // libsodium already zeroes the output on failure; be explicit anyway.
    if (!out.empty()) sodium_memzero(out.data(), out.size());
    return Status(Code::kDecryptFailed, "authentication failed");
  }
  return Status::Ok();
}

}  // namespace dojava::crypto
