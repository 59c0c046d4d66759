// Our own tests of protocol/roster.js (§6, the v1 roster of Appendix A): known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hex, toHex, throwsCode, outcome, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §6 roster

function makeInstance(n = 3) {
  const admin = P.deriveAdminKeys(P.randomBytes(32));
  const instanceId = P.randomBytes(16);
  const entries = [];
  for (let i = 0; i < n; i++) {
    const k = P.deriveReviewerKeys(P.randomBytes(32));
    entries.push({ reviewerId: P.randomBytes(16), ed25519: k.edPublic, x25519: k.xPublic, name: `Reviewer ${i} Ђурђевић`, keys: k });
  }
  return { admin, instanceId, entries };
}

test('roster: sign, verify, digest, rollback', () => {
  const { admin, instanceId, entries } = makeInstance(3);
  const r5 = P.signRoster({ instanceId, version: 5, entries }, admin.edSeed);
  const v = P.verifyRoster(r5, admin.edPublic, instanceId);
  assert.equal(v.version, 5n);
  assert.equal(v.entries.length, 3);
  assert.deepEqual(v.digest, P.labeledHash(32, 'dojava/v1/roster', r5));
  const sorted = [...entries].sort((a, b) => (toHex(a.reviewerId) < toHex(b.reviewerId) ? -1 : 1));
  v.entries.forEach((e, i) => assert.equal(e.name, sorted[i].name));
  // Rollback rules.
  const seen = { version: 5n, digest: v.digest };
  assert.equal(P.verifyRoster(r5, admin.edPublic, instanceId, seen).version, 5n); // same roster again
  const r6 = P.signRoster({ instanceId, version: 6, entries }, admin.edSeed);
  assert.equal(P.verifyRoster(r6, admin.edPublic, instanceId, seen).version, 6n);
  const r4 = P.signRoster({ instanceId, version: 4, entries }, admin.edSeed);
  throwsCode(() => P.verifyRoster(r4, admin.edPublic, instanceId, seen), 'rollback');
  const fork = P.signRoster({ instanceId, version: 5, entries: entries.slice(1) }, admin.edSeed);
  throwsCode(() => P.verifyRoster(fork, admin.edPublic, instanceId, seen), 'rollback');
  // Large u64 versions survive (no float rounding).
  const big = P.signRoster({ instanceId, version: (1n << 64n) - 1n, entries }, admin.edSeed);
  assert.equal(P.verifyRoster(big, admin.edPublic, instanceId).version, (1n << 64n) - 1n);
  throwsCode(() => P.verifyRoster(r6, admin.edPublic, instanceId, { version: (1n << 63n), digest: v.digest }), 'rollback');
});

test('roster: content rules (each validly signed, each malformed)', () => {
  const { admin, instanceId, entries } = makeInstance(2);
  const bad = (mut, code = 'malformed') => {
    const es = entries.map((e) => ({ ...e }));
    const opts = { instanceId, version: 1, entries: es };
    mut(es, opts);
    throwsCode(() => P.verifyRoster(P.signRoster(opts, admin.edSeed), admin.edPublic, instanceId), code);
  };
  bad((es) => (es[1].ed25519 = es[0].ed25519));
  bad((es) => (es[1].x25519 = es[0].x25519));
  bad((es) => (es[1].name = es[0].name));
  bad((es) => (es[1].reviewerId = es[0].reviewerId)); // not strictly ascending
  bad((es) => (es[0].name = 'tab\there'));
  bad((es) => (es[0].name = 'C1 \u0085'));
  bad((es) => (es[0].name = 'del \u007f'));
  bad((es) => (es[0].name = Uint8Array.of(0xc0, 0xaf))); // overlong '/'
  bad((es) => (es[0].name = Uint8Array.of(0xed, 0xa0, 0x80))); // surrogate
  bad((es) => (es[0].name = Uint8Array.of(0x41, 0xe2, 0x82))); // truncated sequence
  bad((es, o) => (o.version = 0));
  bad((es, o) => (o.instanceId = P.randomBytes(16)));
  // §6 (updated): no invisible or bidirectional formatting characters, no space at either end.
  for (const c of ['\u00ad', '\u061c', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029',
    '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\u206f', '\ufeff',
    '\ufff9', '\ufffa', '\ufffb']) {
    bad((es) => (es[0].name = `Ana${c}Petrović`));
  }
  bad((es) => (es[0].name = '\ufeffΑθηνά')); // a leading BOM is kept by the decoder, then refused
  bad((es) => (es[0].name = ' Ana'));
  bad((es) => (es[0].name = 'Ana '));
  bad((es) => (es[0].name = ' '));
  // Look-alikes: every space but U+0020, fillers, variation selectors, tags, double spaces.
  for (const name of ['Ana\u00a0', '\u00a0Ana', 'A\u034fna', 'Ana\ufe0f', 'A  na', '\u3164', 'Ana\u{e0001}', 'a\u2000b',
    'a\u200ab', 'a\u202fb', 'a\u205fb', 'a\u3000b', 'a\u2800b', 'a\uffa0b', 'a\u115fb', 'a\u17b4b', 'a\u180db']) {
    bad((es) => (es[0].name = name));
  }
  // Not malformed: inner spaces, non-Latin scripts, neighbours of the forbidden ranges.
  for (const name of ['Ана Петровић', 'Αθηνά', 'a\u00aeb', 'a\u061bb', 'a\u180ab', 'a\u2027b', 'a\u2030b',
    'a\u2070b', 'a\ufefeb', 'a\ufff8b', 'a\ufffcb', 'a\u2801b', 'a\ufe10b', '\u{1f600}']) {
    const ok = entries.map((e) => ({ ...e }));
    ok[0].name = name;
    const r = P.verifyRoster(P.signRoster({ instanceId, version: 1, entries: ok }, admin.edSeed), admin.edPublic, instanceId);
    assert.ok(r.entries.some((e) => e.name === name), JSON.stringify(name));
  }
});

// Small-order Ed25519 points (canonical encodings) and an order-8 point T.
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

  const { admin, instanceId, entries } = makeInstance(2);
  const bad = (mut) => {
    const es = entries.map((e) => ({ ...e }));
    mut(es);
    throwsCode(() => P.verifyRoster(P.signRoster({ instanceId, version: 1, entries: es }, admin.edSeed), admin.edPublic, instanceId), 'malformed');
  };
  for (const h of ED_SMALL_ORDER) bad((es) => (es[0].ed25519 = hex(h)));
  bad((es) => (es[0].ed25519 = ed25519.Point.fromBytes(es[0].ed25519).add(T).toBytes()));
  for (const h of X_LOW_ORDER) bad((es) => (es[1].x25519 = hex(h)));
});

test('roster: structure limits', () => {
  const { admin, instanceId, entries } = makeInstance(1);
  const good = P.signRoster({ instanceId, version: 1, entries }, admin.edSeed);
  throwsCode(() => P.verifyRoster(new Uint8Array(0), admin.edPublic, instanceId), 'malformed');
  throwsCode(() => P.verifyRoster(flipped(good, 0, 1), admin.edPublic, instanceId), 'unsupported_version');
  // name_len 0 and 65, n = 1001 (hand-built: signRoster refuses them).
  const body = good.subarray(0, good.length - 64);
  const withNameLen = (len) => {
    const b = P.concatBytes(body.subarray(0, 27 + 80), Uint8Array.of(len), new Uint8Array(len).fill(0x61));
    return P.concatBytes(b, P.sign(admin.edSeed, 'dojava/v1/roster', b));
  };
  assert.equal(P.verifyRoster(withNameLen(64), admin.edPublic, instanceId).entries[0].name, 'a'.repeat(64));
  throwsCode(() => P.verifyRoster(withNameLen(0), admin.edPublic, instanceId), 'malformed');
  throwsCode(() => P.verifyRoster(withNameLen(65), admin.edPublic, instanceId), 'malformed');
  const n1001 = P.concatBytes(body.subarray(0, 25), P.u16(1001), new Uint8Array(64));
  throwsCode(() => P.verifyRoster(n1001, admin.edPublic, instanceId), 'malformed');
  const r0 = P.signRoster({ instanceId, version: 1, entries: [] }, admin.edSeed);
  assert.equal(r0.length, 27 + 64);
  assert.equal(P.verifyRoster(r0, admin.edPublic, instanceId).entries.length, 0);
});

test('roster: corruption loop — every single-bit flip is refused', () => {
  const { admin, instanceId, entries } = makeInstance(2);
  const good = P.signRoster({ instanceId, version: 3, entries }, admin.edSeed);
  for (let i = 0; i < good.length; i++) {
    const r = outcome(() => P.verifyRoster(flipped(good, i, (i * 3) % 8), admin.edPublic, instanceId));
    assert.ok(['malformed', 'unsupported_version', 'bad_signature'].includes(r), `byte ${i}: ${r}`);
  }
  // Truncations at every length are malformed or unsupported, never accepted.
  for (let n = 0; n < good.length; n++) assert.notEqual(outcome(() => P.verifyRoster(good.subarray(0, n), admin.edPublic, instanceId)), 'success');
});
