// Our own tests of protocol/login.js (§10): reviewer login: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { throwsCode, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §10 login

test('login: round trip and binding to instance, reviewer and challenge', () => {
  const k = P.deriveReviewerKeys(P.randomBytes(32));
  const inst = P.randomBytes(16);
  const id = P.randomBytes(16);
  const ch = P.randomBytes(32);
  const sig = P.signLogin(k.edSeed, inst, id, ch);
  P.verifyLogin(k.edPublic, inst, id, ch, sig);
  throwsCode(() => P.verifyLogin(k.edPublic, P.randomBytes(16), id, ch, sig), 'bad_signature');
  throwsCode(() => P.verifyLogin(k.edPublic, inst, P.randomBytes(16), ch, sig), 'bad_signature');
  throwsCode(() => P.verifyLogin(k.edPublic, inst, id, P.randomBytes(32), sig), 'bad_signature');
  throwsCode(() => P.verifyLogin(k.edPublic, inst, id, ch, flipped(sig, 63)), 'bad_signature');
  // A login signature is not a valid signature under another label (domain separation).
  assert.equal(P.verify(k.edPublic, 'dojava/v1/roster', P.concatBytes(inst, id, ch), sig), false);
  throwsCode(() => P.verifyLogin(k.edPublic, inst, id, ch.subarray(0, 31), sig), 'malformed');
});
