// Runs every shared test vector (tests/vectors/*.json, format in PROTOCOL.md §13) against protocol.js.
// Dispatches on `kind`; an unknown kind fails, so a new vector file is never silently skipped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

import * as P from '../js/protocol.js';

const VECTOR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'vectors');
const OUTCOMES = new Set(['success', ...P.OUTCOMES]);

const hex = (s) => P.hexDecode(s);
const toHex = (b) => P.hexEncode(b);

/** A required field: a vector that lacks it is a broken vector (or a renamed field), never a pass. */
function need(obj, name, where) {
  if (obj === undefined || obj === null || !(name in obj)) throw new Error(`vector lacks ${where}.${name}`);
  return obj[name];
}

function has(obj, name) {
  return obj !== undefined && obj !== null && name in obj;
}

/**
 * Each handler returns an object { run, check?, reencrypt? }:
 * run() performs the reader operation (throws DojavaError for a rejection) and returns a result;
 * check(result) compares with `output`; reencrypt() rebuilds the input record from the encryption inputs
 * (success vectors only) and returns [actualBytes, expectedBytes].
 */
const HANDLERS = {
  roster(v) {
    const i = v.input;
    return {
      run() {
        const seen = has(i, 'seen_version') ? { version: BigInt(i.seen_version), digest: hex(need(i, 'seen_digest', 'input')) } : undefined;
        return P.verifyRoster(hex(need(i, 'roster', 'input')), hex(need(i, 'admin_public', 'input')), hex(need(i, 'instance_id', 'input')), seen);
      },
      check(r) {
        const o = v.output;
        assert.equal(r.version, BigInt(need(o, 'version', 'output')));
        assert.equal(toHex(r.digest), need(o, 'digest', 'output'));
        const entries = need(o, 'entries', 'output');
        assert.equal(r.entries.length, entries.length);
        entries.forEach((e, k) => {
          assert.equal(toHex(r.entries[k].reviewerId), e.reviewer_id);
          assert.equal(toHex(r.entries[k].ed25519), e.ed25519);
          assert.equal(toHex(r.entries[k].x25519), e.x25519);
          assert.equal(r.entries[k].name, e.name);
        });
      },
    };
  },

  sealed_key(v) {
    const i = v.input;
    const secret = hex(need(i, 'recipient_secret', 'input'));
    return {
      run() {
        // The vector's public key must be the one the secret gives (a self-check of the vector).
        assert.equal(toHex(P.x25519Public(secret)), need(i, 'recipient_public', 'input'));
        return P.openSealedKey(hex(need(i, 'record', 'input')), secret, need(i, 'role', 'input'), hex(need(i, 'case_id', 'input')));
      },
      check(key) {
        assert.equal(toHex(key), need(v.output, 'key', 'output'));
      },
      reencrypt: has(i, 'ephemeral_secret')
        ? () => [
            P.sealKey(hex(need(i, 'key', 'input')), hex(i.recipient_public), i.role, hex(i.case_id), { ephemeralSecret: hex(i.ephemeral_secret) }),
            hex(i.record),
          ]
        : undefined,
    };
  },

  message(v) {
    const i = v.input;
    const reviewers = need(i, 'reviewers', 'input').map((r) => ({ reviewerId: hex(r.reviewer_id), ed25519: hex(r.ed25519) }));
    const opts = {
      caseId: hex(need(i, 'case_id', 'input')),
      caseKey: has(i, 'case_key') ? hex(i.case_key) : undefined,
      notesKey: has(i, 'notes_key') ? hex(i.notes_key) : undefined,
      reviewers,
    };
    return {
      run: () => P.decryptMessage(hex(need(i, 'record', 'input')), opts),
      check(m) {
        const o = v.output;
        assert.equal(m.kind, need(o, 'kind', 'output'));
        assert.equal(toHex(m.messageId), need(o, 'message_id', 'output'));
        assert.equal(m.author, need(o, 'author', 'output'));
        // The vectors write a source message's reviewer id as 16 zero bytes.
        assert.equal(m.reviewerId === null ? '00'.repeat(16) : toHex(m.reviewerId), need(o, 'reviewer_id', 'output'));
        assert.equal(toHex(m.body), need(o, 'body', 'output'));
        assert.equal(m.paddedSize, need(o, 'padded_size', 'output'));
      },
      reencrypt: has(i, 'encrypt')
        ? () => {
            const e = i.encrypt;
            const kind = need(e, 'kind', 'input.encrypt');
            const author = has(e, 'signer_ed25519_seed')
              ? { reviewerId: hex(need(v.output, 'reviewer_id', 'output')), edSeed: hex(e.signer_ed25519_seed) }
              : null;
            const rec = P.encryptMessage({
              kind,
              caseId: opts.caseId,
              key: kind === P.KIND_CONVERSATION ? opts.caseKey : opts.notesKey,
              body: hex(need(e, 'body', 'input.encrypt')),
              author,
              messageId: hex(need(e, 'message_id', 'input.encrypt')),
              nonce: hex(need(e, 'nonce', 'input.encrypt')),
            });
            return [rec, hex(i.record)];
          }
        : undefined,
    };
  },

  login(v) {
    const i = v.input;
    const args = () => [hex(need(i, 'instance_id', 'input')), hex(need(i, 'reviewer_id', 'input')), hex(need(i, 'challenge', 'input'))];
    return {
      run() {
        if (has(i, 'ed25519_seed')) assert.equal(toHex(P.ed25519Public(hex(i.ed25519_seed))), need(i, 'ed25519_public', 'input'));
        P.verifyLogin(hex(need(i, 'ed25519_public', 'input')), ...args(), hex(need(i, 'signature', 'input')));
        return null;
      },
      check() {},
      // Ed25519 is deterministic: signing the same challenge must give the same bytes.
      reencrypt: has(i, 'ed25519_seed') ? () => [P.signLogin(hex(i.ed25519_seed), ...args()), hex(i.signature)] : undefined,
    };
  },
};

function loadVectors() {
  const files = readdirSync(VECTOR_DIR).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => ({ file: f, v: JSON.parse(readFileSync(join(VECTOR_DIR, f), 'utf8')) }));
}

const vectors = loadVectors();

test('vector directory is not empty', () => {
  assert.ok(vectors.length > 0, `no vectors in ${VECTOR_DIR}`);
});

const counts = {};
for (const { file, v } of vectors) {
  test(`${v.kind ?? '?'}: ${file}`, () => {
    assert.ok(typeof v.kind === 'string', 'vector has no kind');
    assert.ok(OUTCOMES.has(v.expect), `unknown expected outcome ${v.expect}`);
    const handler = HANDLERS[v.kind];
    assert.ok(handler, `unknown vector kind "${v.kind}": add a handler in static/test/vectors.test.mjs`);
    const h = handler(v);
    if (v.expect === 'success') {
      const result = h.run();
      h.check(result);
      if (h.reencrypt) {
        const [actual, expected] = h.reencrypt();
        assert.equal(toHex(actual), toHex(expected), 're-encryption differs');
      }
    } else {
      assert.throws(
        () => h.run(),
        (e) => {
          assert.ok(e instanceof P.DojavaError, `expected DojavaError(${v.expect}), got ${e && e.stack}`);
          assert.equal(e.code, v.expect);
          return true;
        },
      );
    }
    counts[v.kind] = counts[v.kind] || {};
    counts[v.kind][v.expect] = (counts[v.kind][v.expect] || 0) + 1;
  });
}

test('summary of vectors run', { skip: false }, () => {
  // Printed for the report; the per-file tests above are what pass or fail.
  console.log('vector counts by kind/outcome:', JSON.stringify(counts));
});
