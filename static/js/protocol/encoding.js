// Dojava protocol — §2 Encodings: canonical base64url and lower-case hex.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import { requireBytes } from './bytes.js';

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
