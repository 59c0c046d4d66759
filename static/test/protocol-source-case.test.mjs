// protocol/source_case.js (PROTOCOL.md §12.3): the returning source's case gets the key commitments, the
// signatures, message #1 signed with the receipt's key, the order, and re-keys; version 1 is not read.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';

const json = (v) => new TextEncoder().encode(JSON.stringify(v));
// §11.1: a report names the source_pk of its receipt.
const reportOf = (sourcePk) => json({ type: 'report', source_pk: P.base64urlEncode(sourcePk), form: { title: 't' }, text: 'x', files: [] });
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

function v2(s, { key = s.ck, author = 'source', signSeed = s.source.signSeed, body = reportOf(s.source.public), prev = zero32, rosterVersion = 2, reviewer = s.ana } = {}) {
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

test("message #1 without a source_pk, or naming another than the receipt's: the case must not be written to", () => {
  const s = setup();
  const none = reader(s);
  none.addRecords([listed(v2(s, { body: json({ type: 'report', form: { title: 't' }, text: 'x', files: [] }) }))], s.roster);
  assert.equal(none.caseError, 'malformed');
  const other = reader(s);
  other.addRecords([listed(v2(s, { body: reportOf(P.x25519Public(P.randomBytes(32))) }))], s.roster);
  assert.equal(other.caseError, 'wrong_key');
  assert.throws(() => other.writeContext(), (e) => e.code === 'wrong_key');
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

test('records of a case: another key, a moved record, a retired reviewer, a version-1 record', () => {
  const s = setup();
  const report = v2(s);
  const foreign = v2(s, { key: P.randomBytes(32), author: 'reviewer', prev: P.eventHash(report) });
  const retired = v2(s, { author: 'reviewer', reviewer: s.ben, rosterVersion: 3, prev: P.eventHash(report) });
  // Moved before the record its writer had seen (listed after it). A prev naming a record the source is
  // never listed (a notes record) is accepted for the source (§8.4, "A source's view").
  const moved = v2(s, { author: 'reviewer', prev: P.eventHash(retired) });
  const other = v2(s, { signSeed: P.randomBytes(32), body: json({ type: 'message', text: 'x', files: [] }), prev: P.eventHash(report) });
  // What 0.1.0 wrote: version byte 1 (§16).
  const v1reply = v2(s, { author: 'reviewer', body: json({ type: 'message', text: 'v1 reply', files: [] }), prev: P.eventHash(report) });
  v1reply[0] = 1;
  const r = reader(s);
  const items = r.addRecords([report, foreign, moved, retired, other, v1reply].map(listed), s.roster);
  assert.deepEqual(items.map((m) => m.error), [null, 'wrong_key', 'reordered', 'retired_author', 'unknown_author', 'unsupported_version']);
  // Records that do not open never block the case (§8.4), and are never named in prev.
  assert.equal(r.caseError, null);
  assert.deepEqual(r.writeContext().prev, P.eventHash(report));
});

test('a case 0.1.0 wrote (its report is version 1) is not read and must not be written to', () => {
  const s = setup();
  const report = v2(s);
  report[0] = 1;
  const reply = v2(s, { author: 'reviewer', body: json({ type: 'message', text: 'ok', files: [] }), prev: P.eventHash(report) });
  const r = reader(s);
  const items = r.addRecords([listed(report), listed(reply)], s.roster);
  assert.equal(items[0].error, 'unsupported_version');
  assert.equal(r.caseError, 'malformed'); // §8.4: message #1 is not the source's report
  assert.throws(() => r.writeContext(), (e) => e instanceof P.DojavaError && e.code === 'malformed');
});

test('a signed re-key moves the source to CK′; an unsigned key sealed to source_pk is refused', () => {
  const s = setup();
  const report = v2(s);
  const ck2 = P.randomBytes(32);
  const sourceSeal = P.sealKey(ck2, s.source.public, P.ROLE_CK, s.caseId);
  const statement = P.makeRekey({ caseId: s.caseId, reviewerId: s.ana.id, oldKey: s.ck, newKey: ck2, sourceSeal, rosterVersion: 3 }, s.ana.seed);
  const reply = v2(s, { key: ck2, author: 'reviewer', body: json({ type: 'message', text: 'hvala', files: [] }), prev: P.eventHash(report) });
  const envelope = P.sealStatement(s.ck, P.STATEMENT_REKEY, s.caseId, statement);
  const r = reader(s);
  r.applyRekeys([{ generation: 1, envelope }], s.roster);
  const items = r.addRecords([listed(report), listed(reply)], s.roster);
  assert.deepEqual(items.map((m) => m.error), [null, null]);
  assert.deepEqual(r.writeContext().key, ck2);
  assert.equal(r.rekeyError, null);
  // The server's own CK″ with a statement signed by nobody on the roster: ignored, the old key stays.
  const evil = P.makeRekey({ caseId: s.caseId, reviewerId: P.randomBytes(16), oldKey: s.ck, newKey: ck2, sourceSeal, rosterVersion: 3 }, P.randomBytes(32));
  const q = reader(s);
  q.applyRekeys([{ generation: 1, envelope: P.sealStatement(s.ck, P.STATEMENT_REKEY, s.caseId, evil) }], s.roster);
  assert.equal(q.rekeyError, 'unknown_author');
  q.addRecords([listed(report), listed(reply)], s.roster);
  assert.equal(q.items()[1].error, 'wrong_key');
  assert.deepEqual(q.writeContext().key, s.ck);
  // §7.4: an envelope sealed under a key the source does not hold is shown and ignored; the next applies.
  const u = reader(s);
  const junk = P.sealStatement(P.randomBytes(32), P.STATEMENT_REKEY, s.caseId, statement);
  u.applyRekeys([{ generation: 2, envelope }, { generation: 1, envelope: junk }], s.roster);
  assert.deepEqual(u.rekeysUnopened, [{ generation: 1, error: 'wrong_key' }]);
  assert.equal(u.rekeyError, null);
  u.addRecords([listed(report), listed(reply)], s.roster);
  assert.deepEqual(u.writeContext().key, ck2);
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
