// Dojava protocol — §6 Roster, version 2 (crypto/roster_v2.h): expiry day, the digest of the previous
// roster (a chain), retired (verify-only) entries and an encryption-key epoch per reviewer.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md. A roster of version 1 (Dojava 0.1.0) is
// unsupported_version (§16).

import { DojavaError, fail } from './errors.js';
import { DIGEST_BYTES, ID_BYTES, LABEL_ROSTER_DIGEST_V2, LABEL_ROSTER_V2, ROSTER_MAX_ENTRIES, ROSTER_NAME_MAX, ROSTER_NAME_MIN, SIGNATURE_BYTES, VERSION_2 } from './constants.js';
import { concatBytes, decodeUtf8, equalBytes, isBytes, readU16, readU32, readU64, requireBytes, u16, u32, u64, utf8 } from './bytes.js';
import { hexEncode } from './encoding.js';
import { Point, labeledHash, sign, verify, x25519Shared } from './primitives.js';

const HEADER_BYTES = 1 + ID_BYTES + 8 + 4 + DIGEST_BYTES + 2; // 63
const ENTRY_FIXED_BYTES = ID_BYTES + 8 + 4 + 32 + 32 + 1; // 93

/** §6 digest = H(32, "dojava/v2/roster/digest", the whole signed roster). */
export function rosterDigestV2(bytes) {
  return labeledHash(DIGEST_BYTES, LABEL_ROSTER_DIGEST_V2, bytes);
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

const isZero = (b) => b.every((x) => x === 0);

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** §6 step 1: the structure (version first). */
export function parseRosterV2(bytes) {
  requireBytes(bytes, undefined, 'roster');
  if (bytes.length < 1) fail('malformed', 'roster: empty');
  if (bytes[0] !== VERSION_2) fail('unsupported_version', 'roster: version');
  if (bytes.length < HEADER_BYTES + SIGNATURE_BYTES) fail('malformed', 'roster: short');
  const instanceId = bytes.slice(1, 17);
  const version = readU64(bytes, 17);
  const expiresDay = readU32(bytes, 25);
  const prevDigest = bytes.slice(29, 61);
  const n = readU16(bytes, 61);
  if (n > ROSTER_MAX_ENTRIES) fail('malformed', 'roster: too many entries');
  let o = HEADER_BYTES;
  const entries = [];
  for (let i = 0; i < n; i++) {
    if (bytes.length - o < ENTRY_FIXED_BYTES + SIGNATURE_BYTES) fail('malformed', 'roster: short entry');
    const e = {
      reviewerId: bytes.slice(o, o + 16),
      retiredAt: readU64(bytes, o + 16),
      keyEpoch: readU32(bytes, o + 24),
      ed25519: bytes.slice(o + 28, o + 60),
      x25519: bytes.slice(o + 60, o + 92),
    };
    const nameLen = bytes[o + 92];
    o += ENTRY_FIXED_BYTES;
    if (nameLen < ROSTER_NAME_MIN || nameLen > ROSTER_NAME_MAX) fail('malformed', 'roster: name length');
    if (bytes.length - o < nameLen + SIGNATURE_BYTES) fail('malformed', 'roster: short name');
    e.nameBytes = bytes.slice(o, o + nameLen);
    o += nameLen;
    entries.push(e);
  }
  if (bytes.length - o !== SIGNATURE_BYTES) fail('malformed', 'roster: trailing bytes');
  return { instanceId, version, expiresDay, prevDigest, entries, signed: bytes.subarray(0, o), signature: bytes.slice(o) };
}

function checkName(nameBytes) {
  const name = decodeUtf8(nameBytes);
  if (name.startsWith(' ') || name.endsWith(' ')) fail('malformed', 'roster: name begins or ends with a space');
  if (name.includes('  ')) fail('malformed', 'roster: two spaces in a row in a name');
  if (hasForbiddenNameChar(name)) fail('malformed', 'roster: control, invisible or bidi character in name');
  return name;
}

/** §6 step 3, rules a to h in order; returns the entries with decoded names. */
function checkRules(r) {
  if (r.version < 1n) fail('malformed', 'roster: version 0');
  if ((r.version === 1n) !== isZero(r.prevDigest)) fail('malformed', 'roster: prev_digest must be zero exactly at version 1');
  for (let i = 1; i < r.entries.length; i++) {
    if (compareBytes(r.entries[i - 1].reviewerId, r.entries[i].reviewerId) >= 0) fail('malformed', 'roster: ids not strictly ascending');
  }
  for (const e of r.entries) {
    if (e.retiredAt > r.version) fail('malformed', 'roster: retired after this roster');
    if (e.keyEpoch < 1) fail('malformed', 'roster: key epoch 0');
  }
  for (const e of r.entries) if (!isValidEd25519Point(e.ed25519)) fail('malformed', 'roster: Ed25519 key is not a valid point');
  for (const e of r.entries) if (isLowOrderX25519(e.x25519)) fail('malformed', 'roster: X25519 key of low order');
  const seen = { ed: new Set(), x: new Set(), name: new Set() };
  for (const e of r.entries) {
    for (const [set, v, what] of [[seen.ed, e.ed25519, 'Ed25519 key'], [seen.x, e.x25519, 'X25519 key'], [seen.name, e.nameBytes, 'name']]) {
      const k = hexEncode(v);
      if (set.has(k)) fail('malformed', `roster: duplicate ${what}`);
      set.add(k);
    }
  }
  return r.entries.map((e) => ({ reviewerId: e.reviewerId, retiredAt: e.retiredAt, keyEpoch: e.keyEpoch, ed25519: e.ed25519, x25519: e.x25519, name: checkName(e.nameBytes) }));
}

/**
 * §6 steps 1–5 in order: structure, signature against the pinned admin key (`bad_signature`), rules
 * (`malformed`), instance (`malformed`), expiry (`expired`) against `today` (a day number, §1). Pass
 * `today = null` only to look up the authors of events already written (§8.3), never to accept a roster
 * as current. Returns { instanceId, version (BigInt), expiresDay, prevDigest, digest, entries }; each entry
 * { reviewerId, retiredAt (BigInt, 0n = active), keyEpoch, ed25519, x25519, name }.
 */
export function verifyRosterV2(bytes, adminPublic, instanceId, today) {
  requireBytes(adminPublic, 32, 'admin public key');
  requireBytes(instanceId, ID_BYTES, 'instance id');
  const r = parseRosterV2(bytes);
  if (!verify(adminPublic, LABEL_ROSTER_V2, r.signed, r.signature)) fail('bad_signature', 'roster: signature');
  const entries = checkRules(r);
  if (!equalBytes(r.instanceId, instanceId)) fail('malformed', 'roster: other instance');
  if (today !== null && today !== undefined && today > r.expiresDay) fail('expired', 'roster: expired');
  return { instanceId: r.instanceId, version: r.version, expiresDay: r.expiresDay, prevDigest: r.prevDigest, digest: rosterDigestV2(bytes), entries };
}

/** The entry of a reviewer id (active or retired) in a verified roster, or undefined. */
export function findRosterEntry(roster, reviewerId) {
  return roster.entries.find((e) => equalBytes(e.reviewerId, reviewerId));
}

/** True if an event signed under `rosterVersion` by this entry counts (§8.3). */
export function entryActiveAt(entry, rosterVersion) {
  return entry.retiredAt === 0n || BigInt(rosterVersion) < entry.retiredAt;
}

function checkContinuity(old, next) {
  for (const o of old.entries) {
    const n = findRosterEntry(next, o.reviewerId);
    if (!n) fail('broken_chain', 'roster: a reviewer entry was dropped');
    if (!equalBytes(n.ed25519, o.ed25519)) fail('broken_chain', 'roster: a reviewer id was given another key');
    if (o.retiredAt !== 0n && n.retiredAt !== o.retiredAt) fail('broken_chain', 'roster: a retired reviewer was reactivated or re-dated');
    if (o.retiredAt === 0n && n.retiredAt !== 0n && n.retiredAt <= old.version) fail('broken_chain', 'roster: a retirement dated before the roster already seen');
    if (n.keyEpoch < o.keyEpoch) fail('broken_chain', 'roster: a key epoch went back');
    if ((n.keyEpoch > o.keyEpoch) !== !equalBytes(n.x25519, o.x25519)) fail('broken_chain', 'roster: an encryption key changed without a new epoch');
  }
  for (const n of next.entries) {
    if (!findRosterEntry(old, n.reviewerId) && n.retiredAt !== 0n && n.retiredAt <= old.version) fail('broken_chain', 'roster: a new entry retired before the roster already seen');
  }
}

/**
 * §6 chain rule from `seen` (the last verified roster the client accepted) to `next`: `rollback` for an
 * older version or a fork, `broken_chain` for a successor that does not name seen's digest or breaks
 * continuity. `between`: the verified rosters seen.version+1 .. next.version-1 when the client has them.
 */
export function checkRosterChain(seen, next, between = []) {
  if (next.version < seen.version) fail('rollback', 'roster: older version');
  if (next.version === seen.version) {
    if (equalBytes(next.digest, seen.digest)) return;
    fail('rollback', 'roster: fork');
  }
  const chain = [seen, ...between, next];
  for (let i = 1; i < chain.length; i++) {
    if (chain[i].version !== chain[i - 1].version + 1n) {
      if (between.length) fail('malformed', 'roster: intermediate rosters out of order');
      continue;
    }
    if (!equalBytes(chain[i].prevDigest, chain[i - 1].digest)) fail('broken_chain', 'roster: the roster does not name its predecessor');
    checkContinuity(chain[i - 1], chain[i]);
  }
  checkContinuity(seen, next);
}

/** §12.1 the `rv` floor of the published address: `rollback` below it. */
export function checkRosterFloor(roster, floor) {
  if (roster.version < BigInt(floor)) fail('rollback', 'roster: older than the version in the address');
}

/** Build and sign a v2 roster (admin side; tests). Entries are sorted by id here; no rule is checked. */
export function signRosterV2({ instanceId, version, expiresDay, prevDigest, entries }, adminEdSeed) {
  requireBytes(instanceId, ID_BYTES, 'instance id');
  requireBytes(prevDigest, DIGEST_BYTES, 'prev digest');
  const sorted = [...entries].sort((a, b) => compareBytes(a.reviewerId, b.reviewerId));
  const parts = [Uint8Array.of(VERSION_2), instanceId, u64(version), u32(expiresDay), prevDigest, u16(sorted.length)];
  for (const e of sorted) {
    const name = typeof e.name === 'string' ? utf8(e.name) : e.name;
    parts.push(requireBytes(e.reviewerId, ID_BYTES, 'id'), u64(e.retiredAt ?? 0), u32(e.keyEpoch ?? 1), requireBytes(e.ed25519, 32, 'ed25519'), requireBytes(e.x25519, 32, 'x25519'), Uint8Array.of(name.length), name);
  }
  const body = concatBytes(...parts);
  return concatBytes(body, sign(adminEdSeed, LABEL_ROSTER_V2, body));
}
