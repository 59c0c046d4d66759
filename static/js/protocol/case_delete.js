// Dojava protocol — §8.6 Deleting a case (crypto/case_delete.h): a reviewer who holds the case signs that it
// be deleted, so a stolen bearer token alone cannot destroy a case.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import { CASE_DELETE_BYTES, CASE_DELETE_DAY_WINDOW, ID_BYTES, LABEL_CASE_DELETE, SIGNATURE_BYTES, VERSION_2 } from './constants.js';
import { concatBytes, equalBytes, readU32, requireBytes, u32 } from './bytes.js';
import { sign, verify } from './primitives.js';
import { findRosterEntry } from './roster_v2.js';

/** version(2) || case_id || reviewer_id || u32 day || signature: 101 bytes. */
export function makeCaseDelete(caseId, reviewerId, day, reviewerEdSeed) {
  const body = concatBytes(Uint8Array.of(VERSION_2), requireBytes(caseId, ID_BYTES, 'case id'), requireBytes(reviewerId, ID_BYTES, 'reviewer id'), u32(day));
  return concatBytes(body, sign(reviewerEdSeed, LABEL_CASE_DELETE, body));
}

/**
 * §8.6 in order: version; length 101; case id; reviewer on the roster (`unknown_author`); signature;
 * reviewer active (`retired_author`); day within one of `today` (`expired`). Returns { reviewerId, day }.
 */
export function checkCaseDelete(bytes, { caseId, roster, today }) {
  requireBytes(bytes, undefined, 'delete statement');
  if (bytes.length < 1) fail('malformed', 'delete: empty');
  if (bytes[0] !== VERSION_2) fail('unsupported_version', 'delete: version');
  if (bytes.length !== CASE_DELETE_BYTES) fail('malformed', 'delete: length');
  if (!equalBytes(bytes.subarray(1, 17), caseId)) fail('malformed', 'delete: other case');
  const reviewerId = bytes.slice(17, 33);
  const day = readU32(bytes, 33);
  const entry = findRosterEntry(roster, reviewerId);
  if (!entry) fail('unknown_author', 'delete: reviewer on no roster');
  const signed = CASE_DELETE_BYTES - SIGNATURE_BYTES;
  if (!verify(entry.ed25519, LABEL_CASE_DELETE, bytes.subarray(0, signed), bytes.subarray(signed))) fail('bad_signature', 'delete: signature');
  if (entry.retiredAt !== 0n) fail('retired_author', 'delete: by a retired reviewer');
  if (day + CASE_DELETE_DAY_WINDOW < today || day > today + CASE_DELETE_DAY_WINDOW) fail('expired', 'delete: a statement of another day');
  return { reviewerId, day };
}
