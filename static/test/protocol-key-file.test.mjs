// Our own tests of protocol/keys.js and protocol/key_file.js (§5): reviewer and admin keys, key files: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { toHex, throwsCode, outcome, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §5 keys and key files

test('reviewer and admin keys are domain-separated', () => {
  const S = P.randomBytes(32);
  const rv = P.deriveReviewerKeys(S);
  const ad = P.deriveAdminKeys(S);
  assert.notDeepEqual(rv.edPublic, ad.edPublic);
  assert.notDeepEqual(rv.edSeed, rv.xSecret);
  assert.deepEqual(rv.edSeed, P.kdf(S, 'dojava/v1/reviewer/ed25519'));
  assert.deepEqual(rv.xPublic, P.x25519Public(P.kdf(S, 'dojava/v1/reviewer/x25519')));
  assert.deepEqual(ad.edPublic, P.ed25519Public(P.kdf(S, 'dojava/v1/admin/ed25519')));
});

// Small but in-bounds Argon2id parameters keep the key-file tests fast.
const KF = { t: 1, m: 8192 };

test('key file: round trip, layout, wrong passphrase', () => {
  const seed = P.randomBytes(32);
  const f = P.sealKeyFile(seed, 'correct horse', { ...KF, kind: P.KEY_FILE_KIND_ADMIN });
  assert.equal(f.length, 104);
  assert.equal(toHex(f.subarray(0, 8)), '444a4b4601020100');
  assert.equal(toHex(f.subarray(8, 16)), '0000000100002000');
  const o = P.openKeyFile(f, 'correct horse');
  assert.deepEqual(o.seed, seed);
  assert.equal(o.kind, P.KEY_FILE_KIND_ADMIN);
  throwsCode(() => P.openKeyFile(f, 'correct horse '), 'wrong_passphrase');
  throwsCode(() => P.openKeyFile(f, 'Correct horse'), 'wrong_passphrase');
  throwsCode(() => P.sealKeyFile(seed, '', KF), 'malformed');
  throwsCode(() => P.openKeyFile(f, ''), 'wrong_passphrase');
  throwsCode(() => P.openKeyFile(f, new Uint8Array(0)), 'wrong_passphrase');
  // Passphrases are UTF-8 exactly as entered: NFC and NFD forms are different passphrases.
  const g = P.sealKeyFile(seed, 'Petrovi\u0107', KF);
  assert.deepEqual(P.openKeyFile(g, 'Petrovi\u0107').seed, seed);
  throwsCode(() => P.openKeyFile(g, 'Petrovic\u0301'), 'wrong_passphrase');
});

test('key file: header checks happen before Argon2id', () => {
  const f = P.sealKeyFile(P.randomBytes(32), 'pw', KF);
  const set = (i, v) => {
    const c = f.slice();
    c[i] = v;
    return c;
  };
  throwsCode(() => P.openKeyFile(f.subarray(0, 103), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(P.concatBytes(f, Uint8Array.of(0)), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(set(0, 0x64), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(set(4, 2), 'pw'), 'unsupported_version');
  throwsCode(() => P.openKeyFile(set(5, 4), 'pw'), 'malformed'); // kinds are 1, 2, 3
  throwsCode(() => P.openKeyFile(set(6, 2), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(set(7, 1), 'pw'), 'malformed');
  const withTM = (t, m) => P.concatBytes(f.subarray(0, 8), P.u32(t), P.u32(m), f.subarray(16));
  const start = Date.now();
  throwsCode(() => P.openKeyFile(withTM(0, 8192), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(17, 8192), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(1, 8191), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(1, 1048577), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(0xffffffff, 0xffffffff), 'pw'), 'malformed');
  assert.ok(Date.now() - start < 1000, 'bounds must be checked without running Argon2id');
  // In-bounds but altered t/m: the header is additional data, so the seed does not open.
  throwsCode(() => P.openKeyFile(withTM(2, 8192), 'pw'), 'wrong_passphrase');
  // An empty passphrase is `wrong_passphrase` without Argon2id: with the largest bounds (16 passes over
  // 1 GiB, minutes in JavaScript) it still answers at once. A non-empty one would run Argon2id.
  const heavy = P.concatBytes(f.subarray(0, 8), P.u32(16), P.u32(1048576), f.subarray(16));
  const t0 = Date.now();
  throwsCode(() => P.openKeyFile(heavy, ''), 'wrong_passphrase');
  assert.ok(Date.now() - t0 < 1000, 'an empty passphrase must not run Argon2id');
  // But header checks still come first: an empty passphrase on a bad header is the header's outcome.
  throwsCode(() => P.openKeyFile(set(4, 2), ''), 'unsupported_version');
  throwsCode(() => P.openKeyFile(set(6, 2), ''), 'malformed');
});

test('key file: §5.3 check order — size, magic, version, kdf, reserved, t/m, kind', () => {
  const f = P.sealKeyFile(P.randomBytes(32), 'pw', KF);
  const edit = (edits, len = f.length) => {
    const c = new Uint8Array(len);
    c.set(f.subarray(0, Math.min(len, f.length)));
    for (const [i, v] of edits) c[i] = v;
    return c;
  };
  // The only outcome that differs is the version's, so the order shows where version meets others.
  throwsCode(() => P.openKeyFile(edit([[4, 2]], 103), 'pw'), 'malformed'); // size before version
  throwsCode(() => P.openKeyFile(edit([[4, 2]], 105), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(edit([[0, 0x45], [4, 2]]), 'pw'), 'malformed'); // magic before version
  throwsCode(() => P.openKeyFile(edit([[4, 2], [6, 2]]), 'pw'), 'unsupported_version'); // version before kdf
  throwsCode(() => P.openKeyFile(edit([[4, 2], [7, 1]]), 'pw'), 'unsupported_version'); // … reserved
  throwsCode(() => P.openKeyFile(edit([[4, 2], [5, 4]]), 'pw'), 'unsupported_version'); // … kind
  throwsCode(() => P.openKeyFile(edit([[4, 2], [8, 0xff]]), 'pw'), 'unsupported_version'); // … t
  // The rest are all `malformed`; the message names the first failing check.
  const msg = (edits) => {
    try {
      P.openKeyFile(edit(edits), 'pw');
    } catch (e) {
      return e.message;
    }
    return 'success';
  };
  assert.match(msg([[6, 2], [7, 1], [5, 4]]), /kdf/);
  assert.match(msg([[7, 1], [5, 4], [11, 0]]), /reserved/);
  assert.match(msg([[11, 0], [5, 4]]), /: t$/);
  assert.match(msg([[14, 0], [5, 4]]), /: m$/);
  assert.match(msg([[5, 4]]), /kind/);
  assert.match(msg([[5, 0]]), /kind/);
});

test('key file: corruption loop — no single-bit flip anywhere opens', () => {
  const f = P.sealKeyFile(P.randomBytes(32), 'pw', KF);
  for (let i = 0; i < f.length; i++) {
    const r = outcome(() => P.openKeyFile(flipped(f, i, i % 8), 'pw'));
    assert.notEqual(r, 'success', `byte ${i}`);
    assert.ok(['malformed', 'unsupported_version', 'wrong_passphrase'].includes(r), `byte ${i}: ${r}`);
  }
});
