// Dojava protocol v1 — the web client's crypto module.
//
// An independent implementation of crypto/PROTOCOL.md, written from that document alone (not from the
// C++ sources) and checked against tests/vectors/*.json. Section numbers (§n) refer to PROTOCOL.md.
//
// Browser-compatible ES module: no Node APIs. Randomness comes from crypto.getRandomValues only.
// Primitives come from the audited pure-JavaScript @noble libraries, which stay usable in Tor Browser's
// "Safer" level (no JIT, no WebAssembly; measured in PROTOCOL.md §4.4). In the page they are resolved by an
// import map; under Node by static/node_modules.

import { blake2b } from '@noble/hashes/blake2.js';
import { argon2id, argon2idAsync } from '@noble/hashes/argon2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';

// ---------------------------------------------------------------------------------------------------
// Errors (§13 outcome names)

/** The outcome names of §13, other than `success`. */
export const OUTCOMES = Object.freeze([
  'malformed',
  'unsupported_version',
  'decrypt_failed',
  'bad_signature',
  'rollback',
  'truncated',
  'extended',
  'bad_checksum',
  'wrong_passphrase',
  'unknown_author',
]);

/** Every rejection throws this; `.code` is one of OUTCOMES. Messages never contain secret data. */
export class DojavaError extends Error {
  constructor(code, message) {
    super(message ? `${code}: ${message}` : code);
    this.name = 'DojavaError';
    this.code = code;
  }
}

function fail(code, message) {
  throw new DojavaError(code, message);
}

// ---------------------------------------------------------------------------------------------------
// Constants (names mirror PROTOCOL.md)

/** §1: the only version this document defines. */
export const VERSION = 1;
/** §1: ids (case, message, file, reviewer, instance) are 16 bytes. */
export const ID_BYTES = 16;
export const KEY_BYTES = 32;
export const X25519_BYTES = 32;
export const ED25519_PUBLIC_BYTES = 32;
export const ED25519_SEED_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;

/** §3 labels. */
export const LABEL_RECEIPT_LOOKUP = 'dojava/v1/receipt/lookup';
export const LABEL_RECEIPT_X25519 = 'dojava/v1/receipt/x25519';
export const LABEL_RECEIPT_WRAP = 'dojava/v1/receipt/wrap';
export const LABEL_LOOKUP_HASH = 'dojava/v1/lookup-hash';
export const LABEL_REVIEWER_ED25519 = 'dojava/v1/reviewer/ed25519';
export const LABEL_REVIEWER_X25519 = 'dojava/v1/reviewer/x25519';
export const LABEL_ADMIN_ED25519 = 'dojava/v1/admin/ed25519';
export const LABEL_FINGERPRINT = 'dojava/v1/fingerprint';
export const LABEL_KEY_FILE = 'dojava/v1/key-file';
export const LABEL_ROSTER = 'dojava/v1/roster';
export const LABEL_SEAL_KEY = 'dojava/v1/seal/key';
export const LABEL_SEAL_AD = 'dojava/v1/seal/ad';
export const LABEL_SOURCE_WRAP_KEY = 'dojava/v1/source-wrap/key';
export const LABEL_SOURCE_WRAP_AD = 'dojava/v1/source-wrap/ad';
export const LABEL_MESSAGE = 'dojava/v1/message';
export const LABEL_MESSAGE_SIGNATURE = 'dojava/v1/message/signature';
export const LABEL_CHUNK = 'dojava/v1/chunk';
export const LABEL_LOGIN = 'dojava/v1/login';

/** §4 receipts. */
export const RECEIPT_RANDOM_DIGITS = 27;
export const RECEIPT_DIGITS = 28;
export const RECEIPT_GROUP = 4;
export const RECEIPT_ARGON2_T = 2;
export const RECEIPT_ARGON2_M_KIB = 8192;
export const SALT_BYTES = 16;
/** §4.1: Damm's weakly totally anti-symmetric quasigroup of order 10. */
export const DAMM_TABLE = Object.freeze([
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
].map((row) => Object.freeze(row)));

/** §5.2 */
export const FINGERPRINT_BYTES = 20;

/** §5.3 key file. */
export const KEY_FILE_MAGIC = Object.freeze([0x44, 0x4a, 0x4b, 0x46]); // "DJKF"
export const KEY_FILE_BYTES = 104;
export const KEY_FILE_HEADER_BYTES = 56;
export const KEY_FILE_KIND_REVIEWER = 1;
export const KEY_FILE_KIND_ADMIN = 2;
export const KEY_FILE_KDF_ARGON2ID13 = 1;
export const KEY_FILE_T_MIN = 1;
export const KEY_FILE_T_MAX = 16;
export const KEY_FILE_M_MIN = 8192;
export const KEY_FILE_M_MAX = 1048576;
export const KEY_FILE_WRITE_T = 3;
export const KEY_FILE_WRITE_M = 262144;

/** §6 roster. */
export const ROSTER_MAX_ENTRIES = 1000;
export const ROSTER_NAME_MIN = 1;
export const ROSTER_NAME_MAX = 64;
const ROSTER_HEADER_BYTES = 1 + ID_BYTES + 8 + 2; // 27
const ROSTER_ENTRY_FIXED_BYTES = ID_BYTES + 32 + 32 + 1; // 81

/** §7 sealed keys. */
export const ROLE_CK = 1;
export const ROLE_NK = 2;
export const SEALED_KEY_BYTES = 82;
/** §7.1 the source's wrapped case key: the sealed key's layout, a random r in place of the epk. */
export const SOURCE_WRAP_RANDOM_BYTES = 32;
export const WRAPPED_KEY_BYTES = 1 + 1 + SOURCE_WRAP_RANDOM_BYTES + KEY_BYTES + TAG_BYTES; // 82

/** §8 messages. */
export const KIND_CONVERSATION = 1;
export const KIND_NOTES = 2;
export const AUTHOR_SOURCE = 0;
export const AUTHOR_REVIEWER = 1;
export const MESSAGE_HEADER_BYTES = 58;
export const BUCKET_MIN = 512; // 2^9
export const BUCKET_MAX = 524288; // 2^19
export const BUCKETS = Object.freeze(Array.from({ length: 11 }, (_, i) => BUCKET_MIN << i));

/** §9 attachments. */
export const CHUNK_PLAIN_BYTES = 524288;
export const CHUNK_RECORD_BYTES = 1 + CHUNK_PLAIN_BYTES + TAG_BYTES; // 524305
export const CHUNK_NONCE_PREFIX_BYTES = 20;
export const CHUNK_MAX_COUNT = 2 ** 20;
const CHUNK_PAD_MARKER = 0x80;

/** §10 */
export const LOGIN_CHALLENGE_BYTES = 32;

/** §4.2: longer input is refused before anything else. */
export const RECEIPT_INPUT_MAX_BYTES = 256;

/** §11 MaxBodySize: the largest body that fits the largest bucket (524288 − 4 − 1, and − 16 − 64 more signed). */
export const MAX_BODY_SOURCE = BUCKET_MAX - 4 - 1; // 524283
export const MAX_BODY_REVIEWER = BUCKET_MAX - 4 - 1 - ID_BYTES - SIGNATURE_BYTES; // 524203

// ---------------------------------------------------------------------------------------------------
// Byte helpers

const utf8Encoder = new TextEncoder();
// fatal: reject invalid UTF-8 (overlong forms, surrogates, truncated sequences) instead of replacing it.
// ignoreBOM: keep a leading U+FEFF as a character; stripping it would make two different byte strings
// decode to the same name.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isBytes(x) {
  return x instanceof Uint8Array;
}

function requireBytes(x, len, what) {
  if (!isBytes(x)) fail('malformed', `${what} must be bytes`);
  if (len !== undefined && x.length !== len) fail('malformed', `${what} must be ${len} bytes`);
  return x;
}

export function concatBytes(...parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function equalBytes(a, b) {
  // Constant time in the contents (not the length): used on digests and keys.
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

function u8(n) {
  return Uint8Array.of(n & 0xff);
}

export function u16(n) {
  return Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
}

export function u32(n) {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError('u32 out of range');
  return Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

export function u64(n) {
  let v = BigInt(n);
  if (v < 0n || v >= 1n << 64n) throw new RangeError('u64 out of range');
  const out = new Uint8Array(8);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function readU16(b, o) {
  return (b[o] << 8) | b[o + 1];
}

function readU32(b, o) {
  return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
}

function readU64(b, o) {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(b[o + i]);
  return v;
}

export function utf8(s) {
  return utf8Encoder.encode(s);
}

/** Strict UTF-8 decoding (shortest form, no surrogates); `malformed` otherwise. */
export function decodeUtf8(bytes) {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    fail('malformed', 'invalid UTF-8');
  }
}

/** Overwrite secret material we own (best effort: JavaScript gives no guarantee about copies). */
export function wipe(...arrays) {
  for (const a of arrays) if (isBytes(a)) a.fill(0);
}

export function randomBytes(n) {
  const out = new Uint8Array(n);
  // getRandomValues is limited to 65536 bytes per call.
  for (let o = 0; o < n; o += 65536) crypto.getRandomValues(out.subarray(o, Math.min(n, o + 65536)));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// §2 Encodings

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64URL.charCodeAt(i)] = i;
  return t;
})();

export function base64urlEncode(bytes) {
  requireBytes(bytes, undefined, 'input');
  let s = '';
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += B64URL[v >>> 18] + B64URL[(v >>> 12) & 63] + B64URL[(v >>> 6) & 63] + B64URL[v & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i] << 16;
    s += B64URL[v >>> 18] + B64URL[(v >>> 12) & 63];
  } else if (rest === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    s += B64URL[v >>> 18] + B64URL[(v >>> 12) & 63] + B64URL[(v >>> 6) & 63];
  }
  return s;
}

/**
 * §2: only the canonical encoding is accepted — no padding, no white space, no other characters, length
 * not ≡ 1 (mod 4), unused low bits of the last character zero. Anything else is `malformed`.
 */
export function base64urlDecode(str) {
  if (typeof str !== 'string') fail('malformed', 'base64url: not a string');
  const n = str.length;
  if (n % 4 === 1) fail('malformed', 'base64url: bad length');
  const vals = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = str.charCodeAt(i);
    const v = c < 128 ? B64URL_INDEX[c] : -1;
    if (v < 0) fail('malformed', 'base64url: bad character');
    vals[i] = v;
  }
  const full = Math.floor(n / 4);
  const rest = n % 4;
  const out = new Uint8Array(full * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  for (let q = 0; q < full; q++) {
    const v = (vals[4 * q] << 18) | (vals[4 * q + 1] << 12) | (vals[4 * q + 2] << 6) | vals[4 * q + 3];
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 0xff;
    out[o++] = v & 0xff;
  }
  const b = 4 * full;
  if (rest === 2) {
    if (vals[b + 1] & 0x0f) fail('malformed', 'base64url: non-zero unused bits');
    out[o++] = (vals[b] << 2) | (vals[b + 1] >>> 4);
  } else if (rest === 3) {
    if (vals[b + 2] & 0x03) fail('malformed', 'base64url: non-zero unused bits');
    const v = (vals[b] << 12) | (vals[b + 1] << 6) | vals[b + 2];
    out[o++] = v >>> 10;
    out[o++] = (v >>> 2) & 0xff;
  }
  return out;
}

const HEX = '0123456789abcdef';

export function hexEncode(bytes) {
  requireBytes(bytes, undefined, 'input');
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] >>> 4] + HEX[bytes[i] & 15];
  return s;
}

/** §2: lower-case 0-9a-f, even length; upper case and anything else is `malformed`. */
export function hexDecode(str) {
  if (typeof str !== 'string' || str.length % 2 !== 0) fail('malformed', 'hex: bad length');
  const out = new Uint8Array(str.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = HEX.indexOf(str[2 * i]);
    const lo = HEX.indexOf(str[2 * i + 1]);
    if (hi < 0 || lo < 0) fail('malformed', 'hex: bad character');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// §3 Primitives and labels

/** §1: L(label) = ASCII bytes of the label || 0x00. */
export function L(label) {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    // A label with NUL (or non-ASCII) would break the prefix-freeness §1 relies on.
    if (c === 0 || c > 0x7f) throw new Error('label must be ASCII without NUL');
  }
  return concatBytes(utf8(label), Uint8Array.of(0));
}

/** §3 KDF(ikm, label): BLAKE2b keyed with the 32-byte ikm over L(label), 32 bytes out. */
export function kdf(ikm, label) {
  requireBytes(ikm, 32, 'KDF key');
  return blake2b(L(label), { key: ikm, dkLen: 32 });
}

/** §3 H(n, label, data): unkeyed BLAKE2b of L(label) || data, n bytes out. */
export function labeledHash(n, label, data) {
  return blake2b(concatBytes(L(label), data), { dkLen: n });
}

/** §3 Argon2id v1.3, parallelism 1, 32-byte output; m in KiB (noble's `m` is KiB as well). */
export function argon2(pw, salt, t, m) {
  return argon2id(pw, salt, { t, m, p: 1, dkLen: 32, version: 0x13, maxmem: m * 1024 });
}

/** Same, yielding to the event loop so a page stays responsive during the seconds it takes at "Safer". */
export function argon2Async(pw, salt, t, m, onProgress) {
  return argon2idAsync(pw, salt, { t, m, p: 1, dkLen: 32, version: 0x13, maxmem: m * 1024, onProgress });
}

export function x25519Public(secret) {
  requireBytes(secret, 32, 'X25519 secret');
  return x25519.getPublicKey(secret);
}

function isZero(bytes) {
  let d = 0;
  for (let i = 0; i < bytes.length; i++) d |= bytes[i];
  return d === 0;
}

/**
 * §3 X25519(k, P), rejecting an all-zero output (a low-order peer key) with `decrypt_failed`.
 * noble already refuses low-order inputs by throwing; the explicit zero check keeps the MUST of §3
 * true whatever the library version does.
 */
export function x25519Shared(secret, publicKey) {
  requireBytes(secret, 32, 'X25519 secret');
  requireBytes(publicKey, 32, 'X25519 public key');
  let ss;
  try {
    ss = x25519.getSharedSecret(secret, publicKey);
  } catch {
    fail('decrypt_failed', 'low-order X25519 key');
  }
  if (isZero(ss)) fail('decrypt_failed', 'all-zero X25519 output');
  return ss;
}

export function ed25519Public(seed) {
  requireBytes(seed, ED25519_SEED_BYTES, 'Ed25519 seed');
  return ed25519.getPublicKey(seed);
}

/** §3 Sign(sk, label, m): Ed25519 over L(label) || m. `seed` is the 32-byte RFC 8032 secret key. */
export function sign(seed, label, message) {
  requireBytes(seed, ED25519_SEED_BYTES, 'Ed25519 seed');
  return ed25519.sign(concatBytes(L(label), message), seed);
}

const Point = ed25519.Point;
const ED_L = Point.Fn.ORDER;

function bytesToNumberLE(b) {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

/**
 * §3 strict Ed25519 verification, as the spec now spells it out (libsodium 1.0.18
 * crypto_sign_verify_detached): reject S ≥ ℓ; reject a small-order R (any encoding: a non-canonical R
 * fails to decode here, and could never equal a canonical R' anyway); reject A non-canonical, off the
 * curve or of small order; then accept iff encode([S]B − [k]A) equals the 32 bytes R (cofactorless,
 * byte comparison). Vectors login-small-order-r, login-small-order-key and roster-noncanonical-signature.
 *
 * noble's verify with { zip215: false } alone is not enough: it checks the *cofactored* equation and does
 * not reject a small-order R. Its answer is additionally required; it is implied by the checks above
 * (cofactorless ⇒ cofactored), so it never changes the result, only guards our own arithmetic.
 */
export function verifyStrict(publicKey, message, signature) {
  if (!isBytes(publicKey) || publicKey.length !== 32) return false;
  if (!isBytes(signature) || signature.length !== 64) return false;
  const rBytes = signature.subarray(0, 32);
  const s = bytesToNumberLE(signature.subarray(32, 64));
  if (s >= ED_L) return false;
  let A;
  let R;
  try {
    A = Point.fromBytes(publicKey, false);
    R = Point.fromBytes(rBytes, false);
  } catch {
    return false;
  }
  if (A.isSmallOrder() || R.isSmallOrder()) return false;
  // Canonical encodings round-trip; fromBytes(…, false) already refuses y ≥ p, this makes it explicit.
  if (!equalBytes(A.toBytes(), publicKey) || !equalBytes(R.toBytes(), rBytes)) return false;
  const k = bytesToNumberLE(sha512(concatBytes(rBytes, publicKey, message))) % ED_L;
  const sB = s === 0n ? Point.ZERO : Point.BASE.multiplyUnsafe(s);
  const kA = k === 0n ? Point.ZERO : A.multiplyUnsafe(k);
  const check = sB.subtract(kA);
  if (!equalBytes(check.toBytes(), rBytes)) return false;
  let nobleOk = false;
  try {
    nobleOk = ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    nobleOk = false;
  }
  return nobleOk;
}

/** §3 Verify(pk, label, m, s). Returns a boolean; callers map false to `bad_signature`. */
export function verify(publicKey, label, message, signature) {
  return verifyStrict(publicKey, concatBytes(L(label), message), signature);
}

/** §3 AEAD: XChaCha20-Poly1305-IETF, tag appended. */
export function aeadEncrypt(key, nonce, ad, plaintext) {
  requireBytes(key, 32, 'AEAD key');
  requireBytes(nonce, NONCE_BYTES, 'AEAD nonce');
  return xchacha20poly1305(key, nonce, ad).encrypt(plaintext);
}

/** §3 AEAD open; any failure is `decrypt_failed`. */
export function aeadDecrypt(key, nonce, ad, ciphertext) {
  requireBytes(key, 32, 'AEAD key');
  requireBytes(nonce, NONCE_BYTES, 'AEAD nonce');
  if (ciphertext.length < TAG_BYTES) fail('decrypt_failed');
  try {
    return xchacha20poly1305(key, nonce, ad).decrypt(ciphertext);
  } catch {
    fail('decrypt_failed');
  }
}

// ---------------------------------------------------------------------------------------------------
// §4 Receipts

/** Damm interim after processing `digits` (an array or string of ASCII digits). */
export function dammInterim(digits) {
  let interim = 0;
  for (const d of digits) interim = DAMM_TABLE[interim][typeof d === 'number' ? d : d.charCodeAt(0) - 48];
  return interim;
}

/** §4.1 check digit for the given digits. */
export function dammCheckDigit(digits) {
  return dammInterim(digits);
}

/** A uniform digit 0..9 by rejection sampling (§4.1: never `byte mod 10` on a full byte). */
function uniformDigit() {
  const b = new Uint8Array(1);
  for (;;) {
    crypto.getRandomValues(b);
    // 250 = 25 × 10: bytes 250..255 would bias the low digits, so they are drawn again.
    if (b[0] < 250) return b[0] % 10;
  }
}

/** §4.1: a fresh canonical receipt (28 ASCII digits, the last a Damm check digit). */
export function generateReceipt() {
  const digits = [];
  for (let i = 0; i < RECEIPT_RANDOM_DIGITS; i++) digits.push(uniformDigit());
  digits.push(dammCheckDigit(digits));
  return digits.join('');
}

/** §4.1 display form: 7 groups of 4 separated by '-'. */
export function formatReceipt(canonical) {
  const groups = [];
  for (let i = 0; i < canonical.length; i += RECEIPT_GROUP) groups.push(canonical.slice(i, i + RECEIPT_GROUP));
  return groups.join('-');
}

/** §4.2 separators removed anywhere: what people type, paste, or get from phone keyboards. */
export const RECEIPT_SEPARATORS = Object.freeze([
  0x20, 0x09, 0x0d, 0x0a, 0x2d, 0x2e, // space, tab, CR, LF, '-', '.'
  0x00a0, // no-break space
  0x2009, // thin space
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, // hyphens and dashes
  0x202f, // narrow no-break space
  0x2212, // minus sign
]);
const RECEIPT_SEPARATOR_SET = new Set(RECEIPT_SEPARATORS);

/**
 * §4.2: refuse input longer than 256 bytes (`malformed`); remove the separators above anywhere; require
 * exactly 28 ASCII digits (`malformed`: any other character, non-ASCII digits included, or another
 * count); require the Damm check (`bad_checksum`). Returns the canonical receipt.
 * `input` is the typed text (a string) or its UTF-8 bytes (invalid UTF-8 is `malformed`).
 */
export function parseReceipt(input) {
  let text;
  if (typeof input === 'string') {
    // The byte limit applies to the UTF-8 form. A string cannot exceed 256 UTF-8 bytes unless it has more
    // than 85 UTF-16 units, so short strings skip the encoding.
    if (input.length > RECEIPT_INPUT_MAX_BYTES / 3 && utf8(input).length > RECEIPT_INPUT_MAX_BYTES) fail('malformed', 'receipt: input too long');
    text = input;
  } else if (isBytes(input)) {
    if (input.length > RECEIPT_INPUT_MAX_BYTES) fail('malformed', 'receipt: input too long');
    text = decodeUtf8(input);
  } else {
    fail('malformed', 'receipt: not text');
  }
  let digits = '';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (RECEIPT_SEPARATOR_SET.has(c)) continue;
    if (c < 0x30 || c > 0x39) fail('malformed', 'receipt: not an ASCII digit');
    digits += ch;
  }
  if (digits.length !== RECEIPT_DIGITS) fail('malformed', 'receipt: wrong number of digits');
  if (dammInterim(digits) !== 0) fail('bad_checksum', 'receipt: check digit');
  return digits;
}

function receiptKeysFromR(R) {
  const lookupKey = kdf(R, LABEL_RECEIPT_LOOKUP);
  const sourceSecret = kdf(R, LABEL_RECEIPT_X25519);
  const sourcePublic = x25519Public(sourceSecret);
  // §7.1: wraps the source's copy of CK; only a receipt holder can derive it, never sent.
  const sourceWrap = kdf(R, LABEL_RECEIPT_WRAP);
  const lookupHash = labeledHash(32, LABEL_LOOKUP_HASH, lookupKey);
  wipe(R);
  return { lookupKey, sourceSecret, sourcePublic, sourceWrap, lookupHash };
}

function checkReceiptInputs(canonical, salt) {
  // Derivation takes the *canonical* receipt only (§4.3); a display form would give other keys.
  if (typeof canonical !== 'string' || !/^[0-9]{28}$/.test(canonical)) fail('malformed', 'receipt: not canonical');
  requireBytes(salt, SALT_BYTES, 'salt');
}

/** §4.3 derivation (synchronous; blocks for seconds at "Safer" — prefer deriveReceiptKeysAsync in a page). */
export function deriveReceiptKeys(canonical, salt) {
  checkReceiptInputs(canonical, salt);
  return receiptKeysFromR(argon2(utf8(canonical), salt, RECEIPT_ARGON2_T, RECEIPT_ARGON2_M_KIB));
}

export async function deriveReceiptKeysAsync(canonical, salt, onProgress) {
  checkReceiptInputs(canonical, salt);
  const R = await argon2Async(utf8(canonical), salt, RECEIPT_ARGON2_T, RECEIPT_ARGON2_M_KIB, onProgress);
  return receiptKeysFromR(R);
}

/** §4.3 what the server stores, from a lookup key it was sent. */
export function lookupHash(lookupKey) {
  requireBytes(lookupKey, 32, 'lookup key');
  return labeledHash(32, LABEL_LOOKUP_HASH, lookupKey);
}

// ---------------------------------------------------------------------------------------------------
// §5 Reviewer and admin keys

/** §5.1 reviewer keys from a 32-byte seed S. */
export function deriveReviewerKeys(seed) {
  requireBytes(seed, 32, 'seed');
  const edSeed = kdf(seed, LABEL_REVIEWER_ED25519);
  const xSecret = kdf(seed, LABEL_REVIEWER_X25519);
  return { edSeed, edPublic: ed25519Public(edSeed), xSecret, xPublic: x25519Public(xSecret) };
}

/** §5.1 admin key from a 32-byte seed S. */
export function deriveAdminKeys(seed) {
  requireBytes(seed, 32, 'seed');
  const edSeed = kdf(seed, LABEL_ADMIN_ED25519);
  return { edSeed, edPublic: ed25519Public(edSeed) };
}

/** §5.2 fingerprint bytes (20). */
export function adminFingerprint(adminPublic) {
  requireBytes(adminPublic, 32, 'admin public key');
  return labeledHash(FINGERPRINT_BYTES, LABEL_FINGERPRINT, adminPublic);
}

/** §5.2 display: 40 lower-case hex digits in 10 groups of 4 separated by spaces. */
export function formatFingerprint(fingerprint) {
  return hexEncode(fingerprint).match(/.{4}/g).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// §5.3 Key files

/**
 * Parse and check a key file's header without running Argon2id, in §5.3's order: size 104, magic,
 * version (`unsupported_version`), kdf = 1, reserved = 0, bounds of t and m, kind ∈ {1, 2}; every failure
 * but the version is `malformed` (the bounds stop a crafted file demanding unbounded work).
 */
export function parseKeyFileHeader(file) {
  requireBytes(file, undefined, 'key file');
  if (file.length !== KEY_FILE_BYTES) fail('malformed', 'key file: size');
  for (let i = 0; i < 4; i++) if (file[i] !== KEY_FILE_MAGIC[i]) fail('malformed', 'key file: magic');
  if (file[4] !== VERSION) fail('unsupported_version', 'key file: version');
  if (file[6] !== KEY_FILE_KDF_ARGON2ID13) fail('malformed', 'key file: kdf');
  if (file[7] !== 0) fail('malformed', 'key file: reserved');
  const t = readU32(file, 8);
  const m = readU32(file, 12);
  if (t < KEY_FILE_T_MIN || t > KEY_FILE_T_MAX) fail('malformed', 'key file: t');
  if (m < KEY_FILE_M_MIN || m > KEY_FILE_M_MAX) fail('malformed', 'key file: m');
  const kind = file[5];
  if (kind !== KEY_FILE_KIND_REVIEWER && kind !== KEY_FILE_KIND_ADMIN) fail('malformed', 'key file: kind');
  return { kind, t, m, salt: file.slice(16, 32), nonce: file.slice(32, 56) };
}

function keyFilePassphrase(passphrase) {
  // "its UTF-8 bytes, exactly as entered": no trimming, no Unicode normalisation.
  if (typeof passphrase === 'string') return utf8(passphrase);
  return requireBytes(passphrase, undefined, 'passphrase');
}

function keyFileAd(file) {
  return concatBytes(L(LABEL_KEY_FILE), file.subarray(0, KEY_FILE_HEADER_BYTES));
}

/**
 * §5.3 open a key file: returns { kind, t, m, seed }. Header checks first; then an empty passphrase is
 * `wrong_passphrase` without running Argon2id; a failed AEAD open is `wrong_passphrase`.
 */
export function openKeyFile(file, passphrase) {
  const h = parseKeyFileHeader(file);
  const pw = keyFilePassphrase(passphrase);
  if (pw.length === 0) fail('wrong_passphrase', 'empty passphrase');
  const wk = argon2(pw, h.salt, h.t, h.m);
  let seed;
  try {
    seed = aeadDecrypt(wk, h.nonce, keyFileAd(file), file.subarray(KEY_FILE_HEADER_BYTES));
  } catch (e) {
    if (e instanceof DojavaError && e.code === 'decrypt_failed') fail('wrong_passphrase', 'wrong passphrase, or the key file is damaged');
    throw e;
  } finally {
    wipe(wk);
  }
  return { kind: h.kind, t: h.t, m: h.m, seed };
}

/**
 * §5.3 write a key file. Writers use t = 3, m = 262144; tests may pass smaller (in-bounds) values and
 * fixed salt/nonce for reproducible vectors. An empty passphrase is refused.
 */
export function sealKeyFile(seed, passphrase, { kind = KEY_FILE_KIND_REVIEWER, t = KEY_FILE_WRITE_T, m = KEY_FILE_WRITE_M, salt, nonce } = {}) {
  requireBytes(seed, 32, 'seed');
  const pw = keyFilePassphrase(passphrase);
  if (pw.length === 0) fail('malformed', 'empty passphrase');
  if (kind !== KEY_FILE_KIND_REVIEWER && kind !== KEY_FILE_KIND_ADMIN) fail('malformed', 'key file: kind');
  if (!(t >= KEY_FILE_T_MIN && t <= KEY_FILE_T_MAX) || !(m >= KEY_FILE_M_MIN && m <= KEY_FILE_M_MAX)) fail('malformed', 'key file: bounds');
  salt = salt === undefined ? randomBytes(SALT_BYTES) : requireBytes(salt, SALT_BYTES, 'salt');
  nonce = nonce === undefined ? randomBytes(NONCE_BYTES) : requireBytes(nonce, NONCE_BYTES, 'nonce');
  const header = concatBytes(
    Uint8Array.from(KEY_FILE_MAGIC),
    Uint8Array.of(VERSION, kind, KEY_FILE_KDF_ARGON2ID13, 0),
    u32(t),
    u32(m),
    salt,
    nonce,
  );
  const wk = argon2(pw, salt, t, m);
  const sealed = aeadEncrypt(wk, nonce, concatBytes(L(LABEL_KEY_FILE), header), seed);
  wipe(wk);
  return concatBytes(header, sealed);
}

// ---------------------------------------------------------------------------------------------------
// §6 Roster

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

function hasForbiddenNameChar(name) {
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

// ---------------------------------------------------------------------------------------------------
// §7 Sealed keys

function sealAd(role, caseId, recipientPublic) {
  return concatBytes(L(LABEL_SEAL_AD), Uint8Array.of(VERSION, role), caseId, recipientPublic);
}

function sealKeyDerive(ss, epk, recipientPublic) {
  return blake2b(concatBytes(L(LABEL_SEAL_KEY), epk, recipientPublic), { key: ss, dkLen: 32 });
}

const ZERO_NONCE = new Uint8Array(NONCE_BYTES);

function checkRole(role) {
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

// ---------------------------------------------------------------------------------------------------
// §7.1 The source's wrapped case key

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

// ---------------------------------------------------------------------------------------------------
// §8 Messages

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

// ---------------------------------------------------------------------------------------------------
// §9 Attachments

/** §9.2 count = floor(size / 524288) + 1. */
export function chunkCount(size) {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('size');
  return Math.floor(size / CHUNK_PLAIN_BYTES) + 1;
}

function chunkNonce(noncePrefix, index) {
  return concatBytes(noncePrefix, u32(index));
}

function chunkAd(fileId, index, last) {
  return concatBytes(L(LABEL_CHUNK), Uint8Array.of(VERSION), fileId, u32(index), Uint8Array.of(last ? 1 : 0));
}

function checkFileSecrets({ fileKey, noncePrefix, fileId }) {
  requireBytes(fileKey, KEY_BYTES, 'file key');
  requireBytes(noncePrefix, CHUNK_NONCE_PREFIX_BYTES, 'nonce prefix');
  requireBytes(fileId, ID_BYTES, 'file id');
}

function checkIndex(index) {
  if (!Number.isInteger(index) || index < 0 || index >= CHUNK_MAX_COUNT) fail('malformed', 'chunk: index');
}

/** §9.1 fresh per-file secrets. */
export function newFileSecrets() {
  return { fileKey: randomBytes(KEY_BYTES), noncePrefix: randomBytes(CHUNK_NONCE_PREFIX_BYTES), fileId: randomBytes(ID_BYTES) };
}

/**
 * §9.2 seal one 524288-byte block at position `index` with the given `last` flag: version(1) || AEAD.
 * No padding is added here (encryptChunk does that); exported so tests can build records that
 * authenticate but break a later rule (e.g. a last chunk without its 0x80 marker).
 */
export function encryptChunkBlock(secrets, index, block, last) {
  checkFileSecrets(secrets);
  checkIndex(index);
  requireBytes(block, CHUNK_PLAIN_BYTES, 'chunk block');
  const ct = aeadEncrypt(secrets.fileKey, chunkNonce(secrets.noncePrefix, index), chunkAd(secrets.fileId, index, last), block);
  return concatBytes(Uint8Array.of(VERSION), ct);
}

/**
 * §9.2 encrypt chunk `index`. For the last chunk pass the remaining 0..524287 bytes and last = true: it is
 * padded with 0x80 0x00… here. Other chunks must be exactly 524288 bytes. Deterministic by design.
 */
export function encryptChunk(secrets, index, plain, last) {
  checkFileSecrets(secrets);
  checkIndex(index);
  requireBytes(plain, undefined, 'chunk');
  let block;
  if (last) {
    if (plain.length >= CHUNK_PLAIN_BYTES) fail('malformed', 'chunk: last chunk too long');
    block = new Uint8Array(CHUNK_PLAIN_BYTES);
    block.set(plain);
    block[plain.length] = CHUNK_PAD_MARKER;
  } else {
    if (plain.length !== CHUNK_PLAIN_BYTES) fail('malformed', 'chunk: size');
    block = plain;
  }
  return encryptChunkBlock(secrets, index, block, last);
}

/** Encrypt a whole file (Uint8Array) into its chunk records. Fine for tests; pages should stream. */
export function encryptFile(secrets, data) {
  const count = chunkCount(data.length);
  if (count > CHUNK_MAX_COUNT) fail('malformed', 'file too large');
  const out = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const start = i * CHUNK_PLAIN_BYTES;
    out.push(encryptChunk(secrets, i, data.subarray(start, last ? data.length : start + CHUNK_PLAIN_BYTES), last));
  }
  return out;
}

/**
 * Record checks before decryption. §1 puts the version byte first ("before lengths"; an empty record is
 * `malformed`), and vector chunks-short-unknown-version pins it; §9.2's own list still reads "the record
 * size … then the version" (see PROTOCOL-NOTES.md). Version (`unsupported_version`), then size 524305.
 */
export function checkChunkRecord(record) {
  requireBytes(record, undefined, 'chunk record');
  if (record.length < 1) fail('malformed', 'chunk: empty record');
  if (record[0] !== VERSION) fail('unsupported_version', 'chunk: version');
  if (record.length !== CHUNK_RECORD_BYTES) fail('malformed', 'chunk: record size');
}

/** §9.2 last-chunk padding: 0x80 then only zeros (`malformed` otherwise). Returns the file bytes. */
export function unpadLastChunk(block) {
  let i = block.length - 1;
  while (i >= 0 && block[i] === 0) i--;
  if (i < 0 || block[i] !== CHUNK_PAD_MARKER) fail('malformed', 'chunk: padding');
  return block.subarray(0, i);
}

/** Open chunk `index` knowing whether it is last; the last one comes back without its padding. */
export function decryptChunk(secrets, index, record, last) {
  checkFileSecrets(secrets);
  checkIndex(index);
  checkChunkRecord(record);
  const block = aeadDecrypt(secrets.fileKey, chunkNonce(secrets.noncePrefix, index), chunkAd(secrets.fileId, index, last), record.subarray(1));
  return last ? unpadLastChunk(block) : block;
}

function tryOpen(secrets, index, record, last) {
  try {
    return aeadDecrypt(secrets.fileKey, chunkNonce(secrets.noncePrefix, index), chunkAd(secrets.fileId, index, last), record.subarray(1));
  } catch (e) {
    if (e instanceof DojavaError && e.code === 'decrypt_failed') return null;
    throw e;
  }
}

function checkFileRef(fileRef) {
  if (fileRef === undefined || fileRef === null) return null;
  const { chunks, size } = fileRef;
  if (!Number.isSafeInteger(chunks) || chunks < 1 || !Number.isSafeInteger(size) || size < 0) fail('malformed', 'file reference: chunks/size');
  return { chunks, size };
}

/**
 * §9.2 streaming decryption with one chunk of look-ahead: constant memory whatever the file size.
 * Plaintext of a chunk is released only after it authenticated at its position with its `last` flag.
 *
 * Two ways to feed it (not mixed on one decryptor):
 *  - whole records, e.g. fetched one by one:  `push(record)` → plaintext of the previous chunk or null;
 *  - a byte stream cut anywhere:               `write(bytes)` → array of released plaintexts.
 * Then `finish()` (alias `end()`) → the last chunk's file bytes.
 *
 * Outcomes (§9.2): per record, version (`unsupported_version`) then size 524305 (`malformed`; a stream cut
 * inside a record is `malformed`); a record that opens neither as non-last nor as last at its position is
 * `decrypt_failed`; a stream whose final record opens only as non-last is `truncated`, as is an empty
 * stream; any byte after the record that opened as last is `extended` (the held record is resolved before
 * the next record's first byte is looked at); more than 2^20 records is `malformed`; bad last-chunk padding
 * is `malformed`. With a file reference `{ chunks, size }` (§11 FILEREF), the chunk count and plaintext
 * size are compared after the stream (`malformed`). After any error the decryptor is dead.
 */
export class ChunkStreamDecryptor {
  constructor(secrets, fileRef) {
    checkFileSecrets(secrets);
    this._secrets = secrets;
    this._fileRef = checkFileRef(fileRef);
    this._held = null;
    this._index = 0; // index of the held chunk
    this._plainBytes = 0; // plaintext bytes released so far
    this._state = 'open'; // 'open' | 'done' | 'failed'
    this._mode = null; // 'records' | 'bytes'
    this._buf = null; // byte mode: the record being filled
    this._bufLen = 0;
    this._spare = null; // byte mode: a free record buffer (constant memory: two records in all)
  }

  _fail(code, msg) {
    this._state = 'failed';
    this._held = null;
    this._buf = null;
    this._spare = null;
    fail(code, msg);
  }

  _guard(fn) {
    try {
      return fn();
    } catch (e) {
      this._state = 'failed';
      this._held = null;
      this._buf = null;
      throw e;
    }
  }

  _enter(mode) {
    if (this._state === 'failed') fail('malformed', 'decryptor already failed');
    if (this._mode !== null && this._mode !== mode) throw new Error('ChunkStreamDecryptor: push() and write() cannot be mixed');
    this._mode = mode;
  }

  /** More data follows the held record, so it is not last: open it as a middle chunk and release it. */
  _resolveHeld() {
    if (this._state === 'done') this._fail('extended', 'data after the last chunk');
    if (this._held === null) return null;
    const idx = this._index;
    const plain = tryOpen(this._secrets, idx, this._held, false);
    if (plain === null) {
      if (tryOpen(this._secrets, idx, this._held, true) !== null) this._fail('extended', 'data after the last chunk');
      this._fail('decrypt_failed', 'chunk does not open at its position');
    }
    if (idx + 1 >= CHUNK_MAX_COUNT) this._fail('malformed', 'more than 2^20 chunks');
    this._spare = this._mode === 'bytes' ? this._held : null;
    this._held = null;
    this._index = idx + 1;
    this._plainBytes += plain.length;
    return plain;
  }

  /** Record mode: one whole record. Returns the previous chunk's plaintext once it is known not last. */
  push(record) {
    this._enter('records');
    requireBytes(record, undefined, 'chunk record');
    const out = this._resolveHeld();
    this._guard(() => checkChunkRecord(record));
    this._held = record;
    return out;
  }

  /** Byte mode: any slice of the concatenated records. Returns the plaintexts released by this call. */
  write(bytes) {
    this._enter('bytes');
    requireBytes(bytes, undefined, 'bytes');
    const out = [];
    let o = 0;
    while (o < bytes.length) {
      if (this._buf === null) {
        // The first byte of a new record: whatever is held is not last (or is followed by extra data).
        const plain = this._resolveHeld();
        if (plain !== null) out.push(plain);
        // §1: the version byte first, as soon as it arrives.
        if (bytes[o] !== VERSION) this._fail('unsupported_version', 'chunk: version');
        this._buf = this._spare || new Uint8Array(CHUNK_RECORD_BYTES);
        this._spare = null;
        this._bufLen = 0;
      }
      const n = Math.min(bytes.length - o, CHUNK_RECORD_BYTES - this._bufLen);
      this._buf.set(bytes.subarray(o, o + n), this._bufLen);
      this._bufLen += n;
      o += n;
      if (this._bufLen === CHUNK_RECORD_BYTES) {
        this._held = this._buf;
        this._buf = null;
        this._bufLen = 0;
      }
    }
    return out;
  }

  /** End of the stream: open the held record as last. Returns the last chunk's file bytes. */
  finish() {
    if (this._state === 'failed') fail('malformed', 'decryptor already failed');
    if (this._state === 'done') fail('malformed', 'decryptor already finished');
    // Byte mode: a record cut short (its version byte was already checked).
    if (this._buf !== null) this._fail('malformed', 'stream ends inside a record');
    if (this._held === null) this._fail('truncated', 'no chunks');
    const block = tryOpen(this._secrets, this._index, this._held, true);
    if (block === null) {
      if (tryOpen(this._secrets, this._index, this._held, false) !== null) this._fail('truncated', 'stream ends before the last chunk');
      this._fail('decrypt_failed', 'chunk does not open at its position');
    }
    const out = this._guard(() => unpadLastChunk(block));
    this._plainBytes += out.length;
    const count = this._index + 1;
    if (this._fileRef && (this._fileRef.chunks !== count || this._fileRef.size !== this._plainBytes)) {
      this._fail('malformed', 'chunk count or size differs from the file reference');
    }
    this._held = null;
    this._spare = null;
    this._state = 'done';
    return out;
  }

  end() {
    return this.finish();
  }

  /** Chunks that authenticated so far (after finish(): the file's chunk count). */
  get chunksOpened() {
    return this._index + (this._state === 'done' ? 1 : 0);
  }

  /** Plaintext bytes released so far (after finish(): the file's size). */
  get bytesReleased() {
    return this._plainBytes;
  }
}

/** Decrypt a whole list of chunk records (concatenated plaintext). `fileRef` { chunks, size } optional. */
export function decryptChunks(secrets, records, fileRef) {
  const d = new ChunkStreamDecryptor(secrets, fileRef);
  const parts = [];
  for (const r of records) {
    const p = d.push(r);
    if (p) parts.push(p);
  }
  parts.push(d.finish());
  return concatBytes(...parts);
}

/**
 * Decrypt a byte stream given as an iterable of byte slices cut anywhere (e.g. network reads).
 * Returns { plaintext, chunks, size }.
 */
export function decryptChunkStream(secrets, slices, fileRef) {
  const d = new ChunkStreamDecryptor(secrets, fileRef);
  const parts = [];
  for (const s of slices) parts.push(...d.write(s));
  parts.push(d.finish());
  return { plaintext: concatBytes(...parts), chunks: d.chunksOpened, size: d.bytesReleased };
}

// ---------------------------------------------------------------------------------------------------
// §10 Reviewer login

function loginMessage(instanceId, reviewerId, challenge) {
  requireBytes(instanceId, ID_BYTES, 'instance id');
  requireBytes(reviewerId, ID_BYTES, 'reviewer id');
  requireBytes(challenge, LOGIN_CHALLENGE_BYTES, 'challenge');
  return concatBytes(instanceId, reviewerId, challenge);
}

export function signLogin(edSeed, instanceId, reviewerId, challenge) {
  return sign(edSeed, LABEL_LOGIN, loginMessage(instanceId, reviewerId, challenge));
}

/** Throws `bad_signature` unless `signature` answers this challenge for this reviewer and instance. */
export function verifyLogin(edPublic, instanceId, reviewerId, challenge, signature) {
  const m = loginMessage(instanceId, reviewerId, challenge);
  if (!verify(edPublic, LABEL_LOGIN, m, signature)) fail('bad_signature', 'login');
}
