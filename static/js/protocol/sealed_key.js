// Dojava protocol — §7 Sealed keys (crypto/sealed_key.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { blake2b } from '@noble/hashes/blake2.js';
import { fail } from './errors.js';
import { ID_BYTES, KEY_BYTES, LABEL_SEAL_AD, LABEL_SEAL_KEY, NONCE_BYTES, ROLE_CK, ROLE_NK, SEALED_KEY_BYTES, VERSION } from './constants.js';
import { concatBytes, randomBytes, requireBytes, wipe } from './bytes.js';
import { L, aeadDecrypt, aeadEncrypt, x25519Public, x25519Shared } from './primitives.js';

function sealAd(role, caseId, recipientPublic) {
  return concatBytes(L(LABEL_SEAL_AD), Uint8Array.of(VERSION, role), caseId, recipientPublic);
}

function sealKeyDerive(ss, epk, recipientPublic) {
  return blake2b(concatBytes(L(LABEL_SEAL_KEY), epk, recipientPublic), { key: ss, dkLen: 32 });
}

export const ZERO_NONCE = new Uint8Array(NONCE_BYTES);

export function checkRole(role) {
  if (role !== ROLE_CK && role !== ROLE_NK) fail('malformed', 'sealed key: role');
}

/** §7 seal a 32-byte CK/NK to a recipient's X25519 public key. `ephemeralSecret` only for vectors. */
export function sealKey(key, recipientPublic, role, caseId, { ephemeralSecret } = {}) {
  requireBytes(key, KEY_BYTES, 'key');
  requireBytes(recipientPublic, 32, 'recipient public key');
  requireBytes(caseId, ID_BYTES, 'case id');
  checkRole(role);
  const e = ephemeralSecret === undefined ? randomBytes(32) : requireBytes(ephemeralSecret, 32, 'ephemeral secret');
  const epk = x25519Public(e);
  const ss = x25519Shared(e, recipientPublic);
  const k = sealKeyDerive(ss, epk, recipientPublic);
  // Zero nonce: k is fresh for every sealing because e is (§7).
  const sealed = aeadEncrypt(k, ZERO_NONCE, sealAd(role, caseId, recipientPublic), key);
  if (ephemeralSecret === undefined) wipe(e);
  wipe(ss, k);
  return concatBytes(Uint8Array.of(VERSION, role), epk, sealed);
}

/**
 * §7 open, in order: version (`unsupported_version`), size 82 (`malformed`), role equals the expected role
 * (`malformed`), ss not all-zero and AEAD open (`decrypt_failed`).
 */
export function openSealedKey(record, recipientSecret, expectedRole, caseId) {
  requireBytes(record, undefined, 'sealed key');
  requireBytes(recipientSecret, 32, 'recipient secret');
  requireBytes(caseId, ID_BYTES, 'case id');
  checkRole(expectedRole);
  // §7 / §1: version first (an empty record is `malformed`), then the size.
  if (record.length < 1) fail('malformed', 'sealed key: empty');
  if (record[0] !== VERSION) fail('unsupported_version', 'sealed key: version');
  if (record.length !== SEALED_KEY_BYTES) fail('malformed', 'sealed key: size');
  if (record[1] !== expectedRole) fail('malformed', 'sealed key: role');
  const epk = record.subarray(2, 34);
  const recipientPublic = x25519Public(recipientSecret);
  const ss = x25519Shared(recipientSecret, epk);
  const k = sealKeyDerive(ss, epk, recipientPublic);
  try {
    return aeadDecrypt(k, ZERO_NONCE, sealAd(record[1], caseId, recipientPublic), record.subarray(34));
  } finally {
    wipe(ss, k);
  }
}
