// Our own tests of the protocol-2 modules (PROTOCOL.md §6, §7.2, §8): round trips with fresh randomness,
// corruption loops and the case-order rules, beyond the shared vectors.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';

const ascii = (s) => new TextEncoder().encode(s);

function outcome(fn) {
  try {
    fn();
    return 'success';
  } catch (e) {
    if (e instanceof P.DojavaError) return e.code;
    throw e;
  }
}

function instance() {
  const adminSeed = P.randomBytes(32);
  const adminPublic = P.ed25519Public(adminSeed);
  const instanceId = P.randomBytes(16);
  const ana = { seed: P.randomBytes(32), id: P.randomBytes(16) };
  const ben = { seed: P.randomBytes(32), id: P.randomBytes(16) };
  const entry = (r, name, extra = {}) => ({ reviewerId: r.id, ed25519: P.ed25519Public(r.seed), x25519: P.x25519Public(P.randomBytes(32)), name, ...extra });
  const entries = [entry(ana, 'Ana'), entry(ben, 'Ben')];
  const bytes = P.signRosterV2({ instanceId, version: 1, expiresDay: 20030, prevDigest: new Uint8Array(32), entries }, adminSeed);
  const roster = P.verifyRosterV2(bytes, adminPublic, instanceId, 20000);
  return { adminSeed, adminPublic, instanceId, ana, ben, entries, bytes, roster };
}

test('v2 roster: a successor that retires a reviewer chains; the reverse is a rollback', () => {
  const i = instance();
  const entries = i.entries.map((e, k) => (k === 1 ? { ...e, retiredAt: 2 } : e));
  const next = P.verifyRosterV2(P.signRosterV2({ instanceId: i.instanceId, version: 2, expiresDay: 20030, prevDigest: i.roster.digest, entries }, i.adminSeed), i.adminPublic, i.instanceId, 20000);
  P.checkRosterChain(i.roster, next);
  assert.equal(outcome(() => P.checkRosterChain(next, i.roster)), 'rollback');
  assert.equal(outcome(() => P.verifyRosterV2(i.bytes, i.adminPublic, i.instanceId, 20031)), 'expired');
  const dropped = P.verifyRosterV2(P.signRosterV2({ instanceId: i.instanceId, version: 2, expiresDay: 20030, prevDigest: i.roster.digest, entries: [i.entries[0]] }, i.adminSeed), i.adminPublic, i.instanceId, 20000);
  assert.equal(outcome(() => P.checkRosterChain(i.roster, dropped)), 'broken_chain');
});

test('v2 roster: no flipped bit verifies', () => {
  const i = instance();
  for (let k = 0; k < i.bytes.length; k++) {
    const b = i.bytes.slice();
    b[k] ^= 1;
    assert.notEqual(outcome(() => P.verifyRosterV2(b, i.adminPublic, i.instanceId, 20000)), 'success', `byte ${k}`);
  }
});

test('v2 messages: source and reviewer round trips; a corrupted record never opens', () => {
  const i = instance();
  const caseId = P.randomBytes(16);
  const caseKey = P.randomBytes(32);
  const sourceSeed = P.randomBytes(32);
  const report = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: caseKey, body: ascii('{"type":"report"}'), signer: { author: P.AUTHOR_SOURCE, edSeed: sourceSeed }, context: { rosterVersion: 1, day: 20000, prev: new Uint8Array(32) } });
  const keys = { caseId, caseKey, roster: i.roster };
  const m1 = P.decryptMessageV2(report, keys);
  assert.equal(P.hexEncode(m1.sourcePublic), P.hexEncode(P.ed25519Public(sourceSeed)));
  const reply = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: caseKey, body: ascii('{"type":"message"}'), signer: { author: P.AUTHOR_REVIEWER, reviewerId: i.ana.id, edSeed: i.ana.seed }, context: { rosterVersion: 1, day: 20001, prev: m1.eventHash } });
  const m2 = P.decryptMessageV2(reply, keys);
  assert.equal(P.hexEncode(m2.reviewerId), P.hexEncode(i.ana.id));
  assert.equal(outcome(() => P.decryptMessageV2(reply, { ...keys, caseKey: P.randomBytes(32) })), 'wrong_key');
  for (let k = 0; k < 200; k++) {
    const b = reply.slice();
    b[k] ^= 0x40;
    assert.notEqual(outcome(() => P.decryptMessageV2(b, keys)), 'success', `byte ${k}`);
  }
  const order = P.checkCaseOrder([m1, m2].map((m) => ({ eventHash: m.eventHash, opened: m })), i.roster);
  assert.equal(order.caseError, null);
  assert.deepEqual(order.records, [null, null]);
  const swapped = P.checkCaseOrder([m2, m1].map((m) => ({ eventHash: m.eventHash, opened: m })), i.roster);
  assert.equal(swapped.caseError.code, 'malformed');
});

test('v2 notes genesis: made by a CK holder, refused for a planted NK', () => {
  const i = instance();
  const caseId = P.randomBytes(16);
  const caseKey = P.randomBytes(32);
  const notesKey = P.randomBytes(32);
  const g = P.makeNotesGenesis({ caseId, creator: i.ana.id, rosterVersion: 1, recipients: [i.ben.id, i.ana.id] }, caseKey, notesKey, i.ana.seed);
  const opened = P.checkNotesGenesis(g, { caseId, caseKey, notesKey, roster: i.roster });
  assert.equal(opened.recipients.length, 2);
  assert.equal(outcome(() => P.checkNotesGenesis(g, { caseId, caseKey, notesKey: P.randomBytes(32), roster: i.roster })), 'wrong_key');
  assert.equal(outcome(() => P.checkNotesGenesis(g, { caseId, caseKey: P.randomBytes(32), notesKey, roster: i.roster })), 'wrong_key');
});

test('v2 case order: a conversation-only listing (the source) accepts a prev naming a notes record', () => {
  const i = instance();
  const caseId = P.randomBytes(16);
  const caseKey = P.randomBytes(32);
  const notesKey = P.randomBytes(32);
  const sourceSeed = P.randomBytes(32);
  const ctx = (prev) => ({ rosterVersion: 1, day: 20000, prev });
  const ana = { author: P.AUTHOR_REVIEWER, reviewerId: i.ana.id, edSeed: i.ana.seed };
  const report = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: caseKey, body: ascii('{"type":"report"}'), signer: { author: P.AUTHOR_SOURCE, edSeed: sourceSeed }, context: ctx(new Uint8Array(32)) });
  const m1 = P.decryptMessageV2(report, { caseId, caseKey, roster: i.roster });
  // A notes record (never listed to the source), then a reply whose prev names it.
  const note = P.encryptMessageV2({ kind: P.KIND_NOTES, caseId, key: notesKey, body: ascii('{"type":"note"}'), signer: ana, context: ctx(m1.eventHash) });
  const noteHash = P.eventHash(note);
  const reply = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: caseKey, body: ascii('{"type":"message"}'), signer: ana, context: ctx(noteHash) });
  const m2 = P.decryptMessageV2(reply, { caseId, caseKey, roster: i.roster });
  const listing = [m1, m2].map((m) => ({ eventHash: m.eventHash, opened: m }));
  assert.equal(P.checkCaseOrder(listing, i.roster).records[1].code, 'reordered'); // a whole-case reader
  const source = P.checkCaseOrder(listing, i.roster, undefined, { conversationOnly: true });
  assert.equal(source.caseError, null);
  assert.deepEqual(source.records, [null, null]);
  // A prev naming a record listed after it stays reordered for the source too.
  const early = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: caseKey, body: ascii('{"type":"message"}'), signer: ana, context: ctx(m2.eventHash) });
  const m3 = P.decryptMessageV2(early, { caseId, caseKey, roster: i.roster });
  const moved = [m1, m3, m2].map((m) => ({ eventHash: m.eventHash, opened: m }));
  assert.equal(P.checkCaseOrder(moved, i.roster, undefined, { conversationOnly: true }).records[1].code, 'reordered');
});

test('§7.4 a statement envelope opens under its CK only, picked by kc; every corrupted byte is refused', () => {
  const ck = P.randomBytes(32);
  const ck2 = P.randomBytes(32);
  const caseId = P.randomBytes(16);
  const statement = P.randomBytes(P.REKEY_BYTES);
  const env = P.sealStatement(ck, P.STATEMENT_REKEY, caseId, statement);
  assert.equal(env.length, P.ENVELOPE_HEADER_BYTES + P.REKEY_BYTES + 16);
  assert.notDeepEqual(P.sealStatement(ck, P.STATEMENT_REKEY, caseId, statement), env); // a fresh nonce
  const opened = P.openStatement(env, P.STATEMENT_REKEY, caseId, [ck2, ck]);
  assert.deepEqual(opened.statement, statement);
  assert.equal(opened.keyIndex, 1);
  assert.equal(outcome(() => P.openStatement(env, P.STATEMENT_REKEY, caseId, [ck2])), 'wrong_key');
  assert.equal(outcome(() => P.openStatement(env, P.STATEMENT_ANCHOR, caseId, [ck])), 'malformed');
  for (let i = 0; i < env.length; i++) {
    const bad = env.slice();
    bad[i] ^= 1;
    assert.notEqual(outcome(() => P.openStatement(bad, P.STATEMENT_REKEY, caseId, [ck])), 'success', `byte ${i}`);
    assert.notEqual(outcome(() => P.openStatement(env.subarray(0, i), P.STATEMENT_REKEY, caseId, [ck])), 'success', `cut ${i}`);
  }
  assert.throws(() => P.sealStatement(ck, P.STATEMENT_ANCHOR, caseId, statement));
});
