// Helpers shared by the protocol-*.test.mjs files (not a test file itself).
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';

export const hex = P.hexDecode;
export const toHex = P.hexEncode;
export const ascii = (s) => new TextEncoder().encode(s);

export function throwsCode(fn, code, msg) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof P.DojavaError, `expected DojavaError(${code}), got ${e && e.stack}`);
    assert.equal(e.code, code, msg);
    return true;
  });
}

/** Returns the outcome code of fn(), or 'success'. Non-Dojava errors propagate (they are bugs). */
export function outcome(fn) {
  try {
    fn();
    return 'success';
  } catch (e) {
    if (e instanceof P.DojavaError) return e.code;
    throw e;
  }
}

export function flipped(bytes, i, bit = 0) {
  const c = bytes.slice();
  c[i] ^= 1 << bit;
  return c;
}
