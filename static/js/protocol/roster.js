// Dojava protocol — §6 Roster (crypto/roster.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { DojavaError, fail } from './errors.js';
import { ID_BYTES, LABEL_ROSTER, ROSTER_ENTRY_FIXED_BYTES, ROSTER_HEADER_BYTES, ROSTER_MAX_ENTRIES, ROSTER_NAME_MAX, ROSTER_NAME_MIN, SIGNATURE_BYTES, VERSION } from './constants.js';
import { concatBytes, decodeUtf8, equalBytes, isBytes, readU16, readU64, requireBytes, u16, u64, u8, utf8 } from './bytes.js';
import { hexEncode } from './encoding.js';
import { Point, labeledHash, sign, verify, x25519Shared } from './primitives.js';

/** §6 rollback digest: H(32, "dojava/v1/roster", bytes) over the whole signed roster. */
export function rosterDigest(bytes) {
  return labeledHash(32, LABEL_ROSTER, bytes);
}

/** §6 step 1: structure only (version, lengths, n ≤ 1000, 1 ≤ name_len ≤ 64, no trailing bytes). */
export function parseRoster(bytes) {
  requireBytes(bytes, undefined, 'roster');
  if (bytes.length < 1) fail('malformed', 'roster: empty');
  // §1: the version before anything else.
  if (bytes[0] !== VERSION) fail('unsupported_version', 'roster: version');
  if (bytes.length < ROSTER_HEADER_BYTES + SIGNATURE_BYTES) fail('malformed', 'roster: short');
  const instanceId = bytes.slice(1, 17);
  const version = readU64(bytes, 17);
  const n = readU16(bytes, 25);
  if (n > ROSTER_MAX_ENTRIES) fail('malformed', 'roster: too many entries');
  let o = ROSTER_HEADER_BYTES;
  const entries = [];
  for (let i = 0; i < n; i++) {
    if (bytes.length - o < ROSTER_ENTRY_FIXED_BYTES + SIGNATURE_BYTES) fail('malformed', 'roster: short entry');
    const reviewerId = bytes.slice(o, o + 16);
    const ed = bytes.slice(o + 16, o + 48);
    const x = bytes.slice(o + 48, o + 80);
    const nameLen = bytes[o + 80];
    o += ROSTER_ENTRY_FIXED_BYTES;
    if (nameLen < ROSTER_NAME_MIN || nameLen > ROSTER_NAME_MAX) fail('malformed', 'roster: name length');
    if (bytes.length - o < nameLen + SIGNATURE_BYTES) fail('malformed', 'roster: short name');
    const nameBytes = bytes.slice(o, o + nameLen);
    o += nameLen;
    entries.push({ reviewerId, ed25519: ed, x25519: x, nameBytes });
  }
  if (bytes.length - o !== SIGNATURE_BYTES) fail('malformed', 'roster: trailing bytes');
  return { instanceId, version, entries, signed: bytes.subarray(0, o), signature: bytes.slice(o) };
}

/**
 * §6 step 3: code points a name must not contain — controls, invisible and bidirectional formatting
 * characters (two names that differ only in those would look alike on screen). Inclusive ranges.
 */
export const ROSTER_NAME_FORBIDDEN = Object.freeze([
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
  // Invisible fillers and variation selectors, and every space but U+0020.
  [0x00a0, 0x00a0],
  [0x034f, 0x034f],
  [0x115f, 0x1160],
  [0x1680, 0x1680],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x2000, 0x200a],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x2800, 0x2800],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xffa0, 0xffa0],
  [0xe0000, 0xe0fff],
].map((r) => Object.freeze(r)));

export function hasForbiddenNameChar(name) {
  for (const ch of name) {
    const c = ch.codePointAt(0);
    for (const [lo, hi] of ROSTER_NAME_FORBIDDEN) if (c >= lo && c <= hi) return true;
  }
  return false;
}

/**
 * §6 step 3: a canonical Ed25519 point of the prime-order subgroup (libsodium
 * crypto_core_ed25519_is_valid_point: canonical, on the curve, not of small order, [ℓ]P = 0).
 */
export function isValidEd25519Point(bytes) {
  if (!isBytes(bytes) || bytes.length !== 32) return false;
  let pt;
  try {
    pt = Point.fromBytes(bytes, false); // refuses y ≥ p, points off the curve and x = 0 with the sign bit
  } catch {
    return false;
  }
  if (!equalBytes(pt.toBytes(), bytes)) return false;
  if (pt.isSmallOrder()) return false;
  return pt.isTorsionFree();
}

// Any fixed non-zero scalar does: X25519 clamps it to a multiple of 8, which kills exactly the
// small-order component, so the output is all-zero iff the point has low order.
const LOW_ORDER_PROBE_SCALAR = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);

/** §6 step 3: an X25519 key has low order iff X25519 of a non-zero scalar with it is all-zero. */
export function isLowOrderX25519(publicKey) {
  if (!isBytes(publicKey) || publicKey.length !== 32) return true;
  try {
    x25519Shared(LOW_ORDER_PROBE_SCALAR, publicKey);
    return false;
  } catch (e) {
    if (e instanceof DojavaError) return true;
    throw e;
  }
}

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * §6 verifier, in the spec's order: parse; signature against the pinned admin key (`bad_signature`);
 * content rules (`malformed`); instance id (`malformed`). Then, if `seen` ({ version, digest }) is given,
 * the rollback rule (`rollback`).
 * Returns { instanceId, version (BigInt), digest, entries: [{ reviewerId, ed25519, x25519, name }] }.
 */
export function verifyRoster(bytes, adminPublic, instanceId, seen) {
  requireBytes(adminPublic, 32, 'admin public key');
  requireBytes(instanceId, ID_BYTES, 'instance id');
  const r = parseRoster(bytes);
  if (!verify(adminPublic, LABEL_ROSTER, r.signed, r.signature)) fail('bad_signature', 'roster: signature');
  // Step 3, in the order §6 lists it (every failure is `malformed`, so the order only affects messages).
  if (r.version < 1n) fail('malformed', 'roster: version 0');
  for (let i = 1; i < r.entries.length; i++) {
    if (compareBytes(r.entries[i - 1].reviewerId, r.entries[i].reviewerId) >= 0) fail('malformed', 'roster: ids not strictly ascending');
  }
  for (const e of r.entries) if (!isValidEd25519Point(e.ed25519)) fail('malformed', 'roster: Ed25519 key is not a valid point');
  for (const e of r.entries) if (isLowOrderX25519(e.x25519)) fail('malformed', 'roster: X25519 key of low order');
  const eds = new Set();
  const xs = new Set();
  const names = new Set();
  for (const e of r.entries) {
    const edHex = hexEncode(e.ed25519);
    const xHex = hexEncode(e.x25519);
    const nameHex = hexEncode(e.nameBytes); // §6: names compared bytewise
    if (eds.has(edHex)) fail('malformed', 'roster: duplicate Ed25519 key');
    if (xs.has(xHex)) fail('malformed', 'roster: duplicate X25519 key');
    if (names.has(nameHex)) fail('malformed', 'roster: duplicate name');
    eds.add(edHex);
    xs.add(xHex);
    names.add(nameHex);
  }
  const entries = [];
  for (const e of r.entries) {
    const name = decodeUtf8(e.nameBytes);
    // "do not begin or end with a space": U+0020. (Other spaces at the edges are not listed; see notes.)
    if (name.startsWith(' ') || name.endsWith(' ')) fail('malformed', 'roster: name begins or ends with a space');
    if (name.includes('  ')) fail('malformed', 'roster: two spaces in a row in a name');
    if (hasForbiddenNameChar(name)) fail('malformed', 'roster: control, invisible or bidi character in name');
    entries.push({ reviewerId: e.reviewerId, ed25519: e.ed25519, x25519: e.x25519, name });
  }
  // Step 4.
  if (!equalBytes(r.instanceId, instanceId)) fail('malformed', 'roster: other instance');
  const digest = rosterDigest(bytes);
  if (seen) checkRosterRollback(r.version, digest, seen);
  return { instanceId: r.instanceId, version: r.version, digest, entries };
}

/** §6 rollback: accept iff version > v0, or version = v0 and the digests are equal. */
export function checkRosterRollback(version, digest, seen) {
  const v0 = BigInt(seen.version);
  const v = BigInt(version);
  if (v > v0) return;
  if (v === v0 && equalBytes(digest, seen.digest)) return;
  fail('rollback', v < v0 ? 'roster: older version' : 'roster: fork');
}

/** Build and sign a roster (admin side; used by tests). Entries are sorted by id here. */
export function signRoster({ instanceId, version, entries }, adminEdSeed) {
  requireBytes(instanceId, ID_BYTES, 'instance id');
  const sorted = [...entries].sort((a, b) => compareBytes(a.reviewerId, b.reviewerId));
  if (sorted.length > ROSTER_MAX_ENTRIES) fail('malformed', 'roster: too many entries');
  const parts = [Uint8Array.of(VERSION), instanceId, u64(version), u16(sorted.length)];
  for (const e of sorted) {
    const name = typeof e.name === 'string' ? utf8(e.name) : e.name;
    if (name.length < ROSTER_NAME_MIN || name.length > ROSTER_NAME_MAX) fail('malformed', 'roster: name length');
    parts.push(requireBytes(e.reviewerId, ID_BYTES, 'id'), requireBytes(e.ed25519, 32, 'ed25519'), requireBytes(e.x25519, 32, 'x25519'), u8(name.length), name);
  }
  const body = concatBytes(...parts);
  return concatBytes(body, sign(adminEdSeed, LABEL_ROSTER, body));
}
