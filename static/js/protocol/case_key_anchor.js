// Dojava protocol — §8.5 The case-key anchor (crypto/case_key_anchor.h): the first reviewer to open a case
// signs a commitment to CK, which later openers check.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import { CK_ANCHOR_BYTES, ID_BYTES, LABEL_CK_ANCHOR, SIGNATURE_BYTES, VERSION_2 } from './constants.js';
import { concatBytes, equalBytes, requireBytes } from './bytes.js';
import { sign, verify } from './primitives.js';
import { keyCommitment } from './message_v2.js';
import { findRosterEntry } from './roster_v2.js';

/** version(2) || case_id || reviewer_id || KDF(CK, commit) || signature: 129 bytes. */
export function makeCaseKeyAnchor(caseId, reviewerId, caseKey, reviewerEdSeed) {
  const body = concatBytes(Uint8Array.of(VERSION_2), requireBytes(caseId, ID_BYTES, 'case id'), requireBytes(reviewerId, ID_BYTES, 'reviewer id'), keyCommitment(caseKey));
  return concatBytes(body, sign(reviewerEdSeed, LABEL_CK_ANCHOR, body));
}

/**
 * §8.5 in order: version; length 129; case id; reviewer on the roster (`unknown_author`); signature;
 * commitment against the reader's CK (`wrong_key`). Returns the anchoring reviewer's id.
 */
export function checkCaseKeyAnchor(bytes, { caseId, caseKey, roster }) {
  requireBytes(bytes, undefined, 'anchor');
  if (bytes.length < 1) fail('malformed', 'anchor: empty');
  if (bytes[0] !== VERSION_2) fail('unsupported_version', 'anchor: version');
  if (bytes.length !== CK_ANCHOR_BYTES) fail('malformed', 'anchor: length');
  if (!equalBytes(bytes.subarray(1, 17), caseId)) fail('malformed', 'anchor: other case');
  const reviewerId = bytes.slice(17, 33);
  const entry = findRosterEntry(roster, reviewerId);
  if (!entry) fail('unknown_author', 'anchor: reviewer on no roster');
  if (!verify(entry.ed25519, LABEL_CK_ANCHOR, bytes.subarray(0, 65), bytes.subarray(65, 65 + SIGNATURE_BYTES))) fail('bad_signature', 'anchor: signature');
  if (!equalBytes(keyCommitment(caseKey), bytes.subarray(33, 65))) fail('wrong_key', 'anchor: a colleague anchored this case to another case key');
  return reviewerId;
}
