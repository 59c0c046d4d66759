// Our own tests of protocol/receipt.js (§4): receipts, the Damm check digit, derivation: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { ascii, throwsCode, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §4 receipts

test('Damm: table is a quasigroup with zero diagonal', () => {
  for (let i = 0; i < 10; i++) {
    assert.equal(P.DAMM_TABLE[i][i], 0);
    assert.equal(new Set(P.DAMM_TABLE[i]).size, 10);
    assert.equal(new Set(P.DAMM_TABLE.map((r) => r[i])).size, 10);
  }
  // Known check digit: Damm's example, 572 → 4.
  assert.equal(P.dammCheckDigit('572'), 4);
  assert.equal(P.dammInterim('5724'), 0);
});

test('Damm: every single substitution and every adjacent swap of 200 receipts is caught', () => {
  for (let n = 0; n < 200; n++) {
    const r = P.generateReceipt();
    assert.equal(r.length, 28);
    assert.equal(P.parseReceipt(r), r);
    for (let i = 0; i < 28; i++) {
      for (let d = 0; d < 10; d++) {
        if (String(d) === r[i]) continue;
        const bad = r.slice(0, i) + d + r.slice(i + 1);
        throwsCode(() => P.parseReceipt(bad), 'bad_checksum');
      }
      if (i < 27 && r[i] !== r[i + 1]) {
        const swapped = r.slice(0, i) + r[i + 1] + r[i] + r.slice(i + 2);
        throwsCode(() => P.parseReceipt(swapped), 'bad_checksum');
      }
    }
  }
});

test('receipts: display form, separators, and malformed input', () => {
  const r = P.generateReceipt();
  const shown = P.formatReceipt(r);
  assert.match(shown, /^\d{4}(-\d{4}){6}$/);
  assert.equal(P.parseReceipt(shown), r);
  assert.equal(P.parseReceipt(` ${r.slice(0, 10)}.\t${r.slice(10)} `), r);
  assert.equal(P.parseReceipt(r.split('').join(' - ')), r);
  throwsCode(() => P.parseReceipt(r.slice(0, 27)), 'malformed');
  throwsCode(() => P.parseReceipt(r + '0'), 'malformed');
  throwsCode(() => P.parseReceipt(''), 'malformed');
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + 'a'), 'malformed');
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + '\u0663'), 'malformed'); // Arabic-Indic digit
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + '\uff13'), 'malformed'); // full-width digit
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + 'O'), 'malformed'); // letter O
});

test('receipts: §4.2 separators (pasted text, phone keyboards) are removed, nothing else is', () => {
  const r = P.generateReceipt();
  // Every listed separator, anywhere (before, inside, after).
  const seps = [' ', '\t', '\r', '\n', '-', '.', '\u00a0', '\u2009', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u202f', '\u2212'];
  assert.deepEqual(P.RECEIPT_SEPARATORS.map((c) => String.fromCodePoint(c)).sort(), [...seps].sort());
  for (const sep of seps) {
    assert.equal(P.parseReceipt(sep + r.slice(0, 9) + sep + sep + r.slice(9) + sep), r, `separator U+${sep.codePointAt(0).toString(16)}`);
  }
  assert.equal(P.parseReceipt(`${P.formatReceipt(r)}\r\n`), r); // pasted from a text file or e-mail
  // Neighbours of the listed characters are not separators.
  for (const c of ['\u000b', '\u000c', '_', '/', ',', '\u2008', '\u200a', '\u2016', '\u2000', '\u3000', '\u2043', '\ufe63', '\uff0d', '\u00ad', '\u200b', '\ufeff']) {
    throwsCode(() => P.parseReceipt(r.slice(0, 14) + c + r.slice(14)), 'malformed', `U+${c.codePointAt(0).toString(16)}`);
  }
  // Input longer than 256 bytes is refused before anything else, even if it would parse.
  const pad = (n) => ' '.repeat(n);
  assert.equal(P.parseReceipt(r + pad(256 - 28)), r);
  throwsCode(() => P.parseReceipt(r + pad(257 - 28)), 'malformed');
  // The limit counts UTF-8 bytes: 76 no-break spaces are 152 bytes (fine), 115 are 230 + 28 = 258 (not).
  assert.equal(P.parseReceipt(r + '\u00a0'.repeat(76)), r);
  throwsCode(() => P.parseReceipt(r + '\u00a0'.repeat(115)), 'malformed');
  throwsCode(() => P.parseReceipt(r + '\u2013'.repeat(77)), 'malformed'); // 28 + 231 = 259 bytes, 105 UTF-16 units
  // A long bad-checksum input is `malformed` (length first), a short one `bad_checksum`.
  const bad = r.slice(0, 27) + ((Number(r[27]) + 1) % 10);
  throwsCode(() => P.parseReceipt(bad), 'bad_checksum');
  throwsCode(() => P.parseReceipt(bad + pad(300)), 'malformed');
  // Bytes in: the UTF-8 the person typed; invalid UTF-8 is malformed; same limit.
  assert.equal(P.parseReceipt(ascii(P.formatReceipt(r))), r);
  assert.equal(P.parseReceipt(P.utf8(r.slice(0, 4) + '\u2013' + r.slice(4))), r);
  throwsCode(() => P.parseReceipt(P.concatBytes(ascii(r), Uint8Array.of(0xc2))), 'malformed');
  throwsCode(() => P.parseReceipt(P.concatBytes(ascii(r), new Uint8Array(229).fill(0x20))), 'malformed');
  throwsCode(() => P.parseReceipt(12), 'malformed');
});

test('receipts: every digit value occurs, and the first 27 are not biased to low digits grossly', () => {
  const counts = new Array(10).fill(0);
  for (let n = 0; n < 400; n++) for (const ch of P.generateReceipt().slice(0, 27)) counts[ch.charCodeAt(0) - 48]++;
  // 10800 digits, expected 1080 each, σ ≈ 31: ±300 is ~10σ, so this fails only on a real bug.
  for (const c of counts) assert.ok(c > 780 && c < 1380, `digit counts ${counts}`);
});

test('receipts: derivation is deterministic, matches the spec formula, sync == async', async () => {
  const receipt = '4821093755201186704399123385'.slice(0, 27);
  const r = receipt + P.dammCheckDigit(receipt);
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
  const k = P.deriveReceiptKeys(r, salt);
  const R = P.argon2(ascii(r), salt, 2, 8192);
  assert.deepEqual(k.lookupKey, P.kdf(R, 'dojava/v1/receipt/lookup'));
  assert.deepEqual(k.sourceSecret, P.kdf(R, 'dojava/v1/receipt/x25519'));
  assert.deepEqual(k.sourcePublic, P.x25519Public(k.sourceSecret));
  assert.deepEqual(k.sourceWrap, P.kdf(R, 'dojava/v1/receipt/wrap'));
  assert.notDeepEqual(k.sourceWrap, k.sourceSecret);
  assert.notDeepEqual(k.sourceWrap, k.lookupKey);
  assert.deepEqual(k.lookupHash, P.labeledHash(32, 'dojava/v1/lookup-hash', k.lookupKey));
  assert.deepEqual(P.lookupHash(k.lookupKey), k.lookupHash);
  const k2 = await P.deriveReceiptKeysAsync(r, salt);
  assert.deepEqual(k2, k);
  const k3 = P.deriveReceiptKeys(r, flipped(salt, 0));
  assert.notDeepEqual(k3.lookupKey, k.lookupKey);
  assert.notDeepEqual(k3.sourceWrap, k.sourceWrap);
  throwsCode(() => P.deriveReceiptKeys(P.formatReceipt(r), salt), 'malformed'); // only the canonical form
  throwsCode(() => P.deriveReceiptKeys(r, new Uint8Array(15)), 'malformed');
});
