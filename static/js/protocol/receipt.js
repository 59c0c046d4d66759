// Dojava protocol — §4 Receipts (crypto/receipt.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import { DAMM_TABLE, LABEL_LOOKUP_HASH, LABEL_RECEIPT_ED25519, LABEL_RECEIPT_LOOKUP, LABEL_RECEIPT_WRAP, LABEL_RECEIPT_X25519, RECEIPT_ARGON2_M_KIB, RECEIPT_ARGON2_T, RECEIPT_DIGITS, RECEIPT_GROUP, RECEIPT_INPUT_MAX_BYTES, RECEIPT_RANDOM_DIGITS, SALT_BYTES } from './constants.js';
import { decodeUtf8, isBytes, requireBytes, utf8, wipe } from './bytes.js';
import { argon2, argon2Async, ed25519Public, kdf, labeledHash, x25519Public } from './primitives.js';

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
  // §4.3 (protocol 2): the seed of the source's Ed25519 signing key (§8.3); its public half travels only
  // inside encrypted records.
  const sourceSignSeed = kdf(R, LABEL_RECEIPT_ED25519);
  const sourceSignPublic = ed25519Public(sourceSignSeed);
  wipe(R);
  return { lookupKey, sourceSecret, sourcePublic, sourceWrap, lookupHash, sourceSignSeed, sourceSignPublic };
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
