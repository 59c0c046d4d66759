// Our own tests of protocol/sealed_key.js (§7): sealed keys: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { throwsCode, outcome, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §7 sealed keys

test('sealed keys: round trip, binding to role, case and recipient', () => {
  const rec = P.deriveReviewerKeys(P.randomBytes(32));
  const other = P.deriveReviewerKeys(P.randomBytes(32));
  const caseId = P.randomBytes(16);
  for (const role of [P.ROLE_CK, P.ROLE_NK]) {
    const key = P.randomBytes(32);
    const s = P.sealKey(key, rec.xPublic, role, caseId);
    assert.equal(s.length, 82);
    assert.equal(s[0], 1);
    assert.equal(s[1], role);
    assert.deepEqual(P.openSealedKey(s, rec.xSecret, role, caseId), key);
    // Fresh ephemeral every time: sealing twice gives different records.
    assert.notDeepEqual(P.sealKey(key, rec.xPublic, role, caseId), s);
    throwsCode(() => P.openSealedKey(s, rec.xSecret, 3 - role, caseId), 'malformed');
    throwsCode(() => P.openSealedKey(s, rec.xSecret, role, P.randomBytes(16)), 'decrypt_failed');
    throwsCode(() => P.openSealedKey(s, other.xSecret, role, caseId), 'decrypt_failed');
    const relabelled = s.slice();
    relabelled[1] = 3 - role;
    throwsCode(() => P.openSealedKey(relabelled, rec.xSecret, 3 - role, caseId), 'decrypt_failed');
    throwsCode(() => P.openSealedKey(s.subarray(0, 81), rec.xSecret, role, caseId), 'malformed');
    throwsCode(() => P.openSealedKey(P.concatBytes(s, Uint8Array.of(0)), rec.xSecret, role, caseId), 'malformed');
    // §7 (updated): the version before the size; an empty record is malformed.
    const v2 = s.slice();
    v2[0] = 2;
    throwsCode(() => P.openSealedKey(v2.subarray(0, 2), rec.xSecret, role, caseId), 'unsupported_version');
    throwsCode(() => P.openSealedKey(P.concatBytes(v2, Uint8Array.of(0)), rec.xSecret, role, caseId), 'unsupported_version');
    throwsCode(() => P.openSealedKey(new Uint8Array(0), rec.xSecret, role, caseId), 'malformed');
  }
  throwsCode(() => P.sealKey(P.randomBytes(32), new Uint8Array(32), P.ROLE_CK, caseId), 'decrypt_failed');
});

test('sealed keys: corruption loop — every bit of the record', () => {
  const rec = P.deriveReviewerKeys(P.randomBytes(32));
  const caseId = P.randomBytes(16);
  const s = P.sealKey(P.randomBytes(32), rec.xPublic, P.ROLE_CK, caseId);
  for (let i = 0; i < s.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const r = outcome(() => P.openSealedKey(flipped(s, i, bit), rec.xSecret, P.ROLE_CK, caseId));
      // The top bit of epk's last byte is ignored by X25519 (RFC 7748 masks it), but epk is hashed into
      // the sealing key, so even that flip fails to open.
      const want = i === 0 ? 'unsupported_version' : i === 1 ? 'malformed' : 'decrypt_failed';
      assert.equal(r, want, `byte ${i} bit ${bit}`);
    }
  }
});
