// Dojava protocol — §7.1 The source's wrapped case key (crypto/source_key_wrap.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { blake2b } from '@noble/hashes/blake2.js';
import { fail } from './errors.js';
import { ID_BYTES, KEY_BYTES, LABEL_SOURCE_WRAP_AD, LABEL_SOURCE_WRAP_KEY, SOURCE_WRAP_RANDOM_BYTES, VERSION, WRAPPED_KEY_BYTES } from './constants.js';
import { concatBytes, randomBytes, requireBytes, wipe } from './bytes.js';
import { L, aeadDecrypt, aeadEncrypt } from './primitives.js';
import { ZERO_NONCE, checkRole } from './sealed_key.js';

function sourceWrapAd(role, caseId) {
  return concatBytes(L(LABEL_SOURCE_WRAP_AD), Uint8Array.of(VERSION, role), caseId);
}

function sourceWrapDerive(sourceWrap, r) {
  return blake2b(concatBytes(L(LABEL_SOURCE_WRAP_KEY), r), { key: sourceWrap, dkLen: 32 });
}

/**
 * §7.1 wrap the source's copy of a 32-byte key (CK) under `sourceWrap` (deriveReceiptKeys().sourceWrap).
 * Unlike a key sealed to source_pk (public, stored by the server), only a receipt holder can make one that
 * opens. `random` (32 bytes) only for vectors.
 */
export function wrapSourceKey(key, sourceWrap, role, caseId, { random } = {}) {
  requireBytes(key, KEY_BYTES, 'key');
  requireBytes(sourceWrap, KEY_BYTES, 'source wrap key');
  requireBytes(caseId, ID_BYTES, 'case id');
  checkRole(role);
  const r = random === undefined ? randomBytes(SOURCE_WRAP_RANDOM_BYTES) : requireBytes(random, SOURCE_WRAP_RANDOM_BYTES, 'r');
  const k = sourceWrapDerive(sourceWrap, r);
  // Zero nonce: k is fresh for every wrapping because r is (§7.1).
  const wrapped = aeadEncrypt(k, ZERO_NONCE, sourceWrapAd(role, caseId), key);
  wipe(k);
  return concatBytes(Uint8Array.of(VERSION, role), r, wrapped);
}

/**
 * §7.1 open, in order: version (`unsupported_version`; empty: `malformed`), size 82 (`malformed`), role
 * equals the expected role (`malformed`), AEAD open (`decrypt_failed`: another receipt, another case, a
 * rewritten role, a flipped byte, or a key a server sealed to source_pk).
 */
export function openSourceKey(record, sourceWrap, expectedRole, caseId) {
  requireBytes(record, undefined, 'wrapped key');
  requireBytes(sourceWrap, KEY_BYTES, 'source wrap key');
  requireBytes(caseId, ID_BYTES, 'case id');
  checkRole(expectedRole);
  if (record.length < 1) fail('malformed', 'wrapped key: empty');
  if (record[0] !== VERSION) fail('unsupported_version', 'wrapped key: version');
  if (record.length !== WRAPPED_KEY_BYTES) fail('malformed', 'wrapped key: size');
  if (record[1] !== expectedRole) fail('malformed', 'wrapped key: role');
  const k = sourceWrapDerive(sourceWrap, record.subarray(2, 2 + SOURCE_WRAP_RANDOM_BYTES));
  try {
    return aeadDecrypt(k, ZERO_NONCE, sourceWrapAd(record[1], caseId), record.subarray(2 + SOURCE_WRAP_RANDOM_BYTES));
  } finally {
    wipe(k);
  }
}
