// Dojava protocol — §7.3 Re-keying a case (crypto/rekey.h): a reviewer moves a case to CK' and reaches the
// source through a key sealed to source_pk, authenticated by the reviewer's signature.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import { ID_BYTES, LABEL_REKEY, REKEY_BYTES, ROLE_CK, SEALED_KEY_BYTES, SIGNATURE_BYTES, VERSION_2 } from './constants.js';
import { concatBytes, equalBytes, readU64, requireBytes, u64 } from './bytes.js';
import { sign, verify } from './primitives.js';
import { keyCommitment } from './message_v2.js';
import { entryActiveAt, findRosterEntry } from './roster_v2.js';
import { openSealedKey } from './sealed_key.js';

/** Build and sign a statement moving `caseId` from `oldKey` to `newKey`; `sourceSeal` seals newKey to source_pk. */
export function makeRekey({ caseId, reviewerId, oldKey, newKey, sourceSeal, rosterVersion }, reviewerEdSeed) {
  const body = concatBytes(Uint8Array.of(VERSION_2), requireBytes(caseId, ID_BYTES, 'case id'), requireBytes(reviewerId, ID_BYTES, 'reviewer id'), keyCommitment(oldKey), keyCommitment(newKey), requireBytes(sourceSeal, SEALED_KEY_BYTES, 'source seal'), u64(rosterVersion));
  return concatBytes(body, sign(reviewerEdSeed, LABEL_REKEY, body));
}

/**
 * §7.3 in order: version; length 251; case id; reviewer on the roster (`unknown_author`); signature;
 * reviewer active at the statement's roster version (`retired_author`); old_commit against the key held
 * (`wrong_key`). Returns { caseId, reviewerId, oldCommit, newCommit, sourceSeal, rosterVersion }.
 */
export function checkRekey(bytes, { caseId, heldKey, roster }) {
  requireBytes(bytes, undefined, 're-key');
  if (bytes.length < 1) fail('malformed', 're-key: empty');
  if (bytes[0] !== VERSION_2) fail('unsupported_version', 're-key: version');
  if (bytes.length !== REKEY_BYTES) fail('malformed', 're-key: length');
  const s = {
    caseId: bytes.slice(1, 17),
    reviewerId: bytes.slice(17, 33),
    oldCommit: bytes.slice(33, 65),
    newCommit: bytes.slice(65, 97),
    sourceSeal: bytes.slice(97, 97 + SEALED_KEY_BYTES),
    rosterVersion: readU64(bytes, 97 + SEALED_KEY_BYTES),
  };
  if (!equalBytes(s.caseId, caseId)) fail('malformed', 're-key: other case');
  const entry = findRosterEntry(roster, s.reviewerId);
  if (!entry) fail('unknown_author', 're-key: reviewer on no roster');
  const signedLen = REKEY_BYTES - SIGNATURE_BYTES;
  if (!verify(entry.ed25519, LABEL_REKEY, bytes.subarray(0, signedLen), bytes.subarray(signedLen))) fail('bad_signature', 're-key: signature');
  if (!entryActiveAt(entry, s.rosterVersion)) fail('retired_author', 're-key: reviewer retired');
  if (!equalBytes(keyCommitment(heldKey), s.oldCommit)) fail('wrong_key', 're-key: does not start from the case key held');
  return s;
}

/** The source's side after checkRekey: opens the seal with source_sk and checks new_commit (`wrong_key`). */
export function openRekeyForSource(statement, sourceSecret) {
  const key = openSealedKey(statement.sourceSeal, sourceSecret, ROLE_CK, statement.caseId);
  checkRekeyNewKey(statement, key);
  return key;
}

/** A reviewer's side: the CK' sealed to it matches new_commit (`wrong_key` otherwise). */
export function checkRekeyNewKey(statement, newKey) {
  if (!equalBytes(keyCommitment(newKey), statement.newCommit)) fail('wrong_key', 're-key: the new case key is not the one named');
}
