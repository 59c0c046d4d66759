// Dojava protocol — §3 Primitives and labels (crypto/primitives.h): KDF, labelled hash, Argon2id, X25519, strict Ed25519, AEAD.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { argon2id, argon2idAsync } from '@noble/hashes/argon2.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { fail } from './errors.js';
import { ED25519_SEED_BYTES, NONCE_BYTES, TAG_BYTES } from './constants.js';
import { concatBytes, equalBytes, isBytes, requireBytes, utf8 } from './bytes.js';

/** §1: L(label) = ASCII bytes of the label || 0x00. */
export function L(label) {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    // A label with NUL (or non-ASCII) would break the prefix-freeness §1 relies on.
    if (c === 0 || c > 0x7f) throw new Error('label must be ASCII without NUL');
  }
  return concatBytes(utf8(label), Uint8Array.of(0));
}

/** §3 KDF(ikm, label): BLAKE2b keyed with the 32-byte ikm over L(label), 32 bytes out. */
export function kdf(ikm, label) {
  requireBytes(ikm, 32, 'KDF key');
  return blake2b(L(label), { key: ikm, dkLen: 32 });
}

/** §3 H(n, label, data): unkeyed BLAKE2b of L(label) || data, n bytes out. */
export function labeledHash(n, label, data) {
  return blake2b(concatBytes(L(label), data), { dkLen: n });
}

/** §3 Argon2id v1.3, parallelism 1, 32-byte output; m in KiB (noble's `m` is KiB as well). */
export function argon2(pw, salt, t, m) {
  return argon2id(pw, salt, { t, m, p: 1, dkLen: 32, version: 0x13, maxmem: m * 1024 });
}

/** Same, yielding to the event loop so a page stays responsive during the seconds it takes at "Safer". */
export function argon2Async(pw, salt, t, m, onProgress) {
  return argon2idAsync(pw, salt, { t, m, p: 1, dkLen: 32, version: 0x13, maxmem: m * 1024, onProgress });
}

export function x25519Public(secret) {
  requireBytes(secret, 32, 'X25519 secret');
  return x25519.getPublicKey(secret);
}

function isZero(bytes) {
  let d = 0;
  for (let i = 0; i < bytes.length; i++) d |= bytes[i];
  return d === 0;
}

/**
 * §3 X25519(k, P), rejecting an all-zero output (a low-order peer key) with `decrypt_failed`.
 * noble already refuses low-order inputs by throwing; the explicit zero check keeps the MUST of §3
 * true whatever the library version does.
 */
export function x25519Shared(secret, publicKey) {
  requireBytes(secret, 32, 'X25519 secret');
  requireBytes(publicKey, 32, 'X25519 public key');
  let ss;
  try {
    ss = x25519.getSharedSecret(secret, publicKey);
  } catch {
    fail('decrypt_failed', 'low-order X25519 key');
  }
  if (isZero(ss)) fail('decrypt_failed', 'all-zero X25519 output');
  return ss;
}

export function ed25519Public(seed) {
  requireBytes(seed, ED25519_SEED_BYTES, 'Ed25519 seed');
  return ed25519.getPublicKey(seed);
}

/** §3 Sign(sk, label, m): Ed25519 over L(label) || m. `seed` is the 32-byte RFC 8032 secret key. */
export function sign(seed, label, message) {
  requireBytes(seed, ED25519_SEED_BYTES, 'Ed25519 seed');
  return ed25519.sign(concatBytes(L(label), message), seed);
}

export const Point = ed25519.Point;
const ED_L = Point.Fn.ORDER;

function bytesToNumberLE(b) {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

/**
 * §3 strict Ed25519 verification, as the spec now spells it out (libsodium 1.0.18
 * crypto_sign_verify_detached): reject S ≥ ℓ; reject a small-order R (any encoding: a non-canonical R
 * fails to decode here, and could never equal a canonical R' anyway); reject A non-canonical, off the
 * curve or of small order; then accept iff encode([S]B − [k]A) equals the 32 bytes R (cofactorless,
 * byte comparison). Vectors login-small-order-r, login-small-order-key and roster-noncanonical-signature.
 *
 * noble's verify with { zip215: false } alone is not enough: it checks the *cofactored* equation and does
 * not reject a small-order R. Its answer is additionally required; it is implied by the checks above
 * (cofactorless ⇒ cofactored), so it never changes the result, only guards our own arithmetic.
 */
export function verifyStrict(publicKey, message, signature) {
  if (!isBytes(publicKey) || publicKey.length !== 32) return false;
  if (!isBytes(signature) || signature.length !== 64) return false;
  const rBytes = signature.subarray(0, 32);
  const s = bytesToNumberLE(signature.subarray(32, 64));
  if (s >= ED_L) return false;
  let A;
  let R;
  try {
    A = Point.fromBytes(publicKey, false);
    R = Point.fromBytes(rBytes, false);
  } catch {
    return false;
  }
  if (A.isSmallOrder() || R.isSmallOrder()) return false;
  // Canonical encodings round-trip; fromBytes(…, false) already refuses y ≥ p, this makes it explicit.
  if (!equalBytes(A.toBytes(), publicKey) || !equalBytes(R.toBytes(), rBytes)) return false;
  const k = bytesToNumberLE(sha512(concatBytes(rBytes, publicKey, message))) % ED_L;
  const sB = s === 0n ? Point.ZERO : Point.BASE.multiplyUnsafe(s);
  const kA = k === 0n ? Point.ZERO : A.multiplyUnsafe(k);
  const check = sB.subtract(kA);
  if (!equalBytes(check.toBytes(), rBytes)) return false;
  let nobleOk = false;
  try {
    nobleOk = ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    nobleOk = false;
  }
  return nobleOk;
}

/** §3 Verify(pk, label, m, s). Returns a boolean; callers map false to `bad_signature`. */
export function verify(publicKey, label, message, signature) {
  return verifyStrict(publicKey, concatBytes(L(label), message), signature);
}

/** §3 AEAD: XChaCha20-Poly1305-IETF, tag appended. */
export function aeadEncrypt(key, nonce, ad, plaintext) {
  requireBytes(key, 32, 'AEAD key');
  requireBytes(nonce, NONCE_BYTES, 'AEAD nonce');
  return xchacha20poly1305(key, nonce, ad).encrypt(plaintext);
}

/** §3 AEAD open; any failure is `decrypt_failed`. */
export function aeadDecrypt(key, nonce, ad, ciphertext) {
  requireBytes(key, 32, 'AEAD key');
  requireBytes(nonce, NONCE_BYTES, 'AEAD nonce');
  if (ciphertext.length < TAG_BYTES) fail('decrypt_failed');
  try {
    return xchacha20poly1305(key, nonce, ad).decrypt(ciphertext);
  } catch {
    fail('decrypt_failed');
  }
}
