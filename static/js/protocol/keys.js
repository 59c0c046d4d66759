// Dojava protocol — §5.1–5.2 Reviewer and admin keys (crypto/reviewer_key.h, crypto/admin_key.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { FINGERPRINT_BYTES, LABEL_ADMIN_ED25519, LABEL_FINGERPRINT, LABEL_REVIEWER_ED25519, LABEL_REVIEWER_X25519 } from './constants.js';
import { requireBytes } from './bytes.js';
import { hexEncode } from './encoding.js';
import { ed25519Public, kdf, labeledHash, x25519Public } from './primitives.js';

/** §5.1 reviewer keys from a 32-byte seed S. */
export function deriveReviewerKeys(seed) {
  requireBytes(seed, 32, 'seed');
  const edSeed = kdf(seed, LABEL_REVIEWER_ED25519);
  const xSecret = kdf(seed, LABEL_REVIEWER_X25519);
  return { edSeed, edPublic: ed25519Public(edSeed), xSecret, xPublic: x25519Public(xSecret) };
}

/** §5.1 admin key from a 32-byte seed S. */
export function deriveAdminKeys(seed) {
  requireBytes(seed, 32, 'seed');
  const edSeed = kdf(seed, LABEL_ADMIN_ED25519);
  return { edSeed, edPublic: ed25519Public(edSeed) };
}

/** §5.2 fingerprint bytes (20). */
export function adminFingerprint(adminPublic) {
  requireBytes(adminPublic, 32, 'admin public key');
  return labeledHash(FINGERPRINT_BYTES, LABEL_FINGERPRINT, adminPublic);
}

/** §5.2 display: 40 lower-case hex digits in 10 groups of 4 separated by spaces. */
export function formatFingerprint(fingerprint) {
  return hexEncode(fingerprint).match(/.{4}/g).join(' ');
}
