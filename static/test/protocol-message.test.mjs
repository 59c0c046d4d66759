// Our own tests of protocol/message_v2.js (§8): buckets and padding, the body limits, the header checks, and
// version 1 (Dojava 0.1.0) refused. Round trips and corruption loops: protocol-v2.test.mjs; known answers:
// tests/vectors. Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { ascii, throwsCode } from './protocol-helpers.mjs';

function setup() {
  const adminSeed = P.randomBytes(32);
  const instanceId = P.randomBytes(16);
  const ana = { seed: P.randomBytes(32), id: P.randomBytes(16) };
  const entries = [{ reviewerId: ana.id, ed25519: P.ed25519Public(ana.seed), x25519: P.x25519Public(P.randomBytes(32)), name: 'Ana' }];
  const bytes = P.signRosterV2({ instanceId, version: 1, expiresDay: 20030, prevDigest: new Uint8Array(32), entries }, adminSeed);
  const roster = P.verifyRosterV2(bytes, P.ed25519Public(adminSeed), instanceId, 20000);
  const caseId = P.randomBytes(16);
  const ck = P.randomBytes(32);
  const context = { rosterVersion: 1, day: 20000, prev: new Uint8Array(32) };
  const source = { author: P.AUTHOR_SOURCE, edSeed: P.randomBytes(32) };
  const reviewer = { author: P.AUTHOR_REVIEWER, reviewerId: ana.id, edSeed: ana.seed };
  const encrypt = (body, signer = source) => P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: ck, body, signer, context });
  const open = (record) => P.decryptMessageV2(record, { caseId, caseKey: ck, roster });
  return { caseId, ck, roster, source, reviewer, encrypt, open };
}

test('messages: bucket function, padding and its checks', () => {
  assert.deepEqual(P.BUCKETS, [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288]);
  assert.equal(P.bucket(0), 512);
  assert.equal(P.bucket(512), 512);
  assert.equal(P.bucket(513), 1024);
  assert.equal(P.bucket(524288), 524288);
  assert.equal(P.bucket(524289), -1);
  assert.equal(P.pad(new Uint8Array(508)).length, 512);
  assert.equal(P.pad(new Uint8Array(509)).length, 1024);
  assert.equal(P.unpad(P.pad(Uint8Array.of(0))).length, 1);
  throwsCode(() => P.pad(new Uint8Array(524285)), 'malformed');
  throwsCode(() => P.unpad(new Uint8Array(512)), 'malformed'); // len(inner) = 0
  const dirty = P.pad(ascii('AB'));
  dirty[511] = 1;
  throwsCode(() => P.unpad(dirty), 'malformed'); // non-zero padding
  const loose = new Uint8Array(1024);
  loose.set(P.u32(1), 0);
  throwsCode(() => P.unpad(loose), 'malformed'); // not the smallest bucket
});

test('messages: the body limits of a signed record (§8.3)', () => {
  const s = setup();
  assert.equal(P.MAX_BODY_SOURCE_V2, 524143);
  assert.equal(P.MAX_BODY_REVIEWER_V2, 524159);
  assert.equal(s.encrypt(new Uint8Array(P.MAX_BODY_SOURCE_V2)).length, P.MESSAGE_HEADER_BYTES_V2 + 524288 + 16);
  throwsCode(() => s.encrypt(new Uint8Array(P.MAX_BODY_SOURCE_V2 + 1)), 'malformed');
  assert.equal(s.encrypt(new Uint8Array(P.MAX_BODY_REVIEWER_V2), s.reviewer).length, P.MESSAGE_HEADER_BYTES_V2 + 524288 + 16);
  // 100,000 characters of 4-byte UTF-8 text fit, with room for the JSON around them.
  const text = JSON.stringify({ type: 'message', text: '\u{1f600}'.repeat(100000), files: [] });
  assert.ok(P.utf8(text).length <= P.MAX_BODY_SOURCE_V2);
  // Two bodies of different lengths in one bucket give records of one size.
  assert.equal(s.encrypt(ascii('x')).length, s.encrypt(ascii('x'.repeat(300))).length);
});

// Dojava 0.1.0 wrote version-1 records (retired, §16): the version byte is read before anything else.
test('messages: version 1 is unsupported_version, before the length and the key', () => {
  const s = setup();
  const rec = s.encrypt(ascii('{"type":"report"}'));
  assert.equal(s.open(rec).body.length, 17);
  for (const version of [0, 1, 3]) {
    const old = rec.slice();
    old[0] = version;
    throwsCode(() => s.open(old), 'unsupported_version');
    throwsCode(() => P.parseMessageHeaderV2(old, s.caseId), 'unsupported_version');
    throwsCode(() => s.open(old.subarray(0, 1)), 'unsupported_version');
  }
  // A record of 0.1.0's size: a 58-byte header, the smallest bucket, the tag.
  const v1 = new Uint8Array(58 + 512 + 16);
  v1[0] = 1;
  v1[1] = P.KIND_CONVERSATION;
  throwsCode(() => s.open(v1), 'unsupported_version');
  throwsCode(() => s.open(new Uint8Array(0)), 'malformed');
});
