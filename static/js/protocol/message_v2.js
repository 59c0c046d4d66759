// Dojava protocol — §8 Messages and signed events, version 2 (crypto/message_v2.h): a key commitment in
// every header (bound in the additional data), the AEAD key derived from CK or NK, and every record signed
// (by a reviewer, or by the source with the key its receipt gives) over the writer's roster version, day
// and the event hash of the last record it had seen.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md. A record of version 1 (Dojava 0.1.0) is
// unsupported_version (§16).

import { fail } from './errors.js';
import { AUTHOR_REVIEWER, AUTHOR_SOURCE, BUCKETS, DIGEST_BYTES, ID_BYTES, KEY_BYTES, KIND_CONVERSATION, KIND_NOTES, LABEL_EVENT, LABEL_MESSAGE_COMMIT_V2, LABEL_MESSAGE_KEY_V2, LABEL_MESSAGE_SIGNATURE_V2, LABEL_MESSAGE_V2, MAX_BODY_REVIEWER_V2, MAX_BODY_SOURCE_V2, MESSAGE_HEADER_BYTES_V2, NONCE_BYTES, REVIEWER_INNER_FIXED_V2, SIGNATURE_BYTES, SOURCE_INNER_FIXED_V2, TAG_BYTES, VERSION_2 } from './constants.js';
import { concatBytes, equalBytes, randomBytes, readU32, readU64, requireBytes, u32, u64, wipe } from './bytes.js';
import { L, aeadDecrypt, aeadEncrypt, ed25519Public, kdf, labeledHash, sign, verify } from './primitives.js';
import { entryActiveAt, findRosterEntry } from './roster_v2.js';

/** §8.1 kc = KDF(key, "dojava/v2/message/commit"): the public commitment to CK or NK. */
export function keyCommitment(key) {
  return kdf(requireBytes(key, KEY_BYTES, 'key'), LABEL_MESSAGE_COMMIT_V2);
}

/** §8.4 event_hash = H(32, "dojava/v2/event", record). */
export function eventHash(record) {
  return labeledHash(DIGEST_BYTES, LABEL_EVENT, record);
}

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

const fixedOf = (author) => (author === AUTHOR_SOURCE ? SOURCE_INNER_FIXED_V2 : REVIEWER_INNER_FIXED_V2);

/** §8.3 the largest body an author can send. */
export function maxBodySizeV2(author) {
  return author === AUTHOR_SOURCE ? MAX_BODY_SOURCE_V2 : MAX_BODY_REVIEWER_V2;
}

function contextBytes(author, signer, rosterVersion, day, prev) {
  return concatBytes(Uint8Array.of(author), signer, u64(rosterVersion), u32(day), prev);
}

/** §8.1 checks that need no key: version, length, kind, bucket, case id. */
export function parseMessageHeaderV2(record, caseId) {
  requireBytes(record, undefined, 'message');
  if (record.length < 1) fail('malformed', 'message: empty');
  if (record[0] !== VERSION_2) fail('unsupported_version', 'message: version');
  if (record.length < MESSAGE_HEADER_BYTES_V2 + TAG_BYTES) fail('malformed', 'message: short');
  const kind = record[1];
  if (kind !== KIND_CONVERSATION && kind !== KIND_NOTES) fail('malformed', 'message: kind');
  if (!BUCKETS.includes(record.length - MESSAGE_HEADER_BYTES_V2 - TAG_BYTES)) fail('malformed', 'message: not a bucket size');
  const recCase = record.subarray(2, 18);
  if (caseId !== undefined && !equalBytes(recCase, requireBytes(caseId, ID_BYTES, 'case id'))) fail('malformed', 'message: other case');
  return { kind, caseId: recCase.slice(), messageId: record.slice(18, 34), keyCommitment: record.slice(34, 66), nonce: record.slice(66, 90) };
}

/**
 * §8 encrypt and sign. `signer`: { author: AUTHOR_SOURCE, edSeed } (the source's signing seed, §4.3) or
 * { author: AUTHOR_REVIEWER, reviewerId, edSeed }. `context`: { rosterVersion ≥ 1, day, prev (32 bytes) }.
 */
export function encryptMessageV2({ kind, caseId, key, body, signer, context, messageId, nonce }) {
  if (kind !== KIND_CONVERSATION && kind !== KIND_NOTES) fail('malformed', 'message: kind');
  requireBytes(caseId, ID_BYTES, 'case id');
  requireBytes(key, KEY_BYTES, 'key');
  requireBytes(body, undefined, 'body');
  const { author } = signer;
  if (author !== AUTHOR_SOURCE && author !== AUTHOR_REVIEWER) fail('malformed', 'message: author');
  if (kind === KIND_NOTES && author !== AUTHOR_REVIEWER) fail('malformed', 'notes must be signed by a reviewer');
  if (body.length > maxBodySizeV2(author)) fail('malformed', `message: body of ${body.length} bytes exceeds MaxBodySize ${maxBodySizeV2(author)}`);
  if (!(BigInt(context.rosterVersion) >= 1n)) fail('malformed', 'message: roster version 0');
  requireBytes(context.prev, DIGEST_BYTES, 'prev');
  messageId = messageId === undefined ? randomBytes(ID_BYTES) : requireBytes(messageId, ID_BYTES, 'message id');
  nonce = nonce === undefined ? randomBytes(NONCE_BYTES) : requireBytes(nonce, NONCE_BYTES, 'nonce');
  const signerField = author === AUTHOR_SOURCE ? ed25519Public(signer.edSeed) : requireBytes(signer.reviewerId, ID_BYTES, 'reviewer id');
  const header = concatBytes(Uint8Array.of(VERSION_2, kind), caseId, messageId, keyCommitment(key), nonce);
  const fields = contextBytes(author, signerField, context.rosterVersion, context.day, context.prev);
  const signed = concatBytes(header, fields, body);
  const sig = sign(signer.edSeed, LABEL_MESSAGE_SIGNATURE_V2, signed);
  const inner = concatBytes(fields, sig, body);
  const padded = pad(inner);
  const mk = kdf(key, LABEL_MESSAGE_KEY_V2);
  const ct = aeadEncrypt(mk, nonce, concatBytes(L(LABEL_MESSAGE_V2), header), padded);
  wipe(padded, inner, signed, mk);
  return concatBytes(header, ct);
}

/**
 * §8.1–8.3 in order: structure; case id; kc against the key held for the kind (`wrong_key`); AEAD;
 * padding; author, kind, length, roster version (`malformed`); then the reviewer on `roster` (a verified v2
 * roster; `unknown_author`), the signature (`bad_signature`), retirement (`retired_author`) — or the
 * source's signature with the key in the record. Whether that key is the source's is §8.4 (caseOrder.js).
 */
export function decryptMessageV2(record, { caseId, caseKey, notesKey, roster }) {
  const h = parseMessageHeaderV2(record, caseId);
  const key = h.kind === KIND_CONVERSATION ? caseKey : notesKey;
  if (key === undefined || key === null) fail('decrypt_failed', 'message: no key for this kind');
  if (!equalBytes(keyCommitment(key), h.keyCommitment)) fail('wrong_key', 'message: written under another key');
  const header = record.subarray(0, MESSAGE_HEADER_BYTES_V2);
  const mk = kdf(key, LABEL_MESSAGE_KEY_V2);
  const padded = aeadDecrypt(mk, h.nonce, concatBytes(L(LABEL_MESSAGE_V2), header), record.subarray(MESSAGE_HEADER_BYTES_V2));
  wipe(mk);
  const paddedSize = padded.length;
  const inner = unpad(padded);
  const author = inner[0];
  if (author !== AUTHOR_SOURCE && author !== AUTHOR_REVIEWER) fail('malformed', 'message: author');
  if (h.kind === KIND_NOTES && author !== AUTHOR_REVIEWER) fail('malformed', 'message: notes must be signed by a reviewer');
  if (inner.length < fixedOf(author)) fail('malformed', 'message: signed plaintext too short');
  const signerLen = author === AUTHOR_SOURCE ? 32 : ID_BYTES;
  const signer = inner.slice(1, 1 + signerLen);
  let o = 1 + signerLen;
  const rosterVersion = readU64(inner, o);
  const day = readU32(inner, o + 8);
  const prev = inner.slice(o + 12, o + 44);
  o += 44;
  const signature = inner.slice(o, o + SIGNATURE_BYTES);
  const body = inner.slice(o + SIGNATURE_BYTES);
  if (rosterVersion < 1n) fail('malformed', 'message: roster version 0');
  const signed = concatBytes(header, inner.subarray(0, 1 + signerLen + 44), body);
  const out = { kind: h.kind, messageId: h.messageId, author, reviewerId: null, sourcePublic: null, rosterVersion, day, prev, keyCommitment: h.keyCommitment, eventHash: eventHash(record), body, paddedSize };
  if (author === AUTHOR_SOURCE) {
    if (!verify(signer, LABEL_MESSAGE_SIGNATURE_V2, signed, signature)) fail('bad_signature', 'message: source signature');
    out.sourcePublic = signer;
  } else {
    const entry = findRosterEntry(roster, signer);
    if (!entry) fail('unknown_author', 'message: author on no roster');
    if (!verify(entry.ed25519, LABEL_MESSAGE_SIGNATURE_V2, signed, signature)) fail('bad_signature', 'message: signature');
    if (!entryActiveAt(entry, rosterVersion)) fail('retired_author', 'message: signed after the reviewer was retired');
    out.reviewerId = signer;
  }
  wipe(padded);
  return out;
}
