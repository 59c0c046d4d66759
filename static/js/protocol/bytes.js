// Dojava protocol — Byte helpers: concatenation, big-endian integers, strict UTF-8, wiping, randomness.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';

const utf8Encoder = new TextEncoder();
// fatal: reject invalid UTF-8 (overlong forms, surrogates, truncated sequences) instead of replacing it.
// ignoreBOM: keep a leading U+FEFF as a character; stripping it would make two different byte strings
// decode to the same name.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function isBytes(x) {
  return x instanceof Uint8Array;
}

export function requireBytes(x, len, what) {
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

export function u8(n) {
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

export function readU16(b, o) {
  return (b[o] << 8) | b[o + 1];
}

export function readU32(b, o) {
  return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
}

export function readU64(b, o) {
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
