// Handlers for the protocol-2 vector kinds (PROTOCOL.md §6, §7.2-§7.4, §8), used by vectors.test.mjs.
// Each returns { run, check?, reencrypt? } like the handlers there.

import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';

const hex = (s) => P.hexDecode(s);
const toHex = (b) => P.hexEncode(b);

function need(obj, name, where) {
  if (obj === undefined || obj === null || !(name in obj)) throw new Error(`vector lacks ${where}.${name}`);
  return obj[name];
}
const has = (obj, name) => obj !== undefined && obj !== null && name in obj;

/** The roster of a vector's input, verified without an expiry day (it serves to look authors up). */
function authorRoster(i) {
  return P.verifyRosterV2(hex(need(i, 'roster', 'input')), hex(need(i, 'admin_public', 'input')), hex(need(i, 'instance_id', 'input')), null);
}

export const V2_HANDLERS = {
  roster_v2(v) {
    const i = v.input;
    const admin = hex(need(i, 'admin_public', 'input'));
    const instance = hex(need(i, 'instance_id', 'input'));
    return {
      run() {
        const r = P.verifyRosterV2(hex(need(i, 'roster', 'input')), admin, instance, need(i, 'today', 'input'));
        if (has(i, 'floor')) P.checkRosterFloor(r, i.floor);
        if (has(i, 'seen')) P.checkRosterChain(P.verifyRosterV2(hex(i.seen), admin, instance, null), r);
        return r;
      },
      check(r) {
        const o = v.output;
        assert.equal(r.version, BigInt(need(o, 'version', 'output')));
        assert.equal(r.expiresDay, need(o, 'expires_day', 'output'));
        assert.equal(toHex(r.prevDigest), need(o, 'prev_digest', 'output'));
        assert.equal(toHex(r.digest), need(o, 'digest', 'output'));
        const entries = need(o, 'entries', 'output');
        assert.equal(r.entries.length, entries.length);
        entries.forEach((e, k) => {
          const x = r.entries[k];
          assert.equal(toHex(x.reviewerId), e.reviewer_id);
          assert.equal(x.retiredAt, BigInt(e.retired_at));
          assert.equal(x.keyEpoch, e.key_epoch);
          assert.equal(toHex(x.ed25519), e.ed25519);
          assert.equal(toHex(x.x25519), e.x25519);
          assert.equal(x.name, e.name);
        });
      },
    };
  },

  message_v2(v) {
    const i = v.input;
    const opts = () => ({ caseId: hex(need(i, 'case_id', 'input')), caseKey: hex(need(i, 'case_key', 'input')), notesKey: hex(need(i, 'notes_key', 'input')), roster: authorRoster(i) });
    return {
      run: () => P.decryptMessageV2(hex(need(i, 'record', 'input')), opts()),
      check(m) {
        const o = v.output;
        assert.deepEqual(Object.keys(o).sort(), ['author', 'body', 'day', 'event_hash', 'key_commitment', 'kind', 'message_id', 'padded_size', 'prev', 'reviewer_id', 'roster_version', 'source_public']);
        assert.equal(m.kind, o.kind);
        assert.equal(toHex(m.messageId), o.message_id);
        assert.equal(m.author, o.author);
        assert.equal(m.reviewerId ? toHex(m.reviewerId) : '00'.repeat(16), o.reviewer_id);
        assert.equal(m.sourcePublic ? toHex(m.sourcePublic) : '00'.repeat(32), o.source_public);
        assert.equal(m.rosterVersion, BigInt(o.roster_version));
        assert.equal(m.day, o.day);
        assert.equal(toHex(m.prev), o.prev);
        assert.equal(toHex(m.keyCommitment), o.key_commitment);
        assert.equal(toHex(m.eventHash), o.event_hash);
        assert.equal(toHex(m.body), o.body);
        assert.equal(m.paddedSize, o.padded_size);
      },
      reencrypt() {
        const e = need(i, 'encrypt', 'input');
        const kind = need(e, 'kind', 'input.encrypt');
        const author = need(e, 'author', 'input.encrypt');
        const m = P.decryptMessageV2(hex(i.record), opts());
        const record = P.encryptMessageV2({
          kind,
          caseId: hex(i.case_id),
          key: hex(kind === P.KIND_CONVERSATION ? i.case_key : i.notes_key),
          body: hex(need(e, 'body', 'input.encrypt')),
          signer: { author, edSeed: hex(need(e, 'signer_ed25519_seed', 'input.encrypt')), reviewerId: m.reviewerId },
          context: { rosterVersion: need(e, 'roster_version', 'input.encrypt'), day: need(e, 'day', 'input.encrypt'), prev: hex(need(e, 'prev', 'input.encrypt')) },
          messageId: hex(need(e, 'message_id', 'input.encrypt')),
          nonce: hex(need(e, 'nonce', 'input.encrypt')),
        });
        return [record, hex(i.record)];
      },
    };
  },

  notes_genesis(v) {
    const i = v.input;
    const opts = () => ({ caseId: hex(need(i, 'case_id', 'input')), caseKey: hex(need(i, 'case_key', 'input')), notesKey: hex(need(i, 'notes_key', 'input')), roster: authorRoster(i) });
    return {
      run: () => P.checkNotesGenesis(hex(need(i, 'genesis', 'input')), opts()),
      check(g) {
        const o = v.output;
        assert.equal(toHex(g.creator), need(o, 'creator', 'output'));
        assert.equal(g.rosterVersion, BigInt(need(o, 'roster_version', 'output')));
        assert.deepEqual(g.recipients.map(toHex), need(o, 'recipients', 'output'));
      },
      reencrypt() {
        const g = P.checkNotesGenesis(hex(i.genesis), opts());
        const seed = hex(need(need(i, 'make', 'input'), 'creator_ed25519_seed', 'input.make'));
        return [P.makeNotesGenesis(g, hex(i.case_key), hex(i.notes_key), seed), hex(i.genesis)];
      },
    };
  },

  ck_anchor(v) {
    const i = v.input;
    const opts = () => ({ caseId: hex(need(i, 'case_id', 'input')), caseKey: hex(need(i, 'case_key', 'input')), roster: authorRoster(i) });
    return {
      run: () => P.checkCaseKeyAnchor(hex(need(i, 'anchor', 'input')), opts()),
      check(id) {
        assert.equal(toHex(id), need(v.output, 'reviewer_id', 'output'));
      },
      reencrypt: () => [P.makeCaseKeyAnchor(hex(i.case_id), hex(v.output.reviewer_id), hex(i.case_key), hex(need(i, 'reviewer_ed25519_seed', 'input'))), hex(i.anchor)],
    };
  },

  case_delete(v) {
    const i = v.input;
    const opts = () => ({ caseId: hex(need(i, 'case_id', 'input')), roster: authorRoster(i), today: need(i, 'today', 'input') });
    return {
      run: () => P.checkCaseDelete(hex(need(i, 'statement', 'input')), opts()),
      check(s) {
        assert.equal(toHex(s.reviewerId), need(v.output, 'reviewer_id', 'output'));
        assert.equal(s.day, need(v.output, 'day', 'output'));
      },
      reencrypt: () => [P.makeCaseDelete(hex(i.case_id), hex(v.output.reviewer_id), v.output.day, hex(need(i, 'reviewer_ed25519_seed', 'input'))), hex(i.statement)],
    };
  },

  rekey(v) {
    const i = v.input;
    const opts = () => ({ caseId: hex(need(i, 'case_id', 'input')), heldKey: hex(need(i, 'held_key', 'input')), roster: authorRoster(i) });
    return {
      run() {
        const s = P.checkRekey(hex(need(i, 'statement', 'input')), opts());
        let newKey;
        if (has(i, 'source_secret')) {
          newKey = P.openRekeyForSource(s, hex(i.source_secret));
        } else {
          newKey = hex(need(i, 'new_key', 'input'));
          P.checkRekeyNewKey(s, newKey);
        }
        return { s, newKey };
      },
      check({ s, newKey }) {
        const o = v.output;
        assert.equal(toHex(s.reviewerId), need(o, 'reviewer_id', 'output'));
        assert.equal(s.rosterVersion, BigInt(need(o, 'roster_version', 'output')));
        assert.equal(toHex(s.newCommit), need(o, 'new_commit', 'output'));
        assert.equal(toHex(newKey), need(o, 'new_key', 'output'));
      },
      reencrypt() {
        const s = P.checkRekey(hex(i.statement), opts());
        const mk = need(i, 'make', 'input');
        const made = P.makeRekey({ caseId: s.caseId, reviewerId: s.reviewerId, oldKey: hex(mk.old_key), newKey: hex(mk.new_key), sourceSeal: s.sourceSeal, rosterVersion: s.rosterVersion }, hex(mk.reviewer_ed25519_seed));
        return [made, hex(i.statement)];
      },
    };
  },

  case_order(v) {
    const i = v.input;
    return {
      run() {
        const roster = authorRoster(i);
        const keys = { caseId: hex(need(i, 'case_id', 'input')), caseKey: hex(need(i, 'case_key', 'input')), notesKey: hex(need(i, 'notes_key', 'input')), roster };
        const listing = need(i, 'records', 'input').map((h) => {
          const record = hex(h);
          let opened = null;
          try {
            opened = P.decryptMessageV2(record, keys);
          } catch (e) {
            if (!(e instanceof P.DojavaError)) throw e;
          }
          return { eventHash: P.eventHash(record), opened };
        });
        const seen = has(i, 'seen') ? { count: i.seen.count, lastHash: hex(i.seen.last_hash) } : undefined;
        const report = P.checkCaseOrder(listing, roster, seen);
        if (report.caseError) throw report.caseError;
        // §8.4, §11.4: message #1's body is a report, and no later body is one.
        const bodyType = (m) => {
          try {
            const b = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(m.body));
            return b !== null && typeof b === 'object' && typeof b.type === 'string' ? b.type : '';
          } catch {
            return '';
          }
        };
        if (bodyType(listing[0].opened) !== 'report') throw new P.DojavaError('malformed', 'message #1 is not a report');
        report.records.forEach((e, n) => {
          if (e) throw e;
          if (n > 0 && listing[n].opened && bodyType(listing[n].opened) === 'report') throw new P.DojavaError('malformed', 'a later report');
        });
        return report.next;
      },
      check(next) {
        assert.equal(next.count, need(v.output, 'count', 'output'));
        assert.equal(toHex(next.lastHash), need(v.output, 'last_hash', 'output'));
      },
    };
  },

  statement_envelope(v) {
    const i = v.input;
    const open = () => P.openStatement(hex(need(i, 'envelope', 'input')), need(i, 'type', 'input'), hex(need(i, 'case_id', 'input')), need(i, 'case_keys', 'input').map(hex));
    return {
      run: open,
      check(r) {
        assert.equal(toHex(r.statement), need(v.output, 'statement', 'output'));
        assert.equal(r.keyIndex, need(v.output, 'key_index', 'output'));
      },
      reencrypt() {
        const seal = need(i, 'seal', 'input');
        const made = P.sealStatement(hex(seal.case_key), i.type, hex(i.case_id), open().statement, { nonce: hex(seal.nonce) });
        return [made, hex(i.envelope)];
      },
    };
  },
};
