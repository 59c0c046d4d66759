// Dojava protocol — §8 Messages and signed events (crypto/message.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import { AUTHOR_REVIEWER, AUTHOR_SOURCE, BUCKETS, ID_BYTES, KEY_BYTES, KIND_CONVERSATION, KIND_NOTES, LABEL_MESSAGE, LABEL_MESSAGE_SIGNATURE, MAX_BODY_REVIEWER, MAX_BODY_SOURCE, MESSAGE_HEADER_BYTES, NONCE_BYTES, SIGNATURE_BYTES, TAG_BYTES, VERSION } from './constants.js';
import { concatBytes, equalBytes, randomBytes, readU32, requireBytes, u32, wipe } from './bytes.js';
import { L, aeadDecrypt, aeadEncrypt, sign, verify } from './primitives.js';

/** §8.2 bucket(x): the smallest of 2^9..2^19 that is ≥ x; -1 if none. */
export function bucket(x) {
  for (const b of BUCKETS) if (b >= x) return b;
  return -1;
}

/** §8.2 padded = u32(len(inner)) || inner || zeros, to bucket(4 + len(inner)). */
export function pad(inner) {
  const size = bucket(4 + inner.length);
  if (size < 0) fail('malformed', 'message too large for the largest bucket');
  const out = new Uint8Array(size);
  out.set(u32(inner.length), 0);
  out.set(inner, 4);
  return out;
}

/**
 * §8.2 reader checks (`malformed`): 1 ≤ len(inner) ≤ len(padded) − 4; len(padded) = bucket(4 + len(inner)),
 * the smallest bucket that fits; every padding byte zero.
 */
export function unpad(padded) {
  if (padded.length < 4) fail('malformed', 'padded: short');
  const n = readU32(padded, 0);
  if (n < 1) fail('malformed', 'padded: empty inner');
  if (n > padded.length - 4) fail('malformed', 'padded: inner length');
  if (bucket(4 + n) !== padded.length) fail('malformed', 'padded: not the smallest bucket');
  let nz = 0;
  for (let i = 4 + n; i < padded.length; i++) nz |= padded[i];
  if (nz !== 0) fail('malformed', 'padded: non-zero padding');
  return padded.subarray(4, 4 + n);
}

function messageHeader(kind, caseId, messageId, nonce) {
  return concatBytes(Uint8Array.of(VERSION, kind), caseId, messageId, nonce);
}

function signedMessageBytes(kind, caseId, messageId, reviewerId, body) {
  return concatBytes(Uint8Array.of(VERSION, kind), caseId, messageId, reviewerId, body);
}

/**
 * §8 encrypt one message. `author`: omitted/null for the source (author 0), or
 * { reviewerId, edSeed } for a reviewer (author 1, signed). Notes (kind 2) must have a reviewer author.
 * `messageId` and `nonce` default to fresh random values (fixed only for vectors).
 */
export function encryptMessage({ kind, caseId, key, body, author = null, messageId, nonce }) {
  if (kind !== KIND_CONVERSATION && kind !== KIND_NOTES) fail('malformed', 'message: kind');
  requireBytes(caseId, ID_BYTES, 'case id');
  requireBytes(key, KEY_BYTES, 'key');
  requireBytes(body, undefined, 'body');
  messageId = messageId === undefined ? randomBytes(ID_BYTES) : requireBytes(messageId, ID_BYTES, 'message id');
  nonce = nonce === undefined ? randomBytes(NONCE_BYTES) : requireBytes(nonce, NONCE_BYTES, 'nonce');
  // §11 MaxBodySize, checked before anything is signed or encrypted so the caller can tell the user.
  const maxBody = author === null ? MAX_BODY_SOURCE : MAX_BODY_REVIEWER;
  if (body.length > maxBody) fail('malformed', `message: body of ${body.length} bytes exceeds MaxBodySize ${maxBody}`);
  let inner;
  if (author === null) {
    if (kind === KIND_NOTES) fail('malformed', 'notes must be signed by a reviewer');
    inner = concatBytes(Uint8Array.of(AUTHOR_SOURCE), body);
  } else {
    requireBytes(author.reviewerId, ID_BYTES, 'reviewer id');
    const sig = sign(author.edSeed, LABEL_MESSAGE_SIGNATURE, signedMessageBytes(kind, caseId, messageId, author.reviewerId, body));
    inner = concatBytes(Uint8Array.of(AUTHOR_REVIEWER), author.reviewerId, sig, body);
  }
  const header = messageHeader(kind, caseId, messageId, nonce);
  const padded = pad(inner);
  const ct = aeadEncrypt(key, nonce, concatBytes(L(LABEL_MESSAGE), header), padded);
  wipe(padded, inner);
  return concatBytes(header, ct);
}

/** §8.1 header checks only (no key needed), in the spec's order: returns { kind, caseId, messageId, nonce }. */
export function parseMessageHeader(record, caseId) {
  requireBytes(record, undefined, 'message');
  // §8.1 / §1: the version byte first (an empty record is `malformed`), then the length.
  if (record.length < 1) fail('malformed', 'message: empty');
  if (record[0] !== VERSION) fail('unsupported_version', 'message: version');
  if (record.length < MESSAGE_HEADER_BYTES + TAG_BYTES) fail('malformed', 'message: short');
  const kind = record[1];
  if (kind !== KIND_CONVERSATION && kind !== KIND_NOTES) fail('malformed', 'message: kind');
  const ctLen = record.length - MESSAGE_HEADER_BYTES;
  if (!BUCKETS.includes(ctLen - TAG_BYTES)) fail('malformed', 'message: not a bucket size');
  const recCase = record.subarray(2, 18);
  if (caseId !== undefined && !equalBytes(recCase, requireBytes(caseId, ID_BYTES, 'case id'))) fail('malformed', 'message: other case');
  return { kind, caseId: recCase.slice(), messageId: record.slice(18, 34), nonce: record.slice(34, 58) };
}

/**
 * §8 decrypt and authenticate one message of case `caseId`.
 * Keys: `caseKey` for kind 1, `notesKey` for kind 2 (the header's kind chooses).
 * `reviewerKey(reviewerId) → Ed25519 public key | null`: looks the author up in the verified roster(s)
 * the reader holds (§8.3; `unknown_author` when null). An array of { reviewerId, ed25519 } is accepted too.
 * Returns { kind, messageId, author, reviewerId (null for the source), body, paddedSize }.
 */
export function decryptMessage(record, { caseId, caseKey, notesKey, reviewers }) {
  const h = parseMessageHeader(record, caseId);
  const key = h.kind === KIND_CONVERSATION ? caseKey : notesKey;
  // A reader without the key for this kind (e.g. a source handed an NK record) cannot open it.
  if (key === undefined || key === null) fail('decrypt_failed', 'message: no key for this kind');
  const header = record.subarray(0, MESSAGE_HEADER_BYTES);
  const padded = aeadDecrypt(key, h.nonce, concatBytes(L(LABEL_MESSAGE), header), record.subarray(MESSAGE_HEADER_BYTES));
  const paddedSize = padded.length;
  const inner = unpad(padded);
  if (inner.length < 1) fail('malformed', 'message: no author byte');
  const author = inner[0];
  if (author === AUTHOR_SOURCE) {
    if (h.kind === KIND_NOTES) fail('malformed', 'message: notes must be signed');
    return { kind: h.kind, messageId: h.messageId, author, reviewerId: null, body: inner.slice(1), paddedSize };
  }
  if (author !== AUTHOR_REVIEWER) fail('malformed', 'message: author');
  if (inner.length < 1 + ID_BYTES + SIGNATURE_BYTES) fail('malformed', 'message: short signed inner');
  const reviewerId = inner.slice(1, 17);
  const signature = inner.slice(17, 81);
  const body = inner.slice(81);
  const edPublic = lookupReviewer(reviewers, reviewerId);
  if (!edPublic) fail('unknown_author', 'message: author on no roster');
  if (!verify(edPublic, LABEL_MESSAGE_SIGNATURE, signedMessageBytes(h.kind, h.caseId, h.messageId, reviewerId, body), signature)) {
    fail('bad_signature', 'message: signature');
  }
  return { kind: h.kind, messageId: h.messageId, author, reviewerId, body, paddedSize };
}

function lookupReviewer(reviewers, reviewerId) {
  if (typeof reviewers === 'function') return reviewers(reviewerId) || null;
  if (Array.isArray(reviewers)) {
    for (const r of reviewers) if (equalBytes(r.reviewerId, reviewerId)) return r.ed25519;
  }
  return null;
}
