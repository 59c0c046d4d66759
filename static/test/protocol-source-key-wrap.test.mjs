// Our own tests of protocol/source_key_wrap.js (§7.1): the source's wrapped case key: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { throwsCode, outcome, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §7.1 the source's wrapped case key

test('wrapped source keys: round trip, binding to source_wrap, role and case', () => {
  const wrap = P.randomBytes(32);
  const otherWrap = P.randomBytes(32);
  const caseId = P.randomBytes(16);
  const ck = P.randomBytes(32);
  const w = P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId);
  assert.equal(w.length, P.SEALED_KEY_BYTES); // the API and the store hold it like a sealed key
  assert.equal(w[0], 1);
  assert.equal(w[1], P.ROLE_CK);
  assert.deepEqual(P.openSourceKey(w, wrap, P.ROLE_CK, caseId), ck);
  // Fresh r every time.
  assert.notDeepEqual(P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId).subarray(2, 34), w.subarray(2, 34));
  throwsCode(() => P.openSourceKey(w, otherWrap, P.ROLE_CK, caseId), 'decrypt_failed');
  throwsCode(() => P.openSourceKey(w, wrap, P.ROLE_CK, P.randomBytes(16)), 'decrypt_failed');
  throwsCode(() => P.openSourceKey(w, wrap, P.ROLE_NK, caseId), 'malformed');
  const relabelled = w.slice();
  relabelled[1] = P.ROLE_NK;
  throwsCode(() => P.openSourceKey(relabelled, wrap, P.ROLE_NK, caseId), 'decrypt_failed');
  throwsCode(() => P.openSourceKey(new Uint8Array(0), wrap, P.ROLE_CK, caseId), 'malformed');
  throwsCode(() => P.openSourceKey(Uint8Array.of(2, 1), wrap, P.ROLE_CK, caseId), 'unsupported_version');
  throwsCode(() => P.wrapSourceKey(P.randomBytes(31), wrap, P.ROLE_CK, caseId), 'malformed');
  throwsCode(() => P.wrapSourceKey(ck, P.randomBytes(31), P.ROLE_CK, caseId), 'malformed');
  throwsCode(() => P.wrapSourceKey(ck, wrap, 3, caseId), 'malformed');
  throwsCode(() => P.openSourceKey(w, P.randomBytes(33), P.ROLE_CK, caseId), 'malformed');
  // An explicit r is deterministic (vectors only).
  const r = P.randomBytes(32);
  assert.deepEqual(P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId, { random: r }), P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId, { random: r }));
});

// H1: source_pk is public (the server stores it), so a compromised server can seal a CK' of its own to it
// the §7 way and put it in the source's place. The old code opened it; the source must now refuse it.
test('wrapped source keys: a key a server sealed to source_pk is refused', () => {
  const keys = P.deriveReceiptKeys(P.generateReceipt(), P.randomBytes(16));
  const caseId = P.randomBytes(16);
  const forged = P.sealKey(P.randomBytes(32), keys.sourcePublic, P.ROLE_CK, caseId);
  assert.equal(forged.length, P.WRAPPED_KEY_BYTES);
  assert.equal(P.openSealedKey(forged, keys.sourceSecret, P.ROLE_CK, caseId).length, 32); // the attack, the old way
  throwsCode(() => P.openSourceKey(forged, keys.sourceWrap, P.ROLE_CK, caseId), 'decrypt_failed');
  // Nor does a key wrapped with what the server knows (source_pk) in place of source_wrap.
  const guessed = P.wrapSourceKey(P.randomBytes(32), keys.sourcePublic, P.ROLE_CK, caseId);
  throwsCode(() => P.openSourceKey(guessed, keys.sourceWrap, P.ROLE_CK, caseId), 'decrypt_failed');
});

test('wrapped source keys: corruption loop — every bit flipped, every truncation, extensions', () => {
  const wrap = P.randomBytes(32);
  const caseId = P.randomBytes(16);
  const w = P.wrapSourceKey(P.randomBytes(32), wrap, P.ROLE_CK, caseId);
  for (let i = 0; i < w.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const r = outcome(() => P.openSourceKey(flipped(w, i, bit), wrap, P.ROLE_CK, caseId));
      const want = i === 0 ? 'unsupported_version' : i === 1 ? 'malformed' : 'decrypt_failed';
      assert.equal(r, want, `byte ${i} bit ${bit}`);
    }
  }
  for (let n = 0; n < w.length; n++) assert.equal(outcome(() => P.openSourceKey(w.subarray(0, n), wrap, P.ROLE_CK, caseId)), 'malformed', `first ${n} bytes`);
  for (let extra = 1; extra <= 3; extra++) assert.equal(outcome(() => P.openSourceKey(P.concatBytes(w, new Uint8Array(extra)), wrap, P.ROLE_CK, caseId)), 'malformed');
});
