// Our own tests of protocol/roster_v2.js (§6): the point checks of step 3, and version 1 (Dojava 0.1.0) refused.
// Chain, expiry and corruption loops: protocol-v2.test.mjs; known answers: tests/vectors.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hex, throwsCode } from './protocol-helpers.mjs';

function makeInstance(n = 3) {
  const admin = P.deriveAdminKeys(P.randomBytes(32));
  const instanceId = P.randomBytes(16);
  const entries = [];
  for (let i = 0; i < n; i++) {
    const k = P.deriveReviewerKeys(P.randomBytes(32));
    entries.push({ reviewerId: P.randomBytes(16), ed25519: k.edPublic, x25519: k.xPublic, name: `Reviewer ${i} Ђурђевић` });
  }
  return { admin, instanceId, entries };
}

const sign = ({ admin, instanceId }, entries) =>
  P.signRosterV2({ instanceId, version: 1, expiresDay: 20030, prevDigest: new Uint8Array(32), entries }, admin.edSeed);

const ED_SMALL_ORDER = [
  '0100000000000000000000000000000000000000000000000000000000000000', // identity
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // order 2
  '0000000000000000000000000000000000000000000000000000000000000000', // order 4
  '0000000000000000000000000000000000000000000000000000000000000080', // order 4
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85', // order 8
];
// Low-order X25519 u-coordinates, canonical and not (libsodium's blacklist).
const X_LOW_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

test('roster: keys must be valid points (§6 step 3)', () => {
  for (const h of ED_SMALL_ORDER) assert.equal(P.isValidEd25519Point(hex(h)), false, h);
  const good = P.deriveReviewerKeys(P.randomBytes(32));
  assert.equal(P.isValidEd25519Point(good.edPublic), true);
  // Mixed order (a valid key plus an order-8 point): on the curve, not small order, not in the subgroup.
  const T = ed25519.Point.fromBytes(hex(ED_SMALL_ORDER[4]));
  const mixed = ed25519.Point.fromBytes(good.edPublic).add(T).toBytes();
  assert.equal(P.isValidEd25519Point(mixed), false);
  // Non-canonical: y ≥ p (y = p + 3) and not on the curve (y = 2 has no x).
  assert.equal(P.isValidEd25519Point(hex('f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')), false);
  assert.equal(P.isValidEd25519Point(hex('0200000000000000000000000000000000000000000000000000000000000000')), false);
  for (const h of X_LOW_ORDER) {
    assert.equal(P.isLowOrderX25519(hex(h)), true, h);
    // With the top bit set (ignored by X25519), still low order.
    const t = hex(h);
    t[31] |= 0x80;
    assert.equal(P.isLowOrderX25519(t), true, `${h} | 0x80`);
  }
  assert.equal(P.isLowOrderX25519(good.xPublic), false);
  assert.equal(P.isLowOrderX25519(hex('0900000000000000000000000000000000000000000000000000000000000000')), false);

  const inst = makeInstance(2);
  const bad = (mut) => {
    const es = inst.entries.map((e) => ({ ...e }));
    mut(es);
    throwsCode(() => P.verifyRosterV2(sign(inst, es), inst.admin.edPublic, inst.instanceId, 20000), 'malformed');
  };
  for (const h of ED_SMALL_ORDER) bad((es) => (es[0].ed25519 = hex(h)));
  bad((es) => (es[0].ed25519 = ed25519.Point.fromBytes(es[0].ed25519).add(T).toBytes()));
  for (const h of X_LOW_ORDER) bad((es) => (es[1].x25519 = hex(h)));
});

// Dojava 0.1.0 signed version-1 rosters (retired, §16): the version byte is read first.
test('roster: version 1 is unsupported_version, whatever follows', () => {
  const inst = makeInstance(2);
  const good = sign(inst, inst.entries);
  assert.equal(P.verifyRosterV2(good, inst.admin.edPublic, inst.instanceId, 20000).entries.length, 2);
  for (const version of [0, 1, 3]) {
    const old = good.slice();
    old[0] = version;
    throwsCode(() => P.verifyRosterV2(old, inst.admin.edPublic, inst.instanceId, 20000), 'unsupported_version');
    throwsCode(() => P.verifyAnyRoster(old, inst.admin.edPublic, inst.instanceId, 20000), 'unsupported_version');
  }
  // A roster of 0.1.0's layout (version, instance id, u64 version, u16 n, signature).
  const v1 = P.concatBytes(Uint8Array.of(1), inst.instanceId, P.u64(4), P.u16(0), new Uint8Array(64));
  throwsCode(() => P.verifyAnyRoster(v1, inst.admin.edPublic, inst.instanceId, 20000), 'unsupported_version');
});
