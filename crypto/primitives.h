// The primitives of crypto/PROTOCOL.md §3, as thin, length-checked wrappers
// over libsodium. Every other file of crypto/ builds on these, so each
// construction exists in exactly one place.
#ifndef DOJAVA_CRYPTO_PRIMITIVES_H_
#define DOJAVA_CRYPTO_PRIMITIVES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "base/bytes.h"
#include "crypto/protocol_constants.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::crypto {

using X25519Public = std::array<uint8_t, protocol::kX25519Size>;
using Ed25519Public = std::array<uint8_t, protocol::kEd25519PublicSize>;
using Signature = std::array<uint8_t, protocol::kSignatureSize>;
using Id = std::array<uint8_t, protocol::kIdSize>;

// A fresh random id (§1).
Id RandomId();

// L(label): the label's bytes and a trailing 0x00 (§1).
Bytes Label(std::string_view label);

// KDF(ikm, label) = BLAKE2b-256(key = ikm, message = L(label)) (§3).
// ikm must be 16..64 bytes (BLAKE2b key limits); aborts otherwise (a
// programming error, never input-dependent).
SecretBytes Kdf(ByteView ikm, std::string_view label);

// BLAKE2b-256(key = key, message = message), key 16..64 bytes (aborts
// otherwise). KDF and the sealing key of §7 are this with fixed messages.
SecretBytes KeyedHash(ByteView key, ByteView message);

// True if P is a low-order X25519 point (X25519 of any non-zero scalar with
// it is all-zero). No secret is involved: computed in stack memory.
bool IsLowOrderX25519(ByteView public32);

// H(n, label, data) = BLAKE2b-n(L(label) || data), 16 <= n <= 64 (§3).
Bytes LabeledHash(size_t n, std::string_view label, ByteView data);

// Argon2id v1.3, p = 1, 32-byte output (§3). kInternal if libsodium cannot
// allocate `mem_bytes` (out of memory).
Result<SecretBytes> Argon2id(ByteView password, ByteView salt16, uint64_t ops, size_t mem_bytes);

// X25519(k, 9).
X25519Public X25519Base(ByteView secret32);
// X25519(k, P); kDecryptFailed if the result is all-zero (low-order P).
Result<SecretBytes> X25519Shared(ByteView secret32, ByteView public32);

// An Ed25519 key pair from a 32-byte seed. The secret key is libsodium's
// 64-byte form (seed || public key).
struct Ed25519KeyPair {
  Ed25519Public public_key{};
  SecretBytes secret_key;  // 64 bytes
};
Ed25519KeyPair Ed25519FromSeed(ByteView seed32);

// Sign(sk, label, m) = Ed25519(sk, L(label) || m) (§3).
Signature SignLabeled(const SecretBytes& secret_key64, std::string_view label, ByteView message);
// Strict verification (libsodium's rules, §3). kBadSignature on failure.
Status VerifyLabeled(ByteView public32, std::string_view label, ByteView message,
                     ByteView signature64);

// AEAD (§3): XChaCha20-Poly1305-IETF. Seal returns ciphertext || tag.
Bytes AeadSeal(ByteView key32, ByteView nonce24, ByteView ad, ByteView plaintext);
// Writes into `out` (plaintext.size() + 16 bytes).
// `out` must be exactly plaintext.size() + 16 bytes (aborts otherwise: a
// programming error).
void AeadSealInto(ByteView key32, ByteView nonce24, ByteView ad, ByteView plaintext,
                  std::span<uint8_t> out);
// Opens into wiped memory; kDecryptFailed if authentication fails.
Result<SecretBytes> AeadOpen(ByteView key32, ByteView nonce24, ByteView ad, ByteView ciphertext);
// Opens into `out`, which must be exactly ciphertext.size() - 16 bytes
// (aborts otherwise) and should be SecretBytes memory: it receives plaintext.
// kDecryptFailed on failure, in which case `out` is wiped.
Status AeadOpenInto(ByteView key32, ByteView nonce24, ByteView ad, ByteView ciphertext,
                    std::span<uint8_t> out);

}  // namespace dojava::crypto

#endif  // DOJAVA_CRYPTO_PRIMITIVES_H_
