// protocol/source_case.js (PROTOCOL.md §12.3): the returning source reads v1 and v2 cases; a v2 case gets
// the key commitments, the signatures, message #1 signed with the receipt's key, the order, and re-keys.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';

const json = (v) => new TextEncoder().encode(JSON.stringify(v));
const REPORT = json({ type: 'report', form: { title: 't' }, text: 'x', files: [] });
const zero32 = new Uint8Array(32);

function setup() {
  const adminSeed = P.randomBytes(32);
  const instanceId = P.randomBytes(16);
  const ana = { seed: P.randomBytes(32), id: P.randomBytes(16) };
  const ben = { seed: P.randomBytes(32), id: P.randomBytes(16) };
  const people = [ana, ben].map((r, k) => ({ reviewerId: r.id, ed25519: P.ed25519Public(r.seed), x25519: P.x25519Public(P.randomBytes(32)), name: k ? 'Ben' : 'Ana' }));
  const bytes = P.signRosterV2({ instanceId, version: 3, expiresDay: 20030, prevDigest: P.randomBytes(32), entries: [people[0], { ...people[1], retiredAt: 3 }] }, adminSeed);
  const roster = P.verifyAnyRoster(bytes, P.ed25519Public(adminSeed), instanceId, 20000);
  const source = { signSeed: P.randomBytes(32), secret: P.randomBytes(32) };
  source.signPublic = P.ed25519Public(source.signSeed);
  source.public = P.x25519Public(source.secret);
  return { ana, ben, roster, source, caseId: P.randomBytes(16), ck: P.randomBytes(32) };
}

let seq = 0;
const listed = (record) => ({ seq: ++seq, day: 1, record });

function v2(s, { key = s.ck, author = 'source', signSeed = s.source.signSeed, body = REPORT, prev = zero32, rosterVersion = 2, reviewer = s.ana } = {}) {
  const signer = author === 'source' ? { author: P.AUTHOR_SOURCE, edSeed: signSeed } : { author: P.AUTHOR_REVIEWER, reviewerId: reviewer.id, edSeed: reviewer.seed };
  return P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId: s.caseId, key, body, signer, context: { rosterVersion, day: 20000, prev } });
}

const reader = (s) => new P.SourceCaseReader({ caseId: s.caseId, caseKey: s.ck, sourceSignPublic: s.source.signPublic, sourceSecret: s.source.secret });

test('a v2 case: report, reply, follow-up read in order; the next record names the last one', () => {
  const s = setup();
  const report = v2(s);
  const reply = v2(s, { author: 'reviewer', body: json({ type: 'message', text: 'hvala', files: [] }), prev: P.eventHash(report) });
  const r = reader(s);
  const items = r.addRecords([listed(report), listed(reply)], s.roster);
  assert.deepEqual(items.map((m) => [m.error, m.author]), [[null, P.AUTHOR_SOURCE], [null, P.AUTHOR_REVIEWER]]);
  assert.equal(r.caseError, null);
  const w = r.writeContext();
  assert.equal(w.format, 2);
  assert.deepEqual(w.prev, P.eventHash(reply));
  // A later page adds a follow-up that names the reply: still in order.
  r.addRecords([listed(v2(s, { body: json({ type: 'message', text: 'more', files: [] }), prev: w.prev }))], s.roster);
  assert.equal(r.caseError, null);
});

test('message #1 not written with this receipt, or not a report: the case must not be written to', () => {
  const s = setup();
  const r = reader(s);
  r.addRecords([listed(v2(s, { signSeed: P.randomBytes(32) }))], s.roster);
  assert.equal(r.caseError, 'unknown_author');
  assert.throws(() => r.writeContext(), (e) => e.code === 'unknown_author');
  const q = reader(s);
  q.addRecords([listed(v2(s, { body: json({ type: 'message', text: 'x', files: [] }) }))], s.roster);
  assert.equal(q.caseError, 'unknown_author');
  const t = reader(s);
  t.addRecords([listed(v2(s, { author: 'reviewer' }))], s.roster);
  assert.equal(t.caseError, 'malformed');
});

// Regression: a second report later in the case was shown as a report (its form summary on the page).
test('a later report is malformed: shown as such, not named in prev, and it blocks nothing', () => {
  const s = setup();
  const report = v2(s);
  const reply = v2(s, { author: 'reviewer', body: json({ type: 'message', text: 'hvala', files: [] }), prev: P.eventHash(report) });
  const again = v2(s, { prev: P.eventHash(reply) });
  const r = reader(s);
  const items = r.addRecords([listed(report), listed(reply), listed(again)], s.roster);
  assert.deepEqual(items.map((m) => m.error), [null, null, 'malformed']);
  assert.equal(r.caseError, null);
  assert.deepEqual(r.writeContext().prev, P.eventHash(reply));
});

test('records of a v2 case: another key, a moved record, a retired reviewer, an unsigned v1 source record', () => {
  const s = setup();
  const report = v2(s);
  const foreign = v2(s, { key: P.randomBytes(32), author: 'reviewer', prev: P.eventHash(report) });
  const retired = v2(s, { author: 'reviewer', reviewer: s.ben, rosterVersion: 3, prev: P.eventHash(report) });
  // Moved before the record its writer had seen (listed after it). A prev naming a record the source is
  // never listed (a notes record) is accepted for the source (§8.4, "A source's view").
  const moved = v2(s, { author: 'reviewer', prev: P.eventHash(retired) });
  const other = v2(s, { signSeed: P.randomBytes(32), body: json({ type: 'message', text: 'x', files: [] }), prev: P.eventHash(report) });
  const v1source = P.encryptMessage({ kind: P.KIND_CONVERSATION, caseId: s.caseId, key: s.ck, body: json({ type: 'message', text: 'v1', files: [] }) });
  const v1reply = P.encryptMessage({ kind: P.KIND_CONVERSATION, caseId: s.caseId, key: s.ck, body: json({ type: 'message', text: 'v1 reply', files: [] }), author: { reviewerId: s.ana.id, edSeed: s.ana.seed } });
  const r = reader(s);
  const items = r.addRecords([report, foreign, moved, retired, other, v1source, v1reply].map(listed), s.roster);
  assert.deepEqual(items.map((m) => m.error), [null, 'wrong_key', 'reordered', 'retired_author', 'unknown_author', 'unknown_author', null]);
  // Records that do not open never block the case (§8.4), and are never named in prev.
  assert.equal(r.caseError, null);
  assert.deepEqual(r.writeContext().prev, P.eventHash(report));
});

test('a v1 case reads as protocol 1 did, and is written in version 1', () => {
  const s = setup();
  const report = P.encryptMessage({ kind: P.KIND_CONVERSATION, caseId: s.caseId, key: s.ck, body: REPORT });
  const reply = P.encryptMessage({ kind: P.KIND_CONVERSATION, caseId: s.caseId, key: s.ck, body: json({ type: 'message', text: 'ok', files: [] }), author: { reviewerId: s.ana.id, edSeed: s.ana.seed } });
  const r = reader(s);
  const items = r.addRecords([listed(report), listed(reply), listed(reply)], s.roster);
  assert.deepEqual(items.map((m) => [m.error, m.duplicate]), [[null, false], [null, false], [null, true]]);
  assert.equal(r.caseError, null);
  assert.equal(r.writeContext().format, 1);
});

test('a signed re-key moves the source to CK′; an unsigned key sealed to source_pk is refused', () => {
  const s = setup();
  const report = v2(s);
  const ck2 = P.randomBytes(32);
  const sourceSeal = P.sealKey(ck2, s.source.public, P.ROLE_CK, s.caseId);
  const statement = P.makeRekey({ caseId: s.caseId, reviewerId: s.ana.id, oldKey: s.ck, newKey: ck2, sourceSeal, rosterVersion: 3 }, s.ana.seed);
  const reply = v2(s, { key: ck2, author: 'reviewer', body: json({ type: 'message', text: 'hvala', files: [] }), prev: P.eventHash(report) });
  const r = reader(s);
  r.applyRekeys([{ generation: 1, statement }], s.roster);
  const items = r.addRecords([listed(report), listed(reply)], s.roster);
  assert.deepEqual(items.map((m) => m.error), [null, null]);
  assert.deepEqual(r.writeContext().key, ck2);
  assert.equal(r.rekeyError, null);
  // The server's own CK″ with a statement signed by nobody on the roster: ignored, the old key stays.
  const evil = P.makeRekey({ caseId: s.caseId, reviewerId: P.randomBytes(16), oldKey: s.ck, newKey: ck2, sourceSeal, rosterVersion: 3 }, P.randomBytes(32));
  const q = reader(s);
  q.applyRekeys([{ generation: 1, statement: evil }], s.roster);
  assert.equal(q.rekeyError, 'unknown_author');
  q.addRecords([listed(report), listed(reply)], s.roster);
  assert.equal(q.items()[1].error, 'wrong_key');
  assert.deepEqual(q.writeContext().key, s.ck);
});

test('the high-water mark: a listing that changes what this reader saw is refused', () => {
  const s = setup();
  const report = v2(s);
  const r = reader(s);
  r.addRecords([listed(report)], s.roster);
  assert.equal(r.caseError, null);
  // Records arrive page by page; the reader keeps what it saw, so a later page cannot rewrite it.
  r.listing[0] = { ...r.listing[0], eventHash: P.randomBytes(32) };
  r.addRecords([], s.roster);
  assert.ok(['reordered', 'malformed'].includes(r.caseError));
});
