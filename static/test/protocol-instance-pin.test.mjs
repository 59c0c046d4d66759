// protocol/instance_pin.js (PROTOCOL.md §12.1, §6): the published address, what the page pins within one
// load, rosters of either version, the rv floor, the rollback and chain rules across reloads.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';

const TODAY = 20000;
const zero32 = new Uint8Array(32);

async function outcome(fn) {
  try {
    await fn();
    return 'success';
  } catch (e) {
    if (e instanceof P.DojavaError) return e.reason ? `${e.code}/${e.reason}` : e.code;
    throw e;
  }
}

function reviewer(name) {
  const seed = P.randomBytes(32);
  return { reviewerId: P.randomBytes(16), ed25519: P.ed25519Public(seed), x25519: P.x25519Public(P.randomBytes(32)), name, seed };
}

function org() {
  const adminSeed = P.randomBytes(32);
  const o = { adminSeed, adminPublic: P.ed25519Public(adminSeed), instanceId: P.randomBytes(16), salt: P.randomBytes(16), people: [reviewer('Ana'), reviewer('Ben')] };
  o.fp = P.hexEncode(P.adminFingerprint(o.adminPublic));
  o.v2 = (version, prevDigest, people = o.people, expiresDay = TODAY + 30) => P.signRosterV2({ instanceId: o.instanceId, version, expiresDay, prevDigest, entries: people }, adminSeed);
  o.doc = (roster) => ({ adminPublic: o.adminPublic, instanceId: o.instanceId, salt: o.salt, roster });
  return o;
}

const pin = (opts = {}) => new P.InstancePin({ today: () => TODAY, ...opts });

test('the published address: fp and rv from the fragment, malformed values ignored', () => {
  const fp = 'ab'.repeat(20);
  assert.deepEqual(P.parseAddressFragment(`#fp=${fp}&rv=7`), { fp, rv: 7 });
  assert.deepEqual(P.parseAddressFragment(`#lang=sq&rv=12&fp=${fp}`), { fp, rv: 12 });
  assert.deepEqual(P.parseAddressFragment('#lang=en'), { fp: null, rv: null });
  assert.deepEqual(P.parseAddressFragment(`#fp=${fp.toUpperCase()}&rv=0`), { fp: null, rv: null });
  assert.deepEqual(P.parseAddressFragment(`#fp=${fp}0&rv=-1`), { fp: null, rv: null });
  assert.deepEqual(P.parseAddressFragment('#rv=99999999999999999'), { fp: null, rv: null });
  assert.deepEqual(P.parseAddressFragment('%E0%A4%A'), { fp: null, rv: null });
});

test('an admin key other than the fingerprint of the address is refused (bad_signature)', async () => {
  const o = org();
  assert.equal(await outcome(() => pin({ fp: o.fp }).accept(o.doc(o.v2(1, zero32)))), 'success');
  const wrong = (o.fp[0] === '0' ? '1' : '0') + o.fp.slice(1);
  assert.equal(await outcome(() => pin({ fp: wrong }).accept(o.doc(o.v2(1, zero32)))), 'bad_signature/err_api_fingerprint_mismatch');
  // Without fp the page takes the server's key (and says so): a roster signed by another key still fails.
  const other = org();
  assert.equal(await outcome(() => pin().accept({ ...o.doc(other.v2(1, zero32)), instanceId: o.instanceId })), 'bad_signature');
});

test('within one load the admin key, the instance id and the salt of the first document are pinned', async () => {
  const o = org();
  const p = pin();
  await p.accept(o.doc(o.v2(1, zero32)));
  const other = org();
  assert.equal(await outcome(() => p.accept({ ...o.doc(o.v2(1, zero32)), adminPublic: other.adminPublic, roster: other.v2(2, P.randomBytes(32)) })), 'bad_signature/err_trust_instance_changed');
  assert.equal(await outcome(() => p.accept({ ...o.doc(o.v2(1, zero32)), instanceId: P.randomBytes(16) })), 'malformed/err_trust_instance_changed');
  assert.equal(await outcome(() => p.accept({ ...o.doc(o.v2(1, zero32)), salt: P.randomBytes(16) })), 'malformed/err_trust_instance_changed');
  assert.equal(await outcome(() => p.accept(o.doc(o.v2(1, zero32)))), 'success');
});

test('the rv floor of the address: a roster below it is rollback, on the first load too', async () => {
  const o = org();
  assert.equal(await outcome(() => pin({ rv: 3 }).accept(o.doc(o.v2(2, P.randomBytes(32))))), 'rollback');
  assert.equal(await outcome(() => pin({ rv: 3 }).accept(o.doc(o.v2(2, P.randomBytes(32))))), 'rollback');
  assert.equal(await outcome(() => pin({ rv: 3 }).accept(o.doc(o.v2(3, P.randomBytes(32))))), 'success');
});

// Dojava 0.1.0 signed version-1 rosters (retired, §16): refused by name, and the page keeps what it had.
test('a version-1 roster is unsupported_version, on the first load and after', async () => {
  const o = org();
  const old = o.v2(2, P.randomBytes(32));
  old[0] = 1;
  assert.equal(await outcome(() => pin().accept(o.doc(old))), 'unsupported_version');
  const p = pin();
  const r1 = o.v2(1, zero32);
  const first = await p.accept(o.doc(r1));
  assert.equal(first.activeChanged, false);
  assert.equal(await outcome(() => p.accept(o.doc(old))), 'unsupported_version');
  const more = await p.accept(o.doc(o.v2(2, P.rosterDigestV2(r1), [...o.people, reviewer('Cvijeta')])));
  assert.equal(more.activeChanged, true);
  assert.equal(P.activeEntries(more.roster).length, 3);
});

test('v2 rosters across reloads: the chain rule, intermediates fetched, retired entries not sealed to', async () => {
  const o = org();
  const r1 = o.v2(1, zero32);
  const d1 = P.rosterDigestV2(r1);
  const r2 = o.v2(2, d1, [o.people[0], { ...o.people[1], retiredAt: 2 }]);
  const r3 = o.v2(3, P.rosterDigestV2(r2), [o.people[0], { ...o.people[1], retiredAt: 2 }, reviewer('Cvijeta')]);
  const p = pin();
  await p.accept(o.doc(r1));
  let asked = null;
  const fetchAfter = async (v0) => {
    asked = v0;
    return [r2, r3];
  };
  const next = await p.accept(o.doc(r3), fetchAfter);
  assert.equal(asked, 1n);
  assert.equal(next.activeChanged, true);
  assert.deepEqual(P.activeEntries(next.roster).map((e) => e.name).sort(), ['Ana', 'Cvijeta']);
  // A successor that brings the retired reviewer back, or does not name its predecessor.
  const back = o.v2(4, P.rosterDigestV2(r3), [...o.people, reviewer('Cvijeta')]);
  assert.equal(await outcome(() => p.accept(o.doc(back))), 'broken_chain');
  assert.equal(await outcome(() => p.accept(o.doc(o.v2(4, P.randomBytes(32), [o.people[0], { ...o.people[1], retiredAt: 2 }])))), 'broken_chain');
  assert.equal(await outcome(() => p.accept(o.doc(r2))), 'rollback');
  // An intermediate that does not chain is found even when the new roster's own link is right.
  const q = pin();
  await q.accept(o.doc(r1));
  const forged2 = o.v2(2, P.randomBytes(32));
  assert.equal(await outcome(() => q.accept(o.doc(r3), async () => [forged2])), 'broken_chain');
  // Without the rosters route (an older server): the continuity checks alone.
  const s = pin();
  await s.accept(o.doc(r1));
  assert.equal(await outcome(() => s.accept(o.doc(r3), async () => null)), 'success');
});

test('an expired v2 roster is returned marked expired (readers may verify authors, writers must not seal)', async () => {
  const o = org();
  const { roster } = await pin().accept(o.doc(o.v2(1, zero32, o.people, TODAY - 1)));
  assert.equal(roster.expired, true);
  const fresh = await pin().accept(o.doc(o.v2(1, zero32, o.people, TODAY)));
  assert.equal(fresh.roster.expired, false);
});
