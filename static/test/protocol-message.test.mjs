// Our own tests of protocol/message.js (§8, the v1 message of Appendix A): known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { ascii, throwsCode, outcome, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §8 messages

function msgSetup() {
  const caseId = P.randomBytes(16);
  const ck = P.randomBytes(32);
  const nk = P.randomBytes(32);
  const rv = P.deriveReviewerKeys(P.randomBytes(32));
  const reviewerId = P.randomBytes(16);
  const reviewers = [{ reviewerId, ed25519: rv.edPublic }];
  return { caseId, ck, nk, rv, reviewerId, reviewers, author: { reviewerId, edSeed: rv.edSeed } };
}

test('messages: bucket function and boundaries', () => {
  assert.deepEqual(P.BUCKETS, [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288]);
  assert.equal(P.bucket(0), 512);
  assert.equal(P.bucket(512), 512);
  assert.equal(P.bucket(513), 1024);
  assert.equal(P.bucket(524288), 524288);
  assert.equal(P.bucket(524289), -1);
  const { caseId, ck } = msgSetup();
  // Source: inner = 1 + body; 4 + 1 + body.length = 512 exactly at body 507.
  for (const [len, size] of [[0, 512], [507, 512], [508, 1024], [524283, 524288]]) {
    const rec = P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(len).fill(7) });
    assert.equal(rec.length, 58 + size + 16, `body ${len}`);
    const m = P.decryptMessage(rec, { caseId, caseKey: ck, reviewers: [] });
    assert.equal(m.paddedSize, size);
    assert.equal(m.body.length, len);
  }
  throwsCode(() => P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(524284) }), 'malformed');
  // §11 MaxBodySize: 524283 for the source, 524203 for a reviewer (signed: 16 + 64 bytes more inner).
  assert.equal(P.MAX_BODY_SOURCE, 524283);
  assert.equal(P.MAX_BODY_REVIEWER, 524203);
  const rv = P.deriveReviewerKeys(P.randomBytes(32));
  const author = { reviewerId: P.randomBytes(16), edSeed: rv.edSeed };
  const full = P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(524203), author });
  assert.equal(full.length, 58 + 524288 + 16);
  throwsCode(() => P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(524204), author }), 'malformed');
  // 100,000 characters of 4-byte UTF-8 text fit, with room for the JSON around them.
  const text = JSON.stringify({ type: 'message', text: '\u{1f600}'.repeat(100000), files: [] });
  assert.ok(P.utf8(text).length <= P.MAX_BODY_REVIEWER);
});

test('messages: source, reviewer reply and notes event round trips', () => {
  const s = msgSetup();
  const body = ascii('{"type":"message","text":"Здраво"}');
  const src = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body });
  const m0 = P.decryptMessage(src, { caseId: s.caseId, caseKey: s.ck, reviewers: [] });
  assert.equal(m0.author, 0);
  assert.equal(m0.reviewerId, null);
  assert.deepEqual(m0.body, body);
  const reply = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body, author: s.author });
  const m1 = P.decryptMessage(reply, { caseId: s.caseId, caseKey: s.ck, reviewers: s.reviewers });
  assert.equal(m1.author, 1);
  assert.deepEqual(m1.reviewerId, s.reviewerId);
  const note = P.encryptMessage({ kind: 2, caseId: s.caseId, key: s.nk, body: ascii('{"type":"status","status":"triage"}'), author: s.author });
  const m2 = P.decryptMessage(note, { caseId: s.caseId, caseKey: s.ck, notesKey: s.nk, reviewers: (id) => (P.equalBytes(id, s.reviewerId) ? s.rv.edPublic : null) });
  assert.equal(m2.kind, 2);
  // The source holds no NK: a notes record cannot be opened by it.
  throwsCode(() => P.decryptMessage(note, { caseId: s.caseId, caseKey: s.ck, reviewers: s.reviewers }), 'decrypt_failed');
  // Notes must be signed.
  throwsCode(() => P.encryptMessage({ kind: 2, caseId: s.caseId, key: s.nk, body }), 'malformed');
  // Unknown author, and a known author whose key does not match.
  throwsCode(() => P.decryptMessage(reply, { caseId: s.caseId, caseKey: s.ck, reviewers: [] }), 'unknown_author');
  const impostor = [{ reviewerId: s.reviewerId, ed25519: P.deriveReviewerKeys(P.randomBytes(32)).edPublic }];
  throwsCode(() => P.decryptMessage(reply, { caseId: s.caseId, caseKey: s.ck, reviewers: impostor }), 'bad_signature');
  // Same plaintext, other case: wrong case id is malformed before any decryption.
  throwsCode(() => P.decryptMessage(reply, { caseId: P.randomBytes(16), caseKey: s.ck, reviewers: s.reviewers }), 'malformed');
});

test('messages: padding checks after decryption', () => {
  const s = msgSetup();
  const build = (padded, kind = 1) => {
    const nonce = P.randomBytes(24);
    const header = P.concatBytes(Uint8Array.of(1, kind), s.caseId, P.randomBytes(16), nonce);
    return P.concatBytes(header, P.aeadEncrypt(s.ck, nonce, P.concatBytes(P.L('dojava/v1/message'), header), padded));
  };
  const open = (rec) => P.decryptMessage(rec, { caseId: s.caseId, caseKey: s.ck, reviewers: s.reviewers });
  const padded = new Uint8Array(512);
  padded.set(P.u32(3), 0);
  padded.set([0, 0x41, 0x42], 4);
  assert.deepEqual(open(build(padded)).body, ascii('AB'));
  const p1 = padded.slice();
  p1[511] = 1;
  throwsCode(() => open(build(p1)), 'malformed');
  const p2 = padded.slice();
  p2.set(P.u32(509), 0);
  throwsCode(() => open(build(p2)), 'malformed');
  const p3 = padded.slice();
  p3.set(P.u32(508), 0);
  assert.equal(open(build(p3)).body.length, 507); // exactly fills the bucket
  const p4 = padded.slice();
  p4.set(P.u32(0), 0);
  p4[4] = 0;
  throwsCode(() => open(build(p4)), 'malformed'); // no author byte
  const p5 = padded.slice();
  p5[4] = 2;
  throwsCode(() => open(build(p5)), 'malformed'); // author 2
  const p6 = padded.slice();
  p6.set(P.u32(80), 0);
  p6[4] = 1;
  throwsCode(() => open(build(p6)), 'malformed'); // author 1 without room for id and signature
  // §8.2 (updated): the padded length must be the smallest bucket that fits.
  const big = new Uint8Array(1024);
  big.set(P.u32(1), 0);
  throwsCode(() => open(build(big)), 'malformed');
  const edge = new Uint8Array(1024);
  edge.set(P.u32(509), 0); // 4 + 509 = 513 > 512: 1024 is the smallest bucket
  assert.equal(open(build(edge)).paddedSize, 1024);
  const edge2 = new Uint8Array(1024);
  edge2.set(P.u32(508), 0); // 4 + 508 = 512 fits the 512 bucket
  throwsCode(() => open(build(edge2)), 'malformed');
  // len(inner) = 0 is refused by §8.2 itself (1 ≤ len(inner)).
  const empty = new Uint8Array(512);
  throwsCode(() => open(build(empty)), 'malformed');
  assert.equal(P.unpad(P.pad(Uint8Array.of(0))).length, 1);
  throwsCode(() => P.unpad(new Uint8Array(512)), 'malformed');
});

test('messages: header checks precede decryption', () => {
  const s = msgSetup();
  const rec = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body: ascii('x') });
  const open = (r, key = s.ck) => P.decryptMessage(r, { caseId: s.caseId, caseKey: key, notesKey: key, reviewers: [] });
  throwsCode(() => open(rec.subarray(0, 73)), 'malformed');
  throwsCode(() => open(rec.subarray(0, rec.length - 1)), 'malformed');
  throwsCode(() => open(P.concatBytes(rec, Uint8Array.of(0))), 'malformed');
  const v2 = rec.slice();
  v2[0] = 2;
  throwsCode(() => open(v2), 'unsupported_version');
  // §1/§8.1: the version before the length; an empty record is malformed.
  throwsCode(() => open(v2.subarray(0, 1)), 'unsupported_version');
  throwsCode(() => open(v2.subarray(0, 73)), 'unsupported_version');
  throwsCode(() => open(new Uint8Array(0)), 'malformed');
  throwsCode(() => open(rec.subarray(0, 1)), 'malformed');
  for (const k of [0, 3, 255]) {
    const c = rec.slice();
    c[1] = k;
    throwsCode(() => open(c), 'malformed');
  }
});

test('messages: corruption loop — every byte of a signed record', () => {
  const s = msgSetup();
  const rec = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body: ascii('corrupt me'), author: s.author });
  for (let i = 0; i < rec.length; i++) {
    const r = outcome(() => P.decryptMessage(flipped(rec, i, i % 8), { caseId: s.caseId, caseKey: s.ck, notesKey: s.nk, reviewers: s.reviewers }));
    let want = 'decrypt_failed';
    if (i === 0) want = 'unsupported_version';
    else if (i === 1) want = (1 ^ (1 << (i % 8))) === 2 ? 'decrypt_failed' : 'malformed';
    else if (i < 18) want = 'malformed';
    assert.equal(r, want, `byte ${i}`);
  }
});
