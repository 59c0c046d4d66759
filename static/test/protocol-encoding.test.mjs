// Our own tests of protocol/encoding.js (§2): base64url and hex: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { hex, ascii, throwsCode, outcome } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §2 encodings

test('base64url: canonical round trip for all lengths 0..70', () => {
  for (let n = 0; n <= 70; n++) {
    const b = P.randomBytes(n);
    const s = P.base64urlEncode(b);
    assert.ok(!s.includes('='));
    assert.deepEqual(P.base64urlDecode(s), b);
  }
  assert.equal(P.base64urlEncode(Uint8Array.of(0xfb, 0xff)), '-_8');
  assert.equal(P.base64urlEncode(ascii('foobar')), 'Zm9vYmFy');
});

test('base64url: rejects every non-canonical form', () => {
  for (const s of ['Zm9vYg==', 'Zm9vYg=', 'Zm9v Yg', 'Zm9v\nYg', '+/8', 'Zm9vY', 'Zh', 'Zm9=', '\u00e9AAA', 'AB', 'AAB']) {
    throwsCode(() => P.base64urlDecode(s), 'malformed', s);
  }
});

test('base64url: valid iff encode(decode(s)) == s (exhaustive over 2- and 3-character strings)', () => {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let valid = 0;
  for (const a of A) for (const b of A) {
    const s = a + b;
    const r = outcome(() => P.base64urlDecode(s));
    if (r === 'success') {
      valid++;
      assert.equal(P.base64urlEncode(P.base64urlDecode(s)), s);
    }
  }
  assert.equal(valid, 256); // exactly one canonical 2-char string per byte value
  for (let k = 0; k < 3000; k++) {
    const s = 'x' + A[k % 64] + A[(k * 7) % 64];
    if (outcome(() => P.base64urlDecode(s)) === 'success') assert.equal(P.base64urlEncode(P.base64urlDecode(s)), s);
    else assert.notEqual((A.indexOf(s[2]) & 3), 0);
  }
});

test('hex: lower case only, even length', () => {
  assert.deepEqual(P.hexDecode('00ff7a'), Uint8Array.of(0, 255, 0x7a));
  assert.equal(P.hexEncode(Uint8Array.of(0xab, 1)), 'ab01');
  for (const s of ['0', 'AB', 'aB', 'gg', '0x00', ' 00', '00 ']) throwsCode(() => P.hexDecode(s), 'malformed', s);
});
