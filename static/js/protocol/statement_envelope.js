// Dojava protocol — §7.4 Statement envelopes (crypto/statement_envelope.h): the notes-key genesis, case-key
// anchors and re-key statements as the server stores them, sealed under a key derived from the case key
// they are about, so a seized database does not show which reviewer signed them.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import {
  CK_ANCHOR_BYTES, COMMIT_BYTES, ENVELOPE_HEADER_BYTES, GENESIS_FIXED_BYTES, ID_BYTES, LABEL_STATEMENT,
  LABEL_STATEMENT_KEY, NONCE_BYTES, REKEY_BYTES, ROSTER_MAX_ENTRIES, STATEMENT_ANCHOR, STATEMENT_GENESIS,
  STATEMENT_REKEY, TAG_BYTES, VERSION_2,
} from './constants.js';
import { concatBytes, equalBytes, randomBytes, requireBytes } from './bytes.js';
import { L, aeadDecrypt, aeadEncrypt, kdf } from './primitives.js';
import { keyCommitment } from './message_v2.js';

/** Whether a statement of `type` can be `size` bytes long (genesis 171 + 16n, 1 ≤ n ≤ 1000; anchor 129; re-key 251). */
export function isStatementSize(type, size) {
  if (type === STATEMENT_GENESIS) {
    const n = (size - GENESIS_FIXED_BYTES) / ID_BYTES;
    return Number.isInteger(n) && n >= 1 && n <= ROSTER_MAX_ENTRIES;
  }
  if (type === STATEMENT_ANCHOR) return size === CK_ANCHOR_BYTES;
  if (type === STATEMENT_REKEY) return size === REKEY_BYTES;
  return false;
}

const additionalData = (header, caseId) => concatBytes(L(LABEL_STATEMENT), header, caseId);

/**
 * §7.4 steps 1–3: version (`unsupported_version`; empty `malformed`); type 1..3, the expected one, and a
 * length that fits it (`malformed`). Returns { type, keyCommitment, statementSize }.
 */
export function parseStatementEnvelope(bytes, expectedType) {
  requireBytes(bytes, undefined, 'statement envelope');
  if (bytes.length < 1) fail('malformed', 'statement envelope: empty');
  if (bytes[0] !== VERSION_2) fail('unsupported_version', 'statement envelope: version');
  if (bytes.length < ENVELOPE_HEADER_BYTES + TAG_BYTES) fail('malformed', 'statement envelope: too short');
  const type = bytes[1];
  if (type < STATEMENT_GENESIS || type > STATEMENT_REKEY) fail('malformed', 'statement envelope: unknown type');
  if (type !== expectedType) fail('malformed', 'statement envelope: another type');
  const statementSize = bytes.length - ENVELOPE_HEADER_BYTES - TAG_BYTES;
  if (!isStatementSize(type, statementSize)) fail('malformed', 'statement envelope: length');
  return { type, keyCommitment: bytes.slice(2, 2 + COMMIT_BYTES), statementSize };
}

/** Seals `statement` of `type` about `caseId` under `caseKey` (CK); `nonce` only for vectors. */
export function sealStatement(caseKey, type, caseId, statement, { nonce } = {}) {
  requireBytes(caseKey, 32, 'case key');
  requireBytes(caseId, ID_BYTES, 'case id');
  if (!isStatementSize(type, statement.length)) throw new Error('statement envelope: bad type or size');
  const n = nonce ? requireBytes(nonce, NONCE_BYTES, 'nonce') : randomBytes(NONCE_BYTES);
  const header = concatBytes(Uint8Array.of(VERSION_2, type), keyCommitment(caseKey), n);
  const sk = kdf(caseKey, LABEL_STATEMENT_KEY);
  return concatBytes(header, aeadEncrypt(sk, n, additionalData(header, caseId), statement));
}

/**
 * §7.4 in order: parseStatementEnvelope; a key among `caseKeys` (the CKs the reader holds) whose
 * commitment equals kc (`wrong_key`); AEAD with the case id bound (`decrypt_failed`).
 * Returns { statement, keyIndex }; the statement's own checks (§7.2, §7.3, §8.5) come next.
 */
export function openStatement(bytes, expectedType, caseId, caseKeys) {
  const h = parseStatementEnvelope(bytes, expectedType);
  requireBytes(caseId, ID_BYTES, 'case id');
  for (let keyIndex = 0; keyIndex < caseKeys.length; keyIndex++) {
    const key = caseKeys[keyIndex];
    if (!key || key.length !== 32 || !equalBytes(keyCommitment(key), h.keyCommitment)) continue;
    const header = bytes.subarray(0, ENVELOPE_HEADER_BYTES);
    const nonce = header.subarray(ENVELOPE_HEADER_BYTES - NONCE_BYTES);
    const statement = aeadDecrypt(kdf(key, LABEL_STATEMENT_KEY), nonce, additionalData(header, caseId), bytes.subarray(ENVELOPE_HEADER_BYTES));
    return { statement, keyIndex };
  }
  fail('wrong_key', 'statement envelope: sealed under a case key this reader does not hold');
}
